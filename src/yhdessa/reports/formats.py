"""The report's file formats, for the download links, the command line and the API."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from yhdessa.reports import outputs
from yhdessa.reports.document import Report

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def standalone_html(report: Report) -> bytes:
    """One HTML file with its styles inside (the print layout), to open from a disk."""
    return outputs.print_html(report).encode()


@dataclass(frozen=True)
class Format:
    key: str
    label: Promise
    content_type: str
    render: Callable[[Report], bytes]


FORMATS = {
    one.key: one
    for one in [
        Format("pdf", _("PDF (tulostettava raportti)"), "application/pdf", outputs.as_pdf),
        Format("xlsx", _("Excel (taulukot)"), XLSX, outputs.as_xlsx),
        Format("json", _("JSON (kaikki luvut)"), "application/json", outputs.json_bytes),
        Format("html", _("HTML (yksi tiedosto)"), "text/html; charset=utf-8", standalone_html),
    ]
}
#: What the web page offers to download (the page itself is the HTML).
DOWNLOADS = ("pdf", "xlsx", "json")
