"""Public pages of experiments: a project's experiments, one experiment, and the project's
costs compared across its municipalities.

Experiments of public projects are public; those of other projects are shown to their staff
only (404 for anyone else, so that their existence is not given away). Every figure comes
from ``figures.py``: participant counts are exact for an experiment's staff and protected for
everyone else.
"""

from django.contrib.auth.models import AnonymousUser
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from yhdessa.accounts.models import User
from yhdessa.accounts.selectors import projects_for_staff
from yhdessa.core.disclosure import min_cell_size
from yhdessa.core.spreadsheets import DOWNLOAD_TYPES, table_download
from yhdessa.experiments import cost_outputs, figures
from yhdessa.experiments.model_selectors import visible_descriptions
from yhdessa.experiments.models import Experiment
from yhdessa.experiments.selectors import experiments_for_staff
from yhdessa.projects.models import Project


def _project(user: User | AnonymousUser, slug: str) -> Project:
    """A public project, or one whose staff the user is (a member, or staff of an experiment)."""
    readable = Q(is_public=True) | Q(pk__in=experiments_for_staff(user).values("project"))
    if user.is_authenticated:
        readable |= Q(pk__in=projects_for_staff(user).values("pk"))
    return get_object_or_404(Project.objects.filter(readable), slug=slug)


def _experiments_of(user: User | AnonymousUser, project: Project):
    if project.is_public:
        return Experiment.objects.filter(project=project)
    return experiments_for_staff(user).filter(project=project)


def project_experiments(request: HttpRequest, slug: str) -> HttpResponse:
    project = _project(request.user, slug)
    experiments = _experiments_of(request.user, project).prefetch_related("partners")
    views = figures.experiment_views(request.user, experiments)
    context = {
        "project": project,
        "views": views,
        "threshold": min_cell_size(),
        "any_suppressed": any(view.suppressed for view in views),
    }
    return render(request, "experiments/project_experiments.html", context)


def experiment_detail(request: HttpRequest, pk: int) -> HttpResponse:
    visible = figures.visible_experiments(request.user).select_related(
        "project", "municipality", "target_group", "survey"
    )
    experiment = get_object_or_404(visible.prefetch_related("partners"), pk=pk)
    (view,) = figures.experiment_views(request.user, [experiment])
    context = {
        "experiment": experiment,
        "view": view,
        "model": visible_descriptions(request.user).filter(experiment=experiment).first(),
        "is_staff": view.exact,
        "by_kind": cost_outputs.kind_rows(view.costs),
        "parameters": cost_outputs.parameters_used(view.costs),
        "threshold": min_cell_size(),
    }
    return render(request, "experiments/experiment_detail.html", context)


def project_costs(request: HttpRequest, slug: str) -> HttpResponse:
    project = _project(request.user, slug)
    table = figures.project_costs_for(request.user, project.pk, is_public=project.is_public)
    file_format = request.GET.get("format", "")
    if file_format in DOWNLOAD_TYPES:
        header, rows = cost_outputs.municipality_table(table)
        what = _("kustannukset kunnittain")
        return table_download(
            header, rows, file_format=file_format, stem=f"{project.slug} {what}", title=what
        )
    context = {
        "project": project,
        "table": table,
        "cost_chart": cost_outputs.cost_per_participant_chart(table),
        "share_chart": cost_outputs.shares_chart(table),
        "comparisons": cost_outputs.reported_comparisons(project, table),
        "threshold": min_cell_size(),
    }
    return render(request, "experiments/project_costs.html", context)
