from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_ratelimit.exceptions import Ratelimited
from ninja import NinjaAPI
from ninja.errors import ValidationError

from yhdessa.api import (
    accounts,
    cooperation,
    directory,
    events,
    experiments,
    knowledge,
    model_descriptions,
    projects,
    reports,
    surveys,
    tips,
)
from yhdessa.core import ratelimits

api = NinjaAPI(
    title="Yhdessä API",
    version="1",
    description="Public data of projects, municipalities and organisations.",
    urls_namespace="api",
)
api.add_router("", projects.router)
api.add_router("", directory.router)
api.add_router("", accounts.router)
api.add_router("", events.router)
api.add_router("", surveys.router)
api.add_router("", experiments.router)
api.add_router("", model_descriptions.router)
api.add_router("", tips.router)
api.add_router("", knowledge.router)
api.add_router("", cooperation.router)
api.add_router("", reports.router)

# Pydantic's messages are English only; these follow the Accept-Language of the caller.
VALIDATION_MESSAGES = {
    "enum": _("Valitse jokin sallituista arvoista: %(expected)s."),
    "string_pattern_mismatch": _("Arvo ei ole oikeaa muotoa (%(pattern)s)."),
    "string_too_long": _("Arvo on liian pitkä: enintään %(max_length)s merkkiä."),
    "greater_than_equal": _("Arvon pitää olla vähintään %(ge)s."),
    "less_than_equal": _("Arvon pitää olla enintään %(le)s."),
    "int_parsing": _("Anna kokonaisluku."),
    "missing": _("Pakollinen tieto puuttuu."),
}


def localised(error: dict[str, Any]) -> dict[str, Any]:
    template = VALIDATION_MESSAGES.get(error.get("type", ""))
    if template is None:
        return error
    try:
        message = str(template) % error.get("ctx", {})
    except (KeyError, TypeError):
        return error
    return error | {"msg": message}


@api.exception_handler(Ratelimited)
def rate_limited(request: HttpRequest, exc: Ratelimited) -> HttpResponse:
    with translation.override(translation.get_language_from_request(request)):
        return ratelimits.rate_limited(request, exc)


@api.exception_handler(ValidationError)
def validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    # /api/ has no language prefix, which LocaleMiddleware reads as Finnish; API callers say
    # their language in Accept-Language instead.
    with translation.override(translation.get_language_from_request(request)):
        errors = [localised(error) for error in exc.errors]
    return api.create_response(request, {"detail": errors}, status=422)
