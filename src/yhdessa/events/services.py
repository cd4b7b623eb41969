"""Every write to events and registrations.

Seats are decided under a lock on the event row (``select_for_update`` on PostgreSQL; on
SQLite the IMMEDIATE transaction already holds the database's write lock), so concurrent
sign-ups can never overbook an event. E-mails are queued in the same transaction
(``yhdessa.mail``).
"""

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from yhdessa.accounts.models import User
from yhdessa.core.audit import log_action
from yhdessa.directory.models import Municipality
from yhdessa.events import notifications
from yhdessa.events.models import BackgroundCategory, Event, Registration
from yhdessa.projects.models import Project

if TYPE_CHECKING:
    from yhdessa.events.forms import EventForm

Status = Registration.Status


def lock_event(event_id: int) -> Event:
    """The event row, locked until the transaction ends (the control run of the concurrency
    test switches this off with YHDESSA_EVENT_LOCKING=False to show that it is needed)."""
    events = Event.objects.all()
    if getattr(settings, "YHDESSA_EVENT_LOCKING", True):
        events = events.select_for_update()
    return events.get(pk=event_id)


def confirmed_count(event: Event) -> int:
    return event.registrations.filter(status=Status.CONFIRMED).count()


def seats_left(event: Event) -> int | None:
    if event.capacity is None:
        return None
    return max(event.capacity - confirmed_count(event), 0)


def check_registration_open(event: Event, now: datetime.datetime) -> None:
    if event.is_cancelled:
        raise ValidationError(_("Tapahtuma on peruttu."), code="cancelled")
    if event.registration_opens_at and now < event.registration_opens_at:
        raise ValidationError(_("Ilmoittautuminen ei ole vielä alkanut."), code="not_open")
    closes_at = event.registration_closes_at or event.starts_at
    if now >= closes_at:
        raise ValidationError(_("Ilmoittautuminen on päättynyt."), code="closed")


@dataclass(frozen=True)
class RegistrationInput:
    name: str
    email: str
    organisation_name: str = ""
    background: BackgroundCategory | None = None
    municipality: Municipality | None = None
    needs: str = ""
    consent: bool = False
    language: str = "fi"


@transaction.atomic
def registration_create(*, event_id: int, data: RegistrationInput) -> Registration:
    """Sign a person up: a seat if one is free, else the waiting list, else a refusal."""
    if not data.consent:
        raise ValidationError(
            {"consent": _("Hyväksy tietosuojaseloste, jotta voimme käsitellä ilmoittautumisesi.")}
        )
    event = lock_event(event_id)
    now = timezone.now()
    check_registration_open(event, now)
    email = data.email.strip().lower()
    active = event.registrations.filter(status__in=[Status.CONFIRMED, Status.WAITLISTED])
    if active.filter(email=email).exists():
        raise ValidationError(
            {"email": _("Tällä sähköpostiosoitteella on jo ilmoittauduttu tähän tapahtumaan.")}
        )
    if data.background is not None and data.background.project_id != event.project_id:
        raise ValidationError({"background": _("Valitse taustaryhmä listalta.")})
    left = seats_left(event)
    if left is None or left > 0:
        status = Status.CONFIRMED
    elif event.waitlist_enabled:
        status = Status.WAITLISTED
    else:
        raise ValidationError(_("Tapahtuma on täynnä."), code="full")
    registration = Registration.objects.create(
        event=event,
        name=data.name.strip(),
        email=email,
        organisation_name=data.organisation_name.strip(),
        background=data.background,
        municipality=data.municipality,
        needs=data.needs.strip(),
        language=data.language,
        status=status,
        consent_at=now,
    )
    notifications.queue_registration_received(registration)
    return registration


@transaction.atomic
def registration_cancel(*, registration_id: int) -> Registration:
    """Free the seat and give it to the first person on the waiting list."""
    registration = Registration.objects.select_related("event").get(pk=registration_id)
    event = lock_event(registration.event_id)
    registration.refresh_from_db()
    if registration.status == Status.CANCELLED:
        return registration
    had_seat = registration.status == Status.CONFIRMED
    registration.status = Status.CANCELLED
    registration.cancelled_at = timezone.now()
    registration.save(update_fields=["status", "cancelled_at"])
    if had_seat:
        promote_from_waitlist(event)
    return registration


def promote_from_waitlist(event: Event) -> list[Registration]:
    """Fill free seats from the waiting list in arrival order. The caller holds the lock."""
    if event.capacity is None:
        free = event.registrations.filter(status=Status.WAITLISTED).count()
    else:
        free = max(event.capacity - confirmed_count(event), 0)
    promoted = list(
        event.registrations.filter(status=Status.WAITLISTED).order_by("created_at", "pk")[:free]
    )
    for registration in promoted:
        registration.status = Status.CONFIRMED
        registration.save(update_fields=["status"])
    if promoted:
        notifications.queue_promoted(promoted, event)
    return promoted


@transaction.atomic
def event_cancel(*, actor: User | None, event_id: int) -> Event:
    event = lock_event(event_id)
    if event.is_cancelled:
        return event
    event.cancelled_at = timezone.now()
    event.save(update_fields=["cancelled_at", "updated_at"])
    log_action(actor=actor, action="events.event.cancelled", target=event)
    notifications.queue_event_cancelled(event)
    return event


@transaction.atomic
def event_save(*, actor: User | None, project: Project, form: "EventForm") -> Event:
    """Create or change an event from its validated form; capacity changes take the lock."""
    event: Event = form.instance
    creating = event.pk is None
    new_capacity = form.cleaned_data["capacity"]
    if not creating:
        locked = lock_event(event.pk)
        confirmed = confirmed_count(locked)
        if new_capacity is not None and new_capacity < confirmed:
            message = ngettext(
                "Vahvistettuja ilmoittautumisia on jo %(count)s: paikkoja ei voi olla vähemmän.",
                "Vahvistettuja ilmoittautumisia on jo %(count)s: paikkoja ei voi olla vähemmän.",
                confirmed,
            )
            raise ValidationError({"capacity": message % {"count": confirmed}})
    event.project = project
    if creating:
        event.created_by = actor
    event = form.save()
    if not creating:
        promote_from_waitlist(event)
    log_action(
        actor=actor,
        action="events.event.created" if creating else "events.event.changed",
        target=event,
        data={name: str(form.cleaned_data[name]) for name in form.changed_data},
    )
    return event


@transaction.atomic
def event_copy(*, actor: User | None, event: Event) -> Event:
    """A new event with the same details and no registrations, for the next session."""
    organisers = list(event.organisers.all())
    copy = Event.objects.get(pk=event.pk)
    copy.pk = None
    copy.cancelled_at = None
    copy.created_by = actor
    copy.save()
    copy.organisers.set(organisers)
    log_action(actor=actor, action="events.event.copied", target=copy, data={"from": event.pk})
    return copy
