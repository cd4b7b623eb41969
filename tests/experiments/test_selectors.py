"""Who sees and who manages an experiment of Nivala (DESIGN.md: owner, member, outsider…)."""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from tests.conftest import Actor
from tests.experiments.factories import CostParameterFactory, ExperimentFactory
from yhdessa.experiments.selectors import (
    cost_parameters_managed_by,
    experiment_to_manage,
    experiments_for_staff,
    experiments_managed_by,
)

pytestmark = pytest.mark.django_db

SEES = {Actor.VIEWER, Actor.ORGANISER, Actor.COORDINATOR, Actor.PROJECT_ADMIN}
MANAGES = {Actor.COORDINATOR, Actor.PROJECT_ADMIN}


def _user(world, actor):
    from django.contrib.auth.models import AnonymousUser

    return world.users[actor] or AnonymousUser()


@pytest.mark.parametrize("actor", list(Actor))
def test_who_sees_and_who_manages_nivalas_experiment(world, actor):
    experiment = ExperimentFactory(project=world.project, municipality=world.nivala)
    user = _user(world, actor)
    assert experiments_for_staff(user).filter(pk=experiment.pk).exists() == (actor in SEES)
    assert experiments_managed_by(user).filter(pk=experiment.pk).exists() == (actor in MANAGES)
    if actor in MANAGES:
        assert experiment_to_manage(user, experiment.pk) == experiment
    elif actor in SEES:
        with pytest.raises(PermissionDenied):
            experiment_to_manage(user, experiment.pk)
    else:
        with pytest.raises(Http404):
            experiment_to_manage(user, experiment.pk)


def test_the_other_coordinator_sees_their_own_municipalitys_experiment(world):
    sievi = ExperimentFactory(project=world.project, municipality=world.sievi)
    nivala = ExperimentFactory(project=world.project, municipality=world.nivala)
    user = world.users[Actor.OTHER_COORDINATOR]
    assert list(experiments_for_staff(user)) == [sievi]
    assert list(experiments_managed_by(user)) == [sievi]
    assert nivala not in experiments_for_staff(user)


@pytest.mark.parametrize("actor", list(Actor))
def test_only_project_admins_edit_the_cost_parameters(world, actor):
    parameter = CostParameterFactory(project=world.project)
    visible = cost_parameters_managed_by(_user(world, actor)).filter(pk=parameter.pk).exists()
    assert visible == (actor == Actor.PROJECT_ADMIN)
