"""The access-matrix harness: every URL pattern against a declared policy, for every actor.

Used by tests/test_access_matrix.py on the real URLs and by tests/test_access_harness.py on
a deliberately leaky URL, which proves that the matrix fails when a page breaks its policy.
"""

import enum
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.http import HttpResponse
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.conftest import Actor, World


class Outcome(enum.Enum):
    OK = "200 OK"
    LOGIN = "redirect to log-in"
    ADMIN_LOGIN = "redirect to admin log-in"
    REDIRECT = "other redirect"
    UNAUTHORIZED = "401"
    FORBIDDEN = "403"
    NOT_FOUND = "404"
    NOT_ALLOWED = "405"


@dataclass(frozen=True)
class Policy:
    """What each actor gets from one URL, and how to build the URL for the test world."""

    expect: Mapping[Actor, Outcome]
    kwargs: Callable[[World], dict[str, Any]] = field(default=lambda world: {})
    method: str = "get"
    data: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        missing = set(Actor) - set(self.expect)
        if missing:
            raise ValueError(f"Policy leaves out {sorted(a.value for a in missing)}")


@dataclass(frozen=True)
class UrlEntry:
    key: str  # "namespace:name", or "namespace:<route>" for an unnamed pattern
    name: str | None
    route: str
    namespace: str


def url_entries(urlconf: str | None = None) -> list[UrlEntry]:
    return list(_walk(get_resolver(urlconf).url_patterns, "", ""))


def _walk(patterns: list[Any], prefix: str, namespace: str) -> Iterator[UrlEntry]:
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            inner = ":".join(filter(None, [namespace, pattern.namespace or ""]))
            yield from _walk(pattern.url_patterns, route, inner)
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}:{pattern.name}" if namespace and pattern.name else pattern.name
            key = name or f"{namespace}:<{route}>"
            yield UrlEntry(key=key, name=name, route=route, namespace=namespace)


def policies_for(entry: UrlEntry, policies: Mapping[str, Policy]) -> list[Policy]:
    """The URL's own policies (``"name"``, and ``"name#post"`` for a second method), or its
    namespace's (``"admin:*"``) if the table has one."""
    own = [policy for key, policy in policies.items() if key.split("#")[0] == entry.key]
    default = policies.get(f"{entry.namespace}:*")
    return own or ([default] if default else [])


def undeclared(entries: list[UrlEntry], policies: Mapping[str, Policy]) -> list[str]:
    return sorted(entry.key for entry in entries if not policies_for(entry, policies))


PATH_PARAMETER = re.compile(r"<(?:\w+:)?(\w+)>")
REGEX_PARAMETER = re.compile(r"\(\?P<(\w+)>[^)]*\)")


def build_url(entry: UrlEntry, kwargs: dict[str, Any]) -> str:
    """The URL of ``entry`` with the parameters it takes, picked from ``kwargs``."""
    if entry.name:
        names = PATH_PARAMETER.findall(entry.route) + REGEX_PARAMETER.findall(entry.route)
        return reverse(entry.name, kwargs={name: kwargs[name] for name in names})
    # Unnamed patterns (only Django admin's) cannot be reversed: fill the route in.
    url = PATH_PARAMETER.sub(lambda m: str(kwargs[m.group(1)]), entry.route)
    url = REGEX_PARAMETER.sub(lambda m: str(kwargs[m.group(1)]), url)
    return "/" + url.replace("^", "").replace("$", "")


def outcome_of(response: HttpResponse) -> Outcome:
    if response.status_code in (301, 302, 303, 307, 308):
        location = response["Location"]
        if location.startswith(reverse("accounts:login")):
            return Outcome.LOGIN
        if location.startswith(reverse("admin:login")):
            return Outcome.ADMIN_LOGIN
        return Outcome.REDIRECT
    by_status = {200: Outcome.OK, 401: Outcome.UNAUTHORIZED, 403: Outcome.FORBIDDEN}
    by_status |= {404: Outcome.NOT_FOUND, 405: Outcome.NOT_ALLOWED}
    if response.status_code not in by_status:
        raise AssertionError(f"Unexpected status {response.status_code}")
    return by_status[response.status_code]


def violations(entry: UrlEntry, policy: Policy, world: World) -> list[str]:
    """Every actor whose answer differs from the policy, as readable lines."""
    url = build_url(entry, policy.kwargs(world))
    found = []
    for actor, expected in policy.expect.items():
        client = Client()
        user = world.users[actor]
        if user is not None:
            client.force_login(user)
        response = getattr(client, policy.method)(url, data=dict(policy.data))
        actual = outcome_of(response)
        if actual != expected:
            found.append(
                f"{policy.method.upper()} {url} as {actor.value}: "
                f"expected {expected.value}, got {actual.value}"
            )
    return found
