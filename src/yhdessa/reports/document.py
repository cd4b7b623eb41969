"""The report as data: one object that the HTML page, the PDF, the workbook and the JSON
document are all made from, so that they cannot disagree.

A section holds figures (one number each), tables, charts (drawn from one of the section's
tables, never the only carrier of a figure) and plain lists. A value of ``None`` is a figure
that small-number protection hides; it is shown as "alle N" or "–" and never leaves the
system as a number. ``source_url`` points at the staff view of the records behind a figure,
and is set only for readers who may open that view.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

Value = int | float | Decimal | str | datetime.date | None


@dataclass
class Figure:
    key: str
    label: str
    value: Value
    unit: str = ""  # "€", "%", or empty for a count
    source_url: str = ""
    note: str = ""  # e.g. "laskettu: 8 581,76 € / 107"

    @property
    def hidden(self) -> bool:
        return self.value is None

    def as_json(self) -> Any:
        return _json_value(self.value)


@dataclass
class Table:
    key: str
    title: str
    columns: list[str]
    rows: list[list[Value]]
    #: Per row, the staff address of the records behind it ("" when none or not allowed).
    row_urls: list[str] = field(default_factory=list)
    note: str = ""
    #: The number of leading columns that label a row (they become <th scope="row">).
    label_columns: int = 1

    def url_of(self, index: int) -> str:
        return self.row_urls[index] if index < len(self.row_urls) else ""

    def as_json(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "columns": self.columns,
            "rows": [[_json_value(cell) for cell in row] for row in self.rows],
            "note": self.note,
        }


@dataclass
class Chart:
    key: str
    title: str
    svg: str
    #: The key of the section's table that holds the same figures (shown right below).
    table_key: str
    description: str = ""  # the text alternative


@dataclass
class ItemList:
    key: str
    title: str
    items: list[str]


@dataclass
class Section:
    key: str
    title: str
    narrative: str = ""
    figures: list[Figure] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    lists: list[ItemList] = field(default_factory=list)
    #: Said when a section has nothing to show (e.g. no trainings in this municipality).
    empty_message: str = ""

    @property
    def is_empty(self) -> bool:
        return not (self.figures or self.tables or self.lists)

    def table(self, key: str) -> Table | None:
        return next((table for table in self.tables if table.key == key), None)

    def as_json(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "narrative": self.narrative,
            "figures": {figure.key: figure.as_json() for figure in self.figures},
            "figure_labels": {figure.key: figure.label for figure in self.figures},
            "figure_notes": {figure.key: figure.note for figure in self.figures if figure.note},
            "tables": {table.key: table.as_json() for table in self.tables},
            "lists": {one.key: one.items for one in self.lists},
        }


@dataclass
class Report:
    project_slug: str
    project_name: str
    title: str
    subtitle: str
    language: str
    generated_at: datetime.datetime
    municipality_code: str | None = None
    municipality_name: str | None = None
    #: The small-number threshold the figures went through.
    threshold: int = 5
    public: bool = True
    sections: list[Section] = field(default_factory=list)

    def section(self, key: str) -> Section | None:
        return next((section for section in self.sections if section.key == key), None)

    def as_json(self) -> dict[str, Any]:
        document: dict[str, Any] = {
            "meta": {
                "project": self.project_slug,
                "title": self.title,
                "municipality": self.municipality_code,
                "language": self.language,
                "generated_at": self.generated_at.isoformat(),
                "small_number_threshold": self.threshold,
                "public": self.public,
                "sections": [section.key for section in self.sections],
            }
        }
        for section in self.sections:
            document[section.key] = section.as_json()
        return document


def _json_value(value: Value) -> Any:
    if isinstance(value, Decimal):
        return float(value) if value != value.to_integral_value() else int(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value
