"""The public cooperation directory: a municipality's page, the search, open data and API."""

import csv
import datetime
import io
import json

import pytest
from django.urls import reverse

from tests.factories import MunicipalityFactory
from yhdessa.directory.cooperation_export import COLUMNS
from yhdessa.directory.models import CooperationStructure

K = CooperationStructure.Kind
S = CooperationStructure.Subtype


def structure(municipality, kind=K.FORUM, **fields):
    defaults = {
        K.AGREEMENT: {"subtype": S.NGO_DOCUMENT, "link": "https://nivala.example/asiakirja"},
        K.INFLUENCE_BODY: {"subtype": S.VILLAGE_COUNCIL, "contact": "kyla@nivala.example"},
        K.LIAISON: {"email": "jarjestot@nivala.example"},
        K.GRANT: {"link": "https://nivala.example/avustukset"},
        K.MEETING_PLACE: {"address": "Kalliontie 1, 85500 Nivala"},
        K.FORUM: {"rhythm": "Kahdesti vuodessa"},
    }[kind]
    entry = CooperationStructure(
        municipality=municipality, kind=kind, **(defaults | {"title_fi": "Foorumi"} | fields)
    )
    entry.full_clean()
    entry.save()
    return entry


@pytest.fixture
def nivala_structures(world):
    return [
        structure(world.nivala, K.AGREEMENT, title_fi="Järjestöyhteistyön asiakirja"),
        structure(world.nivala, K.INFLUENCE_BODY, title_fi="Maliskylän kyläneuvosto"),
        structure(
            world.nivala,
            K.LIAISON,
            title_fi="Järjestöyhdyshenkilö",
            email="jarjestot@nivala.example",
            phone="040 123 4567",
        ),
        structure(world.nivala, K.MEETING_PLACE, title_fi="Olohuone"),
        structure(world.sievi, K.INFLUENCE_BODY, title_fi="Järvikylän kyläneuvosto"),
    ]


def test_municipality_page_groups_the_entries_by_kind(client, world, nivala_structures):
    response = client.get(reverse("directory:municipality_cooperation", args=["535"]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Näin teet yhteistyötä: Nivala" in html
    headings = [html.index(f'<h2 id="{kind}">') for kind in ("agreement", "influence_body")]
    assert headings[0] < html.index("Järjestöyhteistyön asiakirja") < headings[1]
    assert headings[1] < html.index("Maliskylän kyläneuvosto") < html.index('<h2 id="liaison">')
    assert "mailto:jarjestot@nivala.example" in html
    assert "Järvikylän" not in html  # Sievi's
    assert "Tiedot tarkistettu" in html


def test_municipality_page_without_entries_says_where_to_ask(client, world):
    response = client.get(reverse("directory:municipality_cooperation", args=["746"]))
    assert "ei ole vielä koonnut" in response.content.decode()


def test_unknown_municipality_is_not_found(client, world):
    response = client.get(reverse("directory:municipality_cooperation", args=["999"]))
    assert response.status_code == 404


def test_two_clicks_from_the_home_page(client, world, nivala_structures):
    """Home → the cooperation directory → the municipality's page; and the municipality list
    links each municipality's page directly."""
    home = client.get(reverse("core:home")).content.decode()
    search_url = reverse("directory:cooperation_search")
    assert f'href="{search_url}"' in home
    page_url = reverse("directory:municipality_cooperation", args=["535"])
    assert f'href="{page_url}"' in client.get(search_url).content.decode()
    listing = client.get(reverse("directory:municipality_list")).content.decode()
    assert f'href="{page_url}"' in listing
    detail = client.get(reverse("directory:municipality_detail", args=["535"])).content.decode()
    assert f'href="{page_url}"' in detail


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"q": "KYLÄNEUVOSTO"}, {"Maliskylän kyläneuvosto", "Järvikylän kyläneuvosto"}),
        ({"q": "kyläneuvosto", "municipality": "746"}, {"Järvikylän kyläneuvosto"}),
        ({"kind": "liaison"}, {"Järjestöyhdyshenkilö"}),
        ({"kind": "meeting_place", "municipality": "535"}, {"Olohuone"}),
    ],
)
def test_search_across_municipalities(client, world, nivala_structures, query, expected):
    response = client.get(reverse("directory:cooperation_search"), query)
    assert response.status_code == 200
    assert {entry.title for entry in response.context["page"]} == expected


def test_search_with_an_unknown_kind_is_refused_in_finnish(client, world):
    response = client.get(reverse("directory:cooperation_search"), {"kind": "bogus"})
    assert response.status_code == 400
    assert "Valitse oikea vaihtoehto" in response.content.decode()


def test_search_page_lists_in_few_queries(client, world, django_assert_max_num_queries):
    for number in range(30):
        structure(world.nivala if number % 2 else world.sievi, title_fi=f"Foorumi {number}")
    with django_assert_max_num_queries(8):
        response = client.get(reverse("directory:cooperation_search"))
    assert len(response.context["page"]) == 25


def test_municipality_page_in_few_queries(client, world, django_assert_max_num_queries):
    for number in range(20):
        structure(world.nivala, title_fi=f"Foorumi {number}")
    with django_assert_max_num_queries(6):
        client.get(reverse("directory:municipality_cooperation", args=["535"]))


def test_open_data_csv_parses_with_a_header_row(client, world, nivala_structures):
    nivala_structures[0].description_fi = 'Rivi 1\nrivi 2, jossa pilkku ja "lainaus"'
    nivala_structures[0].save()
    response = client.get(reverse("directory:cooperation_open_data_csv"))
    assert response["Content-Type"].startswith("text/csv")
    assert "creativecommons.org/licenses/by/4.0" in response["Link"]
    text = response.content.decode("utf-8")
    assert not text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert list(rows[0]) == list(COLUMNS)
    assert len(rows) == 5
    agreement = next(row for row in rows if row["kind"] == "agreement")
    assert agreement["municipality_code"] == "535"
    assert agreement["description_fi"] == 'Rivi 1\nrivi 2, jossa pilkku ja "lainaus"'
    assert agreement["is_demo"] == "false"
    assert datetime.date.fromisoformat(agreement["checked_on"])
    assert agreement["url"].endswith(
        f"/municipalities/535/cooperation/#yhteistyo-{nivala_structures[0].pk}"
    )


def test_open_data_csv_cannot_run_formulas(client, world):
    structure(world.nivala, title_fi='=HYPERLINK("http://paha.example")')
    text = client.get(reverse("directory:cooperation_open_data_csv")).content.decode()
    row = next(csv.DictReader(io.StringIO(text, newline="")))
    assert row["title_fi"].startswith("'=")


def test_open_data_json_has_a_stable_documented_structure(client, world, nivala_structures):
    response = client.get(reverse("directory:cooperation_open_data_json"))
    data = json.loads(response.content)
    assert data["licence"]["name"] == "CC BY 4.0"
    assert data["licence"]["url"].startswith("https://creativecommons.org/licenses/by/4.0/")
    assert data["format_version"] == 1
    assert data["count"] == len(data["items"]) == 5
    assert set(data["columns"]) == set(COLUMNS)
    for item in data["items"]:
        assert list(item) == list(COLUMNS)
        assert isinstance(item["id"], int) and isinstance(item["is_demo"], bool)
        assert item["ends_on"] is None or datetime.date.fromisoformat(item["ends_on"])
    liaison = next(item for item in data["items"] if item["kind"] == "liaison")
    assert liaison["email"] == "jarjestot@nivala.example"


def test_open_data_is_the_same_in_both_files(client, world, nivala_structures):
    text = client.get(reverse("directory:cooperation_open_data_csv")).content.decode()
    csv_ids = [int(row["id"]) for row in csv.DictReader(io.StringIO(text, newline=""))]
    data = json.loads(client.get(reverse("directory:cooperation_open_data_json")).content)
    assert csv_ids == [item["id"] for item in data["items"]]


def test_search_page_states_the_licence(client, world):
    html = client.get(reverse("directory:cooperation_search")).content.decode()
    assert "CC BY 4.0" in html
    assert reverse("directory:cooperation_open_data_json") in html


def test_open_data_in_few_queries(client, world, django_assert_max_num_queries):
    for number in range(30):
        structure(MunicipalityFactory(), title_fi=f"Foorumi {number}")
    with django_assert_max_num_queries(3):
        client.get(reverse("directory:cooperation_open_data_json"))


# API -------------------------------------------------------------------------------------------


def test_api_search_filters_and_pages(client, world, nivala_structures):
    response = client.get("/api/v1/cooperation/", {"q": "kyläneuvosto", "limit": 1})
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 2 and len(body["items"]) == 1
    response = client.get("/api/v1/cooperation/", {"kind": "liaison", "municipality": "535"})
    (item,) = response.json()["items"]
    assert item["title"] == "Järjestöyhdyshenkilö"
    assert item["municipality"] == "535" and item["subtype"] is None
    assert item["email"] == "jarjestot@nivala.example"


def test_api_refuses_an_unknown_kind(client, world):
    response = client.get("/api/v1/cooperation/", {"kind": "bogus"})
    assert response.status_code == 422


def test_api_municipality_cooperation(client, world, nivala_structures):
    response = client.get("/api/v1/municipalities/535/cooperation")
    assert response.status_code == 200
    assert {item["title"] for item in response.json()} == {
        "Järjestöyhteistyön asiakirja",
        "Maliskylän kyläneuvosto",
        "Järjestöyhdyshenkilö",
        "Olohuone",
    }
    assert client.get("/api/v1/municipalities/999/cooperation").status_code == 404
    assert client.get("/api/v1/municipalities/abc/cooperation").status_code == 422


def test_api_list_in_few_queries(client, world, django_assert_max_num_queries):
    for number in range(30):
        structure(world.nivala, title_fi=f"Foorumi {number}")
    with django_assert_max_num_queries(3):
        response = client.get("/api/v1/cooperation/", {"limit": 30})
    assert len(response.json()["items"]) == 30
