"""Writes of surveys and their waves from the staff pages (survey_views.py).

The forms check what they can; the rules that protect answers are checked again here, in the
transaction that writes, because answers may come in between opening the page and saving it:
a survey that has been answered keeps its instrument version, and an answered wave is never
deleted (its responses would go with it).
"""

from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from yhdessa.accounts.models import User
from yhdessa.core.audit import log_action
from yhdessa.projects.models import Project
from yhdessa.surveys.models import Response, Survey, Wave

if TYPE_CHECKING:
    from yhdessa.surveys.survey_forms import BaseWaveFormSet, SurveyForm


@transaction.atomic
def survey_save(
    *, actor: User | None, project: Project, form: "SurveyForm", waves: "BaseWaveFormSet"
) -> Survey:
    """Create or change a survey and its waves from their validated forms, or nothing."""
    survey: Survey = form.instance
    creating = survey.pk is None
    if not creating:
        _check_version_kept(survey)
    survey.project = project
    survey = form.save()
    waves.instance = survey
    _check_deleted_waves_unanswered(survey, waves)
    try:
        with transaction.atomic():
            waves.save()
    except IntegrityError as error:
        # Two waves swapping keys in one save collide on the way; the form saw no duplicate.
        raise ValidationError(
            _("Kierrosten tunnisteita ei voitu tallentaa. Vaihda tunnisteet yksi kerrallaan.")
        ) from error
    log_action(
        actor=actor,
        action="surveys.survey.created" if creating else "surveys.survey.changed",
        target=survey,
        data=_changes(form, waves),
    )
    return survey


def _check_version_kept(survey: Survey) -> None:
    saved = Survey.objects.values_list("instrument_version", flat=True).get(pk=survey.pk)
    if (
        saved != survey.instrument_version_id
        and Response.objects.filter(wave__survey=survey).exists()
    ):
        raise ValidationError(
            {"instrument_version": _("Kyselyyn on jo vastattu, joten mittaria ei voi vaihtaa.")}
        )


def _check_deleted_waves_unanswered(survey: Survey, waves: "BaseWaveFormSet") -> None:
    doomed = [form.instance.pk for form in waves.deleted_forms if form.instance.pk is not None]
    if not doomed:
        return
    # The lock keeps a new response out of these waves until the transaction ends
    # (PostgreSQL; SQLite's IMMEDIATE transaction already holds the write lock).
    list(Wave.objects.select_for_update().filter(survey=survey, pk__in=doomed))
    answered = list(
        Wave.objects.filter(pk__in=doomed, responses__isnull=False)
        .distinct()
        .values_list("label", flat=True)
    )
    if answered:
        raise ValidationError(
            _("Kierrosta %(wave)s ei voi poistaa, koska siihen on jo vastattu."),
            params={"wave": ", ".join(answered)},
        )


def _changes(form: "SurveyForm", waves: "BaseWaveFormSet") -> dict[str, Any]:
    """What the audit log keeps: the changed fields and the keys of the waves touched."""
    data: dict[str, Any] = {name: str(form.cleaned_data[name]) for name in form.changed_data}
    touched = {
        "added": [wave.key for wave in waves.new_objects],
        "changed": [wave.key for wave, _fields in waves.changed_objects],
        "deleted": [wave.key for wave in waves.deleted_objects],
    }
    if any(touched.values()):
        data["waves"] = {what: keys for what, keys in touched.items() if keys}
    return data
