"""Access policies of the staff pages of experiments, cost lines and cost parameters
(merged into tests/access_policy.py).

The URLs point at an experiment of Nivala. Its staff (the project's members and Nivala's
coordinator) read it; its managers (project admins, Nivala's coordinator) change it, the other
members are refused (403); Sievi's coordinator and outsiders never learn of it (404). Cost
parameters are the project admins' alone.
"""

from typing import Any

from tests.conftest import Actor, World
from tests.experiments.factories import (
    CostLineFactory,
    CostParameterFactory,
    ExperimentFactory,
    HeadcountFactory,
)
from tests.harness.access import Outcome, Policy
from yhdessa.experiments.models import Experiment

A = Actor
O = Outcome  # noqa: E741

NOBODY = dict.fromkeys(Actor, O.NOT_FOUND) | {A.ANONYMOUS: O.LOGIN}
# The project's experiment list: its members and the coordinators of its partner
# municipalities (each sees the experiments of their own municipality).
LIST = NOBODY | {
    A.VIEWER: O.OK,
    A.ORGANISER: O.OK,
    A.OTHER_COORDINATOR: O.OK,
    A.COORDINATOR: O.OK,
    A.PROJECT_ADMIN: O.OK,
}
# A new experiment: project admins, coordinators of a partner municipality (Sievi's too, for
# Sievi); the other members 403.
CREATORS = LIST | {A.VIEWER: O.FORBIDDEN, A.ORGANISER: O.FORBIDDEN}
READERS = LIST | {A.OTHER_COORDINATOR: O.NOT_FOUND}
MANAGERS = READERS | {A.VIEWER: O.FORBIDDEN, A.ORGANISER: O.FORBIDDEN}
MANAGERS_POST = MANAGERS | {A.COORDINATOR: O.REDIRECT, A.PROJECT_ADMIN: O.REDIRECT}
ADMINS = NOBODY | {A.VIEWER: O.FORBIDDEN, A.ORGANISER: O.FORBIDDEN, A.PROJECT_ADMIN: O.OK}


def _experiment(world: World) -> Experiment:
    return ExperimentFactory(project=world.project, municipality=world.nivala)


def project(world: World) -> dict[str, Any]:
    return {"slug": world.project.slug}


def experiment(world: World) -> dict[str, Any]:
    return {"pk": _experiment(world).pk}


def cost_line(world: World) -> dict[str, Any]:
    return {"pk": CostLineFactory(experiment=_experiment(world)).pk}


def headcount(world: World) -> dict[str, Any]:
    return {"pk": HeadcountFactory(experiment=_experiment(world)).pk}


def cost_parameter(world: World) -> dict[str, Any]:
    return {"pk": CostParameterFactory(project=world.project).pk}


EXPERIMENT_STAFF_POLICIES: dict[str, Policy] = {
    "experiments:project_experiments": Policy(LIST, kwargs=project),
    "experiments:experiment_create": Policy(CREATORS, kwargs=project),
    "experiments:experiment_staff": Policy(READERS, kwargs=experiment),
    "experiments:experiment_edit": Policy(MANAGERS, kwargs=experiment),
    "experiments:experiment_decide": Policy(MANAGERS, kwargs=experiment),
    "experiments:cost_line_create": Policy(MANAGERS, kwargs=experiment),
    "experiments:cost_line_edit": Policy(MANAGERS, kwargs=cost_line),
    "experiments:cost_line_delete": Policy(MANAGERS, kwargs=cost_line),
    "experiments:headcount_create": Policy(MANAGERS, kwargs=experiment),
    "experiments:headcount_create#post": Policy(
        MANAGERS_POST, kwargs=experiment, method="post", data={"date": "2022-06-01", "count": "3"}
    ),
    "experiments:headcount_delete": Policy(MANAGERS, kwargs=headcount),
    "experiments:cost_parameters": Policy(ADMINS, kwargs=project),
    "experiments:cost_parameter_create": Policy(ADMINS, kwargs=project),
    "experiments:cost_parameter_edit": Policy(ADMINS, kwargs=cost_parameter),
}
