"""E-mails to registrants, in their own language, each with the event as an .ics file.

Called from ``transaction.on_commit`` so that nobody is told about a seat that was rolled back.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from yhdessa.events.calendar import calendar_for
from yhdessa.events.models import Registration
from yhdessa.events.tokens import cancel_token


def site_url() -> str:
    return str(getattr(settings, "YHDESSA_SITE_URL", "http://127.0.0.1:8000")).rstrip("/")


def _send(registration: Registration, template: str) -> None:
    with translation.override(registration.language):
        context = {
            "registration": registration,
            "event": registration.event,
            "cancel_url": site_url()
            + reverse(
                "events:registration_manage", kwargs={"token": cancel_token(registration.pk)}
            ),
            "event_url": site_url() + registration.event.get_absolute_url(),
        }
        subject = render_to_string(f"events/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"events/email/{template}.txt", context)
        message = EmailMessage(subject, body, to=[registration.email])
        # A cancelled event's file has STATUS:CANCELLED, which removes it from calendars.
        ics = calendar_for([registration.event], name=registration.event.title, base_url=site_url())
        message.attach("tapahtuma.ics", ics, "text/calendar")
    message.send()


def _registration(pk: int) -> Registration:
    return Registration.objects.select_related("event").get(pk=pk)


def send_registration_received(pk: int) -> None:
    registration = _registration(pk)
    template = "confirmed" if registration.status == Registration.Status.CONFIRMED else "waitlisted"
    _send(registration, template)


def send_promoted(pk: int) -> None:
    _send(_registration(pk), "promoted")


def send_event_cancelled(event_id: int) -> None:
    active = Registration.objects.select_related("event").filter(
        event_id=event_id,
        status__in=[Registration.Status.CONFIRMED, Registration.Status.WAITLISTED],
    )
    for registration in active:
        _send(registration, "event_cancelled")
