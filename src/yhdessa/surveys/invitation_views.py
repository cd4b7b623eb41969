"""Personal invitation links, and the staff page that sends them and shows response rates.

Opening a link only shows the form: mail scanners open links before people do. The link is
used up in the transaction that saves the answers (``services.response_submit``).
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache

from yhdessa.core import ratelimits
from yhdessa.core.http import AuthenticatedHttpRequest
from yhdessa.core.ratelimits import limited
from yhdessa.surveys import services
from yhdessa.surveys.answer_views import already_answered, answer_page
from yhdessa.surveys.forms import InvitationForm, ReminderForm
from yhdessa.surveys.models import Invitation, Response, Survey, Wave
from yhdessa.surveys.selectors import surveys_for_staff, surveys_managed_by


def _unlogged(response: HttpResponse) -> HttpResponse:
    """Keep the token in the path out of Django's request log (a form with errors is 400,
    a closed wave 410): a log reader could otherwise answer in the invitee's name."""
    response._has_been_logged = True  # type: ignore[attr-defined]
    return response


@never_cache
@limited(ratelimits.SURVEY_ANSWER, ratelimits.SURVEY_ANSWER_HOURLY)
def invitation(request: HttpRequest, token: str) -> HttpResponse:
    found = get_object_or_404(
        Invitation.objects.select_related(
            "wave__survey__project",
            "wave__survey__municipality",
            "wave__survey__instrument_version",
        ),
        token_hash=services.invitation_token_hash(token),
        wave__survey__project__is_public=True,
    )
    if found.is_used:
        return already_answered(request, found.wave)
    return _unlogged(answer_page(request, found.wave, invitation_token=token))


# Staff -----------------------------------------------------------------------------------------


def _count(model: type[Invitation] | type[Response], **filters: object) -> Coalesce:
    rows = (
        model.objects.filter(wave=OuterRef("pk"), **filters)
        .order_by()
        .values("wave")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(rows, output_field=IntegerField()), 0)


def waves_with_counts(survey: Survey) -> QuerySet[Wave]:
    """The survey's waves with how many were invited, how many of them answered, and how many
    answers there are in all (the open link too), in one query however many there are."""
    return survey.waves.annotate(
        invited=_count(Invitation),
        answered=_count(Invitation, is_used=True),
        waiting=_count(Invitation, is_used=False),
        response_count=_count(Response),
    ).order_by("position", "pk")


@dataclass(frozen=True)
class WaveRow:
    wave: Wave
    state: services.WaveState
    rate: int | None  # per cent, None when nobody was invited

    @property
    def sendable(self) -> bool:
        return self.state is not services.WaveState.CLOSED


def _rows(survey: Survey) -> list[WaveRow]:
    now = timezone.now()
    rows = []
    for wave in waves_with_counts(survey):
        counts: Any = wave  # with the annotations of waves_with_counts
        rate = None
        if counts.invited:
            exact = Decimal(counts.answered * 100) / Decimal(counts.invited)
            rate = int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))
        rows.append(WaveRow(wave=wave, state=services.wave_state(wave, now), rate=rate))
    return rows


def _send(request: AuthenticatedHttpRequest, form: InvitationForm) -> None:
    result = services.invitations_send(
        actor=request.user,
        wave=form.chosen_wave(),
        emails=form.cleaned_data["emails"],
        language=form.cleaned_data["language"],
    )
    messages.success(
        request,
        ngettext(
            "Kutsu lähetettiin %(count)s osoitteeseen.",
            "Kutsu lähetettiin %(count)s osoitteeseen.",
            result.sent,
        )
        % {"count": result.sent},
    )
    if result.skipped:
        messages.info(
            request,
            _(
                "Nämä osoitteet oli jo kutsuttu tälle kierrokselle, joten niille ei lähetetty "
                "uutta kutsua: %(emails)s. Vastaamattomille voit lähettää muistutuksen."
            )
            % {"emails": ", ".join(result.skipped)},
        )


def _remind(request: AuthenticatedHttpRequest, form: ReminderForm) -> None:
    count = services.invitations_remind(
        actor=request.user, wave=form.chosen_wave(), language=form.cleaned_data["language"]
    )
    messages.success(
        request,
        ngettext(
            "Muistutus lähetettiin %(count)s vastaamattomalle.",
            "Muistutus lähetettiin %(count)s vastaamattomalle.",
            count,
        )
        % {"count": count},
    )


def _invitations_of(survey: Survey) -> QuerySet[Invitation]:
    return (
        Invitation.objects.filter(wave__survey=survey)
        .select_related("wave")
        .order_by("wave__position", "wave", "email")
    )


@login_required
def invitations(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Response rates for the survey's staff; sending and the addresses for its managers
    (404 to people outside the survey, 403 to its staff who may not manage it)."""
    survey = get_object_or_404(surveys_for_staff(request.user).select_related("project"), pk=pk)
    can_manage = surveys_managed_by(request.user).filter(pk=survey.pk).exists()
    if request.method == "POST" and not can_manage:
        raise PermissionDenied
    rows = _rows(survey)
    sendable = [row.wave for row in rows if row.sendable]
    posted = request.POST if request.method == "POST" else None
    is_reminder = posted is not None and posted.get("action") == "remind"
    invite_form = InvitationForm(None if is_reminder else posted, waves=sendable)
    remind_form = ReminderForm(posted if is_reminder else None, waves=sendable)
    form = remind_form if is_reminder else invite_form
    if form.is_bound and form.is_valid():
        try:
            if is_reminder:
                _remind(request, remind_form)
            else:
                _send(request, invite_form)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("surveys:invitations", pk=survey.pk)
    context = {
        "survey": survey,
        "rows": rows,
        "can_manage": can_manage,
        "invite_form": invite_form,
        "remind_form": remind_form,
        "waiting": sum(getattr(row.wave, "waiting", 0) for row in rows if row.sendable),
        "invitations": _invitations_of(survey) if can_manage else None,
    }
    status = 400 if form.errors else 200
    return render(request, "surveys/invitations.html", context, status=status)
