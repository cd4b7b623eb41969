"""The public experiment pages: a project's experiments, one experiment, and the costs by
municipality with the chart, the downloads and the printed figures beside the computed ones."""

from decimal import Decimal

import pytest
from django.urls import reverse

from tests.conftest import Actor
from tests.experiments.factories import (
    CostLineFactory,
    ExperimentFactory,
    HeadcountFactory,
    seed_parameters,
)
from tests.factories import MunicipalityFactory
from yhdessa.core.spreadsheets import csv_rows
from yhdessa.experiments.models import CostLine, DivisorName
from yhdessa.projects.models import ReportedFigure

pytestmark = pytest.mark.django_db


def experiment(world, municipality, *, people: int, cost: str, **fields):
    made = ExperimentFactory(project=world.project, municipality=municipality, **fields)
    HeadcountFactory(experiment=made, count=people)
    CostLineFactory(experiment=made, amount=Decimal(cost))
    return made


@pytest.fixture
def public_project(world):
    world.project.is_public = True
    world.project.save(update_fields=["is_public"])
    return world.project


@pytest.fixture
def two_municipalities(world, public_project):
    """Nivala: 30 people for 600 € (20 €/person); Sievi: 3 people for 300 € (small)."""
    return (
        experiment(world, world.nivala, people=30, cost="600.00", title_fi="Bussiretki"),
        experiment(world, world.sievi, people=3, cost="300.00", title_fi="Kylätupa"),
    )


def costs_url(world, **query) -> str:
    url = reverse("experiments:project_costs", kwargs={"slug": world.project.slug})
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def test_costs_page_shows_each_municipality_and_the_totals(client_as, world, two_municipalities):
    page = client_as(Actor.PROJECT_ADMIN).get(costs_url(world)).content.decode()
    assert "600,00\u00a0€" in page
    assert "20,00\u00a0€" in page  # Nivala's cost per participant
    assert "900,00\u00a0€" in page  # the project's total cost
    assert "66,7\u00a0%" in page  # Nivala's share of the costs
    assert 'src="data:image/svg+xml;base64,' in page


def test_small_participant_counts_are_hidden_from_the_public_but_not_from_the_staff(
    client_as, world, two_municipalities
):
    public = client_as(Actor.ANONYMOUS).get(costs_url(world)).content.decode()
    # Sievi's 3 is small; Nivala's 30 is hidden as well, since 33 − 30 would give it back.
    assert ">3<" not in public and ">30<" not in public and ">33<" in public
    assert "100,00\u00a0€" not in public  # Sievi's 300 € / 3 would give the count back
    staff = client_as(Actor.PROJECT_ADMIN).get(costs_url(world)).content.decode()
    assert ">3<" in staff and ">30<" in staff
    assert "100,00\u00a0€" in staff


def test_a_coordinator_cannot_work_out_a_small_count_from_their_own_and_the_total(
    client_as, world, two_municipalities
):
    # Nivala's coordinator sees Nivala's 30 exactly; with the total 33 beside it, Sievi's 3
    # would follow, so the total is hidden from them.
    page = client_as(Actor.COORDINATOR).get(costs_url(world)).content.decode()
    assert ">30<" in page
    assert ">3<" not in page and ">33<" not in page
    assert "27,27\u00a0€" not in page  # 900 € / 33 would give the total back


def test_download_holds_the_same_protected_figures(client, world, two_municipalities):
    response = client.get(costs_url(world, format="csv"))
    assert response["Content-Disposition"].endswith('.csv"')
    rows = csv_rows(response.content)
    assert rows[0][0] == "Kunta"
    nivala = next(row for row in rows if row[0] == world.nivala.name)
    assert nivala[3] == "600.00"
    assert nivala[2] == ""  # hidden, as on the page
    assert rows[-1][0] == "Yhteensä" and rows[-1][3] == "900.00"
    xlsx = client.get(costs_url(world, format="xlsx"))
    assert xlsx.content[:2] == b"PK"


def test_printed_figures_are_shown_beside_the_computed_ones(client_as, world, two_municipalities):
    ReportedFigure.objects.create(
        project=world.project,
        key="experiments.cost_total",
        value=Decimal("850.00"),
        label="Kustannukset yhteensä",
        source="Loppuraportti s. 12",
    )
    page = client_as(Actor.ANONYMOUS).get(costs_url(world)).content.decode()
    assert "Raportoidut ja lasketut luvut" in page
    assert "Loppuraportti s. 12" in page
    assert "<strong>-50</strong>" in page  # printed 850 − computed 900


def test_an_experiment_without_its_parameters_is_named_and_the_others_still_add_up(
    client, world, two_municipalities
):
    broken = ExperimentFactory(project=world.project, municipality=world.nivala, title_fi="Rikki")
    CostLine.objects.create(
        experiment=broken,
        kind=CostLine.Kind.STAFF_TIME,
        job_title="Ohjaaja",
        hours=Decimal(3),
        year=2021,
        divisor_name=DivisorName.GENERAL,
    )
    response = client.get(costs_url(world))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Kokeilun ”Rikki” kustannuksia ei voi laskea" in page
    assert "Vuodelle 2021 ei ole kuukausipalkkaa ammattinimikkeelle Ohjaaja." in page
    assert "900,00\u00a0€" in page


def test_experiment_page_explains_its_costs_with_the_parameters_and_their_sources(
    client, world, public_project
):
    seed_parameters(world.project)
    bus = experiment(world, world.nivala, people=12, cost="100.00", title_fi="Bussiretki")
    CostLine.objects.create(
        experiment=bus,
        kind=CostLine.Kind.VOLUNTEER_TIME,
        hours=Decimal(10),
        year=2021,
    )
    page = client.get(reverse("experiments:experiment_detail", kwargs={"pk": bus.pk}))
    text = page.content.decode()
    # 15 € (2010) × 3 393 / 2 781 = 18,30 €/h; 10 h → 183,01 €; + 100 € in kind.
    assert "283,01\u00a0€" in text
    assert "Ansiotasoindeksi 2010: 2\u00a0781" in text
    assert "Vapaaehtoistyön tunnin arvo 2010: 15" in text
    assert "283,01\u00a0€ / 12 = 23,58\u00a0€" in text


def test_hidden_projects_experiments_are_found_by_their_staff_only(client_as, world):
    world.project.is_public = False
    world.project.save(update_fields=["is_public"])
    hidden = ExperimentFactory(project=world.project, municipality=world.nivala)
    url = reverse("experiments:experiment_detail", kwargs={"pk": hidden.pk})
    assert client_as(Actor.ANONYMOUS).get(url).status_code == 404
    assert client_as(Actor.OTHER_COORDINATOR).get(url).status_code == 404
    assert client_as(Actor.COORDINATOR).get(url).status_code == 200
    listing = reverse("experiments:project_experiments_public", kwargs={"slug": world.project.slug})
    assert client_as(Actor.OUTSIDER).get(listing).status_code == 404
    assert client_as(Actor.VIEWER).get(listing).status_code == 200


def test_pages_take_the_same_number_of_queries_however_many_experiments(
    client, world, public_project, django_assert_max_num_queries
):
    def count_queries() -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as captured:
            assert client.get(costs_url(world)).status_code == 200
            listing = reverse(
                "experiments:project_experiments_public", kwargs={"slug": world.project.slug}
            )
            assert client.get(listing).status_code == 200
        return len(captured)

    experiment(world, world.nivala, people=10, cost="10.00")
    few = count_queries()
    for _ in range(6):
        municipality = MunicipalityFactory()
        world.project.partner_municipalities.add(municipality)
        experiment(world, municipality, people=10, cost="10.00")
        experiment(world, world.sievi, people=10, cost="10.00")
    assert count_queries() == few


def test_experiment_page_leads_to_its_model_description_and_its_staff_to_the_workspace(
    client_as, world, public_project
):
    from tests.experiments.policy_model_descriptions import nivala_description

    description = nivala_description(world)
    url = reverse("experiments:experiment_detail", kwargs={"pk": description.experiment.pk})
    public = client_as(Actor.ANONYMOUS).get(url).content.decode()
    assert reverse("experiments:model_detail", kwargs={"slug": description.slug}) in public
    workspace = reverse("experiments:experiment_staff", kwargs={"pk": description.experiment.pk})
    assert workspace not in public
    assert workspace in client_as(Actor.COORDINATOR).get(url).content.decode()
