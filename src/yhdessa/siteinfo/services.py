"""Writes of the service's profile and legal pages (site administrators only: the views ask
accounts.selectors.may_edit_site first)."""

from functools import partial
from typing import Any

from django.core.cache import cache
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from yhdessa.accounts.models import User
from yhdessa.core.audit import log_action
from yhdessa.siteinfo import defaults
from yhdessa.siteinfo.models import LegalPage, PageKey, SiteProfile
from yhdessa.siteinfo.selectors import PROFILE_CACHE_KEY, default_profile, remember_profile

IMAGE_FIELDS = ("logo", "front_image")


def forget_profile() -> None:
    """After any change of the profile (also from the Django admin)."""
    remember_profile(None)
    cache.delete(PROFILE_CACHE_KEY)


def _set_image(profile: SiteProfile, field: str, value: Any) -> str | None:
    """Store a new upload or clear the image; the old file's name, to delete after commit.

    ``value`` is what ClearableFileInput gives: a file, False (cleared) or None (unchanged).
    """
    current = getattr(profile, field)
    old = current.name or None
    if isinstance(value, UploadedFile):
        current.save(value.name, value, save=False)
        return old
    if value is False:
        setattr(profile, field, "")
        return old
    return None


@transaction.atomic
def profile_save(*, actor: User, values: dict[str, Any]) -> SiteProfile:
    profile = SiteProfile.objects.select_for_update().filter(pk=1).first() or default_profile()
    replaced = [_set_image(profile, field, values.get(field)) for field in IMAGE_FIELDS]
    for name, value in values.items():
        if name not in IMAGE_FIELDS:
            setattr(profile, name, value)
    profile.updated_by = actor
    profile.save()
    log_action(
        actor=actor,
        action="siteinfo.profile.changed",
        target=profile,
        data={name: str(value) for name, value in values.items() if value is not None},
    )
    for name in filter(None, replaced):
        transaction.on_commit(partial(default_storage.delete, name))
    # Now for this process, and after the commit for anyone who read it meanwhile.
    forget_profile()
    transaction.on_commit(forget_profile)
    return profile


@transaction.atomic
def legal_page_save(*, actor: User, key: str, values: dict[str, str]) -> LegalPage:
    page = LegalPage.objects.select_for_update().filter(key=key).first()
    if page is None:
        page = LegalPage(key=key, **defaults.translated(defaults.PAGES[PageKey(key)]))
    for name, value in values.items():
        setattr(page, name, value)
    page.updated_by = actor
    page.save()
    log_action(actor=actor, action="siteinfo.page.changed", target=page, data={"key": key})
    return page
