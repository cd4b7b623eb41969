"""Reads of the outbox for staff: what has not gone out yet, and why."""

from django.db.models import QuerySet

from yhdessa.mail.models import OutgoingEmail
from yhdessa.projects.models import Project


def undelivered_emails(*, project: Project) -> QuerySet[OutgoingEmail]:
    """The project's messages that wait for a retry or have failed for good.

    The caller has checked that the reader administers the project (their registrants'
    addresses are shown)."""
    return OutgoingEmail.objects.filter(
        project=project,
        status__in=[OutgoingEmail.Status.PENDING, OutgoingEmail.Status.FAILED],
    ).order_by("status", "-created_at")
