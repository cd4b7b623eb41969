from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from yhdessa.core.fields import WebAddressField
from yhdessa.directory.validators import validate_business_id, validate_municipality_code


class Region(models.Model):
    """A region (maakunta), by Statistics Finland's two-digit code."""

    code = models.CharField(_("maakuntakoodi"), max_length=2, unique=True)
    name = models.CharField(_("nimi"), max_length=100)

    class Meta:
        verbose_name = _("maakunta")
        verbose_name_plural = _("maakunnat")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class WellbeingServicesCounty(models.Model):
    """A wellbeing services county (hyvinvointialue), which runs social and health services."""

    name = models.CharField(_("nimi"), max_length=100, unique=True)

    class Meta:
        verbose_name = _("hyvinvointialue")
        verbose_name_plural = _("hyvinvointialueet")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Municipality(models.Model):
    """A municipality (kunta), identified by its official three-digit code (kuntanumero)."""

    code = models.CharField(
        _("kuntanumero"), max_length=3, unique=True, validators=[validate_municipality_code]
    )
    name = models.CharField(_("nimi"), max_length=100)
    region = models.ForeignKey(
        Region, verbose_name=_("maakunta"), null=True, blank=True, on_delete=models.PROTECT
    )
    wellbeing_services_county = models.ForeignKey(
        WellbeingServicesCounty,
        verbose_name=_("hyvinvointialue"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
    )
    website = WebAddressField(_("verkkosivut"), blank=True)

    class Meta:
        verbose_name = _("kunta")
        verbose_name_plural = _("kunnat")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("directory:municipality_detail", kwargs={"code": self.code})


class OrganisationKind(models.TextChoices):
    MUNICIPAL_UNIT = "municipal_unit", _("Kunnan yksikkö")
    ASSOCIATION = "association", _("Yhdistys tai järjestö")
    PARISH = "parish", _("Seurakunta")
    UNIVERSITY = "university", _("Ammattikorkeakoulu tai yliopisto")
    COMPANY = "company", _("Yritys")
    VILLAGE_COUNCIL = "village_council", _("Kyläneuvosto")
    INFLUENCE_BODY = "influence_body", _("Vaikuttamistoimielin")
    FUNDER = "funder", _("Rahoittaja")
    OTHER = "other", _("Muu")


class Organisation(models.Model):
    """Any body that takes part: a municipal unit, an NGO, a parish, a council, a funder…"""

    Kind = OrganisationKind

    name = models.CharField(_("nimi"), max_length=200)
    slug = models.SlugField(_("tunniste"), max_length=220, unique=True)
    kind = models.CharField(_("tyyppi"), max_length=20, choices=OrganisationKind.choices)
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("kunta"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="organisations",
        help_text=_("Jätä tyhjäksi, jos organisaatio toimii alueellisesti tai valtakunnallisesti."),
    )
    business_id = models.CharField(
        _("Y-tunnus"), max_length=9, blank=True, validators=[validate_business_id]
    )
    email = models.EmailField(_("sähköposti"), blank=True)
    phone = models.CharField(_("puhelin"), max_length=30, blank=True)
    website = WebAddressField(_("verkkosivut"), blank=True)
    street_address = models.CharField(_("katuosoite"), max_length=200, blank=True)
    postal_code = models.CharField(_("postinumero"), max_length=5, blank=True)
    post_office = models.CharField(_("postitoimipaikka"), max_length=100, blank=True)
    description = models.TextField(_("kuvaus"), blank=True, max_length=2000)
    is_demo = models.BooleanField(
        _("demoaineistoa"),
        default=False,
        help_text=_("Keksitty esimerkki, joka näytetään demoaineistona."),
    )
    # Lower-cased name and description for search that ignores case in Finnish letters too
    # (SQLite's LIKE folds ASCII only). Kept by save() so that every write path keeps it.
    search_text = models.TextField(editable=False, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("organisaatio")
        verbose_name_plural = _("organisaatiot")
        ordering = ["name", "pk"]
        indexes = [models.Index(fields=["municipality", "kind"])]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        descriptions = (getattr(self, f"description_{code}", "") for code, _ in settings.LANGUAGES)
        self.search_text = " ".join([self.name, *filter(None, descriptions)]).casefold()
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("directory:organisation_detail", kwargs={"slug": self.slug})


# Cooperation structures live in their own module; imported here so that Django finds them.
from yhdessa.directory.cooperation_models import (  # noqa: E402
    CooperationKind,
    CooperationStructure,
    CooperationSubtype,
)

__all__ = [
    "CooperationKind",
    "CooperationStructure",
    "CooperationSubtype",
    "Municipality",
    "Organisation",
    "OrganisationKind",
    "Region",
    "WellbeingServicesCounty",
]
