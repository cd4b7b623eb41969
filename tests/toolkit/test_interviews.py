"""Interviews and coded passages on the staff pages: who records what, and what bad input
gets back."""

import pytest
from django.urls import reverse

from tests.conftest import Actor
from tests.factories import ProjectFactory
from tests.toolkit.policy_knowledge import make_interview, make_passage, make_theme
from yhdessa.core.models import AuditLogEntry
from yhdessa.toolkit.models import CodedPassage, Interview, InterviewTheme

pytestmark = pytest.mark.django_db


def _new_interview_url(world):
    return reverse("toolkit:interview_create", kwargs={"slug": world.project.slug})


VALID = {
    "held_on": "2022-03-08",
    "interviewee_role": "hyvinvointikoordinaattori",
    "sector": "municipality",
    "notes": "Tieto yhteistyösopimuksesta ei löydy sivuilta.",
}


def test_admin_records_an_interview_without_a_name(world, client_as):
    client = client_as(Actor.PROJECT_ADMIN)
    page = client.get(_new_interview_url(world))
    assert "Älä kirjoita haastateltavan tai muiden ihmisten nimiä" in page.content.decode()
    response = client.post(_new_interview_url(world), VALID | {"municipality": world.nivala.pk})
    interview = Interview.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("toolkit:interview_detail", kwargs={"pk": interview.pk})
    assert (interview.municipality, interview.project) == (world.nivala, world.project)
    assert AuditLogEntry.objects.filter(action="toolkit.interview.created").count() == 1


def test_interview_without_date_or_role_is_refused_in_finnish(world, client_as):
    response = client_as(Actor.PROJECT_ADMIN).post(
        _new_interview_url(world), VALID | {"held_on": "", "interviewee_role": ""}
    )
    content = response.content.decode()
    assert response.status_code == 400
    assert "Anna haastattelun päivä." in content
    assert "Kerro haastateltavan tehtävä." in content
    assert 'aria-invalid="true"' in content
    assert not Interview.objects.exists()


def test_coordinator_records_interviews_of_own_municipality_only(world, client_as):
    client = client_as(Actor.COORDINATOR)
    sievi = client.post(_new_interview_url(world), VALID | {"municipality": world.sievi.pk})
    assert sievi.status_code == 400
    assert "Valitse kunta listalta." in sievi.content.decode()
    without = client.post(_new_interview_url(world), VALID)
    assert without.status_code == 400
    assert "Valitse kunta." in without.content.decode()
    assert not Interview.objects.exists()
    assert client.post(_new_interview_url(world), VALID | {"municipality": world.nivala.pk})
    assert Interview.objects.get().municipality == world.nivala


def test_coordinator_lists_only_own_municipality(world, client_as):
    make_interview(world.project, world.nivala, role="sosiaaliohjaaja")
    make_interview(world.project, world.sievi, role="kyläyhdistyksen sihteeri")
    url = reverse("toolkit:interview_list", kwargs={"slug": world.project.slug})
    nivala = client_as(Actor.COORDINATOR).get(url).content.decode()
    assert "sosiaaliohjaaja" in nivala and "kyläyhdistyksen sihteeri" not in nivala
    admin = client_as(Actor.PROJECT_ADMIN).get(url).content.decode()
    assert "sosiaaliohjaaja" in admin and "kyläyhdistyksen sihteeri" in admin


def test_interview_list_queries_do_not_grow(world, client_as, django_assert_max_num_queries):
    client = client_as(Actor.PROJECT_ADMIN)
    url = reverse("toolkit:interview_list", kwargs={"slug": world.project.slug})
    for number in range(12):
        make_passage(make_interview(world.project, world.nivala, role=f"rooli {number}"))
    with django_assert_max_num_queries(12):
        response = client.get(url)
    assert response.content.decode().count("rooli ") == 12


def test_passage_carries_several_themes(world, client_as):
    interview = make_interview(world.project, world.nivala)
    communication = make_theme(world.project, "Viestintä")
    documents = make_theme(world.project, "Asiakirjat", 1)
    url = reverse("toolkit:passage_create", kwargs={"pk": interview.pk})
    response = client_as(Actor.COORDINATOR).post(
        url,
        {
            "text": "Tieto ei löydy.",
            "themes": [communication.pk, documents.pk],
            "publishable": "on",
        },
    )
    assert response.status_code == 302
    passage = CodedPassage.objects.get()
    assert set(passage.themes.all()) == {communication, documents}
    assert passage.publishable


def test_passage_needs_a_theme_of_the_project(world, client_as):
    interview = make_interview(world.project, world.nivala)
    other = InterviewTheme.objects.create(project=ProjectFactory(), name="Vieras teema")
    url = reverse("toolkit:passage_create", kwargs={"pk": interview.pk})
    client = client_as(Actor.PROJECT_ADMIN)
    none = client.post(url, {"text": "Tieto ei löydy."})
    assert none.status_code == 400
    assert "Valitse vähintään yksi teema." in none.content.decode()
    foreign = client.post(url, {"text": "Tieto ei löydy.", "themes": [other.pk]})
    assert foreign.status_code == 400
    assert "Valitse teemat hankkeen koodilistasta." in foreign.content.decode()
    assert not CodedPassage.objects.exists()


def test_passage_is_edited_and_deleted(world, client_as):
    passage = make_passage(make_interview(world.project, world.nivala))
    theme = make_theme(world.project, "Resurssit", 2)
    client = client_as(Actor.COORDINATOR)
    edit = reverse("toolkit:passage_edit", kwargs={"pk": passage.pk})
    client.post(edit, {"text": "Uusi teksti.", "themes": [theme.pk]})
    passage.refresh_from_db()
    assert passage.text == "Uusi teksti." and list(passage.themes.all()) == [theme]
    client.post(reverse("toolkit:passage_delete", kwargs={"pk": passage.pk}))
    assert not CodedPassage.objects.exists()
    assert AuditLogEntry.objects.filter(action="toolkit.passage.deleted").exists()


def test_code_list_refuses_a_duplicate_theme(world, client_as):
    make_theme(world.project, "Viestintä")
    url = reverse("toolkit:theme_create", kwargs={"slug": world.project.slug})
    response = client_as(Actor.PROJECT_ADMIN).post(url, {"name": "Viestintä"})
    assert response.status_code == 400
    assert "Hankkeella on jo tämän niminen teema." in response.content.decode()
    assert InterviewTheme.objects.count() == 1


def test_themes_are_reordered(world, client_as):
    first = make_theme(world.project, "Ensimmäinen", 0)
    second = make_theme(world.project, "Toinen", 1)
    client = client_as(Actor.PROJECT_ADMIN)
    client.post(reverse("toolkit:theme_move", kwargs={"pk": second.pk}), {"direction": "up"})
    names = list(InterviewTheme.objects.order_by("position").values_list("name", flat=True))
    assert names == ["Toinen", "Ensimmäinen"]
    client.post(reverse("toolkit:theme_move", kwargs={"pk": second.pk}), {"direction": "down"})
    first.refresh_from_db()
    assert first.position == 0


def test_deleting_an_interview_deletes_its_passages(world, client_as):
    interview = make_interview(world.project, world.nivala)
    make_passage(interview)
    url = reverse("toolkit:interview_delete", kwargs={"pk": interview.pk})
    response = client_as(Actor.PROJECT_ADMIN).post(url)
    assert response.status_code == 302
    assert not Interview.objects.exists() and not CodedPassage.objects.exists()
