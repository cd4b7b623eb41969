"""Cost figures made ready for pages, downloads and reports: tables, charts and the printed
figures beside the computed ones. Takes what ``figures.py`` gives (already protected), so
nothing here can show more than the reader may see.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.utils.translation import gettext as _

from yhdessa.core.charts import Series, data_uri, grouped_bars
from yhdessa.experiments import costs
from yhdessa.experiments.figures import ProjectCostTable
from yhdessa.experiments.models import CostKind
from yhdessa.projects.models import Project
from yhdessa.projects.reported import Comparison, reported_beside

CENT = Decimal("0.01")

#: The project's hand-entered figures (``ReportedFigure.key``) that the cost table computes.
REPORTED_COST_TOTAL = "experiments.cost_total"
REPORTED_PARTICIPANTS = "experiments.participants_total"
REPORTED_MEAN = "experiments.cost_per_participant_mean"
#: A municipality's printed shares of the participants and of the costs (whole per cent), by
#: the municipality's code: ``costs.participant_share.535``.
REPORTED_PARTICIPANT_SHARE = "costs.participant_share"
REPORTED_COST_SHARE = "costs.cost_share"


def cents(value: Decimal | None) -> Decimal | None:
    return None if value is None else value.quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class KindRow:
    kind: str
    label: str
    total: Decimal


def kind_rows(totals: costs.CostTotals | costs.CostSummary | None) -> list[KindRow]:
    """The cost kinds that have costs (of an experiment, or summed over several), in the
    order of ``CostKind``."""
    if totals is None:
        return []
    return [
        KindRow(kind, str(CostKind(kind).label), value)
        for kind, value in totals.by_kind.items()
        if value
    ]


def parameters_used(totals: costs.CostTotals | None) -> list[costs.Parameter]:
    """Every public parameter the experiment's costs rest on, once each, by kind and year."""
    return parameters_used_by([totals])


def parameters_used_by(many: Iterable[costs.CostTotals | None]) -> list[costs.Parameter]:
    """Every parameter the costs of these experiments rest on, once each, by kind and year.

    Decided experiments keep the values they froze, so one parameter may appear with two
    values (one experiment decided before it changed, one after): both are listed.
    """
    found = {
        (parameter.snapshot_key, parameter.value): parameter
        for totals in many
        if totals is not None
        for line in totals.lines
        for parameter in line.total.parameters
    }
    return sorted(
        found.values(), key=lambda p: (p.kind, p.year, p.job_title, p.divisor_name, p.value)
    )


# --- A project's costs by municipality -------------------------------------------------------


def municipality_table(table: ProjectCostTable) -> tuple[list[str], list[list[Any]]]:
    """The cost table as rows for CSV/XLSX: hidden figures are empty cells."""
    header = [
        _("Kunta"),
        _("Kokeiluja"),
        _("Osallistujia"),
        _("Kustannukset (€)"),
        _("Kustannus osallistujaa kohti (€)"),
        _("Osuus kustannuksista (%)"),
        _("Osuus osallistujista (%)"),
    ]
    rows: list[list[Any]] = [
        [
            row.municipality.name,
            row.summary.experiments,
            row.participants,
            cents(row.summary.total_cost),
            cents(row.cost_per_participant),
            cents(row.cost_share_pct),
            cents(row.participant_share_pct),
        ]
        for row in table.rows
    ]
    total = table.table.total
    rows.append(
        [
            _("Yhteensä"),
            total.experiments,
            table.participants,
            cents(total.total_cost),
            cents(table.pooled_cost_per_participant),
            Decimal(100) if total.total_cost else None,
            Decimal(100) if table.participants else None,
        ]
    )
    return header, rows


def _floats(values: Sequence[Decimal | None]) -> list[float | None]:
    return [None if value is None else float(value) for value in values]


def cost_per_participant_chart(table: ProjectCostTable) -> str | None:
    """Bars of each municipality's cost per participant, as an ``<img src>``."""
    return data_uri(cost_per_participant_svg(table))


def cost_per_participant_svg(table: ProjectCostTable) -> str | None:
    """Bars of each municipality's cost per participant, as SVG text."""
    if not table.rows:
        return None
    return grouped_bars(
        [row.municipality.name for row in table.rows],
        [
            Series(
                _("Kustannus osallistujaa kohti (€)"),
                _floats([row.cost_per_participant for row in table.rows]),
            )
        ],
        value_label=_("euroa osallistujaa kohti"),
        decimals=2,
        hidden_label=_("piilotettu"),
    )


def shares_chart(table: ProjectCostTable) -> str | None:
    """Each municipality's share of the costs beside its share of the participants (%)."""
    return data_uri(shares_svg(table))


def shares_svg(table: ProjectCostTable) -> str | None:
    """Each municipality's share of the costs beside its share of the participants, as SVG."""
    if not table.rows:
        return None
    return grouped_bars(
        [row.municipality.name for row in table.rows],
        [
            Series(_("Osuus kustannuksista"), _floats([r.cost_share_pct for r in table.rows])),
            Series(
                _("Osuus osallistujista"), _floats([r.participant_share_pct for r in table.rows])
            ),
        ],
        value_label=_("prosenttia hankkeen kokeiluista"),
        decimals=1,
        hidden_label=_("piilotettu"),
    )


def reported_comparisons(project: Project, table: ProjectCostTable) -> list[Comparison]:
    """The project's printed cost figures beside the computed ones (those it has stored).

    The printed mean is set beside the pooled figure (total cost / all participants): it is
    what "cost per participant" of the project means. A hidden computed figure stays hidden.
    """
    computed = {
        REPORTED_COST_TOTAL: cents(table.table.total.total_cost),
        REPORTED_PARTICIPANTS: table.participants,
        REPORTED_MEAN: cents(table.pooled_cost_per_participant),
    }
    return reported_beside(project, computed)


def whole_percent(value: Decimal | None) -> Decimal | None:
    """A share as a report prints it: whole per cent, rounded half up."""
    return None if value is None else value.quantize(Decimal(1), rounding=ROUND_HALF_UP)


def share_key(prefix: str, municipality_code: str) -> str:
    """``share_key(REPORTED_COST_SHARE, "678")`` → ``costs.cost_share.678``."""
    return f"{prefix}.{municipality_code}"


def reported_share_comparisons(project: Project, table: ProjectCostTable) -> list[Comparison]:
    """Each municipality's printed shares of the participants and of the costs beside the
    computed ones, both in whole per cent (those the project has stored).

    A participant share of a hidden count stays hidden; a cost share is not about people
    and is always compared.
    """
    computed: dict[str, int | Decimal | None] = {}
    for row in table.rows:
        code = row.municipality.code
        computed[share_key(REPORTED_PARTICIPANT_SHARE, code)] = whole_percent(
            row.participant_share_pct
        )
        computed[share_key(REPORTED_COST_SHARE, code)] = whole_percent(row.cost_share_pct)
    return reported_beside(project, computed)
