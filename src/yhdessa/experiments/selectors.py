"""Who may see and manage which experiment, as querysets (see ``accounts/selectors.py``).

Experiments and their costs are the project's working figures: every member of the project
and the coordinators of the experiment's municipality see them. Changing an experiment or its
cost lines is for the project's admins and the coordinators of its municipality; the cost
parameters are the project's, edited by its admins only.
"""

from django.contrib.auth.models import AnonymousUser
from django.db.models import Exists, OuterRef, Q, QuerySet

from yhdessa.accounts.models import Membership, Role, User
from yhdessa.accounts.selectors import (
    administers_project_or_coordinates_municipality,
    object_to_manage,
)
from yhdessa.experiments.models import CostParameter, Experiment


def experiments_for_staff(user: User | AnonymousUser) -> QuerySet[Experiment]:
    """Experiments whose records, participants and costs the user may read."""
    if not user.is_authenticated or not user.is_active:
        return Experiment.objects.none()
    if user.is_superuser:
        return Experiment.objects.all()
    mine = Membership.objects.filter(user=user)
    in_project = mine.filter(project=OuterRef("project"))
    coordinates_its_municipality = mine.filter(
        role=Role.COORDINATOR, municipality=OuterRef("municipality")
    )
    return Experiment.objects.filter(
        Q(Exists(in_project)) | Q(Exists(coordinates_its_municipality))
    )


def experiments_managed_by(user: User | AnonymousUser) -> QuerySet[Experiment]:
    """Experiments the user may change (records, cost lines, headcounts, the decision)."""
    if not user.is_authenticated or not user.is_active:
        return Experiment.objects.none()
    if user.is_superuser:
        return Experiment.objects.all()
    return Experiment.objects.filter(administers_project_or_coordinates_municipality(user))


def experiment_to_manage(user: User | AnonymousUser, pk: int) -> Experiment:
    """404 to those who do not see the experiment, 403 to its staff who may not change it."""
    return object_to_manage(experiments_for_staff(user), experiments_managed_by(user), pk=pk)


def cost_parameters_managed_by(user: User | AnonymousUser) -> QuerySet[CostParameter]:
    """The cost parameters of the projects the user administers."""
    if not user.is_authenticated or not user.is_active:
        return CostParameter.objects.none()
    if user.is_superuser:
        return CostParameter.objects.all()
    administers = Membership.objects.filter(
        user=user, role=Role.PROJECT_ADMIN, project=OuterRef("project")
    )
    return CostParameter.objects.filter(Exists(administers))
