"""Staff pages that create and edit a survey and its waves.

A project's admins make surveys of the whole project or of any partner municipality; the
coordinator of a partner municipality makes surveys of their own municipality. Editing is for
the survey's managers (``selectors.surveys_managed_by``). Project members without that role
are refused (403); people outside the project never learn of the page (404).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from yhdessa.accounts.selectors import object_to_manage, projects_for_staff
from yhdessa.core.http import AuthenticatedHttpRequest
from yhdessa.projects.models import Project
from yhdessa.surveys import selectors, survey_services
from yhdessa.surveys.models import Survey
from yhdessa.surveys.survey_forms import ErrorSummary, SurveyForm, answered, wave_formset


def _project_for_new_survey(request: AuthenticatedHttpRequest, slug: str) -> Project:
    creatable = selectors.projects_for_survey_creation(request.user)
    return object_to_manage(projects_for_staff(request.user) | creatable, creatable, slug=slug)


@login_required
def survey_create(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    project = _project_for_new_survey(request, slug)
    return _survey_page(request, project, Survey(project=project))


@login_required
def survey_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    survey = selectors.survey_to_manage(request.user, pk)
    return _survey_page(request, survey.project, survey)


def _survey_page(
    request: AuthenticatedHttpRequest, project: Project, survey: Survey
) -> HttpResponse:
    """The form of a new or an existing survey: shown, or saved and back to the list."""
    creating = survey.pk is None
    title = "" if creating else survey.title  # before the form puts posted values in it
    data = request.POST if request.method == "POST" else None
    form = SurveyForm(
        data,
        instance=survey,
        project=project,
        municipalities=selectors.survey_municipalities(request.user, project),
        whole_project=selectors.may_survey_whole_project(request.user, project),
        version_locked=not creating and selectors.survey_has_responses(survey),
    )
    waves = wave_formset(data, survey, None if creating else selectors.waves_to_edit(survey))
    if data is not None and all([form.is_valid(), waves.is_valid()]):
        try:
            saved = survey_services.survey_save(
                actor=request.user, project=project, form=form, waves=waves
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            message = _("Kysely %(title)s luotiin.") if creating else _("Muutokset tallennettiin.")
            messages.success(request, message % {"title": saved.title})
            return redirect("surveys:project_surveys", slug=project.slug)
    summary = ErrorSummary(form, waves)
    context = {
        "project": project,
        "survey": None if creating else survey,
        "title": title,
        "form": form,
        "summary": summary,
        "waves": [(wave, answered(wave)) for wave in waves.forms],
        "management_form": waves.management_form,
    }
    status = 400 if summary.errors else 200
    return render(request, "surveys/survey_form.html", context, status=status)
