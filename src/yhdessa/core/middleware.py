"""Middleware of operations: the health check before host checks, and one log line a request."""

import logging
import time
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.urls import Resolver404, resolve

from yhdessa.core.views import healthz

access_log = logging.getLogger("yhdessa.access")

Handler = Callable[[HttpRequest], HttpResponse]


class HealthCheckMiddleware:
    """Answer /healthz before the ALLOWED_HOSTS check (and, by SECURE_REDIRECT_EXEMPT, without
    the HTTPS redirect).

    A load balancer or Docker's HEALTHCHECK calls each app server over plain HTTP by its own
    address (10.0.0.7:8000), which is neither HTTPS nor an allowed host name; the answer
    builds no URLs, so the host does not matter to it.
    """

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path == "/healthz":
            return healthz(request)
        return self.get_response(request)


class AccessLogMiddleware:
    """One line a request: method, the URL pattern (not the path), status and duration.

    The pattern ("surveys/invitation/<str:token>/") rather than the path keeps e-mailed
    tokens out of the logs, and no query string (search words, sign-up details) is written.
    """

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = time.monotonic()
        response = self.get_response(request)
        route, view = _route(request)
        access_log.info(
            "%s %s %s",
            request.method,
            route,
            response.status_code,
            extra={
                "method": request.method,
                "route": route,
                "view": view,
                "status": response.status_code,
                "duration_ms": round((time.monotonic() - started) * 1000),
            },
        )
        return response


def _route(request: HttpRequest) -> tuple[str, str | None]:
    """The URL pattern of the request, also when it was answered before the URL was resolved
    (an HTTPS redirect); of an address that matches no pattern, only the first part."""
    match = request.resolver_match
    if match is None:
        try:
            match = resolve(request.path_info)
        except Resolver404:
            first, _slash, rest = request.path.lstrip("/").partition("/")
            return f"/{first}{'/…' if rest else ''}"[:100], None
    return f"/{match.route}", match.view_name
