"""``{% load report_values %}``: the report's values as its reader's language writes them.

The page, the print page and the workbook all show a value through :func:`value_text`, so a
figure reads the same everywhere: "8 581,76 €", "28,0 %", "1 234" in Finnish (a no-break
space groups thousands), "8,581.76 €" in English. A value hidden by small-number protection
is shown with the same word as every other page of the service (``count_or_hidden``).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, TypeGuard

from django import template
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.html import format_html
from django.utils.safestring import SafeString

from yhdessa.core import charts
from yhdessa.core.templatetags.yhdessa import count_or_hidden
from yhdessa.experiments.costs import NBSP, money
from yhdessa.reports.document import Chart, Figure, Report, Section, Table, Value

register = template.Library()

#: Floats are shown with at least one decimal ("28,0 %") and at most this many.
MAX_FLOAT_DECIMALS = 3
#: Whole numbers in this range, and only these, in a column make it a column of years.
YEARS = range(1900, 2200)


def is_number(value: Any) -> TypeGuard[int | float | Decimal]:
    return isinstance(value, int | float | Decimal) and not isinstance(value, bool)


def hidden_text() -> str:
    """The word for a value that small-number protection hides ("piilotettu")."""
    return count_or_hidden(None)


def value_text(value: Value, unit: str = "") -> str:
    """A value as plain text in the active language, with its unit."""
    if value is None:
        return hidden_text()
    if isinstance(value, datetime.datetime):
        return date_format(local(value), "SHORT_DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return date_format(value, "SHORT_DATE_FORMAT")
    if is_number(value):
        if unit == "€":
            return money(Decimal(value))  # rounded half up to cents, as the cost pages do
        shown = _number(value)
        return f"{shown}{NBSP}{unit}" if unit else shown
    return f"{value} {unit}".strip() if unit else str(value)


def local(moment: datetime.datetime) -> datetime.datetime:
    """A time in the service's time zone (a time without a zone is taken as it is)."""
    return timezone.localtime(moment) if timezone.is_aware(moment) else moment


def decimal_places(value: int | float | Decimal) -> int:
    """How many decimals a number is shown with: a Decimal its own, a float at least one
    (a percentage "28,0 %") and at most three, a whole number none."""
    if isinstance(value, float):
        exponent = Decimal(repr(round(value, MAX_FLOAT_DECIMALS))).as_tuple().exponent
        return max(1, -int(exponent))
    if isinstance(value, Decimal):
        return max(0, -int(value.as_tuple().exponent))
    return 0


def _number(value: int | float | Decimal) -> str:
    return number_format(value, decimal_places(value), force_grouping=True)


@register.filter
def report_value(value: Value, unit: str = "") -> SafeString:
    """A figure or a table cell for the page; a hidden value is marked so that it stands out
    from the numbers and is never one itself."""
    if value is None:
        return format_html('<span class="hidden-value">{}</span>', hidden_text())
    return format_html("{}", value_text(value, unit))


@register.filter
def numeric(value: Value) -> bool:
    """Whether a cell belongs to a number column (right-aligned); hidden cells do too."""
    return value is None or is_number(value)


@register.filter
def data_uri(svg: str | None) -> str | None:
    """A chart's SVG as an ``<img src>`` address (the CSP allows ``data:`` images only)."""
    return charts.data_uri(svg)


@register.filter
def long_date(value: datetime.date | datetime.datetime) -> str:
    """ "30. marraskuuta 2026": a date as a sentence in the active language writes it."""
    if isinstance(value, datetime.datetime):
        value = local(value).date()
    return date_format(value, "DATE_FORMAT")


@dataclass(frozen=True)
class ChartedTable:
    chart: Chart
    table: Table | None


@dataclass(frozen=True)
class SectionLayout:
    """The order of a section's parts: facts told in words (a goal, a period, a web
    address) as a list of facts; counts, sums and shares as key figures; the charts, each
    with the table of its figures right below it; then the section's other tables."""

    facts: list[Figure]
    numbers: list[Figure]
    charted: list[ChartedTable]
    tables: list[Table]


@register.filter
def layout(section: Section) -> SectionLayout:
    charted = [ChartedTable(chart, section.table(chart.table_key)) for chart in section.charts]
    drawn = {one.table.key for one in charted if one.table is not None}
    return SectionLayout(
        facts=[figure for figure in section.figures if not numeric(figure.value)],
        numbers=[figure for figure in section.figures if numeric(figure.value)],
        charted=charted,
        tables=[table for table in section.tables if table.key not in drawn],
    )


@register.filter
def list_named(section: Section | None, key: str) -> list[str]:
    """The items of a section's list (e.g. the project's funders), or none."""
    if section is None:
        return []
    return next((one.items for one in section.lists if one.key == key), [])


@dataclass(frozen=True)
class Column:
    label: str
    numeric: bool


#: A word longer than this (a web address, a URN) may be broken anywhere to fit its column.
LONG_WORD = 24


@dataclass(frozen=True)
class Cell:
    value: Value
    header: bool  # one of the table's label columns: <th scope="row">
    numeric: bool

    @property
    def long_word(self) -> bool:
        return isinstance(self.value, str) and any(
            len(word) > LONG_WORD for word in self.value.split()
        )


@dataclass(frozen=True)
class Row:
    cells: list[Cell]
    url: str
    label: str  # the row's label cells as text, to name its link


@dataclass(frozen=True)
class TableView:
    table: Table
    columns: list[Column]
    rows: list[Row]

    @property
    def has_urls(self) -> bool:
        return any(row.url for row in self.rows)


@register.filter
def table_view(table: Table) -> TableView:
    """A table as the templates draw it: which cells head their row, which columns hold
    numbers (right-aligned, header included), and each row's link to its records."""
    years = [is_year_column(table, index) for index in range(len(table.columns))]
    numeric = [
        not years[index] and _numeric_column(table, index) for index in range(len(table.columns))
    ]
    rows = []
    for index, values in enumerate(table.rows):
        cells = [
            Cell(
                str(value) if years[column] else value,  # "2023", never "2 023"
                # An empty label cell is a plain cell: a row header needs a text.
                header=column < table.label_columns and value not in ("", None),
                numeric=numeric[column],
            )
            for column, value in enumerate(values[: len(table.columns)])
        ]
        label = " ".join(value_text(value) for value in values[: table.label_columns])
        rows.append(Row(cells, table.url_of(index), label))
    columns = [
        Column(label, is_numeric) for label, is_numeric in zip(table.columns, numeric, strict=True)
    ]
    return TableView(table, columns, rows)


def is_year_column(table: Table, index: int) -> bool:
    """Whether a column holds years (shown as labels, without thousands grouping)."""
    cells = [row[index] for row in table.rows if index < len(row)]
    return bool(cells) and all(
        isinstance(cell, int) and not isinstance(cell, bool) and cell in YEARS for cell in cells
    )


def _numeric_column(table: Table, index: int) -> bool:
    if index < table.label_columns:
        return False
    cells = [row[index] for row in table.rows if index < len(row)]
    return any(is_number(cell) for cell in cells) and all(
        numeric(cell) or cell == "" for cell in cells
    )


@dataclass(frozen=True)
class Cover:
    """What the print page's cover and margins say besides the report's own fields."""

    short_name: str
    period: str
    implementers: list[str]
    funders: list[str]


@register.filter
def cover(report: Report) -> Cover:
    # The builder writes the subtitle as "<short name> <start>–<end>".
    short_name, _space, period = report.subtitle.rpartition(" ")
    if "–" not in period:
        short_name, period = report.subtitle, ""
    project = report.section("project")
    return Cover(
        short_name=short_name or report.project_name,
        period=period,
        implementers=list_named(project, "implementers"),
        funders=list_named(project, "funders"),
    )
