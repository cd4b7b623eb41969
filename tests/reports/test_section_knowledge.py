"""The publications, interviews, lessons and vision sections against the seed report."""

import json
from decimal import Decimal

import pytest

from tests.factories import MunicipalityFactory, ProjectFactory
from tests.toolkit.policy_knowledge import make_interview, make_passage, make_theme
from tests.toolkit.policy_tips import make_publication
from yhdessa.accounts.models import User
from yhdessa.demo import read_facts
from yhdessa.directory.models import Municipality
from yhdessa.projects.models import ReportedFigure
from yhdessa.reports.document import Section
from yhdessa.reports.scope import ReportScope
from yhdessa.reports.sections import knowledge
from yhdessa.toolkit.models import (
    CodedPassage,
    Interview,
    Lesson,
    LessonCategory,
    PublicationKind,
    Sector,
    VisionWord,
)

pytestmark = pytest.mark.django_db


def _build(builder, scope: ReportScope) -> Section:
    section = Section(key=builder.__name__.removeprefix("build_"), title="")
    builder(scope, section)
    return section


def _text(section: Section) -> str:
    return json.dumps(section.as_json(), ensure_ascii=False, default=str)


def _nivala() -> Municipality:
    return Municipality.objects.get(name_fi="Nivala")


# --- Publications ------------------------------------------------------------------------------


def test_publications_by_kind_and_channel_are_the_seeds(public_scope):
    section = _build(knowledge.build_publications, public_scope)
    assert section.table("by_kind_and_channel").rows == [
        ["Blogikirjoitus", "hankesivusto", 17],
        ["Artikkeli", "Dialogi-verkkomedia", 2],
        ["Artikkeli", "Diakin vuosikirja 2022", 1],
        ["Blogikirjoitus", "Pohteen blogi", 1],
    ]
    assert section.as_json()["figures"] == {"total": 21}
    assert section.charts[0].table_key == "by_kind_and_channel"


def test_the_publication_list_has_the_yearbook_article_with_its_urn(public_scope):
    rows = _build(knowledge.build_publications, public_scope).table("publications").rows
    assert len(rows) == 21
    dated = [row[0] for row in rows if row[0]]
    assert dated == sorted(dated)  # oldest first
    yearbook = rows[-1]  # no date: last
    assert yearbook[1] == "Kokemustiedolla vaikuttavia ratkaisuja viheliäisiin ongelmiin"
    assert yearbook[4:] == [
        "URN:NBN:fi:amk-202304276623",
        "https://urn.fi/URN:NBN:fi:amk-202304276623",
    ]
    assert yearbook[0] == ""  # unknown, not None (None would read as a hidden value)


def test_a_printed_total_of_publications_is_checked(demo_project, db):
    ReportedFigure.objects.create(
        project=demo_project, key="publications.total", label="Julkaisuja", value=Decimal(22)
    )
    scope = ReportScope(project=demo_project)
    _build(knowledge.build_publications, scope)
    [comparison] = [one for one in scope.comparisons if one.key == "publications.total"]
    assert (comparison.records, comparison.difference) == (21, Decimal(1))
    municipal = ReportScope(project=demo_project, municipality=_nivala())
    _build(knowledge.build_publications, municipal)
    assert municipal.comparisons == []


def test_staff_get_links_to_the_publications_and_the_public_none(demo_project, public_scope):
    admin = User.objects.get(email="paakayttaja@yhdessa.example")
    staff = _build(knowledge.build_publications, ReportScope.for_reader(demo_project, admin))
    assert staff.figures[0].source_url == "/projects/yhdessa-osallisuutta/publications/"
    assert all(
        url.startswith("/staff/publications/") for url in staff.table("publications").row_urls
    )
    public = _build(knowledge.build_publications, public_scope)
    assert public.figures[0].source_url == ""
    assert not any(public.table("publications").row_urls)


# --- Interviews --------------------------------------------------------------------------------


def test_interview_findings_come_to_the_seeds_key_finding(public_scope):
    section = _build(knowledge.build_interviews, public_scope)
    figures = section.as_json()["figures"]
    assert figures == {"interviews": 10, "key_finding": "Viestintä ja tiedon löytyminen"}
    themes = section.table("themes")
    assert themes.rows[0] == ["Viestintä ja tiedon löytyminen", 10, 100.0]
    assert section.table("by_sector").rows[-1] == ["Yhteensä", 10]
    assert section.charts[0].table_key == "themes"
    assert "Keskeisimmäksi kehittämiskohteeksi" in read_facts()["interviews"]["key_finding_fi"]


def test_small_theme_counts_are_hidden_with_their_share(public_scope):
    rows = _build(knowledge.build_interviews, public_scope).table("themes").rows
    hidden = [row for row in rows if row[1] is None]
    assert hidden and all(row[2] is None for row in hidden)
    sectors = dict(_build(knowledge.build_interviews, public_scope).table("by_sector").rows)
    assert None in sectors.values()  # 5 municipal workers shown, the few others not


def test_only_publishable_quotes_and_nothing_identifying(public_scope, demo_project):
    section = _build(knowledge.build_interviews, public_scope)
    quotes = section.as_json()["lists"]["quotes"]
    passages = CodedPassage.objects.filter(interview__project=demo_project)
    assert len(quotes) == passages.filter(publishable=True).count() > 0
    text = _text(section)
    for passage in passages.filter(publishable=False):
        assert passage.text not in text
    for interview in Interview.objects.filter(project=demo_project):
        assert interview.interviewee_role not in text
        assert interview.notes[:40] not in text
        assert interview.municipality.name not in text


def test_a_municipality_with_few_interviews_shows_only_that_it_had_some(demo_project, db):
    section = _build(
        knowledge.build_interviews, ReportScope(project=demo_project, municipality=_nivala())
    )
    assert section.as_json()["figures"] == {"interviews": None}
    assert section.tables == [] and section.lists == []


def _interviewed(project, municipality, count, theme, *, publishable=False, text="Lainaus"):
    for number in range(count):
        interview = make_interview(project, municipality, role=f"rooli {number}")
        make_passage(interview, theme, text=f"{text} {number}", publishable=publishable)


def test_a_municipal_report_counts_and_quotes_its_own_interviews():
    project = ProjectFactory()
    here, there = MunicipalityFactory(), MunicipalityFactory()
    theme = make_theme(project, "Viestintä")
    _interviewed(project, here, 6, theme, publishable=True, text="Täällä")
    _interviewed(project, there, 5, theme, publishable=True, text="Muualla")
    section = _build(knowledge.build_interviews, ReportScope(project=project, municipality=here))
    assert section.as_json()["figures"]["interviews"] == 6
    quotes = section.as_json()["lists"]["quotes"]
    assert len(quotes) == 6 and not any("Muualla" in quote for quote in quotes)
    everyone = _build(knowledge.build_interviews, ReportScope(project=project))
    assert everyone.as_json()["figures"]["interviews"] == 11


def test_a_municipality_without_interviews_says_so(demo_project, db):
    nowhere = MunicipalityFactory()
    section = _build(
        knowledge.build_interviews, ReportScope(project=demo_project, municipality=nowhere)
    )
    assert section.is_empty and "ei haastateltu" in section.empty_message


def test_staff_get_links_to_the_interviews(demo_project, db):
    admin = User.objects.get(email="paakayttaja@yhdessa.example")
    section = _build(knowledge.build_interviews, ReportScope.for_reader(demo_project, admin))
    urls = {figure.key: figure.source_url for figure in section.figures}
    assert urls == {
        "interviews": "/staff/projects/yhdessa-osallisuutta/interviews/",
        "key_finding": "/staff/projects/yhdessa-osallisuutta/interviews/themes/",
    }


# --- Lessons and vision ------------------------------------------------------------------------


def test_the_seeds_ten_lessons_by_category(public_scope):
    section = _build(knowledge.build_lessons, public_scope)
    lists = section.as_json()["lists"]
    assert sorted(text for items in lists.values() for text in items) == sorted(
        read_facts()["lessons_learned_fi"]
    )
    assert set(lists) <= set(LessonCategory.values)
    assert section.as_json()["figures"] == {"lessons": 10}
    titles = [one.title for one in section.lists]
    assert titles[0] == "Suunnittelu ja käynnistys"  # the categories' order


def test_the_seeds_vision_words_say_their_counts_are_estimates(public_scope):
    table = _build(knowledge.build_vision, public_scope).table("words")
    assert sorted(row[0] for row in table.rows) == sorted(read_facts()["vision_words_fi"])
    assert table.columns == ["Sana", "Mainintoja (arvio)"]
    assert table.rows[0] == ["Minua kuullaan", 14]
    assert "arvioita" in table.note


def test_counted_and_estimated_vision_words_are_told_apart():
    project = ProjectFactory()
    VisionWord.objects.create(project=project, word="Ilo", frequency=4)
    VisionWord.objects.create(
        project=project, word="Toivo", frequency=2, frequency_is_estimate=True
    )
    table = _build(knowledge.build_vision, ReportScope(project=project)).table("words")
    assert table.rows == [["Ilo", 4, ""], ["Toivo", 2, "kyllä"]]
    VisionWord.objects.filter(project=project).update(frequency_is_estimate=False)
    table = _build(knowledge.build_vision, ReportScope(project=project)).table("words")
    assert table.columns == ["Sana", "Mainintoja"] and table.note == ""


@pytest.mark.parametrize(
    "builder",
    [knowledge.build_publications, knowledge.build_lessons, knowledge.build_vision],
)
def test_project_wide_sections_are_left_to_the_project_report(builder, demo_project, db):
    section = _build(builder, ReportScope(project=demo_project, municipality=_nivala()))
    assert section.is_empty
    assert "hankkeen loppuraportissa" in section.empty_message


# --- Queries ------------------------------------------------------------------------------------


def _records(size: int):
    """A project with ``size`` of everything these sections count."""
    project = ProjectFactory()
    municipality = MunicipalityFactory()
    themes = [make_theme(project, f"Teema {n}", n) for n in range(3)]
    for number in range(size):
        kind = PublicationKind.BLOG if number % 2 else PublicationKind.ARTICLE
        make_publication(project, title=f"Julkaisu {number}", kind=kind, channel=f"K{number % 3}")
        interview = make_interview(project, municipality, sector=Sector.NGO, role=f"r{number}")
        make_passage(interview, *themes[: 1 + number % 3], publishable=True)
        Lesson.objects.create(project=project, text=f"Opetus {number}", category="other")
        VisionWord.objects.create(project=project, word=f"Sana {number}", frequency=1 + number)
    return project, municipality


@pytest.mark.parametrize(
    ("builder", "queries"),
    [
        (knowledge.build_publications, 3),  # counts, the list, printed figures
        (knowledge.build_interviews, 5),  # sectors, themes counted, themes, quotes + themes
        (knowledge.build_lessons, 1),
        (knowledge.build_vision, 1),
    ],
)
@pytest.mark.parametrize("size", [6, 30])
def test_the_queries_do_not_grow_with_the_records(
    builder, queries, size, django_assert_num_queries
):
    project, municipality = _records(size)
    for scope in (
        ReportScope(project=project),
        ReportScope(project=project, municipality=municipality),
    ):
        expected = queries if builder is knowledge.build_interviews or not scope.municipality else 0
        with django_assert_num_queries(expected):
            section = _build(builder, scope)
        assert section.is_empty == (expected == 0)
