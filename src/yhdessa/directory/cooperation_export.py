"""The public cooperation directory as open data (CC BY 4.0): CSV and JSON of the same rows.

* CSV: RFC 4180 — UTF-8 without a byte-order mark, comma-separated, CRLF line ends, one
  header row with the column names of :data:`COLUMNS`, dates as ``YYYY-MM-DD``, ``true``/
  ``false`` for yes/no. The licence is given in the response's ``Link: <…>; rel="license"``
  header and on the directory page (a comment line would break readers that expect the header
  first). A cell that a spreadsheet would run as a formula starts with an apostrophe.
* JSON: ``{"licence": {...}, "source", "generated_at", "columns": {name: meaning},
  "count", "items": [{name: value}]}``; the items have the columns of the CSV, with ``null``
  for an empty date and booleans for yes/no. New columns may be added; none is removed or
  renamed without a new ``format_version``.
"""

import csv
import datetime
import io
from collections.abc import Iterable
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from yhdessa.core.spreadsheets import neutralise
from yhdessa.directory.cooperation_models import CooperationStructure

FORMAT_VERSION = 1
LICENCE = {
    "name": "CC BY 4.0",
    "title": "Creative Commons Nimeä 4.0 Kansainvälinen",
    "url": "https://creativecommons.org/licenses/by/4.0/deed.fi",
    "attribution": "Yhdessä-palvelun kuntien yhteistyörakenteiden hakemisto",
}

#: Column name → its meaning (in the JSON's ``columns`` and on the directory page).
COLUMNS: dict[str, str] = {
    "id": "Tietueen pysyvä tunniste",
    "municipality_code": "Kuntanumero (Tilastokeskus)",
    "municipality": "Kunnan nimi",
    "kind": "Laji: agreement, influence_body, liaison, grant, meeting_place tai forum",
    "kind_label": "Laji suomeksi",
    "subtype": "Tarkempi tyyppi (sopimukset ja vaikuttamistoimielimet), muuten tyhjä",
    "title_fi": "Nimi suomeksi (yhdyshenkilöstä tehtävänimike)",
    "title_sv": "Nimi ruotsiksi",
    "description_fi": "Kuvaus suomeksi",
    "description_sv": "Kuvaus ruotsiksi",
    "link": "Verkko-osoite (asiakirja, hakuohje tai lisätiedot)",
    "starts_on": "Sopimuksen voimassaolon tai avustushaun alkupäivä",
    "ends_on": "Sopimuksen voimassaolon tai avustushaun päättymispäivä",
    "person_name": "Yhdyshenkilön nimi, jos kunta on sen julkaissut",
    "email": "Työsähköposti",
    "phone": "Työpuhelin",
    "contact": "Näin otat yhteyttä",
    "rhythm": "Kokoontumisrytmi",
    "next_date": "Foorumin seuraava kokoontuminen",
    "address": "Kohtaamispaikan osoite",
    "accessibility": "Kohtaamispaikan esteettömyys",
    "booking": "Näin varaat tilan",
    "checked_on": "Päivä, jolloin kunta on viimeksi tarkistanut tiedot",
    "is_demo": "true: keksitty esimerkki (demoaineisto)",
    "url": "Tietueen sivu Yhdessä-palvelussa",
}


def open_data_entries() -> QuerySet[CooperationStructure]:
    return CooperationStructure.objects.select_related("municipality").order_by(
        "municipality__code", "kind", "pk"
    )


def _row(entry: CooperationStructure, base_url: str) -> dict[str, Any]:
    return {
        "id": entry.pk,
        "municipality_code": entry.municipality.code,
        "municipality": getattr(entry.municipality, "name_fi", "") or entry.municipality.name,
        "kind": entry.kind,
        "kind_label": str(entry.get_kind_display()),
        "subtype": entry.subtype,
        "title_fi": entry.title_fi or "",  # type: ignore[attr-defined]
        "title_sv": entry.title_sv or "",  # type: ignore[attr-defined]
        "description_fi": entry.description_fi or "",  # type: ignore[attr-defined]
        "description_sv": entry.description_sv or "",  # type: ignore[attr-defined]
        "link": entry.link,
        "starts_on": entry.starts_on,
        "ends_on": entry.ends_on,
        "person_name": entry.person_name,
        "email": entry.email,
        "phone": entry.phone,
        "contact": entry.contact,
        "rhythm": entry.rhythm,
        "next_date": entry.next_date,
        "address": entry.address,
        "accessibility": entry.accessibility,
        "booking": entry.booking,
        "checked_on": entry.checked_on,
        "is_demo": entry.is_demo,
        "url": base_url.rstrip("/") + entry.get_absolute_url(),
    }


def rows(entries: Iterable[CooperationStructure], base_url: str) -> list[dict[str, Any]]:
    return [_row(entry, base_url) for entry in entries]


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.date):
        return value.isoformat()
    return neutralise(str(value))


def to_csv(items: list[dict[str, Any]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for item in items:
        writer.writerow([_csv_cell(item[name]) for name in COLUMNS])
    return buffer.getvalue().encode("utf-8")


def to_json(items: list[dict[str, Any]], source: str) -> dict[str, Any]:
    def plain(value: Any) -> Any:
        return value.isoformat() if isinstance(value, datetime.date) else value

    return {
        "format_version": FORMAT_VERSION,
        "licence": LICENCE,
        "source": source,
        "generated_at": timezone.now().isoformat(timespec="seconds"),
        "columns": COLUMNS,
        "count": len(items),
        "items": [{name: plain(item[name]) for name in COLUMNS} for item in items],
    }
