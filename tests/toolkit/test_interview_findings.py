"""The theme table (staff, exact) and the findings (public, protected) of a project's
interviews, on the pages and in the API."""

import pytest
from django.urls import reverse

from tests.conftest import Actor
from tests.toolkit.policy_knowledge import make_interview, make_passage, make_theme
from yhdessa.toolkit import interview_selectors as selectors
from yhdessa.toolkit.models import Interview, Sector

pytestmark = pytest.mark.django_db


def _coded(world, count, *themes, sector=Sector.MUNICIPALITY, publishable=False):
    """``count`` interviews in Nivala, each with one passage of ``themes``."""
    for number in range(count):
        interview = make_interview(world.project, world.nivala, sector=sector, role=f"r{number}")
        make_passage(interview, *themes, text=f"Lainaus {number}", publishable=publishable)


def test_theme_table_counts_each_interview_once_by_sector(world, client_as):
    communication = make_theme(world.project, "Viestintä")
    documents = make_theme(world.project, "Asiakirjat", 1)
    interview = make_interview(world.project, world.nivala)
    make_passage(interview, communication, text="Ensimmäinen")
    make_passage(interview, communication, documents, text="Toinen")
    make_passage(make_interview(world.project, world.nivala, sector=Sector.NGO), communication)
    table = selectors.theme_table(Interview.objects.all(), world.project)
    rows = {row.theme.name: row for row in table.rows}
    assert rows["Viestintä"].interviews == 2
    assert rows["Viestintä"].by_sector == {"municipality": 1, "ngo": 1}
    assert rows["Asiakirjat"].interviews == 1
    assert [row.theme.name for row in table.rows] == ["Viestintä", "Asiakirjat"]


def test_theme_table_page_counts_what_the_coordinator_reads(
    world, client_as, django_assert_max_num_queries
):
    theme = make_theme(world.project, "Viestintä")
    _coded(world, 6, theme)
    make_passage(make_interview(world.project, world.sievi, role="Sievin rooli"), theme)
    url = reverse("toolkit:theme_table", kwargs={"slug": world.project.slug})
    client = client_as(Actor.COORDINATOR)
    with django_assert_max_num_queries(16):
        content = client.get(url).content.decode()
    assert "6 haastattelua" in content and "Sievin rooli" not in content
    assert "Lainaus 0" in content and "ei julkaista" in content


def test_findings_hide_small_counts_and_unpublishable_quotes(world, client):
    communication = make_theme(world.project, "Viestintä ja tiedon löytyminen")
    resources = make_theme(world.project, "Resurssit", 1)
    _coded(world, 8, communication, publishable=True)
    _coded(world, 2, communication, resources)
    found = selectors.findings(world.project)
    counts = {finding.theme.name: finding.interviews for finding in found.findings}
    assert counts == {"Viestintä ja tiedon löytyminen": 10, "Resurssit": None}
    assert found.interviews == 10
    assert found.main_theme and found.main_theme.theme == communication
    response = client.get(reverse("toolkit:project_findings", kwargs={"slug": world.project.slug}))
    content = response.content.decode()
    assert "Eniten mainittu teema: Viestintä ja tiedon löytyminen." in content
    assert "piilotettu" in content
    assert content.count("<blockquote>") == 8  # the publishable quotes only


def test_theme_count_is_hidden_when_those_without_it_are_few(world):
    theme = make_theme(world.project, "Viestintä")
    other = make_theme(world.project, "Muu teema", 1)
    _coded(world, 7, theme)
    _coded(world, 2, other)  # 9 interviews: 7 with the theme, 2 without
    counts = {f.theme.name: f.interviews for f in selectors.findings(world.project).findings}
    assert counts == {"Viestintä": None, "Muu teema": None}
    assert selectors.findings(world.project).main_theme is None


def test_findings_of_few_interviews_show_no_counts(world):
    theme = make_theme(world.project, "Viestintä")
    _coded(world, 3, theme)
    found = selectors.findings(world.project)
    assert found.interviews is None
    assert [finding.interviews for finding in found.findings] == [None]
    assert set(found.by_sector.values()) == {None}


def test_findings_api_protects_counts_and_quotes(world, client):
    theme = make_theme(world.project, "Viestintä")
    small = make_theme(world.project, "Pieni", 1)
    _coded(world, 5, theme, publishable=True)
    _coded(world, 5, theme)
    _coded(world, 1, small)
    _coded(world, 4, make_theme(world.project, "Muu", 2))
    url = reverse("api:get_project_findings", kwargs={"slug": world.project.slug})
    body = client.get(url).json()
    assert body["interviews"] == 15 and body["main_theme"] == "Viestintä"
    themes = {row["theme"]: row for row in body["themes"]}
    assert themes["Viestintä"]["interviews"] == 10
    assert themes["Pieni"] == themes["Pieni"] | {"interviews": None, "suppressed": True}
    assert len(body["quotes"]) == 5
    assert {quote["themes"][0] for quote in body["quotes"]} == {"Viestintä"}


def test_interviews_api_gives_coordinators_their_own(world, client_as):
    theme = make_theme(world.project, "Viestintä")
    make_passage(make_interview(world.project, world.nivala, role="Nivalan rooli"), theme)
    make_interview(world.project, world.sievi, role="Sievin rooli")
    url = reverse("api:list_project_interviews", kwargs={"slug": world.project.slug})
    nivala = client_as(Actor.COORDINATOR).get(url).json()
    assert [item["interviewee_role"] for item in nivala["items"]] == ["Nivalan rooli"]
    assert nivala["items"][0]["passages"][0]["themes"] == ["Viestintä"]
    assert nivala["items"][0]["municipality"] == "535"
    admin = client_as(Actor.PROJECT_ADMIN).get(url).json()
    assert admin["count"] == 2
