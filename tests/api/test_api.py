import pytest

from tests.conftest import Actor
from tests.factories import OrganisationFactory
from yhdessa.accounts.services import api_token_create


def test_openapi_document_describes_the_public_endpoints(client, db):
    schema = client.get("/api/v1/openapi.json").json()
    assert {"/api/v1/projects/", "/api/v1/projects/{slug}", "/api/v1/municipalities/"} <= set(
        schema["paths"]
    )
    assert "/api/v1/organisations/" in schema["paths"]


def test_project_list_and_detail(client, world):
    world.project.implementers.add(
        OrganisationFactory(name="Diak", kind="university", municipality=None)
    )
    (project,) = client.get("/api/v1/projects/").json()
    assert project["slug"] == "yhdessa-osallisuutta"
    detail = client.get("/api/v1/projects/yhdessa-osallisuutta").json()
    assert detail["partner_municipalities"] == ["535", "746"]
    assert detail["implementers"] == [{"slug": "diak", "name": "Diak", "kind": "university"}]


def test_unknown_project_is_404(client, world):
    assert client.get("/api/v1/projects/ei-ole").status_code == 404


def test_municipalities_with_codes_and_counts(client, world):
    rows = client.get("/api/v1/municipalities/").json()
    assert [(row["code"], row["organisation_count"]) for row in rows] == [("535", 1), ("746", 1)]


@pytest.mark.parametrize(
    ("query", "names"),
    [
        ({"municipality": "535"}, ["Nivalan Eläkkeensaajat ry"]),
        ({"kind": "association", "q": "kotiseutu"}, ["Sievin Kotiseutuyhdistys ry"]),
        ({"kind": "parish"}, []),
        ({"municipality": "999"}, []),
    ],
)
def test_organisation_filters(client, world, query, names):
    body = client.get("/api/v1/organisations/", query).json()
    assert [item["name"] for item in body["items"]] == names
    assert body["count"] == len(names)


@pytest.mark.parametrize(
    "query", [{"municipality": "53"}, {"kind": "sirkus"}, {"q": "x" * 101}, {"limit": "-1"}]
)
def test_bad_filters_are_rejected_with_422_and_the_field_named(client, world, query):
    response = client.get("/api/v1/organisations/", query)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][-1] == next(iter(query))


def test_me_needs_authentication(client, db):
    assert client.get("/api/v1/me").status_code == 401


def test_me_with_session(client_as, world):
    body = client_as(Actor.COORDINATOR).get("/api/v1/me").json()
    assert body["email"] == "coordinator@example.fi"
    assert body["memberships"] == [
        {"role": "coordinator", "project": None, "municipality": "535", "organisation": None}
    ]


def test_me_with_a_bearer_token(client, world):
    token, raw = api_token_create(user=world.users[Actor.PROJECT_ADMIN], name="raportointi")
    response = client.get("/api/v1/me", headers={"Authorization": f"Bearer {raw}"})
    assert response.status_code == 200
    assert response.json()["email"] == "project.admin@example.fi"
    token.refresh_from_db()
    assert token.last_used_at is not None
    assert raw not in (token.key_hash, token.prefix)


def test_revoked_or_wrong_token_is_refused(client, world):
    from django.utils import timezone

    token, raw = api_token_create(user=world.users[Actor.PROJECT_ADMIN], name="vanha")
    token.revoked_at = timezone.now()
    token.save()
    for value in (raw, "yh_arvattu"):
        response = client.get("/api/v1/me", headers={"Authorization": f"Bearer {value}"})
        assert response.status_code == 401


def test_apitoken_command_prints_a_working_token(client, world):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("apitoken", "coordinator@example.fi", "skripti", stdout=out)
    raw = out.getvalue().strip()
    response = client.get("/api/v1/me", headers={"Authorization": f"Bearer {raw}"})
    assert response.json()["email"] == "coordinator@example.fi"


def test_validation_messages_follow_the_callers_language(client, world):
    response = client.get(
        "/api/v1/organisations/", {"q": "x" * 101}, headers={"Accept-Language": "fi"}
    )
    assert response.json()["detail"][0]["msg"] == "Arvo on liian pitkä: enintään 100 merkkiä."
    response = client.get(
        "/api/v1/organisations/", {"kind": "sirkus"}, headers={"Accept-Language": "fi"}
    )
    assert response.json()["detail"][0]["msg"].startswith("Valitse jokin sallituista arvoista")


def test_paging_is_bounded(client, world):
    assert client.get("/api/v1/organisations/", {"offset": 10**20}).status_code == 422
    assert client.get("/api/v1/organisations/", {"limit": 101}).status_code == 422
    assert client.get("/api/v1/organisations/", {"limit": 100, "offset": 1}).json()["count"] == 2


def test_validation_messages_follow_accept_language(client, world):
    response = client.get(
        "/api/v1/organisations/", {"q": "x" * 101}, headers={"Accept-Language": "en"}
    )
    assert response.json()["detail"][0]["msg"] == "The value is too long: at most 100 characters."
