"""Fixtures shared by the whole suite: the tenancy world with one user per role."""

import enum
from dataclasses import dataclass

import pytest
from django.core.cache import cache
from django.utils import translation

from tests.factories import (
    BackgroundCategoryFactory,
    EventFactory,
    MembershipFactory,
    MunicipalityFactory,
    OrganisationFactory,
    ProjectFactory,
    RegistrationFactory,
    UserFactory,
)
from yhdessa.accounts.models import Role, User
from yhdessa.directory.models import Municipality, Organisation
from yhdessa.events.models import Event, Registration
from yhdessa.projects.models import Project


def pytest_configure(config):
    from django.conf import settings

    # Password hashing is deliberately slow; tests create many users and need no such safety.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Background tasks run at once, inside the test (a test of the queue itself sets the
    # database backend and runs the worker).
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    # The cache in memory, emptied after each test (fixture below): the database cache's rows
    # would outlive the tests that roll their data back. The live server shares it (a thread).
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    # Tests send many requests from one address; tests/test_rate_limits.py switches them on.
    settings.RATELIMIT_ENABLE = False


@pytest.fixture(autouse=True)
def fresh_cache_and_storage(settings, tmp_path):
    """Kept reports and rate-limit counts start empty; uploaded and built files go to a
    temporary folder, not to the checkout's var/."""
    settings.MEDIA_ROOT = tmp_path / "media"
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def site_profile_in_memory():
    """Each test starts like a running fresh installation: the service's profile, read on
    every page, is the default one and already in the process's memory (siteinfo/selectors.py),
    so query counts measure the page itself. Saving a profile forgets it (siteinfo/services.py).
    """
    from yhdessa.siteinfo import selectors

    selectors.remember_profile(selectors.default_profile())
    yield
    selectors.remember_profile(None)


@pytest.fixture(autouse=True)
def finnish_by_default():
    """Each test starts in Finnish: a request to /sv/ must not leave Swedish active for the
    code that the next test calls outside a request."""
    translation.activate("fi")
    yield
    translation.deactivate()


class Actor(enum.Enum):
    """The people every access rule is tried with (DESIGN.md: owner, member, outsider…)."""

    ANONYMOUS = "anonymous"
    OUTSIDER = "outsider"  # logged in, no role anywhere
    VIEWER = "viewer"  # project viewer
    ORGANISER = "organiser"  # project organiser
    OTHER_COORDINATOR = "other_coordinator"  # coordinator of Sievi, the other tenant
    COORDINATOR = "coordinator"  # coordinator of Nivala, whose data the URLs point at
    PROJECT_ADMIN = "project_admin"


@dataclass
class World:
    project: Project
    nivala: Municipality
    sievi: Municipality
    nivala_org: Organisation
    sievi_org: Organisation
    users: dict[Actor, User | None]
    event: Event  # a training of the project in Nivala
    registration: Registration


@pytest.fixture
def world(db) -> World:
    nivala = MunicipalityFactory(code="535", name_fi="Nivala", name_sv="Nivala")
    sievi = MunicipalityFactory(code="746", name_fi="Sievi", name_sv="Sievi")
    project = ProjectFactory(name_fi="Yhdessä osallisuutta", slug="yhdessa-osallisuutta")
    project.partner_municipalities.set([nivala, sievi])
    users: dict[Actor, User | None] = {Actor.ANONYMOUS: None}
    users[Actor.OUTSIDER] = UserFactory(email="outsider@example.fi")
    scoped = {
        Actor.VIEWER: (Role.VIEWER, {"project": project}),
        Actor.ORGANISER: (Role.ORGANISER, {"project": project}),
        Actor.OTHER_COORDINATOR: (Role.COORDINATOR, {"municipality": sievi}),
        Actor.COORDINATOR: (Role.COORDINATOR, {"municipality": nivala}),
        Actor.PROJECT_ADMIN: (Role.PROJECT_ADMIN, {"project": project}),
    }
    for actor, (role, scope) in scoped.items():
        user = UserFactory(email=f"{actor.value.replace('_', '.')}@example.fi")
        MembershipFactory(user=user, role=role, **scope)
        users[actor] = user
    background = BackgroundCategoryFactory(project=project, name_fi="Kuntien työntekijät")
    event = EventFactory(project=project, municipality=nivala, title_fi="Hyvä kohtaaminen")
    registration = RegistrationFactory(event=event, name="Maija Meikäläinen", background=background)
    return World(
        event=event,
        registration=registration,
        project=project,
        nivala=nivala,
        sievi=sievi,
        nivala_org=OrganisationFactory(name="Nivalan Eläkkeensaajat ry", municipality=nivala),
        sievi_org=OrganisationFactory(name="Sievin Kotiseutuyhdistys ry", municipality=sievi),
        users=users,
    )


@pytest.fixture
def client_as(client, world):
    """``client_as(Actor.COORDINATOR)`` gives the test client logged in as that person."""

    def login(actor: Actor):
        client.logout()
        user = world.users[actor]
        if user is not None:
            client.force_login(user)
        return client

    return login


@pytest.fixture
def registration_form_data(world):
    """What a resident fills in on the sign-up form of the world's event."""
    return {
        "name": "Aino Asukas",
        "email": "Aino.Asukas@Example.fi",
        "organisation_name": "",
        "background": world.registration.background_id,
        "municipality": world.nivala.pk,
        "needs": "Gluteeniton ruokavalio",
        "consent": "on",
    }
