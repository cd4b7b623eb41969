"""The staff workspace of experiments: the project's list, an experiment's record with its
participants and costs ("why this number"), cost lines, headcounts, the decision, and the
project's cost parameters.

Reads go through ``selectors`` (404 outside an experiment's staff, 403 to its staff without the
right to change it), writes through ``services`` (audit-logged). A decided experiment is shown
with the parameters it froze; its cost lines and headcounts can no longer change.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from yhdessa.accounts.selectors import object_to_manage, projects_administered_by
from yhdessa.core.http import AuthenticatedHttpRequest
from yhdessa.experiments import costs, selectors, services
from yhdessa.experiments.forms import (
    CostLineForm,
    CostParameterForm,
    DecisionForm,
    ExperimentForm,
    HeadcountForm,
    KindChoiceForm,
    unused_by,
)
from yhdessa.experiments.models import (
    CostKind,
    CostLine,
    CostParameter,
    Experiment,
    ParameterKind,
)
from yhdessa.experiments.participants import ParticipantCounts, experiment_participants
from yhdessa.projects.models import Project

PAGES = "experiments/staff/"
T = TypeVar("T")


# What the pages show -------------------------------------------------------------------------


def _money_of(figure: costs.Figure | None) -> str:
    return costs.money(figure.value) if figure and figure.value is not None else "–"


@dataclass(frozen=True)
class ExperimentRow:
    """One experiment of the project's list with its exact figures."""

    figures: costs.ExperimentFigures

    @property
    def experiment(self) -> Experiment:
        return self.figures.experiment

    @property
    def total(self) -> str:
        return costs.money(self.figures.costs.total) if self.figures.costs else "–"

    @property
    def per_participant(self) -> costs.Figure | None:
        return self.figures.costs.per_participant if self.figures.costs else None

    @property
    def per_participant_value(self) -> str:
        return _money_of(self.per_participant)


@dataclass(frozen=True)
class LineRow:
    """A cost line with its value and why, or the reason it cannot be computed."""

    line: CostLine
    cost: costs.LineCost | None = None
    error: str | None = None

    @property
    def value(self) -> str:
        return costs.money(self.cost.total.value) if self.cost else "–"

    @property
    def figures(self) -> list[costs.Figure]:
        """The hour rate (for working time) and the line's own figure, in that order."""
        if self.cost is None:
            return []
        return [figure for figure in (self.cost.hour_rate, self.cost.total) if figure]


@dataclass(frozen=True)
class CostSheet:
    """An experiment's participants and costs, line by line."""

    participants: ParticipantCounts
    rows: list[LineRow]
    totals: costs.CostTotals | None = field(init=False)

    def __post_init__(self) -> None:
        computed = [row.cost for row in self.rows if row.cost is not None]
        complete = len(computed) == len(self.rows)
        totals = costs.CostTotals(tuple(computed), self.participants.total) if complete else None
        object.__setattr__(self, "totals", totals)

    @property
    def errors(self) -> list[str]:
        return sorted({row.error for row in self.rows if row.error})

    @property
    def total(self) -> str:
        return costs.money(self.totals.total) if self.totals else "–"

    @property
    def by_kind(self) -> list[tuple[str, str]]:
        if self.totals is None:
            return []
        return [(str(kind.label), costs.money(self.totals.by_kind[kind])) for kind in CostKind]

    @property
    def per_participant(self) -> costs.Figure | None:
        return self.totals.per_participant if self.totals else None

    @property
    def per_participant_list(self) -> list[costs.Figure]:
        return [self.per_participant] if self.per_participant else []

    @property
    def per_participant_value(self) -> str:
        return _money_of(self.per_participant)

    @property
    def parameters(self) -> list[costs.Parameter]:
        """Every parameter the lines use (what a decision freezes)."""
        used = {p.snapshot_key: p for row in self.rows for f in row.figures for p in f.parameters}
        return sorted(used.values(), key=lambda parameter: (parameter.kind, parameter.year))


def cost_sheet(experiment: Experiment) -> CostSheet:
    """In a fixed number of queries, however many lines: the lines, the parameters (frozen
    ones for a decided experiment) and the three participant counts."""
    parameters = costs.parameters_of(
        experiment, costs.parameters_for_project(experiment.project_id)
    )
    rows = []
    for line in experiment.cost_lines.all():
        try:
            rows.append(LineRow(line, costs.line_cost(costs.line_data(line), parameters)))
        except costs.MissingParameter as error:
            rows.append(LineRow(line, error=" ".join(error.messages)))
    return CostSheet(experiment_participants(experiment), rows)


# Helpers -------------------------------------------------------------------------------------


def _posted(request: AuthenticatedHttpRequest) -> Any:
    return request.POST if request.method == "POST" else None


def _page(
    request: AuthenticatedHttpRequest, name: str, form: forms.BaseForm, context: Mapping[str, Any]
) -> HttpResponse:
    """A form page: 400 when the form has errors, so that they are never mistaken for a
    success."""
    status = 400 if form.errors else 200
    return render(request, PAGES + name, {"form": form, **context}, status=status)


def _write(form: forms.BaseForm, write: Callable[[dict[str, Any]], T]) -> T | None:
    """The write's result when the form is valid and the service accepts it; otherwise
    ``None``, with the service's refusal on the form (the error summary shows it)."""
    if not (form.is_bound and form.is_valid()):
        return None
    try:
        return write(form.cleaned_data)
    except ValidationError as error:
        form.add_error(None, error)
        return None


def _detail(experiment: Experiment, anchor: str = "") -> str:
    url = reverse("experiments:experiment_staff", kwargs={"pk": experiment.pk})
    return url + (f"#{anchor}" if anchor else "")


def _administers(request: AuthenticatedHttpRequest, project: Project) -> bool:
    return projects_administered_by(request.user).filter(pk=project.pk).exists()


def _kind(request: AuthenticatedHttpRequest, choices: list[tuple[str, Any]]) -> str:
    kind = request.GET.get("kind", "")
    return kind if kind in dict(choices) else ""


def _kind_page(
    request: AuthenticatedHttpRequest, choices: list[tuple[str, Any]], context: dict[str, Any]
) -> HttpResponse:
    """The first step of a new cost line or parameter: choose its kind (a GET form)."""
    form = KindChoiceForm(request.GET if "kind" in request.GET else None, choices=choices)
    if form.is_bound:
        form.is_valid()  # a kind not among the choices: the summary says so
    return _page(request, "kind_choice.html", form, context)


# The project's experiments -------------------------------------------------------------------


@login_required
def project_experiments(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """A project's experiments the user is staff of, by municipality, with exact figures."""
    project = get_object_or_404(selectors.projects_with_experiments(request.user), slug=slug)
    experiments = selectors.experiments_for_staff(request.user).filter(project=project)
    rows = [ExperimentRow(item) for item in costs.costs_for_experiments(experiments)]
    creatable = selectors.projects_for_experiment_creation(request.user)
    context = {
        "project": project,
        "rows": rows,
        "can_create": creatable.filter(pk=project.pk).exists(),
        "administers": _administers(request, project),
    }
    return render(request, PAGES + "project_experiments.html", context)


@login_required
def experiment_staff(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    experiment = get_object_or_404(
        selectors.experiments_for_staff(request.user)
        .select_related("project", "municipality", "target_group", "survey")
        .prefetch_related("partners", "sessions", "cost_lines", "headcounts__background"),
        pk=pk,
    )
    context = {
        "experiment": experiment,
        "sheet": cost_sheet(experiment),
        "manages": selectors.experiments_managed_by(request.user).filter(pk=pk).exists(),
        "administers": _administers(request, experiment.project),
    }
    return render(request, PAGES + "experiment_staff.html", context)


# Creating and editing an experiment ----------------------------------------------------------


@login_required
def experiment_create(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    creatable = selectors.projects_for_experiment_creation(request.user)
    visible = selectors.projects_with_experiments(request.user)
    project = object_to_manage(visible, creatable, slug=slug)
    return _experiment_page(request, project, Experiment(project=project))


@login_required
def experiment_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    experiment = selectors.experiment_to_manage(request.user, pk)
    return _experiment_page(request, experiment.project, experiment)


def _experiment_page(
    request: AuthenticatedHttpRequest, project: Project, experiment: Experiment
) -> HttpResponse:
    creating = experiment.pk is None
    title = "" if creating else experiment.title  # before the form puts posted values in it
    municipalities = selectors.experiment_municipalities(request.user, project)
    form = ExperimentForm(
        _posted(request), instance=experiment, project=project, municipalities=municipalities
    )
    saved = _write(form, lambda _data: _save_experiment(request, project, experiment, form))
    if saved is not None:
        message = _("Kokeilu %(title)s luotiin.") if creating else _("Muutokset tallennettiin.")
        messages.success(request, message % {"title": saved.title})
        return redirect(_detail(saved))
    context = {"project": project, "experiment": None if creating else experiment, "title": title}
    return _page(request, "experiment_form.html", form, context)


def _save_experiment(
    request: AuthenticatedHttpRequest,
    project: Project,
    experiment: Experiment,
    form: ExperimentForm,
) -> Experiment:
    fields = form.service_fields()
    if experiment.pk is None:
        # ``title`` is the active language's column: the Finnish one is given as it.
        return services.experiment_create(
            actor=request.user, project=project, title=fields["title_fi"], **fields
        )
    return services.experiment_update(actor=request.user, experiment=experiment, **fields)


# Cost lines ----------------------------------------------------------------------------------


@login_required
def cost_line_create(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    experiment = selectors.experiment_to_manage(request.user, pk)
    kind = _kind(request, CostKind.choices)
    if not kind:
        context = {"experiment": experiment, "what": _("Uusi kustannus")}
        return _kind_page(request, CostKind.choices, context)
    return _cost_line_page(request, experiment, CostLine(experiment=experiment, kind=kind))


@login_required
def cost_line_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    line = selectors.cost_line_to_manage(request.user, pk)
    kind = _kind(request, CostKind.choices)
    if kind and kind != line.kind:  # the kind changes: what it does not use is cleared
        line.kind = kind
        for name, empty in unused_by(kind).items():
            setattr(line, name, empty)
    return _cost_line_page(request, line.experiment, line)


def _save_line(
    request: AuthenticatedHttpRequest, experiment: Experiment, line: CostLine, form: CostLineForm
) -> CostLine:
    fields = form.service_fields()
    if line.pk is None:
        return services.cost_line_add(actor=request.user, experiment=experiment, **fields)
    return services.cost_line_change(actor=request.user, line=line, **fields)


def _cost_line_page(
    request: AuthenticatedHttpRequest, experiment: Experiment, line: CostLine
) -> HttpResponse:
    creating = line.pk is None
    titles = selectors.wage_job_titles(experiment.project_id)
    form = CostLineForm(_posted(request), instance=line, job_titles=titles)
    if _write(form, lambda _data: _save_line(request, experiment, line, form)) is not None:
        message = _("Kustannus lisättiin.") if creating else _("Muutokset tallennettiin.")
        messages.success(request, message)
        return redirect(_detail(experiment, "costs"))
    context = {
        "experiment": experiment,
        "line": None if creating else line,
        "kind": CostKind(line.kind),
        "kinds": CostKind.choices,
    }
    return _page(request, "cost_line_form.html", form, context)


@login_required
def cost_line_delete(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    line = selectors.cost_line_to_manage(request.user, pk)
    return _delete_page(
        request,
        line.experiment,
        what=_("Poista kustannus: %(line)s") % {"line": line},
        delete=lambda: services.cost_line_delete(actor=request.user, line=line),
        anchor="costs",
    )


def _delete_page(
    request: AuthenticatedHttpRequest,
    experiment: Experiment,
    *,
    what: str,
    delete: Callable[[], None],
    anchor: str,
) -> HttpResponse:
    """A confirmation (GET) and the deletion (POST); refused for a decided experiment."""
    error = None
    if request.method == "POST":
        try:
            delete()
        except ValidationError as refused:
            error = " ".join(refused.messages)
        else:
            messages.success(request, _("Poistettiin."))
            return redirect(_detail(experiment, anchor))
    context = {"experiment": experiment, "what": what, "error": error, "back": _detail(experiment)}
    return render(request, PAGES + "confirm_delete.html", context, status=400 if error else 200)


# Anonymous headcounts ------------------------------------------------------------------------


@login_required
def headcount_create(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    experiment = selectors.experiment_to_manage(request.user, pk)
    form = HeadcountForm(_posted(request), experiment=experiment)
    added = _write(
        form,
        lambda data: services.headcount_add(actor=request.user, experiment=experiment, **data),
    )
    if added is not None:
        messages.success(request, _("Osallistujamäärä lisättiin."))
        return redirect(_detail(experiment, "headcounts"))
    return _page(request, "headcount_form.html", form, {"experiment": experiment})


@login_required
def headcount_delete(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    headcount = selectors.headcount_to_manage(request.user, pk)
    return _delete_page(
        request,
        headcount.experiment,
        what=_("Poista osallistujamäärä %(count)s (%(date)s)")
        % {"count": headcount.count, "date": date_format(headcount.date, "j.n.Y")},
        delete=lambda: services.headcount_delete(actor=request.user, headcount=headcount),
        anchor="headcounts",
    )


# The decision --------------------------------------------------------------------------------


@login_required
def experiment_decide(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Record the decision; the page shows the figures and parameters that it freezes."""
    experiment = selectors.experiment_to_manage(request.user, pk)
    form = DecisionForm(_posted(request))
    decided = _write(
        form,
        lambda data: services.experiment_decide(actor=request.user, experiment=experiment, **data),
    )
    if decided is not None:
        messages.success(request, _("Päätös kirjattiin ja kokeilun luvut lukittiin."))
        return redirect(_detail(experiment))
    context = {
        "experiment": experiment,
        "sheet": cost_sheet(experiment),
        "administers": _administers(request, experiment.project),
    }
    return _page(request, "experiment_decide.html", form, context)


# Cost parameters -----------------------------------------------------------------------------


@login_required
def cost_parameters(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """The project's cost parameters by kind, each with its source."""
    project = selectors.project_to_administer(request.user, slug)
    parameters = CostParameter.objects.filter(project=project).order_by(
        "kind", "year", "job_title", "divisor_name"
    )
    groups = [
        (kind, [(p, costs.number(p.value)) for p in parameters if p.kind == kind])
        for kind in ParameterKind
    ]
    return render(request, PAGES + "cost_parameters.html", {"project": project, "groups": groups})


@login_required
def cost_parameter_create(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    project = selectors.project_to_administer(request.user, slug)
    kind = _kind(request, ParameterKind.choices)
    if not kind:
        context = {"project": project, "what": _("Uusi kustannusparametri")}
        return _kind_page(request, ParameterKind.choices, context)
    parameter = CostParameter(project=project, kind=kind)
    form = CostParameterForm(_posted(request), instance=parameter)
    created = _write(
        form,
        lambda _data: services.parameter_create(
            actor=request.user, project=project, **form.service_fields()
        ),
    )
    if created is not None:
        messages.success(request, _("Parametri lisättiin."))
        return redirect("experiments:cost_parameters", slug=project.slug)
    context = {"project": project, "kind": ParameterKind(kind), "parameter": None}
    return _page(request, "cost_parameter_form.html", form, context)


@login_required
def cost_parameter_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    parameter = selectors.cost_parameter_to_manage(request.user, pk)
    shown = f"{costs.parameter_of(parameter).label()} {parameter.year}"
    form = CostParameterForm(_posted(request), instance=parameter)
    keeping = _write(
        form,
        lambda data: services.parameter_change(actor=request.user, parameter=parameter, **data),
    )
    if keeping is not None:
        messages.success(request, _changed_message(len(keeping)))
        return redirect("experiments:cost_parameters", slug=parameter.project.slug)
    context = {
        "project": parameter.project,
        "kind": ParameterKind(parameter.kind),
        "parameter": parameter,
        "shown": shown,
        "use": selectors.parameter_use(parameter),
    }
    return _page(request, "cost_parameter_form.html", form, context)


def _changed_message(decided: int) -> str:
    if not decided:
        return _("Parametri tallennettiin.")
    return _("Parametri tallennettiin. Päätetyt kokeilut (%(count)s) pitävät vanhan arvon.") % {
        "count": decided
    }
