from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from ninja.security import HttpBearer, django_auth

from yhdessa.accounts.models import User
from yhdessa.accounts.services import api_token_authenticate
from yhdessa.api.schemas import Message


class ApiTokenAuth(HttpBearer):
    """``Authorization: Bearer yh_…`` with a personal token (``yhdessa apitoken``)."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = api_token_authenticate(token)
        if user is not None:
            request.user = user
        return user


#: For endpoints that need a user: the browser session (with CSRF) or a token.
SESSION_OR_TOKEN = [django_auth, ApiTokenAuth()]


def _anyone(request: HttpRequest) -> AnonymousUser | None:
    """Public data needs no credentials, but credentials that were sent must be valid: a
    caller whose token has expired is told so (401) rather than shown only the public part."""
    if "HTTP_AUTHORIZATION" in request.META:
        return None
    return AnonymousUser()


#: For endpoints with public data and more for staff: a session, a token, or nobody.
OPTIONAL_AUTH = [*SESSION_OR_TOKEN, _anyone]
# OpenAPI's way to say "these credentials, or none": an empty requirement after the ones that
# ninja lists (it extends the list with this).
OPTIONAL_SECURITY: dict[str, Any] = {"security": [{}]}
UNAUTHORIZED = {401: Message}


def caller(request: HttpRequest) -> User | AnonymousUser:
    """Who is asking, on an endpoint with ``OPTIONAL_AUTH``."""
    return request.auth  # type: ignore[attr-defined]
