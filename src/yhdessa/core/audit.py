"""The one way to write the audit log."""

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models

from yhdessa.core.models import AuditLogEntry


def log_action(
    *,
    actor: Any,
    action: str,
    target: models.Model | None = None,
    data: dict[str, Any] | None = None,
) -> AuditLogEntry:
    """Record ``action`` (e.g. ``directory.organisation.changed``) by ``actor`` on ``target``."""
    entry = AuditLogEntry(
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action,
        data=data or {},
    )
    if target is not None:
        entry.content_type = ContentType.objects.get_for_model(target)
        entry.object_id = str(target.pk)
    entry.save()
    return entry
