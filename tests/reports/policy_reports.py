"""Access policies of the report pages, downloads, dashboards, texts and API (merged into
tests/access_policy.py).

The report of a public project is a publication: everyone reads it, in every format. The
dashboard is the project staff's, and a municipality's part of it also its coordinator's;
the coordinator of Sievi sees the project (through Sievi, 403 to its whole dashboard) but
never learns of Nivala's part (404).
Texts are edited by the project's admins, and a municipal report's also by the
municipality's coordinator.
"""

from tests.conftest import Actor
from tests.harness.access import Outcome, Policy

A = Actor
O = Outcome  # noqa: E741

PUBLIC = dict.fromkeys(Actor, O.OK)


def project(world):
    return {"slug": world.project.slug}


def nivala_report(world):
    return {"slug": world.project.slug, "code": world.nivala.code}


def _staff(**outcomes: Outcome) -> dict[Actor, Outcome]:
    base = {A.ANONYMOUS: O.LOGIN, A.OUTSIDER: O.NOT_FOUND}
    return base | {Actor[name.upper()]: outcome for name, outcome in outcomes.items()}


PROJECT_DASHBOARD = _staff(
    viewer=O.OK,
    organiser=O.OK,
    project_admin=O.OK,
    coordinator=O.FORBIDDEN,
    other_coordinator=O.FORBIDDEN,
)
# Nivala's part is another tenant's for Sievi's coordinator: it does not exist for them.
NIVALA_DASHBOARD = PROJECT_DASHBOARD | {A.COORDINATOR: O.OK, A.OTHER_COORDINATOR: O.NOT_FOUND}
PROJECT_TEXTS = PROJECT_DASHBOARD | {A.VIEWER: O.FORBIDDEN, A.ORGANISER: O.FORBIDDEN}
NIVALA_TEXTS = PROJECT_TEXTS | {A.COORDINATOR: O.OK, A.OTHER_COORDINATOR: O.NOT_FOUND}

NOT_ALLOWED = dict.fromkeys(Actor, O.NOT_ALLOWED)


def _redirected(policy: dict[Actor, Outcome]) -> dict[Actor, Outcome]:
    """A POST that works answers with a redirect to the report."""
    return {actor: O.REDIRECT if outcome is O.OK else outcome for actor, outcome in policy.items()}


REPORT_POLICIES = {
    "reports:project_report": Policy(PUBLIC, kwargs=project),
    "reports:project_report_download": Policy(
        PUBLIC, kwargs=lambda world: project(world) | {"file_format": "json"}
    ),
    "reports:municipal_report": Policy(PUBLIC, kwargs=nivala_report),
    "reports:municipal_report_download": Policy(
        PUBLIC, kwargs=lambda world: nivala_report(world) | {"file_format": "xlsx"}
    ),
    "reports:project_dashboard": Policy(PROJECT_DASHBOARD, kwargs=project),
    "reports:municipal_dashboard": Policy(NIVALA_DASHBOARD, kwargs=nivala_report),
    "reports:project_report_texts": Policy(PROJECT_TEXTS, kwargs=project),
    "reports:municipal_report_texts": Policy(NIVALA_TEXTS, kwargs=nivala_report),
    "api:get_project_report": Policy(PUBLIC, kwargs=project),
    # Counting the figures again now: whoever sees the dashboard.
    "reports:project_report_rebuild": Policy(NOT_ALLOWED, kwargs=project),
    "reports:project_report_rebuild#post": Policy(
        _redirected(PROJECT_DASHBOARD), kwargs=project, method="post"
    ),
    "reports:municipal_report_rebuild": Policy(NOT_ALLOWED, kwargs=nivala_report),
    "reports:municipal_report_rebuild#post": Policy(
        _redirected(NIVALA_DASHBOARD), kwargs=nivala_report, method="post"
    ),
}
