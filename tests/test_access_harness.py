"""The access matrix can fail: a leaky page and an undeclared URL are both caught."""

import pytest
from django.test import override_settings

from tests.access_policy import NIVALA_STAFF, POLICIES, nivala
from tests.harness.access import Policy, undeclared, url_entries, violations

BROKEN_URLS = "tests.harness.broken_urls"


@override_settings(ROOT_URLCONF=BROKEN_URLS)
def test_a_new_url_without_a_policy_is_reported():
    assert undeclared(url_entries(BROKEN_URLS), POLICIES) == ["leaky"]


@override_settings(ROOT_URLCONF=BROKEN_URLS)
def test_a_page_that_ignores_tenancy_breaks_the_matrix(world):
    (leaky,) = [entry for entry in url_entries(BROKEN_URLS) if entry.key == "leaky"]
    found = violations(leaky, Policy(NIVALA_STAFF, kwargs=nivala), world)
    assert len(found) == 4, found
    assert any("as other_coordinator: expected 404, got 200 OK" in line for line in found)


def test_a_policy_must_name_every_actor():
    with pytest.raises(ValueError, match="leaves out"):
        Policy({})
