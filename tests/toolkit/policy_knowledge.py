"""Access policies of the interview, lesson and vision pages and API
(merged into tests/access_policy.py), and the small builders their tests share.

The URLs point at an interview of Nivala. Interviews are read and written by the project's
admins and Nivala's coordinator; the project's other members are refused (403); Sievi's
coordinator sees the project's interview pages (for Sievi's interviews) but never learns of
Nivala's (404); outsiders 404. The code list, lessons and vision words are the project
admins' alone. Findings, lessons and vision of a public project are public; of another
project, its members'.
"""

import datetime
from typing import Any

from tests.conftest import Actor, World
from tests.harness.access import Outcome, Policy
from yhdessa.directory.models import Municipality
from yhdessa.projects.models import Project
from yhdessa.toolkit.models import (
    CodedPassage,
    Interview,
    InterviewTheme,
    Lesson,
    LessonCategory,
    Sector,
    VisionWord,
)

A = Actor
O = Outcome  # noqa: E741

# --- Builders ---------------------------------------------------------------------------------


def make_theme(project: Project, name: str = "Viestintä", position: int = 0) -> InterviewTheme:
    theme, _created = InterviewTheme.objects.get_or_create(
        project=project, name=name, defaults={"position": position}
    )
    return theme


def make_interview(
    project: Project,
    municipality: Municipality | None,
    *,
    sector: str = Sector.MUNICIPALITY,
    role: str = "hyvinvointikoordinaattori",
    held_on: datetime.date = datetime.date(2022, 3, 8),
) -> Interview:
    return Interview.objects.create(
        project=project,
        municipality=municipality,
        sector=sector,
        interviewee_role=role,
        held_on=held_on,
        notes="Muistiinpanot",
    )


def make_passage(
    interview: Interview,
    *themes: InterviewTheme,
    text: str = "Tieto ei löydy sivuilta.",
    publishable: bool = False,
) -> CodedPassage:
    passage = CodedPassage.objects.create(interview=interview, text=text, publishable=publishable)
    passage.themes.set(themes or [make_theme(interview.project)])
    return passage


# --- Policies ---------------------------------------------------------------------------------

PUBLIC = dict.fromkeys(Actor, O.OK)
MEMBERS = dict.fromkeys(Actor, O.NOT_FOUND) | {
    A.VIEWER: O.OK,
    A.ORGANISER: O.OK,
    A.PROJECT_ADMIN: O.OK,
}
NOBODY = dict.fromkeys(Actor, O.NOT_FOUND) | {A.ANONYMOUS: O.LOGIN}
# The project's interview pages: its admins and the coordinators of its partner municipalities.
INTERVIEW_PAGES = NOBODY | {
    A.VIEWER: O.FORBIDDEN,
    A.ORGANISER: O.FORBIDDEN,
    A.OTHER_COORDINATOR: O.OK,
    A.COORDINATOR: O.OK,
    A.PROJECT_ADMIN: O.OK,
}
# Nivala's interview: Sievi's coordinator never learns of it.
NIVALA_INTERVIEW = INTERVIEW_PAGES | {A.OTHER_COORDINATOR: O.NOT_FOUND}
# The code list, lessons and vision words: the project's admins.
ADMINS = INTERVIEW_PAGES | {A.OTHER_COORDINATOR: O.FORBIDDEN, A.COORDINATOR: O.FORBIDDEN}
ADMINS_POST = ADMINS | {A.PROJECT_ADMIN: O.REDIRECT}
POST_ONLY = dict.fromkeys(Actor, O.NOT_ALLOWED) | {A.ANONYMOUS: O.LOGIN}

INTERVIEWS_API = dict.fromkeys(Actor, O.NOT_FOUND) | {
    A.ANONYMOUS: O.UNAUTHORIZED,
    A.OTHER_COORDINATOR: O.OK,
    A.COORDINATOR: O.OK,
    A.PROJECT_ADMIN: O.OK,
}


def project(world: World) -> dict[str, Any]:
    return {"slug": world.project.slug}


def hidden_project(world: World) -> dict[str, Any]:
    world.project.is_public = False
    world.project.save(update_fields=["is_public"])
    return project(world)


def interview(world: World) -> dict[str, Any]:
    return {"pk": make_interview(world.project, world.nivala).pk}


def passage(world: World) -> dict[str, Any]:
    return {"pk": make_passage(make_interview(world.project, world.nivala)).pk}


def theme(world: World) -> dict[str, Any]:
    return {"pk": make_theme(world.project).pk}


def lesson(world: World) -> dict[str, Any]:
    made = Lesson.objects.create(
        project=world.project, text="Kohtaaminen on tärkeää.", category=LessonCategory.OTHER
    )
    return {"pk": made.pk}


def vision_word(world: World) -> dict[str, Any]:
    return {"pk": VisionWord.objects.create(project=world.project, word="Ilo").pk}


KNOWLEDGE_POLICIES: dict[str, Policy] = {
    # Public pages
    "toolkit:project_findings": Policy(PUBLIC, kwargs=project),
    "toolkit:project_findings#hidden": Policy(MEMBERS, kwargs=hidden_project),
    "toolkit:project_lessons": Policy(PUBLIC, kwargs=project),
    "toolkit:project_lessons#hidden": Policy(MEMBERS, kwargs=hidden_project),
    "toolkit:project_vision": Policy(PUBLIC, kwargs=project),
    "toolkit:project_vision#hidden": Policy(MEMBERS, kwargs=hidden_project),
    # Interviews
    "toolkit:interview_list": Policy(INTERVIEW_PAGES, kwargs=project),
    "toolkit:interview_create": Policy(INTERVIEW_PAGES, kwargs=project),
    "toolkit:theme_table": Policy(INTERVIEW_PAGES, kwargs=project),
    "toolkit:interview_detail": Policy(NIVALA_INTERVIEW, kwargs=interview),
    "toolkit:interview_edit": Policy(NIVALA_INTERVIEW, kwargs=interview),
    "toolkit:interview_delete": Policy(NIVALA_INTERVIEW, kwargs=interview),
    "toolkit:passage_create": Policy(NIVALA_INTERVIEW, kwargs=interview),
    "toolkit:passage_edit": Policy(NIVALA_INTERVIEW, kwargs=passage),
    "toolkit:passage_delete": Policy(NIVALA_INTERVIEW, kwargs=passage),
    # The code list
    "toolkit:theme_list": Policy(ADMINS, kwargs=project),
    "toolkit:theme_create": Policy(ADMINS, kwargs=project),
    "toolkit:theme_edit": Policy(ADMINS, kwargs=theme),
    "toolkit:theme_move": Policy(POST_ONLY, kwargs=theme),
    "toolkit:theme_move#post": Policy(
        ADMINS_POST, kwargs=theme, method="post", data={"direction": "up"}
    ),
    # Lessons and vision words
    "toolkit:knowledge_staff": Policy(ADMINS, kwargs=project),
    "toolkit:lesson_create": Policy(ADMINS, kwargs=project),
    "toolkit:lesson_edit": Policy(ADMINS, kwargs=lesson),
    "toolkit:lesson_delete": Policy(ADMINS, kwargs=lesson),
    "toolkit:vision_word_create": Policy(ADMINS, kwargs=project),
    "toolkit:vision_word_edit": Policy(ADMINS, kwargs=vision_word),
    "toolkit:vision_word_delete": Policy(ADMINS, kwargs=vision_word),
    # API
    "api:get_project_lessons": Policy(PUBLIC, kwargs=project),
    "api:get_project_lessons#hidden": Policy(MEMBERS, kwargs=hidden_project),
    "api:get_project_vision_words": Policy(PUBLIC, kwargs=project),
    "api:get_project_vision_words#hidden": Policy(MEMBERS, kwargs=hidden_project),
    "api:get_project_findings": Policy(PUBLIC, kwargs=project),
    "api:get_project_findings#hidden": Policy(MEMBERS, kwargs=hidden_project),
    "api:list_project_interviews": Policy(INTERVIEWS_API, kwargs=project),
}
