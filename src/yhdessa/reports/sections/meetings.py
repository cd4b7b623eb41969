"""The municipalities' peer meetings and the partner municipalities' feedback survey.

Peer meetings are events of their kind: their dates, titles and protected attendance come from
:func:`yhdessa.events.statistics.report_statistics`, as the trainings' do. The partner feedback
is the project's survey on the partner survey instrument (``kumppanikysely``): the response rate
from its invitations (an invitation records only whether it was used) and its findings from
:func:`yhdessa.surveys.results.wave_results`, the protected figures of its results page.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext as _

from yhdessa.core.charts import Series, grouped_bars
from yhdessa.core.disclosure import protect_count
from yhdessa.events.models import EventKind
from yhdessa.events.statistics import REPORTING_TIMEZONE, PublicRow
from yhdessa.reports.document import Chart, Figure, ItemList, Section, Table, Value
from yhdessa.reports.scope import ReportScope
from yhdessa.reports.sections.numbers import decimal_text
from yhdessa.surveys import results
from yhdessa.surveys.instruments import AGREE_SCALE, KUMPPANIKYSELY
from yhdessa.surveys.models import Item, Survey, Wave

# --- Peer meetings ----------------------------------------------------------------------------


def build_peer_meetings(scope: ReportScope, section: Section) -> None:
    """The peer meetings of municipal workers as a timeline, with their shared purpose."""
    statistics = scope.event_statistics(EventKind.PEER_MEETING)
    meetings = statistics.events
    if not meetings:
        section.empty_message = _no_meetings(scope)
        return
    events_url = scope.staff_url("events:project_events", scope.project.slug)
    section.figures += [
        Figure("held", _("Vertaistapaamisia"), len(meetings), source_url=events_url),
        Figure(
            "present", _("Osallistujia yhteensä"), statistics.total.present, source_url=events_url
        ),
    ]
    purpose = _shared_purpose(meetings)
    if purpose:
        section.figures.append(Figure("purpose", _("Tapaamisten tarkoitus"), purpose))
    section.tables.append(_timeline(scope, meetings))


def _no_meetings(scope: ReportScope) -> str:
    if scope.municipality is None:
        return _("Hankkeessa ei ole pidetty kuntien vertaistapaamisia.")
    return _(
        "Kunnassa %(municipality)s ei pidetty vertaistapaamisia. Kaikkien kumppanikuntien "
        "yhteiset tapaamiset ovat koko hankkeen raportissa."
    ) % {"municipality": scope.municipality.name}


def _shared_purpose(meetings: list[PublicRow]) -> str:
    """The description the meetings share, if they all have the same one: a series of peer
    meetings is described once, not meeting by meeting."""
    descriptions = {row.event.description.strip() for row in meetings if row.event is not None}
    return descriptions.pop() if len(descriptions) == 1 else ""


def _timeline(scope: ReportScope, meetings: list[PublicRow]) -> Table:
    return Table(
        key="timeline",
        title=_("Vertaistapaamiset aikajärjestyksessä"),
        columns=[_("Päivämäärä"), _("Aihe"), _("Osallistujia")],
        rows=[
            [
                row.event.starts_at.astimezone(REPORTING_TIMEZONE).date() if row.event else None,
                row.label,
                row.present,
            ]
            for row in meetings
        ],
        row_urls=[
            scope.staff_url("events:attendance", row.event.pk) if row.event else ""
            for row in meetings
        ],
        label_columns=2,
    )


# --- Partner feedback -------------------------------------------------------------------------

#: The options of the agreement scale that count as agreeing (4 and 5).
AGREEING = frozenset(key for key, value, _label in AGREE_SCALE if value >= 4)


@dataclass(frozen=True)
class _WaveCounts:
    label: str
    invited: int
    answered: int  # invitations used
    responses: int  # answers in all (an open link too)


def build_partner_feedback(scope: ReportScope, section: Section) -> None:
    """The latest partner survey: invitations, answers, response rate and its findings."""
    survey = _partner_survey(scope)
    if survey is None:
        section.empty_message = _("Hankkeessa ei ole tehty kumppanikuntien palautekyselyä.")
        return
    waves = results.waves_in_order(survey)
    filters = _filters(scope, survey)
    figures = results.wave_results(waves, filters) if waves else None
    if figures is None or not figures.respondents:
        section.empty_message = _no_feedback(scope)
        return
    if not filters.any:
        _add_response_rate(scope, section, survey, _wave_counts(waves))
    else:
        section.figures.append(Figure("responses", _("Vastauksia kunnasta"), figures.respondents))
    if survey.is_public:
        _add_findings(scope, section, survey, figures)
    else:
        # How many answered is the project's own follow-up; what they answered is published
        # only when the survey's results are public, as on its results page.
        section.lists.append(
            ItemList("findings", _("Havainnot"), [_("Kyselyn tulokset eivät ole julkisia.")])
        )


def _partner_survey(scope: ReportScope) -> Survey | None:
    """The project's latest survey on the partner survey instrument; a municipal report's is
    one of the whole project or of that municipality."""
    surveys = Survey.objects.filter(
        project=scope.project, instrument_version__instrument__key=KUMPPANIKYSELY["key"]
    )
    if scope.municipality is not None:
        surveys = surveys.filter(Q(municipality__isnull=True) | Q(municipality=scope.municipality))
    return surveys.order_by("-created_at", "-pk").first()


def _filters(scope: ReportScope, survey: Survey) -> results.Filters:
    """A municipal report reads the municipality's answers of a project-wide survey."""
    if scope.municipality is None or survey.municipality_id is not None:
        return results.Filters()
    return results.Filters(municipality=scope.municipality.code)


def _no_feedback(scope: ReportScope) -> str:
    if scope.municipality is None:
        return _(
            "Kumppanikuntien palautekyselyyn ei ole vastattu, tai vastauksia on niin "
            "vähän, ettei niitä näytetä."
        )
    return _(
        "Kumppanikuntien palautekyselyn vastauksia ei ole eritelty kunnalle %(municipality)s, "
        "tai niitä on niin vähän, ettei niitä näytetä."
    ) % {"municipality": scope.municipality.name}


def _wave_counts(waves: list[Wave]) -> list[_WaveCounts]:
    """Invitations, used invitations and answers of every wave, in one query."""
    counted: QuerySet[Wave] = Wave.objects.filter(pk__in=[wave.pk for wave in waves]).annotate(
        invited=Count("invitations", distinct=True),
        answered=Count("invitations", filter=Q(invitations__is_used=True), distinct=True),
        response_count=Count("responses", distinct=True),
    )
    by_pk = {wave.pk: wave for wave in counted}
    return [
        _WaveCounts(
            label=wave.label,
            invited=getattr(by_pk[wave.pk], "invited", 0),
            answered=getattr(by_pk[wave.pk], "answered", 0),
            responses=getattr(by_pk[wave.pk], "response_count", 0),
        )
        for wave in waves
    ]


def _add_response_rate(
    scope: ReportScope, section: Section, survey: Survey, waves: list[_WaveCounts]
) -> None:
    invited = protect_count(sum(wave.invited for wave in waves))
    answered = protect_count(sum(wave.answered for wave in waves))
    responses = protect_count(sum(wave.responses for wave in waves))
    url = scope.staff_url("surveys:invitations", survey.pk)
    section.figures += [
        Figure("invited", _("Kyselyyn kutsuttuja"), invited, source_url=url),
        Figure("responses", _("Vastauksia"), responses, source_url=url),
        Figure(
            "response_rate",
            _("Vastausprosentti"),
            _rate(answered, invited),
            unit="%",
            source_url=url,
            note=_("Kutsuista, joilla vastattiin."),
        ),
    ]
    if len(waves) > 1:
        section.tables.append(_wave_table(waves))


def _rate(answered: int | None, invited: int | None) -> float | None:
    if answered is None or not invited:
        return None
    return round(100 * answered / invited, 1)


def _wave_table(waves: list[_WaveCounts]) -> Table:
    rows: list[list[Value]] = []
    for wave in waves:
        invited, answered = protect_count(wave.invited), protect_count(wave.answered)
        rows.append([wave.label, invited, protect_count(wave.responses), _rate(answered, invited)])
    return Table(
        key="waves",
        title=_("Vastaukset kyselykierroksittain"),
        columns=[_("Kierros"), _("Kutsuttuja"), _("Vastauksia"), _("Vastausprosentti")],
        rows=rows,
    )


def _add_findings(
    scope: ReportScope, section: Section, survey: Survey, figures: results.WaveFigures
) -> None:
    """The statements' means and agreement, then the statements from the most agreed on."""
    statements = [item for item in figures.items if item.type == Item.Type.SCALE_1_5]
    if not statements:
        return
    section.tables.append(
        Table(
            key="statements",
            title=_("Mitä hanke toi kunnille"),
            columns=[
                _("Väite"),
                _("Vastanneita"),
                _("Keskiarvo (1–5)"),
                _("Samaa mieltä, %"),
            ],
            rows=[
                [item.text, item.answered, item.mean, _agree_percent(item)] for item in statements
            ],
            row_urls=[scope.staff_url("surveys:results", survey.pk)] * len(statements),
            note=_(
                "1 = täysin eri mieltä, 5 = täysin samaa mieltä. Samaa mieltä = jokseenkin "
                "tai täysin samaa mieltä."
            ),
        )
    )
    section.charts.append(_means_chart(statements))
    ranked = sorted((item for item in statements if item.mean is not None), key=_by_mean)
    section.lists.append(
        ItemList(
            key="findings",
            title=_("Tulokset väitteittäin, eniten samaa mieltä ensin"),
            items=[
                _("%(statement)s (keskiarvo %(mean)s / 5)")
                % {"statement": item.text, "mean": decimal_text(item.mean)}
                for item in ranked
            ],
        )
    )


def _by_mean(item: results.ItemFigures) -> float:
    return -(item.mean or 0)


def _agree_percent(item: results.ItemFigures) -> float | None:
    """The share who agree (4 or 5 on the scale), from the protected option counts: hidden
    when either of them is."""
    agree = [option for option in item.options if option.key in AGREEING]
    if not agree or not item.answered or any(option.count is None for option in agree):
        return None
    return round(100 * sum(option.count or 0 for option in agree) / item.answered, 1)


def _means_chart(statements: list[results.ItemFigures]) -> Chart:
    return Chart(
        key="statements_chart",
        title=_("Väitteiden keskiarvot"),
        svg=grouped_bars(
            [item.text for item in statements],
            [Series(_("Keskiarvo"), [item.mean for item in statements])],
            value_label=_("Keskiarvo, 1 = täysin eri mieltä, 5 = täysin samaa mieltä"),
            maximum=5,
            decimals=1,
        ),
        table_key="statements",
        description="; ".join(f"{item.text} {decimal_text(item.mean)}" for item in statements),
    )
