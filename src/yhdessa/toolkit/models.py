"""The toolkit and the knowledge a project leaves behind.

* Tip lists (vinkkilistat) are public and versioned: a list's items belong to a version, and
  editing a published list makes a new version, so that a checklist adopted from it keeps the
  items it was made of.
* A checklist is a tip list version adopted by a municipality or an experiment: its own copy
  of the items, with owners, due dates and done-marks. Checklists are staff-only.
* Publications, lessons learned and vision words are public records of a project.
* Interviews and their coded passages are staff-only research notes: no names are needed, and
  a passage is quoted in public only when the project marks it publishable.
"""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from yhdessa.core.fields import WebAddressField
from yhdessa.directory.models import Municipality
from yhdessa.experiments.models import Experiment
from yhdessa.projects.models import Project

# --- Tip lists and checklists ----------------------------------------------------------------


class Phase(models.TextChoices):
    PLAN = "plan", _("Suunnittele")
    DO = "do", _("Toteuta")
    FOLLOW_UP = "follow_up", _("Seuraa ja arvioi")


class TipList(models.Model):
    """A reusable list of practical tips for one kind of participation work."""

    slug = models.SlugField(_("tunniste"), max_length=100, unique=True)
    title = models.CharField(_("otsikko"), max_length=200)
    summary = models.TextField(_("lyhyt kuvaus"), blank=True)
    project = models.ForeignKey(
        Project,
        verbose_name=_("hanke"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="tip_lists",
        help_text=_("Hanke, jossa lista on laadittu."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("vinkkilista")
        verbose_name_plural = _("vinkkilistat")
        ordering = ["title", "pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("toolkit:tip_list_detail", kwargs={"slug": self.slug})


class TipListVersion(models.Model):
    """One published (or draft) wording of a tip list; its items hang on it."""

    tip_list = models.ForeignKey(TipList, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField(_("versio"))
    published_at = models.DateTimeField(_("julkaistu"), null=True, blank=True)
    change_note = models.CharField(_("mitä muuttui"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("vinkkilistan versio")
        verbose_name_plural = _("vinkkilistan versiot")
        ordering = ["tip_list", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["tip_list", "number"],
                name="tip_list_version_unique",
                violation_error_message=_("Listalla on jo tämän numeroinen versio."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.tip_list} v{self.number}"

    @property
    def is_published(self) -> bool:
        return self.published_at is not None


class TipItem(models.Model):
    version = models.ForeignKey(TipListVersion, on_delete=models.CASCADE, related_name="items")
    phase = models.CharField(_("vaihe"), max_length=10, choices=Phase.choices)
    text = models.TextField(_("vinkki"))
    link = WebAddressField(_("linkki"), blank=True)
    position = models.PositiveSmallIntegerField(_("järjestys"), default=0)

    class Meta:
        verbose_name = _("vinkki")
        verbose_name_plural = _("vinkit")
        ordering = ["version", "position", "pk"]

    def __str__(self) -> str:
        return self.text[:80]


class Checklist(models.Model):
    """A tip list version adopted by a municipality or by an experiment (exactly one)."""

    tip_list = models.ForeignKey(
        TipList, verbose_name=_("vinkkilista"), on_delete=models.PROTECT, related_name="checklists"
    )
    version = models.ForeignKey(
        TipListVersion, verbose_name=_("versio"), on_delete=models.PROTECT, related_name="+"
    )
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("kunta"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="checklists",
    )
    experiment = models.ForeignKey(
        Experiment,
        verbose_name=_("kokeilu"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="checklists",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("tarkistuslista")
        verbose_name_plural = _("tarkistuslistat")
        ordering = ["-created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                name="checklist_for_municipality_or_experiment",
                condition=Q(municipality__isnull=False, experiment__isnull=True)
                | Q(municipality__isnull=True, experiment__isnull=False),
                violation_error_message=_("Tarkistuslista on joko kunnan tai kokeilun."),
            ),
            models.UniqueConstraint(
                fields=["tip_list", "experiment"],
                condition=Q(experiment__isnull=False),
                name="checklist_once_per_experiment",
                violation_error_message=_("Kokeilu on jo ottanut tämän vinkkilistan käyttöön."),
            ),
            models.UniqueConstraint(
                fields=["tip_list", "municipality"],
                condition=Q(municipality__isnull=False),
                name="checklist_once_per_municipality",
                violation_error_message=_("Kunta on jo ottanut tämän vinkkilistan käyttöön."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.tip_list}: {self.experiment or self.municipality}"


class ChecklistItem(models.Model):
    """A checklist's own copy of a tip, with who does it, by when, and whether it is done."""

    checklist = models.ForeignKey(Checklist, on_delete=models.CASCADE, related_name="items")
    tip = models.ForeignKey(
        TipItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    phase = models.CharField(_("vaihe"), max_length=10, choices=Phase.choices)
    text = models.TextField(_("tehtävä"))
    link = WebAddressField(_("linkki"), blank=True)
    position = models.PositiveSmallIntegerField(_("järjestys"), default=0)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("vastuuhenkilö"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="checklist_items",
    )
    due_on = models.DateField(_("määräpäivä"), null=True, blank=True)
    done_at = models.DateTimeField(_("tehty"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("tarkistuslistan kohta")
        verbose_name_plural = _("tarkistuslistan kohdat")
        ordering = ["checklist", "position", "pk"]

    def __str__(self) -> str:
        return self.text[:80]

    @property
    def is_done(self) -> bool:
        return self.done_at is not None


# --- Publications ----------------------------------------------------------------------------


class PublicationKind(models.TextChoices):
    BLOG = "blog", _("Blogikirjoitus")
    ARTICLE = "article", _("Artikkeli")
    REPORT = "report", _("Raportti")
    VIDEO = "video", _("Video")
    OTHER = "other", _("Muu")


class Publication(models.Model):
    project = models.ForeignKey(
        Project, verbose_name=_("hanke"), on_delete=models.CASCADE, related_name="publications"
    )
    kind = models.CharField(_("laji"), max_length=10, choices=PublicationKind.choices)
    title = models.CharField(_("otsikko"), max_length=300)
    channel = models.CharField(
        _("kanava"), max_length=200, help_text=_("Missä julkaistu, esimerkiksi hankkeen sivusto.")
    )
    published_on = models.DateField(_("julkaisupäivä"), null=True, blank=True)
    authors = models.CharField(_("tekijät"), max_length=300, blank=True)
    url = WebAddressField(_("verkko-osoite"), blank=True)
    identifier = models.CharField(
        _("pysyvä tunniste"),
        max_length=200,
        blank=True,
        help_text=_("URN tai DOI, esimerkiksi URN:NBN:fi:amk-202304276623."),
    )
    reference = models.TextField(_("lähdeviite"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("julkaisu")
        verbose_name_plural = _("julkaisut")
        ordering = ["-published_on", "title", "pk"]
        indexes = [models.Index(fields=["project", "kind"])]

    def __str__(self) -> str:
        return self.title

    @property
    def identifier_url(self) -> str:
        """The persistent identifier as a resolvable address (urn.fi or doi.org), or ""."""
        return resolvable_identifier(self.identifier)


def resolvable_identifier(identifier: str) -> str:
    value = identifier.strip()
    for prefix in ("https://", "http://"):
        if value.lower().startswith(prefix):
            value = value[len(prefix) :]
    for resolver in ("urn.fi/", "doi.org/", "dx.doi.org/"):
        if value.lower().startswith(resolver):
            value = value[len(resolver) :]
    if value.upper().startswith("URN:"):
        return f"https://urn.fi/{value}"
    if value.lower().startswith("doi:"):
        value = value[4:]
    if value.startswith("10."):
        return f"https://doi.org/{value}"
    return ""


# --- Interviews and coded themes -------------------------------------------------------------


class Sector(models.TextChoices):
    MUNICIPALITY = "municipality", _("Kunta")
    NGO = "ngo", _("Järjestö tai yhdistys")
    PARISH = "parish", _("Seurakunta")
    OTHER = "other", _("Muu")


class Interview(models.Model):
    """An interview of a municipal or NGO worker; no names are kept."""

    project = models.ForeignKey(
        Project, verbose_name=_("hanke"), on_delete=models.CASCADE, related_name="interviews"
    )
    held_on = models.DateField(_("päivä"))
    interviewee_role = models.CharField(
        _("haastateltavan rooli"),
        max_length=200,
        help_text=_("Esimerkiksi hyvinvointikoordinaattori."),
    )
    sector = models.CharField(_("organisaation laji"), max_length=20, choices=Sector.choices)
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("kunta"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="interviews",
    )
    notes = models.TextField(_("muistiinpanot"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("haastattelu")
        verbose_name_plural = _("haastattelut")
        ordering = ["-held_on", "pk"]

    def __str__(self) -> str:
        return f"{self.interviewee_role} ({self.held_on:%d.%m.%Y})"


class InterviewTheme(models.Model):
    """A code of a project's code list for interviews (not the themes of its trainings)."""

    project = models.ForeignKey(
        Project,
        verbose_name=_("hanke"),
        on_delete=models.CASCADE,
        related_name="interview_themes",
    )
    name = models.CharField(_("teema"), max_length=200)
    description = models.TextField(_("kuvaus"), blank=True)
    position = models.PositiveSmallIntegerField(_("järjestys"), default=0)

    class Meta:
        verbose_name = _("haastattelujen teema")
        verbose_name_plural = _("haastattelujen teemat")
        ordering = ["project", "position", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "name"],
                name="theme_unique_per_project",
                violation_error_message=_("Hankkeella on jo tämän niminen teema."),
            )
        ]

    def __str__(self) -> str:
        return self.name


class CodedPassage(models.Model):
    """A passage of an interview's notes, coded with one or more themes."""

    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, related_name="passages")
    text = models.TextField(_("katkelma"))
    themes = models.ManyToManyField(
        InterviewTheme, verbose_name=_("teemat"), related_name="passages"
    )
    publishable = models.BooleanField(
        _("saa lainata julkisesti"),
        default=False,
        help_text=_(
            "Lainaus näytetään raportissa vain, jos hanke on merkinnyt sen julkaistavaksi."
        ),
    )

    class Meta:
        verbose_name = _("koodattu katkelma")
        verbose_name_plural = _("koodatut katkelmat")
        ordering = ["interview", "pk"]

    def __str__(self) -> str:
        return self.text[:80]


# --- Lessons learned and vision words --------------------------------------------------------


class LessonCategory(models.TextChoices):
    PLANNING = "planning", _("Suunnittelu ja käynnistys")
    COOPERATION = "cooperation", _("Yhteistyö ja kohtaaminen")
    COMMUNICATION = "communication", _("Viestintä")
    VOLUNTEERS = "volunteers", _("Vapaaehtoiset ja vastuu")
    RESOURCES = "resources", _("Resurssit ja tavoitteet")
    OTHER = "other", _("Muu")


class Lesson(models.Model):
    project = models.ForeignKey(
        Project, verbose_name=_("hanke"), on_delete=models.CASCADE, related_name="lessons"
    )
    text = models.TextField(_("opetus"))
    category = models.CharField(_("luokka"), max_length=20, choices=LessonCategory.choices)
    position = models.PositiveSmallIntegerField(_("järjestys"), default=0)

    class Meta:
        verbose_name = _("opittu asia")
        verbose_name_plural = _("opitut asiat")
        ordering = ["project", "position", "pk"]

    def __str__(self) -> str:
        return self.text[:80]


class VisionWord(models.Model):
    """A word or phrase of a vision workshop, with how many times it was said."""

    project = models.ForeignKey(
        Project, verbose_name=_("hanke"), on_delete=models.CASCADE, related_name="vision_words"
    )
    word = models.CharField(_("sana"), max_length=100)
    frequency = models.PositiveIntegerField(
        _("mainintoja"),
        default=1,
        validators=[MinValueValidator(1, message=_("Mainintoja on oltava vähintään 1."))],
    )
    frequency_is_estimate = models.BooleanField(
        _("määrä on arvio"),
        default=False,
        help_text=_("Mainintoja ei laskettu työpajassa; määrä on arvioitu (esimerkiksi demossa)."),
    )

    class Meta:
        verbose_name = _("visiosana")
        verbose_name_plural = _("visiosanat")
        ordering = ["project", "-frequency", "word"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "word"],
                name="vision_word_unique_per_project",
                violation_error_message=_("Sana on jo listalla; kasvata sen mainintoja."),
            ),
            models.CheckConstraint(
                name="vision_word_frequency_at_least_one",
                condition=Q(frequency__gte=1),
                violation_error_message=_("Mainintoja on oltava vähintään 1."),
            ),
        ]

    def __str__(self) -> str:
        return self.word
