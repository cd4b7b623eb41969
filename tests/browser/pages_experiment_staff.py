"""Staff pages of experiments, cost lines and cost parameters:
the accessibility harness cases (merged into test_accessibility.PAGES).

``PLACEHOLDERS`` maps a name used in the paths ("{name}") to a function that finds it in
the demo data. The demo's experiments are all decided, so the forms that change an open
experiment are shown with the notice that the figures are locked.
"""

from collections.abc import Callable

from .cases import PageCase
from .conftest import NIVALA_COORDINATOR, PROJECT_ADMIN

PROJECT = "yhdessa-osallisuutta"


def staff_experiment() -> str:
    """Nivala's experiment, which the demo's Nivala coordinator manages."""
    from yhdessa.experiments.models import Experiment

    return str(Experiment.objects.get(project__slug=PROJECT, municipality__code="535").pk)


def staff_cost_line() -> str:
    from yhdessa.experiments.models import CostLine

    line = CostLine.objects.filter(experiment__project__slug=PROJECT, kind="staff_time").first()
    assert line is not None, "the demo has no staff-time cost line"
    return str(line.pk)


def staff_headcount() -> str:
    from yhdessa.experiments.models import AnonymousHeadcount

    headcount = AnonymousHeadcount.objects.filter(experiment__project__slug=PROJECT).first()
    assert headcount is not None, "the demo has no anonymous headcount"
    return str(headcount.pk)


def staff_cost_parameter() -> str:
    from yhdessa.experiments.models import CostParameter

    parameter = CostParameter.objects.filter(project__slug=PROJECT, kind="monthly_wage").first()
    assert parameter is not None, "the demo has no monthly wage"
    return str(parameter.pk)


PLACEHOLDERS: dict[str, Callable[[], str]] = {
    "staff_experiment": staff_experiment,
    "staff_cost_line": staff_cost_line,
    "staff_headcount": staff_headcount,
    "staff_cost_parameter": staff_cost_parameter,
}

EXPERIMENT = "/staff/experiments/{staff_experiment}"
PARAMETERS = f"/staff/projects/{PROJECT}/cost-parameters"

PAGES: list[PageCase] = [
    PageCase("staff-experiments", f"/staff/projects/{PROJECT}/experiments/", user=PROJECT_ADMIN),
    PageCase("staff-experiment", f"{EXPERIMENT}/", user=NIVALA_COORDINATOR),
    PageCase("staff-experiment-edit", f"{EXPERIMENT}/edit/", user=NIVALA_COORDINATOR),
    PageCase("staff-experiment-decide", f"{EXPERIMENT}/decide/", user=NIVALA_COORDINATOR),
    PageCase(
        "staff-experiment-new", f"/staff/projects/{PROJECT}/experiments/new/", user=PROJECT_ADMIN
    ),
    PageCase(
        "staff-experiment-new-invalid",
        f"/staff/projects/{PROJECT}/experiments/new/",
        user=NIVALA_COORDINATOR,
        submit={"#id_title_fi": "", "#id_ends_on": "2022-01-01", "#id_starts_on": "2022-02-01"},
        expect_status=400,
        expect_element='.error-summary a[href="#id_title_fi"]',
    ),
    PageCase("staff-cost-line-kind", f"{EXPERIMENT}/costs/new/", user=NIVALA_COORDINATOR),
    PageCase(
        "staff-cost-line-new",
        f"{EXPERIMENT}/costs/new/?kind=staff_time",
        user=NIVALA_COORDINATOR,
    ),
    PageCase(
        "staff-cost-line-locked",
        f"{EXPERIMENT}/costs/new/?kind=in_kind",
        user=NIVALA_COORDINATOR,
        submit={"#id_amount": "-5"},
        expect_status=400,
        expect_element='#id_amount[aria-invalid="true"]',
    ),
    PageCase(
        "staff-cost-line-edit", "/staff/cost-lines/{staff_cost_line}/edit/", user=PROJECT_ADMIN
    ),
    PageCase(
        "staff-cost-line-delete", "/staff/cost-lines/{staff_cost_line}/delete/", user=PROJECT_ADMIN
    ),
    PageCase("staff-headcount-new", f"{EXPERIMENT}/headcounts/new/", user=NIVALA_COORDINATOR),
    PageCase(
        "staff-headcount-delete", "/staff/headcounts/{staff_headcount}/delete/", user=PROJECT_ADMIN
    ),
    PageCase("staff-cost-parameters", f"{PARAMETERS}/", user=PROJECT_ADMIN),
    PageCase("staff-cost-parameter-kind", f"{PARAMETERS}/new/", user=PROJECT_ADMIN),
    PageCase(
        "staff-cost-parameter-new", f"{PARAMETERS}/new/?kind=monthly_wage", user=PROJECT_ADMIN
    ),
    PageCase(
        "staff-cost-parameter-new-invalid",
        f"{PARAMETERS}/new/?kind=earnings_level_index",
        user=PROJECT_ADMIN,
        submit={"#id_year": "2021", "#id_value": "0"},
        expect_status=400,
        expect_element='.error-summary a[href="#id_value"]',
    ),
    PageCase(
        "staff-cost-parameter-edit",
        "/staff/cost-parameters/{staff_cost_parameter}/edit/",
        user=PROJECT_ADMIN,
    ),
]
