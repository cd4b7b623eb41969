"""Interviews, lessons and vision:
the accessibility harness cases (merged into test_accessibility.PAGES).

``PLACEHOLDERS`` maps a name used in the paths ("{name}") to a function that finds it in
the demo data. The staff pages are opened as the Nivala coordinator (its interviews) and as
the project admin (the code list, lessons and vision words).
"""

from collections.abc import Callable

from .cases import PageCase
from .conftest import NIVALA_COORDINATOR, PROJECT_ADMIN

PROJECT = "yhdessa-osallisuutta"


def nivala_interview() -> str:
    from yhdessa.toolkit.models import Interview

    interview = Interview.objects.filter(project__slug=PROJECT, municipality__code="535").first()
    assert interview is not None, "the demo has no interview in Nivala"
    return str(interview.pk)


def nivala_passage() -> str:
    from yhdessa.toolkit.models import CodedPassage

    passage = CodedPassage.objects.filter(
        interview__project__slug=PROJECT, interview__municipality__code="535"
    ).first()
    assert passage is not None, "the demo has no coded passage in Nivala"
    return str(passage.pk)


def interview_theme() -> str:
    from yhdessa.toolkit.models import InterviewTheme

    theme = InterviewTheme.objects.filter(project__slug=PROJECT).first()
    assert theme is not None, "the demo has no interview theme"
    return str(theme.pk)


def demo_lesson() -> str:
    from yhdessa.toolkit.models import Lesson

    lesson = Lesson.objects.filter(project__slug=PROJECT).first()
    assert lesson is not None, "the demo has no lessons"
    return str(lesson.pk)


def demo_vision_word() -> str:
    from yhdessa.toolkit.models import VisionWord

    word = VisionWord.objects.filter(project__slug=PROJECT).first()
    assert word is not None, "the demo has no vision words"
    return str(word.pk)


PLACEHOLDERS: dict[str, Callable[[], str]] = {
    "nivala_interview": nivala_interview,
    "nivala_passage": nivala_passage,
    "interview_theme": interview_theme,
    "demo_lesson": demo_lesson,
    "demo_vision_word": demo_vision_word,
}

STAFF = f"/staff/projects/{PROJECT}"
INTERVIEW = "/staff/interviews/{nivala_interview}"

PAGES: list[PageCase] = [
    # Public
    PageCase("knowledge-findings", f"/projects/{PROJECT}/findings/"),
    PageCase("knowledge-lessons", f"/projects/{PROJECT}/lessons/"),
    PageCase("knowledge-vision", f"/projects/{PROJECT}/vision/"),
    # Interviews
    PageCase("interviews", f"{STAFF}/interviews/", user=NIVALA_COORDINATOR),
    PageCase("interview-themes-table", f"{STAFF}/interviews/themes/", user=PROJECT_ADMIN),
    PageCase("interview-new", f"{STAFF}/interviews/new/", user=NIVALA_COORDINATOR),
    PageCase(
        "interview-new-invalid",
        f"{STAFF}/interviews/new/",
        user=NIVALA_COORDINATOR,
        submit={"#id_interviewee_role": "", "#id_notes": "Demo: muistiinpano"},
        expect_status=400,
        expect_element='.error-summary a[href="#id_held_on"]',
    ),
    PageCase("interview", f"{INTERVIEW}/", user=NIVALA_COORDINATOR),
    PageCase("interview-edit", f"{INTERVIEW}/edit/", user=PROJECT_ADMIN),
    PageCase("interview-delete", f"{INTERVIEW}/delete/", user=PROJECT_ADMIN),
    PageCase("passage-new", f"{INTERVIEW}/passages/new/", user=NIVALA_COORDINATOR),
    PageCase(
        "passage-new-invalid",
        f"{INTERVIEW}/passages/new/",
        user=NIVALA_COORDINATOR,
        submit={"#id_text": "Demo: katkelma ilman teemaa"},
        expect_status=400,
        expect_element='.error-summary a[href="#id_themes_0"]',
    ),
    PageCase("passage-edit", "/staff/passages/{nivala_passage}/edit/", user=NIVALA_COORDINATOR),
    PageCase("passage-delete", "/staff/passages/{nivala_passage}/delete/", user=PROJECT_ADMIN),
    # The code list
    PageCase("interview-codes", f"{STAFF}/interview-codes/", user=PROJECT_ADMIN),
    PageCase("interview-code-new", f"{STAFF}/interview-codes/new/", user=PROJECT_ADMIN),
    PageCase(
        "interview-code-edit", "/staff/interview-codes/{interview_theme}/edit/", user=PROJECT_ADMIN
    ),
    # Lessons and vision words
    PageCase("knowledge-staff", f"{STAFF}/lessons/", user=PROJECT_ADMIN),
    PageCase("lesson-new", f"{STAFF}/lessons/new/", user=PROJECT_ADMIN),
    PageCase("lesson-edit", "/staff/lessons/{demo_lesson}/edit/", user=PROJECT_ADMIN),
    PageCase("lesson-delete", "/staff/lessons/{demo_lesson}/delete/", user=PROJECT_ADMIN),
    PageCase("vision-word-new", f"{STAFF}/vision/new/", user=PROJECT_ADMIN),
    PageCase(
        "vision-word-new-invalid",
        f"{STAFF}/vision/new/",
        user=PROJECT_ADMIN,
        submit={"#id_word": "Toivo", "#id_frequency": "0"},
        expect_status=400,
        expect_element='#id_frequency[aria-invalid="true"]',
    ),
    PageCase(
        "vision-word-edit", "/staff/vision-words/{demo_vision_word}/edit/", user=PROJECT_ADMIN
    ),
    PageCase(
        "vision-word-delete", "/staff/vision-words/{demo_vision_word}/delete/", user=PROJECT_ADMIN
    ),
]
