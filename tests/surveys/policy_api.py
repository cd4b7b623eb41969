"""Access policies of the survey API (merged into tests/access_policy.py)."""

from typing import Any

from tests.conftest import Actor, World
from tests.harness.access import Outcome, Policy
from tests.surveys.world import nivala_survey

A = Actor
O = Outcome  # noqa: E741

PUBLIC = dict.fromkeys(Actor, O.OK)
# The results of a survey that is not public: the project's members and the coordinator of
# the survey's municipality (surveys_for_results). Without credentials 401, as for every
# survey that is not public, so the answer does not say whether one exists; other signed-in
# users, the other municipality's coordinator among them, 404.
SURVEY_STAFF_API = dict.fromkeys(Actor, O.NOT_FOUND) | {
    A.ANONYMOUS: O.UNAUTHORIZED,
    A.VIEWER: O.OK,
    A.ORGANISER: O.OK,
    A.COORDINATOR: O.OK,
    A.PROJECT_ADMIN: O.OK,
}


def survey(world: World) -> dict[str, Any]:
    return {"survey_id": nivala_survey(world).pk}


def public_survey(world: World) -> dict[str, Any]:
    return {"survey_id": nivala_survey(world, is_public=True).pk}


def _rows(name: str) -> dict[str, Policy]:
    """The same URL for the staff-only survey and for a public one."""
    return {
        name: Policy(SURVEY_STAFF_API, kwargs=survey),
        f"{name}#public": Policy(PUBLIC, kwargs=public_survey),
    }


SURVEY_API_POLICIES: dict[str, Policy] = {
    "api:list_surveys": Policy(PUBLIC, data={"project": "yhdessa-osallisuutta"}),
    **_rows("api:get_survey"),
    **_rows("api:get_survey_results"),
    **_rows("api:get_survey_comparison"),
}
