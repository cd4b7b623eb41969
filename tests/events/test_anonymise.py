"""`yhdessa anonymise` blanks old registrants' personal data and keeps every statistic."""

import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count
from django.utils import timezone

from tests.conftest import Actor
from tests.factories import BackgroundCategoryFactory, EventFactory, RegistrationFactory
from yhdessa.core.models import AuditLogEntry
from yhdessa.events.models import Attendance, Registration

Status = Registration.Status


def ended(days_ago, project):
    starts = timezone.now() - datetime.timedelta(days=days_ago, hours=3)
    return EventFactory(
        project=project, starts_at=starts, ends_at=starts + datetime.timedelta(hours=3)
    )


@pytest.fixture
def events(world):
    """An event that ended 31 days ago with a mix of people, one 29 days ago, and the world's
    upcoming one."""
    staff, ngo = world.registration.background, BackgroundCategoryFactory(project=world.project)
    old, recent = ended(31, world.project), ended(29, world.project)
    mix = [
        (staff, Status.CONFIRMED, Attendance.PRESENT),
        (staff, Status.CONFIRMED, Attendance.ABSENT),
        (ngo, Status.CONFIRMED, Attendance.PRESENT),
        (ngo, Status.WAITLISTED, Attendance.UNKNOWN),
        (None, Status.CANCELLED, Attendance.UNKNOWN),
    ]
    for background, status, attendance in mix:
        RegistrationFactory(
            event=old,
            background=background,
            status=status,
            attendance=attendance,
            municipality=world.nivala,
            organisation_name="Nivalan Eläkkeensaajat ry",
            needs="Laktoositon",
        )
    RegistrationFactory(event=recent, name="Riikka Tuore", attendance=Attendance.PRESENT)
    return old, recent


def statistics():
    """What reports count from registrations: by event, status, attendance, background and
    home municipality."""
    fields = ["event", "status", "attendance", "background", "municipality"]
    return sorted(
        Registration.objects.values(*fields).annotate(n=Count("pk")).values_list(*fields, "n"),
        key=str,
    )


def anonymise(*args):
    out = StringIO()
    call_command("anonymise", *args, stdout=out)
    return out.getvalue()


def test_old_registrations_are_anonymised_and_statistics_stay(events, world):
    old, recent = events
    before = statistics()
    assert (
        anonymise()
        == "Anonymisoitiin 5 ilmoittautumista.\nPoistettiin 0 kyselykutsun sähköpostiosoitteet.\n"
        "Poistettiin 0 vanhaa lähtevää sähköpostia.\n"
    )
    for registration in Registration.objects.filter(event=old):
        assert (registration.name, registration.email) == ("", "")
        assert (registration.organisation_name, registration.needs) == ("", "")
        assert registration.anonymised_at is not None
    assert Registration.objects.get(event=recent).name == "Riikka Tuore"
    assert Registration.objects.get(pk=world.registration.pk).name == "Maija Meikäläinen"
    assert statistics() == before
    entry = AuditLogEntry.objects.get(action="events.registrations.anonymised")
    assert entry.data == {"count": 5, "days": 30}


def test_running_again_changes_nothing(events):
    anonymise()
    first = dict(Registration.objects.values_list("pk", "anonymised_at"))
    assert (
        anonymise()
        == "Anonymisoitiin 0 ilmoittautumista.\nPoistettiin 0 kyselykutsun sähköpostiosoitteet.\n"
        "Poistettiin 0 vanhaa lähtevää sähköpostia.\n"
    )
    assert dict(Registration.objects.values_list("pk", "anonymised_at")) == first
    assert AuditLogEntry.objects.filter(action="events.registrations.anonymised").count() == 1


def test_days_option_and_setting_choose_the_age(events, settings):
    _old, recent = events
    assert (
        anonymise("--days", "40")
        == "Anonymisoitiin 0 ilmoittautumista.\nPoistettiin 0 kyselykutsun sähköpostiosoitteet.\n"
        "Poistettiin 0 vanhaa lähtevää sähköpostia.\n"
    )
    settings.YHDESSA_ANONYMISE_AFTER_DAYS = 60
    assert (
        anonymise()
        == "Anonymisoitiin 0 ilmoittautumista.\nPoistettiin 0 kyselykutsun sähköpostiosoitteet.\n"
        "Poistettiin 0 vanhaa lähtevää sähköpostia.\n"
    )
    assert (
        anonymise("--days", "28")
        == "Anonymisoitiin 6 ilmoittautumista.\nPoistettiin 0 kyselykutsun sähköpostiosoitteet.\n"
        "Poistettiin 0 vanhaa lähtevää sähköpostia.\n"
    )
    assert not Registration.objects.filter(event=recent, anonymised_at=None).exists()


def test_negative_days_are_refused(events):
    with pytest.raises(CommandError):
        anonymise("--days", "-1")
    assert not Registration.objects.exclude(anonymised_at=None).exists()


def test_anonymised_people_stay_countable_on_the_attendance_page(client_as, events):
    old, _recent = events
    anonymise()
    response = client_as(Actor.PROJECT_ADMIN).get(f"/staff/events/{old.pk}/attendance/")
    assert response.context["counts"] == {
        "confirmed": 3,
        "waitlisted": 1,
        "present": 2,
        "absent": 1,
        "unmarked": 1,
        "walk_ins": 0,
        "present_total": 2,
    }
    assert "Anonymisoitu" in response.content.decode()
    assert "Laktoositon" not in response.content.decode()
