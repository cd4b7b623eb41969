"""A resident signs up on a phone, a second one queues, the first cancels by the e-mailed
link, and the second gets the seat — all in the browser, through the real server."""

import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import Page, expect

from tests.browser.checks import assert_fits_phone_screen, assert_no_axe_violations
from yhdessa.events.models import BackgroundCategory, Event, Registration
from yhdessa.projects.models import Project

pytestmark = pytest.mark.browser


@pytest.fixture
def upcoming_event(demo) -> Event:
    project = Project.objects.get(slug="yhdessa-osallisuutta")
    if not project.background_categories.exists():
        BackgroundCategory.objects.create(project=project, name_fi="Järjestöt")
    start = timezone.now() + datetime.timedelta(days=10)
    return Event.objects.create(
        project=project,
        kind=Event.Kind.TRAINING,
        title_fi="Avoimet tilat (testi)",
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
        location="Nivalan kirjasto",
        capacity=1,
    )


def sign_up(page: Page, event: Event, name: str, email: str) -> None:
    page.goto(f"/events/{event.pk}/")
    page.get_by_label("Nimi").fill(name)
    page.get_by_label("Sähköposti").fill(email)
    page.get_by_label("Taustasi").select_option(index=1)
    page.get_by_label("Hyväksyn").check()
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/events/registration/"))


def link_in_last_mail_to(address: str) -> str:
    message = [m for m in mail.outbox if m.to == [address]][-1]
    return re.search(r"https?://\S+/events/registration/\S+/", message.body).group(0)


def test_registration_cancellation_and_promotion_round_trip(
    upcoming_event, open_page, live_server, settings
):
    settings.YHDESSA_SITE_URL = live_server.url  # so the e-mailed links lead to this server
    phone = open_page(width=320)
    phone.goto(f"/events/{upcoming_event.pk}/")
    assert_no_axe_violations(phone)
    assert_fits_phone_screen(phone)

    sign_up(phone, upcoming_event, "Aino Asukas", "aino@example.fi")
    expect(phone.get_by_role("status")).to_contain_text("Paikkasi on vahvistettu")
    assert_no_axe_violations(phone)

    other = open_page(width=320)
    sign_up(other, upcoming_event, "Bertta Asukas", "bertta@example.fi")
    expect(other.get_by_role("status")).to_contain_text("Olet jonossa")
    waiting_page = other.url

    cancel_link = link_in_last_mail_to("aino@example.fi").replace(
        re.match(r"https?://[^/]+", link_in_last_mail_to("aino@example.fi")).group(0),
        live_server.url,
    )
    phone.goto(cancel_link)
    phone.get_by_role("button", name="Peru ilmoittautuminen").click()
    expect(phone.get_by_role("status")).to_contain_text("Ilmoittautumisesi on peruttu")

    other.goto(waiting_page)
    expect(other.get_by_role("status")).to_contain_text("Paikkasi on vahvistettu")
    statuses = dict(
        Registration.objects.filter(event=upcoming_event).values_list("email", "status")
    )
    assert statuses == {"aino@example.fi": "cancelled", "bertta@example.fi": "confirmed"}
    promoted = [m for m in mail.outbox if m.to == ["bertta@example.fi"]][-1]
    assert promoted.subject.startswith("Sait paikan")
