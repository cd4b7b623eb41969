"""The staff form of a survey and the formset of its waves (survey_views.py).

Wave keys end up in the answer URL ``surveys/<pk>/<wave>/`` and in the results page's wave
choice, so the keys that those already use for something else are refused here.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from yhdessa.core.disclosure import min_cell_size
from yhdessa.directory.models import Municipality
from yhdessa.events.models import Event
from yhdessa.projects.models import Project
from yhdessa.surveys.models import InstrumentVersion, Survey, Wave
from yhdessa.surveys.results import ALL_WAVES

#: Wave keys that clash with ``surveys/<pk>/results/`` and its neighbours, or with the results
#: page's "all waves together" choice.
RESERVED_WAVE_KEYS = frozenset({"results", "comparison", "thanks", "invitation", ALL_WAVES})
#: The two waves a new survey starts with; their names are data in Finnish, not UI text.
NEW_SURVEY_WAVES = [
    {"key": "start", "label_fi": "Aloitus", "position": 0},
    {"key": "end", "label_fi": "Lopetus", "position": 1},
]


def _datetime_input() -> forms.DateTimeInput:
    # A native date and time picker that needs no JavaScript.
    return forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class InstrumentVersionField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.instrument.name} v{obj.number}"


class EventField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.title}, {date_format(timezone.localtime(obj.starts_at), 'j.n.Y')}"


class SurveyForm(forms.ModelForm):
    class Meta:
        model = Survey
        fields = [
            "title_fi",
            "title_sv",
            "title_en",
            "instrument_version",
            "municipality",
            "event",
            "is_public",
        ]
        field_classes = {"instrument_version": InstrumentVersionField, "event": EventField}
        labels = {
            "title_fi": _("Otsikko suomeksi"),
            "title_sv": _("Otsikko ruotsiksi"),
            "title_en": _("Otsikko englanniksi"),
            "instrument_version": _("Mittari"),
            "municipality": _("Kunta"),
            "event": _("Tapahtuma"),
            "is_public": _("Tulokset julkisia"),
        }

    def __init__(
        self,
        *args: Any,
        project: Project,
        municipalities: QuerySet[Municipality],
        whole_project: bool,
        version_locked: bool,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.version_locked = version_locked
        self.fields["title_fi"].required = True
        self._version_field(version_locked)
        municipality = self._choice_field("municipality")
        municipality.queryset = municipalities
        municipality.required = not whole_project
        if not whole_project and self.instance.pk is None:
            only = list(municipalities[:2])
            if len(only) == 1:  # a coordinator of one municipality need not choose it
                self.initial["municipality"] = only[0].pk
        if whole_project:
            municipality.empty_label = str(_("Koko hanke (kaikki kunnat)"))
            municipality.help_text = _("Jätä tyhjäksi, jos kysely koskee koko hanketta.")
        else:
            municipality.empty_label = str(_("Valitse kunta"))
            municipality.help_text = _("Voit tehdä kyselyn vain omalle kunnallesi.")
        event = self._choice_field("event")
        event.queryset = Event.objects.filter(project=project).order_by("-starts_at", "pk")
        event.empty_label = str(_("Ei tapahtumaa"))
        event.help_text = _("Valitse, jos kysely kerää palautetta tapahtumasta.")
        self.fields["is_public"].help_text = _(
            "Tulokset näkyvät kaikille, jos hanke on julkinen. Pienten ryhmien suoja on silti "
            "voimassa: alle %(threshold)s vastaajan lukuja ei näytetä kenellekään."
        ) % {"threshold": min_cell_size()}

    def _choice_field(self, name: str) -> forms.ModelChoiceField:
        field = self.fields[name]
        assert isinstance(field, forms.ModelChoiceField)  # noqa: S101 (declared in Meta)
        return field

    def _version_field(self, locked: bool) -> None:
        field = self._choice_field("instrument_version")
        # Published versions only; a survey keeps the version it has (even an old one).
        field.queryset = (
            InstrumentVersion.objects.filter(
                Q(published_at__isnull=False) | Q(pk=self.instance.instrument_version_id)
            )
            .select_related("instrument")
            .order_by("instrument__name", "number")
        )
        field.empty_label = str(_("Valitse mittari"))
        if locked:
            field.disabled = True
            field.help_text = _(
                "Kyselyyn on jo vastattu, joten mittaria ei voi enää vaihtaa: vastaukset on "
                "annettu tämän version kysymyksiin."
            )
        else:
            field.help_text = _(
                "Mittarin julkaistu versio. Sitä ei voi vaihtaa enää, kun kyselyyn on vastattu."
            )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        posted = self.data.get(self.add_prefix("instrument_version"))
        if self.version_locked and posted and posted != str(self.instance.instrument_version_id):
            # The field is disabled, so its posted value is ignored; a page opened before the
            # first answer came in is told why the change was not made.
            self.add_error(
                "instrument_version",
                _("Kyselyyn on jo vastattu, joten mittaria ei voi enää vaihtaa."),
            )
        municipality, event = cleaned.get("municipality"), cleaned.get("event")
        if municipality and event and event.municipality_id not in (None, municipality.pk):
            self.add_error("event", _("Tapahtuma on eri kunnassa kuin kysely."))
        return cleaned


class WaveForm(forms.ModelForm):
    class Meta:
        model = Wave
        fields = ["key", "label_fi", "opens_at", "closes_at", "position"]
        widgets = {"opens_at": _datetime_input(), "closes_at": _datetime_input()}
        labels = {
            "key": _("Tunniste"),
            "label_fi": _("Nimi suomeksi"),
            "opens_at": _("Avautuu"),
            "closes_at": _("Sulkeutuu"),
            "position": _("Järjestys"),
        }
        help_texts = {
            "key": _("Näkyy vastauslinkissä, esim. start. Kirjaimet a–z, numerot, - ja _."),
            "closes_at": _("Jätä tyhjäksi, jos kierros on auki toistaiseksi."),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["label_fi"].required = True
        self.fields["position"].widget.attrs["inputmode"] = "numeric"

    def clean_key(self) -> str:
        key: str = self.cleaned_data["key"]
        if key.lower() in RESERVED_WAVE_KEYS:
            raise ValidationError(
                _("Tunniste %(key)s on varattu. Valitse toinen."),
                code="reserved",
                params={"key": key},
            )
        return key

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        opens, closes = cleaned.get("opens_at"), cleaned.get("closes_at")
        if opens and closes and closes <= opens:
            # Checked here so that the database's constraint never turns it into an error page.
            self.add_error("closes_at", _("Kierroksen täytyy sulkeutua vasta avautumisen jälkeen."))
        return cleaned


def answered(form: forms.BaseForm) -> bool:
    """Whether the form's wave has responses (``waves_to_edit`` counts them)."""
    return bool(getattr(getattr(form, "instance", None), "response_count", 0))


def marked_for_deletion(form: forms.BaseForm) -> bool:
    return bool(getattr(form, "cleaned_data", {}).get(forms.formsets.DELETION_FIELD_NAME))


class BaseWaveFormSet(forms.BaseInlineFormSet):
    def add_fields(self, form: forms.BaseForm, index: int | None) -> None:
        super().add_fields(form, index)
        if forms.formsets.DELETION_FIELD_NAME in form.fields:
            form.fields[forms.formsets.DELETION_FIELD_NAME].label = _("Poista kierros")

    def clean(self) -> None:
        errors: list[ValidationError] = []
        seen: set[str] = set()
        duplicates = False
        kept = 0
        for form in self.forms:
            if marked_for_deletion(form):
                if form.instance.pk is not None and answered(form):
                    errors.append(
                        ValidationError(
                            _("Kierrosta %(wave)s ei voi poistaa, koska siihen on jo vastattu."),
                            params={"wave": form.instance.label},
                        )
                    )
                continue
            if form.instance.pk is None and not form.has_changed():
                continue  # an extra wave left as it was
            kept += 1
            key = form.cleaned_data.get("key")
            if key in seen:
                form.add_error("key", _("Kahdella kierroksella ei voi olla samaa tunnistetta."))
                duplicates = True
            elif key:
                seen.add(key)
        if not kept:
            errors.append(ValidationError(_("Lisää kyselyyn vähintään yksi kyselykierros.")))
        if errors:
            raise ValidationError(errors)
        if not duplicates:
            super().clean()  # Django's own checks, whose duplicate message is less clear


_WAVE_FORMSET_OPTIONS: dict[str, Any] = {
    "form": WaveForm,
    "formset": BaseWaveFormSet,
    "fields": WaveForm.Meta.fields,
    "can_delete": True,
}
NewWaveFormSet = forms.inlineformset_factory(Survey, Wave, extra=2, **_WAVE_FORMSET_OPTIONS)
WaveFormSet = forms.inlineformset_factory(Survey, Wave, extra=1, **_WAVE_FORMSET_OPTIONS)


def wave_formset(data: Any, survey: Survey, waves: QuerySet[Wave] | None = None) -> BaseWaveFormSet:
    """Two waves (start and end) to fill in for a new survey; one more to add when editing."""
    if survey.pk is None:
        formset = NewWaveFormSet(data, instance=survey, prefix="waves", initial=NEW_SURVEY_WAVES)
    else:
        formset = WaveFormSet(data, instance=survey, prefix="waves", queryset=waves)
    return cast(BaseWaveFormSet, formset)


@dataclass(frozen=True)
class SummaryField:
    """What ``includes/form_errors.html`` reads of a bound field."""

    label: str
    id_for_label: str
    errors: list[str]


class ErrorSummary:
    """The survey form and its waves as one form for ``includes/form_errors.html``: one
    summary at the top of the page, each error linked to its field."""

    def __init__(self, form: SurveyForm, waves: BaseWaveFormSet) -> None:
        self.form = form
        self.waves = waves

    def _wave_forms(self) -> Iterator[tuple[int, forms.BaseForm]]:
        for number, form in enumerate(self.waves.forms, start=1):
            if not marked_for_deletion(form):
                yield number, form

    @property
    def errors(self) -> bool:
        return bool(self.form.errors) or self.waves.total_error_count() > 0

    def non_field_errors(self) -> list[str]:
        messages = [*self.form.non_field_errors(), *self.waves.non_form_errors()]
        for number, form in self._wave_forms():
            messages += [
                str(_("Kierros %(number)s: %(error)s") % {"number": number, "error": error})
                for error in form.non_field_errors()
            ]
        return messages

    def __iter__(self) -> Iterator[Any]:
        yield from self.form
        for number, form in self._wave_forms():
            for field in form:
                if field.errors:
                    label = _("Kierros %(number)s, %(field)s") % {
                        "number": number,
                        "field": str(field.label).lower(),
                    }
                    errors = [str(error) for error in field.errors]
                    yield SummaryField(str(label), field.id_for_label, errors)
