"""Who may see and manage which operational model description, as querysets.

A published description is public: it is written for other municipalities to read and
adopt. A draft is seen only by its project's staff (its members, and the coordinators of the
linked experiment's municipality); others get 404. Writing one is for the people who manage
its experiment (the project's admins and the coordinator of the experiment's municipality); a
standalone description is the project's, written by its admins.
"""

from django.contrib.auth.models import AnonymousUser
from django.db.models import Exists, OuterRef, Q, QuerySet

from yhdessa.accounts.models import Membership, Role, User
from yhdessa.accounts.selectors import (
    object_to_manage,
    projects_administered_by,
    projects_for_staff,
)
from yhdessa.directory.models import Municipality
from yhdessa.experiments.model_export import LANGUAGES
from yhdessa.experiments.models import Experiment, ModelDescription, ModelDescriptionStatus
from yhdessa.experiments.selectors import experiments_for_staff, experiments_managed_by
from yhdessa.projects.models import Project


def published_descriptions() -> QuerySet[ModelDescription]:
    return ModelDescription.objects.filter(status=ModelDescriptionStatus.PUBLISHED)


def descriptions_for_staff(user: User | AnonymousUser) -> QuerySet[ModelDescription]:
    """Descriptions (drafts too) of the user's projects and of the experiments they see."""
    if not user.is_authenticated or not user.is_active:
        return ModelDescription.objects.none()
    if user.is_superuser:
        return ModelDescription.objects.all()
    in_project = Membership.objects.filter(user=user, project=OuterRef("project"))
    return ModelDescription.objects.filter(
        Q(Exists(in_project)) | Q(experiment__in=experiments_for_staff(user))
    )


def visible_descriptions(user: User | AnonymousUser) -> QuerySet[ModelDescription]:
    """Published descriptions for everyone; drafts for their staff."""
    if not user.is_authenticated or not user.is_active:
        return published_descriptions()
    return ModelDescription.objects.filter(
        Q(status=ModelDescriptionStatus.PUBLISHED)
        | Q(pk__in=descriptions_for_staff(user).values("pk"))
    )


def descriptions_managed_by(user: User | AnonymousUser) -> QuerySet[ModelDescription]:
    if not user.is_authenticated or not user.is_active:
        return ModelDescription.objects.none()
    if user.is_superuser:
        return ModelDescription.objects.all()
    return ModelDescription.objects.filter(
        Q(project__in=projects_administered_by(user))
        | Q(experiment__in=experiments_managed_by(user))
    )


def description_to_manage(user: User | AnonymousUser, slug: str) -> ModelDescription:
    """404 to those who do not see the description, 403 to those who see it but may not
    change it (e.g. a project viewer, or anyone but its staff for a published one)."""
    return object_to_manage(
        visible_descriptions(user).select_related("project", "experiment"),
        descriptions_managed_by(user),
        slug=slug,
    )


def description_to_read(user: User | AnonymousUser, slug: str) -> ModelDescription | None:
    return (
        visible_descriptions(user)
        .select_related("project", "experiment__municipality", "experiment__survey")
        .prefetch_related("municipalities")
        .filter(slug=slug)
        .first()
    )


def public_list(
    *, municipality: str = "", project: str = "", text: str = ""
) -> QuerySet[ModelDescription]:
    """Published descriptions, filtered by municipality code, project slug and words."""
    found = published_descriptions()
    if municipality:
        found = found.filter(
            Q(municipalities__code=municipality) | Q(experiment__municipality__code=municipality)
        )
    if project:
        found = found.filter(project__slug=project)
    for word in text.split()[:10]:
        # Every language's columns: a Swedish reader finds a description written in Finnish.
        matches = Q()
        for language in LANGUAGES:
            matches |= Q(**{f"name_{language}__icontains": word})
            matches |= Q(**{f"summary_{language}__icontains": word})
        found = found.filter(matches)
    return (
        ModelDescription.objects.filter(pk__in=found.values("pk"))
        .select_related("project", "experiment__municipality")
        .prefetch_related("municipalities")
        .order_by("name_fi", "pk")
    )


def listed_municipalities() -> QuerySet[Municipality]:
    """Municipalities that published descriptions name (the list filter's choices)."""
    published = published_descriptions()
    return (
        Municipality.objects.filter(
            Q(model_descriptions__in=published) | Q(experiments__model_description__in=published)
        )
        .distinct()
        .order_by("name")
    )


def listed_projects() -> QuerySet[Project]:
    return Project.objects.filter(model_descriptions__in=published_descriptions()).distinct()


# --- Creating and adopting -------------------------------------------------------------------


def experiment_for_description(user: User | AnonymousUser, pk: int) -> Experiment:
    """The experiment to write a description of: 404 / 403 as for its staff pages."""
    return object_to_manage(
        experiments_for_staff(user).select_related("project", "municipality", "survey"),
        experiments_managed_by(user),
        pk=pk,
    )


def project_for_standalone(user: User | AnonymousUser, slug: str) -> Project:
    """A project whose admins write standalone descriptions: 404 to outsiders, 403 to its
    other staff."""
    return object_to_manage(
        projects_for_staff(user),  # type: ignore[arg-type]
        projects_administered_by(user),  # type: ignore[arg-type]
        slug=slug,
    )


def projects_for_new_descriptions(user: User | AnonymousUser) -> QuerySet[Project]:
    """Projects whose admins the user is: they may write standalone descriptions."""
    if not user.is_authenticated:
        return Project.objects.none()
    return projects_administered_by(user).order_by("short_name")


def adoption_targets(user: User | AnonymousUser) -> list[tuple[Project, Municipality]]:
    """Where the user may start an experiment: each partner municipality of a project they
    administer, and their own municipality in each project it is a partner of."""
    if not user.is_authenticated or not user.is_active:
        return []
    places = Project.partner_municipalities.through.objects.select_related(
        "project", "municipality"
    ).order_by("municipality__name", "project__name", "pk")
    if not user.is_superuser:
        mine = Membership.objects.filter(user=user)
        places = places.filter(
            Q(Exists(mine.filter(role=Role.PROJECT_ADMIN, project=OuterRef("project"))))
            | Q(Exists(mine.filter(role=Role.COORDINATOR, municipality=OuterRef("municipality"))))
        )
    return [(place.project, place.municipality) for place in places]


def existing_adoption(
    description: ModelDescription, project: Project, municipality: Municipality
) -> Experiment | None:
    return Experiment.objects.filter(
        adopted_from=description, project=project, municipality=municipality
    ).first()
