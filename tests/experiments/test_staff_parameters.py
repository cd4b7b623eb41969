"""The project's cost parameters on the staff pages: listed by kind with their sources, added
with the fields their kind needs, changed with a word on whose figures change."""

from decimal import Decimal

import pytest
from django.urls import reverse

from tests.conftest import Actor
from tests.experiments.factories import CostLineFactory, ExperimentFactory, seed_parameters
from yhdessa.experiments import services
from yhdessa.experiments.models import CostLine, CostParameter

pytestmark = pytest.mark.django_db


@pytest.fixture
def parameters(world):
    return seed_parameters(world.project)


def list_url(world):
    return reverse("experiments:cost_parameters", kwargs={"slug": world.project.slug})


def new_url(world, kind):
    url = reverse("experiments:cost_parameter_create", kwargs={"slug": world.project.slug})
    return f"{url}?kind={kind}"


def edit_url(parameter):
    return reverse("experiments:cost_parameter_edit", kwargs={"pk": parameter.pk})


def test_parameters_are_listed_by_kind_with_their_sources(world, client_as, parameters):
    parameters["wage"].source_url = "https://stat.fi/tilasto/khi"
    parameters["wage"].save()
    page = client_as(Actor.PROJECT_ADMIN).get(list_url(world)).content.decode()
    assert page.index("Kuukausipalkka") < page.index("Ansiotasoindeksi")
    assert "3\xa0393" in page and "24,5" in page
    assert 'href="https://stat.fi/tilasto/khi"' in page


@pytest.mark.parametrize(
    ("kind", "asked", "not_asked"),
    [
        ("monthly_wage", "job_title", "divisor_name"),
        ("monthly_hours_divisor", "divisor_name", "job_title"),
        ("earnings_level_index", "year", "job_title"),
    ],
)
def test_the_add_form_asks_what_the_kind_needs(world, client_as, kind, asked, not_asked):
    form = client_as(Actor.PROJECT_ADMIN).get(new_url(world, kind)).context["form"]
    assert asked in form.fields and not_asked not in form.fields


def test_a_new_wage_is_saved(world, client_as, parameters):
    data = {
        "year": "2022",
        "job_title": "Sosiaaliohjaaja",
        "value": "3 150,50",
        "unit": "€/kk",
        "source": "Tilastokeskus",
    }
    response = client_as(Actor.PROJECT_ADMIN).post(new_url(world, "monthly_wage"), data)
    assert response.status_code == 302
    saved = CostParameter.objects.get(job_title="Sosiaaliohjaaja")
    assert (saved.year, saved.value) == (2022, Decimal("3150.50"))


@pytest.mark.parametrize(
    ("kind", "data", "message"),
    [
        (
            "earnings_level_index",
            {"year": "2021", "value": "3400"},
            "Tälle vuodelle on jo samanlainen parametri.",
        ),
        ("earnings_level_index", {"year": "2022", "value": "0"}, "suurempia kuin 0"),
        (
            "monthly_hours_divisor",
            {"year": "2023", "value": "0", "divisor_name": "general_working_time"},
            "suurempia kuin 0",
        ),
        (
            "employer_side_cost_pct",
            {"year": "2022", "value": "-1"},
            "Arvo ei voi olla negatiivinen.",
        ),
        ("monthly_wage", {"year": "2022", "value": "3000"}, "Tämä kenttä vaaditaan."),
    ],
)
def test_bad_parameters_are_refused_and_not_saved(
    world, client_as, parameters, kind, data, message
):
    before = CostParameter.objects.count()
    full = {"unit": "x", "source": "Lähde"} | data
    response = client_as(Actor.PROJECT_ADMIN).post(new_url(world, kind), full)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert CostParameter.objects.count() == before


def test_editing_names_the_open_experiments_that_change_and_counts_the_decided(
    world, client_as, parameters
):
    admin = world.users[Actor.PROJECT_ADMIN]
    for title, decide in (("Avoin", False), ("Päätetty", True), ("Ei työaikaa", False)):
        experiment = ExperimentFactory(
            project=world.project, municipality=world.nivala, title_fi=title
        )
        if title != "Ei työaikaa":
            CostLineFactory(
                experiment=experiment,
                kind=CostLine.Kind.VOLUNTEER_TIME,
                amount=None,
                hours=2,
                year=2021,
            )
        if decide:
            services.experiment_decide(
                actor=admin, experiment=experiment, decision="adopt", reason="-"
            )
    client = client_as(Actor.PROJECT_ADMIN)
    response = client.get(edit_url(parameters["volunteer"]))
    use = response.context["use"]
    assert [experiment.title for experiment in use.open_experiments] == ["Avoin"]
    assert use.decided_count == 1
    page = response.content.decode()
    assert "Avoin" in page and "1 päätetty kokeilu käytti tätä parametria" in page
    assert 'value="15"' in page  # 15, not 15,0000
    saved = client.post(
        edit_url(parameters["volunteer"]),
        {"value": "16", "unit": "€/h", "source": "Kansalaisareena"},
    )
    assert saved.status_code == 302
    assert "pitävät vanhan arvon" in client.get(saved["Location"]).content.decode()
    parameters["volunteer"].refresh_from_db()
    assert parameters["volunteer"].value == Decimal("16")


def test_a_refused_change_shows_the_reason(world, client_as, parameters):
    response = client_as(Actor.PROJECT_ADMIN).post(
        edit_url(parameters["divisor"]), {"value": "0", "unit": "h", "source": "KVTES"}
    )
    assert response.status_code == 400
    assert "suurempia kuin 0" in response.content.decode()
    parameters["divisor"].refresh_from_db()
    assert parameters["divisor"].value == Decimal("163")
