"""One report-data object from the records: the sections in order, each with its texts."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from django.utils import timezone, translation
from django.utils.translation import gettext as _

from yhdessa.core.disclosure import min_cell_size
from yhdessa.reports.document import Figure, Report, Section, Table
from yhdessa.reports.models import SectionText
from yhdessa.reports.scope import ReportScope
from yhdessa.reports.sections import DISCREPANCIES, DISCREPANCIES_TITLE, SECTIONS

#: Told before each section is built: (section key, its number from 1, how many in all).
Progress = Callable[[str, int, int], None]


def build_report(scope: ReportScope, *, progress: Progress | None = None) -> Report:
    """The report of ``scope``, in ``scope.language``.

    Every section is built, switched off or not, so that the printed figures of a section
    left out of the report are still checked against the records.
    """
    with translation.override(scope.language):
        texts = _section_texts(scope)
        specs = [spec for spec in SECTIONS if scope.municipality is None or spec.municipal]
        steps = len(specs) + 1
        sections = []
        for number, spec in enumerate(specs, start=1):
            if progress:
                progress(spec.key, number, steps)
            section = Section(key=spec.key, title=str(spec.title))
            spec.build(scope, section)
            if _include(section, texts):
                sections.append(section)
        if progress:
            progress(DISCREPANCIES, steps, steps)
        discrepancies = discrepancy_section(scope)
        if _include(discrepancies, texts):
            sections.append(discrepancies)
        return _report(scope, sections)


def _section_texts(scope: ReportScope) -> dict[str, SectionText]:
    rows = SectionText.objects.filter(project=scope.project, municipality=scope.municipality)
    return {row.section: row for row in rows}


def _include(section: Section, texts: dict[str, SectionText]) -> bool:
    text = texts.get(section.key)
    if text is None:
        return True
    section.narrative = text.text  # in the active language, Finnish when not translated
    return text.included


def _report(scope: ReportScope, sections: list[Section]) -> Report:
    project = scope.project
    municipality = scope.municipality
    period = project.period
    return Report(
        project_slug=project.slug,
        project_name=project.name,
        title=(
            _("Kuntakohtaiset tulokset: %(municipality)s") % {"municipality": municipality.name}
            if municipality
            else _("Loppuraportti")
        ),
        subtitle=f"{project.short_name} {period}",
        language=scope.language,
        generated_at=timezone.now(),
        municipality_code=municipality.code if municipality else None,
        municipality_name=municipality.name if municipality else None,
        threshold=min_cell_size(),
        public=not scope.traceable,
        sections=sections,
    )


def discrepancy_section(scope: ReportScope) -> Section:
    """The printed figures that the records do not reproduce, each with both values."""
    section = Section(key=DISCREPANCIES, title=str(DISCREPANCIES_TITLE))
    if scope.municipality is not None:
        section.empty_message = _("Raportoidut luvut tarkistetaan koko hankkeen raportissa.")
        return section
    differing = [one for one in scope.comparisons if one.differs]
    matching = [one for one in scope.comparisons if not one.differs]
    section.empty_message = _("Kaikki tallennetut raportoidut luvut vastaavat laskettuja.")
    if not scope.comparisons:
        section.empty_message = _("Hankkeelle ei ole tallennettu käsin raportoituja lukuja.")
        return section
    columns = [_("Luku"), _("Raportoitu"), _("Laskettu tiedoista"), _("Erotus"), _("Lähde")]
    for key, title, rows in (
        ("differing", _("Raportoidut luvut, jotka eroavat tiedoista lasketuista"), differing),
        ("matching", _("Raportoidut luvut, jotka vastaavat laskettuja"), matching),
    ):
        if rows:
            section.tables.append(
                Table(
                    key=key,
                    title=title,
                    columns=columns,
                    rows=[
                        [
                            one.label or one.key,
                            _whole(one.printed),
                            _whole(one.records),
                            _whole(one.difference),
                            one.source,
                        ]
                        for one in rows
                    ],
                )
            )
    section.figures.append(
        Figure("differing", _("Raportoituja lukuja, jotka eroavat laskettuista"), len(differing))
    )
    section.figures.append(
        Figure("checked", _("Tarkistettuja raportoituja lukuja"), len(scope.comparisons))
    )
    return section


def _whole(value: int | Decimal | None) -> int | Decimal | None:
    """235.00 printed is the count 235 (stored figures are decimals to hold sums of money)."""
    if isinstance(value, Decimal) and value == value.to_integral_value():
        return int(value)
    return value
