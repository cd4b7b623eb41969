"""The survey API: the list and the survey, the protected results of a wave and the start/end
comparison, who may read them, and what the small-number function hides."""

import random
from datetime import datetime, timedelta
from typing import Any

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.utils import timezone
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from tests.conftest import Actor
from tests.factories import MembershipFactory, ProjectFactory
from tests.surveys.builders import random_answers, respond, respond_many
from tests.surveys.world import nivala_survey
from yhdessa.accounts.models import Role
from yhdessa.accounts.services import api_token_create
from yhdessa.surveys import results, stats
from yhdessa.surveys.instruments import load_instruments
from yhdessa.surveys.models import Item, Survey, Wave
from yhdessa.wsgi import application

pytestmark = pytest.mark.django_db


def url(survey: Survey, suffix: str = "") -> str:
    return f"/api/v1/surveys/{survey.pk}{suffix}"


def other_survey(project, **fields: Any) -> Survey:
    survey = Survey.objects.create(
        project=project,
        instrument_version=load_instruments()["arki-ja-elama"],
        title=fields.pop("title", "Toinen kysely"),
        **fields,
    )
    Wave.objects.create(survey=survey, key="only", label_fi="Ainoa", opens_at=timezone.now())
    return survey


@pytest.fixture
def survey(world) -> Survey:
    """The staff-only survey of Nivala (two waves: start, end)."""
    return nivala_survey(world)


@pytest.fixture
def public(world) -> Survey:
    return nivala_survey(world, is_public=True)


def waves(survey: Survey) -> tuple[Wave, Wave]:
    return survey.waves.get(key="start"), survey.waves.get(key="end")


# --- List and survey ----------------------------------------------------------------------


def test_list_shows_the_projects_public_surveys_to_everyone(client, world):
    staff_only = nivala_survey(world)
    public = nivala_survey(world, is_public=True)
    hidden_project = ProjectFactory(name_fi="Piilohanke", is_public=False)
    other_survey(hidden_project, is_public=True)  # public survey, project not public
    elsewhere = other_survey(ProjectFactory(name_fi="Toinen hanke"), is_public=True)

    body = client.get("/api/v1/surveys/", {"project": world.project.slug}).json()
    assert body["count"] == 1
    (item,) = body["items"]
    assert {key: value for key, value in item.items() if key != "waves"} == {
        "id": public.pk,
        "title": "Minun arkeni ja elämäni, Nivala",
        "project": "yhdessa-osallisuutta",
        "municipality": "535",
        "event": None,
        "instrument": "arki-ja-elama",
        "instrument_version": public.instrument_version.number,
        "is_public": True,
    }
    assert [(wave["key"], wave["label"]) for wave in item["waves"]] == [
        ("start", "Aloitus"),
        ("end", "Lopetus"),
    ]
    _start, end = waves(public)
    opens = datetime.fromisoformat(item["waves"][1]["opens_at"].replace("Z", "+00:00"))
    assert abs(opens - end.opens_at) < timedelta(milliseconds=1)
    assert item["waves"][0]["closes_at"] is not None
    everything = client.get("/api/v1/surveys/").json()
    assert {row["id"] for row in everything["items"]} == {public.pk, elsewhere.pk}
    assert staff_only.pk not in {row["id"] for row in everything["items"]}


@pytest.mark.parametrize(
    ("actor", "sees_staff_survey"),
    [
        (Actor.ANONYMOUS, False),
        (Actor.OUTSIDER, False),
        (Actor.OTHER_COORDINATOR, False),
        (Actor.VIEWER, True),
        (Actor.COORDINATOR, True),
        (Actor.PROJECT_ADMIN, True),
    ],
)
def test_list_adds_the_callers_staff_surveys(client_as, world, actor, sees_staff_survey):
    staff_only = nivala_survey(world)
    public = nivala_survey(world, is_public=True)
    body = client_as(actor).get("/api/v1/surveys/", {"project": world.project.slug}).json()
    expected = {public.pk, staff_only.pk} if sees_staff_survey else {public.pk}
    assert {row["id"] for row in body["items"]} == expected


def test_list_is_paginated_newest_first(client, world):
    made = [other_survey(world.project, is_public=True, title=f"Kysely {n}") for n in range(3)]
    body = client.get("/api/v1/surveys/", {"project": world.project.slug, "limit": 2}).json()
    assert body["count"] == 3
    assert [row["id"] for row in body["items"]] == [made[2].pk, made[1].pk]


def test_unknown_or_hidden_project_is_404_in_finnish(client_as, world):
    hidden = ProjectFactory(name_fi="Piilohanke", slug="piilohanke", is_public=False)
    for slug in ["ei-ole", "piilohanke"]:
        response = client_as(Actor.OUTSIDER).get("/api/v1/surveys/", {"project": slug})
        assert response.status_code == 404
        assert response.json() == {"detail": "Hanketta ei löytynyt."}
    # A project that is not public is known to those who see one of its surveys.
    staff_survey = other_survey(hidden)
    MembershipFactory(user=world.users[Actor.OUTSIDER], role=Role.VIEWER, project=hidden)
    body = client_as(Actor.OUTSIDER).get("/api/v1/surveys/", {"project": "piilohanke"}).json()
    assert [row["id"] for row in body["items"]] == [staff_survey.pk]


def test_list_query_count_stays_flat(client, world, django_assert_max_num_queries):
    other_survey(world.project, is_public=True)
    with django_assert_max_num_queries(5) as few:
        client.get("/api/v1/surveys/", {"project": world.project.slug})
    for _ in range(4):
        other_survey(world.project, is_public=True)
    with django_assert_max_num_queries(len(few.captured_queries)):
        body = client.get("/api/v1/surveys/", {"project": world.project.slug}).json()
    assert body["count"] == 5


@pytest.mark.parametrize(
    ("actor", "status"),
    [
        (Actor.ANONYMOUS, 401),
        (Actor.OUTSIDER, 404),
        (Actor.OTHER_COORDINATOR, 404),
        (Actor.VIEWER, 200),
        (Actor.ORGANISER, 200),
        (Actor.COORDINATOR, 200),
        (Actor.PROJECT_ADMIN, 200),
    ],
)
@pytest.mark.parametrize("suffix", ["", "/results", "/comparison"])
def test_a_survey_that_is_not_public_is_for_its_staff(client_as, survey, actor, status, suffix):
    response = client_as(actor).get(url(survey, suffix))
    assert response.status_code == status
    if status == 404:
        assert response.json() == {"detail": "Kyselyä ei löytynyt."}
    if status == 200 and not suffix:
        assert response.json()["id"] == survey.pk


@pytest.mark.parametrize("actor", list(Actor))
@pytest.mark.parametrize("suffix", ["", "/results", "/comparison"])
def test_a_public_survey_is_for_everyone(client_as, public, actor, suffix):
    assert client_as(actor).get(url(public, suffix)).status_code == 200


def test_a_public_survey_of_a_project_that_is_not_public_is_not_public(client, client_as, world):
    hidden = other_survey(ProjectFactory(is_public=False), is_public=True)
    assert client.get(url(hidden)).status_code == 401
    assert client_as(Actor.PROJECT_ADMIN).get(url(hidden)).status_code == 404


def test_anonymous_caller_cannot_tell_a_hidden_survey_from_none(client, survey):
    hidden = client.get(url(survey))
    missing = client.get("/api/v1/surveys/987654")
    assert hidden.status_code == missing.status_code == 401
    assert hidden.json() == missing.json()


def test_a_token_opens_the_staff_survey_and_a_bad_one_is_refused(client, world, survey, public):
    _token, raw = api_token_create(user=world.users[Actor.VIEWER], name="raportit")
    good = {"Authorization": f"Bearer {raw}"}
    assert client.get(url(survey, "/results"), headers=good).status_code == 200
    # Credentials that were sent must be valid, even for public data.
    bad = {"Authorization": "Bearer yh_vanhentunut"}
    assert client.get(url(public), headers=bad).status_code == 401
    assert client.get("/api/v1/surveys/", headers=bad).status_code == 401


# --- Results ------------------------------------------------------------------------------


def test_results_are_the_figures_of_the_results_module(client, public, world):
    start, _end = waves(public)
    # The seed's need-for-change question: 51 respondents, 47 answered (15/23/9), 4 blank.
    respond_many(start, 15, need_for_change="none", life_work=2, change_areas=["work"])
    respond_many(start, 23, need_for_change="small", life_work=3, change_areas=["work", "income"])
    respond_many(start, 9, need_for_change="big", life_work=4)
    respond_many(start, 4, life_work=5, comments="Lisää kerhoja")
    body = client.get(url(public, "/results")).json()
    figures = results.wave_results(start)

    assert body["survey"] == {"id": public.pk, "title": "Minun arkeni ja elämäni, Nivala"}
    assert body["wave"] == {"key": "start", "label": "Aloitus"}
    assert body["filters"] == {"municipality": None, "age_group": None, "gender": None}
    assert (body["threshold"], body["respondents"], body["suppressed"]) == (5, 51, False)
    need = next(item for item in body["items"] if item["key"] == "need_for_change")
    assert (need["type"], need["answered"], need["missing"]) == ("single", 47, None)
    assert [(o["key"], o["count"], o["percent"]) for o in need["options"]] == [
        ("none", 15, 31.9),
        ("small", 23, 48.9),
        ("big", 9, 19.1),
    ]
    low, high = stats.wilson_interval(9, 47)
    assert (need["options"][2]["ci_low"], need["options"][2]["ci_high"]) == (
        round(100 * low, 1),
        round(100 * high, 1),
    )
    work = next(item for item in body["items"] if item["key"] == "life_work")
    # Means are published to one decimal: 3.04 shows as 3.0.
    assert work["mean"] == round((15 * 2 + 23 * 3 + 9 * 4 + 4 * 5) / 51, 1) == 3.0
    assert work["median"] is None  # the "5" cell is hidden: the median would narrow it down
    # Every item and option, as the results module computed it.
    assert [item["key"] for item in body["items"]] == [item.key for item in figures.items]
    for out, item in zip(body["items"], figures.items, strict=True):
        assert (out["answered"], out["missing"], out["suppressed"]) == (
            item.answered,
            item.missing,
            item.suppressed,
        )
        assert [o["count"] for o in out["options"]] == [o.count for o in item.options]
        assert [o["percent"] for o in out["options"]] == [
            None if o.percent is None else round(o.percent, 1) for o in item.options
        ]
        assert "texts" not in out  # free text is for the survey's managers


def test_a_small_cell_is_null_and_says_suppressed(client, public):
    start, _end = waves(public)
    respond_many(start, 20, need_for_change="none")
    respond_many(start, 8, need_for_change="small")
    respond_many(start, 2, need_for_change="big")
    body = client.get(url(public, "/results")).json()
    need = next(item for item in body["items"] if item["key"] == "need_for_change")
    assert need["suppressed"] is True
    assert need["answered"] == 30
    assert [(o["count"], o["suppressed"]) for o in need["options"]] == [
        (20, False),
        (None, True),  # the partner cell, so that "big" cannot be worked out
        (None, True),
    ]
    hidden = need["options"][2]
    assert hidden["percent"] is hidden["ci_low"] is hidden["ci_high"] is None


def _every_count(item: dict[str, Any]) -> list[Any]:
    return [item["answered"], item["missing"], item["mean"], item["median"]] + [
        value
        for option in item["options"]
        for value in (option["count"], option["percent"], option["ci_low"], option["ci_high"])
    ]


def test_a_group_below_the_threshold_shows_nothing(client, public):
    start, _end = waves(public)
    respond_many(start, 3, life_work=3, need_for_change="big", change_areas=["work"])
    body = client.get(url(public, "/results")).json()
    assert (body["respondents"], body["suppressed"]) == (None, True)
    assert all(item["suppressed"] for item in body["items"])
    assert {value for item in body["items"] for value in _every_count(item)} == {None}


def test_a_subgroup_below_the_threshold_shows_nothing(client_as, public, world):
    start, _end = waves(public)
    respond_many(start, 10, municipality=world.nivala, gender="woman", life_work=2)
    respond_many(start, 3, gender="man", life_work=4, comments="Olen ainoa täällä")
    admin = client_as(Actor.PROJECT_ADMIN)
    men = admin.get(url(public, "/results"), {"gender": "man"}).json()
    assert men["filters"] == {"municipality": None, "age_group": None, "gender": "man"}
    assert (men["respondents"], men["suppressed"]) == (None, True)
    assert {value for item in men["items"] for value in _every_count(item)} == {None}
    comments = next(item for item in men["items"] if item["key"] == "comments")
    assert comments["texts"] == []  # even the survey's manager gets no text of a small group
    # The ten women are hidden while everyone else is only the three men (subtraction)...
    women = admin.get(url(public, "/results"), {"gender": "woman", "municipality": "535"})
    assert women.json()["respondents"] is None
    # ... and shown once the rest of the respondents is no longer a small group.
    respond_many(start, 6, municipality=world.nivala, gender="other", life_work=3)
    women = admin.get(url(public, "/results"), {"gender": "woman", "municipality": "535"})
    assert women.json()["respondents"] == 10
    work = next(item for item in women.json()["items"] if item["key"] == "life_work")
    assert (work["mean"], work["options"][1]["count"]) == (2, 10)


@pytest.mark.parametrize(
    ("actor", "reads_texts"),
    [
        (Actor.ANONYMOUS, False),
        (Actor.OUTSIDER, False),
        (Actor.OTHER_COORDINATOR, False),
        (Actor.VIEWER, False),
        (Actor.ORGANISER, False),
        (Actor.COORDINATOR, True),
        (Actor.PROJECT_ADMIN, True),
    ],
)
def test_free_text_only_for_the_surveys_managers(client_as, public, actor, reads_texts):
    start, _end = waves(public)
    respond_many(start, 3, comments="Lisää kerhoja iltaisin")
    respond_many(start, 2, comments="Bussi kulkee liian harvoin")
    body = client_as(actor).get(url(public, "/results")).json()
    comments = next(item for item in body["items"] if item["key"] == "comments")
    if reads_texts:
        assert (
            comments["texts"] == ["Bussi kulkee liian harvoin"] * 2 + ["Lisää kerhoja iltaisin"] * 3
        )
    else:
        assert "texts" not in comments
    assert all("texts" not in item for item in body["items"] if item["type"] != "text")


def test_results_of_another_wave_and_by_age_group(client, public):
    start, end = waves(public)
    respond_many(start, 6, life_work=2)
    respond_many(end, 7, age_group="65_plus", life_work=1)
    respond_many(end, 6, age_group="18_29", life_work=1)
    body = client.get(url(public, "/results"), {"wave": "end", "age_group": "65_plus"}).json()
    assert body["wave"] == {"key": "end", "label": "Lopetus"}
    assert body["respondents"] == 7
    assert client.get(url(public, "/results")).json()["respondents"] == 6


@pytest.mark.parametrize(
    ("query", "field", "finnish", "swedish"),
    [
        (
            {"wave": "keskivaihe"},
            "wave",
            "Valitse jokin sallituista arvoista: 'start', 'end'.",
            "Välj ett av de tillåtna värdena: 'start', 'end'.",
        ),
        (
            {"gender": "kissa"},
            "gender",
            "Valitse jokin sallituista arvoista: 'woman', 'man', 'other' or 'no_answer'.",
            "Välj ett av de tillåtna värdena: 'woman', 'man', 'other' or 'no_answer'.",
        ),
        (
            {"age_group": "10_17"},
            "age_group",
            "Valitse jokin sallituista arvoista: '18_29', '30_49', '50_64' or '65_plus'.",
            "Välj ett av de tillåtna värdena: '18_29', '30_49', '50_64' or '65_plus'.",
        ),
        (
            {"municipality": "53"},
            "municipality",
            "Arvo ei ole oikeaa muotoa (^\\d{3}$).",
            "Värdet har fel format (^\\d{3}$).",
        ),
        (
            {"municipality": "999"},
            "municipality",
            "Tuntematon kuntanumero ”999”",
            "Okänt kommunnummer ”999”",
        ),
        (
            {"wave": "x" * 41},
            "wave",
            "Arvo on liian pitkä: enintään 40 merkkiä.",
            None,
        ),
    ],
)
@pytest.mark.parametrize("suffix", ["/results", "/comparison"])
def test_invalid_parameters_are_422_in_the_callers_language(
    client, public, query, field, finnish, swedish, suffix
):
    if suffix == "/comparison" and "wave" in query:
        query = {"to": query["wave"]}
        field = "to"
    response = client.get(url(public, suffix), query)
    assert response.status_code == 422
    (error,) = response.json()["detail"]
    assert (error["loc"], error["msg"]) == (["query", field], finnish)
    if swedish:
        response = client.get(url(public, suffix), query, headers={"Accept-Language": "sv"})
        assert response.json()["detail"][0]["msg"] == swedish


def test_results_query_count_stays_flat(client_as, public, django_assert_max_num_queries):
    start, end = waves(public)
    admin = client_as(Actor.PROJECT_ADMIN)  # the largest answer: managers also get texts
    respond_many(start, 6, life_work=2, need_for_change="none", comments="Hyvä")
    query = {"municipality": "535", "gender": "woman"}
    with django_assert_max_num_queries(75) as few:
        admin.get(url(public, "/results"))
        admin.get(url(public, "/results"), query)
        admin.get(url(public, "/comparison"))
        admin.get(url(public, "/comparison"), query)
    rng = random.Random(7)
    items = list(
        Item.objects.filter(version=public.instrument_version_id).prefetch_related("options")
    )
    for number in range(40):
        respond(start, code=f"a{number}", gender="woman", **random_answers(rng, items))
        respond(end, code=f"a{number}", **random_answers(rng, items))
    with django_assert_max_num_queries(len(few.captured_queries)):
        admin.get(url(public, "/results"))
        admin.get(url(public, "/results"), query)
        admin.get(url(public, "/comparison"))
        admin.get(url(public, "/comparison"), query)


# --- Comparison ---------------------------------------------------------------------------


def test_comparison_is_the_comparison_of_the_results_module(client, public):
    start, end = waves(public)
    rng = random.Random(4)
    for number in range(14):
        before = rng.randint(2, 5)
        after = max(1, min(5, before - rng.choice([0, 1, 1, 2])))
        respond(start, code=f"koodi {number}", life_health=before, need_for_change="big")
        respond(end, code=f"koodi {number}", life_health=after, need_for_change="small")
    respond_many(start, 3, life_health=5)  # without a code: not paired
    body = client.get(url(public, "/comparison")).json()
    expected = results.comparison(start, end)

    assert body["from"] == {
        "key": "start",
        "label": "Aloitus",
        "respondents": 17,
        "suppressed": False,
    }
    assert body["to"] == {"key": "end", "label": "Lopetus", "respondents": 14, "suppressed": False}
    assert (body["n_pairs"], body["suppressed"], body["threshold"]) == (14, False, 5)
    health = next(item for item in body["items"] if item["key"] == "life_health")
    paired = expected.item("life_health").paired
    assert health["paired"] == {
        "n_pairs": 14,
        "n_changed": paired.n_changed,
        "statistic": paired.statistic,
        "p_value": paired.p_value,  # unrounded
        "p_adjusted": paired.p_adjusted,
        "rank_biserial": paired.rank_biserial,
        "median_difference": paired.median_difference,
        # Of 14 pairs only a few answered the same twice: how many changed is hidden.
        "suppressed": paired.n_changed is None,
    }
    assert health["reading"] == expected.item("life_health").reading
    assert "parani" in health["reading"]
    assert health["before"]["answered"] == 17
    before_mean = expected.item("life_health").before.mean
    assert health["before"]["mean"] == (None if before_mean is None else round(before_mean, 2))
    assert "texts" not in health["before"]
    assert health["options"] == []  # scale items are compared as pairs
    need = next(item for item in body["items"] if item["key"] == "need_for_change")
    big = next(option for option in need["options"] if option["key"] == "big")
    change = next(o for o in expected.item("need_for_change").options if o.key == "big")
    assert big == {
        "key": "big",
        "label": "Kaipaan isoa muutosta",
        "before": {"count": 14, "percent": 100.0, "suppressed": False},
        "after": {"count": 0, "percent": 0.0, "suppressed": False},
        "difference": -100.0,
        "ci_low": round(change.interval[0], 1),
        "ci_high": round(change.interval[1], 1),
        "reading": change.reading,
        "suppressed": False,
    }
    assert need["paired"] is None


def test_comparison_hides_small_groups_of_pairs(client, public):
    start, end = waves(public)
    for number in range(3):
        respond(start, code=f"p{number}", life_health=4, need_for_change="big")
        respond(end, code=f"p{number}", life_health=2, need_for_change="small")
    respond_many(start, 6, life_health=3, need_for_change="none")
    body = client.get(url(public, "/comparison")).json()
    assert (body["n_pairs"], body["suppressed"]) == (None, True)
    assert body["from"]["respondents"] == 9
    assert (body["to"]["respondents"], body["to"]["suppressed"]) == (None, True)
    health = next(item for item in body["items"] if item["key"] == "life_health")
    assert health["paired"] is None
    assert "liian vähän" in health["reading"]
    assert health["suppressed"] is True
    need = next(item for item in body["items"] if item["key"] == "need_for_change")
    assert all(option["after"]["count"] is None for option in need["options"])
    assert all(option["difference"] is None for option in need["options"])


def test_comparison_between_chosen_waves_with_a_subgroup(client, public):
    start, end = waves(public)
    Wave.objects.create(
        survey=public, key="follow_up", label_fi="Seuranta", opens_at=timezone.now(), position=2
    )
    for number in range(6):
        respond(start, code=f"p{number}", gender="woman", life_health=4)
        respond(end, code=f"p{number}", life_health=2)
    body = client.get(url(public, "/comparison"), {"to": "end", "gender": "woman"}).json()
    assert (body["from"]["key"], body["to"]["key"]) == ("start", "end")
    assert body["filters"]["gender"] == "woman"
    assert body["n_pairs"] == 6
    default = client.get(url(public, "/comparison")).json()
    assert (default["from"]["key"], default["to"]["key"]) == ("start", "follow_up")


def test_comparison_needs_two_different_waves(client, world, public):
    response = client.get(url(public, "/comparison"), {"from": "end"})
    assert response.status_code == 422
    assert response.json()["detail"] == [
        {
            "type": "same_wave",
            "loc": ["query", "to"],
            "msg": "Valitse vertailuun kaksi eri kierrosta.",
        }
    ]
    single = other_survey(world.project, is_public=True)
    response = client.get(url(single, "/comparison"))
    assert response.status_code == 422
    assert response.json()["detail"][0]["msg"] == (
        "Vertailuun tarvitaan kaksi kierrosta, kyselyssä on yksi."
    )
    single.waves.all().delete()
    assert client.get(url(single, "/comparison")).json()["detail"][0]["msg"] == (
        "Vertailuun tarvitaan kaksi kierrosta, kyselyssä ei ole yhtään."
    )
    response = client.get(url(single, "/results"))
    assert response.status_code == 422
    assert response.json()["detail"][0]["msg"] == "Kyselyllä ei ole vielä kierroksia."


# --- Documentation and schema ---------------------------------------------------------------


def test_openapi_documents_the_survey_endpoints_and_the_suppression(client, db):
    schema = client.get("/api/v1/openapi.json").json()
    paths = schema["paths"]
    assert {
        "/api/v1/surveys/",
        "/api/v1/surveys/{survey_id}",
        "/api/v1/surveys/{survey_id}/results",
        "/api/v1/surveys/{survey_id}/comparison",
    } <= set(paths)
    results_op = paths["/api/v1/surveys/{survey_id}/results"]["get"]
    assert '"suppressed": true' in results_op["description"]
    assert {"200", "401", "404", "422"} <= set(results_op["responses"])
    # Credentials are optional: the empty requirement says "or none".
    assert results_op["security"] == [{"SessionAuth": []}, {"ApiTokenAuth": []}, {}]
    comparison = schema["components"]["schemas"]["ComparisonOut"]
    assert {"from", "to", "n_pairs", "items"} <= set(comparison["required"])
    parameters = {
        p["name"] for p in paths["/api/v1/surveys/{survey_id}/comparison"]["get"]["parameters"]
    }
    assert {"from", "to", "municipality", "age_group", "gender"} <= parameters


survey_schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application).include(
    path_regex="/surveys/"
)


@pytest.fixture
def answered_public_survey(world):
    """A public survey with answers in both waves, for generated requests to read."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    survey = nivala_survey(world, is_public=True)
    start, end = waves(survey)
    rng = random.Random(3)
    items = list(
        Item.objects.filter(version=survey.instrument_version_id).prefetch_related("options")
    )
    for number in range(25):
        background = {
            "municipality": rng.choice([world.nivala, world.sievi, None]),
            "age_group": rng.choice(["18_29", "65_plus", ""]),
            "gender": rng.choice(["woman", "man", ""]),
        }
        respond(start, code=f"k{number}", **background, **random_answers(rng, items))
        if rng.random() < 0.8:
            respond(end, code=f"k{number}", **random_answers(rng, items))
    yield survey
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


# Which waves a survey has and which municipality codes exist is data, not schema: such a
# value can be well formed and still refused (422), which schemathesis's positive-data check
# would count as a failure. Every other 422 of a well-formed request is still one.
DATA_DEPENDENT = {"wave", "from", "to", "municipality"}


@survey_schema.parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
def test_survey_endpoints_keep_to_their_schema_on_real_answers(case, answered_public_survey):
    """The shared schema test has no survey to read; here every generated request reads one."""
    positive = bool(case.meta and case.meta.generation.mode.is_positive)
    if positive and case.path_parameters and "survey_id" in case.path_parameters:
        # Only well-formed requests are pointed at the real survey: a deliberately malformed
        # one (say, with unknown query parameters) would otherwise become a valid request.
        case.path_parameters["survey_id"] = answered_public_survey.pk
    response = case.call_and_validate(
        headers={"Host": "localhost"}, excluded_checks=[positive_data_acceptance]
    )
    if response.status_code == 422 and positive:
        assert {error["loc"][-1] for error in response.json()["detail"]} <= DATA_DEPENDENT


def test_a_wave_without_answers_shows_zero_not_hidden(client, public):
    """Zero says that nobody is in the group, which reveals nothing about a person."""
    body = client.get(url(public, "/results"), {"wave": "end"}).json()
    assert (body["respondents"], body["suppressed"]) == (0, False)
