"""Trainings (valmennukset): per year, totals, the theme table and who took part.

Every figure comes from :func:`yhdessa.events.statistics.report_statistics`, the protected
figures that the project page and the API also publish, so the report cannot show a count they
hide. A municipal report tells about the trainings held in that municipality (``Event``'s
``municipality``; online trainings belong to the whole project only). The participants'
feedback is not stored as records (the demo has no training feedback survey): the team writes
it in the section's own text.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from yhdessa.core.charts import Series, grouped_bars
from yhdessa.events.models import EventKind
from yhdessa.events.statistics import (
    REPORTING_TIMEZONE,
    BackgroundDistribution,
    PublicRow,
)
from yhdessa.reports.document import Chart, Figure, Section, Table, Value
from yhdessa.reports.scope import ReportScope
from yhdessa.reports.sections.numbers import one_decimal, percent_text


def build(scope: ReportScope, section: Section) -> None:
    """Fill the trainings section; add the printed totals to the checked figures."""
    statistics = scope.event_statistics(EventKind.TRAINING)
    if scope.municipality is None:
        scope.comparisons.extend(statistics.reported)
    if not statistics.total.events:
        section.empty_message = _no_trainings(scope)
        return
    section.figures += _totals(scope, statistics.total)
    _add_years(section, statistics.years)
    _add_themes(scope, section, statistics.events)
    _add_background(section, statistics.background)


def _no_trainings(scope: ReportScope) -> str:
    if scope.municipality is None:
        return _("Hankkeessa ei ole pidetty valmennuksia.")
    return _("Kunnassa %(municipality)s ei pidetty hankkeen valmennuksia.") % {
        "municipality": scope.municipality.name
    }


def _totals(scope: ReportScope, total: PublicRow) -> list[Figure]:
    """Trainings held, sign-ups and people present; each links to the project's events."""
    events_url = scope.staff_url("events:project_events", scope.project.slug)
    return [
        Figure("held", _("Valmennuksia"), total.events, source_url=events_url),
        Figure(
            "registered", _("Ilmoittautuneita yhteensä"), total.registered, source_url=events_url
        ),
        Figure(
            "present",
            _("Osallistujia yhteensä"),
            total.present,
            source_url=events_url,
            note=_("Paikalla olleet ilmoittautuneet ja ilman ilmoittautumista tulleet."),
        ),
    ]


def _add_years(section: Section, years: list[PublicRow]) -> None:
    section.tables.append(
        Table(
            key="per_year",
            title=_("Valmennukset vuosittain"),
            columns=[_("Vuosi"), _("Valmennuksia"), _("Ilmoittautuneita"), _("Osallistujia")],
            rows=[[row.label, row.events, row.registered, row.present] for row in years],
        )
    )
    labels = [row.label for row in years]
    section.charts.append(
        Chart(
            key="per_year_chart",
            title=_("Valmennuksia vuosittain"),
            svg=grouped_bars(
                labels,
                [Series(_("Valmennuksia"), [row.events for row in years])],
                value_label=_("Valmennuksia"),
            ),
            table_key="per_year",
            description=", ".join(
                ngettext(
                    "%(year)s: %(count)s valmennus", "%(year)s: %(count)s valmennusta", row.events
                )
                % {"year": row.label, "count": row.events}
                for row in years
            ),
        )
    )


def _add_themes(scope: ReportScope, section: Section, events: list[PublicRow]) -> None:
    """One row per training (the seed's theme table), linked to its attendance list."""
    rows: list[list[Value]] = [
        [_theme_of(row), _year_of(row), row.registered, row.present] for row in events
    ]
    section.tables.append(
        Table(
            key="themes",
            title=_("Valmennusten teemat, ilmoittautuneet ja osallistujat"),
            columns=[_("Teema"), _("Vuosi"), _("Ilmoittautuneita"), _("Osallistujia")],
            rows=rows,
            row_urls=[
                scope.staff_url("events:attendance", row.event.pk) if row.event else ""
                for row in events
            ],
            label_columns=2,
        )
    )
    section.charts.append(
        Chart(
            key="themes_chart",
            title=_("Ilmoittautuneet ja osallistujat teemoittain"),
            svg=grouped_bars(
                [_theme_of(row) for row in events],
                [
                    Series(_("Ilmoittautuneita"), [row.registered for row in events]),
                    Series(_("Osallistujia"), [row.present for row in events]),
                ],
                value_label=_("Henkilöä"),
            ),
            table_key="themes",
            description=_(
                "Pylväät näyttävät kunkin valmennuksen ilmoittautuneet ja osallistujat; "
                "luvut ovat kaavion alla olevassa taulukossa."
            ),
        )
    )


def _theme_of(row: PublicRow) -> str:
    """The training's theme (the seed's table is by theme), or its title when it has none."""
    event = row.event
    return str(event.theme) if event is not None and event.theme is not None else row.label


def _year_of(row: PublicRow) -> str:
    event = row.event
    return str(event.starts_at.astimezone(REPORTING_TIMEZONE).year) if event else ""


def _add_background(section: Section, background: BackgroundDistribution) -> None:
    """Participants by background; shares are of those whose background is known."""
    if not background.rows or not background.known:
        return
    section.tables.append(
        Table(
            key="background",
            title=_("Osallistujat taustaryhmittäin"),
            columns=[_("Taustaryhmä"), _("Osallistujia"), _("Osuus, %")],
            rows=[[row.label, row.count, one_decimal(row.share)] for row in background.rows],
            note=_background_note(background),
        )
    )
    known = [row for row in background.rows if row.category is not None]
    section.charts.append(
        Chart(
            key="background_chart",
            title=_("Osallistujien tausta"),
            svg=grouped_bars(
                [row.label for row in known],
                [Series(_("Osuus, %"), [one_decimal(row.share) for row in known])],
                value_label=_("Osuus niistä, joiden tausta tiedetään, %"),
                decimals=1,
            ),
            table_key="background",
            description=", ".join(f"{row.label} {percent_text(row.share)}" for row in known),
        )
    )


def _background_note(background: BackgroundDistribution) -> str:
    if background.known is None:
        return _("Osuuksia ei näytetä, koska osa ryhmistä on niin pieniä, että ne piilotetaan.")
    return _("Osuudet on laskettu niistä %(known)s osallistujasta, joiden tausta tiedetään.") % {
        "known": background.known
    }
