"""The events API: public list and detail, registration by the form's rules, the staff's
participant list, and the project's attendance statistics."""

import datetime

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from tests.conftest import Actor
from tests.factories import (
    BackgroundCategoryFactory,
    EventFactory,
    ProjectFactory,
    RegistrationFactory,
)
from yhdessa.accounts.services import api_token_create
from yhdessa.core.models import AuditLogEntry
from yhdessa.events.models import Attendance, Event, Registration, Theme, WalkIn
from yhdessa.events.tokens import registration_id_from
from yhdessa.projects.models import ReportedFigure

Status = Registration.Status


def url(event, suffix=""):
    return f"/api/v1/events/{event.pk}{suffix}"


# --- List and detail ---------------------------------------------------------------------


def test_list_shows_public_events_of_the_project(client, world):
    hidden = EventFactory(project=world.project, is_public=False, title_fi="Kutsutilaisuus")
    other = EventFactory(title_fi="Toisen hankkeen valmennus")
    meeting = EventFactory(project=world.project, kind=Event.Kind.PEER_MEETING)
    body = client.get("/api/v1/events/", {"project": world.project.slug}).json()
    assert [item["id"] for item in body["items"]] == [world.event.pk, meeting.pk]
    assert body["count"] == 2
    first = body["items"][0]
    assert first["title"] == "Hyvä kohtaaminen"
    assert first["project"] == "yhdessa-osallisuutta"
    assert first["municipality"] == "535"
    assert (first["capacity"], first["seats_left"]) == (10, 9)
    assert first["registration_open"] is True
    assert first["url"] == f"http://testserver/events/{world.event.pk}/"
    everything = client.get("/api/v1/events/").json()
    assert {item["id"] for item in everything["items"]} == {world.event.pk, meeting.pk, other.pk}
    assert hidden.pk not in {item["id"] for item in everything["items"]}
    trainings = client.get("/api/v1/events/", {"kind": "training"}).json()
    assert meeting.pk not in {item["id"] for item in trainings["items"]}
    assert client.get("/api/v1/events/", {"project": "ei-ole"}).json()["count"] == 0


def test_list_query_count_stays_flat(client, world, django_assert_max_num_queries):
    with django_assert_max_num_queries(3) as few:
        client.get("/api/v1/events/")
    for _ in range(5):
        EventFactory(project=world.project, theme=Theme.objects.create(project=world.project))
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/api/v1/events/")


def test_detail_has_the_background_choices_for_registration(client, world):
    body = client.get(url(world.event), headers={"Accept-Language": "fi"}).json()
    assert body["id"] == world.event.pk
    assert body["background_categories"] == [
        {"id": world.registration.background_id, "name": "Kuntien työntekijät"}
    ]
    assert body["is_cancelled"] is False


@pytest.mark.parametrize(
    "make_event",
    [
        lambda world: EventFactory(project=ProjectFactory(is_public=False)),
        lambda world: Event(pk=987654),
    ],
    ids=["non-public project", "unknown"],
)
def test_detail_of_an_event_nobody_may_see_is_404_in_finnish(client, world, make_event):
    response = client.get(url(make_event(world)))
    assert response.status_code == 404
    assert response.json() == {"detail": "Tapahtumaa ei löytynyt."}


def test_invitation_only_event_opens_by_its_id_as_its_page_does(client, world):
    event = EventFactory(project=world.project, is_public=False)
    assert client.get(url(event)).status_code == 200


# --- Registration ------------------------------------------------------------------------


@pytest.fixture
def payload(world):
    return {
        "name": "Aino Asukas",
        "email": "Aino.Asukas@Example.fi",
        "organisation_name": "Nivalan Eläkkeensaajat ry",
        "background": world.registration.background_id,
        "municipality": "535",
        "needs": "Gluteeniton ruokavalio",
        "consent": True,
    }


def post(client, event, data, **headers):
    return client.post(
        url(event, "/registrations"), data, content_type="application/json", headers=headers
    )


def test_registration_confirms_a_seat_and_sends_the_confirmation(
    world, payload, django_capture_on_commit_callbacks
):
    client = Client(enforce_csrf_checks=True)  # public: no CSRF token needed
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, world.event, payload)
    assert response.status_code == 201
    body = response.json()
    registration = Registration.objects.get(email="aino.asukas@example.fi")
    assert body["id"] == registration.pk
    assert (body["status"], body["message"]) == ("confirmed", "Ilmoittautuminen on vahvistettu.")
    token = body["manage_url"].removeprefix("http://testserver/events/registration/").strip("/")
    assert registration_id_from(token) == registration.pk
    assert registration.status == Status.CONFIRMED
    assert registration.municipality == world.nivala
    assert registration.organisation_name == "Nivalan Eläkkeensaajat ry"
    assert registration.language == "fi"
    (message,) = mail.outbox
    assert message.to == ["aino.asukas@example.fi"]
    assert message.subject == "Ilmoittautuminen vahvistettu: Hyvä kohtaaminen"


def test_signed_in_browser_needs_no_csrf_token_either(world, payload):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.users[Actor.COORDINATOR])
    assert post(client, world.event, payload).status_code == 201


def test_registration_follows_the_callers_language(client, world, payload):
    response = post(client, world.event, payload, **{"Accept-Language": "sv"})
    assert response.status_code == 201
    assert Registration.objects.get(pk=response.json()["id"]).language == "sv"
    other = payload | {"email": "toinen@example.fi", "language": "en"}
    response = post(client, world.event, other)
    assert Registration.objects.get(pk=response.json()["id"]).language == "en"


def test_registration_can_be_sent_form_encoded(client, world, payload):
    # As the HTML form sends it: "on" for the checkbox, empty fields for "not given".
    form = payload | {"consent": "on", "municipality": "", "organisation_name": ""}
    response = client.post(url(world.event, "/registrations"), form)
    assert response.status_code == 201
    registration = Registration.objects.get(email="aino.asukas@example.fi")
    assert (registration.municipality, registration.organisation_name) == (None, "")
    response = client.post(url(world.event, "/registrations"), form | {"consent": ""})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "data", "consent"]


def test_full_event_puts_the_registrant_on_the_waiting_list(client, world, payload):
    world.event.capacity = 1
    world.event.save()
    response = post(client, world.event, payload)
    assert response.status_code == 201
    assert response.json()["status"] == "waitlisted"
    assert response.json()["message"].startswith("Tapahtuma on täynnä.")


def close_registration(event):
    event.registration_closes_at = timezone.now() - datetime.timedelta(hours=1)
    event.save()


def fill_without_waitlist(event):
    event.capacity = 1
    event.waitlist_enabled = False
    event.save()


def cancel(event):
    event.cancelled_at = timezone.now()
    event.save()


@pytest.mark.parametrize(
    ("change", "status", "field", "message"),
    [
        (
            {"consent": False},
            422,
            "consent",
            "Hyväksy tietosuojaseloste, jotta voimme käsitellä ilmoittautumisesi.",
        ),
        ({"consent": None}, 422, "consent", None),
        ({"email": "aino.example.fi"}, 422, "email", "Syötä kelvollinen sähköpostiosoite."),
        ({"name": "   "}, 422, "name", "Tämä kenttä vaaditaan."),
        ({"name": "Aino\x00"}, 422, "name", "Tyhjiä merkkejä (null) ei sallita."),
        ({"name": "x" * 201}, 422, "name", "Arvo on liian pitkä: enintään 200 merkkiä."),
        ({"municipality": "53"}, 422, "municipality", None),
        ({"background": 0}, 422, "background", "Arvon pitää olla vähintään 1."),
        ({"language": "de"}, 422, "language", None),
        ({"background": 999999}, 409, "background", "Valitse taustaryhmä listalta."),
        ({"municipality": "999"}, 409, "municipality", "Valitse kunta listalta."),
        (
            {"email": "MAIJA@example.FI"},
            409,
            "email",
            "Tällä sähköpostiosoitteella on jo ilmoittauduttu tähän tapahtumaan.",
        ),
    ],
    ids=[
        "no consent",
        "consent missing",
        "invalid e-mail",
        "blank name",
        "NUL in name",
        "long name",
        "malformed municipality",
        "background 0",
        "unknown language",
        "unknown background",
        "unknown municipality",
        "duplicate e-mail",
    ],
)
def test_bad_registration_is_refused_in_finnish_and_nothing_is_saved(
    client, world, payload, change, status, field, message, django_capture_on_commit_callbacks
):
    Registration.objects.filter(pk=world.registration.pk).update(email="maija@example.fi")
    before = Registration.objects.count()
    data = {key: value for key, value in (payload | change).items() if value is not None}
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, world.event, data, **{"Accept-Language": "fi"})
    assert response.status_code == status
    (error,) = response.json()["detail"]
    assert error["loc"][-1] == field
    if message:
        assert error["msg"] == message
    assert Registration.objects.count() == before
    assert mail.outbox == []


def test_background_of_another_project_is_refused(client, world, payload):
    other = BackgroundCategoryFactory(project=ProjectFactory(name_fi="Muu hanke"))
    response = post(client, world.event, payload | {"background": other.pk})
    assert response.status_code == 409
    assert response.json()["detail"] == [
        {
            "loc": ["body", "data", "background"],
            "msg": "Valitse taustaryhmä listalta.",
            "type": "conflict",
        }
    ]
    assert not Registration.objects.filter(email="aino.asukas@example.fi").exists()


@pytest.mark.parametrize(
    ("change_event", "message", "code"),
    [
        (close_registration, "Ilmoittautuminen on päättynyt.", "closed"),
        (fill_without_waitlist, "Tapahtuma on täynnä.", "full"),
        (cancel, "Tapahtuma on peruttu.", "cancelled"),
    ],
    ids=["closed", "full", "cancelled"],
)
def test_event_that_cannot_take_the_registration_answers_409(
    client, world, payload, change_event, message, code
):
    change_event(world.event)
    response = post(client, world.event, payload)
    assert response.status_code == 409
    assert response.json()["detail"] == [
        {"loc": ["path", "event_id"], "msg": message, "type": code}
    ]
    assert not Registration.objects.filter(email="aino.asukas@example.fi").exists()


def test_malformed_json_is_400_in_finnish(client, world):
    response = client.post(
        url(world.event, "/registrations"), "{ei jsonia", content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json() == {"detail": "Pyynnön sisältö ei ole kelvollista JSONia."}


def test_registration_for_an_event_of_a_hidden_project_is_404(client, world, payload):
    event = EventFactory(project=ProjectFactory(name_fi="Piilohanke", is_public=False))
    assert post(client, event, payload).status_code == 404
    assert not Registration.objects.filter(event=event).exists()


# --- The staff's participant list --------------------------------------------------------


@pytest.mark.parametrize(
    ("actor", "status"),
    [
        (Actor.ANONYMOUS, 401),
        (Actor.OUTSIDER, 404),
        (Actor.VIEWER, 404),
        (Actor.OTHER_COORDINATOR, 404),
        (Actor.COORDINATOR, 200),
        (Actor.ORGANISER, 200),
        (Actor.PROJECT_ADMIN, 200),
    ],
)
def test_registrations_only_for_the_events_staff(client_as, world, actor, status):
    response = client_as(actor).get(url(world.event, "/registrations"))
    assert response.status_code == status
    if status == 200:
        (item,) = response.json()["items"]
        assert (item["name"], item["email"]) == ("Maija Meikäläinen", world.registration.email)
        assert item["background"] == {
            "id": world.registration.background_id,
            "name": "Kuntien työntekijät",
        }
        assert (item["status"], item["attendance"]) == ("confirmed", "unknown")
    if status == 404:
        assert response.json() == {"detail": "Tapahtumaa ei löytynyt."}


def test_registrations_with_a_token_are_logged(client, world):
    _token, raw = api_token_create(user=world.users[Actor.ORGANISER], name="raportointi")
    response = client.get(
        url(world.event, "/registrations"), headers={"Authorization": f"Bearer {raw}"}
    )
    assert response.status_code == 200
    entry = AuditLogEntry.objects.get(action="events.registrations.api_listed")
    assert entry.actor == world.users[Actor.ORGANISER]
    assert entry.object_id == str(world.event.pk)


def test_registrations_of_an_event_elsewhere_are_404_for_a_coordinator(client_as, world):
    sievi_event = EventFactory(project=world.project, municipality=world.sievi)
    response = client_as(Actor.COORDINATOR).get(url(sievi_event, "/registrations"))
    assert response.status_code == 404
    assert (
        client_as(Actor.OTHER_COORDINATOR).get(url(sievi_event, "/registrations")).status_code
        == 200
    )


# --- Statistics ----------------------------------------------------------------------------


@pytest.fixture
def stats_world(world):
    """Two themes of trainings: 12 present of 20 and 6 present of 8, 2 of them walk-ins."""
    project = world.project
    staff = world.registration.background
    ngo = BackgroundCategoryFactory(project=project, name_fi="Järjestöt")
    first = Theme.objects.create(project=project, name_fi="Osallistuva budjetointi", position=0)
    second = Theme.objects.create(project=project, name_fi="Avoimet tilat", position=1)
    world.event.delete()
    start = datetime.datetime(2022, 9, 7, 13, tzinfo=datetime.UTC)
    one = EventFactory(project=project, theme=first, starts_at=start, ends_at=start)
    two = EventFactory(
        project=project,
        theme=second,
        starts_at=start.replace(year=2023),
        ends_at=start.replace(year=2023),
    )
    for index in range(20):
        RegistrationFactory(
            event=one,
            background=staff if index % 2 else ngo,
            attendance=Attendance.PRESENT if index < 12 else Attendance.ABSENT,
        )
    for index in range(8):
        RegistrationFactory(
            event=two,
            background=staff,
            status=Status.CANCELLED if index == 7 else Status.CONFIRMED,
            attendance=Attendance.PRESENT if index < 4 else Attendance.ABSENT,
        )
    WalkIn.objects.create(event=two, background=ngo, count=2)
    ReportedFigure.objects.create(
        project=project, key="trainings.present_total", value=20, label="Osallistujia yhteensä"
    )
    return one, two


def test_event_stats_of_a_project(client, world, stats_world):
    one, two = stats_world
    body = client.get(f"/api/v1/projects/{world.project.slug}/event-stats").json()
    assert (body["project"], body["kind"], body["min_cell_size"]) == (
        "yhdessa-osallisuutta",
        "training",
        5,
    )
    assert body["totals"] == {"events": 2, "registered": 28, "present": 18}
    assert [(e["id"], e["registered"], e["present"]) for e in body["events"]] == [
        (one.pk, 20, 12),
        (two.pk, 8, 6),
    ]
    assert body["themes"] == [
        {"theme": "Osallistuva budjetointi", "events": 1, "registered": 20, "present": 12},
        {"theme": "Avoimet tilat", "events": 1, "registered": 8, "present": 6},
    ]
    assert [(y["year"], y["present"]) for y in body["years"]] == [(2022, 12), (2023, 6)]
    # Staff: 6 + 4 present; NGOs: 6 + 2 walk-ins.
    assert body["background"] == {
        "categories": [
            {
                "id": world.registration.background_id,
                "name": "Kuntien työntekijät",
                "present": 10,
                "share_pct": pytest.approx(100 * 10 / 18),
            },
            {
                "id": body["background"]["categories"][1]["id"],
                "name": "Järjestöt",
                "present": 8,
                "share_pct": pytest.approx(100 * 8 / 18),
            },
        ],
        "known": 18,
        "total": 18,
        "suppressed": False,
    }
    assert body["reported"] == [
        {
            "key": "trainings.present_total",
            "label": "Osallistujia yhteensä",
            "printed": 20,
            "records": 18,
            "difference": 2,
            "source": "",
        }
    ]


def test_event_stats_hide_small_counts(client, world, stats_world):
    one, _two = stats_world
    WalkIn.objects.create(event=one, background=None, count=2)  # 2 of unknown background
    body = client.get(f"/api/v1/projects/{world.project.slug}/event-stats").json()
    categories = body["background"]["categories"]
    assert [(c["name"], c["present"]) for c in categories] == [
        ("Kuntien työntekijät", 10),
        ("Järjestöt", None),
        ("Ei tiedossa", None),
    ]
    assert body["background"]["suppressed"] is True
    assert body["background"]["total"] == 20


def test_event_stats_of_another_kind_and_of_missing_projects(client, world, stats_world):
    slug = world.project.slug
    body = client.get(f"/api/v1/projects/{slug}/event-stats", {"kind": "peer_meeting"}).json()
    assert body["totals"] == {"events": 0, "registered": 0, "present": 0}
    assert client.get(f"/api/v1/projects/{slug}/event-stats", {"kind": "x"}).status_code == 422
    assert client.get("/api/v1/projects/ei-ole/event-stats").status_code == 404
    hidden = ProjectFactory(name_fi="Piilohanke", is_public=False)
    response = client.get(f"/api/v1/projects/{hidden.slug}/event-stats")
    assert response.status_code == 404
    assert response.json() == {"detail": "Hanketta ei löytynyt."}


def test_openapi_documents_the_events_endpoints(client, db):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    registrations = paths["/api/v1/events/{event_id}/registrations"]
    assert set(registrations["post"]["responses"]) == {"201", "400", "404", "409", "422", "429"}
    assert set(registrations["get"]["responses"]) == {"200", "401", "404", "422"}
    assert registrations["post"]["summary"] == "Ilmoittaudu tapahtumaan"
    assert "/api/v1/projects/{slug}/event-stats" in paths
