"""Interviews and their coded themes: the staff pages (interviews, passages, the code list,
the theme table) and the public findings of a project.

Who sees what is decided in ``interview_selectors`` (see its docstring); every write goes
through ``interview_services``. Form pages answer 400 when the form has errors.
"""

from collections.abc import Callable
from typing import Any, TypeVar

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Model
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from yhdessa.core.disclosure import min_cell_size
from yhdessa.core.http import AuthenticatedHttpRequest
from yhdessa.projects.models import Project
from yhdessa.surveys.selectors import survey_municipalities
from yhdessa.toolkit import interview_selectors as selectors
from yhdessa.toolkit import interview_services as services
from yhdessa.toolkit.interview_forms import InterviewForm, PassageForm, ThemeForm
from yhdessa.toolkit.models import CodedPassage, Interview, InterviewTheme

PAGES = "toolkit/interviews/"
M = TypeVar("M", bound=Model)


# Helpers shared with lesson_views ------------------------------------------------------------


def edit_page(
    request: AuthenticatedHttpRequest,
    form: forms.ModelForm,
    obj: M,
    *,
    name: str,
    create: Callable[[dict[str, Any]], M],
    change: Callable[[dict[str, Any]], M],
    done: Callable[[M], str],
    template: str,
    context: dict[str, Any],
) -> HttpResponse:
    """A new (``obj`` unsaved) or existing object's form: a valid post goes through
    ``create`` or ``change`` to the address ``done`` gives for the saved object; otherwise
    the form (400 with its errors, the service's refusal among them). The template gets the
    object as ``name`` (``None`` for a new one)."""
    creating = obj.pk is None
    if request.method == "POST" and form.is_valid():
        try:
            saved = (create if creating else change)(form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Tallennettiin."))
            return redirect(done(saved))
    context = {"form": form, name: None if creating else obj, **context}
    return render(request, template, context, status=400 if form.errors else 200)


def delete_page(
    request: AuthenticatedHttpRequest, *, what: str, delete: Callable[[], None], back: str
) -> HttpResponse:
    """A confirmation (GET) and the deletion (POST)."""
    if request.method == "POST":
        delete()
        messages.success(request, _("Poistettiin."))
        return redirect(back)
    return render(request, PAGES + "confirm_delete.html", {"what": what, "back": back})


def posted(request: HttpRequest) -> Any:
    return request.POST if request.method == "POST" else None


def _interviews_url(project: Project) -> str:
    return reverse("toolkit:interview_list", kwargs={"slug": project.slug})


def _interview_url(interview: Interview, anchor: str = "") -> str:
    url = reverse("toolkit:interview_detail", kwargs={"pk": interview.pk})
    return url + (f"#{anchor}" if anchor else "")


def _codes_url(project: Project) -> str:
    return reverse("toolkit:theme_list", kwargs={"slug": project.slug})


# Interviews ----------------------------------------------------------------------------------


@login_required
def interview_list(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    project = selectors.project_for_interviews(request.user, slug)
    context = {
        "project": project,
        "interviews": selectors.interviews_of(request.user, project),
        "administers": selectors.may_administer(request.user, project),
    }
    return render(request, PAGES + "interview_list.html", context)


@login_required
def interview_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    interview = selectors.interview_to_manage(request.user, pk)
    context = {"interview": interview, "passages": selectors.passages_of(interview)}
    return render(request, PAGES + "interview_detail.html", context)


@login_required
def interview_create(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    project = selectors.project_for_interviews(request.user, slug)
    return _interview_form(request, project, Interview(project=project))


@login_required
def interview_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    interview = selectors.interview_to_manage(request.user, pk)
    return _interview_form(request, interview.project, interview)


def _interview_form(
    request: AuthenticatedHttpRequest, project: Project, interview: Interview
) -> HttpResponse:
    # Every partner for the project's admins, their own municipality for coordinators.
    form = InterviewForm(
        posted(request),
        instance=interview,
        municipalities=survey_municipalities(request.user, project),
        municipality_required=not selectors.may_administer(request.user, project),
    )
    return edit_page(
        request,
        form,
        interview,
        name="interview",
        create=lambda data: services.interview_create(actor=request.user, project=project, **data),
        change=lambda data: services.interview_update(
            actor=request.user, interview=interview, **data
        ),
        done=_interview_url,
        template=PAGES + "interview_form.html",
        context={"project": project},
    )


@login_required
def interview_delete(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    interview = selectors.interview_to_manage(request.user, pk)
    return delete_page(
        request,
        what=_("Poista haastattelu: %(interview)s") % {"interview": interview},
        delete=lambda: services.interview_delete(actor=request.user, interview=interview),
        back=_interviews_url(interview.project),
    )


# Coded passages ------------------------------------------------------------------------------


@login_required
def passage_create(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    interview = selectors.interview_to_manage(request.user, pk)
    return _passage_form(request, interview, CodedPassage(interview=interview))


@login_required
def passage_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    passage = selectors.passage_to_manage(request.user, pk)
    return _passage_form(request, passage.interview, passage)


def _passage_form(
    request: AuthenticatedHttpRequest, interview: Interview, passage: CodedPassage
) -> HttpResponse:
    themes = selectors.themes_of(interview.project)
    return edit_page(
        request,
        PassageForm(posted(request), instance=passage, themes=themes),
        passage,
        name="passage",
        create=lambda data: services.passage_add(actor=request.user, interview=interview, **data),
        change=lambda data: services.passage_change(actor=request.user, passage=passage, **data),
        done=lambda _saved: _interview_url(interview, "passages"),
        template=PAGES + "passage_form.html",
        context={
            "interview": interview,
            "no_themes": not themes.exists(),
            "administers": selectors.may_administer(request.user, interview.project),
        },
    )


@login_required
def passage_delete(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    passage = selectors.passage_to_manage(request.user, pk)
    return delete_page(
        request,
        what=_("Poista katkelma: %(passage)s") % {"passage": passage},
        delete=lambda: services.passage_delete(actor=request.user, passage=passage),
        back=_interview_url(passage.interview, "passages"),
    )


# The code list and the theme table -----------------------------------------------------------


@login_required
def theme_table(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """Interviews per theme and by sector, with quotes, over the interviews the user reads."""
    project = selectors.project_for_interviews(request.user, slug)
    interviews = selectors.interviews_for_staff(request.user).filter(project=project)
    context = {
        "project": project,
        "table": selectors.theme_table(interviews, project),
        "administers": selectors.may_administer(request.user, project),
    }
    return render(request, PAGES + "theme_table.html", context)


@login_required
def theme_list(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    project = selectors.project_to_administer(request.user, slug)
    context = {"project": project, "themes": selectors.themes_of(project)}
    return render(request, PAGES + "theme_list.html", context)


@login_required
def theme_create(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    project = selectors.project_to_administer(request.user, slug)
    return _theme_form(request, project, InterviewTheme(project=project))


@login_required
def theme_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    theme = selectors.theme_to_manage(request.user, pk)
    return _theme_form(request, theme.project, theme)


def _theme_form(
    request: AuthenticatedHttpRequest, project: Project, theme: InterviewTheme
) -> HttpResponse:
    return edit_page(
        request,
        ThemeForm(posted(request), instance=theme),
        theme,
        name="theme",
        create=lambda data: services.theme_add(actor=request.user, project=project, **data),
        change=lambda data: services.theme_change(actor=request.user, theme=theme, **data),
        done=lambda _saved: _codes_url(project),
        template=PAGES + "theme_form.html",
        context={"project": project},
    )


@login_required
@require_POST
def theme_move(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    theme = selectors.theme_to_manage(request.user, pk)
    services.theme_move(actor=request.user, theme=theme, up=request.POST.get("direction") == "up")
    return redirect(_codes_url(theme.project) + f"#theme-{theme.pk}")


# Public findings -----------------------------------------------------------------------------


def project_findings(request: HttpRequest, slug: str) -> HttpResponse:
    project = selectors.readable_project(request.user, slug)
    context = {
        "project": project,
        "findings": selectors.findings(project),
        "threshold": min_cell_size(),
    }
    return render(request, PAGES + "findings.html", context)
