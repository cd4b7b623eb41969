"""Who may see which survey, answer which wave, and manage which survey: every survey access
question is answered here, as a queryset (see ``accounts/selectors.py``).

Survey results are aggregate figures behind the small-number function, so the circle that may
read them is wider than for personal data: every member of the survey's project, and the
coordinators of the survey's municipality (of any partner municipality for a project-wide
survey). Managing a survey — invitations (e-mail addresses), import and export of answers,
reading free-text answers — is for the project's admins and the coordinators of the survey's
own municipality only.
"""

from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from yhdessa.accounts.models import Membership, Role, User
from yhdessa.accounts.selectors import (
    administers_project_or_coordinates_municipality,
    object_to_manage,
)
from yhdessa.directory.models import Municipality
from yhdessa.projects.models import Project
from yhdessa.surveys.models import Item, Response, Survey, Wave


def public_surveys() -> QuerySet[Survey]:
    """Surveys whose results anyone may read (still through the small-number function)."""
    return Survey.objects.filter(is_public=True, project__is_public=True)


def surveys_for_staff(user: User | AnonymousUser) -> QuerySet[Survey]:
    """Surveys whose results and response rates the user may read as staff."""
    if not user.is_authenticated or not user.is_active:
        return Survey.objects.none()
    if user.is_superuser:
        return Survey.objects.all()
    mine = Membership.objects.filter(user=user)
    in_project = mine.filter(project=OuterRef("project"))
    coordinates_its_municipality = mine.filter(
        role=Role.COORDINATOR, municipality=OuterRef("municipality")
    )
    coordinates_a_partner = mine.filter(
        role=Role.COORDINATOR, municipality__projects=OuterRef("project")
    )
    return Survey.objects.filter(
        Q(Exists(in_project))
        | Q(Exists(coordinates_its_municipality))
        | (Q(municipality__isnull=True) & Q(Exists(coordinates_a_partner)))
    )


def projects_with_staff_surveys(user: User | AnonymousUser) -> QuerySet[Project]:
    """Projects where the user sees surveys as staff (coordinators of partner municipalities
    may have no role in the project itself)."""
    return Project.objects.filter(Exists(surveys_for_staff(user).filter(project=OuterRef("pk"))))


def surveys_for_results(user: User | AnonymousUser) -> QuerySet[Survey]:
    """Surveys whose results the user may read: public ones and their staff surveys."""
    return (public_surveys() | surveys_for_staff(user)).distinct()


def surveys_managed_by(user: User | AnonymousUser) -> QuerySet[Survey]:
    """Surveys whose invitations, answer files and free-text answers the user handles."""
    if not user.is_authenticated or not user.is_active:
        return Survey.objects.none()
    if user.is_superuser:
        return Survey.objects.all()
    return Survey.objects.filter(administers_project_or_coordinates_municipality(user))


def open_waves() -> QuerySet[Wave]:
    """Waves that take answers now, of surveys in public projects (the link is the invitation)."""
    now = timezone.now()
    return Wave.objects.filter(
        Q(closes_at__isnull=True) | Q(closes_at__gt=now),
        opens_at__lte=now,
        survey__project__is_public=True,
    ).select_related("survey", "survey__instrument_version")


def survey_items(survey: Survey) -> QuerySet[Item]:
    """The questions of the survey's instrument version in questionnaire order, with options."""
    return (
        Item.objects.filter(version=survey.instrument_version_id)
        .select_related("section")
        .prefetch_related("options")
        .order_by("section__position", "position", "pk")
    )


# Creating and editing surveys (survey_views.py) ---------------------------------------------


def projects_for_survey_creation(user: User | AnonymousUser) -> QuerySet[Project]:
    """Projects in which the user may create surveys: their admins, and the coordinators of
    their partner municipalities (for their own municipality only)."""
    if not user.is_authenticated or not user.is_active:
        return Project.objects.none()
    if user.is_superuser:
        return Project.objects.all()
    mine = Membership.objects.filter(user=user)
    as_admin = mine.filter(role=Role.PROJECT_ADMIN, project=OuterRef("pk"))
    as_coordinator = mine.filter(role=Role.COORDINATOR, municipality__projects=OuterRef("pk"))
    return Project.objects.filter(Q(Exists(as_admin)) | Q(Exists(as_coordinator)))


def may_survey_whole_project(user: User, project: Project) -> bool:
    """Only the project's admins may make a survey of the whole project (no municipality):
    its results reach the coordinators of every partner municipality."""
    return (
        user.is_superuser
        or Membership.objects.filter(user=user, project=project, role=Role.PROJECT_ADMIN).exists()
    )


def survey_municipalities(user: User, project: Project) -> QuerySet[Municipality]:
    """Where the user may place a survey of the project: every partner for its admins, their
    own partner municipalities for coordinators (as ``events.selectors.event_municipalities``)."""
    partners = project.partner_municipalities.all()
    if may_survey_whole_project(user, project):
        return partners
    return partners.filter(memberships__user=user, memberships__role=Role.COORDINATOR)


def survey_has_responses(survey: Survey) -> bool:
    """Once anyone has answered, the answers belong to the survey's instrument version."""
    return Response.objects.filter(wave__survey=survey).exists()


def waves_to_edit(survey: Survey) -> QuerySet[Wave]:
    """The survey's waves in order, each with ``response_count`` (answered ones stay)."""
    return (
        Wave.objects.filter(survey=survey)
        .annotate(response_count=Count("responses"))
        .order_by("position", "pk")
    )


def survey_to_manage(user: User, pk: int) -> Survey:
    """The survey for a manager's page: 404 to those who do not see it as staff (its existence
    stays hidden), 403 to its staff who do not manage it."""
    return object_to_manage(
        surveys_for_staff(user).select_related("project", "instrument_version__instrument"),
        surveys_managed_by(user),
        pk=pk,
    )
