from typing import Any

from django.http import HttpRequest
from ninja.security import HttpBearer, django_auth

from yhdessa.accounts.services import api_token_authenticate


class ApiTokenAuth(HttpBearer):
    """``Authorization: Bearer yh_…`` with a personal token (``yhdessa apitoken``)."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = api_token_authenticate(token)
        if user is not None:
            request.user = user
        return user


#: For endpoints that need a user: the browser session (with CSRF) or a token.
SESSION_OR_TOKEN = [django_auth, ApiTokenAuth()]
