"""Access policies of the cooperation structure pages, open data and API
(merged into tests/access_policy.py)."""

import datetime
from typing import Any

from tests.conftest import Actor, World
from tests.harness.access import Outcome, Policy
from yhdessa.directory.models import CooperationStructure
from yhdessa.projects.models import ProjectActivity

A = Actor
O = Outcome  # noqa: E741

PUBLIC = dict.fromkeys(Actor, O.OK)
# A municipality's directory is kept by its coordinators and the admins of projects it is a
# partner in (municipalities_for_staff); everyone else signed in gets 404, as for its workspace.
NIVALA_KEEPERS = dict.fromkeys(Actor, O.NOT_FOUND) | {
    A.ANONYMOUS: O.LOGIN,
    A.COORDINATOR: O.OK,
    A.PROJECT_ADMIN: O.OK,
}
NIVALA_KEEPERS_POST = NIVALA_KEEPERS | {A.COORDINATOR: O.REDIRECT, A.PROJECT_ADMIN: O.REDIRECT}
# A project's own pages: admins; members without the role 403, others 404.
PROJECT_ADMIN_ONLY = dict.fromkeys(Actor, O.NOT_FOUND) | {
    A.ANONYMOUS: O.LOGIN,
    A.VIEWER: O.FORBIDDEN,
    A.ORGANISER: O.FORBIDDEN,
    A.PROJECT_ADMIN: O.OK,
}


def _entry(world: World) -> CooperationStructure:
    return CooperationStructure.objects.create(
        municipality=world.nivala,
        kind=CooperationStructure.Kind.FORUM,
        title_fi="Järjestöfoorumi",
        rhythm="Kahdesti vuodessa",
    )


def nivala(world: World) -> dict[str, Any]:
    return {"code": world.nivala.code}


def nivala_entry(world: World) -> dict[str, Any]:
    return {"code": world.nivala.code, "pk": _entry(world).pk}


def nivala_kind(world: World) -> dict[str, Any]:
    return {"code": world.nivala.code, "kind": "forum"}


def project(world: World) -> dict[str, Any]:
    return {"slug": world.project.slug}


def activity(world: World) -> dict[str, Any]:
    entry = ProjectActivity.objects.create(
        project=world.project,
        kind=ProjectActivity.Kind.SUPPORT,
        title="Kyläneuvoston perustaminen",
        starts_on=datetime.date(2022, 3, 1),
    )
    return {"slug": world.project.slug, "pk": entry.pk}


COOPERATION_POLICIES: dict[str, Policy] = {
    "directory:cooperation_search": Policy(PUBLIC),
    "directory:cooperation_open_data_csv": Policy(PUBLIC),
    "directory:cooperation_open_data_json": Policy(PUBLIC),
    "directory:municipality_cooperation": Policy(PUBLIC, kwargs=nivala),
    "directory:cooperation_staff": Policy(NIVALA_KEEPERS, kwargs=nivala),
    "directory:cooperation_create": Policy(NIVALA_KEEPERS, kwargs=nivala_kind),
    "directory:cooperation_edit": Policy(NIVALA_KEEPERS, kwargs=nivala_entry),
    "directory:cooperation_delete": Policy(NIVALA_KEEPERS, kwargs=nivala_entry),
    "directory:cooperation_checked": Policy(
        dict.fromkeys(Actor, O.NOT_ALLOWED), kwargs=nivala_entry
    ),
    "directory:cooperation_checked#post": Policy(
        NIVALA_KEEPERS_POST, kwargs=nivala_entry, method="post"
    ),
    "directory:project_activities": Policy(PROJECT_ADMIN_ONLY, kwargs=project),
    "directory:activity_edit": Policy(PROJECT_ADMIN_ONLY, kwargs=activity),
    "directory:activity_delete": Policy(PROJECT_ADMIN_ONLY, kwargs=activity),
    # Deleting is tried in tests/directory/test_cooperation_staff.py and
    # tests/projects/test_activities.py: a row here would delete for the first actor.
    "api:list_cooperation": Policy(PUBLIC),
    "api:get_municipality_cooperation": Policy(PUBLIC, kwargs=nivala),
    "api:list_project_activities": Policy(PUBLIC, kwargs=project),
}
