import pytest

from tests.access_policy import POLICIES
from tests.harness.access import policy_for, undeclared, url_entries, violations

ENTRIES = url_entries()


def test_every_url_has_a_declared_policy():
    missing = undeclared(ENTRIES, POLICIES)
    assert not missing, f"Declare who may open these URLs in tests/access_policy.py: {missing}"


def test_the_policy_table_has_no_stale_rows():
    keys = {entry.key for entry in ENTRIES} | {f"{entry.namespace}:*" for entry in ENTRIES}
    assert not set(POLICIES) - keys


@pytest.mark.parametrize("entry", ENTRIES, ids=[entry.key for entry in ENTRIES])
def test_url_answers_each_actor_as_declared(entry, world):
    policy = policy_for(entry, POLICIES)
    if policy is None:
        pytest.fail(f"No policy for {entry.key}")
    assert violations(entry, policy, world) == []
