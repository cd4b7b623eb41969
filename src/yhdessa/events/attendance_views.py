"""Staff pages for an event's attendance, walk-ins, attendance-list import and exports.

Every button is a plain form that works without JavaScript; htmx only swaps the changed row
in place and asks the counts at the top to refresh themselves (``HX-Trigger``).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from yhdessa.core.http import AuthenticatedHttpRequest
from yhdessa.events import attendance, exports, selectors
from yhdessa.events.forms import ImportForm, WalkInForm
from yhdessa.events.models import Attendance, Event

PAGE = "events/staff/attendance.html"
#: The htmx event that makes the counts at the top of the page reload themselves.
CHANGED = "attendance-changed"


def _event(request: AuthenticatedHttpRequest, pk: int) -> Event:
    """The event if the user is its staff; anyone else learns nothing (404)."""
    return get_object_or_404(
        selectors.events_for_staff(request.user).select_related("project"), pk=pk
    )


def _is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


def _page_url(event: Event, anchor: str = "") -> str:
    return reverse("events:attendance", kwargs={"pk": event.pk}) + (f"#{anchor}" if anchor else "")


def _render_page(
    request: AuthenticatedHttpRequest,
    event: Event,
    walk_in_form: WalkInForm | None = None,
    status: int = 200,
) -> HttpResponse:
    context = {
        "event": event,
        "counts": attendance.attendance_counts(event),
        "registrations": attendance.registrations_for_marking(event),
        "walk_ins": event.walk_ins.select_related("background").order_by("created_at", "pk"),
        "walk_in_form": walk_in_form or WalkInForm(event=event),
    }
    response = render(request, PAGE, context, status=status)
    patch_vary_headers(response, ["HX-Request", "HX-Target"])
    return response


@login_required
def attendance_page(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The attendance list; for htmx, just the counts when they asked to refresh."""
    event = _event(request, pk)
    if _is_htmx(request) and request.headers.get("HX-Target") == "attendance-counts":
        context = {"event": event, "counts": attendance.attendance_counts(event), "announce": True}
        response = render(request, f"{PAGE}#counts", context)
        patch_vary_headers(response, ["HX-Request", "HX-Target"])
        return response
    return _render_page(request, event)


@require_POST
@login_required
def attendance_mark(
    request: AuthenticatedHttpRequest, pk: int, registration_pk: int
) -> HttpResponse:
    event = _event(request, pk)
    registration = get_object_or_404(
        attendance.registrations_for_marking(event), pk=registration_pk
    )
    value = request.POST.get("attendance", "")
    if value not in Attendance.values:
        return HttpResponseBadRequest(_("Tuntematon läsnäolotieto."))
    attendance.attendance_mark(actor=request.user, registration=registration, attendance=value)
    if _is_htmx(request):
        response = render(request, f"{PAGE}#row", {"event": event, "registration": registration})
        response["HX-Trigger"] = CHANGED
        return response
    messages.success(
        request,
        _("%(name)s: %(attendance)s.")
        % {
            "name": registration.name or _("Anonymisoitu"),
            "attendance": registration.get_attendance_display(),
        },
    )
    return redirect(_page_url(event, f"registration-{registration.pk}"))


@require_POST
@login_required
def attendance_mark_all(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    event = _event(request, pk)
    count = attendance.attendance_mark_all_present(actor=request.user, event=event)
    messages.success(
        request, _("Paikalla oleviksi merkittiin %(count)s henkilöä.") % {"count": count}
    )
    return redirect(_page_url(event))


@require_POST
@login_required
def walk_in_add(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    event = _event(request, pk)
    form = WalkInForm(request.POST, event=event)
    if form.is_valid():
        try:
            attendance.walk_in_add(
                actor=request.user,
                event=event,
                background=form.cleaned_data["background"],
                count=form.cleaned_data["count"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Ilmoittautumattomat osallistujat lisättiin."))
            return redirect(_page_url(event, "walk-ins"))
    return _render_page(request, event, walk_in_form=form, status=400)


@require_POST
@login_required
def walk_in_delete(request: AuthenticatedHttpRequest, pk: int, walk_in_pk: int) -> HttpResponse:
    event = _event(request, pk)
    if attendance.walk_in_delete(actor=request.user, event=event, walk_in_id=walk_in_pk):
        messages.success(request, _("Kirjaus poistettiin."))
    return redirect(_page_url(event, "walk-ins"))


@login_required
def attendance_import(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    event = _event(request, pk)
    posted = request.method == "POST"
    form = ImportForm(request.POST, request.FILES) if posted else ImportForm()
    if posted and form.is_valid():
        try:
            result = attendance.attendance_import(
                actor=request.user, event=event, upload=form.cleaned_data["file"]
            )
        except ValidationError as error:
            form.add_error("file", error)
        else:
            messages.success(
                request,
                _(
                    "Läsnäololista tuotiin: paikalla %(present)s, poissa %(absent)s "
                    "(muuttui %(changed)s)."
                )
                % {"present": result.present, "absent": result.absent, "changed": result.changed},
            )
            return redirect(_page_url(event))
    status = 400 if form.errors else 200
    return render(
        request,
        "events/staff/attendance_import.html",
        {"event": event, "form": form},
        status=status,
    )


def _export(
    request: AuthenticatedHttpRequest, pk: int, file_format: exports.ExportFormat
) -> HttpResponse:
    event = _event(request, pk)
    export = exports.participants_export(actor=request.user, event=event, file_format=file_format)
    return HttpResponse(
        export.content,
        content_type=export.content_type,
        headers={
            "Content-Disposition": content_disposition_header(
                as_attachment=True, filename=export.filename
            ),
            "Cache-Control": "no-store, private",
        },
    )


@login_required
def participants_csv(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _export(request, pk, "csv")


@login_required
def participants_xlsx(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _export(request, pk, "xlsx")
