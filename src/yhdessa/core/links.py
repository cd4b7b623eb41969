"""Absolute links for what leaves a request: e-mails, calendar files, PDFs.

Everything sent outside a request (a background task has none) names the service by
``YHDESSA_SITE_URL``; ``check --deploy`` refuses a production site without it
(``yhdessa.core.checks``).
"""

from django.conf import settings


def site_url() -> str:
    return str(settings.YHDESSA_SITE_URL).rstrip("/")


def absolute_url(path: str) -> str:
    """``path`` (from ``reverse`` or ``get_absolute_url``) on the public address."""
    return site_url() + path
