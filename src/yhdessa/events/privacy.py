"""Retention of registrants' personal data (run daily by ``yhdessa anonymise``).

Names, e-mail addresses, organisations and free texts are needed only to run an event. Some
time after it they are blanked; background, home municipality, status and attendance stay, so
every statistic counted from the registrations gives the same figures as before.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from yhdessa.core.audit import log_action
from yhdessa.events.models import Registration


def anonymise_after_days() -> int:
    return int(settings.YHDESSA_ANONYMISE_AFTER_DAYS)


def registrations_due(*, days: int, now: datetime.datetime) -> QuerySet[Registration]:
    """Registrations of events that ended more than ``days`` days before ``now`` and still
    hold personal data."""
    return Registration.objects.filter(
        event__ends_at__lt=now - datetime.timedelta(days=days), anonymised_at__isnull=True
    )


@transaction.atomic
def registrations_anonymise(
    *, days: int | None = None, now: datetime.datetime | None = None
) -> int:
    """Blank the personal data of every registration that is due; returns how many.

    Running it again finds nothing new to do, so cron may run it as often as it likes.
    """
    days = anonymise_after_days() if days is None else days
    if days < 0:
        raise ValueError("days must not be negative")
    now = now or timezone.now()
    count = registrations_due(days=days, now=now).update(
        name="", email="", organisation_name="", needs="", anonymised_at=now
    )
    if count:
        log_action(
            actor=None,
            action="events.registrations.anonymised",
            data={"count": count, "days": days},
        )
    return count
