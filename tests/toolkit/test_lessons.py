"""Lessons learned: the public page groups them by category; project admins keep them."""

import pytest
from django.urls import reverse

from tests.conftest import Actor
from yhdessa.core.models import AuditLogEntry
from yhdessa.toolkit.models import Lesson, LessonCategory

pytestmark = pytest.mark.django_db


def _lesson(world, text, category, position=0):
    return Lesson.objects.create(
        project=world.project, text_fi=text, category=category, position=position
    )


def test_public_page_groups_lessons_by_category(world, client, django_assert_max_num_queries):
    _lesson(world, "Viesti monessa kanavassa.", LessonCategory.COMMUNICATION, 1)
    _lesson(world, "Luo yhteinen kuva alussa.", LessonCategory.PLANNING, 0)
    _lesson(world, "Visualisoi tulokset.", LessonCategory.COMMUNICATION, 2)
    url = reverse("toolkit:project_lessons", kwargs={"slug": world.project.slug})
    with django_assert_max_num_queries(6):
        content = client.get(url).content.decode()
    planning = content.index("Suunnittelu ja käynnistys")
    communication = content.index('<h2 id="category-2">Viestintä</h2>')
    assert planning < content.index("Luo yhteinen kuva alussa.") < communication
    assert communication < content.index("Viesti monessa kanavassa.")
    assert content.index("Viesti monessa kanavassa.") < content.index("Visualisoi tulokset.")
    assert "Muu" not in content  # empty categories are left out


def test_admin_adds_a_lesson(world, client_as):
    url = reverse("toolkit:lesson_create", kwargs={"slug": world.project.slug})
    response = client_as(Actor.PROJECT_ADMIN).post(
        url, {"text_fi": "Saattaminen madaltaa kynnystä.", "category": "cooperation"}
    )
    assert response.status_code == 302
    lesson = Lesson.objects.get()
    assert (lesson.text_fi, lesson.category) == ("Saattaminen madaltaa kynnystä.", "cooperation")
    assert AuditLogEntry.objects.filter(action="toolkit.lesson.created").exists()
    public = reverse("toolkit:project_lessons", kwargs={"slug": world.project.slug})
    assert (
        "Saattaminen madaltaa kynnystä." in client_as(Actor.ANONYMOUS).get(public).content.decode()
    )


def test_lesson_without_text_or_category_is_refused(world, client_as):
    url = reverse("toolkit:lesson_create", kwargs={"slug": world.project.slug})
    response = client_as(Actor.PROJECT_ADMIN).post(url, {"text_fi": "", "category": "nonsense"})
    content = response.content.decode()
    assert response.status_code == 400
    assert "Kirjoita opetus suomeksi." in content
    assert 'href="#id_category"' in content
    assert not Lesson.objects.exists()


def test_lesson_is_edited_and_deleted(world, client_as):
    lesson = _lesson(world, "Vanha.", LessonCategory.OTHER)
    client = client_as(Actor.PROJECT_ADMIN)
    client.post(
        reverse("toolkit:lesson_edit", kwargs={"pk": lesson.pk}),
        {"text_fi": "Uusi.", "category": "volunteers"},
    )
    lesson.refresh_from_db()
    assert (lesson.text_fi, lesson.category) == ("Uusi.", "volunteers")
    client.post(reverse("toolkit:lesson_delete", kwargs={"pk": lesson.pk}))
    assert not Lesson.objects.exists()


def test_lessons_api_lists_them_with_categories(world, client):
    _lesson(world, "Luo yhteinen kuva alussa.", LessonCategory.PLANNING)
    url = reverse("api:get_project_lessons", kwargs={"slug": world.project.slug})
    body = client.get(url).json()
    assert body["lessons"] == [
        {
            "text": "Luo yhteinen kuva alussa.",
            "category": "planning",
            "category_label": "Suunnittelu ja käynnistys",
        }
    ]
    assert body["by_category"][0]["lessons"] == ["Luo yhteinen kuva alussa."]
