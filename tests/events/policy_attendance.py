"""Access policies of the attendance, walk-in, import and export URLs (merged into
tests/access_policy.py)."""

from tests.harness.access import Policy

ATTENDANCE_POLICIES: dict[str, Policy] = {}
