"""Cost lines on the staff pages: the kind is chosen first and the form asks only what it needs;
bad input is refused with a Finnish message and nothing is saved; decided experiments are
locked."""

from decimal import Decimal

import pytest
from django.urls import reverse

from tests.conftest import Actor
from tests.experiments.factories import CostLineFactory, ExperimentFactory, seed_parameters
from yhdessa.core.models import AuditLogEntry
from yhdessa.experiments import services
from yhdessa.experiments.models import CostLine

pytestmark = pytest.mark.django_db
TITLE = "Kunnan työntekijä (mediaani)"


@pytest.fixture
def experiment(world):
    seed_parameters(world.project)
    return ExperimentFactory(project=world.project, municipality=world.nivala)


def add_url(experiment, kind=""):
    url = reverse("experiments:cost_line_create", kwargs={"pk": experiment.pk})
    return f"{url}?kind={kind}" if kind else url


STAFF_TIME = {
    "description": "Ohjaus",
    "job_title": TITLE,
    "hours": "7,5",
    "year": "2021",
    "divisor_name": "general_working_time",
}


def test_the_kind_is_chosen_first_without_javascript(client_as, experiment):
    response = client_as(Actor.COORDINATOR).get(add_url(experiment))
    page = response.content.decode()
    assert response.status_code == 200
    assert 'method="get"' in page and 'name="kind"' in page
    bogus = client_as(Actor.COORDINATOR).get(add_url(experiment, "bogus"))
    assert bogus.status_code == 400
    assert "error-summary" in bogus.content.decode()


@pytest.mark.parametrize(
    ("kind", "asked", "not_asked"),
    [
        ("staff_time", ["job_title", "hours", "year", "divisor_name"], ["amount", "vat_pct"]),
        ("volunteer_time", ["hours", "year"], ["job_title", "amount"]),
        ("purchase", ["amount", "vat_treatment", "vat_pct"], ["hours", "job_title"]),
        ("in_kind", ["amount"], ["hours", "vat_treatment"]),
    ],
)
def test_the_form_asks_only_what_the_kind_needs(client_as, experiment, kind, asked, not_asked):
    form = client_as(Actor.COORDINATOR).get(add_url(experiment, kind)).context["form"]
    assert set(asked) <= set(form.fields)
    assert not set(not_asked) & set(form.fields)


def test_a_staff_time_line_is_saved_with_a_decimal_comma_and_logged(client_as, experiment):
    client = client_as(Actor.COORDINATOR)
    response = client.post(add_url(experiment, "staff_time"), STAFF_TIME)
    assert response.status_code == 302
    line = experiment.cost_lines.get()
    assert (line.kind, line.hours, line.job_title) == ("staff_time", Decimal("7.5"), TITLE)
    assert AuditLogEntry.objects.filter(action="experiments.cost_line.added").exists()
    page = client.get(response["Location"]).content.decode()
    assert "Kustannus lisättiin." in page
    assert "174,15\xa0€" in page  # 7,5 h × 23,2201… €/h


@pytest.mark.parametrize(
    ("kind", "data", "field", "message"),
    [
        (
            "staff_time",
            STAFF_TIME | {"hours": "-3"},
            "hours",
            "Tunnit eivät voi olla negatiivisia.",
        ),
        ("staff_time", STAFF_TIME | {"job_title": ""}, "job_title", "Tämä kenttä vaaditaan."),
        ("volunteer_time", {"hours": "4"}, "year", "Tämä kenttä vaaditaan."),
        ("in_kind", {"amount": "-10"}, "amount", "Summa ei voi olla negatiivinen."),
        (
            "purchase",
            {"amount": "100", "vat_treatment": "excluded"},
            "vat_pct",
            "Kirjaa arvonlisäveroprosentti, joka summaan lisätään.",
        ),
    ],
)
def test_bad_input_is_refused_with_a_message_and_nothing_is_saved(
    client_as, experiment, kind, data, field, message
):
    response = client_as(Actor.COORDINATOR).post(add_url(experiment, kind), data)
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert f'href="#id_{field}"' in page  # the error summary links to the field
    assert 'aria-invalid="true"' in page
    assert not CostLine.objects.exists()


def test_a_decided_experiments_lines_cannot_be_added_changed_or_deleted(
    world, client_as, experiment
):
    line = CostLineFactory(experiment=experiment, amount=Decimal("10"))
    services.experiment_decide(
        actor=world.users[Actor.PROJECT_ADMIN], experiment=experiment, decision="stop", reason="-"
    )
    client = client_as(Actor.COORDINATOR)
    added = client.post(add_url(experiment, "in_kind"), {"amount": "5"})
    changed = client.post(
        reverse("experiments:cost_line_edit", kwargs={"pk": line.pk}), {"amount": "99"}
    )
    deleted = client.post(reverse("experiments:cost_line_delete", kwargs={"pk": line.pk}))
    for response in (added, changed, deleted):
        assert response.status_code == 400
        assert "luvut on lukittu" in response.content.decode()
    assert list(experiment.cost_lines.values_list("amount", flat=True)) == [Decimal("10")]


def test_changing_the_kind_of_a_line_clears_what_the_new_kind_does_not_use(client_as, experiment):
    line = CostLineFactory(experiment=experiment, amount=Decimal("10"))
    url = reverse("experiments:cost_line_edit", kwargs={"pk": line.pk}) + "?kind=volunteer_time"
    response = client_as(Actor.COORDINATOR).post(url, {"hours": "2", "year": "2021"})
    assert response.status_code == 302
    line.refresh_from_db()
    assert (line.kind, line.hours, line.amount) == ("volunteer_time", Decimal("2"), None)


def test_deleting_asks_first_and_then_deletes(client_as, experiment):
    line = CostLineFactory(experiment=experiment)
    url = reverse("experiments:cost_line_delete", kwargs={"pk": line.pk})
    client = client_as(Actor.PROJECT_ADMIN)
    assert client.get(url).status_code == 200
    assert CostLine.objects.filter(pk=line.pk).exists()
    assert client.post(url).status_code == 302
    assert not CostLine.objects.filter(pk=line.pk).exists()


def test_staff_without_the_right_are_refused_and_others_not_told(client_as, experiment):
    line = CostLineFactory(experiment=experiment)
    url = reverse("experiments:cost_line_edit", kwargs={"pk": line.pk})
    assert client_as(Actor.VIEWER).post(url, {"amount": "1"}).status_code == 403
    assert client_as(Actor.OTHER_COORDINATOR).post(url, {"amount": "1"}).status_code == 404
    line.refresh_from_db()
    assert line.amount == Decimal("100")
