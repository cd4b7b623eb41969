"""Access policies of the tip list, checklist and publication pages and API
(merged into tests/access_policy.py), and the small builders their tests share."""

import datetime
from typing import Any

from django.utils import timezone

from tests.conftest import Actor, World
from tests.experiments.factories import ExperimentFactory
from tests.harness.access import Outcome, Policy
from yhdessa.directory.models import Municipality
from yhdessa.experiments.models import Experiment
from yhdessa.projects.models import Project
from yhdessa.toolkit.models import (
    Checklist,
    ChecklistItem,
    Phase,
    Publication,
    PublicationKind,
    TipItem,
    TipList,
    TipListVersion,
)

A = Actor
O = Outcome  # noqa: E741

# --- Builders --------------------------------------------------------------------------------


def make_tip_list(
    project: Project | None = None, *, slug: str = "teemaviikot", published: bool = True
) -> TipList:
    tip_list = TipList.objects.create(
        slug=slug, title_fi="Teemaviikkojen vinkkilista", title_sv="Temaveckor", project=project
    )
    version = TipListVersion.objects.create(
        tip_list=tip_list,
        number=1,
        published_at=timezone.now() - datetime.timedelta(days=30) if published else None,
    )
    for position, (phase, text) in enumerate(
        [
            (Phase.PLAN, "Valitkaa teema hyvissä ajoin."),
            (Phase.DO, "Kertokaa ohjelmasta monessa kanavassa."),
            (Phase.FOLLOW_UP, "Kysykää palautetta."),
        ],
        start=1,
    ):
        TipItem.objects.create(
            version=version, phase=phase, text_fi=text, text_sv=f"sv: {text}", position=position
        )
    return tip_list


def make_checklist(
    tip_list: TipList,
    *,
    experiment: Experiment | None = None,
    municipality: Municipality | None = None,
) -> Checklist:
    version = tip_list.versions.get(number=1)
    checklist = Checklist.objects.create(
        tip_list=tip_list, version=version, experiment=experiment, municipality=municipality
    )
    for tip in version.items.all():
        ChecklistItem.objects.create(
            checklist=checklist, tip=tip, phase=tip.phase, text=tip.text_fi, position=tip.position
        )
    return checklist


def make_publication(project: Project, **fields: Any) -> Publication:
    values: dict[str, Any] = {
        "kind": PublicationKind.BLOG,
        "title": "Hanke käynnistyy",
        "channel": "hankesivusto",
        "published_on": datetime.date(2021, 3, 15),
    }
    return Publication.objects.create(project=project, **(values | fields))


# --- World setups ----------------------------------------------------------------------------


def _tip_list(world: World) -> dict[str, Any]:
    return {"slug": make_tip_list(world.project).slug, "number": 1}


def _experiment_checklist(world: World) -> Checklist:
    experiment = ExperimentFactory(project=world.project, municipality=world.nivala)
    return make_checklist(make_tip_list(world.project), experiment=experiment)


def _municipality_checklist(world: World) -> dict[str, Any]:
    tip_list = make_tip_list(world.project, slug="kohtaamispaikka")
    return {"pk": make_checklist(tip_list, municipality=world.nivala).pk}


def _item(world: World) -> dict[str, Any]:
    return {"pk": _experiment_checklist(world).items.first().pk}  # type: ignore[union-attr]


def _project(world: World, *, public: bool = True) -> dict[str, Any]:
    world.project.is_public = public
    world.project.save(update_fields=["is_public"])
    return {"slug": world.project.slug, "pk": make_publication(world.project).pk}


PUBLIC = dict.fromkeys(Actor, O.OK)
SIGNED_IN = dict.fromkeys(Actor, O.OK) | {A.ANONYMOUS: O.LOGIN}
# The project's admins edit; its other members are told no (403); others do not learn of it.
PROJECT_ADMINS = dict.fromkeys(Actor, O.NOT_FOUND) | {
    A.ANONYMOUS: O.LOGIN,
    A.VIEWER: O.FORBIDDEN,
    A.ORGANISER: O.FORBIDDEN,
    A.PROJECT_ADMIN: O.OK,
}
PROJECT_ADMINS_POST = PROJECT_ADMINS | {A.PROJECT_ADMIN: O.REDIRECT}
# An experiment's checklist: its staff read it (the project's members and the coordinator of
# its municipality); its managers change it.
EXPERIMENT_STAFF = dict.fromkeys(Actor, O.NOT_FOUND) | {
    A.ANONYMOUS: O.LOGIN,
    A.VIEWER: O.OK,
    A.ORGANISER: O.OK,
    A.COORDINATOR: O.OK,
    A.PROJECT_ADMIN: O.OK,
}
EXPERIMENT_MANAGERS_POST = EXPERIMENT_STAFF | {
    A.VIEWER: O.FORBIDDEN,
    A.ORGANISER: O.FORBIDDEN,
    A.COORDINATOR: O.REDIRECT,
    A.PROJECT_ADMIN: O.REDIRECT,
}
# A municipality's checklist: its coordinators and the admins of projects it is a partner in.
MUNICIPALITY_STAFF = dict.fromkeys(Actor, O.NOT_FOUND) | {
    A.ANONYMOUS: O.LOGIN,
    A.COORDINATOR: O.OK,
    A.PROJECT_ADMIN: O.OK,
}
PROJECT_MEMBERS = dict.fromkeys(Actor, O.NOT_FOUND) | {
    A.VIEWER: O.OK,
    A.ORGANISER: O.OK,
    A.PROJECT_ADMIN: O.OK,
}

TIP_POLICIES: dict[str, Policy] = {
    "toolkit:tip_list_index": Policy(PUBLIC, kwargs=_tip_list),
    "toolkit:tip_list_detail": Policy(PUBLIC, kwargs=_tip_list),
    "toolkit:tip_list_version": Policy(PUBLIC, kwargs=_tip_list),
    "toolkit:tip_list_adopt": Policy(SIGNED_IN, kwargs=_tip_list),
    "toolkit:tip_list_edit": Policy(PROJECT_ADMINS, kwargs=_tip_list),
    "toolkit:tip_list_publish": Policy(PROJECT_ADMINS_POST, kwargs=_tip_list, method="post"),
    "toolkit:checklist_list": Policy(SIGNED_IN),
    "toolkit:checklist_detail": Policy(
        EXPERIMENT_STAFF, kwargs=lambda world: {"pk": _experiment_checklist(world).pk}
    ),
    "toolkit:checklist_detail#municipality": Policy(
        MUNICIPALITY_STAFF, kwargs=_municipality_checklist
    ),
    "toolkit:checklist_item_update": Policy(
        EXPERIMENT_MANAGERS_POST, kwargs=_item, method="post", data={}
    ),
    "toolkit:publication_list": Policy(PUBLIC, kwargs=_project),
    "toolkit:publication_list#hidden": Policy(
        PROJECT_MEMBERS, kwargs=lambda world: _project(world, public=False)
    ),
    "toolkit:publication_create": Policy(PROJECT_ADMINS, kwargs=_project),
    "toolkit:publication_edit": Policy(PROJECT_ADMINS, kwargs=_project),
    "toolkit:publication_delete": Policy(PROJECT_ADMINS, kwargs=_project),
    "api:list_tip_lists": Policy(PUBLIC, kwargs=_tip_list),
    "api:get_tip_list": Policy(PUBLIC, kwargs=_tip_list),
    "api:get_project_publications": Policy(PUBLIC, kwargs=_project),
    "api:get_project_publications#hidden": Policy(
        PROJECT_MEMBERS, kwargs=lambda world: _project(world, public=False)
    ),
    "api:list_checklists": Policy(dict.fromkeys(Actor, O.OK) | {A.ANONYMOUS: O.UNAUTHORIZED}),
}
