"""An experiment's staff page: participants, each cost with its "why", totals, and the notices
of a decided experiment and of a missing parameter."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.conftest import Actor
from tests.experiments.factories import (
    CostLineFactory,
    ExperimentFactory,
    HeadcountFactory,
    seed_parameters,
)
from tests.factories import EventFactory, RegistrationFactory
from yhdessa.events.models import Attendance, Event, WalkIn
from yhdessa.experiments import services
from yhdessa.experiments.models import CostLine

pytestmark = pytest.mark.django_db
TITLE = "Kunnan työntekijä (mediaani)"


def staff_line(experiment, hours="10", year=2021):
    return CostLineFactory(
        experiment=experiment,
        kind=CostLine.Kind.STAFF_TIME,
        amount=None,
        job_title=TITLE,
        hours=Decimal(hours),
        year=year,
        divisor_name="general_working_time",
        description="Ohjaajan työaika",
    )


@pytest.fixture
def experiment(world):
    seed_parameters(world.project)
    return ExperimentFactory(
        project=world.project, municipality=world.nivala, title_fi="Bussiretki"
    )


def url(experiment):
    return reverse("experiments:experiment_staff", kwargs={"pk": experiment.pk})


def test_each_cost_shows_its_value_and_why_with_the_parameters_and_their_sources(
    world, client_as, experiment
):
    staff_line(experiment)
    CostLineFactory(experiment=experiment, description="Tilavuokra", amount=Decimal("100"))
    HeadcountFactory(experiment=experiment, count=4)
    page = client_as(Actor.VIEWER).get(url(experiment)).content.decode()
    # 3 040 € × 1,245 / 163 h = 23,2201… €/h; × 10 h = 232,20 €
    assert "232,20\xa0€" in page
    assert "Miksi tämä luku?" in page
    assert "Tuntihinta = kuukausipalkka × (1 + sivukuluprosentti) / tuntijakaja" in page
    assert "3\xa0040,00\xa0€ × (1 + 24,5\xa0%) / 163\xa0h = 23,22\xa0€/h" in page
    assert "Tilastokeskus, kuntasektorin palkat 2021" in page
    # Totals by kind, the total and the cost per participant with its why.
    assert "332,20\xa0€" in page
    assert "83,05\xa0€" in page  # 332,20 € / 4
    assert "332,20\xa0€ / 4 = 83,05\xa0€" in page


def test_participants_are_broken_down_and_summed(world, client_as, experiment):
    session = EventFactory(
        project=world.project, municipality=world.nivala, kind=Event.Kind.EXPERIMENT_SESSION
    )
    experiment.sessions.add(session)
    for _ in range(2):
        RegistrationFactory(event=session, attendance=Attendance.PRESENT)
    RegistrationFactory(event=session, attendance=Attendance.ABSENT)
    WalkIn.objects.create(event=session, count=3)
    HeadcountFactory(experiment=experiment, count=5)
    response = client_as(Actor.COORDINATOR).get(url(experiment))
    assert response.context["sheet"].participants.total == 10
    page = response.content.decode()
    assert reverse("events:attendance", kwargs={"pk": session.pk}) in page


def test_a_missing_parameter_is_named_and_the_admin_is_sent_to_the_parameters(
    world, client_as, experiment
):
    staff_line(experiment, year=2019)
    response = client_as(Actor.PROJECT_ADMIN).get(url(experiment))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Vuodelle 2019 ei ole kuukausipalkkaa ammattinimikkeelle" in page
    parameters = reverse("experiments:cost_parameters", kwargs={"slug": world.project.slug})
    assert parameters in page
    coordinator_page = client_as(Actor.COORDINATOR).get(url(experiment)).content.decode()
    assert parameters not in coordinator_page
    assert "Pyydä hankkeen pääkäyttäjää" in coordinator_page


def test_no_participants_gives_the_reason_instead_of_a_figure(world, client_as, experiment):
    CostLineFactory(experiment=experiment, amount=Decimal("50"))
    response = client_as(Actor.VIEWER).get(url(experiment))
    assert response.status_code == 200
    assert "Osallistujia ei ole, joten kustannusta osallistujaa kohti ei voi laskea." in (
        response.content.decode()
    )


def test_a_decided_experiment_keeps_its_frozen_figures_and_offers_no_changes(
    world, client_as, experiment
):
    staff_line(experiment)
    HeadcountFactory(experiment=experiment, count=4)
    admin = world.users[Actor.PROJECT_ADMIN]
    services.experiment_decide(actor=admin, experiment=experiment, decision="adopt", reason="Hyvä")
    wage = experiment.project.cost_parameters.get(kind="monthly_wage")
    services.parameter_change(actor=admin, parameter=wage, value=Decimal("4000"))
    response = client_as(Actor.PROJECT_ADMIN).get(url(experiment))
    page = response.content.decode()
    assert "Kokeilu on päätetty" in page
    assert "232,20\xa0€" in page  # still the 2021 wage of 3 040 €
    assert reverse("experiments:cost_line_create", kwargs={"pk": experiment.pk}) not in page
    line = experiment.cost_lines.get()
    assert reverse("experiments:cost_line_edit", kwargs={"pk": line.pk}) not in page


def test_only_managers_see_the_buttons_that_change_things(world, client_as, experiment):
    add = reverse("experiments:cost_line_create", kwargs={"pk": experiment.pk})
    assert add not in client_as(Actor.VIEWER).get(url(experiment)).content.decode()
    assert add in client_as(Actor.COORDINATOR).get(url(experiment)).content.decode()


def test_the_page_takes_the_same_queries_however_many_lines(
    world, client_as, experiment, django_assert_max_num_queries
):
    client = client_as(Actor.PROJECT_ADMIN)
    staff_line(experiment)
    HeadcountFactory(experiment=experiment)
    experiment.sessions.add(EventFactory(project=world.project, kind=Event.Kind.EXPERIMENT_SESSION))
    client.get(url(experiment))  # warm the session and the content types
    with CaptureQueriesContext(connection) as one_line:
        client.get(url(experiment))
    for hours in range(1, 15):
        staff_line(experiment, hours=str(hours))
        CostLineFactory(experiment=experiment)
        HeadcountFactory(experiment=experiment)
    with django_assert_max_num_queries(len(one_line)):
        response = client.get(url(experiment))
    assert len(response.context["sheet"].rows) == 29


def test_workspace_leads_to_the_model_description_or_to_writing_one(client_as, world):
    from tests.experiments.policy_model_descriptions import nivala_description, nivala_experiment

    bare = nivala_experiment(world)
    page = client_as(Actor.COORDINATOR).get(
        reverse("experiments:experiment_staff", kwargs={"pk": bare.pk})
    )
    write = reverse("experiments:model_create_from_experiment", kwargs={"pk": bare.pk})
    assert write in page.content.decode()
    described = nivala_description(world)
    page = client_as(Actor.COORDINATOR).get(
        reverse("experiments:experiment_staff", kwargs={"pk": described.experiment.pk})
    )
    assert reverse("experiments:model_detail", kwargs={"slug": described.slug}) in (
        page.content.decode()
    )
