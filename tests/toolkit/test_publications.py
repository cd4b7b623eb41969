"""A project's publications: the public list with filters and counts, the staff form, the
persistent identifier as a link, and the API."""

import pytest
from django.urls import reverse

from tests.conftest import Actor
from tests.toolkit.policy_tips import make_publication
from yhdessa.core.models import AuditLogEntry
from yhdessa.toolkit.models import Publication, PublicationKind, resolvable_identifier

pytestmark = pytest.mark.django_db


def _seed(project):
    for n in range(3):
        make_publication(project, title=f"Blogi {n}")
    make_publication(project, title="Dialogi 1", kind=PublicationKind.ARTICLE, channel="Dialogi")
    make_publication(
        project,
        title="Vuosikirja",
        kind=PublicationKind.ARTICLE,
        channel="Diakin vuosikirja 2022",
        identifier="URN:NBN:fi:amk-202304276623",
    )


def _list_url(world):
    return reverse("toolkit:publication_list", kwargs={"slug": world.project.slug})


def test_list_counts_by_kind_and_channel(client, world, django_assert_max_num_queries):
    _seed(world.project)
    with django_assert_max_num_queries(8):
        response = client.get(_list_url(world))
    html = response.content.decode()
    assert "Yhteensä 5 julkaisua" in html
    assert '<td>Blogikirjoitus</td><td class="number">3</td>' in html
    assert '<td>Artikkeli</td><td class="number">2</td>' in html
    assert '<td>Dialogi</td><td class="number">1</td>' in html
    assert 'href="https://urn.fi/URN:NBN:fi:amk-202304276623"' in html


def test_list_filters_by_kind_and_channel(client, world):
    _seed(world.project)
    html = client.get(_list_url(world), {"kind": "article"}).content.decode()
    assert "Dialogi 1" in html and "Vuosikirja" in html and "Blogi 0" not in html
    html = client.get(_list_url(world), {"channel": "Dialogi"}).content.decode()
    assert "Dialogi 1" in html and "Vuosikirja" not in html


def test_unknown_filter_value_is_400_with_message(client, world):
    _seed(world.project)
    response = client.get(_list_url(world), {"kind": "podcast"})
    assert response.status_code == 400
    assert "Valitse oikea vaihtoehto" in response.content.decode()


@pytest.mark.parametrize(
    ("identifier", "url"),
    [
        ("URN:NBN:fi:amk-202304276623", "https://urn.fi/URN:NBN:fi:amk-202304276623"),
        ("urn.fi/URN:NBN:fi:amk-202304276623", "https://urn.fi/URN:NBN:fi:amk-202304276623"),
        ("10.1000/xyz123", "https://doi.org/10.1000/xyz123"),
        ("https://doi.org/10.1000/xyz123", "https://doi.org/10.1000/xyz123"),
        ("doi:10.1000/xyz123", "https://doi.org/10.1000/xyz123"),
        ("julkaisu 12", ""),
    ],
)
def test_identifier_resolves(identifier, url):
    assert resolvable_identifier(identifier) == url


def _form(**more):
    return {"kind": "blog", "title": "Uusi kirjoitus", "channel": "hankesivusto"} | more


def test_admin_creates_edits_and_deletes(client_as, world):
    client = client_as(Actor.PROJECT_ADMIN)
    url = reverse("toolkit:publication_create", kwargs={"slug": world.project.slug})
    response = client.post(url, _form(url="diak.fi/blogi", published_on="2022-05-01"))
    assert response.status_code == 302
    publication = Publication.objects.get()
    assert publication.url == "https://diak.fi/blogi"
    edit = reverse("toolkit:publication_edit", kwargs={"pk": publication.pk})
    client.post(edit, _form(title="Korjattu otsikko", identifier="10.1000/xyz123"))
    publication.refresh_from_db()
    assert publication.title == "Korjattu otsikko"
    delete = reverse("toolkit:publication_delete", kwargs={"pk": publication.pk})
    assert "Poistetaanko" in client.get(delete).content.decode()
    client.post(delete)
    assert not Publication.objects.exists()
    actions = set(AuditLogEntry.objects.values_list("action", flat=True))
    assert {"toolkit.publication.created", "toolkit.publication.deleted"} <= actions


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        (_form(title=""), "title", "Tämä kenttä vaaditaan"),
        (_form(url="javascript:alert(1)"), "url", "http:// tai https://"),
        (_form(url="ftp://diak.fi/x"), "url", "http:// tai https://"),
        (_form(identifier="julkaisu 12"), "identifier", "URN:NBN:fi:"),
        (_form(kind="podcast"), "kind", "Valitse oikea vaihtoehto"),
    ],
)
def test_bad_publication_is_refused(client_as, world, data, field, message):
    client = client_as(Actor.PROJECT_ADMIN)
    url = reverse("toolkit:publication_create", kwargs={"slug": world.project.slug})
    response = client.post(url, data)
    html = response.content.decode()
    assert response.status_code == 400
    assert message in html
    assert f'href="#id_{field}"' in html
    assert not Publication.objects.exists()


def test_api_publications_with_counts(client, world):
    _seed(world.project)
    body = client.get(f"/api/v1/projects/{world.project.slug}/publications").json()
    assert body["count"] == 5
    assert body["by_kind"] == [{"kind": "blog", "count": 3}, {"kind": "article", "count": 2}]
    assert {"channel": "Dialogi", "count": 1} in body["by_channel"]
    yearbook = next(item for item in body["items"] if item["title"] == "Vuosikirja")
    assert yearbook["identifier_url"] == "https://urn.fi/URN:NBN:fi:amk-202304276623"


def test_api_hidden_project_is_404_outside(client_as, world):
    world.project.is_public = False
    world.project.save()
    url = f"/api/v1/projects/{world.project.slug}/publications"
    assert client_as(Actor.OUTSIDER).get(url).status_code == 404
    assert client_as(Actor.VIEWER).get(url).status_code == 200
