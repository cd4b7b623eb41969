import datetime

import pytest
from django.core.management import call_command

from tests.conftest import Actor
from tests.surveys.world import nivala_survey
from yhdessa.core.models import AuditLogEntry
from yhdessa.surveys import services
from yhdessa.surveys.models import Invitation

pytestmark = pytest.mark.django_db


def test_addresses_are_blanked_after_the_wave_closes_and_the_rate_stays(world, settings):
    settings.YHDESSA_ANONYMISE_AFTER_DAYS = 30
    survey = nivala_survey(world)
    start = survey.waves.get(key="start")
    for number in range(6):
        services.invitation_create(wave=start, email=f"kutsuttu{number}@example.fi")
    Invitation.objects.filter(pk__in=Invitation.objects.values("pk")[:4]).update(is_used=True)

    call_command("anonymise")  # the wave is still open: nothing to do
    assert not Invitation.objects.filter(email="").exists()

    later = start.closes_at + datetime.timedelta(days=31)
    from yhdessa.surveys.privacy import invitations_anonymise

    assert invitations_anonymise(now=later) == 6
    assert invitations_anonymise(now=later) == 0  # running again changes nothing
    assert set(Invitation.objects.values_list("email", flat=True)) == {""}
    assert Invitation.objects.filter(is_used=True).count() == 4  # the response rate stays
    assert AuditLogEntry.objects.get(action="surveys.invitations.anonymised").data["count"] == 6


def test_no_reminder_goes_to_a_blanked_address(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    survey = nivala_survey(world)
    start = survey.waves.get(key="start")
    services.invitation_create(wave=start, email="")
    services.invitation_create(wave=start, email="odottaa@example.fi")
    admin = world.users[Actor.PROJECT_ADMIN]
    with django_capture_on_commit_callbacks(execute=True):
        sent = services.invitations_remind(actor=admin, wave=start, language="fi")
    assert sent == 1
    assert [message.to for message in mailoutbox] == [["odottaa@example.fi"]]
