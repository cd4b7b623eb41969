"""The demo's experiments give the seed report's per-municipality figures from the records.

The figures are computed here the way the pages compute them (``costs.costs_for_experiments``
and ``project_costs``), not taken from the demo module's own arithmetic.
"""

from decimal import ROUND_HALF_UP, Decimal

import pytest
from django.db import transaction

from yhdessa import demo
from yhdessa.experiments.costs import costs_for_experiments, money, project_costs
from yhdessa.experiments.models import (
    CostLine,
    CostParameter,
    Experiment,
    ExperimentStatus,
    ParameterKind,
)
from yhdessa.projects.models import Project, ReportedFigure

pytestmark = pytest.mark.django_db

FACTS = demo.read_facts()
SEED = FACTS["experiments"]
TARGETS = {row["municipality"]: row for row in SEED["by_municipality"]}
PASSWORD = "demo-salasana-1"


@pytest.fixture(scope="module")
def demo_loaded(django_db_setup, django_db_blocker):
    """The demo, loaded once for the module inside a transaction that is rolled back after."""
    with django_db_blocker.unblock(), transaction.atomic():
        result = demo.load_all(password=PASSWORD)
        yield result.project_slug
        transaction.set_rollback(True)


@pytest.fixture
def project(demo_loaded) -> Project:
    return Project.objects.get(slug=demo_loaded)


def figures_by_municipality(project: Project):
    figures = costs_for_experiments(Experiment.objects.filter(project=project))
    grouped: dict[str, list] = {}
    for item in figures:
        grouped.setdefault(item.experiment.municipality.name, []).append(item.costs)
    return project_costs(sorted(grouped.items()))


def fi(value) -> str:
    """A figure of facts.yaml as ``money`` shows it in Finnish."""
    rounded = Decimal(str(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    whole, cents = f"{rounded:.2f}".split(".")
    grouped = f"{int(whole):,}".replace(",", "\u00a0")
    return f"{grouped},{cents}\u00a0€"


def test_one_experiment_per_partner_municipality(project):
    names = list(
        Experiment.objects.filter(project=project).values_list("municipality__name", flat=True)
    )
    assert sorted(names) == sorted(TARGETS)


def test_participants_and_cost_per_participant_equal_the_report(project):
    table = figures_by_municipality(project)
    rows = {row.label: row for row in table.municipalities}
    assert set(rows) == set(TARGETS)
    for name, target in TARGETS.items():
        row = rows[name]
        assert row.participants == target["derived_participants"], name
        value = row.cost_per_participant.value
        assert value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP) == Decimal(
            str(target["cost_per_participant_eur"])
        ), name
        assert money(value) == fi(target["cost_per_participant_eur"]), name
    assert table.total.participants == SEED["participants_total"] == 107


def test_totals_follow_the_municipal_figures_not_the_printed_total(project):
    table = figures_by_municipality(project)
    assert money(table.total.total_cost) == fi("8581.76")
    assert money(table.pooled_cost_per_participant.value) == fi("80.20")


def test_utajarvi_is_the_full_bus_and_the_others_are_marked_as_demo(project):
    for experiment in Experiment.objects.filter(project=project).select_related("municipality"):
        if experiment.municipality.name == "Utajärvi":
            assert experiment.title.startswith("Linja-autoretki")
            assert experiment.cost_lines.filter(description__startswith="Linja-auto").exists()
        else:
            assert experiment.title.startswith("Demo: ")
            assert experiment.description.startswith("Demo-kokeilu")


def test_every_experiment_is_decided_and_frozen(project):
    experiments = Experiment.objects.filter(project=project)
    assert experiments.count() == 6
    for experiment in experiments:
        assert experiment.status == ExperimentStatus.DECIDED
        assert experiment.decision in (Experiment.Decision.ADOPT, Experiment.Decision.MODIFY)
        assert experiment.decision_reason
        assert experiment.frozen_at is not None
        assert experiment.frozen_parameters
        if experiment.cost_lines.filter(kind=CostLine.Kind.VOLUNTEER_TIME).exists():
            kinds = {data["kind"] for data in experiment.frozen_parameters.values()}
            assert ParameterKind.VOLUNTEER_HOUR_VALUE in kinds


def test_parameters_cite_their_sources_and_the_volunteer_value_is_an_assumption(project):
    parameters = CostParameter.objects.filter(project=project)
    assert all(parameter.source for parameter in parameters)
    index = dict(
        parameters.filter(kind=ParameterKind.EARNINGS_LEVEL_INDEX).values_list("year", "value")
    )
    assert index[2010] == 2781
    assert index[2021] == 3393
    side = dict(
        parameters.filter(kind=ParameterKind.EMPLOYER_SIDE_COST_PCT).values_list("year", "value")
    )
    assert side[2021] == Decimal("24.5")
    divisors = dict(
        parameters.filter(kind=ParameterKind.MONTHLY_HOURS_DIVISOR).values_list(
            "divisor_name", "value"
        )
    )
    assert divisors == {"general_working_time": 163, "office_working_time": 152}
    median = parameters.get(kind=ParameterKind.MONTHLY_WAGE, job_title__icontains="mediaani")
    assert (median.year, median.value) == (2021, 3040)
    assert "Tilastokeskus" in median.source
    volunteer = parameters.get(kind=ParameterKind.VOLUNTEER_HOUR_VALUE)
    assert volunteer.year == 2010
    assert volunteer.source.startswith("Demo-oletus")
    assert "Kansalaisareena" in volunteer.source


def test_the_printed_figures_are_stored_as_reported(project):
    reported = dict(
        ReportedFigure.objects.filter(project=project, key__startswith="experiments.").values_list(
            "key", "value"
        )
    )
    assert reported == {
        "experiments.cost_total": Decimal("8503.38"),
        "experiments.participants_total": Decimal("107"),
        "experiments.cost_per_participant_mean": Decimal("81.61"),
    }


def snapshot(project: Project):
    experiments = Experiment.objects.filter(project=project).order_by("pk")
    return (
        list(experiments.values_list("pk", "title", "frozen_at", "frozen_parameters")),
        list(CostLine.objects.filter(experiment__project=project).values().order_by("pk")),
        list(CostParameter.objects.filter(project=project).values("pk", "value", "source")),
        list(ReportedFigure.objects.filter(project=project).values("key", "value", "note")),
    )


def test_loading_twice_changes_nothing(project):
    before = snapshot(project)
    demo.load_all(password=PASSWORD)
    assert snapshot(project) == before


def printed_shares(project: Project) -> dict[str, Decimal]:
    return dict(
        ReportedFigure.objects.filter(project=project, key__startswith="costs.").values_list(
            "key", "value"
        )
    )


def test_the_printed_shares_are_stored_by_municipality_code(project):
    shares = printed_shares(project)
    codes = {row["name"]: row["code"] for row in FACTS["municipalities"]}
    assert len(shares) == 2 * len(TARGETS) == 12
    for name, target in TARGETS.items():
        code = codes[name]
        assert shares[f"costs.participant_share.{code}"] == target["participants_share_pct"]
        assert shares[f"costs.cost_share.{code}"] == target["cost_share_pct"]
    raahe = ReportedFigure.objects.get(project=project, key="costs.cost_share.678")
    assert (raahe.value, raahe.label) == (Decimal(23), "Kustannusosuus: Raahe")
    assert raahe.source.startswith("Hankkeen loppuraportti")


def test_loading_the_experiments_again_keeps_one_figure_per_key(project):
    from yhdessa.demo import directory
    from yhdessa.demo import experiments as demo_experiments

    before = printed_shares(project)
    ReportedFigure.objects.filter(project=project, key="costs.cost_share.678").update(value=1)
    demo_experiments.load(FACTS, project=project, places=directory.load(FACTS))
    assert printed_shares(project) == before
