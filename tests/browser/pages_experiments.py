"""Public experiment and cost pages:
the accessibility harness cases (merged into test_accessibility.PAGES).

``PLACEHOLDERS`` maps a name used in the paths ("{name}") to a function that finds it in
the demo data.
"""

from collections.abc import Callable

from .cases import PageCase

PROJECT = "yhdessa-osallisuutta"


def utajarvi_experiment() -> str:
    from yhdessa.experiments.models import Experiment

    return str(Experiment.objects.get(project__slug=PROJECT, municipality__name="Utajärvi").pk)


PLACEHOLDERS: dict[str, Callable[[], str]] = {"experiment": utajarvi_experiment}

PAGES: list[PageCase] = [
    PageCase("project-experiments", f"/projects/{PROJECT}/experiments/"),
    PageCase("project-costs", f"/projects/{PROJECT}/costs/"),
    PageCase("experiment", "/experiments/{experiment}/"),
]
