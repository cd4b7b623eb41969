"""iCalendar (RFC 5545) files: one event as an attachment, or a feed of many."""

from collections.abc import Iterable

from django.conf import settings
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from yhdessa.events.models import Event

PRODUCT_ID = "-//Yhdessä//yhdessa//FI"


def _calendar_event(event: Event, base_url: str) -> CalendarEvent:
    entry = CalendarEvent()
    entry.add("uid", f"event-{event.pk}@yhdessa")
    entry.add("dtstamp", event.updated_at)
    entry.add("dtstart", event.starts_at)
    entry.add("dtend", event.ends_at)
    entry.add("summary", event.title)
    description = event.description
    url = base_url.rstrip("/") + event.get_absolute_url()
    entry.add("description", f"{description}\n\n{url}".strip())
    entry.add("url", url)
    location = event.online_url or event.location
    if location:
        entry.add("location", location)
    entry.add("status", "CANCELLED" if event.is_cancelled else "CONFIRMED")
    entry.add("sequence", int(event.updated_at.timestamp()))
    return entry


def calendar_for(events: Iterable[Event], *, name: str, base_url: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    for event in events:
        calendar.add_component(_calendar_event(event, base_url))
    return calendar.to_ical()
