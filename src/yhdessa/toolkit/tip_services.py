"""Every write to tip lists, checklists and publications, each audit-logged.

A published version of a tip list is never changed: saving items makes (or replaces the items
of) a draft version with the next number, and publishing it makes it the current version. A
checklist adopted earlier keeps its own copy of the items of the version it was made from.
"""

import datetime
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from yhdessa.accounts.models import User
from yhdessa.core.audit import log_action
from yhdessa.directory.models import Municipality
from yhdessa.experiments.models import Experiment
from yhdessa.projects.models import Project
from yhdessa.toolkit.models import (
    Checklist,
    ChecklistItem,
    Publication,
    TipItem,
    TipList,
    TipListVersion,
)

#: The fields of an item that the staff form writes (the text in each language).
ITEM_FIELDS = ("phase", "text_fi", "text_sv", "text_en", "link")
PUBLICATION_FIELDS = (
    "kind",
    "title",
    "channel",
    "published_on",
    "authors",
    "url",
    "identifier",
    "reference",
)

# --- Tip lists -------------------------------------------------------------------------------


@transaction.atomic
def tip_list_save_draft(
    *, actor: User, tip_list: TipList, items: Iterable[dict[str, Any]]
) -> TipListVersion:
    """Replace the draft's items (making the draft if there is none)."""
    TipList.objects.select_for_update().filter(pk=tip_list.pk).first()
    draft = tip_list.versions.filter(published_at__isnull=True).first()
    if draft is None:
        latest = tip_list.versions.aggregate(latest=Max("number"))["latest"] or 0
        draft = TipListVersion.objects.create(tip_list=tip_list, number=latest + 1)
    draft.items.all().delete()
    rows = [
        TipItem(version=draft, position=position, **{name: row[name] for name in ITEM_FIELDS})
        for position, row in enumerate(items, start=1)
    ]
    TipItem.objects.bulk_create(rows)
    log_action(
        actor=actor,
        action="toolkit.tip_list.draft_saved",
        target=tip_list,
        data={"version": draft.number, "items": len(rows)},
    )
    return draft


@transaction.atomic
def tip_list_publish(*, actor: User, tip_list: TipList, change_note: str = "") -> TipListVersion:
    draft = tip_list.versions.select_for_update().filter(published_at__isnull=True).first()
    if draft is None:
        raise ValidationError(_("Listalla ei ole julkaisematonta luonnosta."))
    if not draft.items.exists():
        raise ValidationError(_("Tyhjää versiota ei voi julkaista: lisää ainakin yksi vinkki."))
    draft.published_at = timezone.now()
    draft.change_note = change_note
    draft.save(update_fields=["published_at", "change_note"])
    tip_list.save(update_fields=["updated_at"])
    log_action(
        actor=actor,
        action="toolkit.tip_list.published",
        target=tip_list,
        data={"version": draft.number},
    )
    return draft


# --- Checklists ------------------------------------------------------------------------------


@transaction.atomic
def checklist_adopt(
    *,
    actor: User,
    version: TipListVersion,
    experiment: Experiment | None = None,
    municipality: Municipality | None = None,
) -> Checklist:
    """Copy the version's items into a new checklist of the experiment or municipality.

    Adopting the same list twice for one experiment or municipality is refused (the database
    constraint is the last word; the check before it gives the message)."""
    tip_list = version.tip_list
    place: dict[str, Any] = {"experiment": experiment} if experiment else {}
    place = place or {"municipality": municipality}
    if Checklist.objects.filter(tip_list=tip_list, **place).exists():
        raise ValidationError(_duplicate_message(experiment))
    try:
        with transaction.atomic():
            checklist = Checklist.objects.create(
                tip_list=tip_list, version=version, created_by=actor, **place
            )
    except IntegrityError as error:
        raise ValidationError(_duplicate_message(experiment)) from error
    ChecklistItem.objects.bulk_create(
        ChecklistItem(
            checklist=checklist,
            tip=tip,
            phase=tip.phase,
            text=tip.text,
            link=tip.link,
            position=tip.position,
        )
        for tip in version.items.all()
    )
    log_action(
        actor=actor,
        action="toolkit.checklist.adopted",
        target=checklist,
        data={"tip_list": tip_list.slug, "version": version.number},
    )
    return checklist


def _duplicate_message(experiment: Experiment | None) -> str:
    if experiment is not None:
        return _("Kokeilu on jo ottanut tämän vinkkilistan käyttöön.")
    return _("Kunta on jo ottanut tämän vinkkilistan käyttöön.")


@transaction.atomic
def checklist_item_update(
    *,
    actor: User,
    item: ChecklistItem,
    done: bool,
    owner: User | None,
    due_on: datetime.date | None,
) -> ChecklistItem:
    if done and not item.is_done:
        item.done_at, item.done_by = timezone.now(), actor
    elif not done:
        item.done_at, item.done_by = None, None
    item.owner, item.due_on = owner, due_on
    item.save(update_fields=["done_at", "done_by", "owner", "due_on"])
    log_action(
        actor=actor,
        action="toolkit.checklist_item.changed",
        target=item,
        data={"done": done, "owner": owner.pk if owner else None, "due_on": str(due_on or "")},
    )
    return item


# --- Publications ----------------------------------------------------------------------------


@transaction.atomic
def publication_create(*, actor: User, project: Project, **fields: Any) -> Publication:
    publication = Publication(project=project, **_publication_fields(fields))
    publication.full_clean()
    publication.save()
    log_action(actor=actor, action="toolkit.publication.created", target=publication)
    return publication


@transaction.atomic
def publication_update(*, actor: User, publication: Publication, **fields: Any) -> Publication:
    for name, value in _publication_fields(fields).items():
        setattr(publication, name, value)
    publication.full_clean()
    publication.save()
    log_action(actor=actor, action="toolkit.publication.changed", target=publication)
    return publication


@transaction.atomic
def publication_delete(*, actor: User, publication: Publication) -> None:
    log_action(
        actor=actor,
        action="toolkit.publication.deleted",
        target=publication.project,
        data={"title": publication.title, "pk": publication.pk},
    )
    publication.delete()


def _publication_fields(fields: dict[str, Any]) -> dict[str, Any]:
    unknown = set(fields) - set(PUBLICATION_FIELDS)
    if unknown:
        raise TypeError(f"Unknown publication fields: {sorted(unknown)}")
    return fields
