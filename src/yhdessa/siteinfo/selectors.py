"""Reads of the service's profile and legal pages.

The profile is read on every page (the name, logo and brand colours in base.html), so it is
kept in Django's cache, which every app server shares, and for PROFILE_MEMO_SECONDS in the
process's memory: most pages read nothing, and at most one cache read a request otherwise
(with the database cache that is one query). services.py clears both when the profile is
saved; another app server shows the change within PROFILE_MEMO_SECONDS.
"""

import time

from django.conf import settings
from django.core.cache import cache
from django.db.models import Model, Q
from django.http import HttpRequest
from django.utils.translation import get_language, gettext, ngettext

from yhdessa.events.models import Event
from yhdessa.siteinfo import colours, defaults
from yhdessa.siteinfo.models import PRIVACY_KEYS, LegalPage, PageKey, SiteProfile

PROFILE_CACHE_KEY = "siteinfo:profile:v1"
PROFILE_MEMO_SECONDS = 30
_REQUEST_ATTRIBUTE = "_yhdessa_site_profile"
# (expires at, profile): the instance is shared by every request, so nothing may change it.
_memo: tuple[float, SiteProfile] | None = None


def remember_profile(profile: SiteProfile | None) -> None:
    """Keep ``profile`` in this process's memory (None forgets it)."""
    global _memo
    _memo = None if profile is None else (time.monotonic() + PROFILE_MEMO_SECONDS, profile)


def _shared_profile() -> SiteProfile:
    if _memo is not None and _memo[0] > time.monotonic():
        return _memo[1]
    profile = cache.get(PROFILE_CACHE_KEY)
    if profile is None:
        profile = SiteProfile.objects.filter(pk=1).first() or default_profile()
        cache.set(PROFILE_CACHE_KEY, profile, timeout=None)
    remember_profile(profile)
    return profile


def default_profile() -> SiteProfile:
    return SiteProfile(pk=1, **defaults.translated(defaults.PROFILE))


def site_profile(request: HttpRequest | None = None) -> SiteProfile:
    """The saved profile, or the defaults of a fresh installation."""
    if request is not None and hasattr(request, _REQUEST_ATTRIBUTE):
        return getattr(request, _REQUEST_ATTRIBUTE)
    profile = _shared_profile()
    if request is not None:
        setattr(request, _REQUEST_ATTRIBUTE, profile)
    return profile


def profile_to_edit() -> SiteProfile:
    """From the database, not the cache: the form changes the instance it is given."""
    return SiteProfile.objects.filter(pk=1).first() or default_profile()


def legal_page(key: str) -> LegalPage:
    """The saved page, or its default text."""
    page = LegalPage.objects.filter(key=key).first()
    if page is None:
        page = LegalPage(key=key, **defaults.translated(defaults.PAGES[PageKey(key)]))
    return page


def privacy_pages() -> list[LegalPage]:
    saved = {page.key: page for page in LegalPage.objects.filter(key__in=PRIVACY_KEYS)}
    return [saved.get(key) or legal_page(key) for key in PRIVACY_KEYS]


def fallback_language(instance: Model, field: str) -> str | None:
    """ "fi" when the field has no text in the page's language and Finnish is shown instead,
    so the template can mark it with ``lang="fi"`` (WCAG 3.1.2)."""
    language = (get_language() or "fi")[:2]
    if language == "fi" or getattr(instance, f"{field}_{language}", None):
        return None
    return "fi"


def retention_text(key: str) -> str:
    """The retention the code enforces (``yhdessa anonymise``), in days from the setting, so
    the notice cannot drift from what is done."""
    days = int(settings.YHDESSA_ANONYMISE_AFTER_DAYS)
    if key == PageKey.REGISTRATIONS:
        text = ngettext(
            "Nimi, sähköpostiosoite, organisaatio sekä esteettömyys- ja ruokavaliotarpeet "
            "poistetaan %(days)s päivän kuluttua tapahtuman päättymisestä.",
            "Nimi, sähköpostiosoite, organisaatio sekä esteettömyys- ja ruokavaliotarpeet "
            "poistetaan %(days)s päivän kuluttua tapahtuman päättymisestä.",
            days,
        )
        more = gettext(
            "Sen jälkeen jäljelle jäävät vain tilastoissa käytettävät tiedot: taustaryhmä, "
            "kotikunta, ilmoittautumisen tila ja läsnäolo."
        )
        return f"{text % {'days': days}} {more}"
    if key == PageKey.SURVEYS:
        text = ngettext(
            "Kutsun saaneiden sähköpostiosoitteet poistetaan %(days)s päivän kuluttua "
            "kyselykierroksen päättymisestä. Vastauksissa ei ole nimiä eikä yhteystietoja.",
            "Kutsun saaneiden sähköpostiosoitteet poistetaan %(days)s päivän kuluttua "
            "kyselykierroksen päättymisestä. Vastauksissa ei ole nimiä eikä yhteystietoja.",
            days,
        )
        return text % {"days": days}
    return ""


def is_public_image(name: str) -> bool:
    """Whether a public page shows the stored file ``name``: only those are served."""
    if not name:
        return False
    profile = SiteProfile.objects.filter(Q(logo=name) | Q(front_image=name)).exists()
    return profile or Event.objects.filter(image=name).exists()


def brand_stylesheet(profile: SiteProfile) -> str:
    """The custom properties of site.css that the administrator's colours replace."""
    primary = profile.primary_colour
    return (
        ":root {\n"
        f"  --primary: {primary};\n"
        f"  --primary-dark: {colours.darker(primary)};\n"
        f"  --header-bg: {profile.header_colour};\n"
        "}\n"
    )


def brand_version(profile: SiteProfile) -> str:
    """Changes with the colours, so base.html's link to brand.css fetches the new ones."""
    return f"{profile.primary_colour[1:]}{profile.header_colour[1:]}"
