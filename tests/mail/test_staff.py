"""Staff see the project's messages that have not gone out, and can send them again."""

from django.core import mail

from tests.conftest import Actor
from yhdessa.mail.models import OutgoingEmail

Status = OutgoingEmail.Status


def make(project, **fields) -> OutgoingEmail:
    defaults = {"purpose": "events.confirmed", "to": "aino@example.fi", "subject": "Tervetuloa"}
    return OutgoingEmail.objects.create(project=project, body="Hei", **(defaults | fields))


def test_admin_sees_failed_and_waiting_messages_and_sends_them_again(
    client_as, world, django_capture_on_commit_callbacks
):
    failed = make(
        world.project, status=Status.FAILED, attempts=6, last_error="SMTPServerDisconnected"
    )
    make(world.project, to="sent@example.fi", status=Status.SENT)
    client = client_as(Actor.PROJECT_ADMIN)
    page = client.get(f"/staff/projects/{world.project.slug}/mail/").content.decode()
    assert "aino@example.fi" in page and "SMTPServerDisconnected" in page
    assert "sent@example.fi" not in page

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/staff/projects/{world.project.slug}/mail/retry/", follow=True)
    assert "1 viesti lähetetään uudelleen." in response.content.decode()
    failed.refresh_from_db()
    assert failed.status == Status.SENT
    assert [message.to for message in mail.outbox] == [["aino@example.fi"]]


def test_another_projects_messages_are_not_listed(client_as, world):
    from tests.factories import ProjectFactory

    make(ProjectFactory(), to="toinen@example.fi", status=Status.FAILED)
    page = client_as(Actor.PROJECT_ADMIN).get(f"/staff/projects/{world.project.slug}/mail/")
    assert "toinen@example.fi" not in page.content.decode()
    assert "Kaikki hankkeen viestit on lähetetty." in page.content.decode()


def test_anonymise_deletes_old_messages_with_their_addresses(world):
    import datetime
    from io import StringIO

    from django.core.management import call_command
    from django.utils import timezone

    old = make(world.project, status=Status.SENT)
    OutgoingEmail.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=31)
    )
    recent = make(world.project, status=Status.FAILED)
    out = StringIO()
    call_command("anonymise", stdout=out)
    assert list(OutgoingEmail.objects.values_list("pk", flat=True)) == [recent.pk]
    assert "Poistettiin 1 vanha lähtevä sähköposti." in out.getvalue()
