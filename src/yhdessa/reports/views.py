"""The report as a web page and as downloads, the dashboard, and the team's texts."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from yhdessa.core.http import AuthenticatedHttpRequest
from yhdessa.directory.models import Municipality
from yhdessa.projects.models import Project
from yhdessa.reports import outputs, selectors, services
from yhdessa.reports.builder import build_report
from yhdessa.reports.document import Report
from yhdessa.reports.formats import DOWNLOADS, FORMATS
from yhdessa.reports.forms import SectionTextForm
from yhdessa.reports.scope import ReportScope
from yhdessa.reports.sections import TITLES


def _report(request: HttpRequest, project: Project, municipality: Municipality | None) -> Report:
    scope = ReportScope.for_reader(
        project, request.user, municipality=municipality, language=get_language()
    )
    return build_report(scope)


def _names(municipality: Municipality | None, name: str) -> tuple[str, dict[str, str]]:
    return (
        (f"reports:municipal_{name}", {"code": municipality.code})
        if municipality
        else (
            f"reports:project_{name}",
            {},
        )
    )


def _url(name: str, project: Project, municipality: Municipality | None, **kwargs: str) -> str:
    viewname, extra = _names(municipality, name)
    return reverse(viewname, kwargs={"slug": project.slug, **extra, **kwargs})


def report_page(request: HttpRequest, slug: str, code: str | None = None) -> HttpResponse:
    project, municipality = selectors.report_subject(request.user, slug, code)
    report = _report(request, project, municipality)
    context = {
        "report": report,
        "project": project,
        "municipality": municipality,
        "municipalities": project.partner_municipalities.order_by("name"),
        "downloads": [
            {
                "label": FORMATS[key].label,
                "url": _url("report_download", project, municipality, file_format=key),
                "format": key,
            }
            for key in DOWNLOADS
        ],
        "edit_url": (
            _url("report_texts", project, municipality)
            if selectors.may_edit_texts(request.user, project, municipality)
            else None
        ),
    }
    return render(request, "reports/report.html", context)


def report_download(
    request: HttpRequest, slug: str, file_format: str, code: str | None = None
) -> HttpResponse:
    if file_format not in DOWNLOADS:
        raise Http404
    project, municipality = selectors.report_subject(request.user, slug, code)
    report = _report(request, project, municipality)
    chosen = FORMATS[file_format]
    response = HttpResponse(chosen.render(report), content_type=chosen.content_type)
    filename = outputs.filename(report, file_format)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def dashboard(
    request: AuthenticatedHttpRequest, slug: str, code: str | None = None
) -> HttpResponse:
    """The key figures of every part of the work, with charts, for the project's staff (and a
    municipality's own staff for its part)."""
    project, municipality = selectors.dashboard_subject(request.user, slug, code)
    context = {
        "report": _report(request, project, municipality),
        "project": project,
        "municipality": municipality,
        "municipalities": project.partner_municipalities.order_by("name"),
        "report_url": _url("report", project, municipality),
    }
    return render(request, "reports/dashboard.html", context)


@login_required
def report_texts(
    request: AuthenticatedHttpRequest, slug: str, code: str | None = None
) -> HttpResponse:
    """Each section's text in three languages, and whether it is in the report at all."""
    project, municipality = selectors.texts_to_edit(request.user, slug, code)
    texts = selectors.section_texts(project, municipality)
    forms = [
        (TITLES[key], SectionTextForm(request.POST or None, instance=text, prefix=key))
        for key, text in texts.items()
    ]
    # Every form is validated, not only up to the first invalid one: each shows its errors.
    valid = [form.is_valid() for _title, form in forms]
    if request.method == "POST" and all(valid):
        changed = services.section_texts_save(
            actor=request.user,
            project=project,
            municipality=municipality,
            values={
                key: form.cleaned_data for key, (_title, form) in zip(texts, forms, strict=True)
            },
        )
        saved = _("Raportin tekstit tallennettu.")
        messages.success(request, saved if changed else _("Ei muutoksia tallennettavaksi."))
        return redirect(_url("report_texts", project, municipality))
    context = {
        "project": project,
        "municipality": municipality,
        "forms": forms,
        "report_url": _url("report", project, municipality),
        "errors": request.method == "POST",
    }
    return render(
        request,
        "reports/report_texts.html",
        context,
        status=400 if request.method == "POST" else 200,
    )
