"""The rules of the records: database constraints and the Finnish messages of ``clean``."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from tests.experiments.factories import CostLineFactory, CostParameterFactory, ExperimentFactory
from yhdessa.experiments.models import CostLine, CostParameter, Experiment, ParameterKind

pytestmark = pytest.mark.django_db


def errors_of(instance) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as raised:
        instance.full_clean()
    return raised.value.message_dict


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        (
            {"kind": CostLine.Kind.VOLUNTEER_TIME, "hours": Decimal("-1"), "year": 2021},
            "hours",
            "Tunnit eivät voi olla negatiivisia.",
        ),
        (
            {"kind": CostLine.Kind.IN_KIND, "amount": Decimal("-0.01")},
            "amount",
            "Summa ei voi olla negatiivinen.",
        ),
        (
            {"kind": CostLine.Kind.STAFF_TIME, "hours": Decimal("2"), "year": 2021},
            "job_title",
            "Kirjaa ammattinimike.",
        ),
        ({"kind": CostLine.Kind.VOLUNTEER_TIME, "year": 2021}, "hours", "Kirjaa käytetyt tunnit."),
        (
            {"kind": CostLine.Kind.PURCHASE, "amount": Decimal("10")},
            "vat_treatment",
            "Valitse, sisältääkö summa arvonlisäveron.",
        ),
        (
            {
                "kind": CostLine.Kind.PURCHASE,
                "amount": Decimal("10"),
                "vat_treatment": CostLine.Vat.EXCLUDED,
            },
            "vat_pct",
            "Kirjaa arvonlisäveroprosentti, joka summaan lisätään.",
        ),
        (
            {"kind": CostLine.Kind.IN_KIND, "amount": Decimal("10"), "hours": Decimal("1")},
            "hours",
            "Tätä tietoa ei käytetä tämän lajin kustannuksessa.",
        ),
    ],
)
def test_a_cost_line_says_what_its_kind_needs(fields, field, message):
    experiment = ExperimentFactory()
    assert message in errors_of(CostLine(experiment=experiment, **fields))[field]


@pytest.mark.parametrize(("field", "value"), [("hours", Decimal("-1")), ("amount", Decimal("-5"))])
def test_the_database_refuses_negative_hours_and_amounts(field, value):
    line = CostLineFactory()
    setattr(line, field, value)
    with pytest.raises(IntegrityError), transaction.atomic():
        line.save()


def test_a_complete_staff_line_is_valid():
    CostLine(
        experiment=ExperimentFactory(),
        kind=CostLine.Kind.STAFF_TIME,
        job_title="Sosiaaliohjaaja",
        hours=Decimal("7.5"),
        year=2021,
        divisor_name="general_working_time",
    ).full_clean()


def test_an_experiment_cannot_end_before_it_starts():
    experiment = ExperimentFactory.build(project=ExperimentFactory().project)
    experiment.municipality = ExperimentFactory().municipality
    experiment.ends_on = experiment.starts_on.replace(year=2021)
    assert "Kokeilu ei voi päättyä ennen kuin se alkaa." in errors_of(experiment)["ends_on"]


def test_a_decision_needs_the_decided_status_and_the_other_way_round():
    experiment = ExperimentFactory()
    experiment.decision = Experiment.Decision.ADOPT
    assert errors_of(experiment)["decision"]
    with pytest.raises(IntegrityError), transaction.atomic():
        experiment.save()
    experiment.decision = ""
    experiment.status = Experiment.Status.DECIDED
    with pytest.raises(IntegrityError), transaction.atomic():
        experiment.save()


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"value": Decimal("-1")}, "value", "Arvo ei voi olla negatiivinen."),
        ({"value": Decimal("0")}, "value", "Indeksin ja tuntijakajan on oltava suurempia kuin 0."),
        (
            {"job_title": "Sosiaaliohjaaja"},
            "job_title",
            "Ammattinimike kirjataan vain kuukausipalkalle.",
        ),
        (
            {"kind": ParameterKind.MONTHLY_WAGE, "value": Decimal("3040")},
            "job_title",
            "Kirjaa ammattinimike, jonka palkka tämä on.",
        ),
        (
            {"kind": ParameterKind.MONTHLY_HOURS_DIVISOR, "value": Decimal("163")},
            "divisor_name",
            "Valitse, onko jakaja yleis- vai toimistotyöajan.",
        ),
    ],
)
def test_cost_parameter_messages(fields, field, message):
    parameter = CostParameterFactory.build(project=ExperimentFactory().project, **fields)
    assert message in errors_of(parameter)[field]


def test_the_database_refuses_a_zero_index_and_a_duplicate_parameter():
    parameter = CostParameterFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        CostParameter.objects.filter(pk=parameter.pk).update(value=0)
    with pytest.raises(IntegrityError), transaction.atomic():
        CostParameterFactory(project=parameter.project)
