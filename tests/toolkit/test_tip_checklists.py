"""Checklists: adopting a tip list for an experiment or a municipality, ticking items without
JavaScript, the progress on the staff pages, and the staff API."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.conftest import Actor
from tests.experiments.factories import ExperimentFactory
from tests.toolkit.policy_tips import make_checklist, make_tip_list
from yhdessa.core.models import AuditLogEntry
from yhdessa.toolkit.models import Checklist, ChecklistItem

pytestmark = pytest.mark.django_db


@pytest.fixture
def experiment(world):
    return ExperimentFactory(project=world.project, municipality=world.nivala, title_fi="Olohuone")


def _adopt(client, tip_list, target):
    url = reverse("toolkit:tip_list_adopt", kwargs={"slug": tip_list.slug})
    return client.post(url, {"target": target})


def test_coordinator_adopts_a_list_for_their_experiment(client_as, world, experiment):
    tip_list = make_tip_list(world.project)
    client = client_as(Actor.COORDINATOR)
    page = client.get(reverse("toolkit:tip_list_adopt", kwargs={"slug": tip_list.slug}))
    assert "Kokeilu: Olohuone (Nivala)" in page.content.decode()
    assert "Kunta: Nivala" in page.content.decode()
    assert "Sievi" not in page.content.decode()
    response = _adopt(client, tip_list, f"e{experiment.pk}")
    checklist = Checklist.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("toolkit:checklist_detail", kwargs={"pk": checklist.pk})
    assert checklist.experiment == experiment
    assert [item.text for item in checklist.items.all()] == [
        "Valitkaa teema hyvissä ajoin.",
        "Kertokaa ohjelmasta monessa kanavassa.",
        "Kysykää palautetta.",
    ]
    assert AuditLogEntry.objects.filter(action="toolkit.checklist.adopted").count() == 1


def test_adopting_twice_is_refused_with_a_message(client_as, world, experiment):
    tip_list = make_tip_list(world.project)
    client = client_as(Actor.COORDINATOR)
    _adopt(client, tip_list, f"e{experiment.pk}")
    response = _adopt(client, tip_list, f"e{experiment.pk}")
    assert response.status_code == 400
    assert "Kokeilu on jo ottanut tämän vinkkilistan käyttöön." in response.content.decode()
    assert Checklist.objects.count() == 1
    _adopt(client, tip_list, f"m{world.nivala.code}")
    response = _adopt(client, tip_list, f"m{world.nivala.code}")
    assert "Kunta on jo ottanut tämän vinkkilistan käyttöön." in response.content.decode()
    assert Checklist.objects.count() == 2


@pytest.mark.parametrize("target", ["", "m746", "e999999", "x"])
def test_adopting_elsewhere_is_refused(client_as, world, experiment, target):
    tip_list = make_tip_list(world.project)
    response = _adopt(client_as(Actor.COORDINATOR), tip_list, target)
    assert response.status_code == 400
    assert 'aria-invalid="true"' in response.content.decode()
    assert not Checklist.objects.exists()


def test_someone_without_a_role_is_told_who_can_adopt(client_as, world):
    tip_list = make_tip_list(world.project)
    page = client_as(Actor.OUTSIDER).get(
        reverse("toolkit:tip_list_adopt", kwargs={"slug": tip_list.slug})
    )
    assert "Sinulla ei ole tällaista roolia" in page.content.decode()
    assert _adopt(client_as(Actor.OUTSIDER), tip_list, "m535").status_code == 200
    assert not Checklist.objects.exists()


def _tick(client, item, **data):
    prefix = f"item-{item.pk}"
    return client.post(
        reverse("toolkit:checklist_item_update", kwargs={"pk": item.pk}),
        {f"{prefix}-{name}": value for name, value in data.items()},
    )


def test_ticking_an_item_done_with_owner_and_due_date(client_as, world, experiment):
    checklist = make_checklist(make_tip_list(world.project), experiment=experiment)
    item = checklist.items.first()
    owner = world.users[Actor.VIEWER]
    client = client_as(Actor.COORDINATOR)
    response = _tick(client, item, done="on", owner=owner.pk, due_on="2022-05-01")
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.is_done and item.owner == owner and item.due_on == datetime.date(2022, 5, 1)
    assert item.done_by == world.users[Actor.COORDINATOR]
    page = client.get(reverse("toolkit:checklist_detail", kwargs={"pk": checklist.pk}))
    assert "1/3 kohtaa" in page.content.decode()
    _tick(client, item)
    item.refresh_from_db()
    assert not item.is_done and item.owner is None


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"due_on": "31.2.2022"}, "Syötä oikea päivämäärä"),
        ({"owner": "outsider"}, "Valitse oikea vaihtoehto"),
    ],
)
def test_bad_tick_is_refused(client_as, world, experiment, data, message):
    checklist = make_checklist(make_tip_list(world.project), experiment=experiment)
    item = checklist.items.first()
    if data.get("owner") == "outsider":
        data = {"owner": world.users[Actor.OUTSIDER].pk}  # not staff of the experiment
    response = _tick(client_as(Actor.COORDINATOR), item, done="on", **data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert 'class="error-summary"' in response.content.decode()
    item.refresh_from_db()
    assert not item.is_done


def test_viewer_reads_but_cannot_tick(client_as, world, experiment):
    checklist = make_checklist(make_tip_list(world.project), experiment=experiment)
    client = client_as(Actor.VIEWER)
    page = client.get(reverse("toolkit:checklist_detail", kwargs={"pk": checklist.pk}))
    assert page.status_code == 200
    assert "checklist_item_update" not in page.content.decode()
    assert '<form method="post" action="/staff/checklist-items/' not in page.content.decode()
    assert _tick(client, checklist.items.first(), done="on").status_code == 403


def _progress_fixture(world, experiment):
    checklist = make_checklist(make_tip_list(world.project), experiment=experiment)
    items = list(checklist.items.all())
    ChecklistItem.objects.filter(pk=items[0].pk).update(done_at=timezone.now())
    ChecklistItem.objects.filter(pk=items[1].pk).update(due_on=datetime.date(2022, 1, 1))
    return checklist


def test_progress_shows_on_the_experiment_staff_page(client_as, world, experiment):
    _progress_fixture(world, experiment)
    page = client_as(Actor.COORDINATOR).get(
        reverse("experiments:experiment_staff", kwargs={"pk": experiment.pk})
    )
    html = page.content.decode()
    assert "Tarkistuslistat" in html
    assert '<td class="number">1/3</td><td class="number">1</td>' in html


def test_progress_shows_on_the_municipality_staff_page(client_as, world):
    checklist = make_checklist(make_tip_list(world.project), municipality=world.nivala)
    ChecklistItem.objects.filter(checklist=checklist).update(done_at=timezone.now())
    page = client_as(Actor.COORDINATOR).get(
        reverse("directory:municipality_staff", kwargs={"code": world.nivala.code})
    )
    assert '<td class="number">3/3</td><td class="number">0</td>' in page.content.decode()


def test_my_checklists_list_has_flat_query_count(client_as, world, django_assert_max_num_queries):
    for n in range(4):
        tip_list = make_tip_list(world.project, slug=f"lista-{n}")
        make_checklist(
            tip_list, experiment=ExperimentFactory(project=world.project, municipality=world.nivala)
        )
        make_checklist(tip_list, municipality=world.nivala)
    client = client_as(Actor.COORDINATOR)
    with django_assert_max_num_queries(8):
        response = client.get(reverse("toolkit:checklist_list"))
    assert len(re.findall(r'href="/staff/checklists/\d+/"', response.content.decode())) == 8


def test_api_lists_the_callers_checklists_with_progress(client_as, world, experiment):
    _progress_fixture(world, experiment)
    body = client_as(Actor.COORDINATOR).get("/api/v1/checklists/").json()
    assert body == [
        {
            "id": body[0]["id"],
            "tip_list": "teemaviikot",
            "title": "Teemaviikkojen vinkkilista",
            "version": 1,
            "experiment_id": experiment.pk,
            "municipality_code": None,
            "items": 3,
            "done": 1,
            "overdue": 1,
        }
    ]
    assert client_as(Actor.OTHER_COORDINATOR).get("/api/v1/checklists/").json() == []
