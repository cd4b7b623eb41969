"""A coordinator keeps the organisations of their own municipality up to date."""

from tests.conftest import Actor
from yhdessa.core.models import AuditLogEntry
from yhdessa.directory.models import Organisation

VALID = {
    "name": "Nivalan Eläkkeensaajat ry",
    "kind": "association",
    "business_id": "0201256-6",
    "email": "info@elakkeensaajat.example",
    "phone": "040 123 4567",
    "website": "elakkeensaajat.example",
    "street_address": "Kalliontie 1",
    "postal_code": "85500",
    "post_office": "Nivala",
    "description_fi": "Kerhoja ja retkiä eläkeläisille.",
    "description_sv": "",
    "description_en": "",
}


def edit_url(organisation):
    return f"/staff/organisations/{organisation.slug}/edit/"


def test_coordinator_edits_own_organisation_and_the_change_is_logged(client_as, world):
    response = client_as(Actor.COORDINATOR).post(edit_url(world.nivala_org), VALID)
    assert response.status_code == 302
    organisation = Organisation.objects.get(pk=world.nivala_org.pk)
    assert organisation.postal_code == "85500"
    assert organisation.website == "https://elakkeensaajat.example"
    entry = AuditLogEntry.objects.get(action="directory.organisation.changed")
    assert entry.actor == world.users[Actor.COORDINATOR]
    assert entry.target == organisation
    assert entry.data["postal_code"] == "85500"


def test_bad_input_gets_field_messages_in_finnish_and_saves_nothing(client_as, world):
    data = VALID | {"postal_code": "855", "business_id": "0201256-5", "email": "ei-osoite"}
    response = client_as(Actor.COORDINATOR).post(edit_url(world.nivala_org), data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Postinumerossa on viisi numeroa." in page
    assert "Y-tunnuksen tarkistusnumero ei täsmää" in page
    assert "Syötä kelvollinen sähköpostiosoite." in page
    assert 'aria-invalid="true"' in page
    assert Organisation.objects.get(pk=world.nivala_org.pk).postal_code == ""
    assert not AuditLogEntry.objects.exists()


def test_coordinator_of_another_municipality_cannot_change_it(client_as, world):
    response = client_as(Actor.OTHER_COORDINATOR).post(edit_url(world.nivala_org), VALID)
    assert response.status_code == 404
    assert Organisation.objects.get(pk=world.nivala_org.pk).postal_code == ""


def test_coordinator_adds_an_organisation_to_own_municipality(client_as, world):
    data = VALID | {"name": "Maliskylän kyläneuvosto", "kind": "village_council", "business_id": ""}
    response = client_as(Actor.COORDINATOR).post(
        "/staff/municipalities/535/organisations/new/", data
    )
    organisation = Organisation.objects.get(name="Maliskylän kyläneuvosto")
    assert response["Location"] == organisation.get_absolute_url()
    assert organisation.municipality == world.nivala
    assert organisation.slug == "maliskylan-kylaneuvosto"
    assert AuditLogEntry.objects.filter(action="directory.organisation.created").count() == 1


def test_a_second_organisation_with_the_same_name_gets_its_own_address(client_as, world):
    client = client_as(Actor.COORDINATOR)
    for _ in range(2):
        client.post(
            "/staff/municipalities/535/organisations/new/", VALID | {"name": "Kyläyhdistys"}
        )
    slugs = sorted(Organisation.objects.filter(name="Kyläyhdistys").values_list("slug", flat=True))
    assert slugs == ["kylayhdistys", "kylayhdistys-2"]


def test_staff_page_shows_own_municipality_staff_only(client_as, world):
    page = client_as(Actor.COORDINATOR).get("/staff/municipalities/535/").content.decode()
    assert "coordinator@example.fi" in page
    assert "other.coordinator@example.fi" not in page


def test_edit_link_is_shown_only_to_those_who_may_edit(client_as, world):
    url = world.nivala_org.get_absolute_url()
    assert "Muokkaa tietoja" in client_as(Actor.COORDINATOR).get(url).content.decode()
    assert "Muokkaa tietoja" not in client_as(Actor.OTHER_COORDINATOR).get(url).content.decode()
