"""E-mails to registrants, in their own language, each with the event as an .ics file.

Queued in the service's transaction (``yhdessa.mail``): nobody is told about a seat that was
rolled back, and a mail server that is away delays the message instead of failing the sign-up.
"""

from collections.abc import Iterable

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from yhdessa.core.links import absolute_url, site_url
from yhdessa.events.calendar import calendar_for
from yhdessa.events.models import Event, Registration
from yhdessa.events.tokens import cancel_token
from yhdessa.mail.services import Attachment, Message, emails_queue


def _message(registration: Registration, template: str) -> Message:
    event = registration.event
    with translation.override(registration.language):
        manage = reverse(
            "events:registration_manage", kwargs={"token": cancel_token(registration.pk)}
        )
        context = {
            "registration": registration,
            "event": event,
            "cancel_url": absolute_url(manage),
            "event_url": absolute_url(event.get_absolute_url()),
        }
        subject = render_to_string(f"events/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"events/email/{template}.txt", context)
        # A cancelled event's file has STATUS:CANCELLED, which removes it from calendars.
        ics = calendar_for([event], name=event.title, base_url=site_url())
    return Message(
        to=registration.email,
        subject=subject,
        body=body,
        attachments=[Attachment("tapahtuma.ics", ics.decode(), "text/calendar")],
    )


def _queue(registrations: Iterable[Registration], template: str, event: Event) -> None:
    messages = [_message(registration, template) for registration in registrations]
    emails_queue(messages=messages, purpose=f"events.{template}", project=event.project)


def queue_registration_received(registration: Registration) -> None:
    confirmed = registration.status == Registration.Status.CONFIRMED
    _queue([registration], "confirmed" if confirmed else "waitlisted", registration.event)


def queue_promoted(registrations: list[Registration], event: Event) -> None:
    _queue(registrations, "promoted", event)


def queue_event_cancelled(event: Event) -> None:
    active = event.registrations.filter(
        status__in=[Registration.Status.CONFIRMED, Registration.Status.WAITLISTED]
    ).select_related("event")
    _queue(active, "event_cancelled", event)
