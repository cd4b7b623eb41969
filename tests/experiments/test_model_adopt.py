""" "Ota malli käyttöön": a planned experiment from a published model, once per municipality."""

import pytest
from django.urls import reverse

from tests.conftest import Actor
from tests.experiments.policy_model_descriptions import nivala_description
from yhdessa.core.models import AuditLogEntry
from yhdessa.experiments import model_selectors, model_services
from yhdessa.experiments.models import Experiment, ExperimentStatus

pytestmark = pytest.mark.django_db


def adopt_url(slug: str) -> str:
    return reverse("experiments:model_adopt", kwargs={"slug": slug})


def place(world, municipality) -> str:
    return f"{world.project.pk}-{municipality.pk}"


def test_coordinator_adopts_a_model_as_a_planned_experiment(client_as, world):
    description = model_services.description_update(
        actor=None,
        description=nivala_description(world),
        name_sv="Byhusets vardagsrum",
        summary_fi="Avoin olohuone kylätalolla.",
    )
    client = client_as(Actor.OTHER_COORDINATOR)
    form = client.get(adopt_url(description.slug)).context["form"]
    assert [label for _key, label in form.fields["place"].choices] == [
        "Sievi – Yhdessä osallisuutta"
    ]
    response = client.post(adopt_url(description.slug), {"place": place(world, world.sievi)})
    adopted = Experiment.objects.get(adopted_from=description)
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "experiments:experiment_staff", kwargs={"pk": adopted.pk}
    )
    assert adopted.municipality == world.sievi and adopted.project == world.project
    assert adopted.status == ExperimentStatus.PLANNED
    assert adopted.title_fi == description.name_fi and adopted.title_sv == "Byhusets vardagsrum"
    assert adopted.description_fi == "Avoin olohuone kylätalolla."
    assert not adopted.cost_lines.exists() and not adopted.headcounts.exists()
    assert AuditLogEntry.objects.filter(action="experiments.model_description.adopted").exists()


def test_adopting_twice_into_the_same_municipality_is_refused(client_as, world):
    description = nivala_description(world)
    client = client_as(Actor.PROJECT_ADMIN)
    data = {"place": place(world, world.sievi)}
    assert client.post(adopt_url(description.slug), data).status_code == 302
    again = client.post(adopt_url(description.slug), data)
    assert again.status_code == 400
    assert "on jo tästä mallista tehty kokeilu" in again.content.decode()
    assert Experiment.objects.filter(adopted_from=description).count() == 1
    # Another municipality is still possible.
    assert (
        client.post(adopt_url(description.slug), {"place": place(world, world.nivala)}).status_code
        == 302
    )


def test_a_municipality_the_user_does_not_manage_cannot_be_chosen(client_as, world):
    description = nivala_description(world)
    response = client_as(Actor.COORDINATOR).post(
        adopt_url(description.slug), {"place": place(world, world.sievi)}
    )
    assert response.status_code == 400
    assert "Valitse kunta listalta." in response.content.decode()
    assert not Experiment.objects.filter(adopted_from=description).exists()


@pytest.mark.parametrize("actor", [Actor.OUTSIDER, Actor.VIEWER])
def test_people_without_a_municipality_are_told_who_can_adopt(client_as, world, actor):
    description = nivala_description(world)
    client = client_as(actor)
    response = client.get(adopt_url(description.slug))
    assert response.status_code == 200
    assert "pääkäyttäjä tai kunnan koordinaattori" in response.content.decode()
    client.post(adopt_url(description.slug), {"place": place(world, world.nivala)})
    assert not Experiment.objects.filter(adopted_from=description).exists()


def test_project_admin_may_adopt_into_every_partner_municipality(world):
    places = model_selectors.adoption_targets(world.users[Actor.PROJECT_ADMIN])
    assert [m.name for _p, m in places] == ["Nivala", "Sievi"]
    assert model_selectors.adoption_targets(world.users[Actor.ORGANISER]) == []


def test_a_draft_cannot_be_adopted_by_outsiders(client_as, world):
    description = nivala_description(world, published=False)
    assert client_as(Actor.OTHER_COORDINATOR).get(adopt_url(description.slug)).status_code == 404
