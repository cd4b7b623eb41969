"""Every write to instruments and the pairing and invitation secrets.

A published instrument version is frozen: answers already given refer to its items, so the
content services here refuse to touch it and ``new_version_from`` makes an editable copy.
"""

import hashlib
import secrets
import unicodedata
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from yhdessa.surveys.models import InstrumentVersion, Invitation, Item, Option, Section, Wave

PAIRING_SALT = "yhdessa.surveys.pairing_hash"


def normalise_pairing_code(code: str) -> str:
    """Codes are written by hand on phones and cards: ignore case, width and all whitespace."""
    code = unicodedata.normalize("NFKC", code).casefold()
    return "".join(code.split())


def pairing_hash(code: str, *, secret: str | None = None) -> str:
    """Keyed HMAC-SHA256 of the normalised code ("" for no code); the code itself is never
    stored, and without the server's secret the hash cannot be tested against guesses."""
    normalised = normalise_pairing_code(code)
    if not normalised:
        return ""
    key = secret if secret is not None else settings.SECRET_KEY
    return salted_hmac(PAIRING_SALT, normalised, secret=key, algorithm="sha256").hexdigest()


def ensure_editable(version: InstrumentVersion) -> None:
    if version.is_published:
        raise ValidationError(
            _("Julkaistua versiota ei voi muuttaa. Tee siitä uusi versio."), code="published"
        )


@transaction.atomic
def version_publish(*, version: InstrumentVersion) -> InstrumentVersion:
    version = InstrumentVersion.objects.select_for_update().get(pk=version.pk)
    ensure_editable(version)
    if not version.items.exists():
        raise ValidationError(_("Versiossa ei ole yhtään kysymystä."), code="empty")
    version.published_at = timezone.now()
    version.save(update_fields=["published_at"])
    return version


@transaction.atomic
def new_version_from(*, version: InstrumentVersion) -> InstrumentVersion:
    """An unpublished copy of ``version`` (sections, items, options) with the next number."""
    instrument = version.instrument
    last = instrument.versions.aggregate(n=Max("number"))["n"] or 0
    copy = InstrumentVersion.objects.create(instrument=instrument, number=last + 1)
    sections = {}
    for section in version.sections.all():
        old_pk = section.pk
        section.pk = None
        section.version = copy
        section.save()
        sections[old_pk] = section
    for item in version.items.prefetch_related("options"):
        options = list(item.options.all())
        item.pk = None
        item.version = copy
        item.section = sections.get(item.section_id) if item.section_id else None
        item.save()
        for option in options:
            option.pk = None
            option.item = item
        Option.objects.bulk_create(options)
    return copy


@transaction.atomic
def section_create(*, version: InstrumentVersion, **fields: Any) -> Section:
    ensure_editable(version)
    return Section.objects.create(version=version, **fields)


@transaction.atomic
def item_create(*, version: InstrumentVersion, **fields: Any) -> Item:
    ensure_editable(version)
    item = Item(version=version, **fields)
    item.full_clean()
    item.save()
    return item


@transaction.atomic
def item_change(*, item: Item, **fields: Any) -> Item:
    ensure_editable(item.version)
    for name, value in fields.items():
        setattr(item, name, value)
    item.full_clean()
    item.save()
    return item


@transaction.atomic
def item_delete(*, item: Item) -> None:
    ensure_editable(item.version)
    item.delete()


@transaction.atomic
def option_create(*, item: Item, **fields: Any) -> Option:
    ensure_editable(item.version)
    option = Option(item=item, **fields)
    option.full_clean()
    option.save()
    return option


def invitation_token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def invitation_create(*, wave: Wave, email: str) -> tuple[Invitation, str]:
    """The invitation and its one-time token; only the token's hash is stored."""
    token = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(
        wave=wave, email=email, token_hash=invitation_token_hash(token)
    )
    return invitation, token


@transaction.atomic
def invitation_use(*, token: str) -> Invitation:
    """Marks the link used. The response that follows is saved without any link to it."""
    try:
        invitation = Invitation.objects.select_for_update().get(
            token_hash=invitation_token_hash(token)
        )
    except Invitation.DoesNotExist:
        raise ValidationError(_("Kutsulinkki ei kelpaa."), code="invalid") from None
    if invitation.used_at is not None:
        raise ValidationError(_("Kutsulinkki on jo käytetty."), code="used")
    invitation.used_at = timezone.now()
    invitation.save(update_fields=["used_at"])
    return invitation
