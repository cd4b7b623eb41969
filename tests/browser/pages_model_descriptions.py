"""Operational model descriptions:
the accessibility harness cases (merged into test_accessibility.PAGES).

``PLACEHOLDERS`` maps a name used in the paths ("{name}") to a function that finds it in
the demo data: ``{model}`` is Utajärvi's bus trip (its effects have figures, others hidden) and
``{nivala_model}`` the description of Nivala's experiment, which the demo's Nivala coordinator
manages.
"""

from collections.abc import Callable

from .cases import PageCase
from .conftest import NIVALA_COORDINATOR


def _description_in(code: str) -> str:
    from yhdessa.experiments.models import ModelDescription

    return ModelDescription.objects.get(experiment__municipality__code=code).slug


def utajarvi_model() -> str:
    return _description_in("889")


def nivala_model() -> str:
    return _description_in("535")


PLACEHOLDERS: dict[str, Callable[[], str]] = {"model": utajarvi_model, "nivala_model": nivala_model}

PAGES: list[PageCase] = [
    PageCase("models", "/models/"),
    PageCase("models-filtered", "/models/?municipality=889&q=retki"),
    PageCase(
        "models-invalid-filter",
        "/models/?municipality=999",
        status=400,
        expect_element=".error-summary",
    ),
    PageCase("model", "/models/{model}/"),
    PageCase("model-staff-view", "/models/{nivala_model}/", user=NIVALA_COORDINATOR),
    PageCase("model-edit", "/staff/models/{nivala_model}/edit/", user=NIVALA_COORDINATOR),
    PageCase(
        "model-edit-invalid",
        "/staff/models/{nivala_model}/edit/",
        user=NIVALA_COORDINATOR,
        submit={"#id_more_info_url": "ftp://esimerkki.fi/malli"},
        expect_status=400,
        expect_element='.error-summary a[href="#id_more_info_url"]',
    ),
    PageCase("model-adopt", "/models/{model}/adopt/", user=NIVALA_COORDINATOR),
]
