"""Writes of the reports app: the team's section texts."""

from collections.abc import Mapping
from typing import Any

from django.db import transaction

from yhdessa.accounts.models import User
from yhdessa.core.audit import log_action
from yhdessa.directory.models import Municipality
from yhdessa.projects.models import Project
from yhdessa.reports.models import SectionText

TEXT_FIELDS = ("included", "text_fi", "text_sv", "text_en")


@transaction.atomic
def section_texts_save(
    *,
    actor: User,
    project: Project,
    municipality: Municipality | None,
    values: Mapping[str, Mapping[str, Any]],
) -> list[str]:
    """Save each section's switch and texts (``values[section][field]``); the keys of the
    sections that changed, which the audit log records."""
    existing = {
        row.section: row
        for row in SectionText.objects.select_for_update().filter(
            project=project, municipality=municipality
        )
    }
    changed = []
    for section, fields in values.items():
        row = existing.get(section) or SectionText(
            project=project, municipality=municipality, section=section
        )
        new = {name: fields[name] for name in TEXT_FIELDS}
        if row.pk and all(getattr(row, name) == value for name, value in new.items()):
            continue
        if not row.pk and new == {"included": True, "text_fi": "", "text_sv": "", "text_en": ""}:
            continue  # the default: nothing to store
        for name, value in new.items():
            setattr(row, name, value)
        row.updated_by = actor
        row.save()
        changed.append(section)
    if changed:
        log_action(
            actor=actor,
            action="reports.texts.changed",
            target=project,
            data={"municipality": municipality.code if municipality else None, "sections": changed},
        )
    return changed
