"""Evaluation results: the before/after survey of the experiments' participants, start vs end.

Which survey: a survey has no "evaluation instrument" marker, so the section reports the
project's public survey (its results are published anyway) that is not tied to one event and
has at least two waves with answers; with several, the one with the most answers. A
project-wide survey comes first; a municipal report also takes a survey of that municipality
when the project has no project-wide one. The first and the last wave are compared (the
usual start → end, ``surveys.results.default_pair``).

Every figure comes from ``surveys.results`` — :func:`~yhdessa.surveys.results.comparison`,
:func:`~yhdessa.surveys.results.wave_results` and :func:`~yhdessa.surveys.results.breakdowns`
— which protect them as the public results pages do; this module only lays them out. A
municipal report ("kuntakohtaiset tulokset") narrows the respondents with the results' own
municipality filter, under which a count is also hidden when the same count over the other
municipalities is small (else subtracting the municipal report from the project's would
reveal it).

Subgroup findings are read off the breakdowns of the multiple-choice questions (where the
seed report found its four) by age group and gender, both waves taken together so that the
groups are large enough to show: a group is said to stand out when the 95 % interval of its
share lies wholly above or below the share among all who answered.

Printed figures: the project may store the printed number of answers to a question per wave
(``surveys.results.reported_answers_key``); the project report sets them beside the counted
ones. Queries: 22 for the project report, 30 for a municipal one (the results count the
other municipalities too, for their differencing check), however many answers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import Count, F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from yhdessa.core.disclosure import min_cell_size, protect_counts
from yhdessa.projects.reported import Comparison as Printed
from yhdessa.projects.reported import reported_beside
from yhdessa.reports.document import Chart, Figure, ItemList, Section, Table, Value
from yhdessa.reports.scope import ReportScope
from yhdessa.reports.sections.numbers import decimal_text, one_decimal
from yhdessa.surveys import results
from yhdessa.surveys.models import Item, Response, Survey, Wave
from yhdessa.surveys.results import (
    Breakdown,
    Comparison,
    Filters,
    ItemChange,
    OptionChange,
    WaveFigures,
)
from yhdessa.surveys.results_tables import means_chart, options_chart

#: Background questions whose groups are compared in the subgroup findings.
SUBGROUP_DIMENSIONS = ("age_group", "gender")


def build(scope: ReportScope, section: Section) -> None:
    """Start vs end of the project's evaluation survey, for the scope's municipality if any."""
    survey = evaluation_survey(scope)
    if survey is None:
        section.empty_message = _(
            "Hankkeella ei ole julkista kyselyä, jossa olisi vastauksia alusta ja lopusta."
        )
        return
    waves = results.waves_in_order(survey)
    before, after = waves[0], waves[-1]
    filters = _filters(scope, survey)
    if filters.any and _split_hides(scope, before, after):
        section.empty_message = _(
            "Kunnan vastaajia tai jonkin toisen kunnan vastaajia on niin vähän, ettei kunnan "
            "tuloksia julkaista erikseen. Tulokset ovat koko hankkeen raportissa."
        )
        return
    result = results.comparison(before, after, filters)
    printed = _printed_answers(scope, result) if scope.municipality is None else []
    scope.comparisons += printed
    if not (result.before.respondents or result.after.respondents):
        section.empty_message = _nothing_to_show(scope, result)
        return
    links = _Links(scope, survey, filters)
    section.figures += _respondent_figures(result, links)
    section.tables.append(_waves_table(survey, result, links))
    _add_life_areas(section, result, links)
    _add_choice_questions(section, result, links, printed)
    section.tables.append(_answered_table(result, links))
    _add_subgroups(section, survey, result, filters, links)


# --- Which survey, whose answers --------------------------------------------------------------


def evaluation_survey(scope: ReportScope) -> Survey | None:
    """The survey the section reports (see the module's docstring for the rule)."""
    mine = Q(municipality__isnull=True)
    if scope.municipality is not None:
        mine |= Q(municipality=scope.municipality)
    return (
        Survey.objects.filter(mine, project=scope.project, is_public=True, event__isnull=True)
        .annotate(
            answered_waves=Count("waves", filter=Q(waves__responses__isnull=False), distinct=True),
            answers=Count("waves__responses", distinct=True),
        )
        .filter(answered_waves__gte=2)
        .order_by(F("municipality").asc(nulls_first=True), "-answers", "created_at", "pk")
        .first()
    )


def _filters(scope: ReportScope, survey: Survey) -> Filters:
    """A municipal report of a project-wide survey counts the municipality's respondents."""
    if scope.municipality is None or survey.municipality_id is not None:
        return Filters()
    return Filters(municipality=scope.municipality.code)


def _split_hides(scope: ReportScope, *waves: Wave) -> bool:
    """Whether the municipality's respondents are hidden when the respondents of every wave
    are published by municipality with the whole project's total.

    Each municipal report shows its own count and the project report the total: together
    they are that table, so a municipality is left out also when another town's small count
    could otherwise be worked out by subtraction (``protect_counts`` hides a partner cell).
    """
    rows = (
        Response.objects.filter(wave__in=waves)
        .values("wave", "municipality")
        .annotate(respondents=Count("pk"))
        .order_by()
    )
    by_wave: dict[int, dict[int | None, int]] = {wave.pk: {} for wave in waves}
    for row in rows:
        by_wave[row["wave"]][row["municipality"]] = row["respondents"]
    municipality = scope.municipality
    assert municipality is not None  # noqa: S101 (only asked for a municipal report)
    for counts in by_wave.values():
        counts.setdefault(municipality.pk, 0)
        if protect_counts(counts).cells[municipality.pk] is None:
            return True
    return False


def _printed_answers(scope: ReportScope, result: Comparison) -> list[Printed]:
    """The printed numbers of answers beside the counted (and protected) ones."""
    counted = {
        results.reported_answers_key(change.key, figures.wave.key): item.answered
        for change in result.items
        for figures, item in ((result.before, change.before), (result.after, change.after))
    }
    order = list(counted)  # the questionnaire's order, start before end (not the keys' order)
    return sorted(reported_beside(scope.project, counted), key=lambda one: order.index(one.key))


def _nothing_to_show(scope: ReportScope, result: Comparison) -> str:
    if result.before.suppressed or result.after.suppressed:
        return _(
            "Vastaajia on kummallakin kierroksella alle %(threshold)s: tuloksia ei näytetä, "
            "jotta vastaajia ei voisi tunnistaa."
        ) % {"threshold": result.before.threshold}
    if scope.municipality is not None:
        return _("Kunnasta ei ole vastauksia arviointikyselyyn.")
    return _("Arviointikyselyyn ei ole vastauksia.")


@dataclass(frozen=True)
class _Links:
    """Addresses of the survey's results pages with the report's own choices, for staff."""

    scope: ReportScope
    survey: Survey
    filters: Filters

    def _page(self, viewname: str, **choices: str) -> str:
        address = self.scope.staff_url(viewname, self.survey.pk)
        if not address:
            return ""
        chosen = {**choices, **{k: v for k, v in self.filters.as_dict().items() if v}}
        return f"{address}?{urlencode(chosen)}"

    def wave(self, wave: Wave) -> str:
        return self._page("surveys:results", wave=wave.key)

    def comparison(self, result: Comparison) -> str:
        return self._page(
            "surveys:comparison", before=result.before.wave.key, after=result.after.wave.key
        )

    def breakdown(self, dimension: str) -> str:
        return self._page("surveys:results", wave=results.ALL_WAVES, by=dimension)


# --- Formatting -------------------------------------------------------------------------------


def _interval(interval: tuple[float, float] | None) -> str | None:
    """A 95 % interval in per cent as text, "−20,2…20,1", in the active language (an ellipsis
    rather than a dash, which would read as a minus sign)."""
    if interval is None:
        return None
    low, high = (decimal_text(end) for end in interval)
    return f"{low}…{high}"


def _with_n(label: str, n: int | None) -> str:
    """A column heading with the number of answers it rests on: "Aloitus (n = 47)"."""
    shown = str(n) if n is not None else _("alle %(threshold)s") % {"threshold": min_cell_size()}
    return _("%(label)s (n = %(n)s)") % {"label": label, "n": shown}


# --- Respondents ------------------------------------------------------------------------------


def _respondent_figures(result: Comparison, links: _Links) -> list[Figure]:
    figures = [
        Figure(
            f"respondents_{one.wave.key}",
            _("Vastaajia: %(wave)s") % {"wave": one.label},
            one.respondents,
            source_url=links.wave(one.wave),
        )
        for one in (result.before, result.after)
    ]
    figures.append(
        Figure(
            "pairs",
            _("Vastasi kummallakin kierroksella (sama parikoodi)"),
            result.n_pairs,
            source_url=links.comparison(result),
        )
    )
    return figures


def _waves_table(survey: Survey, result: Comparison, links: _Links) -> Table:
    waves = (result.before, result.after)
    return Table(
        key="waves",
        title=_("Kyselykierrokset: %(survey)s") % {"survey": survey.title},
        columns=[_("Kierros"), _("Avautui"), _("Sulkeutui"), _("Vastaajia")],
        rows=[
            [
                one.label,
                timezone.localdate(one.wave.opens_at),
                timezone.localdate(one.wave.closes_at) if one.wave.closes_at else None,
                one.respondents,
            ]
            for one in waves
        ],
        row_urls=[links.wave(one.wave) for one in waves],
        note=_(
            "Vastaajat eivät ole kummallakin kierroksella samoja ihmisiä. Muutosta samoilla "
            "ihmisillä arvioidaan vain niistä, jotka kirjoittivat saman parikoodin kumpaankin "
            "kyselyyn."
        ),
    )


def _answered_table(result: Comparison, links: _Links) -> Table:
    """The base of every mean and percentage: how many answered each question."""
    asked = [change for change in result.items if change.type != Item.Type.TEXT]
    return Table(
        key="answered",
        title=_("Vastanneita kysymyksittäin"),
        columns=[_("Kysymys"), result.before.label, result.after.label],
        rows=[[change.text, change.before.answered, change.after.answered] for change in asked],
        row_urls=[links.comparison(result)] * len(asked),
    )


# --- Life areas: means and the paired change --------------------------------------------------


def _add_life_areas(section: Section, result: Comparison, links: _Links) -> None:
    scale = [change for change in result.items if change.type == Item.Type.SCALE_1_5]
    if not scale:
        return
    table = Table(
        key="life_areas",
        title=_("Tilanne elämän eri osa-alueilla, keskiarvo"),
        columns=[
            _("Elämän osa-alue"),
            _with_n(result.before.label, result.before.respondents),
            _with_n(result.after.label, result.after.respondents),
            _("Pareja"),
            _("Holm-korjattu p"),
            _("Vaikutuksen koko r"),
        ],
        rows=[_life_area_row(change) for change in scale],
        row_urls=[links.comparison(result)] * len(scale),
        note=_(
            "Asteikko 1 = erittäin hyvä … 5 = erittäin huono: mitä pienempi, sitä parempi. "
            "Muutosta samoilla ihmisillä arvioidaan parivastaajista Wilcoxonin testillä "
            "(Holm-korjaus kaikkien osa-alueiden yli)."
        ),
    )
    section.tables.append(table)
    svg = means_chart([result.before, result.after])
    if svg:
        section.charts.append(
            Chart(
                key="life_areas_chart",
                title=table.title,
                svg=svg,
                table_key=table.key,
                description=_(
                    "Pylväskaavio: elämän osa-alueiden keskiarvot, %(before)s ja %(after)s. "
                    "Mitä lyhyempi pylväs, sitä parempi tilanne. Samat luvut ovat taulukossa."
                )
                % {"before": result.before.label, "after": result.after.label},
            )
        )
    readings = [f"{change.text}: {change.reading}" for change in scale if change.reading]
    if readings:
        section.lists.append(
            ItemList(
                key="life_area_readings",
                title=_("Mitä aineisto kertoo muutoksesta samoilla ihmisillä"),
                items=readings,
            )
        )


def _life_area_row(change: ItemChange) -> list[Value]:
    paired = change.paired
    p = paired.p_adjusted if paired else None
    r = paired.rank_biserial if paired else None
    return [
        change.text,
        change.before.mean,
        change.after.mean,
        paired.n_pairs if paired else None,
        None if p is None else round(p, 3),
        None if r is None else round(r, 2),
    ]


# --- Choice questions: shares start vs end ----------------------------------------------------


def _add_choice_questions(
    section: Section, result: Comparison, links: _Links, printed: Sequence[Printed]
) -> None:
    changes = [change for change in result.items if change.options]
    for change in changes:
        table = _choice_table(change, result, links)
        table.note = " ".join(filter(None, [table.note, _printed_note(change, result, printed)]))
        section.tables.append(table)
        chart = _choice_chart(change, result, table)
        if chart:
            section.charts.append(chart)
    readings = _option_readings(changes)
    if readings.items:
        section.lists.append(readings)


def _choice_table(change: ItemChange, result: Comparison, links: _Links) -> Table:
    before, after = result.before.label, result.after.label
    multiple = change.type == Item.Type.MULTIPLE
    return Table(
        key=change.key,
        title=change.text,
        columns=[
            _("Vastaus"),
            _with_n(f"{before}, %", change.before.answered),
            _("%(wave)s: 95 %%:n luottamusväli") % {"wave": before},
            _with_n(f"{after}, %", change.after.answered),
            _("%(wave)s: 95 %%:n luottamusväli") % {"wave": after},
            _("Ero, %-yks."),
            _("Eron 95 %:n luottamusväli"),
        ],
        rows=[_option_row(option) for option in change.options],
        row_urls=[links.comparison(result)] * len(change.options),
        note=(
            _("Monivalinta: prosentit ovat vastanneista, ja niiden summa voi ylittää 100.")
            if multiple
            else _("Prosentit ovat kysymykseen vastanneista.")
        ),
    )


def _printed_note(change: ItemChange, result: Comparison, printed: Sequence[Printed]) -> str:
    """Where the printed number of answers to this question differs from the counted one."""
    differing = [
        _("%(wave)s %(printed)s (laskettu %(counted)s)")
        % {
            "wave": figures.label.lower(),
            "printed": one.printed.normalize(),
            "counted": one.records,
        }
        for figures in (result.before, result.after)
        for one in printed
        if one.differs and one.key == results.reported_answers_key(change.key, figures.wave.key)
    ]
    if not differing:
        return ""
    return _(
        "Loppuraporttiin painettu vastanneiden määrä eroaa lasketusta: %(figures)s. Erot ovat "
        "myös osiossa Raportoidut ja lasketut luvut."
    ) % {"figures": ", ".join(differing)}


def _option_row(option: OptionChange) -> list[Value]:
    return [
        option.label,
        one_decimal(option.before.percent),
        _interval(option.before.interval),
        one_decimal(option.after.percent),
        _interval(option.after.interval),
        one_decimal(option.difference),
        _interval(option.interval),
    ]


def _choice_chart(change: ItemChange, result: Comparison, table: Table) -> Chart | None:
    labels = [result.before.label, result.after.label]
    svg = options_chart([change.before, change.after], labels)
    if not svg:
        return None
    return Chart(
        key=f"{change.key}_chart",
        title=change.text,
        svg=svg,
        table_key=table.key,
        description=_(
            "Pylväskaavio: %(question)s, prosenttia vastanneista, %(before)s ja %(after)s. "
            "Samat luvut ovat taulukossa."
        )
        % {"question": change.text, "before": labels[0], "after": labels[1]},
    )


def _option_readings(changes: Sequence[ItemChange]) -> ItemList:
    """The shares that changed more than chance would explain; or that none did."""
    notable = [
        f"{change.text} – {option.label}: {option.reading}"
        for change in changes
        for option in change.options
        if option.interval and (option.interval[0] > 0 or option.interval[1] < 0)
    ]
    compared = any(option.difference is not None for c in changes for option in c.options)
    if not notable and compared:
        notable = [
            _(
                "Minkään vastausvaihtoehdon osuus ei muuttunut alusta loppuun enempää kuin "
                "sattuma selittäisi (95 %:n luottamusväli)."
            )
        ]
    return ItemList(
        key="option_readings", title=_("Muutokset vastausten osuuksissa"), items=notable
    )


# --- Subgroups --------------------------------------------------------------------------------


def _add_subgroups(
    section: Section, survey: Survey, result: Comparison, filters: Filters, links: _Links
) -> None:
    items = [item for item in results.survey_items(survey) if item.type == Item.Type.MULTIPLE]
    if not items:
        return
    waves = [result.before.wave, result.after.wave]
    everyone = results.wave_results(waves, filters, items=items)
    findings: list[str] = []
    for dimension in SUBGROUP_DIMENSIONS:
        for breakdown in results.breakdowns(waves, dimension, filters, items=items):
            section.tables.append(_breakdown_table(breakdown, links))
            findings += _findings(breakdown, everyone)
    section.lists.append(
        ItemList(
            key="subgroup_findings",
            title=_("Ryhmien erot"),
            items=findings
            or [_("Mikään ikäryhmä tai sukupuoli ei erotu selvästi kaikista vastanneista.")],
        )
    )


def _shown_columns(breakdown: Breakdown) -> list[int]:
    """The groups that somebody belongs to (an empty group tells nothing)."""
    return [i for i, column in enumerate(breakdown.columns) if column.answered != 0]


def _breakdown_table(breakdown: Breakdown, links: _Links) -> Table:
    columns = _shown_columns(breakdown)
    dimension = str(results.DIMENSIONS[breakdown.dimension])
    return Table(
        key=f"{breakdown.item_key}_by_{breakdown.dimension}",
        title=_("%(question)s – %(dimension)s, %% vastanneista")
        % {"question": breakdown.item_text, "dimension": dimension.lower()},
        columns=[
            _("Vastaus"),
            *(_with_n(breakdown.columns[i].label, breakdown.columns[i].answered) for i in columns),
        ],
        rows=[
            [row.label, *(one_decimal(row.cells[i].percent) for i in columns)]
            for row in breakdown.rows
        ],
        row_urls=[links.breakdown(breakdown.dimension)] * len(breakdown.rows),
        note=_(
            "Alku- ja loppukysely yhdessä: kumpaankin vastannut on mukana kahdesti. Ryhmä "
            "erottuu, kun sen osuuden 95 %:n luottamusväli jää kokonaan kaikkien vastanneiden "
            "osuuden ylä- tai alapuolelle."
        ),
    )


def _findings(breakdown: Breakdown, everyone: WaveFigures) -> list[str]:
    """Sentences on the groups whose share stands out from everyone's (protected figures)."""
    overall = {option.key: option.percent for option in everyone.item(breakdown.item_key).options}
    sentences = []
    for row in breakdown.rows:
        share = overall.get(row.key)
        if share is None:
            continue
        for column, cell in zip(breakdown.columns, row.cells, strict=True):
            if cell.percent is None or cell.interval is None:
                continue
            low, high = cell.interval
            if low <= share <= high:
                continue
            template = (
                _(
                    "%(group)s, ”%(question)s”: ”%(option)s” valittiin useammin kuin "
                    "keskimäärin, %(share)s %% (95 %%:n luottamusväli %(interval)s %%; kaikki "
                    "vastanneet %(all)s %%)."
                )
                if low > share
                else _(
                    "%(group)s, ”%(question)s”: ”%(option)s” valittiin harvemmin kuin "
                    "keskimäärin, %(share)s %% (95 %%:n luottamusväli %(interval)s %%; kaikki "
                    "vastanneet %(all)s %%)."
                )
            )
            sentences.append(
                template
                % {
                    "group": f"{results.DIMENSIONS[breakdown.dimension]}: {column.label}",
                    "question": breakdown.item_text,
                    "option": row.label,
                    "share": decimal_text(cell.percent),
                    "interval": _interval(cell.interval),
                    "all": decimal_text(share),
                }
            )
    return sentences
