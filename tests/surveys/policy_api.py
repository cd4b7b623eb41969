"""Access policies of the survey API (merged into tests/access_policy.py)."""

from tests.conftest import Actor
from tests.harness.access import Outcome, Policy

A = Actor
O = Outcome  # noqa: E741

SURVEY_API_POLICIES: dict[str, Policy] = {}
