"""The report written out: a PDF from the print page, a workbook, a JSON document, and
the names of the files.

Each takes the one :class:`~yhdessa.reports.document.Report` that the web page also shows,
so the formats cannot disagree; each writes in the report's own language, whatever the
language of the request that asked for it. Values go through the same formatting as the
page (``report_values.value_text``): a value hidden by small-number protection is the word
"piilotettu" in every format, never a number (the JSON writes it as ``null``).
"""

from __future__ import annotations

import datetime
import io
import json
import re
from collections.abc import Iterator, Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import openpyxl
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from yhdessa.experiments.model_export import as_pdf as pdf_from_html
from yhdessa.reports.document import Report, Section, Table, Value
from yhdessa.reports.templatetags.report_values import (
    decimal_places,
    is_number,
    is_year_column,
    local,
    value_text,
)

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json; charset=utf-8",
    "html": "text/html; charset=utf-8",
}
CENT = Decimal("0.01")


# --- File names ------------------------------------------------------------------------------


def filename(report: Report, extension: str) -> str:
    """ "yhdessa-osallisuutta-loppuraportti-fi.pdf"; a municipality's report
    "yhdessa-osallisuutta-kunta-535-fi.pdf". The same in every language but for its code, so
    that scripts can find the files."""
    part = f"kunta-{report.municipality_code}" if report.municipality_code else "loppuraportti"
    return f"{report.project_slug}-{part}-{report.language}.{extension}"


# --- JSON ------------------------------------------------------------------------------------


def as_json(report: Report) -> dict[str, Any]:
    return report.as_json()


def json_bytes(report: Report) -> bytes:
    """The JSON document as a file: UTF-8, letters as they are (ä, not \\u00e4), indented."""
    return (json.dumps(as_json(report), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


# --- The print page and the PDF --------------------------------------------------------------


def print_html(report: Report, *, request: HttpRequest | None = None) -> str:
    """The report as one standalone HTML document (styles inline, charts as ``data:``
    images): what the PDF is made from, and the HTML file of the command line."""
    with translation.override(report.language):
        return render_to_string("reports/report_print.html", {"report": report}, request=request)


def as_pdf(report: Report, *, request: HttpRequest | None = None) -> bytes:
    """The print-quality PDF (A4, cover, contents with page numbers). Only ``data:``
    addresses are read while rendering, so a report cannot fetch anything."""
    return pdf_from_html(print_html(report, request=request))


# --- The workbook ----------------------------------------------------------------------------

BOLD = Font(bold=True)
HEADER_FILL = PatternFill(
    "solid", fgColor="DCE8F1"
)  # the report's blue, light enough for black text
HIDDEN_FONT = Font(italic=True, color="595959")
#: Characters Excel does not allow in a sheet name.
SHEET_NAME_FORBIDDEN = re.compile(r"[\\/?*\[\]:]")
SHEET_NAME_LENGTH = 31


def as_xlsx(report: Report) -> bytes:
    """A workbook: the sheet "Tiedot" with the report's details, every section's figures and
    an index of the tables, then one sheet per table with a bold frozen header row."""
    with translation.override(report.language):
        workbook = openpyxl.Workbook()
        summary = workbook.active
        assert summary is not None  # noqa: S101 (a new workbook always has a sheet)
        summary.title = _("Tiedot")
        names = SheetNames({summary.title})
        tables = [
            (section, table, names.unique(table.title or section.title))
            for section in report.sections
            for table in section.tables
        ]
        _write_summary(summary, report, tables)
        for _section, table, name in tables:
            _write_table(workbook.create_sheet(name), table)
        buffer = io.BytesIO()
        workbook.save(buffer)
        return buffer.getvalue()


class SheetNames:
    """Sheet names that Excel accepts: at most 31 characters, none of ``\\/?*[]:``, and
    unique regardless of case ("Kustannukset", "Kustannukset (2)"). A long title is cut
    at a word with "…"; the summary sheet lists every table's full title."""

    def __init__(self, taken: set[str]) -> None:
        self.taken = {name.casefold() for name in taken}

    def unique(self, title: str) -> str:
        base = SHEET_NAME_FORBIDDEN.sub("", _clean(title)).strip(" '") or _("Taulukko")
        name = _shorten(base, SHEET_NAME_LENGTH)
        number = 1
        while name.casefold() in self.taken:
            number += 1
            suffix = f" ({number})"
            name = _shorten(base, SHEET_NAME_LENGTH - len(suffix)) + suffix
        self.taken.add(name.casefold())
        return name


def _shorten(text: str, length: int) -> str:
    if len(text) <= length:
        return text
    cut = text[: length - 1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;.-–") + "…"


def _write_summary(
    sheet: Worksheet, report: Report, tables: list[tuple[Section, Table, str]]
) -> None:
    sheet.append([_clean(f"{report.project_name}: {report.title}")])
    sheet["A1"].font = Font(bold=True, size=14)
    for label, value in _meta_rows(report):
        _append(sheet, [label, value])
        sheet.cell(sheet.max_row, 1).font = BOLD
    sheet.append([])
    _header(sheet, [_("Osio"), _("Luku"), _("Arvo"), _("Yksikkö"), _("Huomautus")])
    for section in report.sections:
        for figure in section.figures:
            _append(sheet, [section.title, figure.label, figure.value, figure.unit, figure.note])
            _format_value(sheet.cell(sheet.max_row, 3), figure.value, figure.unit)
    if tables:
        sheet.append([])
        _header(sheet, [_("Osio"), _("Taulukko"), _("Välilehti"), _("Huomautus")])
        for section, table, name in tables:
            _append(sheet, [section.title, table.title, name, table.note])
            link = sheet.cell(sheet.max_row, 3)
            link.hyperlink = f"#'{name}'!A1"
            link.style = "Hyperlink"
    _fit_columns(sheet, widest=60, from_row=2)  # the title in A1 may run over


def _meta_rows(report: Report) -> Iterator[tuple[str, Value]]:
    yield _("Hanke"), report.project_name
    yield _("Raportti"), report.title
    if report.municipality_code:
        yield _("Kunta"), f"{report.municipality_name} ({report.municipality_code})"
    yield _("Kausi"), report.subtitle
    yield _("Kieli"), report.language
    yield _("Luotu"), value_text(report.generated_at)
    yield (
        _("Pienet luvut"),
        _(
            "Alle %(threshold)s hengen luvut ja luvut, joista ne voisi laskea, on piilotettu "
            "(”%(hidden)s”)."
        )
        % {"threshold": report.threshold, "hidden": value_text(None)},
    )


def _write_table(sheet: Worksheet, table: Table) -> None:
    _header(sheet, table.columns)
    sheet.freeze_panes = "A2"
    years = {index + 1 for index in range(len(table.columns)) if is_year_column(table, index)}
    for row in table.rows:
        _append(sheet, row)
        for column, value in enumerate(row, start=1):
            cell = sheet.cell(sheet.max_row, column)
            if column in years:
                cell.number_format = "0"  # 2023, not 2 023
            else:
                _format_value(cell, value)
    _fit_columns(sheet, widest=50)


def _header(sheet: Worksheet, labels: list[str]) -> None:
    _append(sheet, labels)
    for cell in sheet[sheet.max_row]:
        cell.font = BOLD
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")


def _append(sheet: Worksheet, values: Sequence[Value]) -> None:
    """A row of cells: numbers and dates as themselves, every text as text (never as a
    formula, whatever it starts with), a hidden value as the word the page shows."""
    sheet.append([_cell_value(value) for value in values])
    for cell, value in zip(sheet[sheet.max_row], values, strict=False):
        if isinstance(value, str):
            cell.data_type = "s"


def _cell_value(value: Value) -> Any:
    if value is None:
        return value_text(None)
    if isinstance(value, datetime.datetime):
        return local(value).replace(tzinfo=None)  # XLSX has no time zones
    if isinstance(value, str):
        return _clean(value)
    return value


def _format_value(cell: Cell, value: Value, unit: str = "") -> None:
    """The number format that shows a value as the page does (Excel puts in the reader's own
    separators); a hidden value stands out as a word. Text and dates keep openpyxl's."""
    if value is None:
        cell.font = HIDDEN_FONT
        cell.alignment = Alignment(horizontal="right")
    elif is_number(value) and unit == "€":
        cell.value = Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)
        cell.number_format = '#,##0.00 "€"'
    elif is_number(value):
        places = decimal_places(value)
        shown = "#,##0" + ("." + "0" * places if places else "")
        cell.number_format = f'{shown} "{unit}"' if unit else shown


def _fit_columns(sheet: Worksheet, *, widest: int, from_row: int = 1) -> None:
    """Columns as wide as their longest text, up to ``widest``."""
    for index, column in enumerate(sheet.iter_cols(min_row=from_row), start=1):
        longest = max(
            (len(str(cell.value)) for cell in column if cell.value is not None), default=8
        )
        sheet.column_dimensions[get_column_letter(index)].width = min(widest, max(10, longest + 2))


def _clean(text: str) -> str:
    """Without the control characters that the XLSX format cannot hold."""
    return ILLEGAL_CHARACTERS_RE.sub("", text)
