import base64
import csv
import io
import re
from html import escape

import openpyxl
import pytest
from django.urls import reverse

from tests.conftest import Actor
from tests.surveys.builders import respond, respond_many
from tests.surveys.world import nivala_survey

pytestmark = pytest.mark.django_db


@pytest.fixture
def survey(world):
    survey = nivala_survey(world)
    start, end = survey.waves.get(key="start"), survey.waves.get(key="end")
    respond_many(start, 12, need_for_change="small", life_work=2, comments="Enemmän kerhoja")
    respond_many(start, 6, need_for_change="big", life_work=4, gender="man")
    respond_many(start, 2, need_for_change="none", life_work=1, gender="woman")
    for number in range(11):
        respond(start, code=f"pari{number}", life_health=4, change_areas=["work"])
        respond(end, code=f"pari{number}", life_health=2, change_areas=["income"])
    return survey


def page(client, survey, name="results", **params):
    return client.get(reverse(f"surveys:{name}", kwargs={"pk": survey.pk}), params)


def test_results_page_shows_protected_figures_with_chart_and_table(client_as, survey):
    response = page(client_as(Actor.VIEWER), survey)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Vastaajia: <strong>31</strong>" in html
    # need_for_change: 12 small, 6 big, 2 none -> "none" hidden, and a partner (big) too
    need = response.context["figures"].item("need_for_change")
    assert [o.count for o in need.options] == [None, 12, None]
    assert html.count("piilotettu") >= 2
    # Charts are inline SVG images with a text alternative, and the table is there as well.
    image = re.search(r'<img src="data:image/svg\+xml;base64,([^"]+)" alt="([^"]+)"', html)
    assert image is not None and "taulukossa" in image.group(2)
    svg = base64.b64decode(image.group(1)).decode()
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg
    assert "<caption" in html


def test_free_text_is_for_managers_only(client_as, survey):
    viewer = page(client_as(Actor.VIEWER), survey).content.decode()
    assert "Enemmän kerhoja" not in viewer
    assert "näkyvät vain kyselyn ylläpitäjille" in viewer
    coordinator = page(client_as(Actor.COORDINATOR), survey).content.decode()
    assert "Enemmän kerhoja" in coordinator


def test_a_small_subgroup_shows_nothing(client_as, survey):
    response = page(client_as(Actor.VIEWER), survey, gender="woman")
    assert response.status_code == 200
    assert "alle 5 vastaajaa, joten tuloksia ei näytetä" in response.content.decode()
    assert response.context["figures"].respondents is None


def test_breakdown_by_gender(client_as, survey):
    response = page(client_as(Actor.VIEWER), survey, by="gender")
    html = response.content.decode()
    assert "Taustan mukaan: Sukupuoli" in html
    need = next(b for b in response.context["breakdowns"] if b.item_key == "need_for_change")
    men = [c.key for c in need.columns].index("man")
    assert [row.cells[men].count for row in need.rows] == [0, 0, 6]


def test_bad_filter_is_a_clear_400(client_as, survey):
    response = page(client_as(Actor.VIEWER), survey, wave="ei-ole", age_group="vauva")
    assert response.status_code == 400
    assert 'class="error-summary"' in response.content.decode()


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_downloads_hold_the_same_protected_figures(client_as, survey, file_format):
    response = page(client_as(Actor.VIEWER), survey, format=file_format)
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    if file_format == "csv":
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    else:
        sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
        rows = [
            [str(c) if c is not None else "" for c in r] for r in sheet.iter_rows(values_only=True)
        ]
    header, body = rows[0], rows[1:]
    count = header.index("lukumäärä")
    need = {
        row[header.index("vaihtoehto")]: row[count] for row in body if row[2] == "need_for_change"
    }
    assert need == {"none": "piilotettu", "small": "12", "big": "piilotettu"}
    # No count from 1 to 4 anywhere in the file.
    numbers = [row[count] for row in body] + [row[header.index("vastanneita")] for row in body]
    assert not [n for n in numbers if n.isdigit() and 0 < int(n) < 5]


def test_comparison_page_shows_paired_change_and_differences(client_as, survey):
    response = page(client_as(Actor.VIEWER), survey, name="comparison")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Samoja ihmisiä (parikoodi molemmilla kierroksilla): 11" in html
    health = response.context["result"].item("life_health")
    assert health.paired.n_pairs == 11
    assert "parani" in health.reading
    assert escape(health.reading) in html
    assert html.count("data:image/svg+xml;base64,") >= 2


def test_comparison_of_a_wave_with_itself_is_refused(client_as, survey):
    response = page(
        client_as(Actor.VIEWER), survey, name="comparison", before="start", after="start"
    )
    assert response.status_code == 400
    assert "kaksi eri kyselykierrosta" in response.content.decode()


def test_public_survey_results_are_open_to_everyone(client, world):
    survey = nivala_survey(world, is_public=True)
    respond_many(survey.waves.get(key="start"), 6, life_work=3, comments="Salainen")
    response = page(client, survey)
    assert response.status_code == 200
    assert "Salainen" not in response.content.decode()


def test_project_survey_list_shows_protected_respondent_counts(client_as, survey):
    response = client_as(Actor.COORDINATOR).get(
        reverse("surveys:project_surveys", kwargs={"slug": survey.project.slug})
    )
    assert response.status_code == 200
    rows = response.context["rows"]
    assert [(wave.key, n) for wave, n in rows[0][1]] == [("start", 31), ("end", 11)]
    assert rows[0][2] is True  # Nivala's coordinator manages Nivala's survey


def test_results_page_queries_stay_flat(client_as, survey, django_assert_max_num_queries):
    client = client_as(Actor.VIEWER)
    with django_assert_max_num_queries(40) as few:
        page(client, survey, by="age_group")
    respond_many(survey.waves.get(key="start"), 30, need_for_change="small", life_health=3)
    with django_assert_max_num_queries(len(few.captured_queries)):
        page(client, survey, by="age_group")


def test_another_partners_coordinator_sees_the_list_without_the_other_survey(client_as, survey):
    response = client_as(Actor.OTHER_COORDINATOR).get(
        reverse("surveys:project_surveys", kwargs={"slug": survey.project.slug})
    )
    assert response.status_code == 200
    assert response.context["rows"] == []  # Nivala's survey is not Sievi's to see
    assert "Uusi kysely" in response.content.decode()
