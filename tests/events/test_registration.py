"""Public sign-up as a resident meets it: form, e-mails with .ics, cancel link, waiting list."""

import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone

from tests.factories import BackgroundCategoryFactory, EventFactory, RegistrationFactory
from yhdessa.events.models import Registration
from yhdessa.events.tokens import cancel_token, registration_id_from

Status = Registration.Status


@pytest.fixture
def form_data(registration_form_data):
    return registration_form_data


def register(client, event, data, language=""):
    prefix = f"/{language}" if language else ""
    return client.post(f"{prefix}/events/{event.pk}/", data)


def test_registration_confirms_a_seat_and_mails_a_calendar_file(
    client, world, form_data, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = register(client, world.event, form_data)
    registration = Registration.objects.get(email="aino.asukas@example.fi")
    assert registration.status == Status.CONFIRMED
    token = response["Location"].removeprefix("/events/registration/").strip("/")
    assert registration_id_from(token) == registration.pk
    (message,) = mail.outbox
    assert message.subject == "Ilmoittautuminen vahvistettu: Hyvä kohtaaminen"
    # The e-mailed link manages this registration (a token made now could carry the next
    # second's timestamp: compare what the link's token opens, not its text).
    (mailed,) = re.findall(r"/events/registration/([^/\s]+)/", message.body)
    assert registration_id_from(mailed) == registration.pk
    (_filename, content, mimetype) = message.attachments[0]
    assert mimetype == "text/calendar"
    assert "SUMMARY:Hyvä kohtaaminen" in (
        content.decode() if isinstance(content, bytes) else content
    )


def test_full_event_puts_people_on_the_waiting_list_and_cancelling_promotes_the_first(
    client, world, form_data, django_capture_on_commit_callbacks
):
    event = world.event
    event.capacity = 1
    event.save()
    with django_capture_on_commit_callbacks(execute=True):
        register(client, event, form_data)
        register(client, event, form_data | {"email": "toinen@example.fi", "name": "Toinen"})
    first = Registration.objects.get(email="aino.asukas@example.fi")
    second = Registration.objects.get(email="toinen@example.fi")
    assert (first.status, second.status) == (Status.WAITLISTED, Status.WAITLISTED)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/events/registration/{cancel_token(world.registration.pk)}/")
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == (Status.CONFIRMED, Status.WAITLISTED)
    (message,) = mail.outbox
    assert message.to == ["aino.asukas@example.fi"]
    assert message.subject.startswith("Sait paikan")


def test_cancelling_twice_changes_nothing(client, world):
    url = f"/events/registration/{cancel_token(world.registration.pk)}/"
    client.post(url)
    cancelled_at = Registration.objects.get(pk=world.registration.pk).cancelled_at
    client.post(url)
    assert Registration.objects.get(pk=world.registration.pk).cancelled_at == cancelled_at


def test_forged_cancel_link_is_refused(client, world):
    response = client.post(f"/events/registration/{cancel_token(world.registration.pk)}x/")
    assert response.status_code == 404
    assert Registration.objects.get(pk=world.registration.pk).status == Status.CONFIRMED


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"consent": ""}, "Hyväksy tietosuojaseloste"),
        ({"email": "ei-osoite"}, "Syötä kelvollinen sähköpostiosoite."),
        ({"email": "OSALLISTUJA@example.fi"}, "on jo ilmoittauduttu tähän tapahtumaan"),
        ({"background": ""}, "Tämä kenttä vaaditaan."),
    ],
)
def test_bad_input_gets_a_finnish_message_and_changes_nothing(
    client, world, form_data, change, message
):
    world.registration.email = "osallistuja@example.fi"
    world.registration.save()
    response = register(client, world.event, form_data | change)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Registration.objects.count() == 1
    assert not mail.outbox


def test_background_of_another_project_is_refused(client, world, form_data):
    foreign = BackgroundCategoryFactory()
    response = register(client, world.event, form_data | {"background": foreign.pk})
    assert response.status_code == 400
    assert Registration.objects.count() == 1


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"registration_closes_at": datetime.timedelta(days=-1)}, "Ilmoittautuminen on päättynyt."),
        (
            {"registration_opens_at": datetime.timedelta(days=2)},
            "Ilmoittautuminen ei ole vielä alkanut.",
        ),
        ({"cancelled_at": datetime.timedelta(0)}, "Tapahtuma on peruttu."),
    ],
)
def test_closed_registration_is_refused(client, world, form_data, fields, message):
    event = world.event
    for name, delta in fields.items():
        setattr(event, name, timezone.now() + delta)
    event.save()
    assert message in client.get(event.get_absolute_url()).content.decode()
    response = register(client, event, form_data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Registration.objects.count() == 1


def test_full_event_without_waiting_list_refuses(client, world, form_data):
    event = EventFactory(project=world.project, capacity=1, waitlist_enabled=False)
    RegistrationFactory(event=event)
    response = register(client, event, form_data)
    assert response.status_code == 400
    assert "Tapahtuma on täynnä." in response.content.decode()


def test_the_same_person_may_sign_up_again_after_cancelling(client, world, form_data):
    register(client, world.event, form_data)
    first = Registration.objects.get(email="aino.asukas@example.fi")
    client.post(f"/events/registration/{cancel_token(first.pk)}/")
    response = register(client, world.event, form_data)
    assert response.status_code == 302
    assert Registration.objects.filter(email="aino.asukas@example.fi").count() == 2
