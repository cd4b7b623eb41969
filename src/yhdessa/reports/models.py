from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from yhdessa.directory.models import Municipality
from yhdessa.projects.models import Project


class SectionText(models.Model):
    """The project team's own words for one section of its report, and whether the section
    is in the report at all. A municipal report (``municipality`` set) has its own texts."""

    project = models.ForeignKey(
        Project, verbose_name=_("hanke"), on_delete=models.CASCADE, related_name="report_texts"
    )
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("kunta"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    section = models.CharField(_("osio"), max_length=40)
    included = models.BooleanField(_("mukana raportissa"), default=True)
    text = models.TextField(
        _("teksti"),
        blank=True,
        help_text=_("Tyhjä rivi aloittaa uuden kappaleen."),
    )
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("raportin osion teksti")
        verbose_name_plural = _("raportin osioiden tekstit")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "section"],
                condition=Q(municipality__isnull=True),
                name="report_text_one_per_project_section",
            ),
            models.UniqueConstraint(
                fields=["project", "municipality", "section"],
                condition=Q(municipality__isnull=False),
                name="report_text_one_per_municipal_section",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.project} / {self.section}"
