"""The demo's trainings and peer meetings reproduce the seed report's figures from records."""

import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from yhdessa import demo
from yhdessa.demo.events import TRAININGS_WITH_BACKGROUND, apportion, interleave
from yhdessa.events import statistics
from yhdessa.events.models import BackgroundCategory, Event, Registration, Theme, WalkIn
from yhdessa.projects.models import Project, ReportedFigure

HELSINKI = ZoneInfo("Europe/Helsinki")
FACTS = demo.read_facts()
SEED = FACTS["trainings"]


@pytest.fixture
def project(db) -> Project:
    demo.load_all(password="demo-salasana-1")
    return Project.objects.get(slug="yhdessa-osallisuutta")


def test_theme_table_equals_the_report(project):
    stats = statistics.training_table(project)
    assert [(row.label, row.present, row.registered) for row in stats.themes] == [
        (row["theme_fi"], row["attended"], row["registered"]) for row in SEED["themes"]
    ]
    assert all(row.events == 1 for row in stats.themes)


def test_totals_come_from_the_records_and_the_printed_235_is_kept_beside_them(project):
    stats = statistics.training_table(project)
    assert (stats.total.present, stats.total.registered, stats.total.events) == (213, 474, 9)
    present = stats.present_reported
    assert (present.printed, present.records, present.difference) == (Decimal(235), 213, 22)
    registered = stats.registered_reported
    assert (registered.printed, registered.records, registered.difference) == (474, 474, 0)
    assert stats.discrepancies == [present]
    assert (
        ReportedFigure.objects.get(key="trainings.present_total").value
        == SEED["totals"]["attended"]
    )


def test_public_table_is_the_same_and_shows_the_difference(project, client):
    stats = statistics.public_training_table(project)
    assert [(row.present, row.registered) for row in stats.themes] == [
        (row["attended"], row["registered"]) for row in SEED["themes"]
    ]
    assert stats.present_reported.difference == 22
    body = client.get("/api/v1/projects/yhdessa-osallisuutta/event-stats").json()
    assert body["totals"] == {"events": 9, "registered": 474, "present": 213}
    assert [(t["theme"], t["present"], t["registered"]) for t in body["themes"]] == [
        (row["theme_fi"], row["attended"], row["registered"]) for row in SEED["themes"]
    ]
    assert body["reported"][0]["difference"] == 22


def test_trainings_per_year_are_as_printed(project):
    stats = statistics.training_table(project)
    assert {row.key: row.events for row in stats.years} == SEED["per_year"]
    period = FACTS["project"]["period"]
    # The seed's own events; the open "Demo:" event lies ahead so that visitors can sign up.
    for event in Event.objects.filter(project=project).exclude(title_fi__startswith="Demo:"):
        assert period["start"] <= event.starts_at.astimezone(HELSINKI).date() <= period["end"]


def test_six_trainings_have_the_printed_background_shares(project):
    trainings = list(Event.objects.filter(project=project, kind=Event.Kind.TRAINING))
    six = [trainings[index] for index in TRAININGS_WITH_BACKGROUND]
    assert [event.title for event in six] == [
        "Kunta-järjestöyhteistyön näkyväksi tekeminen",
        "Huono-osaisuuden karttapalvelu",
        "Osallistuva budjetointi",
        "Kokemustoiminta tueksi kuntatyöhön",
        "Avoimet tilat",
        "Tekoja ihmisten hyväksi",
    ]
    distribution = statistics.background_distribution(
        Event.objects.filter(pk__in=[event.pk for event in six]), project
    )
    printed = SEED["participant_categories_six_trainings"]
    assert [(row.label, round(row.share)) for row in distribution.rows] == [
        (row["category_fi"], row["share_pct"]) for row in printed
    ]
    assert distribution.known == distribution.total == 137
    # The other three asked for no background.
    others = [event for event in trainings if event not in six]
    assert not Registration.objects.filter(event__in=others, background__isnull=False).exists()
    # The project's table shows the same shares of those whose background is known.
    project_shares = statistics.training_table(project).background.rows
    assert [round(row.share) for row in project_shares if row.share is not None] == [
        30,
        23,
        26,
        21,
    ]


def test_background_categories_are_the_reports_in_three_languages(project):
    categories = BackgroundCategory.objects.filter(project=project)
    assert [c.name_fi for c in categories] == [
        row["category_fi"] for row in SEED["participant_categories_six_trainings"]
    ]
    assert all(c.name_sv and c.name_en for c in categories)
    assert all(t.name_sv and t.name_en for t in Theme.objects.filter(project=project))


def test_seven_peer_meetings_on_their_printed_dates(project):
    meetings = Event.objects.filter(project=project, kind=Event.Kind.PEER_MEETING)
    assert [
        (event.starts_at.astimezone(HELSINKI).date(), event.title_fi) for event in meetings
    ] == [(row["date"], row["title_fi"]) for row in FACTS["peer_meetings"]["meetings"]]
    stats = statistics.project_statistics(project, kind=Event.Kind.PEER_MEETING)
    assert all(0 < row.present <= row.registered < 15 for row in stats.events)


def test_invented_people_are_clearly_demo(project):
    registrations = Registration.objects.filter(event__project=project)
    assert registrations.count() == 474 + 62
    assert not registrations.exclude(name__startswith="Demo ").exists()
    assert not registrations.exclude(email__endswith="@example.invalid").exists()
    assert not WalkIn.objects.filter(event__project=project).exists()
    assert not registrations.filter(
        created_at__gte=datetime.datetime(2024, 1, 1, tzinfo=HELSINKI)
    ).exists()


def test_loading_again_changes_nothing(project):
    def snapshot():
        stats = statistics.training_table(project)
        return (
            Event.objects.count(),
            Registration.objects.count(),
            Theme.objects.count(),
            BackgroundCategory.objects.count(),
            ReportedFigure.objects.count(),
            [(row.label, row.present, row.registered) for row in stats.themes],
            [(row.label, row.count) for row in stats.background.rows],
        )

    before = snapshot()
    Registration.objects.filter(event__kind=Event.Kind.TRAINING).update(attendance="unknown")
    demo.load_all(password="demo-salasana-1")
    assert snapshot() == before


def test_apportion_and_interleave_keep_the_counts():
    assert apportion(137, [30, 23, 26, 21]) == [41, 31, 36, 29]
    assert apportion(10, [1, 1, 1]) == [4, 3, 3]
    picks = list(interleave([3, 1, 2]))
    assert sorted(picks) == [0, 0, 0, 1, 2, 2]
    assert picks[:3] != [0, 0, 0]  # spread out, not in blocks
