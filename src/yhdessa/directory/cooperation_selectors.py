"""Reads of cooperation structures and of projects' cooperation and support activities.

The cooperation directory is public: it holds organisational contacts (a liaison's work
e-mail, a council's contact route), not personal data, so every entry is shown to everyone.
Staff reads are scoped to the municipalities the user keeps
(:func:`~yhdessa.accounts.selectors.municipalities_for_staff`).
"""

import datetime
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone

from yhdessa.accounts.models import User
from yhdessa.accounts.selectors import municipalities_for_staff
from yhdessa.directory.cooperation_models import (
    CooperationKind,
    CooperationStructure,
    out_of_date_condition,
)
from yhdessa.directory.models import Municipality
from yhdessa.projects.models import Project, ProjectActivity


def cooperation_structures() -> QuerySet[CooperationStructure]:
    return CooperationStructure.objects.select_related("municipality")


def cooperation_search(
    *, q: str = "", kind: str = "", municipality: Municipality | None = None
) -> QuerySet[CooperationStructure]:
    entries = cooperation_structures()
    for word in q.casefold().split():
        entries = entries.filter(search_text__contains=word)
    if kind:
        entries = entries.filter(kind=kind)
    if municipality is not None:
        entries = entries.filter(municipality=municipality)
    return entries


@dataclass(frozen=True)
class KindGroup:
    kind: CooperationKind
    entries: list[CooperationStructure]

    @property
    def label(self) -> str:
        return str(self.kind.label)


def grouped_by_kind(entries: QuerySet[CooperationStructure]) -> list[KindGroup]:
    """The entries in the order of :class:`CooperationKind`, leaving out empty kinds."""
    by_kind: dict[str, list[CooperationStructure]] = {}
    for entry in entries.order_by("title", "pk"):
        by_kind.setdefault(entry.kind, []).append(entry)
    return [KindGroup(kind, by_kind[kind]) for kind in CooperationKind if kind in by_kind]


def municipality_cooperation(municipality: Municipality) -> list[KindGroup]:
    return grouped_by_kind(municipality.cooperation_structures.all())


def municipalities_with_cooperation() -> QuerySet[Municipality]:
    """Municipalities that have at least one entry (the search page's shortcuts)."""
    return Municipality.objects.filter(cooperation_structures__isnull=False).distinct()


def municipality_to_keep(user: User, code: str) -> QuerySet[Municipality]:
    return municipalities_for_staff(user).filter(code=code)


def structures_kept_by(user: User, municipality: Municipality) -> QuerySet[CooperationStructure]:
    return CooperationStructure.objects.filter(
        municipality__in=municipalities_for_staff(user), municipality=municipality
    ).select_related("municipality")


def out_of_date(
    entries: QuerySet[CooperationStructure], today: datetime.date | None = None
) -> QuerySet[CooperationStructure]:
    return entries.filter(out_of_date_condition(today or timezone.localdate()))


def project_activities(project: Project) -> QuerySet[ProjectActivity]:
    return ProjectActivity.objects.filter(project=project).order_by("kind", "starts_on", "pk")
