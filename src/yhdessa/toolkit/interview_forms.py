"""Staff forms of interviews, coded passages, the code list, lessons and vision words.

The forms validate (the models give most messages); every write goes through
``interview_services``.
"""

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from yhdessa.directory.models import Municipality
from yhdessa.toolkit.models import CodedPassage, Interview, InterviewTheme, Lesson, VisionWord

NO_NAMES = _(
    "Älä kirjoita haastateltavan tai muiden ihmisten nimiä. Kirjaa asiat niin, ettei "
    "henkilöä voi tunnistaa."
)


class InterviewForm(forms.ModelForm):
    class Meta:
        model = Interview
        fields = ["held_on", "interviewee_role", "sector", "municipality", "notes"]
        widgets = {
            "held_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "notes": forms.Textarea(attrs={"rows": 8}),
        }
        help_texts = {
            "interviewee_role": _(
                "Tehtävänimike, esimerkiksi hyvinvointikoordinaattori. Ei nimeä."
            ),
            "notes": NO_NAMES,
        }
        error_messages = {
            "held_on": {
                "required": _("Anna haastattelun päivä."),
                "invalid": _("Anna päivä muodossa pp.kk.vvvv."),
            },
            "interviewee_role": {"required": _("Kerro haastateltavan tehtävä.")},
            "sector": {"required": _("Valitse organisaation laji.")},
        }

    def __init__(
        self,
        *args: Any,
        municipalities: QuerySet[Municipality],
        municipality_required: bool = False,
        **kwargs: Any,
    ) -> None:
        """``municipality_required``: a coordinator's interview is of their municipality
        (without one, they could no longer read it)."""
        super().__init__(*args, **kwargs)
        field = self.fields["municipality"]
        assert isinstance(field, forms.ModelChoiceField)  # noqa: S101 (declared in Meta)
        field.queryset = municipalities
        field.required = municipality_required
        field.error_messages["required"] = _("Valitse kunta.")
        field.error_messages["invalid_choice"] = _("Valitse kunta listalta.")
        if not municipality_required:
            field.empty_label = _("Ei kuntaa (esimerkiksi maakunnallinen toimija)")


class ThemeCheckboxes(forms.CheckboxSelectMultiple):
    def id_for_label(self, id_: str, index: str | None = None) -> str:
        """The first box's id for the whole group, so that the error summary's link to the
        field lands on it (Django gives none for a group of boxes)."""
        return forms.widgets.ChoiceWidget.id_for_label(self, id_, "0" if index is None else index)


class ThemesField(forms.ModelMultipleChoiceField):
    widget = ThemeCheckboxes


class PassageForm(forms.ModelForm):
    themes = ThemesField(
        queryset=InterviewTheme.objects.none(),
        label=_("Teemat"),
        help_text=_("Valitse kaikki teemat, joista katkelma kertoo."),
        error_messages={
            "required": _("Valitse vähintään yksi teema."),
            "invalid_choice": _("Valitse teemat hankkeen koodilistasta."),
        },
    )

    class Meta:
        model = CodedPassage
        fields = ["text", "themes", "publishable"]
        widgets = {"text": forms.Textarea(attrs={"rows": 5})}
        help_texts = {"text": NO_NAMES}
        error_messages = {"text": {"required": _("Kirjoita katkelma.")}}

    def __init__(self, *args: Any, themes: QuerySet[InterviewTheme], **kwargs: Any):
        super().__init__(*args, **kwargs)
        field = self.fields["themes"]
        assert isinstance(field, forms.ModelMultipleChoiceField)  # noqa: S101
        field.queryset = themes


class ThemeForm(forms.ModelForm):
    class Meta:
        model = InterviewTheme
        fields = ["name", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}
        error_messages = {"name": {"required": _("Anna teemalle nimi.")}}


class LessonForm(forms.ModelForm):
    class Meta:
        model = Lesson
        fields = ["text_fi", "text_sv", "text_en", "category"]
        widgets = {name: forms.Textarea(attrs={"rows": 3}) for name in fields[:3]}
        labels = {
            "text_fi": _("Opetus suomeksi"),
            "text_sv": _("Opetus ruotsiksi"),
            "text_en": _("Opetus englanniksi"),
        }
        error_messages = {"category": {"required": _("Valitse luokka.")}}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["text_fi"].required = True
        self.fields["text_fi"].error_messages["required"] = _("Kirjoita opetus suomeksi.")
        self.fields["text_fi"].help_text = _("Lyhyt toteamus, yksi tai kaksi virkettä.")


class VisionWordForm(forms.ModelForm):
    class Meta:
        model = VisionWord
        fields = ["word", "frequency"]
        help_texts = {"frequency": _("Kuinka monta kertaa sana tai ilmaus mainittiin.")}
        error_messages = {
            "word": {"required": _("Kirjoita sana tai ilmaus.")},
            "frequency": {
                "required": _("Anna mainintojen määrä."),
                "invalid": _("Anna mainintojen määrä kokonaislukuna."),
            },
        }
