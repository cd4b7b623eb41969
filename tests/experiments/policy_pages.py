"""Access policies of the public experiment and cost pages
(merged into tests/access_policy.py)."""

from typing import Any

from tests.conftest import Actor, World
from tests.experiments.factories import ExperimentFactory
from tests.harness.access import Outcome, Policy

A = Actor
O = Outcome  # noqa: E741

PUBLIC = dict.fromkeys(Actor, O.OK)
# Experiments of a project that is not public: the project's members and the coordinator of
# the experiment's municipality; nobody else learns that they exist.
EXPERIMENT_STAFF = dict.fromkeys(Actor, O.NOT_FOUND) | {
    A.VIEWER: O.OK,
    A.ORGANISER: O.OK,
    A.COORDINATOR: O.OK,
    A.PROJECT_ADMIN: O.OK,
}


def _experiment(world: World, *, public: bool) -> dict[str, Any]:
    world.project.is_public = public
    world.project.save(update_fields=["is_public"])
    return {"pk": ExperimentFactory(project=world.project, municipality=world.nivala).pk}


def _project(world: World, *, public: bool) -> dict[str, Any]:
    _experiment(world, public=public)
    return {"slug": world.project.slug}


EXPERIMENT_PAGE_POLICIES: dict[str, Policy] = {
    "experiments:experiment_detail": Policy(
        PUBLIC, kwargs=lambda world: _experiment(world, public=True)
    ),
    "experiments:experiment_detail#hidden": Policy(
        EXPERIMENT_STAFF, kwargs=lambda world: _experiment(world, public=False)
    ),
    "experiments:project_experiments_public": Policy(
        PUBLIC, kwargs=lambda world: _project(world, public=True)
    ),
    "experiments:project_experiments_public#hidden": Policy(
        EXPERIMENT_STAFF, kwargs=lambda world: _project(world, public=False)
    ),
    "experiments:project_costs": Policy(PUBLIC, kwargs=lambda world: _project(world, public=True)),
    "experiments:project_costs#hidden": Policy(
        EXPERIMENT_STAFF, kwargs=lambda world: _project(world, public=False)
    ),
}
