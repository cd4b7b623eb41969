"""Every write to the directory."""

from typing import Any

from django.db import transaction
from django.utils.text import slugify

from yhdessa.accounts.models import User
from yhdessa.core.audit import log_action
from yhdessa.directory.models import Municipality, Organisation


def _unique_slug(name: str) -> str:
    base = slugify(name)[:200] or "organisaatio"
    taken = set(Organisation.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


@transaction.atomic
def organisation_create(
    *, actor: User | None, municipality: Municipality | None, fields: dict[str, Any]
) -> Organisation:
    organisation = Organisation(municipality=municipality, **fields)
    organisation.slug = _unique_slug(organisation.name)
    organisation.full_clean()
    organisation.save()
    log_action(
        actor=actor,
        action="directory.organisation.created",
        target=organisation,
        data=fields_log(fields),
    )
    return organisation


@transaction.atomic
def organisation_update(
    *, actor: User | None, organisation: Organisation, fields: dict[str, Any]
) -> Organisation:
    locked = Organisation.objects.select_for_update().get(pk=organisation.pk)
    changed = {name: value for name, value in fields.items() if getattr(locked, name) != value}
    for name, value in changed.items():
        setattr(locked, name, value)
    if changed:
        locked.full_clean()
        locked.save()
        log_action(
            actor=actor,
            action="directory.organisation.changed",
            target=locked,
            data=fields_log(changed),
        )
    return locked


def fields_log(fields: dict[str, Any]) -> dict[str, str]:
    return {name: str(value) for name, value in fields.items()}
