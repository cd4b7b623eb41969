"""The experiments API: the figures equal the cost model's, who sees what, and what the
small-number function hides from those who are not the experiments' staff."""

from decimal import ROUND_HALF_UP, Decimal

import pytest

from tests.conftest import Actor
from tests.experiments.factories import HeadcountFactory, seed_parameters
from tests.factories import EventFactory, RegistrationFactory
from yhdessa.events.models import Attendance
from yhdessa.experiments import costs, services
from yhdessa.experiments.models import CostLine, DivisorName, Experiment
from yhdessa.experiments.participants import participants_by_experiment

pytestmark = pytest.mark.django_db


def cents(value: Decimal | None) -> str | None:
    return None if value is None else str(value.quantize(Decimal("0.01"), ROUND_HALF_UP))


@pytest.fixture
def admin(world):
    return world.users[Actor.PROJECT_ADMIN]


def make_experiment(world, admin, municipality, title: str, *, people: int, present: int = 0):
    experiment = services.experiment_create(
        actor=admin, project=world.project, municipality=municipality, title=title
    )
    if present:
        session = EventFactory(project=world.project, municipality=municipality)
        for _ in range(present):
            RegistrationFactory(event=session, attendance=Attendance.PRESENT)
        experiment.sessions.add(session)
    if people:
        HeadcountFactory(experiment=experiment, count=people)
    return experiment


@pytest.fixture
def figures(world, admin):
    """Nivala: 30 on a bus and 2 at a session; Sievi: 3 people (a small number)."""
    seed_parameters(world.project)
    bus = make_experiment(world, admin, world.nivala, "Bussiretki", people=30, present=2)
    services.cost_line_add(
        actor=admin,
        experiment=bus,
        kind=CostLine.Kind.STAFF_TIME,
        job_title="Kunnan työntekijä (mediaani)",
        hours=Decimal("12.5"),
        year=2021,
        divisor_name=DivisorName.GENERAL,
    )
    services.cost_line_add(
        actor=admin,
        experiment=bus,
        kind=CostLine.Kind.PURCHASE,
        amount=Decimal("450.00"),
        vat_treatment=CostLine.Vat.INCLUDED,
    )
    small = make_experiment(world, admin, world.sievi, "Kylätalo", people=3)
    services.cost_line_add(
        actor=admin,
        experiment=small,
        kind=CostLine.Kind.VOLUNTEER_TIME,
        hours=Decimal("20"),
        year=2021,
    )
    services.cost_line_add(
        actor=admin, experiment=small, kind=CostLine.Kind.IN_KIND, amount=Decimal("120")
    )
    return {"bus": bus, "small": small}


def model(world):
    """What the cost model itself says."""
    return {
        item.experiment.pk: item
        for item in costs.costs_for_experiments(Experiment.objects.filter(project=world.project))
    }


def get(client_as, actor, url, **params):
    return client_as(actor).get(url, params)


# --- Figures equal the cost model -----------------------------------------------------------


def test_staff_see_the_cost_models_figures_exactly(client_as, world, figures):
    expected = model(world)
    body = get(client_as, Actor.PROJECT_ADMIN, "/api/v1/experiments/", project=world.project.slug)
    assert body.json()["count"] == 2
    by_id = {item["id"]: item for item in body.json()["items"]}
    for pk, item in expected.items():
        out = by_id[pk]
        assert out["participants"] == item.participants.total
        assert out["suppressed"] is False
        assert out["total_cost"] == cents(item.costs.total)
        assert out["cost_per_participant"] == cents(item.costs.per_participant.value)
    bus = by_id[figures["bus"].pk]
    assert bus["participants"] == 32
    assert bus["municipality"] == {"code": "535", "name": "Nivala"}
    assert bus["project"] == world.project.slug
    # 12.5 h × 3040 × 1.245 / 163 + 450 = 740.26…
    assert bus["total_cost"] == cents(
        Decimal("12.5") * Decimal(3040) * Decimal("1.245") / Decimal(163) + Decimal(450)
    )


def test_detail_for_staff_has_lines_with_their_explanation(client_as, world, figures):
    expected = model(world)[figures["bus"].pk]
    body = get(client_as, Actor.COORDINATOR, f"/api/v1/experiments/{figures['bus'].pk}").json()
    assert body["participant_breakdown"] == {
        "registered_present": 2,
        "walk_ins": 0,
        "headcounts": 30,
        "total": 32,
        "suppressed": False,
    }
    by_kind = {row["kind"]: row["total"] for row in body["costs_by_kind"]}
    assert by_kind == {kind: cents(value) for kind, value in expected.costs.by_kind.items()}
    lines = body["cost_lines"]
    assert [line["value"] for line in lines] == [cents(c.value) for c in expected.costs.lines]
    staff = next(line for line in lines if line["kind"] == "staff_time")
    assert staff["why"]["explanation"] == next(
        c.total.explanation() for c in expected.costs.lines if c.line.kind == "staff_time"
    )
    assert {p["kind"] for p in staff["why"]["parameters"]} == {
        "monthly_wage",
        "employer_side_cost_pct",
        "monthly_hours_divisor",
    }
    assert "tuntijakaja" in staff["hour_rate"]["why"]["formula"]
    assert staff["hour_rate"]["value"] == cents(Decimal(3040) * Decimal("1.245") / Decimal(163))


@pytest.mark.parametrize("actor", [Actor.ANONYMOUS, Actor.OUTSIDER, Actor.OTHER_COORDINATOR])
def test_others_get_no_cost_lines(client_as, figures, actor):
    body = get(client_as, actor, f"/api/v1/experiments/{figures['bus'].pk}").json()
    assert body["cost_lines"] is None
    assert body["total_cost"] is not None


def test_project_costs_equal_the_cost_model(client_as, world, figures):
    items = model(world)
    table = costs.project_costs(
        [
            ("Nivala", [items[figures["bus"].pk].costs]),
            ("Sievi", [items[figures["small"].pk].costs]),
        ]
    )
    body = get(client_as, Actor.PROJECT_ADMIN, f"/api/v1/projects/{world.project.slug}/costs")
    body = body.json()
    assert body["exact"] is True
    rows = body["municipalities"]
    assert [row["municipality"]["name"] for row in rows] == ["Nivala", "Sievi"]
    for row, summary in zip(rows, table.municipalities, strict=True):
        assert row["participants"] == summary.participants
        assert row["total_cost"] == cents(summary.total_cost)
        assert row["cost_per_participant"] == cents(summary.cost_per_participant.value)
        assert row["cost_share_pct"] == cents(table.cost_share_pct(summary))
        assert row["participant_share_pct"] == cents(table.participant_share_pct(summary))
    totals = body["totals"]
    assert totals["participants"] == 35
    assert totals["total_cost"] == cents(table.total.total_cost)
    assert totals["pooled_cost_per_participant"] == cents(table.pooled_cost_per_participant.value)
    assert totals["mean_of_municipal_costs_per_participant"] == cents(
        table.mean_of_municipal_costs_per_participant.value
    )
    assert (
        totals["pooled_cost_per_participant"] != totals["mean_of_municipal_costs_per_participant"]
    )


# --- Small numbers --------------------------------------------------------------------------


def test_anonymous_callers_do_not_see_small_participant_counts(client, world, figures):
    items = client.get("/api/v1/experiments/", {"project": world.project.slug}).json()["items"]
    by_id = {item["id"]: item for item in items}
    small = by_id[figures["small"].pk]
    assert small["participants"] is None
    assert small["suppressed"] is True
    assert small["cost_per_participant"] is None  # cost / it would give the 3 back
    assert small["total_cost"] is not None
    # Sievi's 3 would be the project's 35 minus Nivala's 32: Nivala is hidden too.
    assert by_id[figures["bus"].pk]["participants"] is None

    detail = client.get(f"/api/v1/experiments/{figures['small'].pk}").json()
    assert detail["participant_breakdown"] == {
        "registered_present": None,
        "walk_ins": None,
        "headcounts": None,
        "total": None,
        "suppressed": True,
    }

    body = client.get(f"/api/v1/projects/{world.project.slug}/costs").json()
    assert body["exact"] is False
    for row in body["municipalities"]:
        assert row["participants"] is None
        assert row["cost_per_participant"] is None
        assert row["participant_share_pct"] is None
        assert row["suppressed"] is True
        assert row["total_cost"] is not None
    assert body["totals"]["participants"] == 35
    assert body["totals"]["mean_of_municipal_costs_per_participant"] is None
    assert body["totals"]["pooled_cost_per_participant"] is not None
    assert "3" not in {str(row["participants"]) for row in body["municipalities"]}


def test_large_enough_counts_are_shown_to_everyone(client, world, admin, figures):
    HeadcountFactory(experiment=figures["small"], count=10)
    body = client.get(f"/api/v1/projects/{world.project.slug}/costs").json()
    assert [row["participants"] for row in body["municipalities"]] == [32, 13]
    detail = client.get(f"/api/v1/experiments/{figures['bus'].pk}").json()
    assert detail["participants"] == 32
    assert detail["participant_breakdown"]["registered_present"] is None  # 2: small
    assert detail["participant_breakdown"]["total"] == 32


def test_a_coordinator_sees_its_own_municipality_exactly(client_as, world, figures):
    body = get(client_as, Actor.OTHER_COORDINATOR, f"/api/v1/experiments/{figures['small'].pk}")
    assert body.json()["participants"] == 3
    assert body.json()["cost_lines"] is not None


# --- Access ---------------------------------------------------------------------------------


def test_experiments_of_a_project_that_is_not_public_are_for_its_staff(client_as, world, figures):
    world.project.is_public = False
    world.project.save()
    url = f"/api/v1/experiments/{figures['bus'].pk}"
    assert get(client_as, Actor.ANONYMOUS, url).status_code == 401
    assert get(client_as, Actor.OUTSIDER, url).status_code == 404
    assert get(client_as, Actor.VIEWER, url).status_code == 200
    assert get(client_as, Actor.ANONYMOUS, "/api/v1/experiments/").json()["count"] == 0
    assert get(client_as, Actor.VIEWER, "/api/v1/experiments/").json()["count"] == 2
    costs_url = f"/api/v1/projects/{world.project.slug}/costs"
    assert get(client_as, Actor.ANONYMOUS, costs_url).status_code == 404
    assert get(client_as, Actor.OTHER_COORDINATOR, costs_url).json()["totals"]["participants"] == 3


def test_unknown_project_is_404(client, world):
    assert client.get("/api/v1/projects/ei-ole/costs").status_code == 404
    assert client.get("/api/v1/experiments/", {"project": "ei-ole"}).status_code == 404
    assert client.get("/api/v1/experiments/999999").status_code == 401
    assert client.get("/api/v1/experiments/", {"project": world.project.slug}).json()["count"] == 0


def test_a_missing_parameter_is_named_not_a_crash(client_as, world, admin):
    experiment = make_experiment(world, admin, world.nivala, "Ilman parametreja", people=8)
    services.cost_line_add(
        actor=admin, experiment=experiment, kind=CostLine.Kind.VOLUNTEER_TIME, hours=1, year=2021
    )
    item = get(client_as, Actor.PROJECT_ADMIN, f"/api/v1/experiments/{experiment.pk}").json()
    assert item["total_cost"] is None
    assert item["cost_error"]
    response = get(client_as, Actor.PROJECT_ADMIN, f"/api/v1/projects/{world.project.slug}/costs")
    assert response.status_code == 409


# --- Queries --------------------------------------------------------------------------------


@pytest.mark.parametrize("actor", [Actor.ANONYMOUS, Actor.PROJECT_ADMIN])
def test_queries_do_not_grow_with_the_data(
    client_as, world, admin, actor, django_assert_num_queries
):
    seed_parameters(world.project)

    def add(n: int) -> None:
        for i in range(n):
            experiment = make_experiment(
                world, admin, [world.nivala, world.sievi][i % 2], f"K{i}", people=i + 1, present=1
            )
            services.cost_line_add(
                actor=admin, experiment=experiment, kind=CostLine.Kind.IN_KIND, amount=10
            )

    def count(url: str) -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        client = client_as(actor)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    add(2)
    first = Experiment.objects.filter(project=world.project).first()
    urls = [
        "/api/v1/experiments/",
        f"/api/v1/experiments/{first.pk}",
        f"/api/v1/projects/{world.project.slug}/costs",
    ]
    small = [count(url) for url in urls]
    add(6)
    assert [count(url) for url in urls] == small


def test_counts_come_from_participants(world, figures):
    counts = participants_by_experiment([figures["bus"].pk])
    assert counts[figures["bus"].pk].total == 32
