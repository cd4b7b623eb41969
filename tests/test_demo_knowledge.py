"""The demo's lessons, vision words and interviews: the report's own statements, and
interviews coded so that the findings come to the report's key finding."""

import pytest

from tests.test_demo_experiments import PASSWORD, demo_loaded  # noqa: F401 (the fixture)
from yhdessa import demo
from yhdessa.demo.knowledge import COMMUNICATION
from yhdessa.projects.models import Project
from yhdessa.toolkit import interview_selectors as selectors
from yhdessa.toolkit.models import CodedPassage, Interview, InterviewTheme, Lesson, VisionWord

pytestmark = pytest.mark.django_db


def test_lessons_and_vision_words_are_the_reports(demo_loaded):  # noqa: F811
    facts = demo.read_facts()
    lessons = Lesson.objects.filter(project__slug=demo_loaded).order_by("position")
    assert [lesson.text_fi for lesson in lessons] == facts["lessons_learned_fi"]
    assert len({lesson.category for lesson in lessons}) >= 4
    words = VisionWord.objects.filter(project__slug=demo_loaded)
    assert sorted(words.values_list("word", flat=True)) == sorted(facts["vision_words_fi"])
    assert all(word.frequency >= 1 for word in words)


def test_interviews_come_to_the_key_finding(demo_loaded):  # noqa: F811
    project = Project.objects.get(slug=demo_loaded)
    interviews = Interview.objects.filter(project=project)
    assert 6 <= interviews.count() <= 10
    assert {interview.sector for interview in interviews} >= {"municipality", "ngo"}
    found = selectors.findings(project)
    assert found.main_theme is not None and found.main_theme.theme.name == COMMUNICATION
    assert found.quotes, "the demo has publishable quotes"
    facts = demo.read_facts()
    assert "viestinnän" in facts["interviews"]["key_finding_fi"]


def test_invented_interviews_are_marked_as_demo(demo_loaded):  # noqa: F811
    assert all(
        note.startswith("Demo:") for note in Interview.objects.values_list("notes", flat=True)
    )
    assert all(
        text.startswith("Demo:") for text in CodedPassage.objects.values_list("text", flat=True)
    )


def test_loading_again_keeps_the_same_rows(demo_loaded):  # noqa: F811
    before = {
        model: set(model.objects.values_list("pk", flat=True))
        for model in (Interview, InterviewTheme, Lesson, VisionWord)
    }
    passages = CodedPassage.objects.count()
    demo.load_all(password=PASSWORD)
    for model, pks in before.items():
        assert set(model.objects.values_list("pk", flat=True)) == pks
    assert CodedPassage.objects.count() == passages
