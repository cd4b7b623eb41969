"""The peer meetings timeline and the partner feedback survey sections."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import EventFactory, MunicipalityFactory, ProjectFactory, RegistrationFactory
from yhdessa.accounts.models import User
from yhdessa.directory.models import Municipality
from yhdessa.events.models import Attendance, Event
from yhdessa.reports.document import Section
from yhdessa.reports.scope import ReportScope
from yhdessa.reports.sections import meetings
from yhdessa.surveys.models import Survey

HELSINKI = ZoneInfo("Europe/Helsinki")
SEED_MEETINGS = [
    (datetime.date(2021, 12, 16), "Hankkeen käynnistys"),
    (datetime.date(2022, 3, 15), "Yhdessä osallisuutta hankkeen arviointi – mitä tietoa kerätään"),
    (datetime.date(2022, 5, 17), "Hankkeesta viestiminen"),
    (datetime.date(2022, 9, 21), "Kehittämistoiminnan juurruttamisen perusteet"),
    (datetime.date(2022, 11, 24), "Juurruttamisen työpaja"),
    (datetime.date(2023, 3, 14), "Osallisuus kuuluu kaikille. Miten se tehdään?"),
    (
        datetime.date(2023, 5, 25),
        "Kumppanikuntien toimintamallien kokeilujen esittely ja kokemusten jakaminen",
    ),
]


def peer_meetings(scope: ReportScope) -> Section:
    section = Section(key="peer_meetings", title="Kuntien vertaistapaamiset")
    meetings.build_peer_meetings(scope, section)
    return section


def partner_feedback(scope: ReportScope) -> Section:
    section = Section(key="partner_feedback", title="Kumppanikuntien palaute")
    meetings.build_partner_feedback(scope, section)
    return section


# --- Peer meetings ----------------------------------------------------------------------------


def test_the_seeds_seven_meetings_in_date_order_with_their_purpose(public_scope):
    section = peer_meetings(public_scope)
    timeline = section.table("timeline")
    assert [(row[0], row[1]) for row in timeline.rows] == SEED_MEETINGS
    assert all(isinstance(row[2], int) for row in timeline.rows)  # invitation-only, yet listed
    values = section.as_json()["figures"]
    assert values["held"] == 7
    assert values["purpose"].startswith("Kehittämistoiminnan kokemusten jakaminen")


def test_staff_get_each_meetings_attendance_list_and_the_public_no_links(demo_project, db):
    admin = User.objects.get(email="paakayttaja@yhdessa.example")
    staff = peer_meetings(ReportScope.for_reader(demo_project, admin)).table("timeline")
    assert all(url.endswith("/attendance/") for url in staff.row_urls)
    public = peer_meetings(ReportScope(project=demo_project)).table("timeline")
    assert not any(public.row_urls)


def test_the_online_meetings_are_not_a_municipalitys_own(demo_project, db):
    nivala = Municipality.objects.get(code="535")
    section = peer_meetings(ReportScope(project=demo_project, municipality=nivala))
    assert section.is_empty
    assert "Nivala" in section.empty_message


def meeting(project, municipality=None, *, present: int, day: int = 1) -> Event:
    starts = datetime.datetime(2022, 5, day, 9, tzinfo=HELSINKI)
    event = EventFactory(
        project=project,
        municipality=municipality,
        kind=Event.Kind.PEER_MEETING,
        starts_at=starts,
        is_public=False,
        description="Kokemusten jakaminen",
    )
    RegistrationFactory.create_batch(present, event=event, attendance=Attendance.PRESENT)
    return event


@pytest.mark.django_db
def test_a_meeting_with_few_people_shows_no_count():
    project = ProjectFactory()
    meeting(project, present=2, day=3)
    meeting(project, present=9, day=4)
    meeting(project, present=11, day=5)
    rows = peer_meetings(ReportScope(project=project)).table("timeline").rows
    assert [row[2] for row in rows] == [None, None, 11]  # two, and its partner


@pytest.mark.django_db
def test_the_peer_meeting_queries_do_not_grow_with_the_data():
    def queries(count: int) -> int:
        project = ProjectFactory()
        town = MunicipalityFactory()
        for day in range(1, count + 1):
            meeting(project, town, present=5 + day, day=day)
        with CaptureQueriesContext(connection) as captured:
            peer_meetings(ReportScope(project=project))
            peer_meetings(ReportScope(project=project, municipality=town))
        return len(captured.captured_queries)

    assert queries(1) == queries(7)


# --- Partner feedback -------------------------------------------------------------------------


def test_the_partner_survey_has_the_seeds_invitations_answers_and_rate(public_scope):
    section = partner_feedback(public_scope)
    values = section.as_json()["figures"]
    assert values == {"invited": 13, "responses": 6, "response_rate": 46.2}


def test_what_they_answered_stays_out_while_the_surveys_results_are_not_public(public_scope):
    section = partner_feedback(public_scope)  # the demo's partner survey is not public
    assert section.table("statements") is None
    assert not section.charts
    assert section.as_json()["lists"]["findings"] == ["Kyselyn tulokset eivät ole julkisia."]
    assert section.as_json()["figures"]["responses"] == 6  # how many answered is told


def test_its_findings_are_the_protected_results_of_its_statements(public_scope):
    Survey.objects.filter(title_fi="Kumppanikysely 2022").update(is_public=True)
    section = partner_feedback(public_scope)
    statements = section.table("statements")
    assert len(statements.rows) == 5
    assert all(row[1] == 6 for row in statements.rows)
    # Six answers: every agreement count is a small one, and the results page hides them.
    assert all(row[3] is None for row in statements.rows)
    means = {row[0]: row[2] for row in statements.rows}
    assert means["Osaamiseni kunnan ja järjestöjen yhteistyöstä lisääntyi."] == 4.2
    assert means["Opin lisää osallisuuden arvioinnista."] == 3.0
    findings = section.as_json()["lists"]["findings"]
    assert findings[-1].startswith("Opin lisää osallisuuden arvioinnista.")  # least agreed on
    assert section.charts[0].table_key == "statements"


def test_staff_get_the_response_rate_page_and_the_public_none(demo_project, db):
    admin = User.objects.get(email="paakayttaja@yhdessa.example")
    staff = partner_feedback(ReportScope.for_reader(demo_project, admin))
    rate = next(figure for figure in staff.figures if figure.key == "response_rate")
    assert rate.source_url.endswith("/invitations/")
    public = partner_feedback(ReportScope(project=demo_project))
    assert not any(figure.source_url for figure in public.figures)


def test_a_municipal_report_has_only_its_own_answers(demo_project, db):
    # The demo's partner answers do not say the municipality: none is any one town's.
    nivala = Municipality.objects.get(code="535")
    section = partner_feedback(ReportScope(project=demo_project, municipality=nivala))
    assert section.is_empty
    assert "Nivala" in section.empty_message


@pytest.mark.django_db
def test_a_project_without_a_partner_survey_says_so():
    section = partner_feedback(ReportScope(project=ProjectFactory()))
    assert section.is_empty and section.empty_message
