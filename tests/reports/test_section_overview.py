"""The project summary with its logic model, and the regional cooperation and support."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import EventFactory, MunicipalityFactory, ProjectFactory, RegistrationFactory
from yhdessa.accounts.models import User
from yhdessa.directory.models import Municipality
from yhdessa.events.models import Attendance
from yhdessa.projects.models import ProjectActivity, WorkPackage
from yhdessa.reports.document import Section
from yhdessa.reports.scope import ReportScope
from yhdessa.reports.sections import overview

HELSINKI = ZoneInfo("Europe/Helsinki")


def summary(scope: ReportScope) -> Section:
    section = Section(key="project", title="Hankkeen tiivistelmä")
    overview.build_project(scope, section)
    return section


def cooperation(scope: ReportScope) -> Section:
    section = Section(key="cooperation", title="Alueellinen yhteistyö ja tuki")
    overview.build_cooperation(scope, section)
    return section


# --- The summary ------------------------------------------------------------------------------


def test_the_summary_is_the_seeds_first_page(public_scope):
    document = summary(public_scope).as_json()
    assert document["figures"]["period"] == "1.8.2021–30.9.2023"
    assert document["figures"]["goal"].startswith("Edistää työikäisten työelämän ulkopuolella")
    assert document["figures"]["region"] == "Pohjois-Pohjanmaa"
    assert document["lists"]["partner_municipalities"] == [
        "Haapavesi",
        "Nivala",
        "Raahe",
        "Reisjärvi",
        "Sievi",
        "Utajärvi",
    ]
    assert "Diakonia-ammattikorkeakoulu (Diak)" in document["lists"]["implementers"]
    assert "Euroopan sosiaalirahasto (ESR)" in document["lists"]["funders"]
    assert len(document["lists"]["target_groups"]) == 3


def test_the_headline_figures_are_those_of_the_other_sections(public_scope):
    values = summary(public_scope).as_json()["figures"]
    assert values["trainings"] == 9
    assert values["training_registered"] == 474
    assert values["training_present"] == 213
    assert values["peer_meetings"] == 7
    assert values["experiments"] == 6
    assert values["experiment_participants"] == 107
    # Answers to public surveys only: the life survey's start and end (the partner survey's
    # results are not public).
    assert values["survey_answers"] == 51 + 32
    assert values["publications"] == 17 + 2 + 1 + 1
    assert values["tip_lists"] == 6


def test_the_logic_model_counts_each_work_packages_outputs(public_scope):
    table = summary(public_scope).table("logic_model")
    rows = {row[0]: row for row in table.rows}
    assert list(rows) == ["Viestintä", "Valmennukset", "Kokeilut kunnissa", "Arviointi"]
    assert rows["Valmennukset"][2] == "valmennuksia 9, osallistujia 213, vertaistapaamisia 7"
    assert rows["Kokeilut kunnissa"][2] == "kokeiluja 6, osallistujia 107"
    assert rows["Viestintä"][2] == "julkaisuja 21, vinkkilistoja 6"
    assert rows["Valmennukset"][3].startswith("Osaaminen osallisuudesta")


def test_a_municipal_summary_counts_that_municipality(demo_project, db):
    nivala = Municipality.objects.get(code="535")
    values = summary(ReportScope(project=demo_project, municipality=nivala)).as_json()["figures"]
    assert values["trainings"] == 1 and values["training_present"] == 10
    assert values["peer_meetings"] == 0
    assert values["experiments"] == 1 and values["experiment_participants"] == 13
    assert "publications" not in values  # the whole project's work


def test_staff_get_links_to_the_records_and_the_public_none(demo_project, db):
    admin = User.objects.get(email="paakayttaja@yhdessa.example")
    staff = summary(ReportScope.for_reader(demo_project, admin))
    links = {figure.key: figure.source_url for figure in staff.figures}
    assert links["training_present"] == f"/staff/projects/{demo_project.slug}/events/"
    assert links["experiment_participants"].startswith("/staff/")
    assert not any(
        figure.source_url for figure in summary(ReportScope(project=demo_project)).figures
    )


# --- Protection and queries on factory data ---------------------------------------------------


def add_training(project, municipality, *, present: int, day: int) -> None:
    starts = datetime.datetime(2022, 4, day, 13, tzinfo=HELSINKI)
    event = EventFactory(project=project, municipality=municipality, starts_at=starts)
    RegistrationFactory.create_batch(present, event=event, attendance=Attendance.PRESENT)


@pytest.mark.django_db
def test_a_small_count_is_hidden_in_the_figures_and_the_logic_model():
    project = ProjectFactory()
    WorkPackage.objects.create(project=project, name="Valmennukset", position=0)
    add_training(project, MunicipalityFactory(), present=3, day=1)
    section = summary(ReportScope(project=project))
    assert section.as_json()["figures"]["training_present"] is None
    assert section.table("logic_model").rows[0][2] == (
        "valmennuksia 1, osallistujia piilotettu, vertaistapaamisia 0"
    )


@pytest.mark.django_db
def test_the_summary_queries_do_not_grow_with_the_data():
    def queries(count: int) -> int:
        project = ProjectFactory()
        town = MunicipalityFactory()
        project.partner_municipalities.add(town)
        for position, name in enumerate(["Viestintä", "Valmennukset", "Arviointi"]):
            WorkPackage.objects.create(project=project, name=name, position=position)
        for day in range(1, count + 1):
            add_training(project, town, present=6, day=day)
            activity(project, town, day=day)
        with CaptureQueriesContext(connection) as captured:
            for scope in (
                ReportScope(project=project),
                ReportScope(project=project, municipality=town),
            ):
                summary(scope)
                cooperation(scope)
        return len(captured.captured_queries)

    assert queries(1) == queries(5)


# --- Regional cooperation and support ---------------------------------------------------------


def activity(project, municipality, *, day: int, kind=ProjectActivity.Kind.SUPPORT):
    entry = ProjectActivity.objects.create(
        project=project, kind=kind, title=f"Tuki {day}", starts_on=datetime.date(2022, 1, day)
    )
    entry.municipalities.add(municipality)
    return entry


def test_the_seeds_cooperation_and_support_with_dates_and_the_estimate_note(public_scope):
    section = cooperation(public_scope)
    regional = section.table("regional_cooperation")
    support = section.table("support")
    assert len(regional.rows) == 6 and len(support.rows) == 3
    assert regional.rows[0][0] == "Pohjois-Pohjanmaan kuntien järjestöyhdyshenkilöiden verkostotyö"
    assert regional.rows[0][1] == datetime.date(2021, 10, 1)
    assert "arvioita" in regional.note and "arvioita" in support.note
    assert section.as_json()["figures"] == {"regional_cooperation_count": 6, "support_count": 3}


def test_a_municipality_gets_the_entries_it_took_part_in(demo_project, db):
    reisjarvi = Municipality.objects.get(code="691")
    section = cooperation(ReportScope(project=demo_project, municipality=reisjarvi))
    titles = [row[0] for row in section.table("support").rows]
    assert "Kunnan ja järjestöjen hyvinvointipäivä Reisjärvellä" in titles
    raahe = Municipality.objects.get(code="678")
    others = cooperation(ReportScope(project=demo_project, municipality=raahe))
    assert "Kunnan ja järjestöjen hyvinvointipäivä Reisjärvellä" not in [
        row[0] for row in others.table("support").rows
    ]


def test_staff_get_each_entrys_edit_page(demo_project, db):
    admin = User.objects.get(email="paakayttaja@yhdessa.example")
    staff = cooperation(ReportScope.for_reader(demo_project, admin)).table("support")
    assert all(url.endswith("/edit/") for url in staff.row_urls)
    public = cooperation(ReportScope(project=demo_project)).table("support")
    assert not any(public.row_urls)


@pytest.mark.django_db
def test_a_project_without_entries_says_so():
    section = cooperation(ReportScope(project=ProjectFactory()))
    assert section.is_empty and section.empty_message
