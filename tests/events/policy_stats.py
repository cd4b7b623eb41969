"""Access policies of the events API (merged into tests/access_policy.py)."""

from tests.conftest import Actor, World
from tests.harness.access import Outcome, Policy

A = Actor
O = Outcome  # noqa: E741

PUBLIC = dict.fromkeys(Actor, O.OK)
# An event's registrations (personal data) through the API: its staff (project admins and
# organisers, the coordinator of the event's municipality); other users, including the other
# municipality's coordinator, do not learn that the event has any (404); no credentials, 401.
EVENT_STAFF_API = dict.fromkeys(Actor, O.NOT_FOUND) | {
    A.ANONYMOUS: O.UNAUTHORIZED,
    A.ORGANISER: O.OK,
    A.COORDINATOR: O.OK,
    A.PROJECT_ADMIN: O.OK,
}


def event(world: World) -> dict[str, int]:
    return {"event_id": world.event.pk}


def hidden_project_event(world: World) -> dict[str, int]:
    """An event of a project that is not public: nobody can register for it (404)."""
    from tests.factories import EventFactory, ProjectFactory

    project = ProjectFactory(name_fi="Piilotettu hanke", is_public=False)
    return {"event_id": EventFactory(project=project).pk}


# What the harness posts (form-encoded) is a valid registration, so only the event decides.
REGISTRATION = {"name": "Testi Henkilö", "email": "testi@example.fi", "background": 1}

STATS_POLICIES: dict[str, Policy] = {
    "api:list_events": Policy(PUBLIC),
    "api:get_event": Policy(PUBLIC, kwargs=event),
    "api:list_event_registrations": Policy(EVENT_STAFF_API, kwargs=event),
    "api:create_event_registration#post": Policy(
        dict.fromkeys(Actor, O.NOT_FOUND),
        kwargs=hidden_project_event,
        method="post",
        data=REGISTRATION | {"consent": "true"},
    ),
    "api:get_project_event_stats": Policy(
        PUBLIC, kwargs=lambda world: {"slug": world.project.slug}
    ),
}
