"""Cooperation structures: the public pages and open data, the coordinators' pages, and the
project admins' pages of a project's regional cooperation and support.

Reads go through ``cooperation_selectors``, writes through ``cooperation_services``
(audit-logged). A municipality's pages answer 404 to everyone who does not keep its directory
(as its workspace does); a project's pages 404 outside the project and 403 to its members who
are not its admins.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from yhdessa.accounts.selectors import (
    object_to_manage,
    projects_administered_by,
    projects_for_staff,
)
from yhdessa.core.http import AuthenticatedHttpRequest
from yhdessa.directory import cooperation_export as export
from yhdessa.directory import cooperation_selectors as selectors
from yhdessa.directory import cooperation_services as services
from yhdessa.directory.cooperation_forms import (
    ActivityForm,
    CooperationFilterForm,
    cooperation_form_class,
)
from yhdessa.directory.cooperation_models import CooperationKind, CooperationStructure
from yhdessa.directory.models import Municipality
from yhdessa.projects.models import Project, ProjectActivity

PAGES = "directory/cooperation/"
PAGE_SIZE = 25

# Public pages and open data ------------------------------------------------------------------


def municipality_cooperation(request: HttpRequest, code: str) -> HttpResponse:
    municipality = get_object_or_404(Municipality, code=code)
    context = {
        "municipality": municipality,
        "groups": selectors.municipality_cooperation(municipality),
        "can_keep": selectors.municipality_to_keep(request.user, code).exists(),  # type: ignore[arg-type]
    }
    return render(request, PAGES + "municipality.html", context)


def cooperation_search(request: HttpRequest) -> HttpResponse:
    form = CooperationFilterForm(request.GET or None)
    valid = not form.is_bound or form.is_valid()
    filters = form.cleaned_data if form.is_bound and valid else {}
    entries = (
        selectors.cooperation_search(**filters) if valid else CooperationStructure.objects.none()
    )
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "page": page,
        "searched": bool(filters and any(filters.values())),
        "municipalities": selectors.municipalities_with_cooperation(),
        "licence": export.LICENCE,
    }
    return render(request, PAGES + "search.html", context, status=200 if valid else 400)


def _open_data(request: HttpRequest) -> list[dict]:
    return export.rows(export.open_data_entries(), request.build_absolute_uri("/"))


def _licensed(response: HttpResponse) -> HttpResponse:
    response["Link"] = f'<{export.LICENCE["url"]}>; rel="license"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


def open_data_csv(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(
        export.to_csv(_open_data(request)), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = 'inline; filename="yhteistyorakenteet.csv"'
    return _licensed(response)


def open_data_json(request: HttpRequest) -> HttpResponse:
    source = request.build_absolute_uri(reverse("directory:cooperation_search"))
    data = export.to_json(_open_data(request), source)
    return _licensed(JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 1}))


# A municipality's own entries ----------------------------------------------------------------


def _municipality(request: AuthenticatedHttpRequest, code: str) -> Municipality:
    return get_object_or_404(selectors.municipality_to_keep(request.user, code))


def _entry(request: AuthenticatedHttpRequest, code: str, pk: int) -> CooperationStructure:
    municipality = _municipality(request, code)
    return get_object_or_404(selectors.structures_kept_by(request.user, municipality), pk=pk)


def _staff_url(code: str) -> str:
    return reverse("directory:cooperation_staff", kwargs={"code": code})


@login_required
def cooperation_staff(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    """The municipality's entries, what is out of date first."""
    municipality = _municipality(request, code)
    entries = selectors.structures_kept_by(request.user, municipality)
    stale = list(selectors.out_of_date(entries))
    context = {
        "municipality": municipality,
        "stale": [(entry, entry.out_of_date_reasons()) for entry in stale],
        "groups": selectors.grouped_by_kind(entries),
        "kinds": CooperationKind,
    }
    return render(request, PAGES + "staff.html", context)


def _save_entry(
    request: AuthenticatedHttpRequest,
    municipality: Municipality,
    kind: str,
    entry: CooperationStructure | None,
) -> HttpResponse:
    form_class = cooperation_form_class(kind)
    instance = entry or CooperationStructure(municipality=municipality, kind=kind)
    form = form_class(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        if entry is None:
            services.cooperation_create(
                actor=request.user, municipality=municipality, kind=kind, fields=form.cleaned_data
            )
        else:
            services.cooperation_update(actor=request.user, entry=entry, fields=form.cleaned_data)
        messages.success(request, _("Tiedot tallennettiin ja merkittiin tarkistetuiksi tänään."))
        return redirect(_staff_url(municipality.code))
    context = {
        "form": form,
        "municipality": municipality,
        "entry": entry,
        "kind_label": CooperationKind(kind).label,
        "back": _staff_url(municipality.code),
    }
    status = 400 if form.errors else 200
    return render(request, PAGES + "entry_form.html", context, status=status)


@login_required
def cooperation_create(request: AuthenticatedHttpRequest, code: str, kind: str) -> HttpResponse:
    municipality = _municipality(request, code)
    if kind not in CooperationKind.values:
        raise Http404
    return _save_entry(request, municipality, kind, None)


@login_required
def cooperation_edit(request: AuthenticatedHttpRequest, code: str, pk: int) -> HttpResponse:
    entry = _entry(request, code, pk)
    return _save_entry(request, entry.municipality, entry.kind, entry)


@require_POST
@login_required
def cooperation_checked(request: AuthenticatedHttpRequest, code: str, pk: int) -> HttpResponse:
    entry = _entry(request, code, pk)
    services.cooperation_mark_checked(actor=request.user, entry=entry)
    messages.success(request, _("%(title)s merkittiin tarkistetuksi tänään.") % {"title": entry})
    return redirect(_staff_url(code))


@login_required
def cooperation_delete(request: AuthenticatedHttpRequest, code: str, pk: int) -> HttpResponse:
    entry = _entry(request, code, pk)
    if request.method == "POST":
        services.cooperation_delete(actor=request.user, entry=entry)
        messages.success(request, _("%(title)s poistettiin.") % {"title": entry})
        return redirect(_staff_url(code))
    context = {"what": entry, "back": _staff_url(code), "municipality": entry.municipality}
    return render(request, PAGES + "confirm_delete.html", context)


# A project's regional cooperation and support ------------------------------------------------


def _project(request: AuthenticatedHttpRequest, slug: str) -> Project:
    return object_to_manage(
        projects_for_staff(request.user), projects_administered_by(request.user), slug=slug
    )


def _activities_url(project: Project) -> str:
    return reverse("directory:project_activities", kwargs={"slug": project.slug})


def _save_activity(
    request: AuthenticatedHttpRequest, project: Project, activity: ProjectActivity | None
) -> tuple[ActivityForm, HttpResponse | None]:
    form = ActivityForm(request.POST or None, instance=activity, project=project)
    if request.method != "POST" or not form.is_valid():
        return form, None
    data = dict(form.cleaned_data)
    municipalities = data.pop("municipalities")
    if activity is None:
        services.activity_create(
            actor=request.user, project=project, municipalities=municipalities, **data
        )
    else:
        services.activity_update(
            actor=request.user, activity=activity, municipalities=municipalities, **data
        )
    messages.success(request, _("Merkintä tallennettiin."))
    return form, redirect(_activities_url(project))


@login_required
def project_activities(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """The project's entries and a form to add one."""
    project = _project(request, slug)
    form, done = _save_activity(request, project, None)
    if done:
        return done
    context = {
        "project": project,
        "activities": selectors.project_activities(project),
        "form": form,
    }
    return render(request, PAGES + "activities.html", context, status=400 if form.errors else 200)


@login_required
def activity_edit(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    project = _project(request, slug)
    activity = get_object_or_404(selectors.project_activities(project), pk=pk)
    form, done = _save_activity(request, project, activity)
    if done:
        return done
    context = {"project": project, "activity": activity, "form": form}
    context["back"] = _activities_url(project)
    status = 400 if form.errors else 200
    return render(request, PAGES + "activity_form.html", context, status=status)


@login_required
def activity_delete(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    project = _project(request, slug)
    activity = get_object_or_404(selectors.project_activities(project), pk=pk)
    if request.method == "POST":
        services.activity_delete(actor=request.user, activity=activity)
        messages.success(request, _("%(title)s poistettiin.") % {"title": activity})
        return redirect(_activities_url(project))
    context = {"what": activity, "back": _activities_url(project), "project": project}
    return render(request, PAGES + "confirm_delete.html", context)
