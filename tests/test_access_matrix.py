import pytest

from tests.access_policy import POLICIES
from tests.harness.access import policies_for, undeclared, url_entries, violations

ENTRIES = url_entries()


def test_every_url_has_a_declared_policy():
    missing = undeclared(ENTRIES, POLICIES)
    assert not missing, f"Declare who may open these URLs in tests/access_policy.py: {missing}"


def test_the_policy_table_has_no_stale_rows():
    keys = {entry.key for entry in ENTRIES} | {f"{entry.namespace}:*" for entry in ENTRIES}
    assert not {key.split("#")[0] for key in POLICIES} - keys


@pytest.mark.parametrize("entry", ENTRIES, ids=[entry.key for entry in ENTRIES])
def test_url_answers_each_actor_as_declared(entry, world):
    policies = policies_for(entry, POLICIES)
    if not policies:
        pytest.fail(f"No policy for {entry.key}")
    assert [line for policy in policies for line in violations(entry, policy, world)] == []
