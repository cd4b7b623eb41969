"""Access policies of the experiments API
(merged into tests/access_policy.py)."""

from typing import Any

from tests.conftest import Actor, World
from tests.experiments.factories import ExperimentFactory
from tests.factories import ProjectFactory
from tests.harness.access import Outcome, Policy
from yhdessa.experiments.models import Experiment

A = Actor
O = Outcome  # noqa: E741

PUBLIC = dict.fromkeys(Actor, O.OK)
# An experiment of a project that is not public: its staff (experiments_for_staff: the
# project's members and the coordinator of its municipality). Without credentials 401, as for
# every experiment that is not public; other signed-in users 404.
EXPERIMENT_STAFF_API = dict.fromkeys(Actor, O.NOT_FOUND) | {
    A.ANONYMOUS: O.UNAUTHORIZED,
    A.VIEWER: O.OK,
    A.ORGANISER: O.OK,
    A.COORDINATOR: O.OK,
    A.PROJECT_ADMIN: O.OK,
}


def _experiment(world: World, *, public: bool) -> Experiment:
    project = world.project
    project.is_public = public
    project.save(update_fields=["is_public"])
    return ExperimentFactory(project=project, municipality=world.nivala)


def experiment(world: World) -> dict[str, Any]:
    return {"experiment_id": _experiment(world, public=False).pk}


def public_experiment(world: World) -> dict[str, Any]:
    return {"experiment_id": _experiment(world, public=True).pk}


def hidden_project(world: World) -> dict[str, Any]:
    return {"slug": ProjectFactory(slug="piilohanke", is_public=False).slug}


EXPERIMENT_API_POLICIES: dict[str, Policy] = {
    "api:list_experiments": Policy(PUBLIC, data={"project": "yhdessa-osallisuutta"}),
    "api:get_experiment": Policy(EXPERIMENT_STAFF_API, kwargs=experiment),
    "api:get_experiment#public": Policy(PUBLIC, kwargs=public_experiment),
    "api:get_project_costs": Policy(PUBLIC, kwargs=lambda world: {"slug": world.project.slug}),
    "api:get_project_costs#hidden": Policy(
        dict.fromkeys(Actor, O.NOT_FOUND), kwargs=hidden_project
    ),
}
