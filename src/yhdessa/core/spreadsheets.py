"""The spreadsheets people bring and take: CSV (comma or semicolon, UTF-8 with or without
BOM) and XLSX, read as rows of text cells; and text made safe to open in a spreadsheet.

Importers (attendance lists, survey answers) read files here and check the contents
themselves; a file that cannot be read at all raises :class:`UnreadableTable` with a message
for the person who sent it.
"""

import csv
import datetime
import io
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import Any

import openpyxl
from django.http import HttpResponse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

#: The first characters that make a spreadsheet treat a cell as a formula (OWASP CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class UnreadableTable(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def neutralise(value: str) -> str:
    """The text as a spreadsheet shows it and never runs it. Leading spaces are looked past,
    since some spreadsheet programs drop them before deciding."""
    if value.lstrip(" ").startswith(FORMULA_START):
        return "'" + value
    return value


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> bytes:
    """Semicolon-separated UTF-8 with a byte-order mark: what Excel set to Finnish opens as
    columns (the comma is the decimal separator there). Decimals are written in full, times
    without seconds."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([_csv_cell(cell) for cell in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _csv_cell(cell: Any) -> Any:
    if isinstance(cell, datetime.datetime):
        return f"{cell:%Y-%m-%d %H:%M}"
    if isinstance(cell, Decimal):
        return f"{cell:f}"
    return cell


def xlsx_bytes(
    header: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    title: str,
    shape: Callable[[Worksheet], None] | None = None,
) -> bytes:
    """A one-sheet workbook: a bold, frozen header row and the rows, with the control
    characters that the XLSX format cannot hold removed; ``shape`` may set widths and
    formats before saving."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None  # noqa: S101 (a new workbook always has a sheet)
    sheet.title = title[:31]
    sheet.append(list(header))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(
            [ILLEGAL_CHARACTERS_RE.sub("", cell) if isinstance(cell, str) else cell for cell in row]
        )
    sheet.freeze_panes = "A2"
    if shape is not None:
        shape(sheet)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def table_rows(name: str, data: bytes, *, max_rows: int) -> list[list[str]]:
    """The rows of a ``.xlsx`` file's first sheet, or of a CSV file, as stripped text cells."""
    return xlsx_rows(data, max_rows=max_rows) if name.lower().endswith(".xlsx") else csv_rows(data)


def csv_rows(data: bytes) -> list[list[str]]:
    if data.startswith(b"PK\x03\x04") or b"\x00" in data:
        raise UnreadableTable(_("Tiedosto ei ole CSV-tiedosto. Tuo CSV- tai XLSX-tiedosto."))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise UnreadableTable(
            _("Rivi %(line)s: merkistö ei ole UTF-8. Tallenna tiedosto muodossa ”CSV UTF-8”.")
            % {"line": line}
        ) from None
    header = text.lstrip("\r\n").split("\n", 1)[0]
    try:
        delimiter = csv.Sniffer().sniff(header, delimiters=",;").delimiter
    except csv.Error:
        delimiter = ";" if header.count(";") > header.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        return [[cell.strip() for cell in row] for row in reader]
    except csv.Error:
        raise UnreadableTable(
            _("Rivi %(line)s: CSV-tiedostoa ei voitu lukea.") % {"line": reader.line_num}
        ) from None


def xlsx_rows(data: bytes, *, max_rows: int) -> list[list[str]]:
    """The first sheet's cells as text, at most ``max_rows + 1`` rows (so that the caller can
    tell a file that is too long). Read-only mode streams the sheet; a damaged or disguised
    file fails in many ways, all of which mean the same to the person who sent it."""
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            rows = []
            for values in workbook.worksheets[0].iter_rows(values_only=True):
                rows.append([cell_text(value) for value in values])
                if len(rows) > max_rows + 1:
                    break
            return rows
        finally:
            workbook.close()
    except Exception:
        raise UnreadableTable(
            _("Tiedosto ei ole kelvollinen XLSX-tiedosto. Tuo CSV- tai XLSX-tiedosto.")
        ) from None


def cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    return str(value).strip()


DOWNLOAD_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def table_download(
    header: Sequence[str], rows: Iterable[Sequence[Any]], *, file_format: str, stem: str, title: str
) -> HttpResponse:
    """A table as a CSV or XLSX attachment (``file_format`` is a key of DOWNLOAD_TYPES)."""
    if file_format == "csv":
        content = csv_bytes(header, rows)
    else:
        content = xlsx_bytes(header, rows, title=title)
    response = HttpResponse(content, content_type=DOWNLOAD_TYPES[file_format])
    name = slugify(stem)[:80].strip("-") or "taulukko"
    response["Content-Disposition"] = f'attachment; filename="{name}.{file_format}"'
    return response
