"""Access policies of the tip list and checklist pages and API
(merged into tests/access_policy.py)."""

from tests.harness.access import Policy

TIP_POLICIES: dict[str, Policy] = {}
