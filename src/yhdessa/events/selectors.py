"""Reads of events: public lists, and the events whose registrations a user may see."""

from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from yhdessa.accounts.models import Membership, Role, User
from yhdessa.directory.models import Municipality
from yhdessa.events.models import Attendance, Event, Registration
from yhdessa.projects.models import Project

Status = Registration.Status

#: Registration counts of an event, as annotations (one query for a whole list).
REGISTRATION_COUNTS = {
    "confirmed_count": Count("registrations", filter=Q(registrations__status=Status.CONFIRMED)),
    "waitlisted_count": Count("registrations", filter=Q(registrations__status=Status.WAITLISTED)),
    "cancelled_count": Count("registrations", filter=Q(registrations__status=Status.CANCELLED)),
    "present_count": Count(
        "registrations",
        filter=Q(registrations__attendance=Attendance.PRESENT)
        & ~Q(registrations__status=Status.CANCELLED),
    ),
}


def public_events() -> QuerySet[Event]:
    return (
        Event.objects.filter(is_public=True, project__is_public=True)
        .select_related("project", "municipality", "theme")
        .annotate(confirmed_count=REGISTRATION_COUNTS["confirmed_count"])
    )


def event_for_registration(pk: int) -> QuerySet[Event]:
    """Public events, and invitation-only ones to those who have the link."""
    return Event.objects.filter(pk=pk, project__is_public=True).select_related(
        "project", "municipality", "theme"
    )


def events_for_staff(user: User | AnonymousUser) -> QuerySet[Event]:
    """Events whose registrations (personal data) the user may see and manage.

    The project's admins and organisers, the coordinators of the event's municipality, and
    organisers of an organisation that runs the event.
    """
    if not user.is_authenticated or not user.is_active:
        return Event.objects.none()
    if user.is_superuser:
        return Event.objects.all()
    mine = Membership.objects.filter(user=user)
    in_project = mine.filter(
        role__in=[Role.PROJECT_ADMIN, Role.ORGANISER], project=OuterRef("project")
    )
    in_municipality = mine.filter(role=Role.COORDINATOR, municipality=OuterRef("municipality"))
    organising = mine.filter(
        role__in=[Role.ORGANISER, Role.COORDINATOR, Role.PROJECT_ADMIN],
        organisation__organised_events=OuterRef("pk"),
    )
    return Event.objects.filter(
        Q(Exists(in_project)) | Q(Exists(in_municipality)) | Q(Exists(organising))
    )


def projects_for_event_staff(user: User | AnonymousUser) -> QuerySet[Project]:
    """Projects in which the user may create events: its admins and organisers, and the
    coordinators of its partner municipalities (for events in their own municipality)."""
    if not user.is_authenticated or not user.is_active:
        return Project.objects.none()
    if user.is_superuser:
        return Project.objects.all()
    mine = Membership.objects.filter(user=user)
    as_staff = mine.filter(role__in=[Role.PROJECT_ADMIN, Role.ORGANISER], project=OuterRef("pk"))
    as_coordinator = mine.filter(role=Role.COORDINATOR, municipality__projects=OuterRef("pk"))
    return Project.objects.filter(Q(Exists(as_staff)) | Q(Exists(as_coordinator)))


def event_municipalities(user: User, project: Project) -> QuerySet[Municipality]:
    """Where the user may place an event of the project: all partners for its admins and
    organisers, their own municipalities for coordinators."""
    partners = project.partner_municipalities.all()
    if (
        user.is_superuser
        or Membership.objects.filter(
            user=user, project=project, role__in=[Role.PROJECT_ADMIN, Role.ORGANISER]
        ).exists()
    ):
        return partners
    return partners.filter(memberships__user=user, memberships__role=Role.COORDINATOR)
