"""The demo data set: the seed project *Yhdessä osallisuutta* (2021–2023) and its world.

``yhdessa demo`` calls :func:`load_all`. Each area of the platform adds its part as a module
here and one line in :func:`load_all`, so the whole demo stays in one place. Loading is
idempotent: running it again updates the same rows instead of adding new ones.
"""

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from django.db import transaction

FACTS_PATH = Path(__file__).parent / "data" / "facts.yaml"


@dataclass
class DemoAccount:
    email: str
    role: str


@dataclass
class DemoResult:
    project_slug: str
    accounts: list[DemoAccount] = field(default_factory=list)


def read_facts(path: Path | None = None) -> dict[str, Any]:
    with open(path or FACTS_PATH, encoding="utf-8") as stream:
        return yaml.safe_load(stream)


@transaction.atomic
def load_all(*, password: str, facts_path: Path | None = None) -> DemoResult:
    from yhdessa.demo import (
        accounts,
        cooperation,
        directory,
        events,
        experiments,
        knowledge,
        model_descriptions,
        projects,
        reports,
        siteinfo,
        surveys,
        toolkit,
    )

    facts = read_facts(facts_path)
    places = directory.load(facts)
    project = projects.load(facts, places)
    events.load(facts, project=project, places=places)
    surveys.load(facts, project=project, places=places)
    experiments.load(facts, project=project, places=places)
    model_descriptions.load(facts, project=project)
    cooperation.load(facts, project=project, places=places)
    knowledge.load(facts, project=project, places=places)
    toolkit.load(facts, project=project)
    reports.load(facts, project=project)
    siteinfo.load()
    return DemoResult(
        project_slug=project.slug,
        accounts=accounts.load(project=project, places=places, password=password),
    )
