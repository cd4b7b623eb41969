from django import forms
from django.db.models import Q
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from yhdessa.core.forms import SpreadsheetFileField
from yhdessa.directory.models import Municipality, Organisation
from yhdessa.events.attendance import MAX_IMPORT_BYTES
from yhdessa.events.models import BackgroundCategory, Event
from yhdessa.events.services import RegistrationInput
from yhdessa.siteinfo.images import PublicImageField


class RegistrationForm(forms.Form):
    """The public sign-up: plain language, no account, works without JavaScript."""

    name = forms.CharField(label=_("Nimi"), max_length=200)
    email = forms.EmailField(
        label=_("Sähköposti"),
        max_length=254,
        help_text=_("Lähetämme vahvistuksen tähän osoitteeseen."),
    )
    organisation_name = forms.CharField(
        label=_("Organisaatio"), max_length=200, required=False, help_text=_("Jos edustat jotakin.")
    )
    background = forms.ModelChoiceField(
        label=_("Taustasi"), queryset=BackgroundCategory.objects.none(), empty_label=_("Valitse")
    )
    municipality = forms.ModelChoiceField(
        label=_("Kotikunta"),
        queryset=Municipality.objects.all(),
        required=False,
        empty_label=_("En halua kertoa / muu kunta"),
    )
    needs = forms.CharField(
        label=_("Esteettömyys- tai ruokavaliotarpeet"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    consent = forms.BooleanField(
        label=_("Hyväksyn, että tietojani käsitellään tietosuojaselosteen mukaisesti."),
        error_messages={
            "required": _("Hyväksy tietosuojaseloste, jotta voimme käsitellä ilmoittautumisesi.")
        },
    )

    def __init__(self, *args, event: Event, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        background = self.fields["background"]
        assert isinstance(background, forms.ModelChoiceField)  # noqa: S101 (narrows the type)
        background.queryset = BackgroundCategory.objects.filter(project=event.project_id)
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["organisation_name"].widget.attrs["autocomplete"] = "organization"
        self.fields["consent"].help_text = format_html(
            '<a href="{}">{}</a>',
            reverse("siteinfo:privacy_notice", kwargs={"key": "ilmoittautumiset"}),
            _("Lue ilmoittautumisten tietosuojaseloste"),
        )

    def to_input(self, language: str) -> RegistrationInput:
        data = self.cleaned_data
        return RegistrationInput(
            name=data["name"],
            email=data["email"],
            organisation_name=data["organisation_name"],
            background=data["background"],
            municipality=data["municipality"],
            needs=data["needs"],
            consent=data["consent"],
            language=language,
        )


class EventForm(forms.ModelForm):
    image = PublicImageField(label=_("Kuva"), required=False)

    class Meta:
        model = Event
        fields = [
            "kind",
            "theme",
            "title_fi",
            "title_sv",
            "title_en",
            "description_fi",
            "description_sv",
            "description_en",
            "starts_at",
            "ends_at",
            "location",
            "image",
            "image_alt_fi",
            "image_alt_sv",
            "image_alt_en",
            "online_url",
            "municipality",
            "organisers",
            "capacity",
            "registration_opens_at",
            "registration_closes_at",
            "waitlist_enabled",
            "is_public",
        ]
        widgets = {
            "starts_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
            "ends_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
            "registration_opens_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
            "registration_closes_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
            "description_fi": forms.Textarea(attrs={"rows": 4}),
            "description_sv": forms.Textarea(attrs={"rows": 4}),
            "description_en": forms.Textarea(attrs={"rows": 4}),
        }
        labels = {
            "title_fi": _("Otsikko suomeksi"),
            "title_sv": _("Otsikko ruotsiksi"),
            "title_en": _("Otsikko englanniksi"),
            "description_fi": _("Kuvaus suomeksi"),
            "description_sv": _("Kuvaus ruotsiksi"),
            "description_en": _("Kuvaus englanniksi"),
            "image_alt_fi": _("Kuvan tekstivastine suomeksi"),
            "image_alt_sv": _("Kuvan tekstivastine ruotsiksi"),
            "image_alt_en": _("Kuvan tekstivastine englanniksi"),
        }

    def __init__(self, *args, project, municipalities, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["title_fi"].required = True
        self.fields["theme"].queryset = project.themes.all()  # type: ignore[attr-defined]
        self.fields["municipality"].queryset = municipalities  # type: ignore[attr-defined]
        self.fields["organisers"].queryset = Organisation.objects.filter(  # type: ignore[attr-defined]
            Q(municipality__in=project.partner_municipalities.all())
            | Q(implemented_projects=project)
        ).distinct()

    def clean(self):
        cleaned = super().clean() or {}
        starts, ends = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts and ends and ends < starts:
            self.add_error("ends_at", _("Tapahtuma ei voi päättyä ennen kuin se alkaa."))
        opens, closes = cleaned.get("registration_opens_at"), cleaned.get("registration_closes_at")
        if cleaned.get("image") and not (cleaned.get("image_alt_fi") or "").strip():
            self.add_error("image_alt_fi", _("Kirjoita kuvalle tekstivastine suomeksi."))
        if opens and closes and closes < opens:
            self.add_error(
                "registration_closes_at", _("Ilmoittautuminen ei voi päättyä ennen kuin se alkaa.")
            )
        return cleaned


class WalkInForm(forms.Form):
    prefix = "walkin"  # its fields sit on the attendance page beside other forms
    background = forms.ModelChoiceField(
        label=_("Taustaryhmä"),
        queryset=BackgroundCategory.objects.none(),
        required=False,
        empty_label=_("Tausta ei tiedossa"),
    )
    count = forms.IntegerField(
        label=_("Määrä"),
        min_value=1,
        max_value=10000,
        help_text=_("Kuinka monta ilmoittautumatonta henkilöä tuli (kokonaisluku)."),
        error_messages={
            "invalid": _("Anna määräksi positiivinen kokonaisluku."),
            "min_value": _("Anna määräksi positiivinen kokonaisluku."),
            "required": _("Anna määrä."),
        },
    )

    def __init__(self, *args, event: Event, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        background = self.fields["background"]
        assert isinstance(background, forms.ModelChoiceField)  # noqa: S101 (narrows the type)
        background.queryset = BackgroundCategory.objects.filter(project=event.project_id)
        self.fields["count"].widget.attrs.update(inputmode="numeric")


class ImportForm(forms.Form):
    file = SpreadsheetFileField(
        label=_("Läsnäololista"),
        help_text=_("CSV- tai XLSX-tiedosto, enintään 2 Mt."),
        max_bytes=MAX_IMPORT_BYTES,
    )
