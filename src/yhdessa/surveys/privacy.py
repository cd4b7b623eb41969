"""Retention of invitees' e-mail addresses (run daily by ``yhdessa anonymise``).

An address is needed only to send the link and reminders while the wave is open. Some time
after the wave closes it is blanked; the invitation row stays, so the response rate (invited,
answered) is the same as before.
"""

import datetime

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from yhdessa.core.audit import log_action
from yhdessa.events.privacy import anonymise_after_days
from yhdessa.surveys.models import Invitation


def invitations_due(*, days: int, now: datetime.datetime) -> QuerySet[Invitation]:
    """Invitations of waves that closed more than ``days`` days before ``now`` and still hold
    an address."""
    return Invitation.objects.filter(
        wave__closes_at__lt=now - datetime.timedelta(days=days)
    ).exclude(email="")


@transaction.atomic
def invitations_anonymise(*, days: int | None = None, now: datetime.datetime | None = None) -> int:
    """Blank the addresses of every invitation that is due; returns how many."""
    days = anonymise_after_days() if days is None else days
    if days < 0:
        raise ValueError("days must not be negative")
    now = now or timezone.now()
    count = invitations_due(days=days, now=now).update(email="")
    if count:
        log_action(
            actor=None, action="surveys.invitations.anonymised", data={"count": count, "days": days}
        )
    return count
