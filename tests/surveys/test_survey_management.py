"""Staff create and edit surveys and their waves; answered surveys keep their version and waves."""

from datetime import datetime

import pytest
from django.utils import timezone

from tests.conftest import Actor
from tests.factories import EventFactory, MunicipalityFactory
from tests.surveys.builders import respond
from tests.surveys.policy_management import NivalaSurveyAsSaved
from tests.surveys.world import nivala_survey
from yhdessa.core.models import AuditLogEntry
from yhdessa.surveys import survey_services
from yhdessa.surveys.instruments import load_instruments
from yhdessa.surveys.models import Response, Survey, Wave
from yhdessa.surveys.survey_forms import SurveyForm, wave_formset

NEW = "/staff/projects/yhdessa-osallisuutta/surveys/new/"
LIST = "/staff/projects/yhdessa-osallisuutta/surveys/"


@pytest.fixture
def versions(db):
    return load_instruments()


def new_survey_form(versions, municipality="", **changes):
    data = {
        "title_fi": "Kylätalon käyttäjät",
        "title_sv": "Byahusets användare",
        "title_en": "",
        "instrument_version": versions["arki-ja-elama"].pk,
        "municipality": municipality,
        "event": "",
        "waves-TOTAL_FORMS": "2",
        "waves-INITIAL_FORMS": "0",
        "waves-0-key": "start",
        "waves-0-label_fi": "Aloitus",
        "waves-0-opens_at": "2027-02-01T08:00",
        "waves-0-closes_at": "2027-02-28T16:00",
        "waves-0-position": "0",
        "waves-1-key": "end",
        "waves-1-label_fi": "Lopetus",
        "waves-1-opens_at": "2027-11-01T08:00",
        "waves-1-closes_at": "2027-11-30T16:00",
        "waves-1-position": "1",
    }
    return data | changes


def edit_form(survey, **changes):
    return dict(NivalaSurveyAsSaved()) | {"waves-TOTAL_FORMS": str(survey.waves.count())} | changes


def test_project_admin_creates_a_project_wide_survey_with_two_waves(client_as, world, versions):
    client = client_as(Actor.PROJECT_ADMIN)
    response = client.post(NEW, new_survey_form(versions, is_public="on"))
    survey = Survey.objects.get(title_fi="Kylätalon käyttäjät")
    assert response.status_code == 302
    assert response["Location"] == LIST
    assert (survey.project, survey.municipality, survey.is_public) == (world.project, None, True)
    assert survey.title_sv == "Byahusets användare"
    waves = list(survey.waves.order_by("position").values_list("key", "label_fi", "closes_at"))
    assert [(key, label) for key, label, _closes in waves] == [
        ("start", "Aloitus"),
        ("end", "Lopetus"),
    ]
    # The form's times are Finnish local time.
    assert timezone.localtime(waves[0][2]).strftime("%d.%m.%Y %H.%M") == "28.02.2027 16.00"
    entry = AuditLogEntry.objects.get(action="surveys.survey.created")
    assert entry.actor == world.users[Actor.PROJECT_ADMIN]
    assert entry.object_id == str(survey.pk)
    assert entry.data["waves"] == {"added": ["start", "end"]}
    page = client.get(LIST).content.decode()
    assert "Kysely Kylätalon käyttäjät luotiin." in page
    assert f'href="/staff/surveys/{survey.pk}/edit/"' in page


def test_new_survey_form_starts_with_start_and_end_waves(client_as, world, versions):
    response = client_as(Actor.PROJECT_ADMIN).get(NEW)
    page = response.content.decode()
    assert response.status_code == 200
    assert 'name="waves-0-key" value="start"' in page
    assert 'name="waves-1-label_fi" value="Lopetus"' in page
    assert 'type="datetime-local" name="waves-0-opens_at"' in page
    assert "Koko hanke (kaikki kunnat)" in page


def test_an_untouched_extra_wave_is_not_saved(client_as, world, versions):
    data = new_survey_form(versions)
    data |= {"waves-1-opens_at": "", "waves-1-closes_at": ""}  # "end" left as it came
    client_as(Actor.PROJECT_ADMIN).post(NEW, data)
    survey = Survey.objects.get(title_fi="Kylätalon käyttäjät")
    assert list(survey.waves.values_list("key", flat=True)) == ["start"]


def test_a_survey_needs_a_wave(client_as, world, versions):
    data = new_survey_form(versions)
    data |= {f"waves-{i}-{name}": "" for i in (0, 1) for name in ("opens_at", "closes_at")}
    response = client_as(Actor.PROJECT_ADMIN).post(NEW, data)
    assert response.status_code == 400
    assert "Lisää kyselyyn vähintään yksi kyselykierros." in response.content.decode()
    assert not Survey.objects.exists()


def test_coordinator_can_only_pick_own_municipality(client_as, world, versions):
    client = client_as(Actor.COORDINATOR)
    form = client.get(NEW).context["form"]
    assert list(form.fields["municipality"].queryset) == [world.nivala]
    assert form.initial["municipality"] == world.nivala.pk
    for refused in (world.sievi.pk, ""):  # another municipality, or the whole project
        response = client.post(NEW, new_survey_form(versions, municipality=refused))
        assert response.status_code == 400
        assert 'class="error-summary"' in response.content.decode()
    assert not Survey.objects.exists()
    client.post(NEW, new_survey_form(versions, municipality=world.nivala.pk))
    assert Survey.objects.get().municipality == world.nivala


@pytest.mark.parametrize(
    ("actor", "status"),
    [
        (Actor.ANONYMOUS, 302),
        (Actor.OUTSIDER, 404),
        (Actor.VIEWER, 403),
        (Actor.ORGANISER, 403),
        (Actor.OTHER_COORDINATOR, 302),  # Sievi is a partner too: a survey of Sievi
    ],
)
def test_who_may_post_a_new_survey(client_as, world, versions, actor, status):
    response = client_as(actor).post(NEW, new_survey_form(versions, municipality=world.sievi.pk))
    assert response.status_code == status
    created = Survey.objects.filter(municipality=world.sievi)
    assert created.exists() == (actor == Actor.OTHER_COORDINATOR)


def test_wave_closing_before_it_opens_is_refused_and_nothing_saved(client_as, world, versions):
    data = new_survey_form(versions, **{"waves-1-closes_at": "2027-10-01T08:00"})
    response = client_as(Actor.PROJECT_ADMIN).post(NEW, data)
    page = response.content.decode()
    assert response.status_code == 400
    assert "Kierroksen täytyy sulkeutua vasta avautumisen jälkeen." in page
    assert 'href="#id_waves-1-closes_at">Kierros 2, sulkeutuu:' in page
    assert not Survey.objects.exists()
    assert not Wave.objects.exists()


@pytest.mark.parametrize("key", ["results", "comparison", "thanks", "invitation", "all", "All"])
def test_reserved_wave_keys_are_refused(client_as, world, versions, key):
    response = client_as(Actor.PROJECT_ADMIN).post(
        NEW, new_survey_form(versions, **{"waves-1-key": key})
    )
    assert response.status_code == 400
    assert f"Tunniste {key} on varattu. Valitse toinen." in response.content.decode()
    assert not Survey.objects.exists()


def test_two_waves_cannot_share_a_key(client_as, world, versions):
    response = client_as(Actor.PROJECT_ADMIN).post(
        NEW, new_survey_form(versions, **{"waves-1-key": "start"})
    )
    assert response.status_code == 400
    assert "Kahdella kierroksella ei voi olla samaa tunnistetta." in response.content.decode()
    assert not Survey.objects.exists()


def test_coordinator_edits_own_survey_and_adds_a_wave(client_as, world):
    survey = nivala_survey(world)
    data = edit_form(survey, title_fi="Arki ja elämä, Nivala 2027")
    data |= {
        "waves-TOTAL_FORMS": "3",
        "waves-2-key": "follow-up",
        "waves-2-label_fi": "Seuranta",
        "waves-2-opens_at": "2028-01-10T09:00",
        "waves-2-closes_at": "",
        "waves-2-position": "2",
    }
    response = client_as(Actor.COORDINATOR).post(f"/staff/surveys/{survey.pk}/edit/", data)
    assert response.status_code == 302
    survey.refresh_from_db()
    assert survey.title_fi == "Arki ja elämä, Nivala 2027"
    assert survey.waves.get(key="follow-up").closes_at is None
    entry = AuditLogEntry.objects.get(action="surveys.survey.changed")
    assert entry.data["title_fi"] == "Arki ja elämä, Nivala 2027"
    # (The world's waves have seconds, which the minute-precise form drops: "changed".)
    assert entry.data["waves"]["added"] == ["follow-up"]


def test_a_swap_of_wave_keys_is_refused_not_an_error_page(client_as, world):
    survey = nivala_survey(world)
    data = edit_form(survey, **{"waves-0-key": "end", "waves-1-key": "start"})
    response = client_as(Actor.PROJECT_ADMIN).post(f"/staff/surveys/{survey.pk}/edit/", data)
    assert response.status_code == 400
    assert "Vaihda tunnisteet yksi kerrallaan." in response.content.decode()
    assert sorted(survey.waves.values_list("position", "key")) == [(0, "start"), (1, "end")]


def test_instrument_version_is_locked_once_answered(client_as, world, versions):
    survey = nivala_survey(world)
    other = versions["kumppanikysely"]
    url = f"/staff/surveys/{survey.pk}/edit/"
    client = client_as(Actor.PROJECT_ADMIN)
    assert not client.get(url).context["form"].fields["instrument_version"].disabled
    respond(survey.waves.get(key="start"))
    page = client.get(url)
    assert page.context["form"].fields["instrument_version"].disabled
    assert "Kyselyyn on jo vastattu, joten mittaria ei voi enää vaihtaa" in page.content.decode()
    response = client.post(url, edit_form(survey, instrument_version=other.pk))
    assert response.status_code == 400
    survey.refresh_from_db()
    assert survey.instrument_version == versions["arki-ja-elama"]


def test_the_service_keeps_the_version_when_answers_came_after_the_page(world, versions):
    """The page was opened before the first answer: the form let the change through."""
    survey = nivala_survey(world)
    form = SurveyForm(
        edit_form(survey, instrument_version=versions["kumppanikysely"].pk),
        instance=survey,
        project=world.project,
        municipalities=world.project.partner_municipalities.all(),
        whole_project=True,
        version_locked=False,
    )
    waves = wave_formset(form.data, survey, survey.waves.order_by("position", "pk"))
    assert form.is_valid() and waves.is_valid()
    respond(Wave.objects.get(survey=survey.pk, key="start"))
    with pytest.raises(survey_services.ValidationError):
        survey_services.survey_save(
            actor=world.users[Actor.PROJECT_ADMIN], project=world.project, form=form, waves=waves
        )
    assert Survey.objects.get(pk=survey.pk).instrument_version == versions["arki-ja-elama"]


def test_an_answered_wave_cannot_be_deleted(client_as, world):
    survey = nivala_survey(world)
    answer = respond(survey.waves.get(key="start"))
    url = f"/staff/surveys/{survey.pk}/edit/"
    client = client_as(Actor.COORDINATOR)
    page = client.get(url).content.decode()
    assert "Kierrokseen on vastattu, joten sitä ei voi poistaa." in page
    assert 'name="waves-0-DELETE"' not in page
    assert 'name="waves-1-DELETE"' in page
    response = client.post(url, edit_form(survey, **{"waves-0-DELETE": "on"}))
    assert response.status_code == 400
    assert "Kierrosta Aloitus ei voi poistaa, koska siihen on jo vastattu." in (
        response.content.decode()
    )
    assert Response.objects.filter(pk=answer.pk).exists()
    # An unanswered wave goes.
    response = client.post(url, edit_form(survey, **{"waves-1-DELETE": "on"}))
    assert response.status_code == 302
    assert list(survey.waves.values_list("key", flat=True)) == ["start"]
    assert AuditLogEntry.objects.get().data["waves"]["deleted"] == ["end"]


@pytest.mark.parametrize(
    ("actor", "status"),
    [(Actor.VIEWER, 403), (Actor.ORGANISER, 403), (Actor.OTHER_COORDINATOR, 404)],
)
def test_edit_is_for_the_survey_managers(client_as, world, actor, status):
    survey = nivala_survey(world)
    url = f"/staff/surveys/{survey.pk}/edit/"
    assert client_as(actor).get(url).status_code == status
    response = client_as(actor).post(url, edit_form(survey, title_fi="Muutettu"))
    assert response.status_code == status
    survey.refresh_from_db()
    assert survey.title_fi != "Muutettu"


def test_event_must_be_in_the_survey_municipality(client_as, world, versions):
    sievi_event = EventFactory(project=world.project, municipality=world.sievi)
    data = new_survey_form(versions, municipality=world.nivala.pk, event=sievi_event.pk)
    response = client_as(Actor.PROJECT_ADMIN).post(NEW, data)
    assert response.status_code == 400
    assert "Tapahtuma on eri kunnassa kuin kysely." in response.content.decode()
    data |= {"event": world.event.pk}  # the world's training is in Nivala
    assert client_as(Actor.PROJECT_ADMIN).post(NEW, data).status_code == 302
    assert Survey.objects.get().event == world.event


def test_links_to_create_and_edit_on_the_survey_list(client_as, world):
    survey = nivala_survey(world)
    admin_page = client_as(Actor.PROJECT_ADMIN).get(LIST).content.decode()
    assert f'href="{NEW}"' in admin_page
    assert f'href="/staff/surveys/{survey.pk}/edit/"' in admin_page
    viewer_page = client_as(Actor.VIEWER).get(LIST).content.decode()
    assert "Uusi kysely" not in viewer_page
    assert "/edit/" not in viewer_page


def test_create_page_query_count_stays_flat(
    client_as, world, versions, django_assert_max_num_queries
):
    client = client_as(Actor.PROJECT_ADMIN)
    with django_assert_max_num_queries(20) as few:
        assert client.get(NEW).status_code == 200
    EventFactory.create_batch(5, project=world.project)
    world.project.partner_municipalities.add(*MunicipalityFactory.create_batch(3))
    nivala_survey(world)  # more surveys do not matter to the page either
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(NEW).status_code == 200


def test_a_wave_may_be_left_open_but_not_close_when_it_opens(client_as, world, versions):
    at = "2027-02-01T08:00"
    data = new_survey_form(versions, **{"waves-0-closes_at": at, "waves-1-closes_at": ""})
    response = client_as(Actor.PROJECT_ADMIN).post(NEW, data)
    assert response.status_code == 400
    data |= {"waves-0-closes_at": ""}
    assert client_as(Actor.PROJECT_ADMIN).post(NEW, data).status_code == 302
    opens = timezone.make_aware(datetime(2027, 2, 1, 8, 0))
    assert Wave.objects.filter(opens_at=opens, closes_at__isnull=True).exists()
