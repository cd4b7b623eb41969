from tests.factories import MunicipalityFactory, OrganisationFactory
from yhdessa.directory.models import Organisation


def test_municipality_directory_lists_municipalities_with_organisation_counts(client, world):
    response = client.get("/municipalities/")
    assert response.status_code == 200
    rows = {m.code: m.organisation_count for m in response.context["municipalities"]}
    assert rows == {"535": 1, "746": 1}
    assert "Nivala" in response.content.decode()


def test_swedish_page_shows_swedish_names_and_language(client, world):
    world.nivala.name_sv = "Nivala"
    world.sievi.name_sv = "Sievi"
    raahe = MunicipalityFactory(code="678", name_fi="Raahe", name_sv="Brahestad")
    assert raahe.code == "678"
    page = client.get("/sv/municipalities/").content.decode()
    assert '<html lang="sv">' in page
    assert "Brahestad" in page
    assert "Kommuner" in page or "Kunnat" in page  # heading, translated when the catalogue is


def test_language_links_keep_the_visitor_on_the_same_page(client, world):
    page = client.get("/organisations/?municipality=535").content.decode()
    assert 'href="/sv/organisations/?municipality=535"' in page
    assert 'href="/en/organisations/?municipality=535"' in page


def test_organisation_search_ignores_case_also_in_finnish_letters(client, world):
    response = client.get("/organisations/", {"q": "ELÄKKEENSAAJAT"})
    assert [o.name for o in response.context["page"]] == ["Nivalan Eläkkeensaajat ry"]


def test_organisations_can_be_filtered_by_municipality_and_kind(client, world):
    OrganisationFactory(name="Nivalan seurakunta", kind="parish", municipality=world.nivala)
    response = client.get("/organisations/", {"municipality": "535", "kind": "parish"})
    assert [o.name for o in response.context["page"]] == ["Nivalan seurakunta"]
    response = client.get("/organisations/", {"municipality": "746"})
    assert [o.name for o in response.context["page"]] == ["Sievin Kotiseutuyhdistys ry"]


def test_bad_filter_values_get_a_finnish_message_and_no_results(client, world):
    response = client.get("/organisations/", {"kind": "sirkus", "municipality": "999"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Valitse oikea vaihtoehto" in page
    assert response.context["page"].paginator.count == 0


def test_htmx_search_returns_only_the_results_fragment(client, world):
    response = client.get(
        "/organisations/", {"q": "sievin"}, headers={"HX-Request": "true", "HX-Target": "results"}
    )
    page = response.content.decode()
    assert '<section id="results"' in page
    assert "Sievin Kotiseutuyhdistys ry" in page
    assert "<html" not in page


def test_organisation_list_query_count_stays_flat(client, world, django_assert_max_num_queries):
    OrganisationFactory.create_batch(5, municipality=world.nivala)
    with django_assert_max_num_queries(4) as few:
        client.get("/organisations/")
    OrganisationFactory.create_batch(40, municipality=world.sievi)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/organisations/")


def test_municipality_list_query_count_stays_flat(client, world, django_assert_max_num_queries):
    with django_assert_max_num_queries(3) as few:
        client.get("/municipalities/")
    for number in range(20):
        OrganisationFactory(municipality=MunicipalityFactory(code=f"{300 + number}"))
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/municipalities/")


def test_project_page_query_count_stays_flat(client, world, django_assert_max_num_queries):
    with django_assert_max_num_queries(35) as few:
        client.get("/projects/yhdessa-osallisuutta/")
    world.project.partner_municipalities.add(*MunicipalityFactory.create_batch(10))
    world.project.implementers.add(*OrganisationFactory.create_batch(5))
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/projects/yhdessa-osallisuutta/")


def test_organisation_page_shows_contact_details_and_demo_notice(client, world):
    organisation = Organisation.objects.get(pk=world.nivala_org.pk)
    organisation.email = "toimisto@elakkeensaajat.example"
    organisation.is_demo = True
    organisation.save()
    page = client.get(organisation.get_absolute_url()).content.decode()
    assert "mailto:toimisto@elakkeensaajat.example" in page
    assert "keksitty esimerkki" in page
