"""Osallisuuden vinkkilistat: the tip lists the project published, and how municipalities
took them into use as checklists.

The project report shows the lists (current version, items per phase, public address) and
the adoption in every municipality; a municipal report shows that municipality's checklists
only, since the lists themselves are the whole project's (they are in the project report).

Adoption is told in counts of checklists and of their tasks (done / all). These are counts of
work, not of people, so small-number protection does not hide them: "4 of 12 tasks done" says
nothing about a person. Who owns or did a task is never read here.

Queries: the lists (1), their items per phase (1), the checklists grouped by municipality
and list (1) and the municipalities' names (1), however many there are.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from yhdessa.core.charts import Series, grouped_bars
from yhdessa.reports.document import Chart, Figure, Section, Table
from yhdessa.reports.scope import ReportScope
from yhdessa.toolkit import tip_selectors
from yhdessa.toolkit.models import Phase, TipList
from yhdessa.toolkit.tip_selectors import Adoption


def build(scope: ReportScope, section: Section) -> None:
    """Fill ``section`` with the project's tip lists and their adoption."""
    tip_lists = list(tip_selectors.project_tip_lists(scope.project))
    if scope.municipality is None:
        section.empty_message = _("Hanke ei ole julkaissut vinkkilistoja.")
        if tip_lists:
            _add_tip_lists(scope, section, _with_items(tip_lists))
    else:
        section.empty_message = _(
            "Kunta ei ole ottanut hankkeen vinkkilistoja käyttöön tarkistuslistoina."
        )
    if not tip_lists:
        return
    adoptions = tip_selectors.adoption_by_municipality(
        [tip_list.pk for tip_list in tip_lists],
        within=scope.project.partner_municipalities.all(),
        municipality=scope.municipality,
    )
    if adoptions or scope.municipality is None:
        _add_adoption(scope, section, adoptions, {tip_list.pk: tip_list for tip_list in tip_lists})


# --- The lists --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Listed:
    """A published list with its current version: number, date and items per phase."""

    tip_list: TipList
    version: int
    published_on: datetime.date
    per_phase: dict[str, int]

    def items(self, phase: str) -> int:
        return self.per_phase.get(phase, 0)


def _with_items(tip_lists: list[TipList]) -> list[_Listed]:
    # current_* are annotations of published_tip_lists(), unknown to the type checker.
    current = [
        (one.current_version_id, one.current_number, one.current_published_at)  # type: ignore[attr-defined]
        for one in tip_lists
    ]
    counts = tip_selectors.items_per_phase(version for version, _n, _at in current)
    return [
        _Listed(one, number, timezone.localdate(published_at), counts.get(version, {}))
        for one, (version, number, published_at) in zip(tip_lists, current, strict=True)
    ]


def _add_tip_lists(scope: ReportScope, section: Section, listed: list[_Listed]) -> None:
    phases = [(value, str(label)) for value, label in Phase.choices]
    section.figures.append(Figure("tip_lists", _("Julkaistuja vinkkilistoja"), len(listed)))
    section.tables.append(
        Table(
            key="tip_lists",
            title=_("Julkaistut vinkkilistat ja niiden vinkit vaiheittain"),
            columns=[
                _("Vinkkilista"),
                _("Versio"),
                _("Julkaistu"),
                *(label for _value, label in phases),
                _("Vinkkejä yhteensä"),
                _("Verkko-osoite"),
            ],
            rows=[
                [
                    one.tip_list.title,
                    one.version,
                    one.published_on,
                    *(one.items(value) for value, _label in phases),
                    sum(one.per_phase.values()),
                    one.tip_list.get_absolute_url(),
                ]
                for one in listed
            ],
            row_urls=[
                scope.staff_url("toolkit:tip_list_edit", one.tip_list.slug) for one in listed
            ],
        )
    )
    section.charts.append(_tip_list_chart(listed, phases))


def _tip_list_chart(listed: list[_Listed], phases: list[tuple[str, str]]) -> Chart:
    return Chart(
        key="tip_list_items",
        title=_("Vinkit vaiheittain"),
        svg=grouped_bars(
            [one.tip_list.title for one in listed],
            [Series(label, [one.items(value) for one in listed]) for value, label in phases],
            value_label=_("Vinkkejä"),
        ),
        table_key="tip_lists",
        description=_(
            "Pylväskaavio: kunkin vinkkilistan vinkkien määrä vaiheittain (suunnittele, "
            "toteuta, seuraa ja arvioi). Luvut ovat kaavion alla olevassa taulukossa."
        ),
    )


# --- Their adoption ---------------------------------------------------------------------------


def _add_adoption(
    scope: ReportScope,
    section: Section,
    adoptions: list[Adoption],
    tip_lists: dict[int, TipList],
) -> None:
    rows = sorted(
        adoptions, key=lambda one: (one.municipality.name, tip_lists[one.tip_list_id].title)
    )
    section.figures.append(
        Figure(
            "checklists", _("Käyttöön otettuja tarkistuslistoja"), sum(r.checklists for r in rows)
        )
    )
    if scope.municipality is None:
        section.figures.append(
            Figure(
                "municipalities",
                _("Kuntia, jotka ottivat vinkkilistan käyttöön"),
                len({one.municipality.pk for one in rows}),
            )
        )
    section.figures += [
        Figure(
            "checklist_items_done", _("Tarkistuslistojen tehtyjä kohtia"), sum(r.done for r in rows)
        ),
        Figure(
            "checklist_items", _("Tarkistuslistojen kohtia yhteensä"), sum(r.items for r in rows)
        ),
    ]
    if not rows:
        return
    section.tables.append(
        Table(
            key="checklists",
            title=_("Vinkkilistojen käyttöönotto kunnittain"),
            columns=[
                _("Kunta"),
                _("Vinkkilista"),
                _("Tarkistuslistoja"),
                _("Tehtyjä kohtia"),
                _("Kohtia yhteensä"),
                _("Tehty (%)"),
            ],
            rows=[
                [
                    one.municipality.name,
                    tip_lists[one.tip_list_id].title,
                    one.checklists,
                    one.done,
                    one.items,
                    _percent(one.done, one.items),
                ]
                for one in rows
            ],
            row_urls=[_checklists_url(scope, one) for one in rows],
            note=_("Tarkistuslistojen kohtien vastuuhenkilöitä ei julkaista."),
            label_columns=2,
        )
    )
    section.charts.append(_adoption_chart(rows, tip_lists))


def _adoption_chart(rows: list[Adoption], tip_lists: dict[int, TipList]) -> Chart:
    return Chart(
        key="checklist_progress",
        title=_("Tarkistuslistojen eteneminen"),
        svg=grouped_bars(
            [f"{one.municipality.name}: {tip_lists[one.tip_list_id].title}" for one in rows],
            [
                Series(_("Tehtyjä kohtia"), [one.done for one in rows]),
                Series(_("Kohtia yhteensä"), [one.items for one in rows]),
            ],
            value_label=_("Kohtia"),
        ),
        table_key="checklists",
        description=_(
            "Pylväskaavio: kunkin kunnan tarkistuslistojen tehdyt kohdat ja kaikki kohdat "
            "vinkkilistoittain. Luvut ovat kaavion alla olevassa taulukossa."
        ),
    )


def _checklists_url(scope: ReportScope, adoption: Adoption) -> str:
    """The checklist itself when the row is one; otherwise the reader's checklists."""
    if adoption.only_checklist_id is not None:
        return scope.staff_url("toolkit:checklist_detail", adoption.only_checklist_id)
    return scope.staff_url("toolkit:checklist_list")


def _percent(part: int, whole: int) -> float | str:
    """One decimal; "" for a checklist without tasks ("–" would read as a hidden value)."""
    return round(100 * part / whole, 1) if whole else ""
