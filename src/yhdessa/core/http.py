from django.http import HttpRequest

from yhdessa.accounts.models import User


class AuthenticatedHttpRequest(HttpRequest):
    """The request of a ``login_required`` view, whose user is always a real account."""

    user: User
