"""Organisers download the participant list; spreadsheets never run what registrants typed."""

import csv
import datetime
import io

import openpyxl
import pytest
from django.utils import timezone

from tests.conftest import Actor
from tests.factories import RegistrationFactory
from yhdessa.core.models import AuditLogEntry
from yhdessa.core.spreadsheets import neutralise
from yhdessa.events.models import Attendance, Registration

Status = Registration.Status
HEADERS = [
    "Nimi",
    "Sähköposti",
    "Organisaatio",
    "Taustaryhmä",
    "Kotikunta",
    "Tila",
    "Läsnäolo",
    "Erityistarpeet",
    "Ilmoittautunut",
]


@pytest.fixture
def registrations(world):
    event = world.event
    maija = world.registration
    maija.organisation_name = "Nivalan Eläkkeensaajat ry"
    maija.municipality = world.nivala
    maija.needs = "Gluteeniton"
    maija.attendance = Attendance.PRESENT
    maija.save()
    Registration.objects.filter(pk=maija.pk).update(
        created_at=timezone.make_aware(datetime.datetime(2026, 3, 2, 9, 15))
    )
    hostile = RegistrationFactory(
        event=event,
        name='=HYPERLINK("x")',
        organisation_name="+358 40 123",
        needs="@SUM(A1)",
        status=Status.WAITLISTED,
    )
    cancelled = RegistrationFactory(event=event, name="Perttu Perunut", status=Status.CANCELLED)
    return [maija, hostile, cancelled]


def download(client, event, file_format):
    return client.get(f"/staff/events/{event.pk}/participants.{file_format}")


def read_csv(response):
    content = response.content
    assert content.startswith(b"\xef\xbb\xbf")  # Excel reads the BOM as "this is UTF-8"
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))


def read_xlsx(response):
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    return sheet, [list(row) for row in sheet.iter_rows(values_only=True)]


@pytest.mark.parametrize("actor", [Actor.COORDINATOR, Actor.ORGANISER, Actor.PROJECT_ADMIN])
def test_csv_lists_every_registration_with_its_details(client_as, world, registrations, actor):
    response = download(client_as(actor), world.event, "csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    assert response["Content-Disposition"].endswith('-hyva-kohtaaminen.csv"')
    assert "no-store" in response["Cache-Control"]
    rows = read_csv(response)
    assert rows[0] == HEADERS
    assert rows[1] == [
        "Maija Meikäläinen",
        world.registration.email,
        "Nivalan Eläkkeensaajat ry",
        "Kuntien työntekijät",
        "Nivala",
        "Vahvistettu",
        "Paikalla",
        "Gluteeniton",
        "2026-03-02 09:15",
    ]
    assert [row[5] for row in rows[1:]] == ["Vahvistettu", "Jonossa", "Peruttu"]


def test_xlsx_has_the_same_rows_as_real_cells(client_as, world, registrations):
    response = download(client_as(Actor.COORDINATOR), world.event, "xlsx")
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert response["Content-Disposition"].endswith('-hyva-kohtaaminen.xlsx"')
    sheet, rows = read_xlsx(response)
    assert sheet.title == "Osallistujat"
    assert rows[0] == HEADERS
    assert rows[1][:8] == [
        "Maija Meikäläinen",
        world.registration.email,
        "Nivalan Eläkkeensaajat ry",
        "Kuntien työntekijät",
        "Nivala",
        "Vahvistettu",
        "Paikalla",
        "Gluteeniton",
    ]
    assert rows[1][8] == datetime.datetime(2026, 3, 2, 9, 15)
    assert len(rows) == 4


def test_formulas_typed_by_registrants_are_neutralised_in_both_formats(
    client_as, world, registrations
):
    client = client_as(Actor.ORGANISER)
    csv_row = read_csv(download(client, world.event, "csv"))[2]
    assert csv_row[0] == '\'=HYPERLINK("x")'
    assert csv_row[2] == "'+358 40 123"
    assert csv_row[7] == "'@SUM(A1)"
    sheet, rows = read_xlsx(download(client, world.event, "xlsx"))
    assert rows[2][0] == '\'=HYPERLINK("x")'
    assert sheet["A3"].data_type == "s"  # a string, never a formula ("f")
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@A1", "'@A1"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("  =1", "'  =1"),
        ("Maija", "Maija"),
        ("Anna-Liisa", "Anna-Liisa"),
        ("", ""),
    ],
)
def test_neutralise(text, expected):
    assert neutralise(text) == expected


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_every_export_is_logged(client_as, world, registrations, file_format):
    download(client_as(Actor.COORDINATOR), world.event, file_format)
    entry = AuditLogEntry.objects.get(action="events.participants.exported")
    assert entry.actor == world.users[Actor.COORDINATOR]
    assert entry.object_id == str(world.event.pk)
    assert entry.data == {"format": file_format, "rows": 3}


@pytest.mark.parametrize("actor", [Actor.OUTSIDER, Actor.VIEWER, Actor.OTHER_COORDINATOR])
@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_others_get_nothing_and_nothing_is_logged(client_as, world, actor, file_format):
    response = download(client_as(actor), world.event, file_format)
    assert response.status_code == 404
    assert world.registration.email.encode() not in response.content
    assert not AuditLogEntry.objects.exists()


def test_export_of_an_event_without_registrations_has_the_headers(client_as, world):
    world.registration.delete()
    rows = read_csv(download(client_as(Actor.COORDINATOR), world.event, "csv"))
    assert rows == [HEADERS]
    assert AuditLogEntry.objects.get().data == {"format": "csv", "rows": 0}
