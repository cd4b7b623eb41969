"""The public answer form: no account, no JavaScript, and no cookie but the CSRF one.

The survey's open link (``surveys:answer``) and a personal invitation link
(``invitation_views``) show the same form. A response keeps only the wave, the date, the
optional pairing hash and the background answers; nothing here writes a log entry, a session
or a message about the respondent.
"""

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from yhdessa.core import ratelimits
from yhdessa.core.ratelimits import limited
from yhdessa.surveys import services
from yhdessa.surveys.forms import AnswerForm
from yhdessa.surveys.models import Wave
from yhdessa.surveys.selectors import survey_items

WaveState = services.WaveState


def public_wave(pk: int, key: str) -> Wave:
    """A wave of a survey in a public project (as ``selectors.open_waves``), open or not."""
    return get_object_or_404(
        Wave.objects.select_related(
            "survey__project", "survey__municipality", "survey__instrument_version"
        ),
        survey_id=pk,
        key=key,
        survey__project__is_public=True,
    )


def not_open(request: HttpRequest, wave: Wave, state: WaveState) -> HttpResponse:
    """A wave that is not open yet is a page that will work later (200); a closed one is
    gone for good (410), which also tells link checkers not to come back."""
    status = 410 if state is WaveState.CLOSED else 200
    context = {"survey": wave.survey, "wave": wave, "closed": state is WaveState.CLOSED}
    return render(request, "surveys/answer_not_open.html", context, status=status)


def already_answered(request: HttpRequest, wave: Wave) -> HttpResponse:
    return render(request, "surveys/invitation_used.html", {"survey": wave.survey, "wave": wave})


def answer_page(
    request: HttpRequest, wave: Wave, *, invitation_token: str | None = None
) -> HttpResponse:
    """Show the form, or save a valid answer and redirect to the thanks page (POST/redirect/GET)."""
    survey = wave.survey
    state = services.wave_state(wave, timezone.now())
    if state is not WaveState.OPEN:
        return not_open(request, wave, state)
    form = AnswerForm(
        request.POST if request.method == "POST" else None,
        survey=survey,
        items=list(survey_items(survey)),
        municipalities=survey.project.partner_municipalities.order_by("name"),
    )
    if form.is_bound and form.is_valid():
        try:
            services.response_submit(
                wave=wave, invitation_token=invitation_token, **form.submission()
            )
        except ValidationError as error:
            if error.code == "pairing_taken":
                form.add_error("pairing_code", error)
            elif error.code == "used":
                return already_answered(request, wave)
            elif error.code in ("closed", "not_yet_open"):
                return not_open(request, wave, services.wave_state(wave, timezone.now()))
            else:
                raise Http404 from None
        else:
            return redirect("surveys:answer_thanks", pk=survey.pk, wave=wave.key)
    context = {"survey": survey, "wave": wave, "form": form, "invited": bool(invitation_token)}
    return render(request, "surveys/answer_form.html", context, status=400 if form.errors else 200)


@limited(ratelimits.SURVEY_ANSWER, ratelimits.SURVEY_ANSWER_HOURLY)
def answer(request: HttpRequest, pk: int, wave: str) -> HttpResponse:
    return answer_page(request, public_wave(pk, wave))


def answer_thanks(request: HttpRequest, pk: int, wave: str) -> HttpResponse:
    current = public_wave(pk, wave)
    later = current.survey.waves.filter(position__gt=current.position).exists()
    context = {"survey": current.survey, "wave": current, "later_waves": later}
    return render(request, "surveys/answer_thanks.html", context)
