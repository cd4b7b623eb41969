"""Versioned questionnaires (instruments), the surveys that use them, and anonymous answers.

A published ``InstrumentVersion`` is never edited: the services in ``services.py`` refuse to
change its sections, items and options, and ``new_version_from`` copies it into a new draft.
A ``Response`` holds only the date and the optional background answers — no time, IP address,
user agent, user or invitation — so that answers cannot be traced back to a person.
"""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from yhdessa.directory.models import Municipality
from yhdessa.events.models import Event
from yhdessa.projects.models import Project

# Item and option keys become CSV column names (``<item>`` and ``<item>__<option>``), so they
# are lower-case ASCII without double underscores.
key_validator = RegexValidator(
    r"^[a-z0-9]+(_[a-z0-9]+)*$",
    _("Käytä pieniä kirjaimia a–z, numeroita ja yksittäisiä alaviivoja."),
)


class Instrument(models.Model):
    """A questionnaire (mittari), e.g. *Minun arkeni ja elämäni*; its content lives in versions."""

    key = models.SlugField(_("tunniste"), max_length=100, unique=True)
    name = models.CharField(_("nimi"), max_length=300)

    class Meta:
        verbose_name = _("mittari")
        verbose_name_plural = _("mittarit")
        ordering = ["key"]

    def __str__(self) -> str:
        return self.name


class InstrumentVersion(models.Model):
    instrument = models.ForeignKey(
        Instrument, verbose_name=_("mittari"), on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveSmallIntegerField(_("versio"))
    published_at = models.DateTimeField(_("julkaistu"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("mittarin versio")
        verbose_name_plural = _("mittarin versiot")
        ordering = ["instrument", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["instrument", "number"], name="instrumentversion_unique_number"
            )
        ]

    def __str__(self) -> str:
        return f"{self.instrument} v{self.number}"

    @property
    def is_published(self) -> bool:
        return self.published_at is not None


class VersionContent(models.Model):
    """Base of the rows that make up a version's content; refuses edits once it is published."""

    class Meta:
        abstract = True

    def content_version(self) -> InstrumentVersion:
        raise NotImplementedError

    def clean(self) -> None:
        super().clean()
        version = self.content_version()
        if version.is_published:
            raise ValidationError(
                _("Julkaistua versiota ei voi muuttaa. Tee siitä uusi versio."), code="published"
            )


class Section(VersionContent):
    version = models.ForeignKey(
        InstrumentVersion,
        verbose_name=_("versio"),
        on_delete=models.CASCADE,
        related_name="sections",
    )
    title = models.CharField(_("otsikko"), max_length=300)
    position = models.PositiveSmallIntegerField(_("järjestys"), default=0)

    class Meta:
        verbose_name = _("osio")
        verbose_name_plural = _("osiot")
        ordering = ["version", "position", "pk"]

    def __str__(self) -> str:
        return self.title

    def content_version(self) -> InstrumentVersion:
        return self.version


class ItemType(models.TextChoices):
    SCALE_1_5 = "scale_1_5", _("Asteikko 1–5")
    SINGLE = "single", _("Yksi vaihtoehto")
    MULTIPLE = "multiple", _("Monta vaihtoehtoa")
    NUMBER = "number", _("Luku")
    TEXT = "text", _("Vapaa teksti")


class Item(VersionContent):
    """A question. Scale labels are its options, whose ``value`` is the point on the scale."""

    Type = ItemType
    CHOICE_TYPES = frozenset({ItemType.SCALE_1_5, ItemType.SINGLE, ItemType.MULTIPLE})

    version = models.ForeignKey(
        InstrumentVersion, verbose_name=_("versio"), on_delete=models.CASCADE, related_name="items"
    )
    section = models.ForeignKey(
        Section,
        verbose_name=_("osio"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="items",
    )
    key = models.CharField(_("tunniste"), max_length=60, validators=[key_validator])
    text = models.TextField(_("kysymys"))
    help = models.TextField(_("ohje"), blank=True)
    type = models.CharField(_("tyyppi"), max_length=20, choices=ItemType.choices)
    required = models.BooleanField(_("pakollinen"), default=False)
    position = models.PositiveSmallIntegerField(_("järjestys"), default=0)
    lower_is_better = models.BooleanField(
        _("pienempi on parempi"),
        default=True,
        help_text=_("Asteikolla: onko 1 paras vastaus (esim. 1 = erittäin hyvä)."),
    )

    class Meta:
        verbose_name = _("kysymys")
        verbose_name_plural = _("kysymykset")
        ordering = ["version", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["version", "key"], name="item_unique_key_per_version")
        ]

    def __str__(self) -> str:
        return self.key

    def content_version(self) -> InstrumentVersion:
        return self.version

    def clean(self) -> None:
        super().clean()
        if self.section is not None and self.section.version_id != self.version_id:
            raise ValidationError({"section": _("Osio kuuluu toiseen versioon.")})


class Option(VersionContent):
    item = models.ForeignKey(
        Item, verbose_name=_("kysymys"), on_delete=models.CASCADE, related_name="options"
    )
    key = models.CharField(_("tunniste"), max_length=60, validators=[key_validator])
    label = models.CharField(_("vaihtoehto"), max_length=300)
    value = models.SmallIntegerField(_("arvo"), null=True, blank=True)
    position = models.PositiveSmallIntegerField(_("järjestys"), default=0)

    class Meta:
        verbose_name = _("vastausvaihtoehto")
        verbose_name_plural = _("vastausvaihtoehdot")
        ordering = ["item", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["item", "key"], name="option_unique_key_per_item")
        ]

    def __str__(self) -> str:
        return self.label

    def content_version(self) -> InstrumentVersion:
        return self.item.version


class Survey(models.Model):
    """One instrument version used in a project, optionally scoped to a municipality or event."""

    project = models.ForeignKey(
        Project, verbose_name=_("hanke"), on_delete=models.PROTECT, related_name="surveys"
    )
    instrument_version = models.ForeignKey(
        InstrumentVersion,
        verbose_name=_("mittarin versio"),
        on_delete=models.PROTECT,
        related_name="surveys",
    )
    title = models.CharField(_("otsikko"), max_length=300)
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("kunta"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="surveys",
    )
    event = models.ForeignKey(
        Event,
        verbose_name=_("tapahtuma"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="surveys",
    )
    is_public = models.BooleanField(
        _("tulokset julkisia"),
        default=False,
        help_text=_("Julkisen kyselyn tulokset näkyvät kaikille (pienet ryhmät piilotettuina)."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("kysely")
        verbose_name_plural = _("kyselyt")
        ordering = ["-created_at", "pk"]

    def __str__(self) -> str:
        return self.title


class Wave(models.Model):
    """A round of a survey (kyselykierros), e.g. start (aloitus) and end (lopetus)."""

    survey = models.ForeignKey(
        Survey, verbose_name=_("kysely"), on_delete=models.CASCADE, related_name="waves"
    )
    key = models.SlugField(_("tunniste"), max_length=40)
    label = models.CharField(_("nimi"), max_length=200)
    opens_at = models.DateTimeField(_("avautuu"))
    closes_at = models.DateTimeField(_("sulkeutuu"), null=True, blank=True)
    position = models.PositiveSmallIntegerField(_("järjestys"), default=0)

    class Meta:
        verbose_name = _("kyselykierros")
        verbose_name_plural = _("kyselykierrokset")
        ordering = ["survey", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["survey", "key"], name="wave_unique_key_per_survey"),
            models.CheckConstraint(
                name="wave_closes_after_opens",
                condition=Q(closes_at__isnull=True) | Q(closes_at__gte=F("opens_at")),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.survey}: {self.label}"


class AgeGroup(models.TextChoices):
    AGE_18_29 = "18_29", _("18–29")
    AGE_30_49 = "30_49", _("30–49")
    AGE_50_64 = "50_64", _("50–64")
    AGE_65_PLUS = "65_plus", _("65 tai yli")


class Gender(models.TextChoices):
    WOMAN = "woman", _("Nainen")
    MAN = "man", _("Mies")
    OTHER = "other", _("Muu")
    NO_ANSWER = "no_answer", _("En halua sanoa")


class Response(models.Model):
    """One respondent's answers in one wave. Deliberately holds no time, IP, agent or user."""

    AgeGroup = AgeGroup
    Gender = Gender

    wave = models.ForeignKey(
        Wave, verbose_name=_("kyselykierros"), on_delete=models.CASCADE, related_name="responses"
    )
    submitted_on = models.DateField(_("vastattu"))
    pairing_hash = models.CharField(
        _("parikoodin tiiviste"),
        max_length=64,
        blank=True,
        help_text=_("Avaimellinen tiiviste vastaajan valitsemasta koodista; koodia ei tallenneta."),
    )
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("kunta"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    age_group = models.CharField(_("ikäryhmä"), max_length=10, choices=AgeGroup.choices, blank=True)
    gender = models.CharField(_("sukupuoli"), max_length=10, choices=Gender.choices, blank=True)

    class Meta:
        verbose_name = _("vastaus")
        verbose_name_plural = _("vastaukset")
        ordering = ["wave", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["wave", "pairing_hash"],
                condition=~Q(pairing_hash=""),
                name="response_unique_pairing_per_wave",
            )
        ]

    def __str__(self) -> str:
        return f"{self.wave} #{self.pk}"


class Answer(models.Model):
    """One answer to one item: a chosen option (one row per option), a number or a text."""

    response = models.ForeignKey(
        Response, verbose_name=_("vastaus"), on_delete=models.CASCADE, related_name="answers"
    )
    item = models.ForeignKey(
        Item, verbose_name=_("kysymys"), on_delete=models.PROTECT, related_name="answers"
    )
    option = models.ForeignKey(
        Option,
        verbose_name=_("vaihtoehto"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="answers",
    )
    number = models.DecimalField(_("luku"), max_digits=12, decimal_places=2, null=True, blank=True)
    text = models.TextField(_("teksti"), blank=True)

    class Meta:
        verbose_name = _("vastaus kysymykseen")
        verbose_name_plural = _("vastaukset kysymyksiin")
        ordering = ["response", "item", "option"]
        constraints = [
            models.UniqueConstraint(
                fields=["response", "item", "option"],
                condition=Q(option__isnull=False),
                name="answer_unique_option",
            ),
            models.UniqueConstraint(
                fields=["response", "item"],
                condition=Q(option__isnull=True),
                name="answer_unique_value",
            ),
        ]
        indexes = [models.Index(fields=["item", "option"])]

    def __str__(self) -> str:
        return f"{self.item.key}: {self.option or self.number or self.text}"


class Invitation(models.Model):
    """A single-use invitation link. The e-mail is kept only for sending, and no response ever
    points back here: using the link only sets ``is_used``, so response rates can be counted
    without tying answers to people."""

    wave = models.ForeignKey(
        Wave, verbose_name=_("kyselykierros"), on_delete=models.CASCADE, related_name="invitations"
    )
    # Blanked some time after the wave closes (``yhdessa anonymise``, surveys/privacy.py).
    email = models.EmailField(_("sähköposti"), blank=True)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    sent_at = models.DateTimeField(_("lähetetty"), null=True, blank=True)
    # Only whether, never when: a time or date of use could be matched with the date of a
    # response in a small survey and tie an address to its answers.
    is_used = models.BooleanField(_("käytetty"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("kutsu")
        verbose_name_plural = _("kutsut")
        ordering = ["wave", "pk"]

    def __str__(self) -> str:
        return self.email
