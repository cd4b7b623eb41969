from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from yhdessa.core.fields import WebAddressField
from yhdessa.directory.models import Municipality, Organisation, Region


class Project(models.Model):
    """A funded, time-boxed programme of work across partner municipalities (hanke)."""

    name = models.CharField(_("nimi"), max_length=300)
    short_name = models.CharField(_("lyhyt nimi"), max_length=100)
    slug = models.SlugField(_("tunniste"), max_length=100, unique=True)
    start_date = models.DateField(_("alkaa"))
    end_date = models.DateField(_("päättyy"))
    goal = models.TextField(_("tavoite"), blank=True)
    website = WebAddressField(_("verkkosivut"), blank=True)
    region = models.ForeignKey(
        Region, verbose_name=_("maakunta"), null=True, blank=True, on_delete=models.PROTECT
    )
    implementers = models.ManyToManyField(
        Organisation,
        verbose_name=_("toteuttajat"),
        related_name="implemented_projects",
        blank=True,
    )
    funders = models.ManyToManyField(
        Organisation, verbose_name=_("rahoittajat"), related_name="funded_projects", blank=True
    )
    partner_municipalities = models.ManyToManyField(
        Municipality, verbose_name=_("kumppanikunnat"), related_name="projects", blank=True
    )
    is_public = models.BooleanField(_("julkinen"), default=True)

    class Meta:
        verbose_name = _("hanke")
        verbose_name_plural = _("hankkeet")
        ordering = ["-start_date", "short_name"]
        constraints = [
            models.CheckConstraint(
                name="project_ends_after_start", condition=Q(end_date__gte=F("start_date"))
            )
        ]

    def __str__(self) -> str:
        return self.short_name

    def get_absolute_url(self) -> str:
        return reverse("projects:project_detail", kwargs={"slug": self.slug})

    @property
    def period(self) -> str:
        """ "1.8.2021–30.9.2023": the dates as the active language writes them."""
        start, end = (
            date_format(day, "SHORT_DATE_FORMAT") for day in (self.start_date, self.end_date)
        )
        return f"{start}–{end}"


class TargetGroup(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="target_groups")
    name = models.CharField(_("kohderyhmä"), max_length=300)
    position = models.PositiveSmallIntegerField(_("järjestys"), default=0)

    class Meta:
        verbose_name = _("kohderyhmä")
        verbose_name_plural = _("kohderyhmät")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.name


class WorkPackage(models.Model):
    """A line of work with its expected outcome: the rows of the project's logic model."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="work_packages")
    name = models.CharField(_("työpaketti"), max_length=200)
    activities = models.TextField(_("toiminta"), blank=True)
    expected_outcome = models.TextField(_("odotettu tulos"), blank=True)
    position = models.PositiveSmallIntegerField(_("järjestys"), default=0)

    class Meta:
        verbose_name = _("työpaketti")
        verbose_name_plural = _("työpaketit")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.name


class ReportedFigure(models.Model):
    """A figure as printed in a report, entered by hand.

    Kept beside the records so that a page can show both when they disagree: the seed report
    prints 235 training participants while its own theme table adds up to 213.
    """

    project = models.ForeignKey(
        Project,
        verbose_name=_("hanke"),
        on_delete=models.CASCADE,
        related_name="reported_figures",
    )
    key = models.CharField(
        _("tunniste"),
        max_length=100,
        validators=[
            RegexValidator(
                r"^[a-z0-9_]+(\.[a-z0-9_]+)*$",
                _("Käytä pieniä kirjaimia a–z, numeroita, alaviivoja ja pisteitä."),
            )
        ],
        help_text=_("Esimerkiksi trainings.present_total tai trainings.registered_total."),
    )
    value = models.DecimalField(_("raportoitu arvo"), max_digits=14, decimal_places=2)
    label = models.CharField(_("selite"), max_length=200, blank=True)
    source = models.CharField(
        _("lähde"),
        max_length=300,
        blank=True,
        help_text=_("Missä luku on julkaistu, esimerkiksi loppuraportin sivu."),
    )
    note = models.TextField(_("huomautus"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("raportoitu luku")
        verbose_name_plural = _("raportoidut luvut")
        ordering = ["project", "key"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "key"], name="reported_figure_one_per_project_key"
            )
        ]

    def __str__(self) -> str:
        return f"{self.key} = {self.value}"


class ActivityKind(models.TextChoices):
    REGIONAL_COOPERATION = "regional_cooperation", _("Alueellinen yhteistyö")
    SUPPORT = "support", _("Tuki ja sparraus kunnille")


class ProjectActivityManager(models.Manager["ProjectActivity"]):
    """Rows come with their municipalities: ``project.activities.all`` in a template (the
    project page) then costs two queries however many entries there are."""

    def get_queryset(self) -> models.QuerySet["ProjectActivity"]:
        return super().get_queryset().prefetch_related("municipalities")


class ProjectActivity(models.Model):
    """A dated entry of a project's regional cooperation (networks, forums, workshops) or of
    the support it gave its municipalities (e.g. founding village councils)."""

    Kind = ActivityKind

    project = models.ForeignKey(
        Project, verbose_name=_("hanke"), on_delete=models.CASCADE, related_name="activities"
    )
    kind = models.CharField(_("laji"), max_length=30, choices=ActivityKind.choices)
    title = models.CharField(_("otsikko"), max_length=300)
    description = models.TextField(_("lyhyt kuvaus"), blank=True, max_length=2000)
    starts_on = models.DateField(_("päivä tai alkamispäivä"))
    ends_on = models.DateField(
        _("päättymispäivä"),
        null=True,
        blank=True,
        help_text=_("Jätä tyhjäksi, jos kyse on yhden päivän tapahtumasta."),
    )
    municipalities = models.ManyToManyField(
        Municipality, verbose_name=_("mukana olleet kunnat"), related_name="+", blank=True
    )
    is_demo = models.BooleanField(
        _("demoaineistoa"),
        default=False,
        help_text=_("Keksitty esimerkki, joka näytetään demoaineistona."),
    )

    objects = ProjectActivityManager()

    class Meta:
        verbose_name = _("yhteistyö- tai tukitoiminta")
        verbose_name_plural = _("yhteistyö- ja tukitoiminta")
        ordering = ["kind", "starts_on", "pk"]
        constraints = [
            models.CheckConstraint(
                name="project_activity_ends_after_start",
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                violation_error_message=_("Päättymispäivä ei voi olla ennen alkamispäivää."),
            )
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.ends_on and self.starts_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("Päättymispäivä ei voi olla ennen alkamispäivää.")})
