"""A project's regional cooperation and support activities: kept by its admins, shown on the
public project page and in the API."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.conftest import Actor
from tests.factories import MunicipalityFactory, ProjectFactory
from yhdessa.core.models import AuditLogEntry
from yhdessa.projects.models import ProjectActivity

SUPPORT = ProjectActivity.Kind.SUPPORT
REGIONAL = ProjectActivity.Kind.REGIONAL_COOPERATION


def activity(project, municipalities=(), **fields):
    defaults = {"kind": SUPPORT, "title": "Kyläneuvoston perustaminen"}
    entry = ProjectActivity.objects.create(
        project=project, starts_on=datetime.date(2022, 3, 1), **(defaults | fields)
    )
    entry.municipalities.set(municipalities)
    return entry


def list_url(world):
    return reverse("directory:project_activities", args=[world.project.slug])


def test_admin_adds_an_entry(client_as, world):
    response = client_as(Actor.PROJECT_ADMIN).post(
        list_url(world),
        {
            "kind": SUPPORT,
            "title": "Kunnan ja järjestöjen hyvinvointipäivä",
            "description": "Hanke oli mukana järjestämässä.",
            "starts_on": "2022-09-24",
            "municipalities": [world.nivala.pk],
        },
    )
    assert response.status_code == 302
    entry = ProjectActivity.objects.get()
    assert entry.project == world.project and list(entry.municipalities.all()) == [world.nivala]
    assert entry.ends_on is None
    assert AuditLogEntry.objects.filter(action="projects.activity.created").exists()


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"starts_on": "2023-01-01", "ends_on": "2022-01-01"}, "ends_on", "ennen alkamispäivää"),
        ({"starts_on": "31.2.2022"}, "starts_on", "Syötä oikea päivämäärä"),
        ({"title": ""}, "title", "Tämä kenttä vaaditaan"),
        ({"kind": "muu"}, "kind", "Valitse oikea vaihtoehto"),
    ],
)
def test_bad_input_is_refused_in_finnish(client_as, world, data, field, message):
    base = {"kind": REGIONAL, "title": "Osallisuusverkosto", "starts_on": "2022-01-01"}
    response = client_as(Actor.PROJECT_ADMIN).post(list_url(world), base | data)
    assert response.status_code == 400
    html = response.content.decode()
    assert f'href="#id_{field}"' in html and message in html
    assert not ProjectActivity.objects.exists()


def test_only_partner_municipalities_can_be_chosen(client_as, world):
    outsider = MunicipalityFactory(code="999", name_fi="Muu kunta")
    response = client_as(Actor.PROJECT_ADMIN).post(
        list_url(world),
        {
            "kind": REGIONAL,
            "title": "Verkosto",
            "starts_on": "2022-01-01",
            "municipalities": [outsider.pk],
        },
    )
    assert response.status_code == 400
    assert not ProjectActivity.objects.exists()


def test_admin_edits_and_deletes(client_as, world):
    entry = activity(world.project, [world.nivala])
    client = client_as(Actor.PROJECT_ADMIN)
    url = reverse("directory:activity_edit", args=[world.project.slug, entry.pk])
    data = {
        "kind": SUPPORT,
        "title": "Kyläneuvostot",
        "starts_on": "2022-03-01",
        "ends_on": "2023-06-30",
        "municipalities": [world.sievi.pk],
    }
    assert client.post(url, data).status_code == 302
    entry.refresh_from_db()
    assert entry.title == "Kyläneuvostot" and list(entry.municipalities.all()) == [world.sievi]
    delete = reverse("directory:activity_delete", args=[world.project.slug, entry.pk])
    assert client.post(delete).status_code == 302
    assert not ProjectActivity.objects.exists()


@pytest.mark.parametrize(("actor", "status"), [(Actor.VIEWER, 403), (Actor.COORDINATOR, 404)])
def test_others_cannot_change_entries(client_as, world, actor, status):
    entry = activity(world.project)
    client = client_as(actor)
    delete = reverse("directory:activity_delete", args=[world.project.slug, entry.pk])
    assert client.post(delete).status_code == status
    assert ProjectActivity.objects.exists()


def test_another_projects_entry_is_not_found(client_as, world):
    entry = activity(ProjectFactory())
    url = reverse("directory:activity_edit", args=[world.project.slug, entry.pk])
    assert client_as(Actor.PROJECT_ADMIN).get(url).status_code == 404


def test_project_page_shows_the_entries_in_few_queries(client, world, django_assert_num_queries):
    activity(world.project, [world.nivala, world.sievi], title="Kyläneuvostojen perustaminen")
    activity(world.project, kind=REGIONAL, title="Osallisuusverkosto")
    url = reverse("projects:project_detail", args=[world.project.slug])
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        html = client.get(url).content.decode()
    for number in range(10):
        activity(world.project, [world.nivala, world.sievi], title=f"Työpaja {number}")
    with django_assert_num_queries(len(few.captured_queries)):
        client.get(url)
    assert "Alueellinen yhteistyö sekä tuki ja sparraus kunnille" in html
    assert html.index("Osallisuusverkosto") < html.index("Kyläneuvostojen perustaminen")
    assert "Nivala, Sievi" in html


def test_project_page_without_entries_has_no_section(client, world):
    html = client.get(
        reverse("projects:project_detail", args=[world.project.slug])
    ).content.decode()
    assert "sparraus" not in html


def test_api_lists_the_entries_of_a_public_project(client, world):
    activity(world.project, [world.nivala], ends_on=datetime.date(2023, 6, 30))
    response = client.get(f"/api/v1/projects/{world.project.slug}/activities")
    assert response.status_code == 200
    (item,) = response.json()
    assert item["kind"] == "support" and item["ends_on"] == "2023-06-30"
    assert item["municipalities"] == [{"code": "535", "name": "Nivala"}]
    hidden = ProjectFactory(is_public=False)
    activity(hidden)
    assert client.get(f"/api/v1/projects/{hidden.slug}/activities").status_code == 404
