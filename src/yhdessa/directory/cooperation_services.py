"""Every write to cooperation structures and to projects' cooperation and support activities,
each in one transaction and in the audit log."""

from collections.abc import Iterable
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from yhdessa.core.audit import log_action
from yhdessa.directory.cooperation_models import CooperationStructure
from yhdessa.directory.models import Municipality
from yhdessa.directory.services import fields_log
from yhdessa.projects.models import Project, ProjectActivity

M = TypeVar("M", CooperationStructure, ProjectActivity)


def _locked_with_changes(obj: M, fields: dict[str, Any]) -> tuple[M, dict[str, Any]]:
    """The row locked for the write, with ``fields`` set; and which of them changed."""
    locked = type(obj).objects.select_for_update().get(pk=obj.pk)
    changed = {name: value for name, value in fields.items() if getattr(locked, name) != value}
    for name, value in changed.items():
        setattr(locked, name, value)
    return locked, changed


@transaction.atomic
def cooperation_create(
    *, actor: Any, municipality: Municipality, kind: str, fields: dict[str, Any]
) -> CooperationStructure:
    entry = CooperationStructure(municipality=municipality, kind=kind, **fields)
    entry.checked_on = timezone.localdate()
    entry.full_clean()
    entry.save()
    log_action(
        actor=actor, action="directory.cooperation.created", target=entry, data=fields_log(fields)
    )
    return entry


@transaction.atomic
def cooperation_update(
    *, actor: Any, entry: CooperationStructure, fields: dict[str, Any]
) -> CooperationStructure:
    """Saving the form is checking the entry: its "last checked" date becomes today."""
    locked, changed = _locked_with_changes(entry, fields)
    locked.checked_on = timezone.localdate()
    locked.full_clean()
    locked.save()
    log_action(
        actor=actor, action="directory.cooperation.changed", target=locked, data=fields_log(changed)
    )
    return locked


@transaction.atomic
def cooperation_mark_checked(*, actor: Any, entry: CooperationStructure) -> CooperationStructure:
    today = timezone.localdate()
    CooperationStructure.objects.filter(pk=entry.pk).update(checked_on=today)
    entry.checked_on = today
    log_action(
        actor=actor,
        action="directory.cooperation.checked",
        target=entry,
        data={"checked_on": today.isoformat()},
    )
    return entry


@transaction.atomic
def cooperation_delete(*, actor: Any, entry: CooperationStructure) -> None:
    log_action(
        actor=actor,
        action="directory.cooperation.deleted",
        target=entry,
        data={"title": entry.title, "kind": entry.kind, "municipality": entry.municipality_id},
    )
    entry.delete()


# Projects' regional cooperation and support --------------------------------------------------


def _check_municipalities(project: Project, municipalities: Iterable[Municipality]) -> None:
    partners = set(project.partner_municipalities.values_list("pk", flat=True))
    if any(municipality.pk not in partners for municipality in municipalities):
        raise ValidationError({"municipalities": _("Valitse kunnat hankkeen kumppanikunnista.")})


@transaction.atomic
def activity_create(
    *,
    actor: Any,
    project: Project,
    municipalities: Iterable[Municipality] = (),
    **fields: Any,
) -> ProjectActivity:
    municipalities = list(municipalities)
    _check_municipalities(project, municipalities)
    activity = ProjectActivity(project=project, **fields)
    activity.full_clean()
    activity.save()
    activity.municipalities.set(municipalities)
    log_action(
        actor=actor,
        action="projects.activity.created",
        target=activity,
        data=fields_log(fields) | {"municipalities": [m.code for m in municipalities]},
    )
    return activity


@transaction.atomic
def activity_update(
    *,
    actor: Any,
    activity: ProjectActivity,
    municipalities: Iterable[Municipality] | None = None,
    **fields: Any,
) -> ProjectActivity:
    locked, changed = _locked_with_changes(activity, fields)
    locked.full_clean()
    locked.save()
    data = fields_log(changed)
    if municipalities is not None:
        municipalities = list(municipalities)
        _check_municipalities(locked.project, municipalities)
        locked.municipalities.set(municipalities)
        data["municipalities"] = ", ".join(m.code for m in municipalities)
    log_action(actor=actor, action="projects.activity.changed", target=locked, data=data)
    return locked


@transaction.atomic
def activity_delete(*, actor: Any, activity: ProjectActivity) -> None:
    log_action(
        actor=actor,
        action="projects.activity.deleted",
        target=activity,
        data={"title": activity.title, "project": activity.project_id},
    )
    activity.delete()
