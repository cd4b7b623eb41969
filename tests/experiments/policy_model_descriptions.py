"""Access policies of the operational model description pages and API
(merged into tests/access_policy.py)."""

from tests.harness.access import Policy

MODEL_DESCRIPTION_POLICIES: dict[str, Policy] = {}
