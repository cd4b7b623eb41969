"""Results pages: a wave's figures, the start vs end comparison, and a project's surveys.

Every figure comes from ``results.py`` (protected there); these views only choose what to
show and hand it to templates, CSV or XLSX. Non-public surveys answer 404 to anyone outside
their staff, so that a survey's existence is not given away.
"""

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from yhdessa.accounts.selectors import projects_for_staff
from yhdessa.core.charts import data_uri
from yhdessa.core.disclosure import min_cell_size, protect_count
from yhdessa.core.http import AuthenticatedHttpRequest
from yhdessa.core.spreadsheets import DOWNLOAD_TYPES, table_download
from yhdessa.surveys import results, selectors
from yhdessa.surveys.models import Item, Response, Survey, Wave
from yhdessa.surveys.results_forms import ComparisonForm, ResultsForm, bound
from yhdessa.surveys.results_tables import (
    Cell,
    comparison_table,
    means_chart,
    options_chart,
    results_table,
)


def _survey(request: HttpRequest, pk: int) -> Survey:
    return get_object_or_404(
        selectors.surveys_for_results(request.user).select_related(
            "project", "municipality", "event", "instrument_version__instrument"
        ),
        pk=pk,
    )


def _download(
    survey: Survey, what: str, table: tuple[list[str], list[list[Cell]]], file_format: str
) -> HttpResponse:
    header, rows = table
    return table_download(
        header, rows, file_format=file_format, stem=f"{survey.title} {what}", title=what
    )


def _page_context(request: HttpRequest, survey: Survey, waves: list[Wave]) -> dict:
    return {
        "survey": survey,
        "waves": waves,
        "threshold": min_cell_size(),
        "is_staff": selectors.surveys_for_staff(request.user).filter(pk=survey.pk).exists(),
        "can_manage": selectors.surveys_managed_by(request.user).filter(pk=survey.pk).exists(),
    }


def survey_results(request: HttpRequest, pk: int) -> HttpResponse:
    survey = _survey(request, pk)
    waves = results.waves_in_order(survey)
    context = _page_context(request, survey, waves)
    form = bound(ResultsForm, request.GET, survey=survey, waves=waves)
    context["form"] = form
    if not waves or not form.is_valid():
        return render(request, "surveys/results.html", context, status=400 if waves else 200)
    assert isinstance(form, ResultsForm)  # noqa: S101 (bound() returns the class given)
    key = form.cleaned_data["wave"]
    wave = waves if key == results.ALL_WAVES else [form.wave_by_key(key)]
    filters = form.filters()
    items = results.survey_items(survey)
    figures = results.wave_results(wave, filters, with_texts=context["can_manage"], items=items)
    file_format = request.GET.get("format", "")
    if file_format in DOWNLOAD_TYPES:
        return _download(survey, _("tulokset"), results_table(figures), file_format)
    by = form.cleaned_data["by"]
    context.update(
        figures=figures,
        sections=_sections(figures.items, items),
        means_chart=data_uri(means_chart([figures])),
        option_charts={
            item.key: data_uri(options_chart([item], [figures.label]))
            for item in figures.items
            if item.type in (Item.Type.SINGLE, Item.Type.MULTIPLE)
        },
        breakdowns=results.breakdowns(wave, by, filters, items=items) if by else [],
        by_label=results.DIMENSIONS.get(by, ""),
        query=request.GET.urlencode(),
    )
    return render(request, "surveys/results.html", context)


def _sections(figures: list[results.ItemFigures], items: list[Item]) -> list[tuple[str, list]]:
    """The item figures grouped under their instrument sections, in order."""
    grouped: list[tuple[str, list]] = []
    for item, one in zip(items, figures, strict=True):
        title = item.section.title if item.section else ""
        if not grouped or grouped[-1][0] != title:
            grouped.append((title, []))
        grouped[-1][1].append(one)
    return grouped


def survey_comparison(request: HttpRequest, pk: int) -> HttpResponse:
    survey = _survey(request, pk)
    waves = results.waves_in_order(survey)
    context = _page_context(request, survey, waves)
    form = bound(ComparisonForm, request.GET, survey=survey, waves=waves)
    context["form"] = form
    if len(waves) < 2 or not form.is_valid():
        status = 400 if len(waves) >= 2 else 200
        return render(request, "surveys/comparison.html", context, status=status)
    assert isinstance(form, ComparisonForm)  # noqa: S101 (bound() returns the class given)
    before = form.wave_by_key(form.cleaned_data["before"])
    after = form.wave_by_key(form.cleaned_data["after"])
    result = results.comparison(before, after, form.filters())
    file_format = request.GET.get("format", "")
    if file_format in DOWNLOAD_TYPES:
        return _download(survey, _("vertailu"), comparison_table(result), file_format)
    labels = [before.label, after.label]
    context.update(
        before=before,
        after=after,
        result=result,
        scale_changes=[change for change in result.items if change.type == Item.Type.SCALE_1_5],
        option_changes=[change for change in result.items if change.options],
        means_chart=data_uri(means_chart([result.before, result.after])),
        option_charts={
            change.key: data_uri(options_chart([change.before, change.after], labels))
            for change in result.items
            if change.options
        },
        query=request.GET.urlencode(),
    )
    return render(request, "surveys/comparison.html", context)


@login_required
def project_surveys(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """A project's surveys for its staff: waves, respondents (protected) and where to go next."""
    project = get_object_or_404(
        projects_for_staff(request.user)
        | selectors.projects_with_staff_surveys(request.user)
        | selectors.projects_for_survey_creation(request.user),
        slug=slug,
    )
    surveys = (
        selectors.surveys_for_staff(request.user)
        .filter(project=project)
        .select_related("municipality", "event", "instrument_version__instrument")
        .prefetch_related(Prefetch("waves", queryset=Wave.objects.order_by("position", "pk")))
        .order_by("-created_at", "pk")
    )
    respondents = dict(
        Response.objects.filter(wave__survey__in=surveys)
        .values_list("wave")
        .annotate(n=Count("pk"))
        .order_by()
    )
    managed = set(
        selectors.surveys_managed_by(request.user)
        .filter(project=project)
        .values_list("pk", flat=True)
    )
    rows = [
        (
            survey,
            [(wave, protect_count(respondents.get(wave.pk, 0))) for wave in survey.waves.all()],
            survey.pk in managed,
        )
        for survey in surveys
    ]
    can_create = selectors.projects_for_survey_creation(request.user).filter(pk=project.pk)
    context = {
        "project": project,
        "rows": rows,
        "threshold": min_cell_size(),
        "can_create": can_create.exists(),
    }
    return render(request, "surveys/project_surveys.html", context)
