"""Participants: unique people present at the sessions, walk-ins and anonymous headcounts."""

import pytest
from django.utils import timezone

from tests.experiments.factories import ExperimentFactory, HeadcountFactory
from tests.factories import EventFactory, RegistrationFactory
from yhdessa.events.models import Attendance, Event, Registration, WalkIn
from yhdessa.experiments.participants import (
    experiment_participants,
    participants_by_experiment,
)

pytestmark = pytest.mark.django_db
PRESENT = Attendance.PRESENT


def session(experiment) -> Event:
    event = EventFactory(
        project=experiment.project,
        municipality=experiment.municipality,
        kind=Event.Kind.EXPERIMENT_SESSION,
    )
    experiment.sessions.add(event)
    return event


def test_the_same_person_at_several_sessions_counts_once(world):
    experiment = ExperimentFactory(project=world.project, municipality=world.nivala)
    first, second = session(experiment), session(experiment)
    RegistrationFactory(event=first, email="maija@example.fi", attendance=PRESENT)
    RegistrationFactory(event=second, email="Maija@Example.fi", attendance=PRESENT)
    RegistrationFactory(event=second, email="pekka@example.fi", attendance=PRESENT)
    RegistrationFactory(event=second, email="poissa@example.fi", attendance=Attendance.ABSENT)
    RegistrationFactory(event=second, email="eimerkitty@example.fi")
    # Cancelled but came anyway: was there (as in the event statistics).
    RegistrationFactory(
        event=first,
        email="peruja@example.fi",
        status=Registration.Status.CANCELLED,
        attendance=PRESENT,
    )
    # Anonymised sign-ups have no address left: each counts by itself.
    RegistrationFactory(
        event=first, email="", name="", attendance=PRESENT, anonymised_at=timezone.now()
    )
    RegistrationFactory(
        event=second, email="", name="", attendance=PRESENT, anonymised_at=timezone.now()
    )
    WalkIn.objects.create(event=first, count=4)
    WalkIn.objects.create(event=second, count=2)
    HeadcountFactory(experiment=experiment, count=20)
    HeadcountFactory(experiment=experiment, count=5)

    counts = experiment_participants(experiment)

    assert counts.registered_present == 5  # maija, pekka, peruja + two anonymised
    assert counts.walk_ins == 6
    assert counts.headcounts == 25
    assert counts.total == 36


def test_other_events_and_cancelled_sessions_do_not_count(world):
    experiment = ExperimentFactory(project=world.project, municipality=world.nivala)
    cancelled = session(experiment)
    Event.objects.filter(pk=cancelled.pk).update(cancelled_at=timezone.now())
    RegistrationFactory(event=cancelled, attendance=PRESENT)
    WalkIn.objects.create(event=cancelled, count=3)
    RegistrationFactory(event=world.event, attendance=PRESENT)  # not a session of it
    other = ExperimentFactory(project=world.project, municipality=world.nivala)
    HeadcountFactory(experiment=other, count=9)

    counts = participants_by_experiment([experiment.pk, other.pk])

    assert counts[experiment.pk].total == 0
    assert counts[other.pk].total == 9


def _experiments_with_people(world, size: int) -> list[int]:
    ids = []
    for _ in range(size):
        experiment = ExperimentFactory(project=world.project, municipality=world.nivala)
        for event in (session(experiment), session(experiment)):
            for person in range(size):
                RegistrationFactory(event=event, email=f"p{person}@example.fi", attendance=PRESENT)
            WalkIn.objects.create(event=event, count=1)
        HeadcountFactory(experiment=experiment, count=2)
        ids.append(experiment.pk)
    return ids


@pytest.mark.parametrize("size", [1, 6])
def test_counting_takes_the_same_queries_however_many_there_are(
    world, size, django_assert_max_num_queries
):
    ids = _experiments_with_people(world, size)
    with django_assert_max_num_queries(3):
        counts = participants_by_experiment(ids)
    assert {c.total for c in counts.values()} == {size + 2 + 2}
