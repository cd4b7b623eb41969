"""Who may see and do what: every access question is answered here, as a queryset.

Views, the API and the permission backend all ask these functions, so a list page and an
object check cannot disagree. Superusers see everything; anonymous users see nothing.
"""

from typing import TypeVar

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, Model, OuterRef, Q, QuerySet
from django.shortcuts import get_object_or_404

from yhdessa.accounts.models import Membership, Role, User
from yhdessa.directory.models import Municipality, Organisation
from yhdessa.projects.models import Project

#: Roles that may edit an organisation they are a member of.
ORGANISATION_EDITOR_ROLES = (Role.PROJECT_ADMIN, Role.COORDINATOR, Role.ORGANISER)


def _memberships(user: User, *roles: str) -> QuerySet[Membership]:
    return Membership.objects.filter(user=user, role__in=roles)


def _is_anonymous(user: object) -> bool:
    return not getattr(user, "is_authenticated", False) or not getattr(user, "is_active", False)


def projects_for_staff(user: User) -> QuerySet[Project]:
    """Projects in which the user has any role (their staff pages, not personal data)."""
    if _is_anonymous(user):
        return Project.objects.none()
    if user.is_superuser:
        return Project.objects.all()
    return Project.objects.filter(Exists(_memberships(user, *Role).filter(project=OuterRef("pk"))))


def projects_administered_by(user: User) -> QuerySet[Project]:
    if _is_anonymous(user):
        return Project.objects.none()
    if user.is_superuser:
        return Project.objects.all()
    return Project.objects.filter(
        Exists(_memberships(user, Role.PROJECT_ADMIN).filter(project=OuterRef("pk")))
    )


def municipalities_for_staff(user: User) -> QuerySet[Municipality]:
    """Municipalities whose personal data the user may see and whose directory they keep.

    Their coordinators, and the admins of projects that the municipality is a partner in.
    """
    if _is_anonymous(user):
        return Municipality.objects.none()
    if user.is_superuser:
        return Municipality.objects.all()
    as_coordinator = _memberships(user, Role.COORDINATOR).filter(municipality=OuterRef("pk"))
    as_project_admin = _memberships(user, Role.PROJECT_ADMIN).filter(
        project__partner_municipalities=OuterRef("pk")
    )
    return Municipality.objects.filter(Q(Exists(as_coordinator)) | Q(Exists(as_project_admin)))


def organisations_editable_by(user: User) -> QuerySet[Organisation]:
    """Organisations of the user's municipalities, and those the user is an editor of."""
    if _is_anonymous(user):
        return Organisation.objects.none()
    if user.is_superuser:
        return Organisation.objects.all()
    as_member = _memberships(user, *ORGANISATION_EDITOR_ROLES).filter(organisation=OuterRef("pk"))
    return Organisation.objects.filter(
        Q(municipality__in=municipalities_for_staff(user)) | Q(Exists(as_member))
    )


def administers_project_or_coordinates_municipality(user: User) -> Q:
    """A condition on rows with ``project`` and ``municipality`` fields (surveys, experiments):
    the user is an admin of the row's project or a coordinator of its municipality — the
    people who manage such a record."""
    mine = Membership.objects.filter(user=user)
    return Q(Exists(mine.filter(role=Role.PROJECT_ADMIN, project=OuterRef("project")))) | Q(
        Exists(mine.filter(role=Role.COORDINATOR, municipality=OuterRef("municipality")))
    )


M = TypeVar("M", bound=Model)


def object_to_manage(visible: QuerySet[M], managed: QuerySet[M], **lookup: object) -> M:
    """The object for a manager's page: 404 to those who do not see it (its existence stays
    hidden), 403 to those who see it but may not manage it."""
    obj = get_object_or_404(visible, **lookup)
    if not managed.filter(pk=obj.pk).exists():
        raise PermissionDenied
    return obj


def may_edit_site(user: object) -> bool:
    """The service's name, brand, contact details and legal pages belong to the whole site,
    not to a project or a municipality: its administrators edit them (superusers, and users
    given the ``siteinfo.change_siteprofile`` permission in the Django admin)."""
    if _is_anonymous(user):
        return False
    return bool(user.is_superuser or user.has_perm("siteinfo.change_siteprofile"))  # type: ignore[attr-defined]
