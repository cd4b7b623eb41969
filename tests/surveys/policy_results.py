"""Access policies of the survey results pages and API (merged into tests/access_policy.py)."""

from tests.conftest import Actor
from tests.harness.access import Outcome, Policy

A = Actor
O = Outcome  # noqa: E741

RESULTS_POLICIES: dict[str, Policy] = {}
