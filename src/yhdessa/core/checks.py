"""System checks of the deployment (``yhdessa check --deploy``)."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import CheckMessage, Tags, Warning, register
from django.http.request import validate_host


@register(Tags.security, deploy=True)
def check_site_url(app_configs: object = None, **kwargs: object) -> list[CheckMessage]:
    """Links in e-mails, calendar files and PDFs are made outside any request (a background
    task has none), so they can only name the address that ``YHDESSA_SITE_URL`` gives."""
    url = settings.YHDESSA_SITE_URL
    hint = "Set YHDESSA_SITE_URL to the public address, e.g. https://osallisuus.kunta.fi"
    if not url:
        return [Warning("YHDESSA_SITE_URL is not set.", hint=hint, id="yhdessa.W001")]
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        message = f"YHDESSA_SITE_URL must be an address such as https://…, not {url!r}."
        return [Warning(message, hint=hint, id="yhdessa.W002")]
    problems: list[CheckMessage] = []
    if settings.SECURE_SSL_REDIRECT and parts.scheme != "https":
        problems.append(
            Warning(
                "YHDESSA_SITE_URL must start with https:// when the site uses HTTPS.",
                id="yhdessa.W003",
            )
        )
    if not validate_host(parts.hostname, settings.ALLOWED_HOSTS):
        problems.append(
            Warning(
                f"The host of YHDESSA_SITE_URL ({parts.hostname}) is not in ALLOWED_HOSTS.",
                hint="Links in e-mails would lead to an address this site refuses.",
                id="yhdessa.W004",
            )
        )
    return problems
