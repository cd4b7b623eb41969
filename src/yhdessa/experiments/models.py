"""Development experiments (kehittämiskokeilut), their cost lines and the public cost parameters.

The figures are computed in ``costs.py`` (plain ``Decimal`` arithmetic) and the participants
counted in ``participants.py``; these models only hold the records and their rules. A decided
experiment keeps, in ``frozen_parameters``, the parameter values its cost lines used, so a
later change of a parameter does not change its figures.
"""

from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, URLValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from yhdessa.core.fields import WebAddressField
from yhdessa.directory.models import Municipality, Organisation
from yhdessa.events.models import BackgroundCategory, Event
from yhdessa.projects.models import Project, TargetGroup
from yhdessa.surveys.models import Survey

ZERO = Decimal(0)


def _not_negative(message: Any) -> MinValueValidator:
    return MinValueValidator(ZERO, message=message)


class ExperimentStatus(models.TextChoices):
    PLANNED = "planned", _("Suunnitteilla")
    RUNNING = "running", _("Käynnissä")
    EVALUATED = "evaluated", _("Arvioitu")
    DECIDED = "decided", _("Päätetty")


class Decision(models.TextChoices):
    ADOPT = "adopt", _("Otetaan käyttöön")
    MODIFY = "modify", _("Muokataan")
    STOP = "stop", _("Lopetetaan")


class Experiment(models.Model):
    """A municipality's trial of a way of working, run with local organisations."""

    Status = ExperimentStatus
    Decision = Decision

    project = models.ForeignKey(
        Project, verbose_name=_("hanke"), on_delete=models.PROTECT, related_name="experiments"
    )
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("kunta"),
        on_delete=models.PROTECT,
        related_name="experiments",
    )
    title = models.CharField(_("otsikko"), max_length=300)
    description = models.TextField(_("kuvaus"), blank=True)
    partners = models.ManyToManyField(
        Organisation,
        verbose_name=_("kumppaniorganisaatiot"),
        blank=True,
        related_name="experiments",
    )
    target_group = models.ForeignKey(
        TargetGroup,
        verbose_name=_("kohderyhmä"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="experiments",
    )
    starts_on = models.DateField(_("alkaa"), null=True, blank=True)
    ends_on = models.DateField(_("päättyy"), null=True, blank=True)
    status = models.CharField(
        _("vaihe"),
        max_length=10,
        choices=ExperimentStatus.choices,
        default=ExperimentStatus.PLANNED,
    )
    decision = models.CharField(_("päätös"), max_length=10, choices=Decision.choices, blank=True)
    decision_reason = models.TextField(_("päätöksen perustelu"), blank=True)
    survey = models.ForeignKey(
        Survey,
        verbose_name=_("arviointikysely"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="experiments",
    )
    adopted_from = models.ForeignKey(
        "ModelDescription",
        verbose_name=_("otettu käyttöön mallista"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="adoptions",
        editable=False,
    )
    sessions = models.ManyToManyField(
        Event,
        verbose_name=_("tapaamiset"),
        blank=True,
        related_name="experiments",
        help_text=_("Kokeilun tapahtumat, joiden läsnäolijat lasketaan osallistujiksi."),
    )
    frozen_at = models.DateTimeField(_("luvut lukittu"), null=True, blank=True, editable=False)
    #: ``{"p<parameter id>": {"kind", "year", "job_title", "divisor_name", "value", "unit",
    #: "source", "url"}}`` with values as strings: the parameters the cost lines used when the
    #: experiment was decided (see ``costs.ParameterSet.from_snapshot``).
    frozen_parameters = models.JSONField(default=dict, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("kehittämiskokeilu")
        verbose_name_plural = _("kehittämiskokeilut")
        ordering = ["municipality__name", "starts_on", "pk"]
        constraints = [
            models.CheckConstraint(
                name="experiment_ends_after_start",
                condition=Q(ends_on__isnull=True)
                | Q(starts_on__isnull=True)
                | Q(ends_on__gte=F("starts_on")),
                violation_error_message=_("Kokeilu ei voi päättyä ennen kuin se alkaa."),
            ),
            models.CheckConstraint(
                name="experiment_decision_iff_decided",
                condition=(Q(status=ExperimentStatus.DECIDED) & ~Q(decision=""))
                | (~Q(status=ExperimentStatus.DECIDED) & Q(decision="")),
                violation_error_message=_(
                    "Päätös kirjataan silloin ja vain silloin, kun kokeilu on päätetty."
                ),
            ),
        ]
        indexes = [models.Index(fields=["project", "municipality"])]

    def __str__(self) -> str:
        return self.title

    @property
    def is_frozen(self) -> bool:
        return self.frozen_at is not None

    def clean(self) -> None:
        errors: dict[str, Any] = {}
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = _("Kokeilu ei voi päättyä ennen kuin se alkaa.")
        if self.target_group is not None and self.target_group.project_id != self.project_id:
            errors["target_group"] = _("Valitse kohderyhmä kokeilun hankkeesta.")
        if self.survey is not None and self.survey.project_id != self.project_id:
            errors["survey"] = _("Valitse kysely kokeilun hankkeesta.")
        if self.status == ExperimentStatus.DECIDED and not self.decision:
            errors["decision"] = _("Kirjaa päätös: otetaan käyttöön, muokataan tai lopetetaan.")
        if self.decision and self.status != ExperimentStatus.DECIDED:
            errors["decision"] = _("Päätös kirjataan vasta, kun kokeilu on päätetty.")
        if errors:
            raise ValidationError(errors)

    def clean_sessions(self, sessions: "models.QuerySet[Event] | list[Event]") -> None:
        """Sessions are events of the experiment's own project (a many-to-many relation cannot
        be checked in ``clean``, so services and forms call this before setting them)."""
        if any(event.project_id != self.project_id for event in sessions):
            raise ValidationError({"sessions": _("Valitse tapaamiset kokeilun hankkeesta.")})


class AnonymousHeadcount(models.Model):
    """Participants counted without names (e.g. passengers of a bus trip), optionally by
    background."""

    experiment = models.ForeignKey(Experiment, on_delete=models.CASCADE, related_name="headcounts")
    date = models.DateField(_("päivä"))
    count = models.PositiveIntegerField(
        _("määrä"), validators=[MinValueValidator(1, message=_("Määrän on oltava vähintään 1."))]
    )
    background = models.ForeignKey(
        BackgroundCategory,
        verbose_name=_("taustaryhmä"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    note = models.CharField(_("huomautus"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("nimetön osallistujamäärä")
        verbose_name_plural = _("nimettömät osallistujamäärät")
        ordering = ["date", "pk"]
        constraints = [
            models.CheckConstraint(
                name="headcount_at_least_one",
                condition=Q(count__gte=1),
                violation_error_message=_("Määrän on oltava vähintään 1."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.experiment}: {self.count}"

    def clean(self) -> None:
        if (
            self.background is not None
            and self.experiment_id
            and self.background.project_id != self.experiment.project_id
        ):
            raise ValidationError({"background": _("Valitse taustaryhmä listalta.")})


class ParameterKind(models.TextChoices):
    MONTHLY_WAGE = "monthly_wage", _("Kuukausipalkka")
    EMPLOYER_SIDE_COST_PCT = "employer_side_cost_pct", _("Työnantajan sivukuluprosentti")
    MONTHLY_HOURS_DIVISOR = "monthly_hours_divisor", _("Tuntijakaja")
    EARNINGS_LEVEL_INDEX = "earnings_level_index", _("Ansiotasoindeksi")
    VOLUNTEER_HOUR_VALUE = "volunteer_hour_value", _("Vapaaehtoistyön tunnin arvo")


class DivisorName(models.TextChoices):
    """KVTES: monthly pay / divisor = hourly pay."""

    GENERAL = "general_working_time", _("yleistyöaika")
    OFFICE = "office_working_time", _("toimistotyöaika")


class CostParameter(models.Model):
    """A public figure the cost model uses, with its year, unit and source.

    Each project keeps its own editable set. The year of a volunteer hour value is its base
    year (the value is raised to later years with the earnings level index); a divisor holds
    from its year on.
    """

    Kind = ParameterKind

    project = models.ForeignKey(
        Project, verbose_name=_("hanke"), on_delete=models.CASCADE, related_name="cost_parameters"
    )
    kind = models.CharField(_("laji"), max_length=30, choices=ParameterKind.choices)
    year = models.PositiveSmallIntegerField(_("vuosi"))
    value = models.DecimalField(
        _("arvo"),
        max_digits=12,
        decimal_places=4,
        validators=[_not_negative(_("Arvo ei voi olla negatiivinen."))],
    )
    unit = models.CharField(_("yksikkö"), max_length=50, help_text=_("Esimerkiksi €/kk, % tai h."))
    source = models.CharField(
        _("lähde"), max_length=500, help_text=_("Mistä luku on, esimerkiksi Tilastokeskus.")
    )
    source_url = WebAddressField(_("lähteen verkko-osoite"), blank=True)
    job_title = models.CharField(
        _("ammattinimike"), max_length=200, blank=True, help_text=_("Vain kuukausipalkalle.")
    )
    divisor_name = models.CharField(
        _("tuntijakajan nimi"),
        max_length=30,
        choices=DivisorName.choices,
        blank=True,
        help_text=_("Vain tuntijakajalle."),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("kustannusparametri")
        verbose_name_plural = _("kustannusparametrit")
        ordering = ["project", "kind", "year", "job_title", "divisor_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "kind", "year", "job_title", "divisor_name"],
                name="cost_parameter_unique",
                violation_error_message=_("Tälle vuodelle on jo samanlainen parametri."),
            ),
            models.CheckConstraint(
                name="cost_parameter_not_negative",
                condition=Q(value__gte=0),
                violation_error_message=_("Arvo ei voi olla negatiivinen."),
            ),
            models.CheckConstraint(
                name="cost_parameter_positive_index_and_divisor",
                condition=~Q(
                    kind__in=[
                        ParameterKind.EARNINGS_LEVEL_INDEX,
                        ParameterKind.MONTHLY_HOURS_DIVISOR,
                    ]
                )
                | Q(value__gt=0),
                violation_error_message=_("Indeksin ja tuntijakajan on oltava suurempia kuin 0."),
            ),
            models.CheckConstraint(
                name="cost_parameter_job_title_only_for_wage",
                condition=Q(kind=ParameterKind.MONTHLY_WAGE) & ~Q(job_title="")
                | ~Q(kind=ParameterKind.MONTHLY_WAGE) & Q(job_title=""),
                violation_error_message=_("Ammattinimike kuuluu kuukausipalkkaan ja vain siihen."),
            ),
            models.CheckConstraint(
                name="cost_parameter_divisor_name_only_for_divisor",
                condition=Q(kind=ParameterKind.MONTHLY_HOURS_DIVISOR) & ~Q(divisor_name="")
                | ~Q(kind=ParameterKind.MONTHLY_HOURS_DIVISOR) & Q(divisor_name=""),
                violation_error_message=_("Tuntijakajan nimi kuuluu tuntijakajaan ja vain siihen."),
            ),
        ]

    def __str__(self) -> str:
        qualifier = self.job_title or self.get_divisor_name_display()
        label = f"{self.get_kind_display()} ({qualifier})" if qualifier else self.get_kind_display()
        return f"{label} {self.year}: {self.value} {self.unit}"

    def clean(self) -> None:
        errors: dict[str, Any] = {}
        is_wage = self.kind == ParameterKind.MONTHLY_WAGE
        is_divisor = self.kind == ParameterKind.MONTHLY_HOURS_DIVISOR
        if is_wage and not self.job_title.strip():
            errors["job_title"] = _("Kirjaa ammattinimike, jonka palkka tämä on.")
        if not is_wage and self.job_title:
            errors["job_title"] = _("Ammattinimike kirjataan vain kuukausipalkalle.")
        if is_divisor and not self.divisor_name:
            errors["divisor_name"] = _("Valitse, onko jakaja yleis- vai toimistotyöajan.")
        if not is_divisor and self.divisor_name:
            errors["divisor_name"] = _("Tuntijakajan nimi kirjataan vain tuntijakajalle.")
        positive = (ParameterKind.EARNINGS_LEVEL_INDEX, ParameterKind.MONTHLY_HOURS_DIVISOR)
        if self.kind in positive and self.value is not None and self.value <= 0:
            errors["value"] = _("Indeksin ja tuntijakajan on oltava suurempia kuin 0.")
        if errors:
            raise ValidationError(errors)


class CostKind(models.TextChoices):
    STAFF_TIME = "staff_time", _("Työaika")
    VOLUNTEER_TIME = "volunteer_time", _("Vapaaehtoistyö")
    PURCHASE = "purchase", _("Hankinnat ja palvelut")
    IN_KIND = "in_kind", _("Luontoissuoritukset")


class VatTreatment(models.TextChoices):
    INCLUDED = "included", _("Sisältää arvonlisäveron")
    EXCLUDED = "excluded", _("Ilman arvonlisäveroa (vero lisätään)")
    NOT_APPLICABLE = "not_applicable", _("Ei arvonlisäveroa")


class CostLine(models.Model):
    """One cost of an experiment; which fields it needs depends on its kind (see ``clean``)."""

    Kind = CostKind
    Vat = VatTreatment

    experiment = models.ForeignKey(Experiment, on_delete=models.CASCADE, related_name="cost_lines")
    kind = models.CharField(_("kustannuslaji"), max_length=20, choices=CostKind.choices)
    description = models.CharField(_("kuvaus"), max_length=300, blank=True)
    job_title = models.CharField(_("ammattinimike"), max_length=200, blank=True)
    hours = models.DecimalField(
        _("tunnit"),
        max_digits=9,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[_not_negative(_("Tunnit eivät voi olla negatiivisia."))],
    )
    year = models.PositiveSmallIntegerField(_("vuosi"), null=True, blank=True)
    divisor_name = models.CharField(
        _("tuntijakaja"), max_length=30, choices=DivisorName.choices, blank=True
    )
    amount = models.DecimalField(
        _("summa (€)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[_not_negative(_("Summa ei voi olla negatiivinen."))],
    )
    vat_treatment = models.CharField(
        _("arvonlisävero"), max_length=20, choices=VatTreatment.choices, blank=True
    )
    vat_pct = models.DecimalField(
        _("arvonlisäveroprosentti"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[_not_negative(_("Veroprosentti ei voi olla negatiivinen."))],
    )
    position = models.PositiveSmallIntegerField(_("järjestys"), default=0)

    class Meta:
        verbose_name = _("kustannus")
        verbose_name_plural = _("kustannukset")
        ordering = ["position", "pk"]
        constraints = [
            models.CheckConstraint(
                name="cost_line_hours_not_negative",
                condition=Q(hours__isnull=True) | Q(hours__gte=0),
                violation_error_message=_("Tunnit eivät voi olla negatiivisia."),
            ),
            models.CheckConstraint(
                name="cost_line_amount_not_negative",
                condition=Q(amount__isnull=True) | Q(amount__gte=0),
                violation_error_message=_("Summa ei voi olla negatiivinen."),
            ),
            models.CheckConstraint(
                name="cost_line_vat_pct_not_negative",
                condition=Q(vat_pct__isnull=True) | Q(vat_pct__gte=0),
                violation_error_message=_("Veroprosentti ei voi olla negatiivinen."),
            ),
        ]

    def __str__(self) -> str:
        return self.description or self.get_kind_display()

    def clean(self) -> None:
        errors = _missing_fields(self)
        if errors:
            raise ValidationError(errors)


_NEEDS_HOURS = (CostKind.STAFF_TIME, CostKind.VOLUNTEER_TIME)
_NEEDS_AMOUNT = (CostKind.PURCHASE, CostKind.IN_KIND)


def _missing_fields(line: CostLine) -> dict[str, Any]:
    """Field errors for what the line's kind needs and what it must leave empty."""
    errors: dict[str, Any] = {}
    if line.kind in _NEEDS_HOURS:
        if line.hours is None:
            errors["hours"] = _("Kirjaa käytetyt tunnit.")
        if line.year is None:
            errors["year"] = _("Kirjaa vuosi, jonka hinnoilla työaika lasketaan.")
    if line.kind == CostKind.STAFF_TIME:
        if not line.job_title.strip():
            errors["job_title"] = _("Kirjaa ammattinimike.")
        if not line.divisor_name:
            errors["divisor_name"] = _("Valitse tuntijakaja.")
    if line.kind in _NEEDS_AMOUNT and line.amount is None:
        errors["amount"] = _("Kirjaa summa euroina.")
    if line.kind == CostKind.PURCHASE:
        if not line.vat_treatment:
            errors["vat_treatment"] = _("Valitse, sisältääkö summa arvonlisäveron.")
        elif line.vat_treatment == VatTreatment.EXCLUDED and line.vat_pct is None:
            errors["vat_pct"] = _("Kirjaa arvonlisäveroprosentti, joka summaan lisätään.")
        elif line.vat_treatment != VatTreatment.EXCLUDED and line.vat_pct is not None:
            errors["vat_pct"] = _("Veroprosentti kirjataan vain, kun vero lisätään summaan.")
    for name in _UNUSED_FIELDS[CostKind(line.kind)] if line.kind in CostKind.values else ():
        if getattr(line, name) not in (None, "") and name not in errors:
            errors[name] = _("Tätä tietoa ei käytetä tämän lajin kustannuksessa.")
    return errors


_UNUSED_FIELDS: dict[CostKind, tuple[str, ...]] = {
    CostKind.STAFF_TIME: ("amount", "vat_treatment", "vat_pct"),
    CostKind.VOLUNTEER_TIME: ("job_title", "divisor_name", "amount", "vat_treatment", "vat_pct"),
    CostKind.PURCHASE: ("job_title", "hours", "year", "divisor_name"),
    CostKind.IN_KIND: ("job_title", "hours", "year", "divisor_name", "vat_treatment", "vat_pct"),
}


# --- Operational model descriptions ----------------------------------------------------------


class ModelDescriptionStatus(models.TextChoices):
    DRAFT = "draft", _("Luonnos")
    PUBLISHED = "published", _("Julkaistu")


#: The sections written by people, in Innokylä's order: (field, heading). The basic
#: information (name, short description, places, funder, authors, dates) comes before them,
#: and the computed sections (resources and costs, effects) are never stored.
WRITTEN_SECTIONS: tuple[tuple[str, Any], ...] = (
    ("basic_idea", _("Ratkaisun perusajatus")),
    ("operating_environment", _("Toimintaympäristö")),
    ("needs", _("Kehittämistyön taustalla olevat tarpeet")),
    ("intended_change", _("Tavoiteltu muutos")),
    ("measuring_change", _("Muutoksen mittaaminen")),
    ("target_group", _("Kohderyhmä ja käyttäjäymmärrys")),
    ("co_development", _("Yhteiskehittäminen")),
    ("conditions", _("Toimivuuden ja käyttöönoton edellytykset")),
    ("lessons_learned", _("Opitut asiat")),
)


def _section(heading: Any) -> models.TextField:
    return models.TextField(heading, blank=True)


class ModelDescription(models.Model):
    """An operational model (toimintamallikuvaus) written up, Innokylä-style, for others to
    adopt: one per experiment, or standalone for a project."""

    Status = ModelDescriptionStatus

    project = models.ForeignKey(
        Project,
        verbose_name=_("hanke"),
        on_delete=models.PROTECT,
        related_name="model_descriptions",
    )
    experiment = models.OneToOneField(
        Experiment,
        verbose_name=_("kehittämiskokeilu"),
        null=True,
        blank=True,
        # The write-up outlives its experiment (it then stands alone, without computed figures).
        on_delete=models.SET_NULL,
        related_name="model_description",
    )
    slug = models.SlugField(_("verkko-osoitteen tunniste"), max_length=100, unique=True)
    status = models.CharField(
        _("tila"),
        max_length=10,
        choices=ModelDescriptionStatus.choices,
        default=ModelDescriptionStatus.DRAFT,
    )
    published_at = models.DateTimeField(_("julkaistu"), null=True, blank=True, editable=False)
    # Basic information (perustiedot)
    name = models.CharField(_("nimi"), max_length=300)
    summary = models.TextField(_("lyhyt kuvaus"), blank=True)
    municipalities = models.ManyToManyField(
        Municipality,
        verbose_name=_("toteutuskunnat"),
        blank=True,
        related_name="model_descriptions",
    )
    region = models.CharField(_("alue"), max_length=200, blank=True)
    funder = models.CharField(_("rahoittaja"), max_length=300, blank=True)
    authors = models.TextField(
        _("tekijät"), blank=True, help_text=_("Kuvauksen laatijat ja yhteystahot.")
    )
    starts_on = models.DateField(_("alkaen"), null=True, blank=True)
    ends_on = models.DateField(_("päättyen"), null=True, blank=True)
    more_info_url = WebAddressField(
        _("lisätietoja verkossa"),
        blank=True,
        validators=[
            URLValidator(
                schemes=["http", "https"],
                message=_("Anna verkko-osoite, joka alkaa http:// tai https://."),
            )
        ],
    )
    # The written sections (see WRITTEN_SECTIONS)
    basic_idea = _section(_("ratkaisun perusajatus"))
    operating_environment = _section(_("toimintaympäristö"))
    needs = _section(_("kehittämistyön taustalla olevat tarpeet"))
    intended_change = _section(_("tavoiteltu muutos"))
    measuring_change = _section(_("muutoksen mittaaminen"))
    target_group = _section(_("kohderyhmä ja käyttäjäymmärrys"))
    co_development = _section(_("yhteiskehittäminen"))
    conditions = _section(_("toimivuuden ja käyttöönoton edellytykset"))
    lessons_learned = _section(_("opitut asiat"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("toimintamallikuvaus")
        verbose_name_plural = _("toimintamallikuvaukset")
        ordering = ["name", "pk"]
        constraints = [
            models.CheckConstraint(
                name="model_description_ends_after_start",
                condition=Q(ends_on__isnull=True)
                | Q(starts_on__isnull=True)
                | Q(ends_on__gte=F("starts_on")),
                violation_error_message=_("Päättymispäivä ei voi olla ennen alkamispäivää."),
            ),
            models.CheckConstraint(
                name="model_description_published_at_iff_published",
                condition=(
                    Q(status=ModelDescriptionStatus.PUBLISHED) & Q(published_at__isnull=False)
                )
                | (~Q(status=ModelDescriptionStatus.PUBLISHED) & Q(published_at__isnull=True)),
                violation_error_message=_("Julkaisuaika kirjataan vain julkaistulle kuvaukselle."),
            ),
        ]
        indexes = [models.Index(fields=["status", "project"])]

    def __str__(self) -> str:
        return self.name

    @property
    def is_published(self) -> bool:
        return self.status == ModelDescriptionStatus.PUBLISHED

    def clean(self) -> None:
        errors: dict[str, Any] = {}
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = _("Päättymispäivä ei voi olla ennen alkamispäivää.")
        if self.experiment is not None and self.experiment.project_id != self.project_id:
            errors["experiment"] = _("Valitse kokeilu kuvauksen hankkeesta.")
        if errors:
            raise ValidationError(errors)
