"""Access policies of the survey answering pages and API (merged into tests/access_policy.py)."""

from tests.conftest import Actor
from tests.harness.access import Outcome, Policy

A = Actor
O = Outcome  # noqa: E741

ANSWERING_POLICIES: dict[str, Policy] = {}
