"""Operational model description pages: the computed sections, drafts, the list, the staff form.

The test world's Nivala experiment (tests/experiments/policy_model_descriptions.py) costs
10 h × 3 040 € × 1,245 / 163 h + 150 € = 382,20 € (rounded) and has a headcount; its evaluation
survey is the public Nivala survey of tests/surveys/world.py with answers made here.
"""

import pytest
from django.urls import reverse

from tests.conftest import Actor
from tests.experiments.policy_model_descriptions import (
    evaluated,
    nivala_description,
    nivala_experiment,
)
from yhdessa.core.models import AuditLogEntry
from yhdessa.experiments import model_services
from yhdessa.experiments.models import ModelDescription

pytestmark = pytest.mark.django_db

TOTAL = "382,20\u00a0€"  # 232,20 € of staff time + 150,00 € in kind
NBSP = "\u00a0"


def page(client, slug: str, name: str = "model_detail"):
    return client.get(reverse(f"experiments:{name}", kwargs={"slug": slug}))


def test_page_has_every_section_with_computed_costs_and_effects(client, world):
    evaluated(world)
    description = model_services.description_update(
        actor=None,
        description=nivala_description(world),
        basic_idea_fi="Kylätalo on auki kaikille.",
        lessons_learned_fi="Kahvi kokoaa.",
    )
    response = page(client, description.slug)
    assert response.status_code == 200
    html = response.content.decode()
    for heading in ["Perustiedot", "Ratkaisun perusajatus", "Opitut asiat"]:
        assert f">{heading}</h2>" in html
    assert "Kylätalo on auki kaikille." in html
    assert "Toimintaympäristö" not in html  # an empty section is left out
    assert "Resurssit ja kustannukset" in html and "Vaikutukset" in html
    assert html.count("Laskettu kirjauksista") == 2
    assert TOTAL in html
    assert f"31,85{NBSP}€" in html  # 382,20 € / 12 participants
    assert f"{TOTAL} / 12 = 31,85{NBSP}€" in html
    report = response.context["report"]
    assert report.effects.available and report.effects.pairs == 10
    (whole,) = [scale for scale in report.effects.scales if scale.key == "life_whole"]
    assert (whole.before_mean, whole.after_mean) == (3.0, 2.0)
    assert "Kylätalon olohuone" in html and "Nivala" in html


def test_small_participant_counts_are_hidden_from_the_public_but_not_from_staff(client_as, world):
    experiment = nivala_experiment(world)
    experiment.headcounts.update(count=3)
    description = nivala_description(world)
    public = page(client_as(Actor.ANONYMOUS), description.slug).context["report"].costs
    assert public.participants is None and public.per_participant is None
    assert public.calculation == ""  # "total / 3" would give the count away
    assert public.total is not None  # costs are not about people
    staff = page(client_as(Actor.COORDINATOR), description.slug).context["report"].costs
    assert staff.participants == 3 and staff.calculation.endswith("127,40\u00a0€")


def test_effects_say_so_plainly_without_a_survey_or_with_too_few_answers(client, world):
    description = nivala_description(world)
    html = page(client, description.slug).content.decode()
    assert "Kokeilulle ei ole kirjattu arviointikyselyä." in html
    evaluated(world, starts=3, ends=2)
    report = page(client, description.slug).context["report"]
    assert not report.effects.available
    assert report.effects.message.startswith("Vastaajia on liian vähän")
    assert report.effects.before.respondents is None


def test_effects_of_a_survey_the_reader_may_not_see_are_not_shown(client_as, world):
    survey = evaluated(world)
    survey.is_public = False
    survey.save(update_fields=["is_public"])
    description = nivala_description(world)
    public = page(client_as(Actor.ANONYMOUS), description.slug).context["report"]
    assert not public.effects.available and public.effects.scales == ()
    staff = page(client_as(Actor.COORDINATOR), description.slug).context["report"]
    assert staff.effects.available


@pytest.mark.parametrize("name", ["model_detail", "model_pdf", "model_json", "model_markdown"])
def test_a_draft_is_hidden_from_everyone_but_the_project_staff(client_as, world, name):
    description = nivala_description(world, published=False)
    for actor in (Actor.ANONYMOUS, Actor.OUTSIDER, Actor.OTHER_COORDINATOR):
        assert page(client_as(actor), description.slug, name).status_code == 404
    for actor in (Actor.VIEWER, Actor.COORDINATOR):
        assert page(client_as(actor), description.slug, name).status_code == 200


def test_unknown_slug_is_404(client):
    assert page(client, "ei-ole-olemassa").status_code == 404


def test_list_shows_published_descriptions_and_filters_them(client, world):
    published = nivala_description(world)
    model_services.description_create(
        actor=None, project=world.project, name_fi="Kirjaston kohtaamispaikka"
    )
    url = reverse("experiments:model_list")
    names = [d.name for d in client.get(url).context["page"]]
    assert names == [published.name]  # the other one is a draft
    assert [d.name for d in client.get(url, {"municipality": "535"}).context["page"]] == names
    assert [d.name for d in client.get(url, {"q": "olohuone"}).context["page"]] == names
    assert list(client.get(url, {"q": "retki"}).context["page"]) == []
    project = {"project": world.project.slug}
    assert [d.name for d in client.get(url, project).context["page"]] == names


def test_search_finds_a_finnish_description_from_the_swedish_page(client, world):
    published = nivala_description(world)
    response = client.get("/sv" + reverse("experiments:model_list"), {"q": "olohuone"})
    assert [d.slug for d in response.context["page"]] == [published.slug]


def test_list_with_an_unknown_filter_value_answers_400_with_a_message(client, world):
    nivala_description(world)
    response = client.get(reverse("experiments:model_list"), {"municipality": "999"})
    assert response.status_code == 400
    assert "error-summary" in response.content.decode()


def test_list_query_count_does_not_grow_with_descriptions(
    client, world, django_assert_max_num_queries
):
    for number in range(8):
        description = model_services.description_create(
            actor=None,
            project=world.project,
            municipalities=[world.nivala, world.sievi],
            name_fi=f"Malli {number}",
            summary_fi="Lyhyt kuvaus.",
        )
        model_services.description_publish(actor=None, description=description)
    with django_assert_max_num_queries(6):
        response = client.get(reverse("experiments:model_list"))
    assert len(response.context["page"]) == 8


def test_detail_query_count_is_fixed(client, world, django_assert_max_num_queries):
    evaluated(world)
    description = nivala_description(world)
    with django_assert_max_num_queries(28):
        assert page(client, description.slug).status_code == 200


# --- Staff pages --------------------------------------------------------------------------------


def test_create_from_experiment_is_prefilled_and_saves_a_draft(client_as, world):
    experiment = nivala_experiment(world)
    experiment.partners.set([world.nivala_org])
    client = client_as(Actor.COORDINATOR)
    url = reverse("experiments:model_create_from_experiment", kwargs={"pk": experiment.pk})
    form = client.get(url).context["form"]
    assert form.initial["name_fi"] == "Kylätalon olohuone"
    assert "Nivalan Eläkkeensaajat ry" in form.initial["co_development_fi"]
    response = client.post(
        url, {"name_fi": "Kylätalon olohuone", "municipalities": [world.nivala.pk]}
    )
    description = ModelDescription.objects.get(experiment=experiment)
    assert response.status_code == 302 and description.slug in response["Location"]
    assert description.status == ModelDescription.Status.DRAFT
    assert AuditLogEntry.objects.filter(action="experiments.model_description.created").exists()
    # A second time leads to the one that exists.
    again = client.get(url)
    assert again.status_code == 302 and "/edit/" in again["Location"]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("more_info_url", "ftp://example.fi/malli", "alkaa http:// tai https://"),
        ("more_info_url", "javascript:alert(1)", "alkaa http:// tai https://"),
        ("name_fi", "", "Anna mallille nimi."),
        ("ends_on", "2021-01-01", "Päättymispäivä ei voi olla ennen alkamispäivää."),
    ],
)
def test_bad_input_is_refused_with_a_finnish_message_and_nothing_saved(
    client_as, world, field, value, message
):
    url = reverse("experiments:model_create", kwargs={"slug": world.project.slug})
    data = {"name_fi": "Uusi malli", "starts_on": "2022-01-01", field: value}
    response = client_as(Actor.PROJECT_ADMIN).post(url, data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ModelDescription.objects.exists()


def test_edit_saves_and_publish_and_unpublish_are_logged(client_as, world):
    description = nivala_description(world, published=False)
    client = client_as(Actor.PROJECT_ADMIN)
    edit = reverse("experiments:model_edit", kwargs={"slug": description.slug})
    data = {"name_fi": "Olohuone", "summary_fi": "Avoin olohuone.", "needs_fi": "Yksinäisyys."}
    assert client.post(edit, data).status_code == 302
    description.refresh_from_db()
    assert (description.name_fi, description.needs_fi) == ("Olohuone", "Yksinäisyys.")
    publish = reverse("experiments:model_publish", kwargs={"slug": description.slug})
    client.post(publish, {"publish": "1"})
    description.refresh_from_db()
    assert description.is_published and description.published_at is not None
    client.post(publish, {"publish": "0"})
    description.refresh_from_db()
    assert not description.is_published and description.published_at is None
    actions = set(AuditLogEntry.objects.values_list("action", flat=True))
    assert {"experiments.model_description.published"} <= actions
    assert {"experiments.model_description.unpublished"} <= actions


def test_publishing_without_a_short_description_is_refused(client_as, world):
    description = model_services.description_create(
        actor=None, project=world.project, name_fi="Keskeneräinen"
    )
    url = reverse("experiments:model_publish", kwargs={"slug": description.slug})
    response = client_as(Actor.PROJECT_ADMIN).post(url, {"publish": "1"}, follow=True)
    assert "Kirjoita lyhyt kuvaus ennen julkaisemista." in response.content.decode()
    description.refresh_from_db()
    assert not description.is_published
