"""The downloads and the API of a model description come from one object and agree."""

import json
import shutil
import subprocess

import pytest
from django.urls import reverse

from tests.conftest import Actor
from tests.experiments.policy_model_descriptions import (
    evaluated,
    nivala_description,
    nivala_experiment,
)
from tests.experiments.test_model_pages import TOTAL
from yhdessa.experiments import model_services

pytestmark = pytest.mark.django_db


def download(client, slug: str, name: str):
    return client.get(reverse(f"experiments:{name}", kwargs={"slug": slug}))


def api(client, path: str, **params):
    return client.get(f"/api/v1/models/{path}", params)


def test_json_download_and_api_are_the_same_object(client, world):
    evaluated(world)
    description = nivala_description(world)
    downloaded = json.loads(download(client, description.slug, "model_json").content)
    response = api(client, description.slug)
    assert response.status_code == 200
    assert response.json() == downloaded
    costs = downloaded["resources_and_costs"]
    assert costs["total_cost"] == "382.20" and costs["cost_per_participant"] == "31.85"
    assert costs["participants"] == 12 and costs["computed_from_records"] is True
    assert [item["kind"] for item in costs["costs_by_kind"]] == [
        "staff_time",
        "volunteer_time",
        "purchase",
        "in_kind",
    ]
    sections = [section["key"] for section in downloaded["sections"]]
    assert sections[0] == "basic_idea" and sections[-1] == "lessons_learned"
    assert set(downloaded["sections"][0]["text"]) == {"fi", "sv", "en"}
    effects = downloaded["effects"]
    assert effects["available"] and effects["pairs"] == 10
    assert downloaded["basic_information"]["municipalities"] == [{"code": "535", "name": "Nivala"}]


def test_markdown_shows_the_figures_of_the_json(client, world):
    evaluated(world)
    description = nivala_description(world)
    data = json.loads(download(client, description.slug, "model_json").content)
    response = download(client, description.slug, "model_markdown")
    assert response["Content-Type"].startswith("text/markdown")
    markdown = response.content.decode()
    assert markdown.startswith(f"# {data['basic_information']['name']['fi']}\n")
    assert "## Resurssit ja kustannukset" in markdown and "## Vaikutukset" in markdown
    assert f"**{TOTAL}**" in markdown
    assert "| Millaista elämäsi on nyt kokonaisuutena? | 3,0 | 2,0 |" in markdown
    for item in data["resources_and_costs"]["costs_by_kind"]:
        assert f"| {item['label']} |" in markdown


def test_public_exports_hide_a_small_participant_count(client_as, world):
    nivala_experiment(world).headcounts.update(count=2)
    description = nivala_description(world)
    data = api(client_as(Actor.ANONYMOUS), description.slug).json()["resources_and_costs"]
    assert data["participants"] is None and data["suppressed"] is True
    assert data["cost_per_participant"] is None and data["calculation"] is None
    markdown = download(client_as(Actor.ANONYMOUS), description.slug, "model_markdown")
    assert "Osallistujia: piilotettu" in markdown.content.decode()
    staff = api(client_as(Actor.COORDINATOR), description.slug).json()["resources_and_costs"]
    assert staff["participants"] == 2


def test_pdf_renders_with_computed_costs_and_effects(client, world):
    evaluated(world)
    description = nivala_description(world)
    response = download(client, description.slug, "model_pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    text = subprocess.run(
        [pdftotext, "-layout", "-", "-"],
        input=response.content,
        capture_output=True,
        check=True,
    ).stdout.decode()
    for expected in ["Kylätalon olohuone", "Resurssit ja kustannukset", "Vaikutukset"]:
        assert expected in text
    assert "382,20" in text and "31,85" in text
    assert "Laskettu kirjauksista" in text


def test_api_lists_published_descriptions_with_filters(client, world):
    published = nivala_description(world)
    model_services.description_create(actor=None, project=world.project, name_fi="Luonnos")
    listed = api(client, "").json()
    assert listed["count"] == 1 and listed["items"][0]["slug"] == published.slug
    assert api(client, "", municipality="535").json()["count"] == 1
    assert api(client, "", municipality="746").json()["count"] == 0
    assert api(client, "", project=world.project.slug).json()["count"] == 1
    assert api(client, "", project="ei-ole").status_code == 404
    assert api(client, "", municipality="999").status_code == 404
    assert api(client, "", municipality="abc").status_code == 422


def test_api_hides_drafts_and_unknown_slugs(client_as, world):
    draft = nivala_description(world, published=False)
    assert api(client_as(Actor.ANONYMOUS), draft.slug).status_code == 404
    assert api(client_as(Actor.OTHER_COORDINATOR), draft.slug).status_code == 404
    assert api(client_as(Actor.VIEWER), draft.slug).status_code == 200
    assert api(client_as(Actor.ANONYMOUS), "ei-ole").status_code == 404


def test_api_list_query_count_does_not_grow(client, world, django_assert_max_num_queries):
    for number in range(6):
        description = model_services.description_create(
            actor=None,
            project=world.project,
            municipalities=[world.nivala],
            name_fi=f"Malli {number}",
            summary_fi="Lyhyt.",
        )
        model_services.description_publish(actor=None, description=description)
    with django_assert_max_num_queries(6):
        assert api(client, "").json()["count"] == 6
