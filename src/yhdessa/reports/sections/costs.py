"""Kokeilujen kustannukset: cost per participant by municipality, the municipalities' shares
of the participants and of the costs, the project's cost per participant beside the mean of the
municipal figures, the costs by kind and the public parameters they rest on.

Everything comes from ``experiments.figures`` (the public, protected view: the report is a
publication) and ``experiments.cost_outputs``. A municipal report shows its own row beside the
project's totals; the printed figures are checked in the project's report only.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _

from yhdessa.core.disclosure import min_cell_size
from yhdessa.experiments import cost_outputs
from yhdessa.experiments.cost_outputs import cents
from yhdessa.experiments.costs import CostSummary, money
from yhdessa.experiments.figures import (
    ExperimentView,
    MunicipalityCosts,
    ProjectCostTable,
    project_cost_table,
)
from yhdessa.reports.document import Chart, Figure, ItemList, Section, Table, Value
from yhdessa.reports.scope import ReportScope

EURO = "€"
TENTH = Decimal("0.1")


def build(scope: ReportScope, section: Section) -> None:
    """Fill ``section`` with the experiments' costs of ``scope``."""
    views, _protection = scope.public_experiments
    table = project_cost_table([view.figures for view in views], exact=False)
    if scope.municipality is not None:
        table, views = _of_municipality(table, views, scope.municipality.pk)
    if not table.rows:
        section.empty_message = _empty_message(scope)
        return
    if scope.municipality is None:
        section.figures += _project_figures(scope, table)
        section.charts += _charts(table)
        scope.comparisons += cost_outputs.reported_comparisons(scope.project, table)
        scope.comparisons += cost_outputs.reported_share_comparisons(scope.project, table)
    else:
        section.figures += _municipal_figures(scope, table)
    tables = [
        _cost_table(scope, table, views),
        _shares_table(table),
        _kind_table(_summary(scope, table)),
        _basis_table(scope, views),
    ]
    section.tables += [one for one in tables if one.rows]  # nothing to show: no table
    if table.errors:
        section.lists.append(_errors(table))


def _of_municipality(
    table: ProjectCostTable, views: list[ExperimentView], municipality_id: int
) -> tuple[ProjectCostTable, list[ExperimentView]]:
    """The municipality's row of the project's table; the totals stay the project's."""
    rows = tuple(row for row in table.rows if row.municipality.pk == municipality_id)
    errors = tuple(
        item for item in table.errors if item.experiment.municipality_id == municipality_id
    )
    mine = [view for view in views if view.experiment.municipality_id == municipality_id]
    return dataclasses.replace(table, rows=rows, errors=errors), mine


def _summary(scope: ReportScope, table: ProjectCostTable) -> CostSummary:
    """The costs the report is about: the municipality's, or the project's."""
    return table.rows[0].summary if scope.municipality else table.table.total


def _empty_message(scope: ReportScope) -> str:
    if scope.municipality is None:
        return _("Hankkeessa ei ole kehittämiskokeiluja.")
    return _("Kunnassa %(municipality)s ei ollut hankkeen kehittämiskokeiluja.") % {
        "municipality": scope.municipality.name
    }


def percent(value: Decimal | None) -> float | None:
    """A share for the report: per cent to one decimal."""
    return None if value is None else float(value.quantize(TENTH, rounding=ROUND_HALF_UP))


# --- Figures ---------------------------------------------------------------------------------


def _project_figures(scope: ReportScope, table: ProjectCostTable) -> list[Figure]:
    source = scope.staff_url("experiments:project_experiments", scope.project.slug)
    pooled = table.pooled_cost_per_participant
    mean = table.mean_of_municipal_costs_per_participant
    return [
        Figure(
            "cost_total",
            _("Kustannukset yhteensä"),
            cents(table.table.total.total_cost),
            EURO,
            source_url=source,
        ),
        Figure("participants", _("Osallistujia yhteensä"), table.participants, source_url=source),
        Figure(
            "cost_per_participant",
            _("Kustannus osallistujaa kohti (koko hanke)"),
            cents(pooled),
            EURO,
            source_url=source,
            note=_calculation(table) if pooled is not None else "",
        ),
        Figure(
            "mean_of_municipal_costs_per_participant",
            _("Kuntien osallistujakohtaisten kustannusten keskiarvo"),
            cents(mean),
            EURO,
            note=_(
                "Hankkeen luku on kaikki kustannukset jaettuna kaikilla osallistujilla, kun taas"
                " keskiarvossa jokainen kunta painaa yhtä paljon, joten vähän osallistujia"
                " saaneiden kuntien suuret luvut nostavat sitä."
            )
            if mean is not None
            else "",
        ),
    ]


def _calculation(table: ProjectCostTable) -> str:
    total = table.table.total
    return _("laskettu: %(cost)s / %(participants)s") % {
        "cost": money(total.total_cost),
        "participants": table.participants,
    }


def _municipal_figures(scope: ReportScope, table: ProjectCostTable) -> list[Figure]:
    source = scope.staff_url("experiments:project_experiments", scope.project.slug)
    (row,) = table.rows  # a municipality's report has its own row only
    return [
        Figure(
            "cost_total",
            _("Kustannukset yhteensä"),
            cents(row.summary.total_cost),
            EURO,
            source_url=source,
        ),
        Figure("participants", _("Osallistujia yhteensä"), row.participants, source_url=source),
        Figure(
            "cost_per_participant",
            _("Kustannus osallistujaa kohti"),
            cents(row.cost_per_participant),
            EURO,
            source_url=source,
        ),
        Figure(
            "project_cost_per_participant",
            _("Kustannus osallistujaa kohti koko hankkeessa"),
            cents(table.pooled_cost_per_participant),
            EURO,
        ),
    ]


# --- Tables ----------------------------------------------------------------------------------


def _cost_table(
    scope: ReportScope, table: ProjectCostTable, views: Sequence[ExperimentView]
) -> Table:
    total = table.table.total
    rows: list[list[Value]] = [
        [
            row.municipality.name,
            row.summary.experiments,
            row.participants,
            cents(row.summary.total_cost),
            cents(row.cost_per_participant),
        ]
        for row in table.rows
    ]
    rows.append(
        [
            _("Koko hanke") if scope.municipality else _("Yhteensä"),
            total.experiments,
            table.participants,
            cents(total.total_cost),
            cents(table.pooled_cost_per_participant),
        ]
    )
    return Table(
        key="cost_per_participant",
        title=_("Kustannus osallistujaa kohti kunnittain"),
        columns=[
            _("Kunta"),
            _("Kokeiluja"),
            _("Osallistujia"),
            _("Kustannukset (€)"),
            _("Kustannus osallistujaa kohti (€)"),
        ],
        rows=rows,
        row_urls=[_municipality_url(scope, row, views) for row in table.rows],
        note=_protection_note(table),
    )


def _municipality_url(
    scope: ReportScope, row: MunicipalityCosts, views: Sequence[ExperimentView]
) -> str:
    """The staff page of the municipality's experiment, or the project's list when it had
    several (there is no staff page of one municipality's experiments)."""
    mine = [
        view.experiment.pk
        for view in views
        if view.experiment.municipality_id == row.municipality.pk
    ]
    if len(mine) == 1:
        return scope.staff_url("experiments:experiment_staff", mine[0])
    return scope.staff_url("experiments:project_experiments", scope.project.slug)


def _protection_note(table: ProjectCostTable) -> str:
    if not table.any_suppressed:
        return ""
    return _(
        "Alle %(threshold)s osallistujan määriä ei näytetä, eikä kustannusta osallistujaa"
        " kohti tai lukuja, joista ne voisi laskea."
    ) % {"threshold": min_cell_size()}


def _shares_table(table: ProjectCostTable) -> Table:
    return Table(
        key="shares",
        title=_("Kuntien osuudet osallistujista ja kustannuksista"),
        columns=[_("Kunta"), _("Osuus osallistujista (%)"), _("Osuus kustannuksista (%)")],
        rows=[
            [
                row.municipality.name,
                percent(row.participant_share_pct),
                percent(row.cost_share_pct),
            ]
            for row in table.rows
        ],
        note=_("Osuudet ovat osuuksia koko hankkeen kokeiluista."),
    )


def _kind_table(summary: CostSummary) -> Table:
    return Table(
        key="by_kind",
        title=_("Kustannukset lajeittain"),
        columns=[_("Kustannuslaji"), _("Kustannukset (€)")],
        rows=[[row.label, cents(row.total)] for row in cost_outputs.kind_rows(summary)],
    )


def _basis_table(scope: ReportScope, views: Sequence[ExperimentView]) -> Table:
    parameters = cost_outputs.parameters_used_by(view.costs for view in views)
    url = scope.staff_url("experiments:cost_parameters", scope.project.slug)
    return Table(
        key="cost_basis",
        title=_("Kustannusten laskentaperusteet"),
        columns=[_("Peruste"), _("Vuosi"), _("Arvo"), _("Yksikkö"), _("Lähde"), _("Verkossa")],
        rows=[[p.label(), p.year, p.value, p.unit, p.source, p.url] for p in parameters],
        row_urls=[url] * len(parameters),
        note=_(
            "Työaika on hinnoiteltu ammattinimikkeen kuukausipalkalla työnantajan sivukuluineen"
            " ja vapaaehtoistyö vapaaehtoistyön tunnin arvolla, joka on korjattu"
            " ansiotasoindeksillä kustannusvuoden tasoon; hankinnat ja luontoissuoritukset"
            " ovat sellaisinaan."
        ),
    )


def _errors(table: ProjectCostTable) -> ItemList:
    return ItemList(
        key="not_computed",
        title=_("Kokeilut, joiden kustannuksia ei voitu laskea"),
        items=[
            f"{item.experiment.title} ({item.experiment.municipality.name}): {item.error}"
            for item in table.errors
        ],
    )


# --- Charts ----------------------------------------------------------------------------------


def _charts(table: ProjectCostTable) -> list[Chart]:
    charts = []
    cost_svg = cost_outputs.cost_per_participant_svg(table)
    if cost_svg:
        charts.append(
            Chart(
                key="cost_per_participant",
                title=_("Kustannus osallistujaa kohti kunnittain"),
                svg=cost_svg,
                table_key="cost_per_participant",
                description=_cost_description(table),
            )
        )
    shares_svg = cost_outputs.shares_svg(table)
    if shares_svg:
        charts.append(
            Chart(
                key="shares",
                title=_("Kuntien osuudet osallistujista ja kustannuksista"),
                svg=shares_svg,
                table_key="shares",
                description=_(
                    "Vaakapylväät: kunkin kunnan osuus kokeilujen kustannuksista ja osuus"
                    " osallistujista prosentteina. Luvut ovat alla olevassa taulukossa."
                ),
            )
        )
    return charts


def _cost_description(table: ProjectCostTable) -> str:
    """The text alternative: what the bars show and where they end."""
    shown = [row for row in table.rows if row.cost_per_participant is not None]
    text = _("Vaakapylväät: kunkin kunnan kokeilujen kustannus osallistujaa kohti euroina.")
    if len(shown) > 1:
        highest = max(shown, key=lambda row: row.cost_per_participant or 0)
        lowest = min(shown, key=lambda row: row.cost_per_participant or 0)
        text += " " + _("Suurin: %(highest)s, %(high)s. Pienin: %(lowest)s, %(low)s.") % {
            "highest": highest.municipality.name,
            "high": money(highest.cost_per_participant),
            "lowest": lowest.municipality.name,
            "low": money(lowest.cost_per_participant),
        }
    return text + " " + _("Luvut ovat alla olevassa taulukossa.")
