"""Staff create, edit, copy and cancel events; capacity changes respect sign-ups."""

from django.core import mail

from tests.conftest import Actor
from tests.factories import RegistrationFactory
from yhdessa.core.models import AuditLogEntry
from yhdessa.events.models import Event, Registration

Status = Registration.Status


def event_form(world, **changes):
    data = {
        "kind": "training",
        "theme": "",
        "title_fi": "Osallistuva budjetointi",
        "title_sv": "",
        "title_en": "",
        "description_fi": "Miten asukkaat pääsevät päättämään rahan käytöstä.",
        "description_sv": "",
        "description_en": "",
        "starts_at": "2027-03-10T13:00",
        "ends_at": "2027-03-10T16:00",
        "location": "Nivalan kaupungintalo",
        "online_url": "",
        "municipality": world.nivala.pk,
        "capacity": "30",
        "registration_opens_at": "",
        "registration_closes_at": "",
        "waitlist_enabled": "on",
        "is_public": "on",
    }
    return data | changes


def test_organiser_creates_an_event_that_shows_publicly(client_as, world, client):
    response = client_as(Actor.ORGANISER).post(
        "/staff/projects/yhdessa-osallisuutta/events/new/", event_form(world)
    )
    event = Event.objects.get(title_fi="Osallistuva budjetointi")
    assert response["Location"] == f"/staff/events/{event.pk}/"
    assert event.created_by == world.users[Actor.ORGANISER]
    assert AuditLogEntry.objects.filter(action="events.event.created").exists()
    assert "Osallistuva budjetointi" in client.get("/events/").content.decode()


def test_coordinator_can_place_events_only_in_own_municipality(client_as, world):
    response = client_as(Actor.COORDINATOR).post(
        "/staff/projects/yhdessa-osallisuutta/events/new/",
        event_form(world, municipality=world.sievi.pk),
    )
    assert response.status_code == 400
    assert not Event.objects.filter(title_fi="Osallistuva budjetointi").exists()


def test_end_before_start_is_refused(client_as, world):
    response = client_as(Actor.ORGANISER).post(
        "/staff/projects/yhdessa-osallisuutta/events/new/",
        event_form(world, ends_at="2027-03-10T12:00"),
    )
    assert response.status_code == 400
    assert "Tapahtuma ei voi päättyä ennen kuin se alkaa." in response.content.decode()


def test_capacity_cannot_go_below_confirmed_seats(client_as, world):
    RegistrationFactory.create_batch(3, event=world.event)
    response = client_as(Actor.COORDINATOR).post(
        f"/staff/events/{world.event.pk}/edit/", event_form(world, capacity="2")
    )
    assert response.status_code == 400
    assert "Vahvistettuja ilmoittautumisia on jo 4" in response.content.decode()
    assert Event.objects.get(pk=world.event.pk).capacity == 10


def test_more_seats_promote_the_waiting_list(client_as, world, django_capture_on_commit_callbacks):
    event = world.event
    event.capacity = 1
    event.save()
    waiting = RegistrationFactory(event=event, status=Status.WAITLISTED)
    with django_capture_on_commit_callbacks(execute=True):
        client_as(Actor.COORDINATOR).post(
            f"/staff/events/{event.pk}/edit/", event_form(world, capacity="2")
        )
    waiting.refresh_from_db()
    assert waiting.status == Status.CONFIRMED
    assert [m.to for m in mail.outbox] == [[waiting.email]]


def test_copy_makes_a_new_event_without_registrations(client_as, world):
    response = client_as(Actor.ORGANISER).post(f"/staff/events/{world.event.pk}/copy/")
    copy = Event.objects.exclude(pk=world.event.pk).get()
    assert response["Location"] == f"/staff/events/{copy.pk}/edit/"
    assert copy.title_fi == world.event.title_fi
    assert not copy.registrations.exists()


def test_cancelling_an_event_tells_everyone_registered(
    client_as, world, django_capture_on_commit_callbacks
):
    waiting = RegistrationFactory(event=world.event, status=Status.WAITLISTED)
    RegistrationFactory(event=world.event, status=Status.CANCELLED)
    with django_capture_on_commit_callbacks(execute=True):
        client_as(Actor.COORDINATOR).post(f"/staff/events/{world.event.pk}/cancel/")
    assert Event.objects.get(pk=world.event.pk).is_cancelled
    assert sorted(m.to[0] for m in mail.outbox) == sorted([world.registration.email, waiting.email])
    assert all(m.subject.startswith("Tapahtuma peruttu") for m in mail.outbox)
    assert "STATUS:CANCELLED" in mail.outbox[0].attachments[0][1]


def test_project_events_list_counts_with_a_flat_number_of_queries(
    client_as, world, django_assert_max_num_queries
):
    from tests.factories import EventFactory

    client = client_as(Actor.PROJECT_ADMIN)
    with django_assert_max_num_queries(20) as few:
        client.get("/staff/projects/yhdessa-osallisuutta/events/")
    for event in EventFactory.create_batch(10, project=world.project):
        RegistrationFactory.create_batch(3, event=event)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get("/staff/projects/yhdessa-osallisuutta/events/")
    assert len(response.context["events"]) == 11
