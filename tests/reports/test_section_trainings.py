"""The trainings section: the seed's figures from the demo, municipal scope, protection, links
to the staff pages and a query count that does not grow with the data."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import (
    BackgroundCategoryFactory,
    EventFactory,
    MunicipalityFactory,
    ProjectFactory,
    RegistrationFactory,
)
from yhdessa.accounts.models import User
from yhdessa.directory.models import Municipality
from yhdessa.events.models import Attendance, Theme
from yhdessa.reports.builder import build_report
from yhdessa.reports.document import Section
from yhdessa.reports.scope import ReportScope
from yhdessa.reports.sections import trainings

HELSINKI = ZoneInfo("Europe/Helsinki")


def built(scope: ReportScope) -> Section:
    section = Section(key="trainings", title="Valmennukset")
    trainings.build(scope, section)
    return section


def figures(section: Section) -> dict:
    return section.as_json()["figures"]


# --- The demo against the seed ----------------------------------------------------------------


def test_the_demo_gives_the_seeds_trainings_per_year_and_totals(public_scope):
    section = built(public_scope)
    assert figures(section) == {"held": 9, "registered": 474, "present": 213}
    assert section.table("per_year").rows == [
        ["2021", 1, 138, 40],
        ["2022", 7, 301, 143],
        ["2023", 1, 35, 30],
    ]
    assert [chart.table_key for chart in section.charts] == ["per_year", "themes", "background"]
    assert all(chart.svg.lstrip().startswith("<") for chart in section.charts)


def test_the_theme_table_is_the_seeds_with_years(public_scope):
    rows = built(public_scope).table("themes").rows
    assert len(rows) == 9
    assert rows[0] == ["Osallisuuden vahvistaminen ja yksinäisyyden vähentäminen", "2021", 138, 40]
    assert rows[-1] == ["Tekoja ihmisten hyväksi", "2023", 35, 30]
    assert sum(row[2] for row in rows) == 474
    assert sum(row[3] for row in rows) == 213  # the printed 235 is not what the records say


def test_background_shares_are_the_seeds_rounded_to_one_decimal(public_scope):
    rows = {row[0]: row[1:] for row in built(public_scope).table("background").rows}
    assert rows["Kuntien työntekijät"] == [41, 29.9]
    assert rows["Järjestöt"] == [31, 22.6]
    assert rows["Seurakunnat, ammattikorkeakoulut, pienyritykset, toiminimet"] == [36, 26.3]
    assert rows["Muut asiasta kiinnostuneet"] == [29, 21.2]
    assert rows["Ei tiedossa"] == [76, None]  # the first three trainings did not ask


def test_the_printed_total_shows_in_the_discrepancies(public_scope):
    built(public_scope)
    printed = {one.key: (one.printed, one.records) for one in public_scope.comparisons}
    assert printed["trainings.present_total"] == (235, 213)
    assert printed["trainings.registered_total"] == (474, 474)

    report = build_report(ReportScope(project=public_scope.project))
    differing = report.section("discrepancies").table("differing")
    assert ["Osallistujia yhteensä", 235, 213, 22] in [row[:4] for row in differing.rows]


# --- Municipal report -------------------------------------------------------------------------


def test_a_municipal_report_has_the_trainings_held_there(demo_project, db):
    nivala = Municipality.objects.get(code="535")
    scope = ReportScope(project=demo_project, municipality=nivala)
    section = built(scope)
    assert figures(section) == {"held": 1, "registered": 33, "present": 10}
    assert section.table("themes").rows == [["Hyvä kohtaaminen", "2022", 33, 10]]
    assert scope.comparisons == []  # the printed totals are the whole project's


def test_a_municipality_without_trainings_says_so(demo_project, db):
    utajarvi = Municipality.objects.get(code="889")
    section = built(ReportScope(project=demo_project, municipality=utajarvi))
    assert section.is_empty
    assert "Utajärvi" in section.empty_message


# --- Links ------------------------------------------------------------------------------------


def test_staff_get_links_to_the_attendance_lists_and_the_public_none(demo_project, db):
    admin = User.objects.get(email="paakayttaja@yhdessa.example")
    staff = built(ReportScope.for_reader(demo_project, admin))
    themes = staff.table("themes")
    assert all(url.startswith("/staff/events/") for url in themes.row_urls)
    assert themes.row_urls[0].endswith("/attendance/")
    present = next(figure for figure in staff.figures if figure.key == "present")
    assert present.source_url == f"/staff/projects/{demo_project.slug}/events/"

    public = built(ReportScope(project=demo_project))
    assert not any(public.table("themes").row_urls)
    assert not any(figure.source_url for figure in public.figures)


# --- Protection -------------------------------------------------------------------------------


def training(project, municipality=None, *, present, absent=0, year=2022, theme=None):
    starts = datetime.datetime(year, 3, 1 + present, 13, tzinfo=HELSINKI)
    event = EventFactory(
        project=project, municipality=municipality, theme=theme, starts_at=starts, capacity=None
    )
    RegistrationFactory.create_batch(present, event=event, attendance=Attendance.PRESENT)
    RegistrationFactory.create_batch(absent, event=event, attendance=Attendance.ABSENT)
    return event


@pytest.mark.django_db
def test_a_small_training_is_hidden_with_a_partner_and_in_its_municipality():
    project = ProjectFactory()
    town = MunicipalityFactory()
    training(project, present=12, absent=1)
    training(project, present=8, absent=2)
    training(project, town, present=3, absent=9)  # three people were there: hidden

    section = built(ReportScope(project=project))
    present = [row[3] for row in section.table("themes").rows]
    assert present.count(None) == 2  # the small one and its partner (8), not recoverable
    assert 3 not in present and figures(section)["present"] == 23

    municipal = built(ReportScope(project=project, municipality=town))
    assert municipal.table("themes").rows[0][3] is None
    assert figures(municipal)["present"] is None  # its total is the hidden training


# --- Queries ----------------------------------------------------------------------------------


def queries_for(trainings_per_theme: int) -> int:
    project = ProjectFactory()
    town = MunicipalityFactory()
    category = BackgroundCategoryFactory(project=project)
    for position in range(2):
        theme = Theme.objects.create(project=project, name=f"Teema {position}", position=position)
        for number in range(trainings_per_theme):
            event = training(project, town, present=6, absent=number, theme=theme)
            event.registrations.update(background=category)
    with CaptureQueriesContext(connection) as captured:
        built(ReportScope(project=project))
        built(ReportScope(project=project, municipality=town))
    return len(captured.captured_queries)


@pytest.mark.django_db
def test_the_number_of_queries_does_not_grow_with_the_data():
    assert queries_for(1) == queries_for(6)
