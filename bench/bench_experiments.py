"""Time a project's experiment and cost pages with many experiments (see bench/README.md).

A project with ``--municipalities`` partner municipalities and ``--experiments`` experiments
in each, every experiment with a line of staff time, one of volunteer time and a purchase,
and an anonymous headcount. The figures are computed from the cost parameters on every
request, so this shows what the cost model costs as the records grow.
"""

import argparse
import datetime
import sys
from decimal import Decimal
from pathlib import Path

from bench_directory import measure, setup_django

SLUG = "bench-kokeilut"


def generate(municipalities: int, per_municipality: int) -> None:
    from django.core.management import call_command

    from yhdessa.directory.models import Municipality
    from yhdessa.experiments.models import (
        AnonymousHeadcount,
        CostLine,
        CostParameter,
        DivisorName,
        Experiment,
        ParameterKind,
    )
    from yhdessa.projects.models import Project

    call_command("migrate", verbosity=0)
    if Project.objects.filter(slug=SLUG).exists():
        return
    project = Project.objects.create(
        slug=SLUG,
        name="Bench: kokeilut",
        short_name="Bench",
        start_date=datetime.date(2021, 1, 1),
        end_date=datetime.date(2023, 12, 31),
        is_public=True,
    )
    places = Municipality.objects.bulk_create(
        Municipality(code=f"{900 - n:03d}", name_fi=f"Bench-kunta {n}")
        for n in range(municipalities)
    )
    project.partner_municipalities.set(places)
    parameter = {"project": project, "year": 2021, "source": "bench"}
    CostParameter.objects.bulk_create(
        [
            CostParameter(
                kind=ParameterKind.MONTHLY_WAGE,
                value=Decimal(3040),
                unit="€/kk",
                job_title="Ohjaaja",
                **parameter,
            ),
            CostParameter(
                kind=ParameterKind.EMPLOYER_SIDE_COST_PCT,
                value=Decimal("24.5"),
                unit="%",
                **parameter,
            ),
            CostParameter(
                kind=ParameterKind.MONTHLY_HOURS_DIVISOR,
                value=Decimal(163),
                unit="h",
                divisor_name=DivisorName.GENERAL,
                **parameter,
            ),
            CostParameter(
                kind=ParameterKind.EARNINGS_LEVEL_INDEX, value=Decimal(3393), unit="", **parameter
            ),
            CostParameter(
                kind=ParameterKind.VOLUNTEER_HOUR_VALUE, value=Decimal(18), unit="€/h", **parameter
            ),
        ]
    )
    experiments = Experiment.objects.bulk_create(
        Experiment(project=project, municipality=place, title_fi=f"Kokeilu {place.code}-{n}")
        for place in places
        for n in range(per_municipality)
    )
    lines = []
    for experiment in experiments:
        lines += [
            CostLine(
                experiment=experiment,
                kind=CostLine.Kind.STAFF_TIME,
                job_title="Ohjaaja",
                hours=Decimal(12),
                year=2021,
                divisor_name=DivisorName.GENERAL,
            ),
            CostLine(
                experiment=experiment,
                kind=CostLine.Kind.VOLUNTEER_TIME,
                hours=Decimal(6),
                year=2021,
            ),
            CostLine(
                experiment=experiment,
                kind=CostLine.Kind.PURCHASE,
                amount=Decimal("120.00"),
                vat_treatment="included",
            ),
        ]
    CostLine.objects.bulk_create(lines)
    AnonymousHeadcount.objects.bulk_create(
        AnonymousHeadcount(experiment=experiment, date=datetime.date(2022, 6, 1), count=9)
        for experiment in experiments
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--municipalities", type=int, default=50)
    parser.add_argument("--experiments", type=int, default=10, help="per municipality")
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    var_dir = Path(__file__).resolve().parent.parent / "var" / "bench"
    var_dir.mkdir(parents=True, exist_ok=True)
    setup_django(var_dir)
    generate(args.municipalities, args.experiments)
    measure("costs by municipality (page)", f"/projects/{SLUG}/costs/", args.repeats)
    measure("experiments of the project (page)", f"/projects/{SLUG}/experiments/", args.repeats)
    measure("API: costs by municipality", f"/api/v1/projects/{SLUG}/costs", args.repeats)
    measure("API: experiments, first page", f"/api/v1/experiments/?project={SLUG}", args.repeats)
    return 0


if __name__ == "__main__":
    sys.exit(main())
