"""E-mail invitations: sending single-use links, using them, reminders and response rates."""

import logging
import re

import pytest
from django.core import mail
from django.utils import timezone

from tests.conftest import Actor
from tests.surveys.answering import answer_survey, valid_answers
from yhdessa.core.models import AuditLogEntry
from yhdessa.surveys import services
from yhdessa.surveys.models import Invitation, Response

LINK = re.compile(r"https?://\S+/surveys/invitation/(?P<token>[\w-]+)/")


@pytest.fixture
def survey(world):
    return answer_survey(world, municipality=world.nivala)


@pytest.fixture
def start(survey):
    return survey.waves.get(key="start")


def page(survey):
    return f"/staff/surveys/{survey.pk}/invitations/"


def send(client, survey, emails, *, wave="start", language="fi", capture):
    with capture(execute=True):
        return client.post(
            page(survey),
            {"action": "send", "wave": wave, "language": language, "emails": emails},
            follow=True,
        )


def tokens_in(messages) -> list[str]:
    return [match["token"] for message in messages for match in LINK.finditer(message.body)]


def invite(wave, count, used=0):
    """``count`` invitations to ``wave`` straight through the service, ``used`` of them used."""
    tokens = []
    start = Invitation.objects.count()
    for number in range(start, start + count):
        _invitation, token = services.invitation_create(
            wave=wave, email=f"asukas{number}@example.fi"
        )
        tokens.append(token)
    for token in tokens[:used]:
        services.invitation_use(token=token)
    return tokens


def test_each_address_gets_its_own_link_and_only_the_hash_is_stored(
    client_as, survey, django_capture_on_commit_callbacks
):
    client = client_as(Actor.COORDINATOR)
    response = send(
        client,
        survey,
        "Aino@Example.fi\nbertta@example.fi; cecilia@example.fi,\n\n",
        capture=django_capture_on_commit_callbacks,
    )
    assert response.status_code == 200
    assert "Kutsu lähetettiin 3 osoitteeseen." in response.content.decode()
    assert sorted(message.to[0] for message in mail.outbox) == [
        "aino@example.fi",
        "bertta@example.fi",
        "cecilia@example.fi",
    ]
    message = mail.outbox[0]
    assert message.subject == "Kutsu kyselyyn: Testikysely"
    assert "Aloitus" in message.body
    closes = timezone.localtime(survey.waves.get(key="start").closes_at)
    assert f"Kysely on avoinna {closes:%-d.%-m.%Y} asti." in message.body
    tokens = tokens_in(mail.outbox)
    assert len(tokens) == len(set(tokens)) == 3
    assert all(len(LINK.findall(message.body)) == 1 for message in mail.outbox)
    stored = set(Invitation.objects.values_list("token_hash", flat=True))
    assert stored == {services.invitation_token_hash(token) for token in tokens}
    for invitation in Invitation.objects.values():
        assert not any(token in str(value) for value in invitation.values() for token in tokens)
    assert Invitation.objects.filter(sent_at__isnull=True).count() == 0
    entry = AuditLogEntry.objects.get(action="surveys.invitations.sent")
    assert entry.data["count"] == 3
    assert "example.fi" not in str(entry.data)


def test_links_are_absolute_from_the_site_url_and_in_the_chosen_language(
    client_as, survey, settings, django_capture_on_commit_callbacks
):
    settings.YHDESSA_SITE_URL = "https://yhdessa.example/"
    client = client_as(Actor.PROJECT_ADMIN)
    send(
        client,
        survey,
        "aino@example.fi",
        language="sv",
        capture=django_capture_on_commit_callbacks,
    )
    (message,) = mail.outbox
    assert "https://yhdessa.example/sv/surveys/invitation/" in message.body


def test_bad_addresses_are_listed_and_nothing_is_sent(
    client_as, survey, django_capture_on_commit_callbacks
):
    client = client_as(Actor.COORDINATOR)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            page(survey),
            {
                "action": "send",
                "wave": "start",
                "language": "fi",
                "emails": "aino@example.fi\nbertta@\naino@example.fi, ei osoite",
            },
        )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Kutsuja ei lähetetty." in html
    assert "rivi 2: ”bertta@” ei ole sähköpostiosoite" in html
    assert "rivi 3: ”ei osoite” ei ole sähköpostiosoite" in html
    assert '<a href="#id_emails">' in html
    assert "bertta@</textarea>" in html or "bertta@\n" in html  # the text is kept
    assert not Invitation.objects.exists()
    assert not mail.outbox
    assert not AuditLogEntry.objects.filter(action__startswith="surveys.").exists()


def test_addresses_already_invited_to_the_wave_are_skipped_with_a_notice(
    client_as, survey, django_capture_on_commit_callbacks
):
    client = client_as(Actor.COORDINATOR)
    send(client, survey, "aino@example.fi", capture=django_capture_on_commit_callbacks)
    mail.outbox.clear()
    response = send(
        client,
        survey,
        "AINO@example.fi\nbertta@example.fi\nbertta@example.fi",
        capture=django_capture_on_commit_callbacks,
    )
    html = response.content.decode()
    assert "Kutsu lähetettiin 1 osoitteeseen." in html
    assert "jo kutsuttu tälle kierrokselle" in html and "aino@example.fi" in html
    assert [message.to for message in mail.outbox] == [["bertta@example.fi"]]
    assert Invitation.objects.count() == 2


def test_opening_the_link_does_not_use_it_answering_does_once(client, world, start):
    (token,) = invite(start, 1)
    link = f"/surveys/invitation/{token}/"
    for _ in range(2):  # a mail scanner, then the person
        opened = client.get(link)
        assert opened.status_code == 200
        assert 'name="q_mood"' in opened.content.decode()
        assert "Sait kutsun sähköpostilla." in opened.content.decode()
        assert opened["Cache-Control"].startswith("max-age=0")
    assert not Invitation.objects.get().is_used

    answered = client.post(link, valid_answers(world))
    assert answered.status_code == 302
    assert answered["Location"] == f"/surveys/{start.survey_id}/start/thanks/"
    invitation = Invitation.objects.get()
    assert invitation.is_used
    # Not when: a date of use could be matched with the date of the response.
    assert not hasattr(invitation, "used_at")
    assert Response.objects.count() == 1

    again = client.get(link)
    assert again.status_code == 200
    assert "Olet jo vastannut tähän kyselyyn" in again.content.decode()
    reposted = client.post(link, valid_answers(world))
    assert reposted.status_code == 200
    assert "Olet jo vastannut tähän kyselyyn" in reposted.content.decode()
    assert Response.objects.count() == 1


def test_a_refused_answer_leaves_the_link_unused(client, world, start):
    (token,) = invite(start, 1)
    link = f"/surveys/invitation/{token}/"
    response = client.post(link, valid_answers(world) | {"q_mood": ""})
    assert response.status_code == 400
    services.response_submit(
        wave=start, answers=[], pairing_code="varattu koodi", invitation_token=None
    )
    taken = client.post(link, valid_answers(world) | {"pairing_code": "Varattu koodi"})
    assert taken.status_code == 400
    assert not Invitation.objects.get().is_used
    assert client.post(link, valid_answers(world)).status_code == 302


def test_the_token_is_kept_out_of_the_request_log(client, world, start, caplog):
    (token,) = invite(start, 1)
    caplog.set_level(logging.DEBUG)
    response = client.post(f"/surveys/invitation/{token}/", valid_answers(world) | {"q_mood": ""})
    assert response.status_code == 400
    assert token not in " ".join(record.getMessage() for record in caplog.records)


def test_unknown_links_are_not_found_and_closed_waves_say_so(client, survey):
    assert client.get("/surveys/invitation/ei-ole-olemassa/").status_code == 404
    (token,) = invite(survey.waves.get(key="old"), 1)
    closed = client.get(f"/surveys/invitation/{token}/")
    assert closed.status_code == 410
    assert "Kysely on sulkeutunut." in closed.content.decode()


def test_a_reminder_replaces_the_link_of_those_who_have_not_answered(
    client_as, world, survey, start, django_capture_on_commit_callbacks
):
    old_tokens = invite(start, 3, used=1)
    client = client_as(Actor.COORDINATOR)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            page(survey),
            {"action": "remind", "remind-wave": "start", "remind-language": "fi"},
            follow=True,
        )
    assert "Muistutus lähetettiin 2 vastaamattomalle." in response.content.decode()
    assert sorted(message.to[0] for message in mail.outbox) == [
        "asukas1@example.fi",
        "asukas2@example.fi",
    ]
    assert mail.outbox[0].subject == "Muistutus: Testikysely"
    assert "aiemmin lähettämämme linkin, joka ei enää toimi" in mail.outbox[0].body
    new_tokens = tokens_in(mail.outbox)
    anonymous = client_as(Actor.ANONYMOUS)
    for old in old_tokens[1:]:
        assert anonymous.get(f"/surveys/invitation/{old}/").status_code == 404
    assert anonymous.get(f"/surveys/invitation/{new_tokens[0]}/").status_code == 200
    assert anonymous.post(f"/surveys/invitation/{new_tokens[0]}/", valid_answers(world))[
        "Location"
    ].endswith("/thanks/")
    entry = AuditLogEntry.objects.get(action="surveys.invitations.reminded")
    assert entry.data["count"] == 2 and "asukas" not in str(entry.data)


def test_the_page_shows_invited_answered_and_the_response_rate(client_as, survey, start):
    invite(start, 13, used=6)
    services.response_submit(wave=start, answers=[])  # an answer through the open link
    response = client_as(Actor.PROJECT_ADMIN).get(page(survey))
    assert response.status_code == 200
    html = response.content.decode()
    row = re.search(r"<th scope=\"row\">Aloitus</th>(.*?)</tr>", html, re.S)
    assert row is not None
    cells = re.findall(r'<td class="number">(.*?)</td>', row.group(1))
    assert cells == ["13", "6", "46&nbsp;%", "1"]
    assert "7 kutsuttua ei ole vielä vastannut." in html
    assert "asukas12@example.fi" in html


def test_staff_who_may_not_manage_see_the_rates_but_no_addresses_or_forms(client_as, survey, start):
    invite(start, 2, used=1)
    response = client_as(Actor.VIEWER).get(page(survey))
    assert response.status_code == 200
    html = response.content.decode()
    assert "50&nbsp;%" in html
    assert "asukas0@example.fi" not in html
    assert 'name="emails"' not in html
    refused = client_as(Actor.VIEWER).post(
        page(survey), {"action": "remind", "remind-wave": "start", "remind-language": "fi"}
    )
    assert refused.status_code == 403
    assert client_as(Actor.OTHER_COORDINATOR).get(page(survey)).status_code == 404


def test_a_closed_wave_cannot_be_invited_to(client_as, survey, django_capture_on_commit_callbacks):
    client = client_as(Actor.COORDINATOR)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            page(survey),
            {"action": "send", "wave": "old", "language": "fi", "emails": "aino@example.fi"},
        )
    assert response.status_code == 400
    assert "Valitse kierros, joka ei ole sulkeutunut." in response.content.decode()
    assert not Invitation.objects.exists() and not mail.outbox


def test_the_service_refuses_a_closed_wave_too(world, survey):
    old = survey.waves.get(key="old")
    with pytest.raises(services.ValidationError):
        services.invitations_send(actor=None, wave=old, emails=["a@example.fi"], language="fi")


def test_invitations_page_queries_stay_flat_as_invitations_grow(
    client_as, survey, start, django_assert_max_num_queries
):
    client = client_as(Actor.COORDINATOR)
    invite(start, 1)
    with django_assert_max_num_queries(8) as few:
        assert client.get(page(survey)).status_code == 200
    invite(start, 30, used=10)
    invite(survey.waves.get(key="end"), 5)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(page(survey)).status_code == 200
