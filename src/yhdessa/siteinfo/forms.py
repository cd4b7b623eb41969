import math
from typing import TYPE_CHECKING, cast

from django import forms
from django.db.models import Field as ModelField
from django.db.models import Model
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from yhdessa.siteinfo import colours
from yhdessa.siteinfo.images import PublicImageField
from yhdessa.siteinfo.models import LegalPage, SiteProfile

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

LANGUAGES = ("fi", "sv", "en")
IN_LANGUAGE = {"fi": _("suomeksi"), "sv": _("ruotsiksi"), "en": _("englanniksi")}


def _translated(*fields: str) -> list[str]:
    return [f"{field}_{language}" for field in fields for language in LANGUAGES]


def _ratio(value: float) -> str:
    """Rounded down, so a ratio just under 4.5 never reads as 4,50."""
    return number_format(math.floor(value * 100) / 100, 2)


def _label_languages(form: forms.ModelForm, *fields: str, required: bool = True) -> None:
    """ "Palvelun nimi suomeksi", "… ruotsiksi", …; the Finnish text is the one required."""
    model: type[Model] = form._meta.model
    for field in fields:
        base = str(cast(ModelField, model._meta.get_field(field)).verbose_name).capitalize()
        for language in LANGUAGES:
            form.fields[f"{field}_{language}"].label = f"{base} {IN_LANGUAGE[language]}"
        form.fields[f"{field}_fi"].required = required


class ColourField(forms.CharField):
    def __init__(self, **kwargs) -> None:
        super().__init__(max_length=7, **kwargs)

    def clean(self, value):
        value = super().clean(value)
        colour = colours.normalise(value or "")
        if colour is None:
            raise forms.ValidationError(
                _("Anna väri muodossa #rrggbb, esimerkiksi #005a78."), code="colour"
            )
        return colour


PROFILE_TEXTS = (
    "name",
    "controller",
    "data_protection_officer",
    "privacy_authority",
    "accessibility_feedback",
    "accessibility_authority",
)


class SiteProfileForm(forms.ModelForm):
    logo = PublicImageField(label=_("Logo"), required=False)
    front_image = PublicImageField(label=_("Etusivun kuva"), required=False)
    primary_colour = ColourField(
        label=_("Pääväri"), help_text=SiteProfile._meta.get_field("primary_colour").help_text
    )
    header_colour = ColourField(
        label=_("Ylä- ja alapalkin taustaväri"),
        help_text=SiteProfile._meta.get_field("header_colour").help_text,
    )

    class Meta:
        model = SiteProfile
        fields = [
            *_translated("name"),
            "logo",
            *_translated("logo_alt"),
            "front_image",
            *_translated("front_image_alt"),
            "primary_colour",
            "header_colour",
            *_translated(*PROFILE_TEXTS[1:]),
        ]
        widgets = {
            name: forms.Textarea(attrs={"rows": 5}) for name in _translated(*PROFILE_TEXTS[1:])
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        _label_languages(self, *PROFILE_TEXTS)
        _label_languages(self, "logo_alt", "front_image_alt", required=False)

    def groups(self) -> list[tuple[str, list[forms.BoundField]]]:
        """The fields under a legend each, in the order of the page."""
        names = {
            _("Nimi"): _translated("name"),
            _("Logo ja etusivun kuva"): [
                "logo",
                *_translated("logo_alt"),
                "front_image",
                *_translated("front_image_alt"),
            ],
            _("Värit"): ["primary_colour", "header_colour"],
            _("Rekisterinpitäjä ja tietosuoja"): _translated(
                "controller", "data_protection_officer", "privacy_authority"
            ),
            _("Saavutettavuus"): _translated("accessibility_feedback", "accessibility_authority"),
        }
        return [(str(legend), [self[name] for name in fields]) for legend, fields in names.items()]

    def clean(self):
        cleaned = super().clean() or {}
        self._require_alt("logo", _("Kirjoita logolle tekstivastine suomeksi."))
        self._require_alt("front_image", _("Kirjoita etusivun kuvalle tekstivastine suomeksi."))
        self._check_contrast(cleaned.get("primary_colour"), cleaned.get("header_colour"))
        return cleaned

    def _require_alt(self, field: str, message: "StrOrPromise") -> None:
        # A new upload, or the stored file when none was sent; False when it is removed.
        if (
            self.cleaned_data.get(field)
            and not (self.cleaned_data.get(f"{field}_alt_fi") or "").strip()
        ):
            self.add_error(f"{field}_alt_fi", message)

    def _check_contrast(self, primary: str | None, header: str | None) -> None:
        """Every pair of colours that site.css shows together must pass WCAG AA."""
        if primary:
            ratio = colours.contrast(primary, colours.WHITE)
            if ratio < colours.AA_TEXT:
                self.add_error(
                    "primary_colour",
                    _(
                        "Pääväri %(colour)s on liian vaalea valkoista taustaa ja painikkeiden "
                        "valkoista tekstiä vasten: kontrasti on %(ratio)s:1, mutta vähintään "
                        "4,5:1 tarvitaan (WCAG AA)."
                    )
                    % {"colour": primary, "ratio": _ratio(ratio)},
                )
        if header:
            ratio = min(
                colours.contrast(header, colours.TEXT), colours.contrast(header, colours.MUTED)
            )
            if ratio < colours.AA_TEXT:
                self.add_error(
                    "header_colour",
                    _(
                        "Taustaväri %(colour)s on liian tumma tekstille: kontrasti on "
                        "%(ratio)s:1, mutta vähintään 4,5:1 tarvitaan (WCAG AA). Valitse "
                        "vaaleampi väri."
                    )
                    % {"colour": header, "ratio": _ratio(ratio)},
                )
        if primary and header and not self.errors.get("primary_colour"):
            ratio = colours.contrast(primary, header)
            if ratio < colours.AA_TEXT:
                self.add_error(
                    "primary_colour",
                    _(
                        "Pääväri %(colour)s ei erotu ylä- ja alapalkin taustavärin "
                        "%(background)s päällä: kontrasti on %(ratio)s:1, mutta vähintään "
                        "4,5:1 tarvitaan (WCAG AA)."
                    )
                    % {"colour": primary, "background": header, "ratio": _ratio(ratio)},
                )


class LegalPageForm(forms.ModelForm):
    class Meta:
        model = LegalPage
        fields = _translated("title", "body")
        widgets = {name: forms.Textarea(attrs={"rows": 18}) for name in _translated("body")}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        _label_languages(self, "title", "body")
