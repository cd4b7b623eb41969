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
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from yhdessa.accounts.models import Membership, Role, User
from yhdessa.projects.models import Project
from yhdessa.surveys.models import Item, Survey, Wave


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
    mine = Membership.objects.filter(user=user)
    administers_project = mine.filter(role=Role.PROJECT_ADMIN, project=OuterRef("project"))
    coordinates_its_municipality = mine.filter(
        role=Role.COORDINATOR, municipality=OuterRef("municipality")
    )
    return Survey.objects.filter(
        Q(Exists(administers_project)) | Q(Exists(coordinates_its_municipality))
    )


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
