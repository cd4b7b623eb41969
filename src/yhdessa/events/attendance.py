"""Attendance of an event: marking people present or absent, walk-ins, importing a list.

Attendance is kept apart from the registration status (DESIGN.md): a confirmed person may be
absent, and a waitlisted one may turn up anyway. An imported list is read and checked in full
before anything is written, and then written in one transaction, so a file with a single bad
row changes nothing.
"""

from collections.abc import Container, Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import Coalesce, Lower
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from yhdessa.accounts.models import User
from yhdessa.core.audit import log_action
from yhdessa.core.spreadsheets import UnreadableTable, table_rows
from yhdessa.events.models import Attendance, BackgroundCategory, Event, Registration, WalkIn

Status = Registration.Status

#: The registrations whose attendance is marked: those with a seat and those waiting for one.
ACTIVE = (Status.CONFIRMED, Status.WAITLISTED)

MAX_IMPORT_BYTES = 2 * 1024 * 1024
MAX_IMPORT_ROWS = 5000
#: How many faulty rows are explained one by one; the summary still lists every line number.
MAX_ROW_MESSAGES = 50

#: Column names of an attendance list, in English and in Finnish, case-insensitive.
COLUMNS = {
    "email": "email",
    "sähköposti": "email",
    "attendance": "attendance",
    "läsnäolo": "attendance",
}
#: Values of the attendance column, case-insensitive.
ATTENDANCE_WORDS = {
    "present": Attendance.PRESENT,
    "paikalla": Attendance.PRESENT,
    "absent": Attendance.ABSENT,
    "poissa": Attendance.ABSENT,
}


# Reads ---------------------------------------------------------------------------------------


def registrations_for_marking(event: Event) -> QuerySet[Registration]:
    """The people on the attendance list, alphabetically as organisers look them up."""
    return (
        event.registrations.filter(status__in=ACTIVE)
        .select_related("background")
        .order_by(Lower("name"), "pk")
    )


def attendance_counts(event: Event) -> dict[str, int]:
    """The figures at the top of the attendance page, counted by the database."""
    counts: dict[str, int] = event.registrations.filter(status__in=ACTIVE).aggregate(
        confirmed=Count("pk", filter=Q(status=Status.CONFIRMED)),
        waitlisted=Count("pk", filter=Q(status=Status.WAITLISTED)),
        present=Count("pk", filter=Q(attendance=Attendance.PRESENT)),
        absent=Count("pk", filter=Q(attendance=Attendance.ABSENT)),
        unmarked=Count("pk", filter=Q(attendance=Attendance.UNKNOWN)),
    )
    counts["walk_ins"] = event.walk_ins.aggregate(total=Coalesce(Sum("count"), 0))["total"]
    counts["present_total"] = counts["present"] + counts["walk_ins"]
    return counts


# Marking -------------------------------------------------------------------------------------


@transaction.atomic
def attendance_mark(
    *, actor: User | None, registration: Registration, attendance: str
) -> Registration:
    """Mark one person present or absent, or undo the mark (``unknown``)."""
    if attendance not in Attendance.values:
        raise ValidationError(_("Tuntematon läsnäolotieto."), code="invalid")
    if registration.status not in ACTIVE:
        raise ValidationError(_("Peruttua ilmoittautumista ei voi merkitä."), code="cancelled")
    registration.attendance = Attendance(attendance)
    registration.save(update_fields=["attendance"])
    return registration


@transaction.atomic
def attendance_mark_all_present(*, actor: User | None, event: Event) -> int:
    """Mark every confirmed person not yet marked as present; marks already made stay."""
    changed = event.registrations.filter(
        status=Status.CONFIRMED, attendance=Attendance.UNKNOWN
    ).update(attendance=Attendance.PRESENT)
    if changed:
        log_action(
            actor=actor,
            action="events.attendance.marked_all_present",
            target=event,
            data={"count": changed},
        )
    return changed


# Walk-ins ------------------------------------------------------------------------------------


@transaction.atomic
def walk_in_add(
    *, actor: User | None, event: Event, background: BackgroundCategory | None, count: int
) -> WalkIn:
    """Count people who came without registering; no personal data is kept of them."""
    if isinstance(count, bool) or not isinstance(count, int) or count < 1:
        raise ValidationError({"count": _("Anna määräksi positiivinen kokonaisluku.")})
    if background is not None and background.project_id != event.project_id:
        raise ValidationError({"background": _("Valitse taustaryhmä listalta.")})
    walk_in = WalkIn.objects.create(event=event, background=background, count=count)
    log_action(
        actor=actor,
        action="events.walk_in.added",
        target=event,
        data={"count": count, "background": background.pk if background else None},
    )
    return walk_in


@transaction.atomic
def walk_in_delete(*, actor: User | None, event: Event, walk_in_id: int) -> bool:
    """Remove a headcount entered by mistake. Removing one already gone is not an error."""
    walk_ins = event.walk_ins.filter(pk=walk_in_id)
    removed = [
        {"count": count, "background": background}
        for count, background in walk_ins.values_list("count", "background")
    ]
    walk_ins.delete()
    if removed:
        log_action(actor=actor, action="events.walk_in.deleted", target=event, data=removed[0])
    return bool(removed)


# Importing a list ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    """A row of the uploaded table: its number as a spreadsheet shows it, and its cells."""

    number: int
    cells: list[str]


@dataclass(frozen=True)
class ImportResult:
    rows: int
    present: int
    absent: int
    changed: int


def attendance_import(*, actor: User | None, event: Event, upload: UploadedFile) -> ImportResult:
    """Apply an attendance list, or raise ``ValidationError`` and change nothing.

    The file is read before the transaction starts (it may take a moment and needs no lock);
    matching it to the registrations and writing happen inside one.
    """
    lines = read_table(upload)
    email_column, attendance_column, data_lines = split_header(lines)
    with transaction.atomic():
        registrations = {
            email: (pk, attendance)
            for pk, email, attendance in event.registrations.filter(status__in=ACTIVE)
            .exclude(email="")
            .annotate(email_lower=Lower("email"))
            .values_list("pk", "email_lower", "attendance")
        }
        marks = match_lines(
            data_lines,
            email_column=email_column,
            attendance_column=attendance_column,
            known=registrations.keys(),
        )
        by_value: dict[Attendance, list[int]] = {Attendance.PRESENT: [], Attendance.ABSENT: []}
        changed = 0
        for email, attendance in marks.items():
            pk, current = registrations[email]
            by_value[attendance].append(pk)
            changed += current != attendance
        for attendance, pks in by_value.items():
            Registration.objects.filter(pk__in=pks).update(attendance=attendance)
        result = ImportResult(
            rows=len(marks),
            present=len(by_value[Attendance.PRESENT]),
            absent=len(by_value[Attendance.ABSENT]),
            changed=changed,
        )
        log_action(
            actor=actor,
            action="events.attendance.imported",
            target=event,
            data={
                "file": (upload.name or "")[:200],
                "rows": result.rows,
                "present": result.present,
                "absent": result.absent,
                "changed": result.changed,
            },
        )
    return result


def read_table(upload: UploadedFile) -> list[Line]:
    """The non-empty rows of a CSV or XLSX file as text cells."""
    name = (upload.name or "").lower()
    if not name.endswith((".csv", ".xlsx")):
        raise ValidationError(
            _("Tiedoston tyyppiä ei tunnistettu. Tuo CSV- tai XLSX-tiedosto."), code="file_type"
        )
    if upload.size is not None and upload.size > MAX_IMPORT_BYTES:
        raise ValidationError(
            _("Tiedosto on liian suuri. Suurin sallittu koko on 2 Mt."), code="too_large"
        )
    upload.seek(0)
    data = upload.read(MAX_IMPORT_BYTES + 1)
    if len(data) > MAX_IMPORT_BYTES:
        raise ValidationError(
            _("Tiedosto on liian suuri. Suurin sallittu koko on 2 Mt."), code="too_large"
        )
    try:
        rows = table_rows(name, data, max_rows=MAX_IMPORT_ROWS)
    except UnreadableTable as error:
        raise ValidationError(error.message, code="unreadable") from None
    lines = []
    for number, cells in enumerate(rows, start=1):
        if number > MAX_IMPORT_ROWS + 1:
            raise ValidationError(
                _("Tiedostossa on liian monta riviä. Enintään %(max)s riviä kerralla.")
                % {"max": MAX_IMPORT_ROWS},
                code="too_many_rows",
            )
        if any(cells):
            lines.append(Line(number=number, cells=cells))
    if not lines:
        raise ValidationError(_("Tiedosto on tyhjä."), code="empty")
    return lines


def split_header(lines: list[Line]) -> tuple[int, int | None, list[Line]]:
    """The column positions of e-mail and attendance, and the data rows after the header."""
    header, *data_lines = lines
    names = [cell.strip().lower() for cell in header.cells]
    unknown = [name for name in names if name and name not in COLUMNS]
    if unknown:
        raise ValidationError(
            _(
                "Tuontia ei tehty, eikä mitään muutettu. Rivi %(line)s: tuntemattomat sarakkeet "
                "%(columns)s. Sallitut sarakkeet ovat email ja attendance (tai sähköposti ja "
                "läsnäolo)."
            )
            % {"line": header.number, "columns": ", ".join(f"”{name}”" for name in unknown)},
            code="unknown_columns",
        )
    columns = [COLUMNS.get(name) for name in names]
    for column in ("email", "attendance"):
        if columns.count(column) > 1:
            raise ValidationError(
                _("Tuontia ei tehty. Rivi %(line)s: sarake %(column)s on kahdesti.")
                % {"line": header.number, "column": column},
                code="duplicate_column",
            )
    if "email" not in columns:
        raise ValidationError(
            _(
                "Tuontia ei tehty. Rivi %(line)s: sarake email puuttuu. Ensimmäisellä rivillä "
                "on oltava sarakkeiden nimet, vähintään email."
            )
            % {"line": header.number},
            code="missing_email",
        )
    if not data_lines:
        raise ValidationError(
            _("Tiedostossa on vain otsikkorivi, ei yhtään osallistujaa."), code="empty"
        )
    attendance_column = columns.index("attendance") if "attendance" in columns else None
    return columns.index("email"), attendance_column, data_lines


def match_lines(
    lines: Sequence[Line],
    *,
    email_column: int,
    attendance_column: int | None,
    known: Container[str],
) -> dict[str, Attendance]:
    """Each listed address with its new attendance, or ``ValidationError`` naming every
    faulty line. Without an attendance column, everyone on the list was present."""
    marks: dict[str, Attendance] = {}
    first_seen: dict[str, int] = {}
    problems: list[tuple[int, str]] = []
    for line in lines:
        email = _cell(line.cells, email_column).lower()
        value = _cell(line.cells, attendance_column)
        problem = _line_problem(
            line.cells,
            email,
            value,
            columns=(email_column, attendance_column),
            known=known,
            first_seen=first_seen,
        )
        if problem:
            problems.append((line.number, problem))
            continue
        first_seen[email] = line.number
        has_column = attendance_column is not None
        marks[email] = ATTENDANCE_WORDS[value.lower()] if has_column else Attendance.PRESENT
    if problems:
        raise ValidationError(_import_errors(problems), code="invalid_rows")
    return marks


def _line_problem(
    cells: list[str],
    email: str,
    value: str,
    *,
    columns: tuple[int, int | None],
    known: Container[str],
    first_seen: dict[str, int],
) -> str | None:
    """What is wrong with one row of the list, in words for its organiser, or ``None``."""
    if any(cell for index, cell in enumerate(cells) if index not in columns):
        return _("arvo sarakkeessa, jolla ei ole nimeä")
    if not email:
        return _("sähköpostiosoite puuttuu")
    if email not in known:
        return _("osoitetta %(email)s ei löydy tämän tapahtuman ilmoittautuneista") % {
            "email": _shorten(email)
        }
    if email in first_seen:
        return _("osoite %(email)s on jo rivillä %(line)s") % {
            "email": _shorten(email),
            "line": first_seen[email],
        }
    if columns[1] is not None and value.lower() not in ATTENDANCE_WORDS:
        return _(
            "läsnäolo ”%(value)s” ei kelpaa; käytä sanaa paikalla, poissa, present tai absent"
        ) % {"value": _shorten(value)}
    return None


def _cell(cells: list[str], index: int | None) -> str:
    if index is None or index >= len(cells):
        return ""
    return cells[index].strip()


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _import_errors(problems: list[tuple[int, str]]) -> list[str]:
    """A summary naming every faulty line, then what is wrong on each (up to a limit)."""
    numbers = [str(number) for number, _problem in problems]
    if len(numbers) == 1:
        listed = numbers[0]
    else:
        listed = _("%(first)s ja %(last)s") % {
            "first": ", ".join(numbers[:-1]),
            "last": numbers[-1],
        }
    summary = ngettext(
        "Tuontia ei tehty, eikä mitään muutettu. Korjaa rivi %(lines)s ja tuo tiedosto uudelleen.",
        "Tuontia ei tehty, eikä mitään muutettu. Korjaa rivit %(lines)s ja tuo tiedosto uudelleen.",
        len(numbers),
    ) % {"lines": listed}
    details = [
        _("Rivi %(line)s: %(problem)s.") % {"line": number, "problem": problem}
        for number, problem in problems[:MAX_ROW_MESSAGES]
    ]
    if len(problems) > MAX_ROW_MESSAGES:
        details.append(
            _("… ja %(count)s muuta virheellistä riviä.")
            % {"count": len(problems) - MAX_ROW_MESSAGES}
        )
    return [summary, *details]
