"""Who took part in an experiment, counted in the database.

Participants = the unique people present at its sessions + the walk-ins of those sessions +
the anonymous headcounts of the experiment.

* A registration counts when it is marked present, whatever its status (as in
  ``events/statistics.py``: someone who cancelled and came anyway was there). The same person
  at several sessions counts once: registrations are unique by lower-cased e-mail address.
  Anonymised registrations have no address left, so each counts by itself.
* Cancelled sessions are left out: nothing took place.

Three queries answer for any number of experiments.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, Q, Sum
from django.db.models.functions import Lower

from yhdessa.events.models import Attendance, Registration, WalkIn
from yhdessa.experiments.models import AnonymousHeadcount, Experiment


@dataclass(frozen=True)
class ParticipantCounts:
    registered_present: int = 0
    walk_ins: int = 0
    headcounts: int = 0

    @property
    def total(self) -> int:
        return self.registered_present + self.walk_ins + self.headcounts


def participants_by_experiment(experiment_ids: Iterable[int]) -> dict[int, ParticipantCounts]:
    """``{experiment id: ParticipantCounts}`` for every id given (zeros when none)."""
    ids = list(experiment_ids)
    named = Q(email__gt="")
    registered = (
        Registration.objects.filter(
            attendance=Attendance.PRESENT,
            event__experiments__in=ids,
            event__cancelled_at__isnull=True,
        )
        .values("event__experiments")
        .annotate(
            people=Count(Lower("email"), filter=named, distinct=True),
            anonymous=Count("pk", filter=~named, distinct=True),
        )
    )
    walk_ins = (
        WalkIn.objects.filter(event__experiments__in=ids, event__cancelled_at__isnull=True)
        .values("event__experiments")
        .annotate(n=Sum("count"))
    )
    headcounts = (
        AnonymousHeadcount.objects.filter(experiment__in=ids)
        .values("experiment")
        .annotate(n=Sum("count"))
    )
    present = {row["event__experiments"]: row["people"] + row["anonymous"] for row in registered}
    walked = {row["event__experiments"]: row["n"] for row in walk_ins}
    counted = {row["experiment"]: row["n"] for row in headcounts}
    return {
        pk: ParticipantCounts(
            registered_present=present.get(pk, 0),
            walk_ins=walked.get(pk, 0),
            headcounts=counted.get(pk, 0),
        )
        for pk in ids
    }


def experiment_participants(experiment: Experiment) -> ParticipantCounts:
    return participants_by_experiment([experiment.pk])[experiment.pk]
