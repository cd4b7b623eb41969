"""The project summary (the seed report's first page) and its regional cooperation and support.

The summary describes the project from its own record (goal, period, implementers, funders,
partners, target groups) and counts what it produced with the same functions as the sections
that tell about each: trainings and peer meetings from ``events.statistics``, experiments and
their participants from ``experiments.figures``, survey answers, publications and tip lists
from their records. A municipal report counts what took place in that municipality.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from yhdessa.core.disclosure import protect_count
from yhdessa.events.models import EventKind
from yhdessa.events.statistics import PublicRow
from yhdessa.experiments.figures import project_cost_table
from yhdessa.projects.models import ActivityKind, ProjectActivity, WorkPackage
from yhdessa.reports.document import Figure, ItemList, Section, Table
from yhdessa.reports.scope import ReportScope
from yhdessa.surveys.models import Response
from yhdessa.surveys.selectors import public_surveys
from yhdessa.toolkit.models import Publication
from yhdessa.toolkit.tip_selectors import published_tip_lists

# --- What the project produced ----------------------------------------------------------------


@dataclass(frozen=True)
class Outputs:
    """The project's (or one municipality's) outputs, every count about people protected.

    Publications and tip lists are the whole project's work: a municipal report has ``None``.
    """

    trainings: PublicRow
    peer_meetings: PublicRow
    experiments: int
    participants: int | None
    survey_answers: int | None
    publications: int | None
    tip_lists: int | None


def project_outputs(scope: ReportScope) -> Outputs:
    """Counted in a fixed number of queries, whatever the size of the data."""
    trainings = scope.event_statistics(EventKind.TRAINING)
    meetings = scope.event_statistics(EventKind.PEER_MEETING)
    experiments, participants = _experiments(scope)
    whole_project = scope.municipality is None
    # Answers to the surveys whose results are public, and only in the whole project's
    # report: a municipality's total beside its evaluation figures would give away a count
    # that the evaluation section hides (e.g. 8 answers − 5 at the start = 3 at the end).
    answers = Response.objects.filter(
        wave__survey__project=scope.project, wave__survey__in=public_surveys()
    )
    return Outputs(
        trainings=trainings.total,
        peer_meetings=meetings.total,
        experiments=experiments,
        participants=participants,
        survey_answers=protect_count(answers.count()) if whole_project else None,
        publications=(
            Publication.objects.filter(project=scope.project).count() if whole_project else None
        ),
        tip_lists=(
            published_tip_lists().filter(project=scope.project).count() if whole_project else None
        ),
    )


def _experiments(scope: ReportScope) -> tuple[int, int | None]:
    """How many experiments, and their participants protected as in the project's cost table
    (a municipality's count is its row there)."""
    views, _protection = scope.public_experiments
    table = project_cost_table([view.figures for view in views], exact=False)
    if scope.municipality is None:
        return len(views), table.participants
    mine = [view for view in views if view.experiment.municipality_id == scope.municipality.pk]
    row = next((r for r in table.rows if r.municipality.pk == scope.municipality.pk), None)
    return len(mine), row.participants if row else 0


# --- The summary ------------------------------------------------------------------------------


def build_project(scope: ReportScope, section: Section) -> None:
    """Goal, period, region, implementers, funders, partners, target groups, the headline
    figures and the work packages as a logic model (activities → outputs → outcomes)."""
    project = scope.project
    outputs = project_outputs(scope)
    section.figures += _description(scope)
    section.figures += _headline(scope, outputs)
    section.lists += _parties(scope)
    packages = list(WorkPackage.objects.filter(project=project))
    if packages:
        section.tables.append(_logic_model(scope, packages, outputs))


def _description(scope: ReportScope) -> list[Figure]:
    project = scope.project
    period = project.period
    figures = [
        Figure("name", _("Hanke"), project.name),
        Figure("period", _("Toteutusaika"), period),
    ]
    if project.goal:
        figures.append(Figure("goal", _("Tavoite"), project.goal))
    if project.region_id:
        figures.append(Figure("region", _("Alue"), str(project.region)))
    if project.website:
        figures.append(Figure("website", _("Verkkosivut"), project.website))
    return figures


def _headline(scope: ReportScope, outputs: Outputs) -> list[Figure]:
    """The key figures; a municipal report's are those of its own municipality."""
    events_url = scope.staff_url("events:project_events", scope.project.slug)
    experiments_url = scope.staff_url("experiments:project_experiments", scope.project.slug)
    surveys_url = scope.staff_url("surveys:project_surveys", scope.project.slug)
    figures = [
        Figure("trainings", _("Valmennuksia"), outputs.trainings.events, source_url=events_url),
        Figure(
            "training_registered",
            _("Valmennuksiin ilmoittautuneita"),
            outputs.trainings.registered,
            source_url=events_url,
        ),
        Figure(
            "training_present",
            _("Valmennusten osallistujia"),
            outputs.trainings.present,
            source_url=events_url,
        ),
        Figure(
            "peer_meetings",
            _("Vertaistapaamisia"),
            outputs.peer_meetings.events,
            source_url=events_url,
        ),
        Figure(
            "experiments", _("Kehittämiskokeiluja"), outputs.experiments, source_url=experiments_url
        ),
        Figure(
            "experiment_participants",
            _("Kokeilujen osallistujia"),
            outputs.participants,
            source_url=experiments_url,
        ),
    ]
    if outputs.survey_answers is not None:
        figures.append(
            Figure(
                "survey_answers",
                _("Vastauksia julkisiin kyselyihin"),
                outputs.survey_answers,
                source_url=surveys_url,
            )
        )
    if outputs.publications is not None:
        figures.append(Figure("publications", _("Julkaisuja"), outputs.publications))
    if outputs.tip_lists is not None:
        figures.append(Figure("tip_lists", _("Vinkkilistoja"), outputs.tip_lists))
    return figures


def _parties(scope: ReportScope) -> list[ItemList]:
    """Who carried the project out, paid for it, took part and was aimed at."""
    project = scope.project
    lists = [
        ItemList("implementers", _("Toteuttajat"), _names(project.implementers.all())),
        ItemList("funders", _("Rahoittajat"), _names(project.funders.all())),
        ItemList(
            "partner_municipalities",
            _("Kumppanikunnat"),
            _names(project.partner_municipalities.order_by("name")),
        ),
        ItemList("target_groups", _("Kohderyhmät"), _names(project.target_groups.all())),
    ]
    return [one for one in lists if one.items]


def _names(rows: QuerySet) -> list[str]:
    return [str(row) for row in rows]


# --- The logic model --------------------------------------------------------------------------


def _communication(outputs: Outputs) -> list[tuple[str, int | None]]:
    if outputs.publications is None or outputs.tip_lists is None:
        return []  # the whole project's work, not a municipality's
    return [(_("julkaisuja"), outputs.publications), (_("vinkkilistoja"), outputs.tip_lists)]


def _trainings(outputs: Outputs) -> list[tuple[str, int | None]]:
    return [
        (_("valmennuksia"), outputs.trainings.events),
        (_("osallistujia"), outputs.trainings.present),
        (_("vertaistapaamisia"), outputs.peer_meetings.events),
    ]


def _experiment_outputs(outputs: Outputs) -> list[tuple[str, int | None]]:
    return [(_("kokeiluja"), outputs.experiments), (_("osallistujia"), outputs.participants)]


def _evaluation(outputs: Outputs) -> list[tuple[str, int | None]]:
    if outputs.survey_answers is None:
        return []  # counted for the whole project only (see project_outputs)
    return [(_("kyselyvastauksia"), outputs.survey_answers)]


#: What each kind of work package produces, recognised by a word stem of its Finnish name (a
#: work package has no field for it): communication → publications and tip lists, trainings →
#: trainings and peer meetings, experiments → experiments and participants, evaluation →
#: survey answers. A package none of them fits has no counted outputs.
OUTPUT_STEMS: dict[str, Callable[[Outputs], list[tuple[str, int | None]]]] = {
    "viestin": _communication,
    "valmennu": _trainings,
    "kokeilu": _experiment_outputs,
    "arvioin": _evaluation,
}


def _counted(label: str, count: int | None) -> str:
    """ "valmennuksia 9"; a count hidden by small-number protection says so (it may be hidden
    as the partner of a small one, so "alle 5" would not always be true)."""
    return f"{label} {_('piilotettu') if count is None else count}"


def _outputs_of(package: WorkPackage, outputs: Outputs) -> str:
    name = (getattr(package, "name_fi", None) or package.name).lower()
    for stem, produced in OUTPUT_STEMS.items():
        if stem in name:
            return ", ".join(_counted(label, count) for label, count in produced(outputs))
    return ""


def _logic_model(scope: ReportScope, packages: list[WorkPackage], outputs: Outputs) -> Table:
    return Table(
        key="logic_model",
        title=_("Työpaketit: toiminta, tuotokset ja odotetut tulokset"),
        columns=[_("Työpaketti"), _("Toiminta"), _("Tuotokset"), _("Odotettu tulos")],
        rows=[
            [
                package.name,
                package.activities,
                _outputs_of(package, outputs),
                package.expected_outcome,
            ]
            for package in packages
        ],
        note=(
            _("Tuotokset on laskettu kunnan tiedoista.")
            if scope.municipality
            else _("Tuotokset on laskettu hankkeen tiedoista.")
        ),
    )


# --- Regional cooperation and support ---------------------------------------------------------


def build_cooperation(scope: ReportScope, section: Section) -> None:
    """The project's regional cooperation and its support to municipalities, by kind."""
    activities = list(_activities(scope))
    if not activities:
        section.empty_message = _no_activities(scope)
        return
    for kind in ActivityKind:
        rows = [activity for activity in activities if activity.kind == kind]
        if rows:
            section.tables.append(_activity_table(scope, kind, rows))
    section.figures += [
        Figure(
            f"{kind.value}_count",
            str(kind.label),
            sum(activity.kind == kind for activity in activities),
            source_url=scope.staff_url("directory:project_activities", scope.project.slug),
        )
        for kind in ActivityKind
    ]


def _activities(scope: ReportScope) -> QuerySet[ProjectActivity]:
    """The entries of the project (of a municipality: those it took part in), with their
    municipalities (two queries however many)."""
    found = ProjectActivity.objects.filter(project=scope.project)
    if scope.municipality is not None:
        found = found.filter(municipalities=scope.municipality)
    return found.order_by("kind", "starts_on", "pk")


def _no_activities(scope: ReportScope) -> str:
    if scope.municipality is None:
        return _("Hankkeelle ei ole kirjattu alueellista yhteistyötä eikä tukea kunnille.")
    return _("Kunnalle %(municipality)s ei ole kirjattu hankkeen yhteistyötä eikä tukea.") % {
        "municipality": scope.municipality.name
    }


def _activity_table(scope: ReportScope, kind: ActivityKind, rows: list[ProjectActivity]) -> Table:
    return Table(
        key=kind.value,
        title=str(kind.label),
        columns=[_("Toiminta"), _("Alkoi"), _("Päättyi"), _("Kunnat"), _("Kuvaus")],
        rows=[
            [
                activity.title,
                activity.starts_on,
                activity.ends_on,
                ", ".join(sorted(str(m) for m in activity.municipalities.all())),
                activity.description,
            ]
            for activity in rows
        ],
        row_urls=[
            scope.staff_url("directory:activity_edit", scope.project.slug, activity.pk)
            for activity in rows
        ],
        note=_estimate_note(rows),
    )


def _estimate_note(rows: list[ProjectActivity]) -> str:
    if any(activity.is_demo for activity in rows):
        return _(
            "Demoaineistoa: päivämäärät ja kuvaukset ovat arvioita, koska alkuperäinen raportti "
            "ei kerro niitä."
        )
    return ""
