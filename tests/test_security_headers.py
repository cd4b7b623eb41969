"""Every page a visitor can open carries the security headers (CSP without inline scripts)."""

import pytest
from csp.decorators import csp_update
from django.http import HttpResponse
from django.test import Client, override_settings
from django.urls import path

from tests.access_policy import POLICIES
from tests.harness.access import Outcome, build_url, policies_for, url_entries
from yhdessa.urls import urlpatterns as real_urlpatterns


def header_problems(response: HttpResponse) -> list[str]:
    problems = []
    policy = response.headers.get("Content-Security-Policy", "")
    directives = dict(part.strip().partition(" ")[::2] for part in policy.split(";"))
    script_src = directives.get("script-src", directives.get("default-src", ""))
    if not policy:
        problems.append("no Content-Security-Policy")
    elif "'unsafe-inline'" in script_src or "'unsafe-eval'" in script_src or not script_src:
        problems.append(f"script-src allows inline or eval: {script_src!r}")
    if "frame-ancestors 'none'" not in policy and response.headers.get("X-Frame-Options") != "DENY":
        problems.append("no frame protection")
    if response.headers.get("X-Content-Type-Options") != "nosniff":
        problems.append("no X-Content-Type-Options: nosniff")
    if not response.headers.get("Referrer-Policy"):
        problems.append("no Referrer-Policy")
    return problems


def public_pages():
    from tests.conftest import Actor

    for entry in url_entries():
        for policy in policies_for(entry, POLICIES):
            if policy.method == "get" and policy.expect[Actor.ANONYMOUS] == Outcome.OK:
                yield entry, policy


PAGES = list(public_pages())


@pytest.mark.parametrize(("entry", "policy"), PAGES, ids=[entry.key for entry, _ in PAGES])
def test_page_carries_security_headers(entry, policy, world):
    response = Client().get(build_url(entry, policy.kwargs(world)))
    assert response.status_code == 200
    assert header_problems(response) == []


@pytest.mark.parametrize("actor_page", ["/staff/", "/staff/municipalities/535/"])
def test_staff_pages_carry_security_headers(actor_page, client_as):
    from tests.conftest import Actor

    response = client_as(Actor.COORDINATOR).get(actor_page)
    assert response.status_code == 200
    assert header_problems(response) == []


@csp_update({"script-src": ["'unsafe-inline'"]})
def page_with_inline_scripts(request):
    return HttpResponse("<script>alert(1)</script>")


urlpatterns = [path("inline/", page_with_inline_scripts), *real_urlpatterns]


@override_settings(ROOT_URLCONF=__name__)
def test_the_header_check_catches_a_page_that_allows_inline_scripts(db):
    response = Client().get("/inline/")
    assert header_problems(response) == [
        "script-src allows inline or eval: \"'self' 'unsafe-inline'\""
    ]


def test_error_pages_are_in_the_visitors_language(client, world):
    response = client.get("/organisations/ei-ole-olemassa/")
    assert response.status_code == 404
    assert "Sivua ei löytynyt" in response.content.decode()
    response = Client().get("/sv/organisations/ei-ole-olemassa/")
    assert '<html lang="sv">' in response.content.decode()
