"""Experiments' figures as each reader may see them: the one place pages, the API, model
descriptions and reports take them from.

Costs are not about people and are shown to everyone who sees the experiment. Participant
counts are: the staff of an experiment (``selectors.experiments_for_staff``) see them exactly,
anyone else through the small-number function. The counts of one project are protected
together: a municipality with a hidden experiment is hidden in the project's table, and a
municipality hidden there hides its experiments, so that no published sum gives a hidden count
back. A cost per participant and a participant share of a hidden group are hidden too (total
cost / cost per participant would give the count back). A reader who is staff of some of the
experiments (a coordinator, of their own municipality's) knows those counts exactly, so the
others are protected as if those were published too (:func:`protect_project`).
"""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth.models import AnonymousUser
from django.db.models import Q, QuerySet

from yhdessa.accounts.models import User
from yhdessa.core.disclosure import protect_count, protect_counts
from yhdessa.directory.models import Municipality
from yhdessa.experiments import costs
from yhdessa.experiments.costs import ExperimentFigures
from yhdessa.experiments.models import Experiment
from yhdessa.experiments.selectors import experiments_for_staff


def visible_experiments(user: User | AnonymousUser) -> QuerySet[Experiment]:
    """Experiments of public projects, and those the user is staff of."""
    return Experiment.objects.filter(
        Q(project__is_public=True) | Q(pk__in=experiments_for_staff(user).values("pk"))
    )


def staff_ids(user: User | AnonymousUser, ids: Iterable[int]) -> set[int]:
    """Those of the experiments whose exact figures the user may see."""
    return set(experiments_for_staff(user).filter(pk__in=list(ids)).values_list("pk", flat=True))


def figures_by_id(
    experiments: "QuerySet[Experiment] | Iterable[Experiment]",
) -> dict[int, ExperimentFigures]:
    return {item.experiment.pk: item for item in costs.costs_for_experiments(experiments)}


# --- Protection of participant counts --------------------------------------------------------


@dataclass(frozen=True)
class Protection:
    """What the public may see of one project's participant counts."""

    experiments: dict[int, int | None]
    municipalities: dict[int, int | None]
    total: int | None


def protect_project(
    figures: Sequence[ExperimentFigures], *, known: Iterable[int] = ()
) -> Protection:
    """Protect the counts of one project's experiments together (see the module docstring).

    ``known`` names municipalities whose counts the reader sees exactly anyway (a coordinator
    sees their own municipality's). Those counts cannot be protected from the reader, so the
    others are protected as a line of their own: total − the known counts is what the reader
    can work out, and the hidden counts must not be found from it either. The known counts
    themselves are left out of what is returned (the reader gets them from their own view).
    """
    known = set(known)
    by_municipality: dict[int, list[ExperimentFigures]] = defaultdict(list)
    for item in figures:
        by_municipality[item.experiment.municipality_id].append(item)
    municipal = {
        pk: sum(item.participants.total for item in items) for pk, items in by_municipality.items()
    }
    others = {pk: count for pk, count in municipal.items() if pk not in known}
    small_inside = [
        pk
        for pk, items in by_municipality.items()
        if pk in others and any(protect_count(item.participants.total) is None for item in items)
    ]
    table = protect_counts(others, also_hide=small_inside)
    total = None if table.total is None else sum(municipal.values())
    cells = {pk: table.cells.get(pk) for pk in municipal}
    shown: dict[int, int | None] = {}
    for item in figures:
        hidden = cells[item.experiment.municipality_id] is None
        shown[item.experiment.pk] = None if hidden else protect_count(item.participants.total)
    return Protection(shown, cells, total)


def protection_by_project(
    project_ids: Iterable[int], user: User | AnonymousUser
) -> dict[int, Protection]:
    """What the user may see of the counts of these projects' experiments, in a fixed number
    of queries (the municipalities whose experiments the user is staff of count as known)."""
    everything = costs.costs_for_experiments(
        Experiment.objects.filter(project__in=set(project_ids))
    )
    staff = staff_ids(user, (item.experiment.pk for item in everything))
    by_project: dict[int, list[ExperimentFigures]] = defaultdict(list)
    for item in everything:
        by_project[item.experiment.project_id].append(item)
    return {
        pk: protect_project(items, known=_known_municipalities(items, staff))
        for pk, items in by_project.items()
    }


def _known_municipalities(figures: Iterable[ExperimentFigures], staff: set[int]) -> set[int]:
    return {item.experiment.municipality_id for item in figures if item.experiment.pk in staff}


# --- One reader's view -----------------------------------------------------------------------


@dataclass(frozen=True)
class ExperimentView:
    """An experiment's figures for one reader: ``participants`` is ``None`` when hidden."""

    figures: ExperimentFigures
    participants: int | None
    exact: bool

    @property
    def experiment(self) -> Experiment:
        return self.figures.experiment

    @property
    def costs(self) -> costs.CostTotals | None:
        return self.figures.costs

    @property
    def error(self) -> str | None:
        return self.figures.error

    @property
    def suppressed(self) -> bool:
        return self.participants is None

    @property
    def cost_per_participant(self) -> Decimal | None:
        if self.costs is None or self.participants is None:
            return None
        return self.costs.per_participant.value


def experiment_views(
    user: User | AnonymousUser, experiments: "QuerySet[Experiment] | Iterable[Experiment]"
) -> list[ExperimentView]:
    """The experiments as the user may see them, in a fixed number of queries."""
    computed = costs.costs_for_experiments(experiments)
    staff = staff_ids(user, (item.experiment.pk for item in computed))
    public_projects = {
        item.experiment.project_id for item in computed if item.experiment.pk not in staff
    }
    protection = protection_by_project(public_projects, user) if public_projects else {}
    views = []
    for item in computed:
        pk = item.experiment.pk
        if pk in staff:
            views.append(ExperimentView(item, item.participants.total, exact=True))
        else:
            shown = protection[item.experiment.project_id].experiments[pk]
            views.append(ExperimentView(item, shown, exact=False))
    return views


def public_project_experiments(project_id: int) -> tuple[list[ExperimentView], Protection]:
    """Every experiment of a project as anyone may see it, with the protected counts by
    municipality and in total: the view of a publication (the project's report), the same
    whoever reads it. Partners and the model description come along for listing them."""
    experiments = (
        Experiment.objects.filter(project_id=project_id)
        .select_related("model_description")
        .prefetch_related("partners")
    )
    figures = costs.costs_for_experiments(experiments)
    protection = protect_project(figures)
    views = [
        ExperimentView(item, protection.experiments[item.experiment.pk], exact=False)
        for item in figures
    ]
    return views, protection


# --- A project's costs by municipality -------------------------------------------------------


@dataclass(frozen=True)
class MunicipalityCosts:
    municipality: Municipality
    summary: costs.CostSummary
    participants: int | None
    cost_share_pct: Decimal | None
    participant_share_pct: Decimal | None

    @property
    def suppressed(self) -> bool:
        return self.participants is None

    @property
    def cost_per_participant(self) -> Decimal | None:
        return None if self.suppressed else self.summary.cost_per_participant.value


@dataclass(frozen=True)
class ProjectCostTable:
    """A project's costs by municipality as one reader may see them."""

    rows: tuple[MunicipalityCosts, ...]
    table: costs.ProjectCosts
    participants: int | None
    exact: bool
    #: Experiments whose costs cannot be computed (a parameter is missing), with the reason.
    errors: tuple[ExperimentFigures, ...]

    @property
    def suppressed(self) -> bool:
        return self.participants is None

    @property
    def any_suppressed(self) -> bool:
        return self.suppressed or any(row.suppressed for row in self.rows)

    @property
    def pooled_cost_per_participant(self) -> Decimal | None:
        return None if self.suppressed else self.table.pooled_cost_per_participant.value

    @property
    def mean_of_municipal_costs_per_participant(self) -> Decimal | None:
        if self.any_suppressed:
            return None
        return self.table.mean_of_municipal_costs_per_participant.value


def project_cost_table(
    figures: Sequence[ExperimentFigures], *, exact: bool, known: Iterable[int] = ()
) -> ProjectCostTable:
    """Rows by municipality (in name order) and the totals; counts protected unless ``exact``
    (the rows of ``known`` municipalities exact, see :func:`protect_project`).

    Experiments whose costs cannot be computed are left out of the sums and listed in
    ``errors``.
    """
    by_municipality: dict[int, list[ExperimentFigures]] = defaultdict(list)
    for item in figures:
        by_municipality[item.experiment.municipality_id].append(item)
    order = sorted(
        by_municipality, key=lambda pk: (by_municipality[pk][0].experiment.municipality.name, pk)
    )
    table = costs.project_costs(
        [
            (
                by_municipality[pk][0].experiment.municipality.name,
                [item.costs for item in by_municipality[pk] if item.costs is not None],
            )
            for pk in order
        ]
    )
    known = set(known)
    protection = None if exact else protect_project(figures, known=known)
    rows = []
    for pk, row in zip(order, table.municipalities, strict=True):
        participants: int | None = row.participants
        if protection is not None and pk not in known:
            participants = protection.municipalities[pk]
        rows.append(
            MunicipalityCosts(
                municipality=by_municipality[pk][0].experiment.municipality,
                summary=row,
                participants=participants,
                cost_share_pct=table.cost_share_pct(row),
                participant_share_pct=None
                if participants is None
                else table.participant_share_pct(row),
            )
        )
    total = table.total.participants if protection is None else protection.total
    return ProjectCostTable(
        rows=tuple(rows),
        table=table,
        participants=total,
        exact=exact,
        errors=tuple(item for item in figures if item.costs is None),
    )


def project_costs_for(
    user: User | AnonymousUser, project_id: int, *, is_public: bool
) -> ProjectCostTable:
    """A project's cost table for the user: a public project's every experiment (exact only for
    those who are staff of all of them), otherwise the experiments the user is staff of."""
    experiments: QuerySet[Experiment]
    if is_public:
        experiments = Experiment.objects.filter(project_id=project_id)
    else:
        experiments = experiments_for_staff(user).filter(project_id=project_id)
    figures = costs.costs_for_experiments(experiments)
    staff = staff_ids(user, (item.experiment.pk for item in figures))
    return project_cost_table(
        figures, exact=len(staff) == len(figures), known=_known_municipalities(figures, staff)
    )
