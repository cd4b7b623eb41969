"""The demo publishes one operational model description per demo experiment."""

import pytest

from tests.test_demo_experiments import PASSWORD, demo_loaded  # noqa: F401 (the fixture)
from yhdessa import demo
from yhdessa.experiments.models import Experiment, ModelDescription

pytestmark = pytest.mark.django_db


def test_every_demo_experiment_has_one_published_description(demo_loaded):  # noqa: F811
    experiments = Experiment.objects.filter(project__slug=demo_loaded)
    assert experiments.count() == 6
    for experiment in experiments:
        description = ModelDescription.objects.get(experiment=experiment)
        assert description.is_published and description.published_at is not None
        assert list(description.municipalities.all()) == [experiment.municipality]
        assert description.basic_idea_fi and description.lessons_learned_fi


def test_invented_content_is_marked_as_demo(demo_loaded):  # noqa: F811
    for description in ModelDescription.objects.all():
        assert "Demo:" in description.basic_idea_fi
        assert description.authors.startswith("Demo:")
    bus = ModelDescription.objects.get(slug="utajarvi-linja-autoretki")
    assert bus.name_fi == "Linja-autoretki kuntalaisille"  # the report's own example
    assert "14,99 €" in bus.conditions_fi


def test_experiments_are_evaluated_with_the_life_situation_survey(demo_loaded):  # noqa: F811
    titles = set(Experiment.objects.values_list("survey__title_fi", flat=True))
    assert titles == {"Minun arkeni ja elämäni"}


def test_loading_again_keeps_the_same_descriptions(demo_loaded):  # noqa: F811
    before = dict(ModelDescription.objects.values_list("slug", "pk"))
    published = dict(ModelDescription.objects.values_list("slug", "published_at"))
    demo.load_all(password=PASSWORD)
    assert dict(ModelDescription.objects.values_list("slug", "pk")) == before
    assert dict(ModelDescription.objects.values_list("slug", "published_at")) == published
    linked = ModelDescription.objects.filter(experiment__isnull=False).count()
    assert linked == 6
