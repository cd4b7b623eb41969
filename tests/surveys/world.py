"""A survey in the test world (tests/conftest.py), made on first use by the tests that need it.

The access-matrix rows of survey pages call :func:`nivala_survey` from their ``kwargs``, so the
world fixture itself stays cheap for the hundreds of tests that never touch a survey.
"""

from datetime import timedelta

from django.utils import timezone

from tests.conftest import World
from yhdessa.surveys.instruments import load_instruments
from yhdessa.surveys.models import Survey, Wave


def nivala_survey(world: World, *, is_public: bool = False) -> Survey:
    """The project's life-situation survey in Nivala: ``start`` open now, ``end`` in a month."""
    cached = getattr(world, "_nivala_survey", None)
    if cached is not None and cached.is_public == is_public:
        return cached
    version = load_instruments()["arki-ja-elama"]
    now = timezone.now()
    survey = Survey.objects.create(
        project=world.project,
        instrument_version=version,
        title="Minun arkeni ja elämäni, Nivala",
        municipality=world.nivala,
        is_public=is_public,
    )
    Wave.objects.create(
        survey=survey,
        key="start",
        label_fi="Aloitus",
        opens_at=now - timedelta(days=1),
        closes_at=now + timedelta(days=14),
        position=0,
    )
    Wave.objects.create(
        survey=survey,
        key="end",
        label_fi="Lopetus",
        opens_at=now + timedelta(days=30),
        closes_at=now + timedelta(days=60),
        position=1,
    )
    object.__setattr__(world, "_nivala_survey", survey)
    return survey
