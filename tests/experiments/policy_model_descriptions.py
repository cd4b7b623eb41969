"""Access policies of the operational model description pages and API
(merged into tests/access_policy.py).

The URLs point at a description of the test world's Nivala experiment: published ones are
public, a draft answers only its project's staff (the members of the project, and Nivala's
coordinator as the coordinator of the experiment's municipality); everyone else gets 404.
Writing is for the project's admins and Nivala's coordinator; the other members get 403.
"""

import datetime
from decimal import Decimal
from typing import Any

from tests.conftest import Actor, World
from tests.experiments.factories import (
    CostLineFactory,
    ExperimentFactory,
    HeadcountFactory,
    seed_parameters,
)
from tests.harness.access import Outcome, Policy
from tests.surveys.builders import respond
from tests.surveys.world import nivala_survey
from yhdessa.experiments import model_services
from yhdessa.experiments.models import CostKind, Experiment, ModelDescription

A = Actor
O = Outcome  # noqa: E741

PUBLIC = dict.fromkeys(Actor, O.OK)
# A draft: the project's staff read it; others never learn of it.
DRAFT_READERS = dict.fromkeys(Actor, O.NOT_FOUND) | {
    A.VIEWER: O.OK,
    A.ORGANISER: O.OK,
    A.COORDINATOR: O.OK,
    A.PROJECT_ADMIN: O.OK,
}
# Writing a description of Nivala's experiment: its managers.
WRITERS = DRAFT_READERS | {A.ANONYMOUS: O.LOGIN, A.VIEWER: O.FORBIDDEN, A.ORGANISER: O.FORBIDDEN}
# A published description is seen by everyone, so non-managers are refused rather than hidden.
WRITERS_OF_PUBLISHED = WRITERS | {A.OUTSIDER: O.FORBIDDEN, A.OTHER_COORDINATOR: O.FORBIDDEN}
# A standalone description of the project: its admins.
PROJECT_ADMINS = WRITERS | {A.COORDINATOR: O.NOT_FOUND}
SIGNED_IN = PUBLIC | {A.ANONYMOUS: O.LOGIN}
PUBLISH = {
    actor: (O.REDIRECT if outcome == O.OK else outcome) for actor, outcome in WRITERS.items()
}
API_DRAFT = DRAFT_READERS
POST_ONLY = dict.fromkeys(Actor, O.NOT_ALLOWED) | {A.ANONYMOUS: O.LOGIN}


def nivala_experiment(world: World, *, participants: int = 12) -> Experiment:
    """Nivala's experiment with priced cost lines (seed parameters) and a headcount."""
    cached = getattr(world, "_model_experiment", None)
    if cached is not None:
        return cached
    seed_parameters(world.project)
    experiment = ExperimentFactory(
        project=world.project,
        municipality=world.nivala,
        title_fi="Kylätalon olohuone",
        description_fi="Avoin olohuone kylätalolla kerran viikossa.",
        starts_on=datetime.date(2022, 2, 1),
        ends_on=datetime.date(2022, 5, 31),
    )
    CostLineFactory(
        experiment=experiment,
        kind=CostKind.STAFF_TIME,
        amount=None,
        job_title="Kunnan työntekijä (mediaani)",
        hours=Decimal("10"),
        year=2021,
        divisor_name="general_working_time",
        description="Ohjaus",
    )
    CostLineFactory(experiment=experiment, amount=Decimal("150.00"), description="Tilat")
    HeadcountFactory(experiment=experiment, count=participants)
    object.__setattr__(world, "_model_experiment", experiment)
    return experiment


def nivala_description(world: World, *, published: bool = True) -> ModelDescription:
    experiment = nivala_experiment(world)
    description = ModelDescription.objects.filter(experiment=experiment).first()
    if description is None:
        description = model_services.description_from_experiment(actor=None, experiment=experiment)
    if published != description.is_published:
        description = model_services.description_publish(
            actor=None, description=description, publish=published
        )
    return description


def evaluated(world, *, starts: int = 12, ends: int = 10):
    """The Nivala experiment evaluated with the public Nivala survey: ``starts`` answers at the
    start and ``ends`` at the end, the first ``ends`` of them by the same people."""
    survey = nivala_survey(world, is_public=True)
    start, end = survey.waves.order_by("position")
    for number in range(starts):
        respond(start, code=f"pari{number:03}", life_whole=3, need_for_change="small")
    for number in range(ends):
        respond(end, code=f"pari{number:03}", life_whole=2, need_for_change="small")
    experiment = nivala_experiment(world)
    experiment.survey = survey
    experiment.save(update_fields=["survey"])
    return survey


def published(world: World) -> dict[str, Any]:
    return {"slug": nivala_description(world).slug}


def draft(world: World) -> dict[str, Any]:
    return {"slug": nivala_description(world, published=False).slug}


def experiment(world: World) -> dict[str, Any]:
    return {"pk": nivala_experiment(world).pk}


def project(world: World) -> dict[str, Any]:
    return {"slug": world.project.slug}


def _reads(name: str) -> dict[str, Policy]:
    return {
        f"experiments:{name}": Policy(PUBLIC, kwargs=published),
        f"experiments:{name}#draft": Policy(DRAFT_READERS, kwargs=draft),
    }


MODEL_DESCRIPTION_POLICIES: dict[str, Policy] = {
    "experiments:model_list": Policy(PUBLIC),
    **_reads("model_detail"),
    **_reads("model_pdf"),
    **_reads("model_json"),
    **_reads("model_markdown"),
    "experiments:model_adopt": Policy(SIGNED_IN, kwargs=published),
    "experiments:model_adopt#draft": Policy(DRAFT_READERS | {A.ANONYMOUS: O.LOGIN}, kwargs=draft),
    "experiments:model_create_from_experiment": Policy(WRITERS, kwargs=experiment),
    "experiments:model_create": Policy(PROJECT_ADMINS, kwargs=project),
    "experiments:model_edit": Policy(WRITERS, kwargs=draft),
    "experiments:model_edit#published": Policy(WRITERS_OF_PUBLISHED, kwargs=published),
    "experiments:model_publish": Policy(POST_ONLY, kwargs=draft),
    "experiments:model_publish#post": Policy(
        PUBLISH, kwargs=draft, method="post", data={"publish": "0"}
    ),
    "api:list_models": Policy(PUBLIC, data={"project": "yhdessa-osallisuutta"}),
    "api:get_model": Policy(PUBLIC, kwargs=published),
    "api:get_model#draft": Policy(API_DRAFT, kwargs=draft),
}
