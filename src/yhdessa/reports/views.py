"""The report as a web page and as downloads, the dashboard, and the team's texts."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from yhdessa.core import ratelimits
from yhdessa.core.http import AuthenticatedHttpRequest
from yhdessa.directory.models import Municipality
from yhdessa.projects.models import Project
from yhdessa.reports import published, selectors, services
from yhdessa.reports.formats import DOWNLOADS, FORMATS
from yhdessa.reports.forms import SectionTextForm
from yhdessa.reports.scope import may_trace
from yhdessa.reports.sections import TITLES


def _edition(
    request: HttpRequest, project: Project, municipality: Municipality | None, kind: str = ""
) -> published.Edition:
    """The kept report this reader gets: the file of ``kind``, or the report object, with the
    links to the records for the project's own people."""
    if not kind:
        kind = "staff" if may_trace(request.user, project, municipality) else "public"
    return published.Edition.of(project, municipality, get_language(), kind)


def _preparing(
    request: HttpRequest,
    edition: published.Edition,
    title: str,
    *,
    ready: bool,
    download: bool = False,
) -> HttpResponse:
    """While the first copy is built: its progress, polled by htmx (``?progress``); without
    JavaScript the reader loads the address again. When ready, htmx loads the page, or for a
    download offers the file (loading it by itself would download it again at each poll)."""
    polled = "progress" in request.GET
    if ready and not download:
        return HttpResponse(status=204, headers={"HX-Redirect": request.path})
    progress = published.progress(edition)
    context = {
        "title": title,
        "ready": ready,
        "percent": progress.percent if progress else 0,
        "section": TITLES.get(progress.section, "") if progress else "",
        "path": request.path,
    }
    template = "reports/preparing.html" + ("#progress" if polled else "")
    return render(request, template, context, status=200 if ready else 202)


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
    edition = _edition(request, project, municipality)
    copy = published.copy_of(edition)
    if copy is None or "progress" in request.GET:
        return _preparing(request, edition, _("Raporttia valmistellaan"), ready=bool(copy))
    context = {
        "report": copy.report,
        "updating": published.is_building(edition),
        "rebuild_url": _rebuild_url(request, project, municipality),
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
) -> HttpResponseBase:
    if file_format not in DOWNLOADS:
        raise Http404
    project, municipality = selectors.report_subject(request.user, slug, code)
    if "progress" not in request.GET:  # polls cost nothing; a download may start a build
        ratelimits.check(request, ratelimits.REPORT_DOWNLOAD)
    edition = _edition(request, project, municipality, kind=file_format)
    copy = published.copy_of(edition)
    if copy is None or "progress" in request.GET:
        label = FORMATS[file_format].label
        title = _("Tiedostoa valmistellaan: %(format)s") % {"format": label}
        return _preparing(request, edition, title, ready=bool(copy), download=True)
    return FileResponse(
        default_storage.open(copy.file_name),
        as_attachment=True,
        filename=copy.download_name,
        content_type=FORMATS[file_format].content_type,
    )


@login_required
def dashboard(
    request: AuthenticatedHttpRequest, slug: str, code: str | None = None
) -> HttpResponse:
    """The key figures of every part of the work, with charts, for the project's staff (and a
    municipality's own staff for its part)."""
    project, municipality = selectors.dashboard_subject(request.user, slug, code)
    edition = _edition(request, project, municipality)
    copy = published.copy_of(edition)
    if copy is None or "progress" in request.GET:
        return _preparing(request, edition, _("Tilannekuvaa valmistellaan"), ready=bool(copy))
    context = {
        "report": copy.report,
        "updating": published.is_building(edition),
        "rebuild_url": _rebuild_url(request, project, municipality),
        "project": project,
        "municipality": municipality,
        "municipalities": project.partner_municipalities.order_by("name"),
        "report_url": _url("report", project, municipality),
    }
    return render(request, "reports/dashboard.html", context)


def _rebuild_url(
    request: HttpRequest, project: Project, municipality: Municipality | None
) -> str | None:
    """Those who see the dashboard (the readers who get the links) may have the figures
    counted again at once."""
    if not may_trace(request.user, project, municipality):
        return None
    return _url("report_rebuild", project, municipality)


@require_POST
@login_required
def report_rebuild(
    request: AuthenticatedHttpRequest, slug: str, code: str | None = None
) -> HttpResponse:
    """Count the report's figures again now, e.g. after attendance was marked."""
    project, municipality = selectors.dashboard_subject(request.user, slug, code)
    published.mark_changed(project)
    published.request_build(_edition(request, project, municipality))
    messages.success(
        request, _("Luvut lasketaan uudelleen. Sivu näyttää uudet luvut, kun ne ovat valmiit.")
    )
    return redirect(_url("report", project, municipality))


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
        if changed:
            published.mark_changed(project)
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
