"""Access policies of the survey results pages (merged into tests/access_policy.py)."""

from tests.conftest import Actor, World
from tests.harness.access import Outcome, Policy
from tests.surveys.world import nivala_survey

A = Actor
O = Outcome  # noqa: E741

# Results of a non-public survey in Nivala: every member of the project and the coordinator of
# Nivala; the other municipality's coordinator and outsiders never learn it exists (404).
SURVEY_STAFF = dict.fromkeys(Actor, O.NOT_FOUND) | {
    A.VIEWER: O.OK,
    A.ORGANISER: O.OK,
    A.COORDINATOR: O.OK,
    A.PROJECT_ADMIN: O.OK,
}


def survey(world: World) -> dict[str, int]:
    return {"pk": nivala_survey(world).pk}


def public_survey(world: World) -> dict[str, int]:
    return {"pk": nivala_survey(world, is_public=True).pk}


RESULTS_POLICIES: dict[str, Policy] = {
    "surveys:results": Policy(SURVEY_STAFF, kwargs=survey),
    "surveys:comparison": Policy(SURVEY_STAFF, kwargs=survey),
    # A project's survey list: its members, and the coordinators of its partner municipalities
    # (who may create surveys there, and see those of their own municipality).
    "surveys:project_surveys": Policy(
        SURVEY_STAFF | {A.ANONYMOUS: O.LOGIN, A.OTHER_COORDINATOR: O.OK},
        kwargs=lambda world: {"slug": nivala_survey(world).project.slug},
    ),
}

# Answers in and out as files: the survey's managers (project admins, Nivala's coordinator);
# project members without that role are refused (403), others do not learn of it (404).
SURVEY_MANAGERS = dict.fromkeys(Actor, O.NOT_FOUND) | {
    A.ANONYMOUS: O.LOGIN,
    A.VIEWER: O.FORBIDDEN,
    A.ORGANISER: O.FORBIDDEN,
    A.COORDINATOR: O.OK,
    A.PROJECT_ADMIN: O.OK,
}
RESULTS_POLICIES |= {
    "surveys:answers": Policy(SURVEY_MANAGERS, kwargs=survey),
    "surveys:answers_csv": Policy(SURVEY_MANAGERS, kwargs=survey),
    "surveys:answers_xlsx": Policy(SURVEY_MANAGERS, kwargs=survey),
}
