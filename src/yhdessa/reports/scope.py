"""What a report is about and for whom: the project, perhaps one municipality, the reader."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from django.urls import reverse

from yhdessa.accounts.models import User
from yhdessa.accounts.selectors import municipalities_for_staff, projects_for_staff
from yhdessa.directory.models import Municipality
from yhdessa.events.statistics import ProjectStatistics, report_statistics
from yhdessa.experiments.figures import ExperimentView, Protection, public_project_experiments
from yhdessa.projects.models import Project
from yhdessa.projects.reported import Comparison


def may_trace(user: Any, project: Project, municipality: Municipality | None) -> bool:
    """Whether the reader gets links from the figures to the records: the project's staff,
    and for a municipal report the municipality's own staff too."""
    if not (isinstance(user, User) and user.is_authenticated):
        return False
    return projects_for_staff(user).filter(pk=project.pk).exists() or (
        municipality is not None
        and municipalities_for_staff(user).filter(pk=municipality.pk).exists()
    )


@dataclass
class ReportScope:
    """Handed to every section builder.

    The report is a publication: its figures are the same for every reader and go through
    small-number protection. Readers on the project's staff (or the municipality's, for a
    municipal report) also get ``staff_url`` links from each figure to the records behind
    it; the linked pages check their own rights as always.
    """

    project: Project
    municipality: Municipality | None = None
    user: User | None = None
    language: str = "fi"
    #: Printed figures beside computed ones, collected from the sections as they are built
    #: (``projects.reported.reported_beside``); the discrepancies section lists them.
    comparisons: list[Comparison] = field(default_factory=list)
    traceable: bool = False
    _event_statistics: dict[str, ProjectStatistics] = field(default_factory=dict, repr=False)

    @classmethod
    def for_reader(
        cls,
        project: Project,
        user: Any,
        *,
        municipality: Municipality | None = None,
        language: str = "fi",
    ) -> ReportScope:
        reader = user if isinstance(user, User) and user.is_authenticated else None
        return cls(
            project=project,
            municipality=municipality,
            user=reader,
            language=language,
            traceable=may_trace(user, project, municipality),
        )

    @cached_property
    def public_experiments(self) -> tuple[list[ExperimentView], Protection]:
        """The project's experiments as the public sees them, with their costs: computed
        once per report for the summary, experiments and costs sections."""
        return public_project_experiments(self.project.pk)

    def event_statistics(self, kind: str) -> ProjectStatistics:
        """The protected figures of one kind of event in the scope, computed once per report
        for the summary and the section of that kind."""
        if kind not in self._event_statistics:
            self._event_statistics[kind] = report_statistics(
                self.project, kind=kind, municipality=self.municipality
            )
        return self._event_statistics[kind]

    def staff_url(self, viewname: str, *args: Any, **kwargs: Any) -> str:
        """The address of a staff page, or "" for a reader who gets no links."""
        return reverse(viewname, args=args, kwargs=kwargs) if self.traceable else ""
