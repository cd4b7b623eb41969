"""Who may see and manage which experiment, as querysets (see ``accounts/selectors.py``).

Experiments and their costs are the project's working figures: every member of the project
and the coordinators of the experiment's municipality see them. Changing an experiment or its
cost lines is for the project's admins and the coordinators of its municipality; the cost
parameters are the project's, edited by its admins only.
"""

from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.db.models import Exists, OuterRef, Q, QuerySet

from yhdessa.accounts.models import Membership, Role, User
from yhdessa.accounts.selectors import (
    administers_project_or_coordinates_municipality,
    object_to_manage,
    projects_administered_by,
    projects_for_staff,
)
from yhdessa.directory.models import Municipality
from yhdessa.experiments import costs
from yhdessa.experiments.models import AnonymousHeadcount, CostLine, CostParameter, Experiment
from yhdessa.projects.models import Project
from yhdessa.surveys.selectors import projects_for_survey_creation, survey_municipalities


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


def projects_for_experiment_creation(user: User | AnonymousUser) -> QuerySet[Project]:
    """Projects in which the user may create experiments: the same people as for surveys
    (project admins, and coordinators of a partner municipality for their own one)."""
    return projects_for_survey_creation(user)


def experiment_municipalities(user: User, project: Project) -> QuerySet[Municipality]:
    """Where the user may place an experiment: every partner for admins, their own partner
    municipalities for coordinators."""
    return survey_municipalities(user, project)


def projects_with_experiments(user: User) -> QuerySet[Project]:
    """Projects whose experiment list the user may open: their members, and the coordinators
    of their partner municipalities."""
    return projects_for_staff(user) | projects_for_experiment_creation(user)


def cost_line_to_manage(user: User | AnonymousUser, pk: int) -> CostLine:
    """404 to those who do not see the line's experiment, 403 to its staff who may not
    change it."""
    return object_to_manage(
        CostLine.objects.filter(experiment__in=experiments_for_staff(user)),
        CostLine.objects.filter(experiment__in=experiments_managed_by(user)),
        pk=pk,
    )


def headcount_to_manage(user: User | AnonymousUser, pk: int) -> AnonymousHeadcount:
    return object_to_manage(
        AnonymousHeadcount.objects.filter(experiment__in=experiments_for_staff(user)),
        AnonymousHeadcount.objects.filter(experiment__in=experiments_managed_by(user)),
        pk=pk,
    )


def project_to_administer(user: User, slug: str) -> Project:
    """A project's cost parameter pages: 404 outside its staff, 403 to members who are not
    its admins."""
    return object_to_manage(projects_for_staff(user), projects_administered_by(user), slug=slug)


def cost_parameter_to_manage(user: User, pk: int) -> CostParameter:
    visible = CostParameter.objects.filter(project__in=projects_for_staff(user))
    return object_to_manage(visible, cost_parameters_managed_by(user), pk=pk)


@dataclass(frozen=True)
class ParameterUse:
    """Whose figures a change of one parameter reaches."""

    #: Open experiments whose cost lines use the parameter now: their figures change.
    open_experiments: list[Experiment]
    #: Decided experiments that froze it: they keep the old value.
    decided_count: int


def parameter_use(parameter: CostParameter) -> ParameterUse:
    """In a fixed number of queries, however many experiments the project has."""
    key = f"p{parameter.pk}"
    open_ones = Experiment.objects.filter(project=parameter.project_id, frozen_at__isnull=True)
    using = [
        item.experiment
        for item in costs.costs_for_experiments(open_ones)
        if item.costs is not None and key in item.costs.used_parameters()
    ]
    decided = Experiment.objects.filter(
        project=parameter.project_id, frozen_at__isnull=False, frozen_parameters__has_key=key
    ).count()
    return ParameterUse(open_experiments=using, decided_count=decided)


def wage_job_titles(project_id: int) -> list[str]:
    """The job titles the project has monthly wages for (offered on a staff-time line)."""
    titles = CostParameter.objects.filter(
        project=project_id, kind=CostParameter.Kind.MONTHLY_WAGE
    ).values_list("job_title", flat=True)
    return sorted(set(titles))
