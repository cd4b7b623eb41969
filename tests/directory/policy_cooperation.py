"""Access policies of the cooperation structure pages, open data and API
(merged into tests/access_policy.py)."""

from tests.harness.access import Policy

COOPERATION_POLICIES: dict[str, Policy] = {}
