"""Forms of the tip list, checklist and publication pages. They validate; the writes are in
``tip_services``."""

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from yhdessa.accounts.models import User
from yhdessa.core.fields import WebAddressField
from yhdessa.toolkit.models import Phase, Publication, PublicationKind, resolvable_identifier
from yhdessa.toolkit.tip_selectors import Target

WEB_ADDRESS_MESSAGE = _("Anna verkko-osoite, joka alkaa http:// tai https://.")


def _date_input() -> forms.DateInput:
    # A native date picker that needs no JavaScript.
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


# --- Tip lists -------------------------------------------------------------------------------


class TipItemForm(forms.Form):
    """One tip of a draft; a row left empty is skipped, a row marked for removal dropped."""

    phase = forms.ChoiceField(label=_("Vaihe"), choices=Phase.choices, initial=Phase.PLAN)
    text_fi = forms.CharField(
        label=_("Vinkki suomeksi"), widget=forms.Textarea(attrs={"rows": 2}), max_length=1000
    )
    text_sv = forms.CharField(
        label=_("Vinkki ruotsiksi"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=1000,
        required=False,
    )
    text_en = forms.CharField(
        label=_("Vinkki englanniksi"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=1000,
        required=False,
    )
    link = forms.URLField(
        label=_("Linkki"),
        required=False,
        max_length=500,
        help_text=_("Vapaaehtoinen. Osoitteen on alettava https:// tai http://."),
        assume_scheme="https",
        validators=WebAddressField.default_validators,
        error_messages={"invalid": WEB_ADDRESS_MESSAGE},
    )


class BaseTipItemFormSet(forms.BaseFormSet):
    def items(self) -> list[dict[str, Any]]:
        return [
            form.cleaned_data
            for form in self.forms
            if form.cleaned_data.get("text_fi") and not form.cleaned_data.get("DELETE")
        ]

    def clean(self) -> None:
        if any(self.errors):
            return
        if not self.items():
            raise forms.ValidationError(_("Listalla on oltava ainakin yksi vinkki."))


TipItemFormSet = forms.formset_factory(
    TipItemForm, formset=BaseTipItemFormSet, extra=3, can_delete=True, max_num=60
)


class PublishForm(forms.Form):
    change_note = forms.CharField(
        label=_("Mitä muuttui"),
        required=False,
        max_length=300,
        help_text=_("Lyhyesti, esimerkiksi: Lisätty vinkki saavutettavuudesta."),
    )


# --- Checklists ------------------------------------------------------------------------------


class AdoptForm(forms.Form):
    target = forms.ChoiceField(
        label=_("Mihin otat listan käyttöön?"),
        help_text=_("Valitse kokeilu, jota hoidat, tai kunta, jonka työtilaa pidät."),
    )

    def __init__(self, *args: Any, targets: list[Target], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.targets = {target.key: target for target in targets}
        self.fields["target"].choices = [("", _("Valitse"))] + [  # type: ignore[attr-defined]
            (target.key, target.label) for target in targets
        ]

    def chosen(self) -> Target:
        return self.targets[self.cleaned_data["target"]]


class ChecklistItemForm(forms.Form):
    """Tick an item done and set its owner and due date (one small form per item)."""

    done = forms.BooleanField(label=_("Tehty"), required=False)
    owner = forms.ModelChoiceField(
        label=_("Vastuuhenkilö"),
        queryset=User.objects.none(),
        required=False,
        empty_label=_("Ei vastuuhenkilöä"),
    )
    due_on = forms.DateField(label=_("Määräpäivä"), required=False, widget=_date_input())

    def __init__(self, *args: Any, owners: QuerySet[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["owner"]
        field.queryset = owners  # type: ignore[attr-defined]
        field.label_from_instance = _owner_label  # type: ignore[attr-defined]


def _owner_label(user: User) -> str:
    return user.get_full_name() or user.email


# --- Publications ----------------------------------------------------------------------------


class PublicationFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Laji"), required=False, choices=[("", _("Kaikki lajit")), *PublicationKind.choices]
    )
    channel = forms.ChoiceField(label=_("Kanava"), required=False)

    def __init__(self, *args: Any, channels: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["channel"].choices = [  # type: ignore[attr-defined]
            ("", _("Kaikki kanavat")),
            *((channel, channel) for channel in channels),
        ]


class PublicationForm(forms.ModelForm):
    class Meta:
        model = Publication
        fields = [
            "kind",
            "title",
            "channel",
            "published_on",
            "authors",
            "url",
            "identifier",
            "reference",
        ]
        widgets = {
            "published_on": _date_input(),
            "reference": forms.Textarea(attrs={"rows": 3}),
        }
        labels = {
            "kind": _("Laji"),
            "title": _("Otsikko"),
            "channel": _("Kanava"),
            "published_on": _("Julkaisupäivä"),
            "authors": _("Tekijät"),
            "url": _("Verkko-osoite"),
            "identifier": _("Pysyvä tunniste (URN tai DOI)"),
            "reference": _("Lähdeviite"),
        }
        error_messages = {"url": {"invalid": WEB_ADDRESS_MESSAGE}}

    def clean_identifier(self) -> str:
        value = (self.cleaned_data.get("identifier") or "").strip()
        if value and not resolvable_identifier(value):
            raise forms.ValidationError(
                _(
                    "Anna tunniste muodossa URN:NBN:fi:… tai DOI muodossa 10.xxxx/…, "
                    "esimerkiksi URN:NBN:fi:amk-202304276623."
                )
            )
        return value

    def fields_to_save(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}
