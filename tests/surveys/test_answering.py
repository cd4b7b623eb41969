"""Answering a survey as a resident meets it: the public form, its errors, pairing codes,
closed waves, languages, and what is (not) stored about the respondent."""

import logging
from datetime import timedelta
from decimal import Decimal

import pytest
from django.contrib.sessions.models import Session
from django.utils import timezone

from tests.factories import ProjectFactory
from tests.surveys.answering import answer_survey, valid_answers
from yhdessa.core.models import AuditLogEntry
from yhdessa.surveys import services
from yhdessa.surveys.models import Answer, Response, Wave
from yhdessa.surveys.selectors import open_waves


@pytest.fixture
def survey(world):
    return answer_survey(world)


def url(survey, wave="start", language=""):
    prefix = f"/{language}" if language else ""
    return f"{prefix}/surveys/{survey.pk}/{wave}/"


def test_form_shows_every_item_type_with_sections_and_visible_scale_labels(client, survey):
    response = client.get(url(survey))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<legend><h2>Arki</h2></legend>" in html
    assert 'type="radio" name="q_mood"' in html
    assert '<span class="scale-point">1</span> erittäin hyvä' in html
    assert '<span class="scale-point">5</span> erittäin huono' in html
    assert 'type="checkbox" name="q_areas"' in html
    assert 'name="q_visits"' in html and 'inputmode="decimal"' in html
    assert "<textarea" in html and 'name="q_comments"' in html
    # Not scoped to a municipality: the project's partners are offered.
    assert '<select name="municipality"' in html and ">Sievi<" in html
    assert 'name="age_group"' in html and "En halua sanoa" in html
    assert 'name="pairing_code"' in html and 'maxlength="40"' in html
    assert "IP-osoitettasi" in html  # the privacy note


def test_answer_with_each_item_type_is_saved_and_redirects_to_thanks(client, world, survey):
    response = client.post(url(survey), valid_answers(world))
    assert response.status_code == 302
    assert response["Location"] == f"/surveys/{survey.pk}/start/thanks/"
    saved = Response.objects.get()
    assert saved.wave.key == "start"
    assert saved.submitted_on == timezone.localdate()
    assert (saved.municipality, saved.age_group, saved.gender) == (world.nivala, "65_plus", "woman")
    assert saved.pairing_hash == ""
    answers = {
        (a.item.key, a.option.key if a.option else None, a.number, a.text)
        for a in Answer.objects.select_related("item", "option")
    }
    assert answers == {
        ("mood", "good", None, ""),
        ("change", "small", None, ""),
        ("areas", "work", None, ""),
        ("areas", "health", None, ""),
        ("visits", None, Decimal("3.5"), ""),
        ("comments", None, None, "Kiitos illasta!"),
    }
    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    assert "Kiitos vastauksestasi!" in thanks.content.decode()
    assert "sama koodi" in thanks.content.decode()  # a later wave exists


def test_missing_required_items_show_the_form_again_with_answers_kept(client, world, survey):
    data = valid_answers(world) | {"q_mood": "", "q_areas": [], "pairing_code": "Kissa 42"}
    response = client.post(url(survey), data)
    assert response.status_code == 400
    assert not Response.objects.exists() and not Answer.objects.exists()
    html = response.content.decode()
    # The summary links to the first input of each faulty question.
    assert (
        '<a href="#id_q_mood_0">Millainen päiväsi on ollut?: Vastaa tähän kysymykseen.</a>' in html
    )
    assert '<a href="#id_q_areas_0">Mihin kaipaat muutosta?: Valitse ainakin yksi' in html
    assert 'id="id_q_mood_0"' in html
    # What was given is still there.
    assert 'value="small" id="id_q_change_1" checked' in html
    assert 'value="3,5"' in html
    assert "Kiitos illasta!</textarea>" in html
    assert 'value="65_plus" id="id_age_group_3" checked' in html
    assert 'value="Kissa 42"' in html


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("kolme", "Kirjoita luku"),
        ("1,234", "enintään kaksi desimaalia"),
        ("99999999999", "liian suuri"),
    ],
)
def test_a_number_that_cannot_be_saved_is_explained(client, world, survey, value, message):
    response = client.post(url(survey), valid_answers(world) | {"q_visits": value})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Response.objects.exists()


def test_an_answer_with_nothing_answered_is_refused(client, survey):
    survey.instrument_version.items.update(required=False)
    response = client.post(url(survey), {"gender": "man"})
    assert response.status_code == 400
    assert "Vastaa ainakin yhteen kysymykseen." in response.content.decode()
    assert not Response.objects.exists()


def test_an_unknown_option_is_an_error_not_a_crash(client, world, survey):
    response = client.post(url(survey), valid_answers(world) | {"q_mood": "7"})
    assert response.status_code == 400
    assert not Response.objects.exists()


def test_pairing_code_answers_a_wave_once_and_is_stored_only_as_a_hash(client, world, survey):
    data = valid_answers(world) | {"pairing_code": "Mustikka 77"}
    assert client.post(url(survey), data).status_code == 302
    saved = Response.objects.get()
    assert saved.pairing_hash == services.pairing_hash("mustikka77")
    assert "ustikka" not in saved.pairing_hash

    # The same code, written differently, cannot answer the same wave again ...
    again = client.post(url(survey), data | {"pairing_code": "MUSTIKKA77"})
    assert again.status_code == 400
    html = again.content.decode()
    assert "Tällä parikoodilla on jo vastattu tähän kyselyyn." in html
    assert '<a href="#id_pairing_code">' in html
    assert 'value="good" id="id_q_mood_1" required checked' in html  # answers kept
    assert Response.objects.count() == 1

    # ... but it pairs this answer with the next wave's.
    Wave.objects.filter(survey=survey, key="end").update(opens_at=timezone.now())
    assert client.post(url(survey, "end"), data).status_code == 302
    assert set(Response.objects.values_list("wave__key", "pairing_hash")) == {
        ("start", saved.pairing_hash),
        ("end", saved.pairing_hash),
    }


def test_the_database_constraint_decides_a_taken_pairing_code(world, survey):
    """Two submissions at once both pass the form; the unique constraint refuses the second,
    the service turns that into a message and the transaction stays usable."""
    wave = survey.waves.get(key="start")
    item = survey.instrument_version.items.get(key="comments")
    kwargs = {"wave": wave, "pairing_code": "sama koodi"}
    services.response_submit(answers=[Answer(item=item, text="eka")], **kwargs)
    with pytest.raises(services.PairingCodeTaken):
        services.response_submit(answers=[Answer(item=item, text="toka")], **kwargs)
    assert list(Answer.objects.values_list("text", flat=True)) == ["eka"]


def test_short_or_long_pairing_codes_are_refused(client, world, survey):
    short = client.post(url(survey), valid_answers(world) | {"pairing_code": "a b"})
    assert short.status_code == 400
    assert "vähintään 4 merkkiä" in short.content.decode()
    long = client.post(url(survey), valid_answers(world) | {"pairing_code": "x" * 41})
    assert long.status_code == 400
    assert not Response.objects.exists()


def test_a_closed_wave_says_so_and_takes_no_answers(client, world, survey):
    response = client.get(url(survey, "old"))
    assert response.status_code == 410
    html = response.content.decode()
    assert "Kysely on sulkeutunut." in html and "<form" not in html.split("<main")[1]
    posted = client.post(url(survey, "old"), valid_answers(world))
    assert posted.status_code == 410
    assert not Response.objects.exists()


def test_a_wave_not_yet_open_says_when_it_opens(client, world, survey):
    response = client.get(url(survey, "end"))
    assert response.status_code == 200
    opens = timezone.localtime(survey.waves.get(key="end").opens_at)
    assert f"Voit vastata {opens:%-d.%-m.%Y} kello" in response.content.decode()
    assert client.post(url(survey, "end"), valid_answers(world)).status_code == 200
    assert not Response.objects.exists()


def test_a_wave_that_closes_while_the_form_is_open_refuses_the_answer(client, world, survey):
    page = client.get(url(survey))
    assert page.status_code == 200
    Wave.objects.filter(pk=survey.waves.get(key="start").pk).update(
        closes_at=timezone.now() - timedelta(seconds=1)
    )
    assert client.post(url(survey), valid_answers(world)).status_code == 410
    assert not Response.objects.exists()


def test_surveys_of_a_non_public_project_are_not_found(client, world, survey):
    survey.project = ProjectFactory(is_public=False)
    survey.save()
    assert client.get(url(survey)).status_code == 404
    assert client.post(url(survey), valid_answers(world)).status_code == 404
    assert client.get(url(survey) + "thanks/").status_code == 404
    assert not Response.objects.exists()


def test_unknown_survey_or_wave_is_not_found(client, survey):
    assert client.get(url(survey, "ei-ole")).status_code == 404
    assert client.get(f"/surveys/{survey.pk + 1000}/start/").status_code == 404


def test_swedish_page_shows_the_items_in_swedish(client, survey):
    response = client.get(url(survey, language="sv"))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="sv">' in html
    assert "Hur har din dag varit?" in html and "Millainen päiväsi" not in html
    assert "mycket bra" in html
    assert "Testenkät" in html
    assert "<h2>Vardag</h2>" in html


def test_swedish_answer_redirects_to_the_swedish_thanks_page(client, world, survey):
    response = client.post(url(survey, language="sv"), valid_answers(world))
    assert response["Location"] == f"/sv/surveys/{survey.pk}/start/thanks/"


def test_a_survey_scoped_to_a_municipality_does_not_ask_for_it(client, world):
    survey = answer_survey(world, municipality=world.nivala)
    page = client.get(url(survey)).content.decode()
    assert 'name="municipality"' not in page
    assert "Kysely koskee kuntaa Nivala." in page
    data = valid_answers(world) | {"municipality": world.sievi.pk}
    assert client.post(url(survey), data).status_code == 302
    assert Response.objects.get().municipality == world.nivala


def test_age_prefer_not_to_say_is_stored_blank(client, world, survey):
    data = valid_answers(world) | {"age_group": "no_answer", "gender": "no_answer"}
    assert client.post(url(survey), data).status_code == 302
    saved = Response.objects.get()
    assert (saved.age_group, saved.gender) == ("", "no_answer")


def test_nothing_about_the_respondent_is_stored_or_logged(client, world, survey, caplog):
    audit_before = AuditLogEntry.objects.count()
    caplog.set_level(logging.DEBUG)
    response = client.post(
        url(survey),
        valid_answers(world) | {"pairing_code": "Salainen 1"},
        REMOTE_ADDR="203.0.113.77",
        HTTP_USER_AGENT="Mozilla/5.0 (Vastaajan puhelin)",
    )
    assert response.status_code == 302
    # The response row holds only these columns, and they hold none of the request.
    fields = {field.attname for field in Response._meta.concrete_fields}
    assert fields == {
        "id",
        "wave_id",
        "submitted_on",
        "pairing_hash",
        "municipality_id",
        "age_group",
        "gender",
    }
    row = Response.objects.values().get()
    assert not any(
        needle in str(value)
        for value in row.values()
        for needle in ("203.0.113", "Mozilla", "Salainen", "salainen")
    )
    for answer in Answer.objects.values():
        assert "203.0.113" not in str(answer) and "Mozilla" not in str(answer)
    # No session, no audit entry, no log line with the request or the code.
    assert "sessionid" not in response.cookies
    assert not Session.objects.exists()
    assert AuditLogEntry.objects.count() == audit_before
    logged = " ".join(record.getMessage() for record in caplog.records)
    assert "203.0.113" not in logged and "Salainen" not in logged and "Mozilla" not in logged


def test_the_open_waves_selector_and_the_form_agree_on_what_is_open(survey):
    now = timezone.now()
    for wave in survey.waves.all():
        in_selector = open_waves().filter(pk=wave.pk).exists()
        assert in_selector == (services.wave_state(wave, now) is services.WaveState.OPEN)


def test_form_page_queries_stay_flat_as_items_grow(client, world, django_assert_max_num_queries):
    small = answer_survey(world)
    with django_assert_max_num_queries(4) as few:
        assert client.get(url(small)).status_code == 200
    big = answer_survey(world, extra_items=20)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(url(big)).status_code == 200


def test_responses_are_written_without_bulk_ids_too(world, survey, monkeypatch):
    """SQLite before 3.35 (still on some servers) returns no ids from a bulk insert."""
    from django.db import connection

    monkeypatch.setattr(
        type(connection.features), "can_return_rows_from_bulk_insert", False, raising=False
    )
    wave = survey.waves.get(key="start")
    item = survey.instrument_version.items.get(key="comments")
    rows = [
        services.NewResponse(wave=wave, answers=[Answer(item=item, text=text)])
        for text in ("yksi", "kaksi")
    ]
    saved = services.responses_create(responses=rows)
    assert [response.answers.get().text for response in saved] == ["yksi", "kaksi"]
