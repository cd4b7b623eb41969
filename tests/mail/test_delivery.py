"""E-mail goes out through the outbox and a background task: a mail server that is away
delays the message, never the person who caused it."""

import socket
from datetime import timedelta
from email import parser as email_parser
from email import policy as email_policy

import pytest
from aiosmtpd.controller import Controller
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from tests.events.test_registration import register
from yhdessa.events.models import Registration
from yhdessa.mail.models import OutgoingEmail
from yhdessa.mail.services import RETRY_DELAYS, emails_deliver

Status = OutgoingEmail.Status
SITE = "https://osallisuus.kunta.example"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Inbox:
    """A real SMTP server on the loopback that keeps what it is sent."""

    def __init__(self) -> None:
        self.messages: list[bytes] = []

    async def handle_RCPT(self, server, session, envelope, address, options):
        if address.startswith("ei.ole"):
            return "550 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(envelope.content)
        return "250 OK"


@pytest.fixture
def smtp(settings):
    """SMTP pointed at a closed port on this machine: nothing answers until ``start()``."""
    port = free_port()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 5
    settings.YHDESSA_SITE_URL = SITE
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    inbox.start = controller.start  # type: ignore[attr-defined]
    yield inbox
    if getattr(controller, "_thread", None) is not None:
        controller.stop()


def test_sign_up_succeeds_while_the_mail_server_is_down(
    client, world, registration_form_data, smtp, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = register(client, world.event, registration_form_data)
    assert response.status_code == 302
    assert Registration.objects.filter(email="aino.asukas@example.fi").exists()
    email = OutgoingEmail.objects.get()
    assert (email.status, email.attempts) == (Status.PENDING, 1)
    assert "ConnectionRefusedError" in email.last_error
    assert email.next_attempt_at > timezone.now()
    assert email.project == world.event.project
    # The page the person lands on tells them they are signed up.
    page = client.get(response["Location"])
    assert page.status_code == 200


def run_worker() -> None:
    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0", "--no-reload")


@pytest.mark.django_db(transaction=True)
def test_mail_is_retried_and_sent_when_the_server_comes_back(
    client, world, registration_form_data, smtp, settings
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    response = register(client, world.event, registration_form_data)
    assert response.status_code == 302
    run_worker()  # the first try meets a closed port
    email = OutgoingEmail.objects.get()
    assert (email.status, email.attempts) == (Status.PENDING, 1)
    retry = DBTaskResult.objects.get(status="READY")
    assert retry.run_after >= timezone.now() + timedelta(seconds=RETRY_DELAYS[0] - 5)

    run_worker()  # not yet: the retry waits for its time
    assert OutgoingEmail.objects.get().attempts == 1

    smtp.start()
    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
    run_worker()
    email = OutgoingEmail.objects.get()
    assert (email.status, email.attempts) == (Status.SENT, 2)
    (received,) = smtp.messages
    message = email_parser.BytesParser(policy=email_policy.default).parsebytes(received)
    assert message["Subject"].startswith("Ilmoittautuminen vahvistettu")
    text = message.get_body(preferencelist=("plain",)).get_content()
    # Its links lead to the service's public address, not to the machine that sent it.
    assert f"{SITE}/events/registration/" in text
    assert "127.0.0.1" not in text
    # The single-use link does not stay in the outbox once the message is out.
    assert email.body == "" and email.attachments == []


def test_a_refused_address_fails_at_once_and_the_others_still_go(world, smtp):
    smtp.start()
    refused, good = (
        OutgoingEmail.objects.create(purpose="t", to=to, subject="Hei", body="Tervetuloa")
        for to in ("ei.ole@example.fi", "aino@example.fi")
    )
    emails_deliver(email_ids=[refused.pk, good.pk])
    refused.refresh_from_db()
    good.refresh_from_db()
    assert (refused.status, refused.attempts) == (Status.FAILED, 1)
    assert "SMTPRecipientsRefused" in refused.last_error
    assert good.status == Status.SENT
    assert len(smtp.messages) == 1


def test_after_the_last_retry_the_message_is_failed_for_staff_to_see(world, smtp):
    email = OutgoingEmail.objects.create(
        purpose="events.confirmed", to="a@example.fi", subject="A", body="x", project=world.project
    )
    for _ in range(len(RETRY_DELAYS) + 1):
        emails_deliver(email_ids=[email.pk])
    email.refresh_from_db()
    assert (email.status, email.attempts) == (Status.FAILED, len(RETRY_DELAYS) + 1)
    assert email.next_attempt_at is None
    emails_deliver(email_ids=[email.pk])  # a failed message is not tried by itself again
    email.refresh_from_db()
    assert email.attempts == len(RETRY_DELAYS) + 1


def test_a_rolled_back_sign_up_mails_nobody(
    client, world, registration_form_data, smtp, django_capture_on_commit_callbacks
):
    world.event.capacity = 1
    world.event.waitlist_enabled = False
    world.event.save()
    with django_capture_on_commit_callbacks(execute=True):
        response = register(client, world.event, registration_form_data)  # the one seat is taken
    assert response.status_code == 400
    assert not OutgoingEmail.objects.exists()
