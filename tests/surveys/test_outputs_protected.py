"""Every output kind of survey results, on random answers: no count from 1 to threshold − 1.

tests/surveys/test_results.py checks the protected objects themselves; this checks what leaves
the system through each door — the results page, the comparison page, their CSV and XLSX
downloads and the API — for the same random data sets and subgroups.
"""

import csv
import io
import random
from collections.abc import Iterator
from typing import Any

import openpyxl
import pytest
from django.urls import reverse

from tests.conftest import Actor
from tests.factories import MunicipalityFactory
from tests.surveys.builders import random_answers, respond
from tests.surveys.world import nivala_survey
from yhdessa.surveys.models import Item

pytestmark = pytest.mark.django_db

#: Column headings (Finnish) and JSON keys that hold counts of people.
COUNT_COLUMNS = {"vastaajia", "vastanneita", "ei vastausta", "lukumäärä", "pareja"}
COUNT_KEYS = {"respondents", "answered", "missing", "count", "n_pairs", "n_changed"}
SUBGROUPS = [{}, {"gender": "woman"}, {"age_group": "30_49"}, {"municipality": "678"}]


@pytest.fixture(params=range(2))
def answered(request, world, settings):
    rng = random.Random(request.param)
    settings.YHDESSA_MIN_CELL_SIZE = rng.choice([3, 5])
    survey = nivala_survey(world, is_public=True)
    survey.municipality = None  # project-wide, so that the municipality filter is offered
    survey.save()
    raahe = MunicipalityFactory(code="678", name_fi="Raahe")
    survey.project.partner_municipalities.add(raahe)
    items = list(
        Item.objects.filter(version=survey.instrument_version_id).prefetch_related("options")
    )
    for wave, size in zip(
        survey.waves.order_by("position"), (rng.randint(15, 45), rng.randint(10, 30)), strict=True
    ):
        for number in range(size):
            respond(
                wave,
                code=f"p{number}" if rng.random() < 0.7 else "",
                municipality=rng.choice([world.nivala, world.sievi, raahe, None]),
                age_group=rng.choice(["18_29", "30_49", "50_64", "65_plus", ""]),
                gender=rng.choice(["woman", "man", "other", ""]),
                **random_answers(rng, items),
            )
    return survey, settings.YHDESSA_MIN_CELL_SIZE


def small(value: Any, threshold: int) -> bool:
    if isinstance(value, str):
        value = value.strip()
        if not value.isdigit():
            return False
        value = int(value)
    return isinstance(value, int) and not isinstance(value, bool) and 0 < value < threshold


def table_counts(header: list[str], rows: list[list[Any]]) -> Iterator[Any]:
    columns = [index for index, name in enumerate(header) if name in COUNT_COLUMNS]
    assert columns, f"no count columns in {header}"
    for row in rows:
        for index in columns:
            yield row[index]


def csv_table(content: bytes) -> tuple[list[str], list[list[Any]]]:
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
    return rows[0], rows[1:]


def xlsx_table(content: bytes) -> tuple[list[str], list[list[Any]]]:
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    return [str(name) for name in rows[0]], rows[1:]


def json_counts(value: Any) -> Iterator[Any]:
    if isinstance(value, dict):
        for key, child in value.items():
            if key in COUNT_KEYS and not isinstance(child, dict | list):
                yield child
            yield from json_counts(child)
    elif isinstance(value, list):
        for child in value:
            yield from json_counts(child)


@pytest.mark.parametrize("subgroup", SUBGROUPS, ids=lambda s: "-".join(s.values()) or "all")
@pytest.mark.parametrize("page", ["results", "comparison"])
@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_downloads(client_as, answered, page, file_format, subgroup):
    survey, threshold = answered
    client = client_as(Actor.PROJECT_ADMIN)
    url = reverse(f"surveys:{page}", kwargs={"pk": survey.pk})
    response = client.get(url, {**subgroup, "format": file_format})
    assert response.status_code == 200
    read = csv_table if file_format == "csv" else xlsx_table
    counts = list(table_counts(*read(response.content)))
    assert counts
    assert [value for value in counts if small(value, threshold)] == []


@pytest.mark.parametrize("subgroup", SUBGROUPS, ids=lambda s: "-".join(s.values()) or "all")
@pytest.mark.parametrize("endpoint", ["results", "comparison"])
def test_api(client, answered, endpoint, subgroup):
    survey, threshold = answered
    response = client.get(f"/api/v1/surveys/{survey.pk}/{endpoint}", subgroup)
    assert response.status_code == 200
    counts = list(json_counts(response.json()))
    assert counts
    assert [value for value in counts if small(value, threshold)] == []


@pytest.mark.parametrize("by", ["municipality", "age_group", "gender"])
def test_page_with_breakdown(client, answered, by):
    survey, threshold = answered
    url = reverse("surveys:results", kwargs={"pk": survey.pk})
    response = client.get(url, {"by": by, "wave": "all"})
    assert response.status_code == 200
    # The page renders these objects; every count in them is protected.
    figures, tables = response.context["figures"], response.context["breakdowns"]
    counts = [figures.respondents] + [
        value
        for item in figures.items
        for value in [item.answered, item.missing, *(option.count for option in item.options)]
    ]
    counts += [
        value
        for table in tables
        for value in [column.answered for column in table.columns]
        + [cell.count for row in table.rows for cell in row.cells]
    ]
    assert [value for value in counts if small(value, threshold)] == []
    if None in counts:
        assert "piilotettu" in response.content.decode()
