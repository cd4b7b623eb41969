"""Access policies of the publication, interview, lesson and vision pages and API
(merged into tests/access_policy.py)."""

from tests.harness.access import Policy

KNOWLEDGE_POLICIES: dict[str, Policy] = {}
