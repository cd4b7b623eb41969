"""The costs section of the report: the seed's cost per participant by municipality, the
shares, the pooled figure beside the mean of the municipal ones, the printed figures beside the
computed ones, one municipality's part, protection, staff links and a fixed query count."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from tests.experiments.factories import (
    CostLineFactory,
    ExperimentFactory,
    HeadcountFactory,
    seed_parameters,
)
from tests.factories import MunicipalityFactory, ProjectFactory
from yhdessa import demo
from yhdessa.accounts.models import User
from yhdessa.directory.models import Municipality
from yhdessa.experiments.models import CostLine
from yhdessa.projects.models import ReportedFigure
from yhdessa.reports.document import Section
from yhdessa.reports.scope import ReportScope
from yhdessa.reports.sections import costs

pytestmark = pytest.mark.django_db

SEED = {row["municipality"]: row for row in demo.read_facts()["experiments"]["by_municipality"]}
STAFF_EMAIL = "paakayttaja@yhdessa.example"


def built(scope: ReportScope) -> Section:
    section = Section(key="costs", title="Kokeilujen kustannukset")
    with translation.override(scope.language):
        costs.build(scope, section)
    return section


def figures_of(section: Section) -> dict:
    return section.as_json()["figures"]


def by_municipality(section: Section, table_key: str, name: str) -> dict:
    """``{municipality: value of the column}`` of a table (the total row left out)."""
    table = section.table(table_key)
    index = table.columns.index(name)
    return {row[0]: row[index] for row in table.rows if row[0] in SEED}


def experiment(project, municipality, *, people: int, cost: str):
    made = ExperimentFactory(project=project, municipality=municipality)
    HeadcountFactory(experiment=made, count=people)
    CostLineFactory(experiment=made, amount=Decimal(cost))
    return made


# --- The demo: the seed's costs ----------------------------------------------------------------


def test_cost_per_participant_by_municipality_is_the_seeds(public_scope):
    section = built(public_scope)
    shown = by_municipality(section, "cost_per_participant", "Kustannus osallistujaa kohti (€)")
    assert shown == {
        name: Decimal(str(row["cost_per_participant_eur"])) for name, row in SEED.items()
    }
    assert by_municipality(section, "cost_per_participant", "Osallistujia") == {
        name: row["derived_participants"] for name, row in SEED.items()
    }
    total = section.table("cost_per_participant").rows[-1]
    assert total == ["Yhteensä", 6, 107, Decimal("8581.76"), Decimal("80.20")]


def test_the_pooled_figure_stands_beside_the_mean_of_the_municipal_ones(public_scope):
    section = built(public_scope)
    assert figures_of(section) == {
        "cost_total": 8581.76,
        "participants": 107,
        "cost_per_participant": 80.2,
        "mean_of_municipal_costs_per_participant": 151.63,
    }
    notes = {figure.key: figure.note for figure in section.figures}
    assert notes["cost_per_participant"] == "laskettu: 8\u00a0581,76\u00a0€ / 107"
    assert "painaa yhtä paljon" in notes["mean_of_municipal_costs_per_participant"]


def test_shares_in_per_cent_to_one_decimal_with_a_chart_of_the_same_table(public_scope):
    section = built(public_scope)
    participants = by_municipality(section, "shares", "Osuus osallistujista (%)")
    cost = by_municipality(section, "shares", "Osuus kustannuksista (%)")
    assert participants["Utajärvi"] == 42.1 and cost["Utajärvi"] == 7.9
    assert participants["Raahe"] == 28.0 and cost["Raahe"] == 24.0
    charts = {chart.key: chart for chart in section.charts}
    assert {chart.table_key for chart in charts.values()} == {"cost_per_participant", "shares"}
    assert all(section.table(chart.table_key) for chart in charts.values())
    assert all(
        chart.svg.lstrip().startswith("<") and "<svg" in chart.svg for chart in charts.values()
    )
    assert "Haapavesi, 325,15\u00a0€" in charts["cost_per_participant"].description


def test_the_cost_basis_lists_the_parameters_with_their_sources(public_scope):
    basis = built(public_scope).table("cost_basis")
    names = [row[0] for row in basis.rows]
    assert "Vapaaehtoistyön tunnin arvo" in names
    assert "Kuukausipalkka (Kunnan työntekijä (mediaani))" in names
    assert all(row[4] for row in basis.rows)  # every parameter has its source
    by_kind = dict(built(public_scope).table("by_kind").rows)
    assert sum(by_kind.values()) == Decimal("8581.76")


def test_the_printed_figures_are_checked_and_the_differing_shares_found(public_scope):
    built(public_scope)
    checked = {one.key: one for one in public_scope.comparisons}
    assert (
        checked["experiments.cost_total"].printed,
        checked["experiments.cost_total"].records,
    ) == (
        Decimal("8503.38"),
        Decimal("8581.76"),
    )
    mean = checked["experiments.cost_per_participant_mean"]
    assert (mean.printed, mean.records) == (Decimal("81.61"), Decimal("80.20"))
    assert not checked["experiments.participants_total"].differs  # 107 = 107
    differing = {one.label: (one.printed, one.records) for one in checked.values() if one.differs}
    assert differing == {
        "Kokeilujen kustannukset yhteensä": (Decimal("8503.38"), Decimal("8581.76")),
        "Kustannusten keskiarvo osallistujaa kohti": (Decimal("81.61"), Decimal("80.20")),
        "Kustannusosuus: Raahe": (Decimal(23), Decimal(24)),
        "Kustannusosuus: Reisjärvi": (Decimal(22), Decimal(21)),
    }
    assert len([key for key in checked if key.startswith("costs.")]) == 12


def test_a_municipal_report_has_its_own_row_beside_the_project_and_checks_nothing(demo_project):
    raahe = Municipality.objects.get(code="678")
    scope = ReportScope(project=demo_project, municipality=raahe)
    section = built(scope)
    assert figures_of(section) == {
        "cost_total": 2055.6,
        "participants": 30,
        "cost_per_participant": 68.52,
        "project_cost_per_participant": 80.2,
    }
    assert [row[0] for row in section.table("cost_per_participant").rows] == [
        "Raahe",
        "Koko hanke",
    ]
    assert section.table("shares").rows == [["Raahe", 28.0, 24.0]]
    assert not section.charts
    assert scope.comparisons == []


def test_staff_get_links_to_the_records_and_the_public_none(demo_project, public_scope):
    staff = ReportScope.for_reader(demo_project, User.objects.get(email=STAFF_EMAIL))
    for_staff, for_public = built(staff), built(public_scope)
    rows = for_staff.table("cost_per_participant").row_urls
    assert len(rows) == 6 and all(url.startswith("/staff/experiments/") for url in rows)
    assert all(for_staff.table("cost_basis").row_urls)
    assert for_staff.figures[0].source_url.endswith("/experiments/")
    assert not any(url for table in for_public.tables for url in table.row_urls)
    assert not any(figure.source_url for figure in for_public.figures)
    assert for_staff.as_json() == for_public.as_json()


# --- Factory data: protection and query counts ----------------------------------------------


def test_small_counts_and_what_would_give_them_back_are_hidden():
    """Sievi's 3 is small; Nivala's 30 goes with it (33 − 30 = 3). Costs are not about people
    and stay, but a cost per participant would give a count back."""
    project = ProjectFactory()
    experiment(project, MunicipalityFactory(name_fi="Nivala"), people=30, cost="600.00")
    sievi = MunicipalityFactory(name_fi="Sievi")
    experiment(project, sievi, people=3, cost="300.00")
    ReportedFigure.objects.create(
        project=project, key=f"costs.participant_share.{sievi.code}", value=9
    )
    scope = ReportScope(project=project)
    section = built(scope)
    rows = {row[0]: row for row in section.table("cost_per_participant").rows}
    assert rows["Sievi"] == ["Sievi", 1, None, Decimal("300.00"), None]
    assert rows["Nivala"][2:] == [None, Decimal("600.00"), None]
    assert rows["Yhteensä"][2:] == [33, Decimal("900.00"), Decimal("27.27")]
    assert section.table("shares").rows[1] == ["Sievi", None, 33.3]
    assert figures_of(section)["mean_of_municipal_costs_per_participant"] is None
    assert "Alle 5" in section.table("cost_per_participant").note
    (share,) = scope.comparisons
    assert share.records is None and not share.differs  # hidden, so not compared


def test_an_experiment_whose_costs_cannot_be_computed_is_named():
    project = ProjectFactory()
    made = experiment(project, MunicipalityFactory(), people=10, cost="100.00")
    CostLineFactory(
        experiment=made,
        kind=CostLine.Kind.STAFF_TIME,
        amount=None,
        job_title="Ohjaaja",
        hours=Decimal(2),
        year=2021,
    )
    section = built(ReportScope(project=project))
    (missing,) = section.lists
    assert made.title in missing.items[0]


def costly_project(experiment_count: int):
    project = ProjectFactory()
    seed_parameters(project)
    for number in range(experiment_count):
        made = experiment(project, MunicipalityFactory(), people=10 + number, cost="50.00")
        CostLineFactory(
            experiment=made,
            kind=CostLine.Kind.STAFF_TIME,
            amount=None,
            job_title="Kunnan työntekijä (mediaani)",
            hours=Decimal(3),
            year=2021,
        )
    return project


def queries_for(project) -> int:
    with CaptureQueriesContext(connection) as captured:
        built(ReportScope(project=project))
    return len(captured.captured_queries)


def test_the_number_of_queries_does_not_grow_with_the_data():
    small, large = costly_project(2), costly_project(12)
    queries_for(small)  # warm the caches (content types, translations)
    assert queries_for(small) == queries_for(large)
    assert built(ReportScope(project=large)).table("cost_basis").rows  # the parameters were used
