"""Public pages of events: the list, an event with its sign-up form, and managing a sign-up."""

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from yhdessa.core import ratelimits
from yhdessa.core.ratelimits import limited
from yhdessa.directory.models import Municipality
from yhdessa.events import calendar, selectors, services
from yhdessa.events.forms import RegistrationForm
from yhdessa.events.models import Registration
from yhdessa.events.tokens import cancel_token, registration_id_from
from yhdessa.projects.selectors import public_projects


def event_list(request: HttpRequest) -> HttpResponse:
    now = timezone.now()
    events = selectors.public_events()
    return render(
        request,
        "events/event_list.html",
        {
            "upcoming": events.filter(ends_at__gte=now),
            "past": events.filter(ends_at__lt=now).order_by("-starts_at")[:50],
        },
    )


@limited(ratelimits.SIGN_UP, ratelimits.SIGN_UP_HOURLY)
def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(selectors.event_for_registration(pk))
    form = RegistrationForm(request.POST or None, event=event)
    if request.method == "POST" and form.is_valid():
        try:
            registration = services.registration_create(
                event_id=event.pk, data=form.to_input(get_language())
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("events:registration_manage", token=cancel_token(registration.pk))
    registration_error = None
    try:
        services.check_registration_open(event, timezone.now())
    except ValidationError as error:
        registration_error = error.messages[0]
    context = {
        "event": event,
        "form": form,
        "seats_left": services.seats_left(event),
        "registration_error": registration_error,
    }
    return render(request, "events/event_detail.html", context, status=400 if form.errors else 200)


def registration_manage(request: HttpRequest, token: str) -> HttpResponse:
    """What the registrant's link opens: their sign-up, and the button to cancel it."""
    registration_id = registration_id_from(token)
    if registration_id is None:
        raise Http404(_("Linkki on virheellinen tai vanhentunut."))
    registration = get_object_or_404(
        Registration.objects.select_related("event"), pk=registration_id, anonymised_at__isnull=True
    )
    if request.method == "POST":
        services.registration_cancel(registration_id=registration.pk)
        return redirect("events:registration_manage", token=token)
    return render(request, "events/registration_manage.html", {"registration": registration})


def _ics_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def event_ics(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(selectors.event_for_registration(pk))
    base_url = request.build_absolute_uri("/")
    return _ics_response(
        calendar.calendar_for([event], name=event.title, base_url=base_url),
        f"tapahtuma-{event.pk}.ics",
    )


def project_calendar(request: HttpRequest, slug: str) -> HttpResponse:
    project = get_object_or_404(public_projects(), slug=slug)
    events = selectors.public_events().filter(project=project)
    base_url = request.build_absolute_uri("/")
    return _ics_response(
        calendar.calendar_for(events, name=str(project), base_url=base_url), f"{project.slug}.ics"
    )


def municipality_calendar(request: HttpRequest, code: str) -> HttpResponse:
    municipality = get_object_or_404(Municipality, code=code)
    events = selectors.public_events().filter(municipality=municipality)
    base_url = request.build_absolute_uri("/")
    return _ics_response(
        calendar.calendar_for(events, name=str(municipality), base_url=base_url),
        f"kunta-{code}.ics",
    )
