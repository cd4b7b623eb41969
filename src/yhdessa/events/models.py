from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from yhdessa.core.fields import WebAddressField
from yhdessa.directory.models import Municipality, Organisation
from yhdessa.projects.models import Project
from yhdessa.siteinfo.images import event_image_upload_to


class BackgroundCategory(models.Model):
    """Where a participant comes from (municipal staff, NGO, …); each project has its list."""

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="background_categories"
    )
    name = models.CharField(_("taustaryhmä"), max_length=200)
    position = models.PositiveSmallIntegerField(_("järjestys"), default=0)

    class Meta:
        verbose_name = _("taustaryhmä")
        verbose_name_plural = _("taustaryhmät")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.name


class Theme(models.Model):
    """The subject of a series of events, for the theme table of the report."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="themes")
    name = models.CharField(_("teema"), max_length=300)
    position = models.PositiveSmallIntegerField(_("järjestys"), default=0)

    class Meta:
        verbose_name = _("teema")
        verbose_name_plural = _("teemat")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.name


class EventKind(models.TextChoices):
    TRAINING = "training", _("Valmennus")
    PEER_MEETING = "peer_meeting", _("Vertaistapaaminen")
    EXPERIMENT_SESSION = "experiment_session", _("Kokeilun tapaaminen")
    OTHER = "other", _("Muu tapahtuma")


class Event(models.Model):
    Kind = EventKind

    project = models.ForeignKey(
        Project, verbose_name=_("hanke"), on_delete=models.PROTECT, related_name="events"
    )
    kind = models.CharField(_("tyyppi"), max_length=20, choices=EventKind.choices)
    theme = models.ForeignKey(
        Theme,
        verbose_name=_("teema"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    title = models.CharField(_("otsikko"), max_length=300)
    description = models.TextField(_("kuvaus"), blank=True)
    starts_at = models.DateTimeField(_("alkaa"))
    ends_at = models.DateTimeField(_("päättyy"))
    location = models.CharField(_("paikka"), max_length=300, blank=True)
    image = models.ImageField(_("kuva"), upload_to=event_image_upload_to, blank=True)
    image_alt = models.CharField(
        _("kuvan tekstivastine"),
        max_length=300,
        blank=True,
        help_text=_("Kerro lyhyesti, mitä kuvassa on. Pakollinen, jos tapahtumalla on kuva."),
    )
    online_url = WebAddressField(_("verkkolinkki"), blank=True)
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("kunta"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="events",
    )
    organisers = models.ManyToManyField(
        Organisation, verbose_name=_("järjestäjät"), blank=True, related_name="organised_events"
    )
    capacity = models.PositiveIntegerField(
        _("paikkoja"), null=True, blank=True, help_text=_("Jätä tyhjäksi, jos paikkoja ei rajata.")
    )
    registration_opens_at = models.DateTimeField(_("ilmoittautuminen alkaa"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(
        _("ilmoittautuminen päättyy"), null=True, blank=True
    )
    waitlist_enabled = models.BooleanField(_("jonotuslista"), default=True)
    is_public = models.BooleanField(
        _("julkinen"), default=True, help_text=_("Kutsutilaisuus ei näy julkisessa listassa.")
    )
    cancelled_at = models.DateTimeField(_("peruttu"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("tapahtuma")
        verbose_name_plural = _("tapahtumat")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                name="event_ends_after_start", condition=Q(ends_at__gte=F("starts_at"))
            )
        ]
        indexes = [models.Index(fields=["project", "kind", "starts_at"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("events:event_detail", kwargs={"pk": self.pk})

    @property
    def is_cancelled(self) -> bool:
        return self.cancelled_at is not None


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Vahvistettu")
    WAITLISTED = "waitlisted", _("Jonossa")
    CANCELLED = "cancelled", _("Peruttu")


class Attendance(models.TextChoices):
    UNKNOWN = "unknown", _("Ei merkitty")
    PRESENT = "present", _("Paikalla")
    ABSENT = "absent", _("Poissa")


class Registration(models.Model):
    """A sign-up. Its status (seat) and attendance (came or not) are separate facts."""

    Status = RegistrationStatus

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    name = models.CharField(_("nimi"), max_length=200)
    email = models.EmailField(_("sähköposti"))
    organisation_name = models.CharField(_("organisaatio"), max_length=200, blank=True)
    background = models.ForeignKey(
        BackgroundCategory,
        verbose_name=_("taustaryhmä"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="registrations",
    )
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("kotikunta"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    needs = models.TextField(_("erityistarpeet"), blank=True, max_length=1000)
    language = models.CharField(max_length=5, default="fi")
    status = models.CharField(
        _("tila"), max_length=12, choices=RegistrationStatus.choices, db_index=True
    )
    attendance = models.CharField(
        _("läsnäolo"), max_length=8, choices=Attendance.choices, default=Attendance.UNKNOWN
    )
    consent_at = models.DateTimeField(_("tietosuojaselosteen hyväksyntä"))
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    anonymised_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("ilmoittautuminen")
        verbose_name_plural = _("ilmoittautumiset")
        ordering = ["created_at", "pk"]
        constraints = [
            # One active sign-up per address and event; a cancelled one may be followed by a
            # new one. The service lower-cases addresses, so equality is case-insensitive.
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=Q(status__in=["confirmed", "waitlisted"]) & ~Q(email=""),
                name="registration_one_active_per_email",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_status_display()})"


class WalkIn(models.Model):
    """People who came without registering, counted by background, with no personal data."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="walk_ins")
    background = models.ForeignKey(
        BackgroundCategory, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    count = models.PositiveIntegerField(_("määrä"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("ilmoittautumaton osallistuja")
        verbose_name_plural = _("ilmoittautumattomat osallistujat")

    def __str__(self) -> str:
        return f"{self.event}: {self.count}"
