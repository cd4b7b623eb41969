import datetime
from decimal import Decimal

import factory

from tests.factories import MunicipalityFactory, ProjectFactory
from yhdessa.experiments.models import (
    AnonymousHeadcount,
    CostLine,
    CostParameter,
    DivisorName,
    Experiment,
    ParameterKind,
)
from yhdessa.projects.models import Project


class ExperimentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Experiment

    project = factory.SubFactory(ProjectFactory)
    municipality = factory.SubFactory(MunicipalityFactory)
    title_fi = factory.Sequence(lambda n: f"Kokeilu {n}")
    starts_on = datetime.date(2022, 3, 1)
    ends_on = datetime.date(2022, 10, 31)


class HeadcountFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AnonymousHeadcount

    experiment = factory.SubFactory(ExperimentFactory)
    date = datetime.date(2022, 6, 1)
    count = 1


class CostParameterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CostParameter

    project = factory.SubFactory(ProjectFactory)
    kind = ParameterKind.EARNINGS_LEVEL_INDEX
    year = 2021
    value = Decimal("3393")
    unit = "1964 = 100"
    source = "Tilastokeskus, ansiotasoindeksi"


class CostLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CostLine

    experiment = factory.SubFactory(ExperimentFactory)
    kind = CostLine.Kind.IN_KIND
    amount = Decimal("100.00")


def seed_parameters(
    project: Project, *, volunteer_value: str = "15.00"
) -> dict[str, CostParameter]:
    """The public figures of ``facts.yaml`` (cost_parameters), with an assumed volunteer value."""
    made = {
        "wage": CostParameterFactory(
            project=project,
            kind=ParameterKind.MONTHLY_WAGE,
            year=2021,
            value=Decimal("3040"),
            unit="€/kk",
            job_title="Kunnan työntekijä (mediaani)",
            source="Tilastokeskus, kuntasektorin palkat 2021",
        ),
        "side": CostParameterFactory(
            project=project,
            kind=ParameterKind.EMPLOYER_SIDE_COST_PCT,
            year=2021,
            value=Decimal("24.5"),
            unit="%",
            source="Kuntaliitto",
        ),
        "divisor": CostParameterFactory(
            project=project,
            kind=ParameterKind.MONTHLY_HOURS_DIVISOR,
            year=2021,
            value=Decimal("163"),
            unit="h",
            divisor_name=DivisorName.GENERAL,
            source="KVTES",
        ),
        "office": CostParameterFactory(
            project=project,
            kind=ParameterKind.MONTHLY_HOURS_DIVISOR,
            year=2021,
            value=Decimal("152"),
            unit="h",
            divisor_name=DivisorName.OFFICE,
            source="KVTES",
        ),
        "index2010": CostParameterFactory(project=project, year=2010, value=Decimal("2781")),
        "index2021": CostParameterFactory(project=project, year=2021, value=Decimal("3393")),
        "volunteer": CostParameterFactory(
            project=project,
            kind=ParameterKind.VOLUNTEER_HOUR_VALUE,
            year=2010,
            value=Decimal(volunteer_value),
            unit="€/h",
            source="Oletettu arvo (esimerkki)",
        ),
    }
    return made
