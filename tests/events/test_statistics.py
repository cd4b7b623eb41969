"""Attendance statistics on a small hand-made data set whose every figure is known."""

import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.template.loader import render_to_string
from django.utils import timezone

from tests.factories import (
    BackgroundCategoryFactory,
    EventFactory,
    ProjectFactory,
    RegistrationFactory,
)
from yhdessa.events import statistics
from yhdessa.events.models import Attendance, Event, Registration, Theme, WalkIn
from yhdessa.projects.models import ReportedFigure

HELSINKI = ZoneInfo("Europe/Helsinki")
Status = Registration.Status
PRESENT, ABSENT = Attendance.PRESENT, Attendance.ABSENT


def helsinki(*args: int) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=HELSINKI)


def sign_ups(event, background, *rows):
    """rows: (status, attendance, how many)."""
    for status, attendance, count in rows:
        for _ in range(count):
            RegistrationFactory(
                event=event, background=background, status=status, attendance=attendance
            )


@pytest.fixture
def data(db):
    """Two themes, four trainings around New Year, and events that must not be counted.

    Sleep (theme 1):   training A, 2022-03-01: 6 confirmed (5 present), 2 waitlisted (1 came),
                       2 cancelled (1 came anyway), walk-ins 3 (NGO) + 1 (unknown)
                       training B, 2022-12-31 23:30 Helsinki (21:30 UTC): 4 confirmed, 3 present
    Encounters (2):    training C, 2023-01-01 00:30 Helsinki (still 2022 in UTC): 10 confirmed,
                       8 present
    No theme:          training D, 2023-05-01: 1 confirmed, present
    """
    project = ProjectFactory(name_fi="Tilastohanke")
    staff = BackgroundCategoryFactory(project=project, name_fi="Kuntien työntekijät", position=0)
    ngo = BackgroundCategoryFactory(project=project, name_fi="Järjestöt", position=1)
    sleep = Theme.objects.create(project=project, name_fi="Uni", position=1)
    encounters = Theme.objects.create(project=project, name_fi="Kohtaaminen", position=0)

    def training(theme, starts_at, **fields):
        return EventFactory(
            project=project,
            theme=theme,
            starts_at=starts_at,
            ends_at=starts_at + datetime.timedelta(hours=2),
            capacity=None,
            **fields,
        )

    a = training(sleep, helsinki(2022, 3, 1, 13))
    sign_ups(a, staff, (Status.CONFIRMED, PRESENT, 5), (Status.CONFIRMED, ABSENT, 1))
    sign_ups(a, ngo, (Status.WAITLISTED, PRESENT, 1), (Status.WAITLISTED, ABSENT, 1))
    sign_ups(a, ngo, (Status.CANCELLED, PRESENT, 1), (Status.CANCELLED, ABSENT, 1))
    WalkIn.objects.create(event=a, background=ngo, count=3)
    WalkIn.objects.create(event=a, background=None, count=1)
    b = training(sleep, helsinki(2022, 12, 31, 23, 30), is_public=False)
    sign_ups(b, staff, (Status.CONFIRMED, PRESENT, 3), (Status.CONFIRMED, Attendance.UNKNOWN, 1))
    c = training(encounters, helsinki(2023, 1, 1, 0, 30))
    sign_ups(c, staff, (Status.CONFIRMED, PRESENT, 4), (Status.CONFIRMED, ABSENT, 1))
    sign_ups(c, ngo, (Status.CONFIRMED, PRESENT, 4), (Status.CONFIRMED, ABSENT, 1))
    d = training(None, helsinki(2023, 5, 1, 10))
    sign_ups(d, None, (Status.CONFIRMED, PRESENT, 1))

    # Not counted: a cancelled training, a peer meeting, another project's training.
    cancelled = training(sleep, helsinki(2022, 4, 1, 10), cancelled_at=timezone.now())
    sign_ups(cancelled, staff, (Status.CONFIRMED, PRESENT, 7))
    meeting = training(None, helsinki(2022, 5, 1, 10), kind=Event.Kind.PEER_MEETING)
    sign_ups(meeting, staff, (Status.CONFIRMED, PRESENT, 6))
    sign_ups(EventFactory(), None, (Status.CONFIRMED, PRESENT, 9))
    return {
        "project": project,
        "events": (a, b, c, d),
        "themes": (sleep, encounters),
        "backgrounds": (staff, ngo),
    }


def test_counts_of_one_event_follow_the_definitions(data):
    a = data["events"][0]
    counts, background = statistics.event_statistics(a)
    assert counts == statistics.Counts(
        registered=10, confirmed=6, waitlisted=2, cancelled=2, present_registered=7, walk_ins=4
    )
    # Present: 5 confirmed + 1 waitlisted + 1 who cancelled but came + 4 walk-ins.
    assert counts.present == 11
    assert counts.attendance_rate == pytest.approx(11 / 6)  # walk-ins take it over 100 %
    assert [(row.label, row.count) for row in background.rows] == [
        ("Kuntien työntekijät", 5),
        ("Järjestöt", 5),  # 1 waitlisted + 1 cancelled who came + 3 walk-ins
        ("Ei tiedossa", 1),
    ]
    assert [row.share for row in background.rows] == [50.0, 50.0, None]
    assert (background.known, background.total) == (10, 11)


def test_attendance_rate_is_none_without_confirmed_seats():
    assert statistics.Counts(registered=2, waitlisted=2).attendance_rate is None
    assert statistics.Counts(confirmed=4, present_registered=3).attendance_rate == 0.75


def test_per_event_rows_are_in_time_order_and_leave_out_cancelled_and_other_kinds(data):
    stats = statistics.training_table(data["project"])
    a, b, c, d = data["events"]
    assert [(row.event, row.registered, row.present) for row in stats.events] == [
        (a, 10, 11),
        (b, 4, 3),
        (c, 10, 8),
        (d, 1, 1),
    ]
    assert stats.events[2].counts.confirmed == 10
    assert stats.events[2].counts.attendance_rate == 0.8


def test_per_theme_rows_follow_the_theme_order_with_events_without_a_theme_last(data):
    stats = statistics.training_table(data["project"])
    assert [(row.label, row.events, row.present, row.registered) for row in stats.themes] == [
        ("Kohtaaminen", 1, 8, 10),
        ("Uni", 2, 14, 14),
        ("Ei teemaa", 1, 1, 1),
    ]
    sleep = stats.themes[1].counts
    assert (sleep.confirmed, sleep.waitlisted, sleep.cancelled) == (10, 2, 2)


def test_years_are_those_of_helsinki_also_around_new_year(data):
    stats = statistics.training_table(data["project"])
    # Training B starts 21:30 UTC on New Year's Eve and C 22:30 UTC: C is in 2023 here.
    assert [(row.key, row.events, row.present, row.registered) for row in stats.years] == [
        (2022, 2, 14, 14),
        (2023, 2, 9, 11),
    ]


def test_years_do_not_follow_the_time_zone_of_the_request(data):
    with timezone.override(ZoneInfo("UTC")):
        stats = statistics.training_table(data["project"])
    assert [(row.key, row.events) for row in stats.years] == [(2022, 2), (2023, 2)]


def test_totals_and_background_of_the_project(data):
    stats = statistics.training_table(data["project"])
    total = stats.total.counts
    assert (total.registered, total.confirmed, total.waitlisted, total.cancelled) == (25, 21, 2, 2)
    assert (total.present, total.walk_ins, stats.total.events) == (23, 4, 4)
    assert total.attendance_rate == pytest.approx(23 / 21)
    rows = [(row.label, row.count, row.share) for row in stats.background.rows]
    # staff 5 + 3 + 4, NGO 5 + 4; unknown: 1 walk-in and D's one person without a background.
    assert rows == [
        ("Kuntien työntekijät", 12, pytest.approx(100 * 12 / 21)),
        ("Järjestöt", 9, pytest.approx(100 * 9 / 21)),
        ("Ei tiedossa", 2, None),
    ]
    assert (stats.background.known, stats.background.total) == (21, 23)


def test_a_category_without_anyone_present_is_shown_as_zero(data):
    BackgroundCategoryFactory(project=data["project"], name_fi="Seurakunnat", position=5)
    stats = statistics.training_table(data["project"])
    assert ("Seurakunnat", 0, 0.0) in [
        (row.label, row.count, row.share) for row in stats.background.rows
    ]


def test_other_kinds_have_their_own_figures(data):
    stats = statistics.project_statistics(data["project"], kind=Event.Kind.PEER_MEETING)
    assert (stats.total.events, stats.total.registered, stats.total.present) == (1, 6, 6)
    assert stats.reported == []


def test_a_project_without_events_has_zero_totals(db):
    stats = statistics.training_table(ProjectFactory())
    assert (stats.total.events, stats.total.registered, stats.total.present) == (0, 0, 0)
    assert stats.events == stats.themes == stats.years == []
    assert stats.background.rows == []


def test_printed_figures_are_set_against_the_records(data):
    project = data["project"]
    ReportedFigure.objects.create(
        project=project, key="trainings.present_total", value=Decimal("30"), label="Osallistujia"
    )
    ReportedFigure.objects.create(
        project=project, key="trainings.registered_total", value=Decimal("25")
    )
    ReportedFigure.objects.create(project=project, key="experiments.cost", value=Decimal("1.5"))
    stats = statistics.training_table(project)
    present = stats.present_reported
    assert (present.printed, present.records, present.difference) == (Decimal(30), 23, 7)
    assert stats.registered_reported.difference == 0
    assert stats.discrepancies == [present]
    assert [c.key for c in stats.reported] == [
        "trainings.present_total",
        "trainings.registered_total",
    ]


def test_query_count_stays_flat_as_data_grows(data, django_assert_max_num_queries):
    project = data["project"]
    with django_assert_max_num_queries(40) as few:
        statistics.training_table(project)
        statistics.public_training_table(project)
    staff, _ngo = data["backgrounds"]
    for index in range(12):
        event = EventFactory(
            project=project,
            theme=Theme.objects.create(project=project, name_fi=f"Teema {index}"),
            starts_at=helsinki(2020 + index, 6, 1, 12),
            ends_at=helsinki(2020 + index, 6, 1, 14),
        )
        sign_ups(event, staff, (Status.CONFIRMED, PRESENT, 3))
        WalkIn.objects.create(event=event, background=staff, count=2)
    with django_assert_max_num_queries(len(few.captured_queries)):
        statistics.training_table(project)
        statistics.public_training_table(project)


# --- Public figures -----------------------------------------------------------------------


def test_public_figures_hide_small_counts_and_one_more(data):
    stats = statistics.public_training_table(data["project"])
    assert stats.protected and stats.threshold == 5
    assert (stats.total.present, stats.total.registered) == (23, 25)
    background = stats.background
    assert [(row.label, row.count) for row in background.rows] == [
        ("Kuntien työntekijät", 12),
        ("Järjestöt", None),  # complementary: 9 would give away the unknown 2
        ("Ei tiedossa", None),
    ]
    assert background.suppressed
    assert [row.share for row in background.rows] == [None, None, None]
    assert (background.known, background.total) == (None, 23)


def test_a_theme_or_year_with_a_hidden_event_is_hidden_too(data):
    stats = statistics.public_training_table(data["project"])
    # Events' present: A 11, B 3, C 8, D 1; B and D are hidden, and C with them, since the
    # total minus A would give B + D = 4 away. Sleep (A + B) would give B away as 14 − 11,
    # and each year holds one of them.
    assert [(row.label, row.present, row.registered) for row in stats.themes] == [
        ("Kohtaaminen", None, 10),
        ("Uni", None, None),
        ("Ei teemaa", None, None),
    ]
    assert [(row.key, row.events, row.present) for row in stats.years] == [
        (2022, 2, None),
        (2023, 2, None),
    ]


def test_a_lone_small_event_is_hidden_with_the_next_smallest(data):
    a, b, c, d = data["events"]
    Registration.objects.filter(event=b).update(attendance=ABSENT)  # B: nobody came
    stats = statistics.public_training_table(data["project"])
    # Present: A 11, B 0, C 8, D 1 → D hidden, and C (the next smallest above zero) with it.
    assert [(row.event, row.present) for row in stats.events] == [(a, 11), (c, None), (d, None)]
    assert [(row.label, row.present) for row in stats.themes] == [
        ("Kohtaaminen", None),
        ("Uni", 11),
        ("Ei teemaa", None),
    ]
    assert stats.total.present == 20


def test_public_event_rows_leave_out_invitation_only_events(data):
    stats = statistics.public_training_table(data["project"])
    a, _invitation_only, c, d = data["events"]
    assert [row.event for row in stats.events] == [a, c, d]
    assert [(row.registered, row.present) for row in stats.events] == [
        (10, 11),
        (10, None),  # the hidden B and D add up to 4: C is hidden so that the sum is not small
        (None, None),
    ]
    assert stats.total.present == 23  # B is counted, though not listed


def test_invitation_only_events_count_in_their_theme(data, settings):
    settings.YHDESSA_MIN_CELL_SIZE = 1
    stats = statistics.public_training_table(data["project"])
    assert len(stats.events) == 3
    assert (stats.themes[1].label, stats.themes[1].present) == ("Uni", 14)


def test_public_figures_show_everything_when_nothing_is_small(data, settings):
    settings.YHDESSA_MIN_CELL_SIZE = 1
    stats = statistics.public_training_table(data["project"])
    assert [row.present for row in stats.themes] == [8, 14, 1]
    assert [row.present for row in stats.years] == [14, 9]
    assert not stats.background.suppressed
    assert stats.background.known == 21


def test_public_comparison_hides_a_small_records_total(db):
    project = ProjectFactory()
    event = EventFactory(project=project)
    sign_ups(event, None, (Status.CONFIRMED, PRESENT, 3))
    ReportedFigure.objects.create(project=project, key="trainings.present_total", value=5)
    (comparison,) = statistics.public_training_table(project).reported
    assert (comparison.printed, comparison.records, comparison.difference) == (5, None, None)
    assert not comparison.differs


# --- The template ----------------------------------------------------------------------------


def test_table_shows_the_printed_figure_the_records_and_the_difference(data):
    project = data["project"]
    ReportedFigure.objects.create(
        project=project, key="trainings.present_total", value=Decimal("30"), label="Osallistujia"
    )
    html = render_to_string(
        "events/includes/training_table.html",
        {"stats": statistics.public_training_table(project)},
    )
    assert "Raportissa ilmoitettu 30, tietueista laskettu 23 (ero 7)." in html
    assert '<caption id="stats-training-themes">' in html
    assert 'aria-labelledby="stats-training-themes" tabindex="0"' in html
    assert (
        '<th scope="row">Uni</th>\n      <td class="number"><span aria-hidden="true">–</span>'
        in html
    )
    assert '<td class="number">10</td>' in html
    assert 'class="visually-hidden">piilotettu</span>' in html
    assert "alle 5 hengen luvut on piilotettu" in html
    assert '<td class="number">57&nbsp;%</td>' not in html  # shares withheld when suppressed


def test_table_without_a_difference_has_no_note(data, settings):
    settings.YHDESSA_MIN_CELL_SIZE = 1
    project = data["project"]
    ReportedFigure.objects.create(project=project, key="trainings.present_total", value=23)
    html = render_to_string(
        "events/includes/training_table.html",
        {"stats": statistics.public_training_table(project)},
    )
    assert "Raportissa ilmoitettu 23" not in html
    assert '<td class="number">57&nbsp;%</td>' in html  # 12 of the 21 with a known background
    assert "Osuudet on laskettu niistä 21 osallistujasta" in html
