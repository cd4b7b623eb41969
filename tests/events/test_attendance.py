"""Organisers mark who came, add walk-ins and import attendance lists; others cannot."""

import io

import openpyxl
import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.conftest import Actor
from tests.factories import BackgroundCategoryFactory, RegistrationFactory
from yhdessa.core.models import AuditLogEntry
from yhdessa.events.models import Attendance, Registration, WalkIn

Status = Registration.Status
STAFF = [Actor.COORDINATOR, Actor.ORGANISER, Actor.PROJECT_ADMIN]
NOT_STAFF = [Actor.OUTSIDER, Actor.VIEWER, Actor.OTHER_COORDINATOR]
HTMX = {"HX-Request": "true"}


def page_url(event):
    return f"/staff/events/{event.pk}/attendance/"


def mark_url(registration):
    return f"/staff/events/{registration.event_id}/attendance/{registration.pk}/"


def attendance_of(registration):
    return Registration.objects.get(pk=registration.pk).attendance


def snapshot(event):
    """Every registration's attendance, to show that a refused request changed nothing."""
    return dict(event.registrations.values_list("pk", "attendance"))


# Marking -------------------------------------------------------------------------------------


@pytest.mark.parametrize("actor", STAFF)
def test_staff_mark_present_then_absent_then_undo(client_as, world, actor):
    client, registration = client_as(actor), world.registration
    response = client.post(mark_url(registration), {"attendance": "present"})
    assert response.status_code == 302
    assert response["Location"] == f"{page_url(world.event)}#registration-{registration.pk}"
    assert attendance_of(registration) == Attendance.PRESENT
    client.post(mark_url(registration), {"attendance": "absent"})
    assert attendance_of(registration) == Attendance.ABSENT
    client.post(mark_url(registration), {"attendance": "unknown"})
    assert attendance_of(registration) == Attendance.UNKNOWN
    assert Registration.objects.get(pk=registration.pk).status == Status.CONFIRMED


def test_marking_without_javascript_says_what_happened(client_as, world):
    response = client_as(Actor.COORDINATOR).post(
        mark_url(world.registration), {"attendance": "present"}, follow=True
    )
    assert "Maija Meikäläinen: Paikalla." in response.content.decode()


@pytest.mark.parametrize("actor", [*NOT_STAFF, Actor.ANONYMOUS])
def test_other_people_learn_nothing_and_change_nothing(client_as, world, actor):
    client, event = client_as(actor), world.event
    before = snapshot(event)
    expected = 302 if actor == Actor.ANONYMOUS else 404
    upload = SimpleUploadedFile("lista.csv", f"email\n{world.registration.email}\n".encode())
    responses = [
        client.get(page_url(event)),
        client.post(mark_url(world.registration), {"attendance": "present"}, headers=HTMX),
        client.post(f"{page_url(event)}mark-all/"),
        client.post(f"/staff/events/{event.pk}/walk-ins/", {"walkin-count": "4"}),
        client.post(f"{page_url(event)}import/", {"file": upload}),
    ]
    assert [r.status_code for r in responses] == [expected] * len(responses)
    if actor != Actor.ANONYMOUS:
        assert "Maija" not in "".join(r.content.decode() for r in responses)
    assert snapshot(event) == before
    assert not WalkIn.objects.exists()
    assert not AuditLogEntry.objects.filter(action__startswith="events.").exists()


def test_htmx_gets_only_the_changed_row_and_a_signal_to_refresh_the_counts(client_as, world):
    other = RegistrationFactory(event=world.event, name="Matti Virtanen")
    response = client_as(Actor.COORDINATOR).post(
        mark_url(world.registration), {"attendance": "present"}, headers=HTMX
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert response["HX-Trigger"] == "attendance-changed"
    assert html.strip().startswith(f'<tr id="registration-{world.registration.pk}">')
    assert html.strip().endswith("</tr>")
    assert "<html" not in html and other.name not in html
    # The pressed button is marked, and keeps its id so htmx can keep keyboard focus on it.
    assert f'id="mark-{world.registration.pk}-present" aria-pressed="true"' in " ".join(
        html.split()
    )
    assert attendance_of(world.registration) == Attendance.PRESENT


def test_counts_refresh_on_their_own_for_htmx(client_as, world):
    RegistrationFactory(event=world.event, attendance=Attendance.PRESENT)
    response = client_as(Actor.ORGANISER).get(
        page_url(world.event), headers=HTMX | {"HX-Target": "attendance-counts"}
    )
    html = response.content.decode()
    assert "<html" not in html and "<table" not in html
    assert "Paikalla 1, poissa 0, merkitsemättä 1." in html
    assert 'hx-swap-oob="innerHTML"' in html


def test_page_lists_people_with_counts_and_accessible_buttons(client_as, world):
    event = world.event
    RegistrationFactory(
        event=event, name="Jonna Jonossa", status=Status.WAITLISTED, needs="Pyörätuoli"
    )
    RegistrationFactory(event=event, name="Perttu Perunut", status=Status.CANCELLED)
    RegistrationFactory(event=event, name="Anni Absent", attendance=Attendance.ABSENT)
    WalkIn.objects.create(event=event, background=world.registration.background, count=3)
    response = client_as(Actor.COORDINATOR).get(page_url(event))
    html = " ".join(response.content.decode().split())
    counts = response.context["counts"]
    assert counts == {
        "confirmed": 2,
        "waitlisted": 1,
        "present": 0,
        "absent": 1,
        "unmarked": 2,
        "walk_ins": 3,
        "present_total": 3,
    }
    names = [r.name for r in response.context["registrations"]]
    assert names == ["Anni Absent", "Jonna Jonossa", "Maija Meikäläinen"]
    assert "Perttu" not in html
    assert 'Jonna Jonossa <span class="tag">Jonossa</span>' in html
    assert "Pyörätuoli" in html
    # Each button's accessible name says whom it marks.
    assert 'Paikalla<span class="visually-hidden">: Maija Meikäläinen</span>' in html
    assert 'Kumoa<span class="visually-hidden"> merkintä: Maija Meikäläinen</span>' in html
    assert 'role="region" aria-labelledby="registrations-caption" tabindex="0"' in html
    assert "hx-on" not in html and "onclick" not in html and "<script>" not in html


def test_the_event_staff_page_links_to_attendance(client_as, world):
    response = client_as(Actor.ORGANISER).get(f"/staff/events/{world.event.pk}/")
    assert page_url(world.event) in response.content.decode()


def test_mark_all_marks_only_unmarked_confirmed_people(client_as, world):
    event = world.event
    absent = RegistrationFactory(event=event, attendance=Attendance.ABSENT)
    waiting = RegistrationFactory(event=event, status=Status.WAITLISTED)
    cancelled = RegistrationFactory(event=event, status=Status.CANCELLED)
    response = client_as(Actor.ORGANISER).post(f"{page_url(event)}mark-all/", follow=True)
    assert "Paikalla oleviksi merkittiin 1 henkilöä." in response.content.decode()
    assert attendance_of(world.registration) == Attendance.PRESENT
    assert attendance_of(absent) == Attendance.ABSENT
    assert attendance_of(waiting) == Attendance.UNKNOWN
    assert attendance_of(cancelled) == Attendance.UNKNOWN
    entry = AuditLogEntry.objects.get(action="events.attendance.marked_all_present")
    assert entry.data == {"count": 1}


def test_cancelled_registration_and_other_events_people_cannot_be_marked(client_as, world):
    from tests.factories import EventFactory

    cancelled = RegistrationFactory(event=world.event, status=Status.CANCELLED)
    elsewhere = RegistrationFactory(event=EventFactory(project=world.project))
    client = client_as(Actor.PROJECT_ADMIN)
    assert client.post(mark_url(cancelled), {"attendance": "present"}).status_code == 404
    wrong_event = f"/staff/events/{world.event.pk}/attendance/{elsewhere.pk}/"
    assert client.post(wrong_event, {"attendance": "present"}).status_code == 404
    assert attendance_of(cancelled) == attendance_of(elsewhere) == Attendance.UNKNOWN


def test_unknown_attendance_value_is_refused(client_as, world):
    response = client_as(Actor.COORDINATOR).post(mark_url(world.registration), {"attendance": "x"})
    assert response.status_code == 400
    assert attendance_of(world.registration) == Attendance.UNKNOWN


def test_get_does_not_mark(client_as, world):
    response = client_as(Actor.COORDINATOR).get(
        mark_url(world.registration), {"attendance": "present"}
    )
    assert response.status_code == 405
    assert attendance_of(world.registration) == Attendance.UNKNOWN


def test_attendance_page_queries_stay_flat_as_registrations_grow(
    client_as, world, django_assert_max_num_queries
):
    client = client_as(Actor.COORDINATOR)
    with django_assert_max_num_queries(20) as few:
        client.get(page_url(world.event))
    backgrounds = BackgroundCategoryFactory.create_batch(3, project=world.project)
    for background in backgrounds:
        RegistrationFactory.create_batch(10, event=world.event, background=background)
        WalkIn.objects.create(event=world.event, background=background, count=2)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(page_url(world.event))
    assert len(response.context["registrations"]) == 31


# Walk-ins ------------------------------------------------------------------------------------


def test_walk_ins_are_counted_by_background(client_as, world):
    background = world.registration.background
    client = client_as(Actor.COORDINATOR)
    response = client.post(
        f"/staff/events/{world.event.pk}/walk-ins/",
        {"walkin-background": background.pk, "walkin-count": "4"},
    )
    assert response["Location"] == f"{page_url(world.event)}#walk-ins"
    walk_in = WalkIn.objects.get()
    assert (walk_in.event, walk_in.background, walk_in.count) == (world.event, background, 4)
    response = client.get(page_url(world.event))
    assert response.context["counts"]["walk_ins"] == 4
    assert response.context["counts"]["present_total"] == 4
    assert AuditLogEntry.objects.filter(action="events.walk_in.added").exists()


@pytest.mark.parametrize("count", ["0", "-2", "1.5", "kolme", "", "1e3"])
def test_walk_in_count_must_be_a_positive_whole_number(client_as, world, count):
    response = client_as(Actor.ORGANISER).post(
        f"/staff/events/{world.event.pk}/walk-ins/",
        {"walkin-background": "", "walkin-count": count},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Anna määräksi positiivinen kokonaisluku." in html or "Anna määrä." in html
    assert not WalkIn.objects.exists()


def test_walk_in_background_must_be_from_the_events_project(client_as, world):
    foreign = BackgroundCategoryFactory()  # another project's list
    response = client_as(Actor.ORGANISER).post(
        f"/staff/events/{world.event.pk}/walk-ins/",
        {"walkin-background": foreign.pk, "walkin-count": "2"},
    )
    assert response.status_code == 400
    assert not WalkIn.objects.exists()


def test_walk_in_entered_by_mistake_can_be_removed(client_as, world):
    walk_in = WalkIn.objects.create(event=world.event, count=5)
    client = client_as(Actor.COORDINATOR)
    url = f"/staff/events/{world.event.pk}/walk-ins/{walk_in.pk}/delete/"
    assert client.post(url).status_code == 302
    assert not WalkIn.objects.exists()
    assert client.post(url).status_code == 302  # again: already gone, nothing to do


def test_walk_in_of_another_event_cannot_be_removed_through_this_one(client_as, world):
    from tests.factories import EventFactory

    walk_in = WalkIn.objects.create(event=EventFactory(project=world.project), count=5)
    client_as(Actor.ORGANISER).post(f"/staff/events/{world.event.pk}/walk-ins/{walk_in.pk}/delete/")
    assert WalkIn.objects.filter(pk=walk_in.pk).exists()


# Importing an attendance list ----------------------------------------------------------------


@pytest.fixture
def people(world):
    """Three registrations with known addresses, beside Maija from the world."""
    return {
        "aino": RegistrationFactory(event=world.event, name="Aino", email="aino@example.fi"),
        "eino": RegistrationFactory(event=world.event, name="Eino", email="eino@example.fi"),
        "jonna": RegistrationFactory(
            event=world.event, name="Jonna", email="jonna@example.fi", status=Status.WAITLISTED
        ),
    }


def import_file(client, event, name, content):
    upload = SimpleUploadedFile(name, content)
    return client.post(f"/staff/events/{event.pk}/attendance/import/", {"file": upload})


def xlsx(rows):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_import_page_explains_the_format(client_as, world):
    response = client_as(Actor.COORDINATOR).get(f"{page_url(world.event)}import/")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'enctype="multipart/form-data"' in html
    assert "<code>paikalla</code>" in html


def test_import_csv_with_commas(client_as, world, people):
    content = b"email,attendance\nAINO@example.fi,present\neino@example.fi,Absent\n"
    response = import_file(client_as(Actor.COORDINATOR), world.event, "lista.csv", content)
    assert response.status_code == 302
    assert attendance_of(people["aino"]) == Attendance.PRESENT
    assert attendance_of(people["eino"]) == Attendance.ABSENT
    assert attendance_of(world.registration) == Attendance.UNKNOWN  # not on the list
    entry = AuditLogEntry.objects.get(action="events.attendance.imported")
    assert entry.actor == world.users[Actor.COORDINATOR]
    assert entry.data == {"file": "lista.csv", "rows": 2, "present": 1, "absent": 1, "changed": 2}


def test_import_csv_with_semicolons_bom_and_finnish_words(client_as, world, people):
    content = (
        "\ufeffSähköposti;Läsnäolo\r\naino@example.fi;PAIKALLA\r\n;\r\njonna@example.fi;poissa\r\n"
    )
    response = import_file(
        client_as(Actor.ORGANISER), world.event, "Läsnäolo.CSV", content.encode("utf-8")
    )
    assert response.status_code == 302
    assert attendance_of(people["aino"]) == Attendance.PRESENT
    assert attendance_of(people["jonna"]) == Attendance.ABSENT  # waitlisted people count too
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "Läsnäololista tuotiin: paikalla 1, poissa 1 (muuttui 2)."
    ]


def test_import_xlsx(client_as, world, people):
    content = xlsx(
        [
            ["email", "attendance"],
            ["aino@example.fi", "Paikalla"],
            [None, None],
            ["eino@example.fi", "poissa"],
        ]
    )
    response = import_file(client_as(Actor.PROJECT_ADMIN), world.event, "lista.xlsx", content)
    assert response.status_code == 302
    assert attendance_of(people["aino"]) == Attendance.PRESENT
    assert attendance_of(people["eino"]) == Attendance.ABSENT


def test_a_list_of_addresses_alone_marks_everyone_on_it_present(client_as, world, people):
    content = b"email\naino@example.fi\neino@example.fi\n"
    import_file(client_as(Actor.COORDINATOR), world.event, "tulleet.csv", content)
    assert attendance_of(people["aino"]) == attendance_of(people["eino"]) == Attendance.PRESENT
    assert attendance_of(people["jonna"]) == Attendance.UNKNOWN


BAD_FILES = {
    "unknown column": (
        "lista.csv",
        b"email,attendance,nimi\naino@example.fi,present,Aino\n",
        ["Rivi 1: tuntemattomat sarakkeet ”nimi”"],
    ),
    "missing email column": (
        "lista.csv",
        b"attendance\npresent\n",
        ["Rivi 1: sarake email puuttuu"],
    ),
    "unknown address": (
        "lista.csv",
        b"email,attendance\naino@example.fi,present\nkuka@example.fi,present\n",
        [
            "Tuontia ei tehty, eikä mitään muutettu. Korjaa rivi 3 ja tuo tiedosto uudelleen.",
            "Rivi 3: osoitetta kuka@example.fi ei löydy tämän tapahtuman ilmoittautuneista.",
        ],
    ),
    "bad attendance values": (
        "lista.csv",
        b"email;attendance\naino@example.fi;kyll\xc3\xa4\neino@example.fi;present\n"
        b"jonna@example.fi;\n",
        [
            "Korjaa rivit 2 ja 4 ja tuo tiedosto uudelleen.",
            "Rivi 2: läsnäolo ”kyllä” ei kelpaa",
            "Rivi 4: läsnäolo ”” ei kelpaa",
        ],
    ),
    "several faults": (
        "lista.csv",
        b"email,attendance\n,present\naino@example.fi,present\nAINO@example.fi,absent\n"
        b"eino@example.fi,present,extra\n",
        [
            "Korjaa rivit 2, 4 ja 5 ja tuo tiedosto uudelleen.",
            "Rivi 2: sähköpostiosoite puuttuu.",
            "Rivi 4: osoite aino@example.fi on jo rivillä 3.",
            "Rivi 5: arvo sarakkeessa, jolla ei ole nimeä.",
        ],
    ),
    "bad row in xlsx": (
        "lista.xlsx",
        xlsx([["email", "attendance"], ["aino@example.fi", "present"], ["eino@example.fi", 1]]),
        ["Korjaa rivi 3 ja tuo tiedosto uudelleen.", "Rivi 3: läsnäolo ”1” ei kelpaa"],
    ),
    "empty file": ("lista.csv", b"", ["Tiedosto on tyhjä."]),
    "blank lines only": ("lista.csv", b"\n\n;;\n", ["Tiedosto on tyhjä."]),
    "header only": ("lista.csv", b"email,attendance\n", ["vain otsikkorivi"]),
    "wrong file type": ("lista.pdf", b"%PDF-1.7\n", ["Tuo CSV- tai XLSX-tiedosto."]),
    "old excel file": ("lista.xls", b"\xd0\xcf\x11\xe0", ["Tuo CSV- tai XLSX-tiedosto."]),
    "text disguised as xlsx": (
        "lista.xlsx",
        b"email,attendance\naino@example.fi,present\n",
        ["Tiedosto ei ole kelvollinen XLSX-tiedosto."],
    ),
    "not utf-8": (
        "lista.csv",
        "email;attendance\naino@example.fi;paikalla\nöö@example.fi;poissa\n".encode("cp1252"),
        ["Rivi 3: merkistö ei ole UTF-8."],
    ),
    "too large": (
        "lista.csv",
        b"email,attendance\n" + b"aino@example.fi,present\n" * 90_000,
        ["Tiedosto on liian suuri. Suurin sallittu koko on 2 Mt."],
    ),
}


@pytest.mark.parametrize("case", BAD_FILES.keys())
def test_bad_attendance_file_is_refused_whole_with_a_clear_message(client_as, world, people, case):
    name, content, messages = BAD_FILES[case]
    RegistrationFactory(event=world.event, email="present@example.fi", attendance="present")
    before = snapshot(world.event)
    response = import_file(client_as(Actor.COORDINATOR), world.event, name, content)
    assert response.status_code == 400
    errors = response.context["form"].errors["file"]
    for message in messages:
        assert any(message in error for error in errors), (message, errors)
    assert snapshot(world.event) == before
    assert not AuditLogEntry.objects.filter(action="events.attendance.imported").exists()


def test_import_errors_are_shown_on_the_page_tied_to_the_field(client_as, world, people):
    content = b"email,attendance\nkuka@example.fi,present\n"
    response = import_file(client_as(Actor.COORDINATOR), world.event, "lista.csv", content)
    html = response.content.decode()
    assert 'role="alert"' in html
    assert "Rivi 2: osoitetta kuka@example.fi ei löydy" in html
    assert 'aria-invalid="true"' in html


def test_no_file_chosen(client_as, world):
    response = client_as(Actor.COORDINATOR).post(f"{page_url(world.event)}import/", {})
    assert response.status_code == 400
    assert "Valitse tuotava tiedosto." in response.content.decode()


def test_addresses_of_other_events_and_cancelled_sign_ups_are_unknown(client_as, world, people):
    from tests.factories import EventFactory

    RegistrationFactory(event=EventFactory(project=world.project), email="muu@example.fi")
    RegistrationFactory(event=world.event, email="peruttu@example.fi", status=Status.CANCELLED)
    before = snapshot(world.event)
    content = b"email\naino@example.fi\nmuu@example.fi\nperuttu@example.fi\n"
    response = import_file(client_as(Actor.COORDINATOR), world.event, "lista.csv", content)
    assert response.status_code == 400
    assert "Korjaa rivit 3 ja 4" in response.context["form"].errors["file"][0]
    assert snapshot(world.event) == before


def test_services_refuse_what_the_forms_would_never_send(world):
    from django.core.exceptions import ValidationError

    from yhdessa.events import attendance

    cancelled = RegistrationFactory(event=world.event, status=Status.CANCELLED)
    with pytest.raises(ValidationError):
        attendance.attendance_mark(actor=None, registration=cancelled, attendance="present")
    with pytest.raises(ValidationError):
        attendance.attendance_mark(actor=None, registration=world.registration, attendance="x")
    for count in (0, -1, True, 1.5):
        with pytest.raises(ValidationError):
            attendance.walk_in_add(actor=None, event=world.event, background=None, count=count)
    with pytest.raises(ValidationError):
        attendance.walk_in_add(
            actor=None, event=world.event, background=BackgroundCategoryFactory(), count=1
        )
    assert attendance_of(cancelled) == attendance_of(world.registration) == Attendance.UNKNOWN
    assert not WalkIn.objects.exists()
