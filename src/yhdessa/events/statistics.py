"""Attendance statistics of events: per event, theme, year and project, read-only.

The same definitions hold on every page, in the API and in reports:

* **registered** (ilmoittautuneita) – every sign-up ever made: confirmed + waitlisted +
  cancelled. The seed report's "ilmoittautuneita" counts sign-ups, not seats.
* **confirmed**, **waitlisted**, **cancelled** – the sign-ups by their current status.
* **present** (paikalla) – sign-ups marked present, whatever their status (someone who
  cancelled and came anyway was there), plus the walk-in headcounts.
* **attendance rate** – present / confirmed; ``None`` when nobody is confirmed. Walk-ins can
  take it above 100 %.
* **background distribution** – the people present by background category (sign-ups marked
  present plus walk-ins). Shares are of those whose background is known; the unknown ones
  are counted beside them.

Cancelled events are left out: nothing took place. Years are calendar years of the start
in Helsinki time, whatever the time zone of the server or the request.

The database does all counting (``values`` + ``annotate``/``aggregate``), so the number of
queries stays the same however many events and people there are. The ``public_*`` variants
give registered and present only, and pass every count about people through
:func:`yhdessa.core.disclosure.protect_counts` (see :class:`_NestedProtection` for how the
event, theme and year tables are kept from giving each other's hidden cells away).
"""

from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any
from zoneinfo import ZoneInfo

from django.db.models import Count, F, Q, QuerySet, Sum
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext as _

from yhdessa.core.disclosure import is_small, min_cell_size, protect_counts
from yhdessa.directory.models import Municipality
from yhdessa.events.models import (
    Attendance,
    BackgroundCategory,
    Event,
    EventKind,
    Registration,
    Theme,
    WalkIn,
)
from yhdessa.projects.models import Project
from yhdessa.projects.reported import Comparison, reported_beside

Status = Registration.Status
REPORTING_TIMEZONE = ZoneInfo("Europe/Helsinki")

#: A published count: ``None`` when small-number protection hides it.
Cell = int | None

#: The first part of the keys of hand-entered report figures, per kind of event:
#: ``trainings.present_total`` and ``trainings.registered_total`` for trainings.
REPORTED_PREFIX: dict[str, str] = {
    EventKind.TRAINING: "trainings",
    EventKind.PEER_MEETING: "peer_meetings",
    EventKind.EXPERIMENT_SESSION: "experiment_sessions",
    EventKind.OTHER: "other_events",
}
PRESENT_TOTAL = "present_total"
REGISTERED_TOTAL = "registered_total"

_REGISTRATION_COUNTS = {
    "registered": Count("pk"),
    "confirmed": Count("pk", filter=Q(status=Status.CONFIRMED)),
    "waitlisted": Count("pk", filter=Q(status=Status.WAITLISTED)),
    "cancelled": Count("pk", filter=Q(status=Status.CANCELLED)),
    "present_registered": Count("pk", filter=Q(attendance=Attendance.PRESENT)),
}


@dataclass(frozen=True)
class Counts:
    registered: int = 0
    confirmed: int = 0
    waitlisted: int = 0
    cancelled: int = 0
    present_registered: int = 0
    walk_ins: int = 0

    @property
    def present(self) -> int:
        return self.present_registered + self.walk_ins

    @property
    def attendance_rate(self) -> float | None:
        """Present per confirmed seat (0.5 = 50 %)."""
        return self.present / self.confirmed if self.confirmed else None


@dataclass(frozen=True)
class GroupCounts:
    """One row of a table: an event, a theme, a year or the total."""

    key: Hashable
    label: str
    events: int
    counts: Counts

    @property
    def registered(self) -> int:
        return self.counts.registered

    @property
    def present(self) -> int:
        return self.counts.present


@dataclass(frozen=True)
class EventCounts(GroupCounts):
    event: Event | None = None


@dataclass(frozen=True)
class PublicRow:
    """A row with only registered and present, both protected."""

    key: Hashable
    label: str
    events: int
    registered: Cell
    present: Cell
    event: Event | None = None


@dataclass(frozen=True)
class BackgroundShare:
    category: BackgroundCategory | None  # None: background not known
    label: str
    count: Cell
    share: float | None  # per cent of the people whose background is known


@dataclass(frozen=True)
class BackgroundDistribution:
    rows: list[BackgroundShare]
    known: Cell  # people present whose background is known
    total: Cell  # everyone present
    suppressed: bool = False


@dataclass(frozen=True)
class ProjectStatistics:
    """Everything the project page and the API show about one kind of event."""

    project: Project
    kind: str
    events: list[Any]  # EventCounts, or PublicRow when protected
    themes: list[Any]  # GroupCounts, or PublicRow when protected
    years: list[Any]
    total: Any
    background: BackgroundDistribution
    reported: list[Comparison] = field(default_factory=list)
    protected: bool = False
    threshold: int | None = None

    @property
    def present_reported(self) -> Comparison | None:
        return self._reported(PRESENT_TOTAL)

    @property
    def registered_reported(self) -> Comparison | None:
        return self._reported(REGISTERED_TOTAL)

    @property
    def discrepancies(self) -> list[Comparison]:
        return [comparison for comparison in self.reported if comparison.differs]

    def _reported(self, suffix: str) -> Comparison | None:
        return next((c for c in self.reported if c.key.endswith(f".{suffix}")), None)


# --- Counting ------------------------------------------------------------------------------

#: How rows are grouped: given the path from the counted model to the event ("" for Event
#: itself, "event__" for Registration and WalkIn), the expression to group by.
Grouping = Callable[[str], Any]


def by_event(prefix: str) -> Any:
    return F(f"{prefix}pk")


def by_theme(prefix: str) -> Any:
    return F(f"{prefix}theme")


def by_year(prefix: str) -> Any:
    return ExtractYear(f"{prefix}starts_at", tzinfo=REPORTING_TIMEZONE)


def events_in_scope(project: Project, kind: str = EventKind.TRAINING) -> QuerySet[Event]:
    """The project's events of one kind that were not cancelled."""
    return Event.objects.filter(project=project, kind=kind, cancelled_at__isnull=True)


def grouped_counts(events: QuerySet[Event], grouping: Grouping) -> dict[Any, tuple[int, Counts]]:
    """(number of events, counts) per group, in three queries whatever the size of the data."""
    events = events.order_by()
    event_counts = dict(
        events.annotate(group=grouping("")).values_list("group").annotate(n=Count("pk"))
    )
    registrations = {
        row.pop("group"): row
        for row in Registration.objects.filter(event__in=events)
        .annotate(group=grouping("event__"))
        .order_by()
        .values("group")
        .annotate(**_REGISTRATION_COUNTS)
    }
    walk_ins = dict(
        WalkIn.objects.filter(event__in=events)
        .annotate(group=grouping("event__"))
        .order_by()
        .values_list("group")
        .annotate(n=Sum("count"))
    )
    return {
        key: (n, Counts(**registrations.get(key, {}), walk_ins=walk_ins.get(key) or 0))
        for key, n in event_counts.items()
    }


def total_counts(events: QuerySet[Event]) -> Counts:
    registrations = Registration.objects.filter(event__in=events.order_by()).aggregate(
        **_REGISTRATION_COUNTS
    )
    walk_ins = WalkIn.objects.filter(event__in=events.order_by()).aggregate(n=Sum("count"))
    return Counts(**registrations, walk_ins=walk_ins["n"] or 0)


def event_rows(events: QuerySet[Event]) -> list[EventCounts]:
    """One row per event, in the order of ``events``."""
    groups = grouped_counts(events, by_event)
    return [
        EventCounts(
            key=event.pk, label=str(event), events=1, counts=groups[event.pk][1], event=event
        )
        for event in events.select_related("theme", "municipality")
    ]


def theme_rows(events: QuerySet[Event]) -> list[GroupCounts]:
    """One row per theme that has events, in the themes' order; events without one last."""
    groups = grouped_counts(events, by_theme)
    themes = Theme.objects.filter(pk__in=[key for key in groups if key is not None])
    rows = [
        GroupCounts(
            key=theme.pk, label=str(theme), events=groups[theme.pk][0], counts=groups[theme.pk][1]
        )
        for theme in themes.order_by("position", "pk")
    ]
    if None in groups:
        n, counts = groups[None]
        rows.append(GroupCounts(key=None, label=_("Ei teemaa"), events=n, counts=counts))
    return rows


def year_rows(events: QuerySet[Event]) -> list[GroupCounts]:
    groups = grouped_counts(events, by_year)
    return [
        GroupCounts(key=year, label=str(year), events=n, counts=counts)
        for year, (n, counts) in sorted(groups.items())
    ]


def total_row(events: QuerySet[Event]) -> GroupCounts:
    return GroupCounts(
        key="total", label=_("Yhteensä"), events=events.count(), counts=total_counts(events)
    )


def background_counts(events: QuerySet[Event]) -> dict[int | None, int]:
    """People present per background category id (``None``: not known)."""
    events = events.order_by()
    present = dict(
        Registration.objects.filter(event__in=events, attendance=Attendance.PRESENT)
        .order_by()
        .values_list("background")
        .annotate(n=Count("pk"))
    )
    walk_ins = dict(
        WalkIn.objects.filter(event__in=events)
        .order_by()
        .values_list("background")
        .annotate(n=Sum("count"))
    )
    return {key: present.get(key, 0) + (walk_ins.get(key) or 0) for key in present | walk_ins}


def background_distribution(
    events: QuerySet[Event],
    project: Project,
    *,
    protect: bool = False,
    within: QuerySet[Event] | None = None,
) -> BackgroundDistribution:
    """Every category of the project (zeros too), then the unknown ones if there are any.

    Protected, a category under the threshold is hidden with enough others that it cannot be
    worked out from the total; shares are then left out too, since the share of a shown
    category would give away the count of those whose background is known. ``within`` is a
    wider set of events whose distribution is published too (the whole project beside one
    municipality): a category is also hidden when the rest of ``within`` is small in it, since
    subtracting the two would give that rest away.
    """
    counts = background_counts(events)
    wider = background_counts(within) if protect and within is not None else None
    categories = list(BackgroundCategory.objects.filter(project=project))
    cells: dict[int | None, int] = {
        category.pk: counts.get(category.pk, 0) for category in categories
    }
    unknown = sum(value for key, value in counts.items() if key not in cells)
    if unknown:
        cells[None] = unknown
    known = sum(value for key, value in cells.items() if key is not None)
    total = known + unknown
    shown: Mapping[int | None, Cell] = cells
    published_known: Cell = known
    published_total: Cell = total
    suppressed = False
    if protect:
        rest_small = [key for key in cells if is_small(_rest(wider, key, cells))] if wider else []
        protected = protect_counts(cells, also_hide=rest_small)
        shown, published_total, suppressed = protected.cells, protected.total, protected.suppressed
        published_known = None if suppressed else known
    rows = [
        BackgroundShare(
            category=category,
            label=str(category),
            count=shown[category.pk],
            share=_share(cells[category.pk], known) if not suppressed else None,
        )
        for category in categories
    ]
    if unknown:
        rows.append(BackgroundShare(None, _("Ei tiedossa"), shown[None], None))
    return BackgroundDistribution(rows, published_known, published_total, suppressed)


def _rest(wider: Mapping[int | None, int], key: int | None, cells: Mapping[int | None, int]) -> int:
    """How many of the wider set are in this cell but not counted in ``cells`` (the unknown
    cell, ``None``, gathers whatever is not one of the project's categories)."""
    categories = {other for other in cells if other is not None}
    if key is None:
        whole = sum(value for other, value in wider.items() if other not in categories)
    else:
        whole = wider.get(key, 0)
    return whole - cells[key]


def _share(count: int, whole: int) -> float | None:
    return 100 * count / whole if whole else None


def reported_comparisons(project: Project, kind: str, total: Any) -> list[Comparison]:
    """The hand-entered totals of the project for this kind of event, beside the records."""
    prefix = REPORTED_PREFIX.get(kind, kind)
    return reported_beside(
        project,
        {
            f"{prefix}.{PRESENT_TOTAL}": total.present,
            f"{prefix}.{REGISTERED_TOTAL}": total.registered,
        },
    )


# --- What pages and the API use ----------------------------------------------------------


def project_statistics(project: Project, *, kind: str = EventKind.TRAINING) -> ProjectStatistics:
    """Every figure of one kind of event of a project, unprotected (for its staff)."""
    return _statistics(project, kind, protect=False)


def public_project_statistics(
    project: Project, *, kind: str = EventKind.TRAINING
) -> ProjectStatistics:
    """The same figures for everyone: registered and present only, every column protected.

    Invitation-only events are counted in the themes, years and totals but not listed.
    """
    return _statistics(project, kind, protect=True)


def report_statistics(
    project: Project,
    *,
    kind: str = EventKind.TRAINING,
    municipality: Municipality | None = None,
) -> ProjectStatistics:
    """The public figures for a publication (the final report), of the events held in
    ``municipality`` when one is given.

    A report names every event it tells about, invitation-only ones too (the seed report lists
    its peer meetings), so they are listed here; their counts are protected as always. The
    events of a municipality are protected as part of the whole project, whose figures are
    published as well: an event hidden there is hidden here, and so is every group (the
    municipality's total, its years and themes) that contains it. The printed totals of the
    project are compared with the records only in the project's own figures.
    """
    return _statistics(
        project, kind, protect=True, municipality=municipality, list_invitation_only=True
    )


def _statistics(
    project: Project,
    kind: str,
    *,
    protect: bool,
    municipality: Municipality | None = None,
    list_invitation_only: bool = False,
) -> ProjectStatistics:
    project_events = events_in_scope(project, kind)
    events = project_events
    if municipality is not None:
        events = project_events.filter(municipality=municipality)
    total = total_row(events)
    background = background_distribution(
        events, project, protect=protect, within=project_events if municipality else None
    )
    reported = [] if municipality else reported_comparisons(project, kind, total)
    by_event, by_theme, by_year = event_rows(events), theme_rows(events), year_rows(events)
    if not protect:
        return ProjectStatistics(
            project, kind, by_event, by_theme, by_year, total, background, reported
        )
    # Every event of the project is protected together, whatever part of them is shown.
    all_events = event_rows(project_events) if municipality else by_event
    registered = _NestedProtection(all_events, lambda row: row.registered)
    present = _NestedProtection(all_events, lambda row: row.present)

    def public(rows: list[Any], key_of: Callable[[Event], Hashable]) -> list[PublicRow]:
        return [
            PublicRow(
                key=row.key,
                label=row.label,
                events=row.events,
                registered=registered.cell(row, key_of),
                present=present.cell(row, key_of),
                event=getattr(row, "event", None),
            )
            for row in rows
        ]

    if municipality is None:
        protected_total = PublicRow(
            key=total.key,
            label=total.label,
            events=total.events,
            registered=registered.total,
            present=present.total,
        )
    else:
        # A part of the project: its total is a group of events like a theme.
        protected_total = public([total], _in_municipality(municipality))[0]

    def listed(row: PublicRow) -> bool:
        return row.event is not None and (row.event.is_public or list_invitation_only)

    return ProjectStatistics(
        project=project,
        kind=kind,
        events=[row for row in public(by_event, _event_key) if listed(row)],
        themes=public(by_theme, _theme_key),
        years=public(by_year, _year_key),
        total=protected_total,
        background=background,
        reported=[_protect_comparison(c, protected_total) for c in reported],
        protected=True,
        threshold=min_cell_size(),
    )


def _protect_comparison(comparison: Comparison, total: PublicRow) -> Comparison:
    column = "present" if comparison.key.endswith(f".{PRESENT_TOTAL}") else "registered"
    return replace(comparison, records=getattr(total, column))


def _event_key(event: Event) -> Hashable:
    return event.pk


def _theme_key(event: Event) -> Hashable:
    return event.theme_id


def _year_key(event: Event) -> Hashable:
    return event.starts_at.astimezone(REPORTING_TIMEZONE).year


def _in_municipality(municipality: Municipality) -> Callable[[Event], Hashable]:
    """The group key of a municipality's total row ("total" when the event was held there)."""

    def key_of(event: Event) -> Hashable:
        return "total" if event.municipality_id == municipality.pk else None

    return key_of


class _NestedProtection:
    """Small-number protection of one column (registered or present) of the nested tables.

    The events are protected as one table: small counts hidden, and another with each, so
    that none can be worked out from the total. A theme or a year is then hidden if it
    contains a hidden event, since shown it would give that event's count away by subtraction
    of the events shown. So the theme and year tables tell nothing that the events' table
    does not (protecting each table on its own would not do: an event's row and its theme's
    row are often the same number).
    """

    def __init__(self, events: list[EventCounts], value: Callable[[GroupCounts], int]) -> None:
        protected = protect_counts({row.key: value(row) for row in events})
        self.value = value
        self.hidden_events = [row.event for row in events if protected.cells[row.key] is None]
        self.total = protected.total

    def cell(self, row: GroupCounts, key_of: Callable[[Event], Hashable]) -> Cell:
        if any(key_of(event) == row.key for event in self.hidden_events if event is not None):
            return None
        return self.value(row)


def training_table(project: Project) -> ProjectStatistics:
    """The seed report's training table (theme, present, registered) computed from records."""
    return project_statistics(project, kind=EventKind.TRAINING)


def public_training_table(project: Project) -> ProjectStatistics:
    return public_project_statistics(project, kind=EventKind.TRAINING)


def event_statistics(event: Event) -> tuple[Counts, BackgroundDistribution]:
    """One event's counts and background distribution, for its organisers."""
    events = Event.objects.filter(pk=event.pk)
    return total_counts(events), background_distribution(events, event.project)
