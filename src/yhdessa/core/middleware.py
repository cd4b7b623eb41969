"""Middleware of operations: the health check before host checks, and one log line a request."""

import logging
import time
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

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
        match = request.resolver_match
        # An unknown address matched no pattern: its path is a scanner's guess, not ours.
        route = f"/{match.route}" if match else request.path[:200]
        access_log.info(
            "%s %s %s",
            request.method,
            route,
            response.status_code,
            extra={
                "method": request.method,
                "route": route,
                "view": match.view_name if match else None,
                "status": response.status_code,
                "duration_ms": round((time.monotonic() - started) * 1000),
            },
        )
        return response
