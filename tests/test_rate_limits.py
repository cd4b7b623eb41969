"""What an anonymous visitor can make the service do is limited: a flood of sign-ups, answers,
password resets or downloads is refused with a clear message, and nothing is saved."""

import pytest
from django.core import mail
from django.urls import reverse

from tests.conftest import Actor
from yhdessa.core import ratelimits
from yhdessa.events.models import Registration


@pytest.fixture(autouse=True)
def limits_on(settings):
    settings.RATELIMIT_ENABLE = True


def limit_of(rule: tuple[str, str]) -> int:
    return int(rule[0].split("/")[0])


@pytest.fixture
def sign_ups(client, world, registration_form_data, django_capture_on_commit_callbacks):
    world.event.capacity = None
    world.event.save()

    def sign_up(number: int, **extra):
        data = registration_form_data | {"email": f"kavija{number}@example.fi"}
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(f"/events/{world.event.pk}/", data, **extra)

    return sign_up


def test_a_flood_of_sign_ups_from_one_address_is_refused(sign_ups):
    allowed = limit_of(ratelimits.SIGN_UP)
    for number in range(allowed):
        assert sign_ups(number).status_code == 302
    response = sign_ups(allowed)
    assert response.status_code == 429
    assert response["Retry-After"] == "60"
    assert "Liian monta yritystä lyhyessä ajassa" in response.content.decode()
    assert not Registration.objects.filter(email=f"kavija{allowed}@example.fi").exists()
    assert len(mail.outbox) == allowed
    # Another address is not held back by this one.
    assert sign_ups(allowed + 1, REMOTE_ADDR="192.0.2.7").status_code == 302


def test_behind_the_proxy_the_address_it_saw_counts(sign_ups, settings):
    settings.YHDESSA_BEHIND_PROXY = True
    allowed = limit_of(ratelimits.SIGN_UP)
    for number in range(allowed):
        # The client may write anything first; the proxy adds the address it saw last.
        forged = f"10.0.0.{number}, 198.51.100.1"
        assert sign_ups(number, HTTP_X_FORWARDED_FOR=forged).status_code == 302
    refused = sign_ups(allowed, HTTP_X_FORWARDED_FOR="10.9.9.9, 198.51.100.1")
    assert refused.status_code == 429


def test_a_request_without_a_usable_address_is_counted_not_failed(sign_ups):
    assert sign_ups(1, REMOTE_ADDR="").status_code == 302
    assert sign_ups(2, REMOTE_ADDR="ei-osoite").status_code == 302


def test_the_api_refuses_with_json_in_the_callers_language(client, world, registration_form_data):
    url = f"/api/v1/events/{world.event.pk}/registrations"
    world.event.capacity = None
    world.event.save()
    form = registration_form_data | {"municipality": world.nivala.code}  # the API's own key
    for number in range(limit_of(ratelimits.SIGN_UP)):
        assert client.post(url, form | {"email": f"api{number}@example.fi"}).status_code == 201
    response = client.post(
        url, form | {"email": "yksi.liikaa@example.fi"}, HTTP_ACCEPT_LANGUAGE="sv"
    )
    assert response.status_code == 429
    assert response.json() == {
        "detail": "För många försök på kort tid. Vänta en stund och försök sedan igen."
    }


def test_password_reset_mails_one_address_only_a_few_times(
    client, world, django_capture_on_commit_callbacks
):
    url = reverse("accounts:password_reset")
    email = world.users[Actor.COORDINATOR].email
    with django_capture_on_commit_callbacks(execute=True):
        answers = [client.post(url, {"email": email}).status_code for _ in range(5)]
    assert answers == [302, 302, 302, 429, 429]
    assert len(mail.outbox) == limit_of(ratelimits.PASSWORD_RESET_PER_ADDRESS)


def test_report_downloads_are_limited_but_progress_polls_are_not(client, world):
    url = reverse("reports:project_report_download", args=[world.project.slug, "json"])
    for _ in range(limit_of(ratelimits.REPORT_DOWNLOAD)):
        assert client.get(url).status_code == 200
    assert client.get(url).status_code == 429
    assert client.get(url + "?progress=1").status_code == 200
