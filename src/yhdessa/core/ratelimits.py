"""Limits on what an anonymous visitor can make the service do that costs work or mail:
sign-ups, survey answers, password resets and report downloads (django-ratelimit).

The limits are per client address (an IPv6 client by its /64), counted in the shared cache so
that every app server counts together. They are set for people, not for machines: a class or a
workshop behind one address can still sign up or answer together, a script sending thousands
cannot. A visitor over a limit gets a page (or JSON) in their language saying when to try
again, with status 429; nothing is saved. ``RATELIMIT_ENABLE=0`` switches them off (the
benchmarks).
"""

import ipaddress
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django_ratelimit import ALL
from django_ratelimit.core import is_ratelimited
from django_ratelimit.decorators import ratelimit
from django_ratelimit.exceptions import Ratelimited

#: (rate, group) of each limited action. Rates are "count/period" (s, m, h, d).
SIGN_UP = ("30/m", "sign-up")
SIGN_UP_HOURLY = ("300/h", "sign-up-hourly")
SURVEY_ANSWER = ("30/m", "survey-answer")
SURVEY_ANSWER_HOURLY = ("300/h", "survey-answer-hourly")
PASSWORD_RESET = ("5/h", "password-reset")
PASSWORD_RESET_PER_ADDRESS = ("3/h", "password-reset-address")
REPORT_DOWNLOAD = ("20/m", "report-download")

#: Where requests without a usable client address are counted.
UNKNOWN_CLIENT = "0.0.0.0"  # noqa: S104 (a bucket's name, nothing listens on it)

#: Seconds a refused visitor is told to wait (the longest period of a limit that refuses).
RETRY_AFTER = 60


def client_ip(request: HttpRequest) -> str:
    """RATELIMIT_IP_META_KEY: the visitor's address. Behind the service's own proxy
    (YHDESSA_BEHIND_PROXY) the last address in X-Forwarded-For, which the proxy added; a client
    cannot forge that one."""
    address = str(request.META.get("REMOTE_ADDR", ""))
    if settings.YHDESSA_BEHIND_PROXY:
        forwarded = str(request.META.get("HTTP_X_FORWARDED_FOR", ""))
        address = forwarded.rsplit(",", 1)[-1].strip() or address
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:  # none given (a Unix socket) or not an address: counted together
        return UNKNOWN_CLIENT


def limited(*limits: tuple[str, str], key: str = "ip", method: str = "POST") -> Callable:
    """Decorate a view with one or more limits; over any of them, Ratelimited is raised and
    answered by ``rate_limited``."""

    def decorate(view: Callable) -> Callable:
        for rate, group in reversed(limits):
            view = ratelimit(group=group, key=key, rate=rate, method=method, block=True)(view)
        return view

    return decorate


def check(request: HttpRequest, limit: tuple[str, str]) -> None:
    """Count this request against ``limit`` where a decorator cannot tell which requests cost
    work (e.g. a download, but not its progress polls)."""
    rate, group = limit
    if is_ratelimited(request, group=group, key="ip", rate=rate, method=ALL, increment=True):
        raise Ratelimited


def rate_limited(request: HttpRequest, exception: Exception) -> HttpResponse:
    """RATELIMIT_VIEW: what a visitor over a limit gets."""
    message = _("Liian monta yritystä lyhyessä ajassa. Odota hetki ja yritä sitten uudelleen.")
    response: HttpResponse
    if request.path.startswith("/api/"):
        response = JsonResponse({"detail": message}, status=429)
    else:
        response = render(request, "429.html", {"message": message}, status=429)
    response["Retry-After"] = str(RETRY_AFTER)
    return response
