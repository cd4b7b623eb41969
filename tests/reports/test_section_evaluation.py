"""The evaluation section: the demo's before/after survey as a reader of the seed reads it."""

import random
from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from tests.factories import MunicipalityFactory, ProjectFactory
from tests.surveys.builders import random_answers, respond
from yhdessa.accounts.models import User
from yhdessa.directory.models import Municipality
from yhdessa.reports.document import Section
from yhdessa.reports.scope import ReportScope
from yhdessa.reports.sections import evaluation
from yhdessa.surveys.instruments import load_instruments
from yhdessa.surveys.models import Item, Survey, Wave
from yhdessa.surveys.results import survey_items

pytestmark = pytest.mark.django_db


def build(scope: ReportScope) -> Section:
    section = Section(key="evaluation", title="Arvioinnin tulokset")
    with translation.override(scope.language):
        evaluation.build(scope, section)
    return section


def figures(section: Section) -> dict:
    return {figure.key: figure.value for figure in section.figures}


def column(section: Section, table_key: str, index: int) -> dict:
    table = section.table(table_key)
    assert table is not None, table_key
    return {row[0]: row[index] for row in table.rows}


@pytest.fixture
def report(public_scope) -> Section:
    return build(public_scope)


# --- The seed's figures -----------------------------------------------------------------------


def test_waves_and_respondents_as_printed(report):
    assert figures(report) == {"respondents_start": 51, "respondents_end": 32, "pairs": 25}
    waves = report.table("waves")
    assert [row[0] for row in waves.rows] == ["Aloitus", "Lopetus"]
    assert [row[3] for row in waves.rows] == [51, 32]
    assert waves.title == "Kyselykierrokset: Minun arkeni ja elämäni"


def test_life_area_means_start_and_end_with_the_best_and_worst_areas(report):
    table = report.table("life_areas")
    assert table.columns[1:3] == ["Aloitus (n = 51)", "Lopetus (n = 32)"]
    assert "mitä pienempi, sitä parempi" in table.note
    start, end = column(report, "life_areas", 1), column(report, "life_areas", 2)
    printed = {"Työ": (2.9, 3.0), "Taloudellinen toimeentulo": (3.0, 2.9), "Elintavat": (2.7, 2.6)}
    for area, (at_start, at_end) in printed.items():
        assert (start[area], end[area]) == (at_start, at_end)
    areas = sorted(
        (mean, area)
        for area, mean in start.items()
        if area != "Millaista elämäsi on nyt kokonaisuutena?"
    )
    assert {area for _, area in areas[:2]} == {"Turvallisuuden tunne", "Elinympäristö"}
    assert {area for _, area in areas[-2:]} == {"Työ", "Taloudellinen toimeentulo"}


def test_need_for_change_percentages_with_the_n_of_answers_and_intervals(report):
    table = report.table("need_for_change")
    assert table.title == "Kaipaatko muutosta arkeesi ja elämääsi?"
    assert table.columns[1] == "Aloitus, % (n = 47)" and table.columns[3] == "Lopetus, % (n = 32)"
    rows = {row[0]: row[1:] for row in table.rows}
    assert rows["Arkeni ja elämäni on riittävän hyvää enkä kaipaa muutosta"][:4] == [
        31.9,
        "20,4…46,2",  # Wilson 95 %
        31.2,
        "18,0…48,6",
    ]
    assert rows["Kaipaan pientä muutosta"][0] == 48.9
    # The seed prints 19.2 %: 9 of 47 is 19.1 %.
    assert rows["Kaipaan isoa muutosta"][0::2] == [19.1, 25.0, 5.9]
    assert rows["Kaipaan isoa muutosta"][5] == "−12,0…25,1"  # Newcombe, percentage points


def test_multiple_choice_questions_as_printed(report):
    change = report.table("change_areas")
    assert change.columns[1] == "Aloitus, % (n = 38)" and change.columns[3] == "Lopetus, % (n = 25)"
    assert "summa voi ylittää 100" in change.note
    start, end = column(report, "change_areas", 1), column(report, "change_areas", 3)
    for area, at_start, at_end in [
        ("Työ", 39.5, 40.0),
        ("Taloudellinen toimeentulo", 55.3, 40.0),
        ("Elintavat", 26.3, 28.0),
    ]:
        assert (start[area], end[area]) == (at_start, at_end)
    invest = report.table("invest_in")
    assert invest.columns[1] == "Aloitus, % (n = 51)" and invest.columns[3] == "Lopetus, % (n = 32)"
    start, end = column(report, "invest_in", 1), column(report, "invest_in", 3)
    help_services = "Avun ja palvelujen saanti silloin, kun niitä tarvitsen"
    assert (start["Työ"], end["Työ"]) == (31.4, 40.6)
    assert (start["Harrastukset"], end["Harrastukset"]) == (17.6, 18.8)
    assert (start[help_services], end[help_services]) == (35.3, 18.8)


def test_every_chart_draws_a_table_of_the_section(report):
    tables = {table.key for table in report.tables}
    charts = {chart.key: chart for chart in report.charts}
    assert set(charts) == {
        "life_areas_chart",
        "need_for_change_chart",
        "change_areas_chart",
        "invest_in_chart",
    }
    for chart in charts.values():
        assert chart.table_key in tables and "<svg" in chart.svg and chart.description
    assert "Aloitus (n = 51)" in charts["life_areas_chart"].svg


def test_plain_language_readings_and_intervals_of_the_paired_change(report):
    readings = {one.key: one.items for one in report.lists}
    assert len(readings["life_area_readings"]) == 12
    assert readings["life_area_readings"][1].startswith("Työ: Muutos ei eroa tilastollisesti")
    pairs = column(report, "life_areas", 3)
    assert set(pairs.values()) == {24, 25}
    p_values = column(report, "life_areas", 4)
    assert all(0 < p <= 1 for p in p_values.values())
    assert readings["option_readings"] == [
        "Minkään vastausvaihtoehdon osuus ei muuttunut alusta loppuun enempää kuin sattuma "
        "selittäisi (95 %:n luottamusväli)."
    ]


def test_subgroup_findings_that_protection_lets_show(report):
    findings = {one.key: one.items for one in report.lists}["subgroup_findings"]
    assert any(
        line.startswith(
            "Ikäryhmä: 50–64, ”Mihin asioihin kaipaat muutosta?”: "
            "”Taidot käyttää etäpalveluja” valittiin useammin"
        )
        for line in findings
    )
    assert any(
        line.startswith(
            "Sukupuoli: Mies, ”Mihin kunnan pitäisi mielestäsi panostaa?”: "
            "”Harrastukset” valittiin useammin"
        )
        for line in findings
    )
    by_age = report.table("change_areas_by_age_group")
    assert by_age.columns == [
        "Vastaus",
        "18–29 (n = 10)",
        "30–49 (n = 18)",
        "50–64 (n = 24)",
        "65 tai yli (n = 11)",
    ]  # nobody left the age blank: no empty column
    assert column(report, "change_areas_by_age_group", 3)["Taidot käyttää etäpalveluja"] == 62.5


# --- Small-number protection ------------------------------------------------------------------


def test_small_counts_are_hidden_not_printed(report):
    # Three chose "safety" at the start and two at the end: hidden in both waves.
    assert report.table("change_areas").rows[5][0] == "Turvallisuuden tunne"
    assert report.table("change_areas").rows[5][1:] == [None] * 6
    # Fewer than five answered "other" or "rather not say" as their gender.
    by_gender = report.table("invest_in_by_gender")
    assert by_gender.columns[3:] == ["Muu (n = alle 5)", "En halua sanoa (n = alle 5)"]
    assert all(row[3:] == [None, None] for row in by_gender.rows)


# --- Printed figures --------------------------------------------------------------------------


def test_printed_numbers_of_answers_are_set_beside_the_counted_ones(public_scope):
    section = build(public_scope)
    compared = [(one.key, one.printed, one.records) for one in public_scope.comparisons]
    assert compared == [  # start first, as the report reads
        ("evaluation.need_for_change.n_start", Decimal(51), 47),
        ("evaluation.need_for_change.n_end", Decimal(31), 32),
    ]
    assert all(one.differs for one in public_scope.comparisons)
    note = section.table("need_for_change").note
    assert "aloitus 51 (laskettu 47), lopetus 31 (laskettu 32)" in note
    assert "painettu" not in section.table("invest_in").note  # nothing printed to check


# --- Municipal reports ------------------------------------------------------------------------


def test_a_municipal_report_counts_its_own_respondents_only(demo_project):
    raahe = Municipality.objects.get(name_fi="Raahe")
    scope = ReportScope(project=demo_project, municipality=raahe)
    section = build(scope)
    assert figures(section)["respondents_start"] == 14
    assert figures(section)["respondents_end"] == 9
    assert scope.comparisons == []  # printed figures are the project's
    assert section.table("need_for_change").columns[1] == "Aloitus, % (n = 12)"


def test_a_municipality_with_few_respondents_shows_nothing_but_says_why(demo_project):
    haapavesi = Municipality.objects.get(name_fi="Haapavesi")  # three at the start, two at the end
    section = build(ReportScope(project=demo_project, municipality=haapavesi))
    assert section.is_empty and not section.charts
    assert section.empty_message.startswith("Kunnan vastaajia tai jonkin toisen kunnan")


def test_no_town_s_hidden_respondents_follow_from_the_others_and_the_total(demo_project):
    """Only Haapavesi is small at the end once Reisjärvi and Sievi have five answers each: a
    second town is left out too, or the project's total minus the others would give it."""
    end = Wave.objects.get(survey__title_fi__startswith="Minun arkeni", key="end")
    utajarvi = end.responses.filter(municipality__name_fi="Utajärvi")
    for name, count in (("Reisjärvi", 3), ("Sievi", 2)):
        moved = list(utajarvi.values_list("pk", flat=True)[:count])
        end.responses.filter(pk__in=moved).update(
            municipality=Municipality.objects.get(name_fi=name)
        )
    shown = {}
    for municipality in demo_project.partner_municipalities.all():
        section = build(ReportScope(project=demo_project, municipality=municipality))
        shown[municipality.name] = section.as_json()["figures"].get("respondents_end")
    hidden = [name for name, count in shown.items() if count is None]
    assert "Haapavesi" in hidden
    assert len(hidden) >= 2, shown


def test_a_municipality_without_respondents_says_so(demo_project):
    elsewhere = MunicipalityFactory(code="999", name_fi="Muualla")
    demo_project.partner_municipalities.add(elsewhere)
    section = build(ReportScope(project=demo_project, municipality=elsewhere))
    assert section.is_empty
    assert section.empty_message == "Kunnasta ei ole vastauksia arviointikyselyyn."


# --- Links to the records ---------------------------------------------------------------------


def test_staff_get_links_to_the_results_pages(demo_project):
    staff = User.objects.get(email="paakayttaja@yhdessa.example")
    section = build(ReportScope.for_reader(demo_project, staff))
    survey = Survey.objects.get(project=demo_project, is_public=True)
    links = {figure.key: figure.source_url for figure in section.figures}
    results_page = reverse("surveys:results", args=[survey.pk])
    assert links["respondents_start"] == f"{results_page}?wave=start"
    assert (
        links["pairs"]
        == reverse("surveys:comparison", args=[survey.pk]) + "?before=start&after=end"
    )
    assert section.table("waves").row_urls == [
        f"{results_page}?wave=start",
        f"{results_page}?wave=end",
    ]
    assert section.table("invest_in_by_gender").row_urls[0] == f"{results_page}?wave=all&by=gender"


def test_municipal_links_keep_the_municipality(demo_project):
    staff = User.objects.get(email="paakayttaja@yhdessa.example")
    raahe = Municipality.objects.get(name_fi="Raahe")
    section = build(ReportScope.for_reader(demo_project, staff, municipality=raahe))
    assert section.figures[0].source_url.endswith(f"?wave=start&municipality={raahe.code}")


def test_the_public_gets_no_links(report):
    assert all(figure.source_url == "" for figure in report.figures)
    assert all(url == "" for table in report.tables for url in table.row_urls)


# --- Which survey -----------------------------------------------------------------------------


def make_survey(project, *, title: str = "Arki", is_public: bool = True, waves: int = 2) -> Survey:
    survey = Survey.objects.create(
        project=project,
        instrument_version=load_instruments()["arki-ja-elama"],
        title=title,
        is_public=is_public,
    )
    now = timezone.now()
    for position, key in enumerate(["start", "end", "follow_up"][:waves]):
        Wave.objects.create(
            survey=survey,
            key=key,
            label_fi=key.capitalize(),
            opens_at=now - timedelta(days=100 - 30 * position),
            closes_at=now - timedelta(days=90 - 30 * position),
            position=position,
        )
    return survey


def answer(survey: Survey, per_wave: int, *, seed: int = 1, municipality=None) -> None:
    rng = random.Random(seed)
    items = [item for item in survey_items(survey) if item.type != Item.Type.TEXT]
    for wave in survey.waves.all():
        for number in range(per_wave):
            respond(
                wave,
                code=f"koodi-{number}" if number % 2 else "",
                municipality=municipality,
                age_group=rng.choice(["18_29", "30_49", "50_64", "65_plus"]),
                gender=rng.choice(["woman", "man"]),
                **random_answers(rng, items),
            )


def test_the_public_survey_with_answers_in_two_waves_is_reported():
    project = ProjectFactory()
    chosen = make_survey(project, title="Arvioinnin kysely")
    answer(chosen, 6)
    answer(make_survey(project, title="Sisäinen", is_public=False), 8)
    answer(make_survey(project, title="Yksi kierros", waves=1), 20)
    make_survey(project, title="Ei vastauksia")
    scope = ReportScope(project=project)
    assert evaluation.evaluation_survey(scope) == chosen
    assert build(scope).table("waves").title == "Kyselykierrokset: Arvioinnin kysely"


def test_a_project_without_such_a_survey_says_so():
    section = build(ReportScope(project=ProjectFactory()))
    assert section.is_empty
    assert section.empty_message.startswith("Hankkeella ei ole julkista kyselyä")


# --- Queries ----------------------------------------------------------------------------------


@pytest.mark.parametrize("per_wave", [6, 30])
def test_the_number_of_queries_does_not_grow_with_the_answers(per_wave, django_assert_num_queries):
    project = ProjectFactory()
    municipality = MunicipalityFactory()
    project.partner_municipalities.add(municipality)
    answer(make_survey(project), per_wave, municipality=municipality)
    with django_assert_num_queries(22):
        build(ReportScope(project=project))
    with django_assert_num_queries(31):  # + respondents by municipality (_split_hides)
        build(ReportScope(project=project, municipality=municipality))
