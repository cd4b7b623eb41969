"""The toolkit section: the seed's six tip lists and how municipalities took them into use."""

import json

import pytest

from tests.experiments.factories import ExperimentFactory
from tests.factories import MunicipalityFactory, ProjectFactory, UserFactory
from tests.toolkit.policy_tips import make_checklist, make_tip_list
from yhdessa.accounts.models import User
from yhdessa.demo import read_facts
from yhdessa.directory.models import Municipality
from yhdessa.reports.document import Section
from yhdessa.reports.scope import ReportScope
from yhdessa.reports.sections import toolkit
from yhdessa.toolkit.models import ChecklistItem

pytestmark = pytest.mark.django_db


def _build(scope: ReportScope) -> Section:
    section = Section(key="toolkit", title="Osallisuuden vinkkilistat")
    toolkit.build(scope, section)
    return section


def _figures(section: Section) -> dict:
    return section.as_json()["figures"]


# --- The demo against the seed -----------------------------------------------------------------


def test_the_six_tip_lists_of_the_seed_in_its_order(public_scope):
    section = _build(public_scope)
    table = section.table("tip_lists")
    assert table is not None
    assert [row[0] for row in table.rows] == read_facts()["tip_lists_fi"]
    assert _figures(section)["tip_lists"] == 6
    meeting_place = next(row for row in table.rows if row[0] == "Kohtaamispaikan vinkkilista")
    # version, then plan / do / follow up and their sum, then the public address
    assert meeting_place[1] == 1
    assert meeting_place[3:] == [4, 5, 3, 12, "/tips/kohtaamispaikka/"]
    assert [chart.table_key for chart in section.charts] == ["tip_lists", "checklists"]


def test_adoption_shows_nivalas_checklist_and_its_progress(public_scope):
    section = _build(public_scope)
    table = section.table("checklists")
    assert table is not None
    assert table.rows == [["Nivala", "Kohtaamispaikan vinkkilista", 1, 4, 12, 33.3]]
    assert _figures(section) == {
        "tip_lists": 6,
        "checklists": 1,
        "municipalities": 1,
        "checklist_items_done": 4,
        "checklist_items": 12,
    }


def test_no_owner_of_a_checklist_task_reaches_the_report(public_scope):
    owner = UserFactory(first_name="Outi", last_name="Omistaja", email="outi.omistaja@example.fi")
    ChecklistItem.objects.filter(checklist__tip_list__slug="kohtaamispaikka").update(
        owner=owner, done_by=owner
    )
    text = json.dumps(_build(public_scope).as_json(), ensure_ascii=False, default=str)
    assert "Omistaja" not in text and "outi.omistaja" not in text
    assert "Kohtaamispaikan vinkkilista" in text  # the check reads the real section


# --- A municipality's own report ---------------------------------------------------------------


def test_a_municipal_report_shows_its_own_checklists_only(demo_project, db):
    nivala = Municipality.objects.get(name_fi="Nivala")
    section = _build(ReportScope(project=demo_project, municipality=nivala))
    assert section.table("tip_lists") is None  # the lists are the project's
    assert section.table("checklists").rows[0][:2] == ["Nivala", "Kohtaamispaikan vinkkilista"]
    assert "municipalities" not in _figures(section)


def test_a_municipality_without_checklists_says_so(demo_project, db):
    sievi = Municipality.objects.get(name_fi="Sievi")
    section = _build(ReportScope(project=demo_project, municipality=sievi))
    assert section.is_empty
    assert "ei ole ottanut" in section.empty_message


# --- Links to the records -----------------------------------------------------------------------


def test_staff_get_links_to_the_lists_and_the_checklist(demo_project, db):
    admin = User.objects.get(email="paakayttaja@yhdessa.example")
    section = _build(ReportScope.for_reader(demo_project, admin))
    assert section.table("tip_lists").url_of(0) == "/staff/tips/teemaviikot/edit/"
    assert section.table("checklists").url_of(0).startswith("/staff/checklists/")


def test_the_public_gets_no_links(public_scope):
    section = _build(public_scope)
    urls = section.table("tip_lists").row_urls + section.table("checklists").row_urls
    assert urls and not any(urls)


# --- Records of other kinds and sizes -----------------------------------------------------------


def _adopted(size: int):
    """A project with two lists, each adopted by ``size`` municipalities (through an experiment
    or by the municipality itself), and another project's list adopted too."""
    project = ProjectFactory()
    lists = [make_tip_list(project, slug=f"lista-{project.pk}-{n}") for n in range(2)]
    municipalities = [MunicipalityFactory() for _number in range(size)]
    project.partner_municipalities.set(municipalities)
    for municipality in municipalities:
        experiment = ExperimentFactory(project=project, municipality=municipality)
        make_checklist(lists[0], experiment=experiment)
        make_checklist(lists[1], municipality=municipality)
    other = make_tip_list(ProjectFactory(), slug=f"muu-{project.pk}")
    make_checklist(other, municipality=municipalities[0])
    return project


def test_several_checklists_of_a_municipality_link_to_the_checklist_list():
    project = ProjectFactory()
    tip_list = make_tip_list(project, slug="monta-tarkistuslistaa")
    municipality = MunicipalityFactory(name_fi="Aakkoskunta")
    project.partner_municipalities.add(municipality)
    for _experiment in range(2):
        ExperimentFactory(project=project, municipality=municipality)
    for experiment in project.experiments.all():
        make_checklist(tip_list, experiment=experiment)
    ChecklistItem.objects.filter(phase="plan").update(done_at="2022-03-01T12:00:00Z")
    scope = ReportScope(project=project, traceable=True)
    table = _build(scope).table("checklists")
    assert table.rows == [["Aakkoskunta", "Teemaviikkojen vinkkilista", 2, 2, 6, 33.3]]
    assert table.url_of(0) == "/staff/checklists/"


@pytest.mark.parametrize("size", [1, 12])
def test_the_queries_do_not_grow_with_the_records(size, django_assert_num_queries):
    project = _adopted(size)
    with django_assert_num_queries(4):  # lists, their items, checklists, municipalities
        section = _build(ReportScope(project=project))
    assert _figures(section)["checklists"] == 2 * size  # not the other project's
    assert len(section.table("checklists").rows) == 2 * size


def test_a_town_outside_the_project_keeps_its_checklists_to_itself():
    """The lists are public: anyone may adopt one, but only partners' use is the project's."""
    project = ProjectFactory()
    tip_list = make_tip_list(project, slug="kaikille-avoin")
    partner, outsider = MunicipalityFactory(name_fi="Kumppani"), MunicipalityFactory()
    project.partner_municipalities.add(partner)
    make_checklist(tip_list, municipality=partner)
    make_checklist(tip_list, municipality=outsider)
    table = _build(ReportScope(project=project)).table("checklists")
    assert [row[0] for row in table.rows] == ["Kumppani"]
