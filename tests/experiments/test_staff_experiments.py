"""The project's experiment list, creating and editing an experiment, headcounts and the
decision, as the staff use them."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.conftest import Actor
from tests.experiments.factories import (
    CostLineFactory,
    ExperimentFactory,
    HeadcountFactory,
    seed_parameters,
)
from tests.factories import BackgroundCategoryFactory, EventFactory, ProjectFactory
from yhdessa.events.models import Event
from yhdessa.experiments.models import AnonymousHeadcount, CostLine, Experiment

pytestmark = pytest.mark.django_db


def list_url(world):
    return reverse("experiments:project_experiments", kwargs={"slug": world.project.slug})


def create_url(world):
    return reverse("experiments:experiment_create", kwargs={"slug": world.project.slug})


def nivala_experiment(world, **fields):
    return ExperimentFactory(project=world.project, municipality=world.nivala, **fields)


# The list ------------------------------------------------------------------------------------


def test_the_list_groups_by_municipality_with_exact_figures_and_missing_parameters(
    world, client_as
):
    seed_parameters(world.project)
    bus = nivala_experiment(world, title_fi="Bussiretki")
    CostLineFactory(experiment=bus, amount=Decimal("30"))
    HeadcountFactory(experiment=bus, count=2)  # fewer than five: staff see it exactly
    cafe = ExperimentFactory(project=world.project, municipality=world.sievi, title_fi="Kahvila")
    CostLineFactory(
        experiment=cafe, kind=CostLine.Kind.VOLUNTEER_TIME, amount=None, hours=1, year=2030
    )
    page = client_as(Actor.PROJECT_ADMIN).get(list_url(world)).content.decode()
    assert page.index("Nivala") < page.index("Bussiretki") < page.index("Sievi")
    assert "30,00\xa0€" in page and "15,00\xa0€" in page  # 30 € / 2 participants
    assert "Ansiotasoindeksiä" in page or "ansiotasoindeksiä" in page  # 2030 has none
    assert reverse("experiments:cost_parameters", kwargs={"slug": world.project.slug}) in page


def test_each_coordinator_lists_only_their_own_municipalitys_experiments(world, client_as):
    nivala_experiment(world, title_fi="Nivalan kokeilu")
    ExperimentFactory(project=world.project, municipality=world.sievi, title_fi="Sievin kokeilu")
    page = client_as(Actor.OTHER_COORDINATOR).get(list_url(world)).content.decode()
    assert "Sievin kokeilu" in page and "Nivalan kokeilu" not in page
    assert create_url(world) in page
    viewer_page = client_as(Actor.VIEWER).get(list_url(world)).content.decode()
    assert "Nivalan kokeilu" in viewer_page and create_url(world) not in viewer_page


def test_the_list_takes_the_same_queries_however_many_experiments(
    world, client_as, django_assert_max_num_queries
):
    seed_parameters(world.project)
    client = client_as(Actor.PROJECT_ADMIN)
    CostLineFactory(experiment=nivala_experiment(world))
    client.get(list_url(world))
    with CaptureQueriesContext(connection) as one:
        client.get(list_url(world))
    for _ in range(8):
        experiment = nivala_experiment(world)
        CostLineFactory.create_batch(3, experiment=experiment)
        HeadcountFactory(experiment=experiment)
    with django_assert_max_num_queries(len(one)):
        response = client.get(list_url(world))
    assert len(response.context["rows"]) == 9


def test_the_workspace_links_to_the_projects_experiments(world, client_as):
    page = client_as(Actor.VIEWER).get(reverse("core:dashboard")).content.decode()
    assert f'href="{list_url(world)}"' in page


# Creating and editing ------------------------------------------------------------------------


def form_data(world, **changes):
    return {"title_fi": "Kylätalon olohuone", "municipality": world.nivala.pk, "status": "planned"}


def test_a_coordinator_creates_an_experiment_in_their_own_municipality_only(world, client_as):
    client = client_as(Actor.COORDINATOR)
    sievi = client.post(create_url(world), form_data(world) | {"municipality": world.sievi.pk})
    assert sievi.status_code == 400
    assert 'aria-invalid="true"' in sievi.content.decode()
    assert not Experiment.objects.exists()
    session = EventFactory(
        project=world.project, municipality=world.nivala, kind=Event.Kind.EXPERIMENT_SESSION
    )
    data = form_data(world) | {"sessions": [session.pk], "partners": [world.nivala_org.pk]}
    response = client.post(create_url(world), data)
    experiment = Experiment.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "experiments:experiment_staff", kwargs={"pk": experiment.pk}
    )
    assert (experiment.municipality, experiment.title_fi) == (world.nivala, "Kylätalon olohuone")
    assert list(experiment.sessions.all()) == [session]
    assert list(experiment.partners.all()) == [world.nivala_org]


def test_the_admin_may_choose_any_partner_municipality(world, client_as):
    data = form_data(world) | {"municipality": world.sievi.pk}
    response = client_as(Actor.PROJECT_ADMIN).post(create_url(world), data)
    assert response.status_code == 302
    assert Experiment.objects.get().municipality == world.sievi


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"title_fi": ""}, "Tämä kenttä vaaditaan."),
        ({"starts_on": "2022-05-01", "ends_on": "2022-04-01"}, "ei voi päättyä ennen"),
        ({"status": "decided"}, "Valitse oikea vaihtoehto."),
    ],
)
def test_bad_input_is_refused_and_nothing_saved(world, client_as, changes, message):
    response = client_as(Actor.PROJECT_ADMIN).post(create_url(world), form_data(world) | changes)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Experiment.objects.exists()


def test_sessions_offered_are_the_projects_experiment_sessions_where_the_user_works(
    world, client_as
):
    def session(**fields):
        return EventFactory(project=world.project, kind=Event.Kind.EXPERIMENT_SESSION, **fields)

    nivala, anywhere, sievi = (
        session(municipality=world.nivala),
        session(),
        session(municipality=world.sievi),
    )
    EventFactory(project=world.project, municipality=world.nivala)  # a training
    form = client_as(Actor.COORDINATOR).get(create_url(world)).context["form"]
    assert set(form.fields["sessions"].queryset) == {nivala, anywhere}
    form = client_as(Actor.PROJECT_ADMIN).get(create_url(world)).context["form"]
    assert set(form.fields["sessions"].queryset) == {nivala, anywhere, sievi}


def test_sessions_of_another_municipality_or_project_are_refused(world, client_as):
    sievi_session = EventFactory(
        project=world.project, municipality=world.sievi, kind=Event.Kind.EXPERIMENT_SESSION
    )
    other = EventFactory(project=ProjectFactory(), kind=Event.Kind.EXPERIMENT_SESSION)
    client = client_as(Actor.PROJECT_ADMIN)
    for session in (sievi_session, other):
        response = client.post(create_url(world), form_data(world) | {"sessions": [session.pk]})
        assert response.status_code == 400
    assert not Experiment.objects.exists()


def test_creating_in_swedish_keeps_the_titles_languages_apart(world, client_as):
    data = form_data(world) | {"title_fi": "Uusi", "title_sv": "Ny"}
    assert client_as(Actor.COORDINATOR).post("/sv" + create_url(world), data).status_code == 302
    experiment = Experiment.objects.get()
    assert (experiment.title_fi, experiment.title_sv) == ("Uusi", "Ny")


def test_editing_keeps_the_titles_languages_apart(world, client_as):
    experiment = nivala_experiment(world, title_fi="Vanha", title_sv="Gammal")
    url = reverse("experiments:experiment_edit", kwargs={"pk": experiment.pk})
    data = form_data(world) | {"title_fi": "Uusi", "title_sv": "Ny"}
    assert client_as(Actor.COORDINATOR).post("/sv" + url, data).status_code == 302
    experiment.refresh_from_db()
    assert (experiment.title_fi, experiment.title_sv) == ("Uusi", "Ny")


# Headcounts ----------------------------------------------------------------------------------


def test_a_headcount_is_added_with_a_background_of_the_project(world, client_as):
    experiment = nivala_experiment(world)
    background = BackgroundCategoryFactory(project=world.project, name_fi="Asukkaat")
    url = reverse("experiments:headcount_create", kwargs={"pk": experiment.pk})
    client = client_as(Actor.COORDINATOR)
    zero = client.post(url, {"date": "2022-06-01", "count": "0"})
    assert zero.status_code == 400
    assert "Määrän on oltava vähintään 1." in zero.content.decode()
    foreign = BackgroundCategoryFactory(project=ProjectFactory())
    assert (
        client.post(url, {"date": "2022-06-01", "count": "3", "background": foreign.pk}).status_code
        == 400
    )
    assert not AnonymousHeadcount.objects.exists()
    data = {"date": "2022-06-01", "count": "12", "background": background.pk, "note": "Bussi"}
    assert client.post(url, data).status_code == 302
    headcount = AnonymousHeadcount.objects.get()
    assert (headcount.count, headcount.background) == (12, background)


def test_a_headcount_is_deleted_after_confirmation(world, client_as):
    headcount = HeadcountFactory(experiment=nivala_experiment(world))
    url = reverse("experiments:headcount_delete", kwargs={"pk": headcount.pk})
    client = client_as(Actor.PROJECT_ADMIN)
    assert client.get(url).status_code == 200
    assert client.post(url).status_code == 302
    assert not AnonymousHeadcount.objects.exists()


# The decision --------------------------------------------------------------------------------


def decide_url(experiment):
    return reverse("experiments:experiment_decide", kwargs={"pk": experiment.pk})


def test_deciding_shows_what_is_frozen_and_freezes_it(world, client_as):
    seed_parameters(world.project)
    experiment = nivala_experiment(world)
    CostLineFactory(
        experiment=experiment,
        kind=CostLine.Kind.VOLUNTEER_TIME,
        amount=None,
        hours=Decimal("4"),
        year=2021,
    )
    client = client_as(Actor.COORDINATOR)
    page = client.get(decide_url(experiment)).content.decode()
    assert "Ansiotasoindeksi 2021: 3\xa0393" in page  # a parameter the decision freezes
    assert "73,20\xa0€" in page  # 4 h × 15 € × 3 393 / 2 781
    missing_reason = client.post(decide_url(experiment), {"decision": "adopt", "reason": ""})
    assert missing_reason.status_code == 400
    response = client.post(decide_url(experiment), {"decision": "adopt", "reason": "Toimii"})
    assert response.status_code == 302
    experiment.refresh_from_db()
    assert experiment.is_frozen and experiment.decision == "adopt"
    assert set(experiment.frozen_parameters) == {
        f"p{pk}"
        for pk in world.project.cost_parameters.filter(
            kind__in=["volunteer_hour_value", "earnings_level_index"], year__in=[2010, 2021]
        ).values_list("pk", flat=True)
    }


def test_deciding_is_refused_while_a_parameter_is_missing(world, client_as):
    experiment = nivala_experiment(world)
    CostLineFactory(
        experiment=experiment, kind=CostLine.Kind.VOLUNTEER_TIME, amount=None, hours=1, year=2021
    )
    client = client_as(Actor.PROJECT_ADMIN)
    assert "Päätöstä ei voi vielä kirjata" in client.get(decide_url(experiment)).content.decode()
    response = client.post(decide_url(experiment), {"decision": "stop", "reason": "-"})
    assert response.status_code == 400
    assert "Vapaaehtoistyön tunnin arvoa ei ole vuodelle 2021" in response.content.decode()
    experiment.refresh_from_db()
    assert not experiment.is_frozen


def test_a_decided_experiments_headcounts_are_locked(world, client_as):
    experiment = nivala_experiment(world)
    headcount = HeadcountFactory(experiment=experiment)
    client = client_as(Actor.PROJECT_ADMIN)
    client.post(decide_url(experiment), {"decision": "stop", "reason": "Ei tarvetta"})
    added = client.post(
        reverse("experiments:headcount_create", kwargs={"pk": experiment.pk}),
        {"date": "2022-06-01", "count": "3"},
    )
    deleted = client.post(reverse("experiments:headcount_delete", kwargs={"pk": headcount.pk}))
    assert (added.status_code, deleted.status_code) == (400, 400)
    assert list(AnonymousHeadcount.objects.all()) == [headcount]
    again = client.post(decide_url(experiment), {"decision": "adopt", "reason": "-"})
    assert again.status_code == 400
