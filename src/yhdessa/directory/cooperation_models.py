"""Cooperation structures of municipalities (yhteistyörakenteet): how a resident or an NGO
finds the way to work with a municipality.

One model with a ``kind`` and kind-specific fields, not one model per kind: the public page,
the search across municipalities, the open data files, the API and the coordinators'
"out of date" list all treat the six kinds as one list with a common core (municipality,
title, description, link, last checked), and one table keeps every one of those a single
query. Which fields a kind uses is said once, in :data:`KIND_FIELDS`; ``clean()`` refuses
values in fields that the kind does not use and asks for the ones it needs, so a row cannot
become a mixture of kinds. ``starts_on``/``ends_on`` are an agreement's validity and a grant's
application period; ``rhythm`` is how often a body or a forum meets.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from yhdessa.core.fields import WebAddressField

#: An entry not checked for this long is shown to its coordinators as out of date.
CHECK_INTERVAL_DAYS = 365


class CooperationKind(models.TextChoices):
    AGREEMENT = "agreement", _("Yhteistyösopimus tai -asiakirja")
    INFLUENCE_BODY = "influence_body", _("Kyläneuvosto tai vaikuttamistoimielin")
    LIAISON = "liaison", _("Järjestöyhdyshenkilö")
    GRANT = "grant", _("Avustus järjestöille")
    MEETING_PLACE = "meeting_place", _("Kohtaamispaikka tai avoin tila")
    FORUM = "forum", _("Säännöllinen foorumi")


class CooperationSubtype(models.TextChoices):
    COOPERATION_AGREEMENT = "cooperation_agreement", _("Yhteistyösopimus")
    NGO_DOCUMENT = "ngo_document", _("Järjestöyhteistyön asiakirja")
    VILLAGE_COUNCIL = "village_council", _("Kyläneuvosto")
    YOUTH_COUNCIL = "youth_council", _("Nuorisovaltuusto")
    ELDERLY_COUNCIL = "elderly_council", _("Vanhusneuvosto")
    DISABILITY_COUNCIL = "disability_council", _("Vammaisneuvosto")
    OTHER_BODY = "other_body", _("Muu vaikuttamistoimielin")


K = CooperationKind
S = CooperationSubtype

#: The subtypes each kind may have (a kind without any has no subtype).
KIND_SUBTYPES: dict[str, tuple[str, ...]] = {
    K.AGREEMENT: (S.COOPERATION_AGREEMENT, S.NGO_DOCUMENT),
    K.INFLUENCE_BODY: (
        S.VILLAGE_COUNCIL,
        S.YOUTH_COUNCIL,
        S.ELDERLY_COUNCIL,
        S.DISABILITY_COUNCIL,
        S.OTHER_BODY,
    ),
}

#: The kind-specific fields each kind uses, in the order its form shows them.
KIND_FIELDS: dict[str, tuple[str, ...]] = {
    K.AGREEMENT: ("subtype", "starts_on", "ends_on"),
    K.INFLUENCE_BODY: ("subtype", "contact", "rhythm"),
    K.LIAISON: ("person_name", "email", "phone", "contact"),
    K.GRANT: ("starts_on", "ends_on", "contact"),
    K.MEETING_PLACE: ("address", "accessibility", "booking"),
    K.FORUM: ("rhythm", "next_date", "contact"),
}
#: Fields a kind cannot be saved without.
KIND_REQUIRED: dict[str, tuple[str, ...]] = {
    K.AGREEMENT: ("subtype", "link"),
    K.INFLUENCE_BODY: ("subtype", "contact"),
    K.LIAISON: (),  # an e-mail address or a phone number: see clean()
    K.GRANT: ("link",),
    K.MEETING_PLACE: ("address",),
    K.FORUM: ("rhythm",),
}
SPECIFIC_FIELDS = sorted({name for names in KIND_FIELDS.values() for name in names})


class CooperationStructure(models.Model):
    """One way to cooperate with a municipality; see the module docstring for the design."""

    Kind = CooperationKind
    Subtype = CooperationSubtype

    municipality = models.ForeignKey(
        "directory.Municipality",
        verbose_name=_("kunta"),
        on_delete=models.CASCADE,
        related_name="cooperation_structures",
    )
    kind = models.CharField(_("laji"), max_length=20, choices=CooperationKind.choices)
    subtype = models.CharField(
        _("tyyppi"), max_length=30, choices=CooperationSubtype.choices, blank=True
    )
    title = models.CharField(
        _("nimi"),
        max_length=200,
        help_text=_("Yhdyshenkilöstä tehtävänimike, esimerkiksi järjestöyhdyshenkilö."),
    )
    description = models.TextField(_("kuvaus"), blank=True, max_length=2000)
    link = WebAddressField(_("linkki"), blank=True)
    starts_on = models.DateField(_("alkaa"), null=True, blank=True)
    ends_on = models.DateField(_("päättyy"), null=True, blank=True)
    person_name = models.CharField(
        _("nimi (vapaaehtoinen)"),
        max_length=200,
        blank=True,
        help_text=_("Vain työtehtävän yhteystiedot ovat julkisia."),
    )
    email = models.EmailField(_("työsähköposti"), blank=True)
    phone = models.CharField(_("työpuhelin"), max_length=30, blank=True)
    contact = models.TextField(_("näin otat yhteyttä"), blank=True, max_length=1000)
    rhythm = models.CharField(
        _("kokoontuu"),
        max_length=200,
        blank=True,
        help_text=_("Esimerkiksi neljästi vuodessa tai joka kuun ensimmäinen tiistai."),
    )
    next_date = models.DateField(_("seuraava kokoontuminen"), null=True, blank=True)
    address = models.CharField(_("osoite"), max_length=300, blank=True)
    accessibility = models.TextField(_("esteettömyys"), blank=True, max_length=1000)
    booking = models.TextField(_("näin varaat tilan"), blank=True, max_length=1000)
    checked_on = models.DateField(_("tarkistettu"), default=datetime.date.today)
    is_demo = models.BooleanField(
        _("demoaineistoa"),
        default=False,
        help_text=_("Keksitty esimerkki, joka näytetään demoaineistona."),
    )
    # Lower-cased words of the entry for search (SQLite's LIKE folds ASCII only).
    search_text = models.TextField(editable=False, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("yhteistyörakenne")
        verbose_name_plural = _("yhteistyörakenteet")
        ordering = ["municipality__name", "kind", "title", "pk"]
        indexes = [models.Index(fields=["municipality", "kind"])]
        constraints = [
            models.CheckConstraint(
                name="cooperation_ends_after_start",
                condition=Q(ends_on__isnull=True)
                | Q(starts_on__isnull=True)
                | Q(ends_on__gte=F("starts_on")),
                violation_error_message=_("Päättymispäivä ei voi olla ennen alkamispäivää."),
            )
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        texts = [self.title, self.person_name, self.rhythm, self.address]
        texts += [getattr(self, f"title_{code}", "") for code, _ in settings.LANGUAGES]
        texts += [getattr(self, f"description_{code}", "") for code, _ in settings.LANGUAGES]
        self.search_text = " ".join(filter(None, texts)).casefold()
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        url = reverse("directory:municipality_cooperation", kwargs={"code": self.municipality.code})
        return f"{url}#{self.anchor}"

    @property
    def anchor(self) -> str:
        return f"yhteistyo-{self.pk}"

    def clean(self) -> None:
        errors: dict[str, str] = {}
        used = KIND_FIELDS.get(self.kind, ())
        for name in SPECIFIC_FIELDS:
            if name not in used and getattr(self, name) not in ("", None):
                errors[name] = str(_("Tätä tietoa ei käytetä tämän lajin kohdalla."))
        for name in KIND_REQUIRED.get(self.kind, ()):
            if getattr(self, name) in ("", None):
                errors[name] = str(_("Tämä tieto tarvitaan."))
        if self.subtype and self.subtype not in KIND_SUBTYPES.get(self.kind, ()):
            errors["subtype"] = str(_("Valitse tyyppi, joka sopii tähän lajiin."))
        if self.kind == K.LIAISON and not (self.email or self.phone):
            errors["email"] = str(_("Anna työsähköposti tai työpuhelin."))
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = str(_("Päättymispäivä ei voi olla ennen alkamispäivää."))
        if errors:
            raise ValidationError(errors)

    # What is out of date (for the coordinators) ---------------------------------------------

    def out_of_date_reasons(self, today: datetime.date | None = None) -> list[str]:
        today = today or timezone.localdate()
        reasons = []
        if self.kind == K.AGREEMENT and self.ends_on and self.ends_on < today:
            reasons.append(str(_("Sopimuksen voimassaolo on päättynyt.")))
        if self.kind == K.FORUM and self.next_date and self.next_date < today:
            reasons.append(str(_("Seuraavan kokoontumisen päivä on mennyt.")))
        if self.checked_on < today - datetime.timedelta(days=CHECK_INTERVAL_DAYS):
            reasons.append(str(_("Tietoja ei ole tarkistettu 12 kuukauteen.")))
        return reasons


def out_of_date_condition(today: datetime.date) -> Q:
    """The database's version of :meth:`CooperationStructure.out_of_date_reasons`."""
    return (
        Q(kind=K.AGREEMENT, ends_on__lt=today)
        | Q(kind=K.FORUM, next_date__lt=today)
        | Q(checked_on__lt=today - datetime.timedelta(days=CHECK_INTERVAL_DAYS))
    )
