"""Access policies of the attendance, walk-in, import and export URLs (merged into
tests/access_policy.py)."""

from tests.conftest import Actor
from tests.harness.access import Outcome, Policy

A = Actor
O = Outcome  # noqa: E741

# The same rule as EVENT_STAFF in tests/access_policy.py (declared again here because that
# module imports this one while it is being built): an event's personal data belongs to the
# project's admins and organisers and the coordinator of the event's municipality.
EVENT_STAFF: dict[Actor, Outcome] = dict.fromkeys(Actor, O.NOT_FOUND) | {
    A.ANONYMOUS: O.LOGIN,
    A.ORGANISER: O.OK,
    A.COORDINATOR: O.OK,
    A.PROJECT_ADMIN: O.OK,
}
# A change by POST: staff are sent back to the page, others learn nothing.
EVENT_STAFF_POST = {
    actor: (O.REDIRECT if outcome == O.OK else outcome) for actor, outcome in EVENT_STAFF.items()
}
POST_ONLY = dict.fromkeys(Actor, O.NOT_ALLOWED)


def event(world):
    return {"pk": world.event.pk}


def registration(world):
    return {"pk": world.event.pk, "registration_pk": world.registration.pk}


def walk_in(world):
    from yhdessa.events.models import WalkIn

    created = WalkIn.objects.create(event=world.event, background=None, count=2)
    return {"pk": world.event.pk, "walk_in_pk": created.pk}


ATTENDANCE_POLICIES: dict[str, Policy] = {
    "events:attendance": Policy(EVENT_STAFF, kwargs=event),
    "events:attendance_mark": Policy(POST_ONLY, kwargs=registration),
    "events:attendance_mark#post": Policy(
        EVENT_STAFF_POST, kwargs=registration, method="post", data={"attendance": "present"}
    ),
    "events:attendance_mark_all": Policy(POST_ONLY, kwargs=event),
    "events:attendance_mark_all#post": Policy(EVENT_STAFF_POST, kwargs=event, method="post"),
    "events:attendance_import": Policy(EVENT_STAFF, kwargs=event),
    "events:walk_in_add": Policy(POST_ONLY, kwargs=event),
    "events:walk_in_add#post": Policy(
        EVENT_STAFF_POST,
        kwargs=event,
        method="post",
        data={"walkin-background": "", "walkin-count": "3"},
    ),
    "events:walk_in_delete": Policy(POST_ONLY, kwargs=walk_in),
    # Deleting is idempotent: the second member of staff finds it gone and is sent back too.
    "events:walk_in_delete#post": Policy(EVENT_STAFF_POST, kwargs=walk_in, method="post"),
    "events:participants_csv": Policy(EVENT_STAFF, kwargs=event),
    "events:participants_xlsx": Policy(EVENT_STAFF, kwargs=event),
}
