"""Access policies of the public experiment and cost pages
(merged into tests/access_policy.py)."""

from tests.harness.access import Policy

EXPERIMENT_PAGE_POLICIES: dict[str, Policy] = {}
