"""Access policies of the pages that create and edit surveys (merged into tests/access_policy.py).

The edit URLs point at the test world's Nivala survey (tests/surveys/world.py).
"""

from collections.abc import Iterator, Mapping
from datetime import datetime

from django.utils import timezone

from tests.conftest import Actor, World
from tests.harness.access import Outcome, Policy
from tests.surveys.world import nivala_survey

A = Actor
O = Outcome  # noqa: E741

# A new survey: the project's admins, and the coordinators of its partner municipalities
# (Sievi is one too, so its coordinator may make a survey of Sievi). Project members without
# either role are refused (403); outsiders never learn of the page (404).
SURVEY_CREATORS = dict.fromkeys(Actor, O.NOT_FOUND) | {
    A.ANONYMOUS: O.LOGIN,
    A.VIEWER: O.FORBIDDEN,
    A.ORGANISER: O.FORBIDDEN,
    A.OTHER_COORDINATOR: O.OK,
    A.COORDINATOR: O.OK,
    A.PROJECT_ADMIN: O.OK,
}
# Editing Nivala's survey: its managers (project admins, Nivala's coordinator); the other
# members of the project 403, Sievi's coordinator and outsiders 404.
SURVEY_MANAGERS = SURVEY_CREATORS | {A.OTHER_COORDINATOR: O.NOT_FOUND}
SURVEY_MANAGERS_POST = SURVEY_MANAGERS | {A.COORDINATOR: O.REDIRECT, A.PROJECT_ADMIN: O.REDIRECT}


def project(world: World) -> dict[str, str]:
    return {"slug": world.project.slug}


def survey(world: World) -> dict[str, int]:
    return {"pk": nivala_survey(world).pk}


def _local(moment: datetime | None) -> str:
    return "" if moment is None else f"{timezone.localtime(moment):%Y-%m-%dT%H:%M}"


class NivalaSurveyAsSaved(Mapping[str, str]):
    """The edit form of Nivala's survey posted as it is. Read from the database when the
    harness posts it: the survey and its waves exist only once the row's ``kwargs`` made them.
    (No such row for a new survey: no one municipality is valid for both coordinators.)"""

    def _data(self) -> dict[str, str]:
        from yhdessa.surveys.models import Survey

        saved = Survey.objects.get(municipality__code="535")  # the world's one survey
        data = {
            "title_fi": saved.title_fi or "",
            "instrument_version": str(saved.instrument_version_id),
            "municipality": str(saved.municipality_id),
            "event": "",
            "waves-INITIAL_FORMS": str(saved.waves.count()),
            "waves-TOTAL_FORMS": str(saved.waves.count()),
        }
        for index, wave in enumerate(saved.waves.order_by("position", "pk")):
            data |= {
                f"waves-{index}-id": str(wave.pk),
                f"waves-{index}-key": wave.key,
                f"waves-{index}-label_fi": wave.label_fi or "",
                f"waves-{index}-opens_at": _local(wave.opens_at),
                f"waves-{index}-closes_at": _local(wave.closes_at),
                f"waves-{index}-position": str(wave.position),
            }
        return data

    def __getitem__(self, key: str) -> str:
        return self._data()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data())

    def __len__(self) -> int:
        return len(self._data())


MANAGEMENT_POLICIES: dict[str, Policy] = {
    "surveys:survey_create": Policy(SURVEY_CREATORS, kwargs=project),
    "surveys:survey_edit": Policy(SURVEY_MANAGERS, kwargs=survey),
    "surveys:survey_edit#post": Policy(
        SURVEY_MANAGERS_POST, kwargs=survey, method="post", data=NivalaSurveyAsSaved()
    ),
}
