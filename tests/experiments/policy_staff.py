"""Access policies of the staff pages of experiments, cost lines and cost parameters
(merged into tests/access_policy.py)."""

from tests.harness.access import Policy

EXPERIMENT_STAFF_POLICIES: dict[str, Policy] = {}
