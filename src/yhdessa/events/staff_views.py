"""Staff pages of events: the project's event list, creating, editing, copying, cancelling."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from yhdessa.accounts.selectors import projects_for_staff
from yhdessa.core.http import AuthenticatedHttpRequest
from yhdessa.events import selectors, services
from yhdessa.events.forms import EventForm
from yhdessa.events.models import Event


@login_required
def project_events(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    project = get_object_or_404(
        projects_for_staff(request.user) | selectors.projects_for_event_staff(request.user),
        slug=slug,
    )
    events = (
        Event.objects.filter(project=project)
        .select_related("theme", "municipality")
        .annotate(**selectors.REGISTRATION_COUNTS)
        .order_by("-starts_at")
    )
    managed = set(
        selectors.events_for_staff(request.user)
        .filter(project=project)
        .values_list("pk", flat=True)
    )
    can_create = selectors.projects_for_event_staff(request.user).filter(pk=project.pk).exists()
    context = {"project": project, "events": events, "managed": managed, "can_create": can_create}
    return render(request, "events/staff/project_events.html", context)


@login_required
def event_create(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    project = get_object_or_404(selectors.projects_for_event_staff(request.user), slug=slug)
    municipalities = selectors.event_municipalities(request.user, project)
    form = EventForm(
        request.POST or None, request.FILES or None, project=project, municipalities=municipalities
    )
    if request.method == "POST" and form.is_valid():
        event = services.event_save(actor=request.user, project=project, form=form)
        messages.success(request, _("Tapahtuma %(title)s luotiin.") % {"title": event.title})
        return redirect("events:event_staff", pk=event.pk)
    context = {"form": form, "project": project}
    return render(
        request, "events/staff/event_form.html", context, status=400 if form.errors else 200
    )


@login_required
def event_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(
        selectors.events_for_staff(request.user).select_related("project"), pk=pk
    )
    municipalities = selectors.event_municipalities(request.user, event.project)
    form = EventForm(
        request.POST or None,
        request.FILES or None,
        instance=event,
        project=event.project,
        municipalities=municipalities,
    )
    if request.method == "POST" and form.is_valid():
        try:
            event = services.event_save(actor=request.user, project=event.project, form=form)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Muutokset tallennettiin."))
            return redirect("events:event_staff", pk=event.pk)
    context = {"form": form, "project": event.project, "event": event}
    return render(
        request, "events/staff/event_form.html", context, status=400 if form.errors else 200
    )


@login_required
def event_staff(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """An event's own staff page: its figures and the ways to manage it."""
    events = selectors.events_for_staff(request.user).annotate(**selectors.REGISTRATION_COUNTS)
    event = get_object_or_404(events.select_related("project", "theme", "municipality"), pk=pk)
    return render(request, "events/staff/event_staff.html", {"event": event})


@require_POST
@login_required
def event_copy(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(selectors.events_for_staff(request.user), pk=pk)
    copy = services.event_copy(actor=request.user, event=event)
    messages.success(request, _("Tapahtumasta tehtiin kopio. Tarkista päivämäärät."))
    return redirect("events:event_edit", pk=copy.pk)


@login_required
def event_cancel(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(selectors.events_for_staff(request.user), pk=pk)
    if request.method == "POST":
        services.event_cancel(actor=request.user, event_id=event.pk)
        messages.success(request, _("Tapahtuma peruttiin ja ilmoittautuneille lähetettiin tieto."))
        return redirect("events:event_staff", pk=event.pk)
    return render(request, "events/staff/event_cancel.html", {"event": event})
