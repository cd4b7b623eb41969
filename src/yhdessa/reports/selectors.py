"""Which reports a reader may open and whose texts they may edit."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from yhdessa.accounts.models import Membership, Role, User
from yhdessa.accounts.selectors import (
    municipalities_for_staff,
    projects_administered_by,
    projects_for_staff,
)
from yhdessa.directory.models import Municipality
from yhdessa.projects.models import Project
from yhdessa.reports.models import SectionText
from yhdessa.reports.sections import DISCREPANCIES, SECTIONS

Reader = User | AnonymousUser


def _signed_in(user: Reader) -> bool:
    return isinstance(user, User) and user.is_authenticated


def readable_projects(user: Reader) -> QuerySet[Project]:
    """Public projects, and the projects the user is staff of (a report of a project that is
    not public is for its own people)."""
    readable = Q(is_public=True)
    if _signed_in(user):
        assert isinstance(user, User)  # noqa: S101 (for the type checker)
        readable |= Q(pk__in=projects_for_staff(user).values("pk"))
    return Project.objects.filter(readable)


def report_subject(
    user: Reader, slug: str, code: str | None = None
) -> tuple[Project, Municipality | None]:
    """The project of a report and, for a municipal report, one of its partner municipalities;
    404 for anything else."""
    project = get_object_or_404(readable_projects(user), slug=slug)
    if code is None:
        return project, None
    municipality = project.partner_municipalities.filter(code=code).first()
    if municipality is None:
        raise Http404
    return project, municipality


def may_edit_texts(user: Reader, project: Project, municipality: Municipality | None) -> bool:
    """Project admins edit every report of the project; a municipality's coordinator edits
    the texts of that municipality's report."""
    if not _signed_in(user):
        return False
    assert isinstance(user, User)  # noqa: S101 (for the type checker)
    if projects_administered_by(user).filter(pk=project.pk).exists():
        return True
    return municipality is not None and _coordinates(user, municipality)


def section_texts(project: Project, municipality: Municipality | None) -> dict[str, SectionText]:
    """The report's sections in order, each with its stored text or a new, empty one."""
    stored = {
        row.section: row
        for row in SectionText.objects.filter(project=project, municipality=municipality)
    }
    keys = [spec.key for spec in SECTIONS if municipality is None or spec.municipal]
    return {key: stored.get(key) or SectionText(section=key) for key in [*keys, DISCREPANCIES]}


def _coordinates(user: User, municipality: Municipality) -> bool:
    return Membership.objects.filter(
        user=user, role=Role.COORDINATOR, municipality=municipality
    ).exists()


def projects_for_municipal_staff(user: User) -> QuerySet[Project]:
    """The projects that one of the user's municipalities is a partner in."""
    return Project.objects.filter(
        partner_municipalities__in=municipalities_for_staff(user)
    ).distinct()


def _staff_subject(
    user: User, slug: str, code: str | None
) -> tuple[Project, Municipality | None, bool]:
    """The project and municipality of a staff page, and whether the user is the project's
    staff. 404 to those who see neither the project nor, for a municipality's page, that
    municipality (another town's coordinator: another tenant's page does not exist for them).
    """
    visible = Project.objects.filter(
        Q(pk__in=projects_for_staff(user).values("pk"))
        | Q(pk__in=projects_for_municipal_staff(user).values("pk"))
    )
    project = get_object_or_404(visible, slug=slug)
    project_staff = projects_for_staff(user).filter(pk=project.pk).exists()
    if code is None:
        return project, None, project_staff
    municipalities = project.partner_municipalities.all()
    if not project_staff:
        municipalities = municipalities.filter(pk__in=municipalities_for_staff(user).values("pk"))
    return project, get_object_or_404(municipalities, code=code), project_staff


def texts_to_edit(user: User, slug: str, code: str | None) -> tuple[Project, Municipality | None]:
    """The report whose texts the user edits: 404 to those who do not see it, 403 to those
    who see it but may not edit."""
    project, municipality, _project_staff = _staff_subject(user, slug, code)
    if not may_edit_texts(user, project, municipality):
        raise PermissionDenied
    return project, municipality


def dashboard_subject(
    user: User, slug: str, code: str | None
) -> tuple[Project, Municipality | None]:
    """A project's dashboard is for its staff; a municipality's part of it also for the
    municipality's own staff."""
    project, municipality, project_staff = _staff_subject(user, slug, code)
    if not project_staff and municipality is None:
        raise PermissionDenied  # a partner town's staff: their own part only
    return project, municipality
