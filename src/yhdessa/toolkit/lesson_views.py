"""Lessons learned and the vision workshop's words: public pages of a project, and the staff
pages on which its admins keep them.
"""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from yhdessa.core.http import AuthenticatedHttpRequest
from yhdessa.projects.models import Project
from yhdessa.toolkit import interview_selectors as selectors
from yhdessa.toolkit import interview_services as services
from yhdessa.toolkit.interview_forms import LessonForm, VisionWordForm
from yhdessa.toolkit.interview_views import delete_page, edit_page, posted
from yhdessa.toolkit.models import Lesson, VisionWord
from yhdessa.toolkit.vision_cloud import word_cloud_uri

PAGES = "toolkit/lessons/"


def _staff_url(project: Project, anchor: str) -> str:
    return reverse("toolkit:knowledge_staff", kwargs={"slug": project.slug}) + f"#{anchor}"


# Public pages --------------------------------------------------------------------------------


def project_lessons(request: HttpRequest, slug: str) -> HttpResponse:
    project = selectors.readable_project(request.user, slug)
    context = {
        "project": project,
        "groups": selectors.lessons_by_category(project),
        "administers": selectors.may_administer(request.user, project),
    }
    return render(request, PAGES + "lessons.html", context)


def project_vision(request: HttpRequest, slug: str) -> HttpResponse:
    project = selectors.readable_project(request.user, slug)
    words = list(selectors.vision_words(project))
    context = {
        "project": project,
        "words": words,
        "cloud": word_cloud_uri({word.word: word.frequency for word in words}),
        "estimated": any(word.frequency_is_estimate for word in words),
        "administers": selectors.may_administer(request.user, project),
    }
    return render(request, PAGES + "vision.html", context)


# Staff pages ---------------------------------------------------------------------------------


@login_required
def knowledge_staff(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """The project's lessons and vision words, to add, change and remove."""
    project = selectors.project_to_administer(request.user, slug)
    context = {
        "project": project,
        "lessons": selectors.lessons_of(project),
        "words": selectors.vision_words(project),
    }
    return render(request, PAGES + "staff.html", context)


@login_required
def lesson_create(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    project = selectors.project_to_administer(request.user, slug)
    return _lesson_form(request, project, Lesson(project=project))


@login_required
def lesson_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    lesson = selectors.lesson_to_manage(request.user, pk)
    return _lesson_form(request, lesson.project, lesson)


def _lesson_form(
    request: AuthenticatedHttpRequest, project: Project, lesson: Lesson
) -> HttpResponse:
    return edit_page(
        request,
        LessonForm(posted(request), instance=lesson),
        lesson,
        name="lesson",
        create=lambda data: services.lesson_add(actor=request.user, project=project, **data),
        change=lambda data: services.lesson_change(actor=request.user, lesson=lesson, **data),
        done=lambda _saved: _staff_url(project, "lessons"),
        template=PAGES + "lesson_form.html",
        context={"project": project},
    )


@login_required
def lesson_delete(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    lesson = selectors.lesson_to_manage(request.user, pk)
    return delete_page(
        request,
        what=_("Poista opittu asia: %(lesson)s") % {"lesson": lesson},
        delete=lambda: services.lesson_delete(actor=request.user, lesson=lesson),
        back=_staff_url(lesson.project, "lessons"),
    )


@login_required
def vision_word_create(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    project = selectors.project_to_administer(request.user, slug)
    return _word_form(request, project, VisionWord(project=project))


@login_required
def vision_word_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    vision_word = selectors.vision_word_to_manage(request.user, pk)
    return _word_form(request, vision_word.project, vision_word)


def _word_form(
    request: AuthenticatedHttpRequest, project: Project, vision_word: VisionWord
) -> HttpResponse:
    return edit_page(
        request,
        VisionWordForm(posted(request), instance=vision_word),
        vision_word,
        name="vision_word",
        create=lambda data: services.vision_word_add(actor=request.user, project=project, **data),
        change=lambda data: services.vision_word_change(
            actor=request.user, vision_word=vision_word, **data
        ),
        done=lambda _saved: _staff_url(project, "vision"),
        template=PAGES + "vision_word_form.html",
        context={"project": project},
    )


@login_required
def vision_word_delete(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    vision_word = selectors.vision_word_to_manage(request.user, pk)
    return delete_page(
        request,
        what=_("Poista visiosana: %(word)s") % {"word": vision_word.word},
        delete=lambda: services.vision_word_delete(actor=request.user, vision_word=vision_word),
        back=_staff_url(vision_word.project, "vision"),
    )
