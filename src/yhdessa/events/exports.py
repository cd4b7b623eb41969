"""Participant lists of an event as CSV and XLSX for its organisers.

A registrant types their own name and needs, so a cell may hold text that a spreadsheet would
run as a formula (``=HYPERLINK(…)``, ``+cmd|…``). Every text cell that starts like a formula
gets a leading apostrophe. Every export is personal data leaving the system and is logged.
"""

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from openpyxl.worksheet.worksheet import Worksheet

from yhdessa.accounts.models import User
from yhdessa.core.audit import log_action
from yhdessa.core.spreadsheets import csv_bytes, neutralise, xlsx_bytes
from yhdessa.events.models import Event

ExportFormat = Literal["csv", "xlsx"]

CONTENT_TYPES: dict[str, str] = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}

Cell = str | datetime.datetime


@dataclass(frozen=True)
class ExportFile:
    content: bytes
    content_type: str
    filename: str
    rows: int


def participant_headers() -> list[str]:
    return [
        _("Nimi"),
        _("Sähköposti"),
        _("Organisaatio"),
        _("Taustaryhmä"),
        _("Kotikunta"),
        _("Tila"),
        _("Läsnäolo"),
        _("Erityistarpeet"),
        _("Ilmoittautunut"),
    ]


def participant_rows(event: Event) -> list[list[Cell]]:
    """Every registration of the event, cancelled ones too (the status column tells)."""
    registrations = event.registrations.select_related("background", "municipality").order_by(
        "created_at", "pk"
    )
    return [
        [
            neutralise(registration.name),
            neutralise(registration.email),
            neutralise(registration.organisation_name),
            neutralise(registration.background.name if registration.background else ""),
            neutralise(registration.municipality.name if registration.municipality else ""),
            registration.get_status_display(),
            registration.get_attendance_display(),
            neutralise(registration.needs),
            timezone.localtime(registration.created_at).replace(tzinfo=None, microsecond=0),
        ]
        for registration in registrations
    ]


def as_xlsx(headers: Sequence[str], rows: Sequence[Sequence[Cell]], title: str) -> bytes:
    def shape(sheet: Worksheet) -> None:
        for row in sheet.iter_rows(min_row=2, min_col=len(headers), max_col=len(headers)):
            row[0].number_format = "yyyy-mm-dd hh:mm"
        for letter, width in zip("ABCDEFGHI", (28, 32, 28, 24, 16, 12, 12, 40, 18), strict=True):
            sheet.column_dimensions[letter].width = width

    return xlsx_bytes(headers, rows, title=title, shape=shape)


@transaction.atomic
def participants_export(
    *, actor: User | None, event: Event, file_format: ExportFormat
) -> ExportFile:
    """The event's participant list as a file, and the audit log entry that it left."""
    headers, rows = participant_headers(), participant_rows(event)
    if file_format == "csv":
        content = csv_bytes(headers, rows)
    elif file_format == "xlsx":
        content = as_xlsx(headers, rows, title=_("Osallistujat"))
    else:
        raise ValueError(f"Unknown export format {file_format!r}")
    log_action(
        actor=actor,
        action="events.participants.exported",
        target=event,
        data={"format": file_format, "rows": len(rows)},
    )
    stem = slugify(f"{_('osallistujat')} {event.starts_at:%Y-%m-%d} {event.title}")[:80]
    return ExportFile(
        content=content,
        content_type=CONTENT_TYPES[file_format],
        filename=f"{stem.strip('-')}.{file_format}",
        rows=len(rows),
    )
