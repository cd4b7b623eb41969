"""Writes: audit-logged, refused for decided experiments, and freezing their figures."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from tests.conftest import Actor
from tests.experiments.factories import (
    CostLineFactory,
    ExperimentFactory,
    HeadcountFactory,
    seed_parameters,
)
from tests.factories import EventFactory, ProjectFactory
from yhdessa.core.models import AuditLogEntry
from yhdessa.experiments import services
from yhdessa.experiments.costs import costs_for_experiments
from yhdessa.experiments.models import CostLine, Experiment

pytestmark = pytest.mark.django_db
TITLE = "Kunnan työntekijä (mediaani)"


@pytest.fixture
def admin(world):
    return world.users[Actor.PROJECT_ADMIN]


@pytest.fixture
def experiment(world, admin):
    experiment = services.experiment_create(
        actor=admin,
        project=world.project,
        municipality=world.nivala,
        title="Bussiretki",
        partners=[world.nivala_org],
    )
    HeadcountFactory(experiment=experiment, count=10)
    return experiment


def _figures(experiment):
    return costs_for_experiments(Experiment.objects.filter(pk=experiment.pk))[0]


def _add_lines(admin, experiment):
    services.cost_line_add(
        actor=admin,
        experiment=experiment,
        kind=CostLine.Kind.STAFF_TIME,
        job_title=TITLE,
        hours=Decimal("10"),
        year=2021,
        divisor_name="general_working_time",
    )
    services.cost_line_add(
        actor=admin,
        experiment=experiment,
        kind=CostLine.Kind.VOLUNTEER_TIME,
        hours=Decimal("4"),
        year=2021,
    )


def test_costs_of_an_experiment_from_its_lines_and_parameters(world, admin, experiment):
    seed_parameters(world.project)
    _add_lines(admin, experiment)
    figures = _figures(experiment)
    staff = Decimal(10) * Decimal("3784.800") / Decimal(163)
    volunteer = Decimal(4) * (Decimal("15.00") * Decimal(3393) / Decimal(2781))
    assert figures.costs.total == staff + volunteer
    assert figures.participants.total == 10
    assert figures.costs.per_participant.value == (staff + volunteer) / 10


def test_decision_freezes_the_figures_and_a_parameter_change_leaves_them(world, admin, experiment):
    made = seed_parameters(world.project)
    _add_lines(admin, experiment)
    open_one = ExperimentFactory(project=world.project, municipality=world.nivala)
    services.cost_line_add(
        actor=admin,
        experiment=open_one,
        kind=CostLine.Kind.VOLUNTEER_TIME,
        hours=Decimal(4),
        year=2021,
    )
    before = _figures(experiment).costs.total

    decided = services.experiment_decide(
        actor=admin,
        experiment=experiment,
        decision=Experiment.Decision.ADOPT,
        reason=" Toimi hyvin. ",
    )
    assert decided.status == Experiment.Status.DECIDED
    assert decided.frozen_at is not None
    assert decided.decision_reason == "Toimi hyvin."
    assert set(decided.frozen_parameters) == {
        f"p{made[name].pk}"
        for name in ("wage", "side", "divisor", "volunteer", "index2010", "index2021")
    }
    assert decided.frozen_parameters[f"p{made['volunteer'].pk}"]["value"] == "15.0000"

    keeping_old = services.parameter_change(
        actor=admin, parameter=made["volunteer"], value=Decimal("20.00")
    )

    assert keeping_old == [decided]
    assert _figures(decided).costs.total == before
    raised = Decimal(20) * Decimal(3393) / Decimal(2781)
    assert _figures(open_one).costs.total == Decimal(4) * raised
    entry = AuditLogEntry.objects.get(action="experiments.cost_parameter.changed")
    assert entry.data["old"] == "15.0000"
    assert entry.data["new"] == "20.00"
    assert entry.data["frozen_experiments_keeping_old"] == [decided.pk]


def test_cost_lines_of_a_decided_experiment_cannot_change(world, admin, experiment):
    seed_parameters(world.project)
    _add_lines(admin, experiment)
    services.experiment_decide(
        actor=admin,
        experiment=experiment,
        decision=Experiment.Decision.STOP,
        reason="Liian kallis.",
    )
    line = experiment.cost_lines.first()
    message = "Kokeilu on päätetty ja sen luvut on lukittu: kustannuksia ei voi enää muuttaa."
    with pytest.raises(ValidationError, match=message):
        services.cost_line_change(actor=admin, line=line, hours=Decimal(1))
    with pytest.raises(ValidationError, match=message):
        services.cost_line_delete(actor=admin, line=line)
    with pytest.raises(ValidationError, match=message):
        services.cost_line_add(
            actor=admin, experiment=experiment, kind=CostLine.Kind.IN_KIND, amount=Decimal(1)
        )
    with pytest.raises(ValidationError, match="jo päätetty"):
        services.experiment_decide(
            actor=admin, experiment=experiment, decision=Experiment.Decision.ADOPT, reason=""
        )


def test_a_decision_is_refused_while_a_parameter_is_missing(admin, experiment):
    services.cost_line_add(
        actor=admin,
        experiment=experiment,
        kind=CostLine.Kind.VOLUNTEER_TIME,
        hours=Decimal(1),
        year=2021,
    )
    with pytest.raises(ValidationError, match="Vapaaehtoistyön tunnin arvoa ei ole vuodelle 2021"):
        services.experiment_decide(
            actor=admin, experiment=experiment, decision=Experiment.Decision.ADOPT, reason=""
        )
    experiment.refresh_from_db()
    assert experiment.frozen_at is None


def test_cost_line_writes_are_validated_and_logged(admin, experiment):
    with pytest.raises(ValidationError) as raised:
        services.cost_line_add(
            actor=admin, experiment=experiment, kind=CostLine.Kind.IN_KIND, amount=Decimal("-5")
        )
    assert raised.value.message_dict["amount"] == ["Summa ei voi olla negatiivinen."]
    line = services.cost_line_add(
        actor=admin, experiment=experiment, kind=CostLine.Kind.IN_KIND, amount=Decimal("5")
    )
    services.cost_line_change(actor=admin, line=line, amount=Decimal("7.50"))
    services.cost_line_delete(actor=admin, line=line)
    actions = list(AuditLogEntry.objects.values_list("action", flat=True).order_by("pk"))
    assert actions[-3:] == [
        "experiments.cost_line.added",
        "experiments.cost_line.changed",
        "experiments.cost_line.deleted",
    ]


def test_experiments_stay_in_their_project(world, admin, experiment):
    stranger = EventFactory(project=ProjectFactory())
    with pytest.raises(ValidationError, match="Valitse tapaamiset kokeilun hankkeesta"):
        services.experiment_update(actor=admin, experiment=experiment, sessions=[stranger])
    services.experiment_update(actor=admin, experiment=experiment, sessions=[world.event])
    assert list(experiment.sessions.all()) == [world.event]
    outside = ExperimentFactory().municipality
    with pytest.raises(ValidationError, match="kumppanikunnista"):
        services.experiment_create(
            actor=admin, project=world.project, municipality=outside, title="Muualla"
        )


def test_deciding_goes_through_its_own_service(admin, experiment):
    with pytest.raises(ValidationError, match="kirjaamalla päätös"):
        services.experiment_update(
            actor=admin, experiment=experiment, status=Experiment.Status.DECIDED
        )


@pytest.mark.parametrize("size", [1, 5])
def test_figures_of_many_experiments_take_a_fixed_number_of_queries(
    world, admin, size, django_assert_max_num_queries
):
    seed_parameters(world.project)
    for _ in range(size):
        experiment = ExperimentFactory(project=world.project, municipality=world.nivala)
        _add_lines(admin, experiment)
        HeadcountFactory(experiment=experiment, count=3)
    with django_assert_max_num_queries(6):
        figures = costs_for_experiments(Experiment.objects.filter(project=world.project))
    assert len(figures) == size
    assert {f.participants.total for f in figures} == {3}


def test_an_experiment_without_its_parameters_does_not_hide_the_figures_of_the_others(world, admin):
    seed_parameters(world.project)
    complete = ExperimentFactory(project=world.project, municipality=world.nivala)
    _add_lines(admin, complete)
    unpriced = ExperimentFactory(project=world.project, municipality=world.nivala)
    CostLineFactory(
        experiment=unpriced,
        kind=CostLine.Kind.STAFF_TIME,
        amount=None,
        job_title="Nuoriso-ohjaaja",
        hours=Decimal(4),
        year=2021,
        divisor_name="general_working_time",
    )
    figures = {
        item.experiment.pk: item
        for item in costs_for_experiments(Experiment.objects.filter(project=world.project))
    }
    assert figures[complete.pk].costs is not None and figures[complete.pk].error is None
    assert figures[unpriced.pk].costs is None
    assert figures[unpriced.pk].error == (
        "Vuodelle 2021 ei ole kuukausipalkkaa ammattinimikkeelle Nuoriso-ohjaaja."
    )
