"""The demo's surveys reproduce the seed report's survey figures from records.

Every figure is counted here with the ORM from the saved answers, not from the demo's plan, so
these tests also catch a plan that is right in memory and saved wrongly.
"""

import datetime
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from zoneinfo import ZoneInfo

import pytest
from django.db import transaction
from django.db.models import Count, Max, Min, Q, Sum
from django.utils import timezone

from yhdessa import demo
from yhdessa.demo import surveys as demo_surveys
from yhdessa.projects.models import Project, ReportedFigure
from yhdessa.surveys.models import Answer, Invitation, Response, Survey, Wave
from yhdessa.surveys.results import reported_answers_key
from yhdessa.surveys.selectors import open_waves, public_surveys
from yhdessa.surveys.services import pairing_hash

HELSINKI = ZoneInfo("Europe/Helsinki")
FACTS = demo.read_facts()
SEED = FACTS["evaluation_survey"]
PARTNER = FACTS["partner_feedback_survey"]
AGES = ["18_29", "30_49", "50_64", "65_plus"]
#: Subgroups named in a finding must survive small-number protection (default threshold).
THRESHOLD = 5


@pytest.fixture(scope="module")
def demo_loaded(django_db_setup, django_db_blocker):
    """The demo, loaded once for the module inside a transaction that is rolled back after."""
    with django_db_blocker.unblock(), transaction.atomic():
        demo.load_all(password="demo-salasana-1")
        yield
        transaction.set_rollback(True)


@pytest.fixture
def life(demo_loaded, db) -> Survey:
    return Survey.objects.get(title_fi="Minun arkeni ja elämäni")


@pytest.fixture
def waves(life) -> dict[str, Wave]:
    return {wave.key: wave for wave in life.waves.all()}


def answers(waves, item: str):
    return Answer.objects.filter(response__wave__in=waves, item__key=item)


def option_counts(waves, item: str) -> dict[str, int]:
    return dict(answers(waves, item).values_list("option__key").annotate(n=Count("id")))


def answered(waves, item: str) -> int:
    return answers(waves, item).aggregate(n=Count("response", distinct=True))["n"]


def shares(waves, item: str, option: str, by: str) -> dict[str, tuple[Fraction, int]]:
    """Per group of ``by``: the share of ``item``'s answerers choosing ``option``, and their n."""
    base = answers(waves, item)
    n = dict(base.values_list(f"response__{by}").annotate(n=Count("response", distinct=True)))
    chose = dict(
        base.filter(option__key=option)
        .values_list(f"response__{by}")
        .annotate(n=Count("response", distinct=True))
    )
    return {group: (Fraction(chose.get(group, 0), total), total) for group, total in n.items()}


def mean(waves, item: str) -> Decimal:
    row = answers(waves, item).aggregate(total=Sum("option__value"), n=Count("id"))
    value = Decimal(row["total"]) / Decimal(row["n"])
    return value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def test_life_survey_is_project_wide_public_with_start_and_end(life, waves):
    project = Project.objects.get(slug="yhdessa-osallisuutta")
    assert life.project == project
    assert (life.municipality, life.event, life.is_public) == (None, None, True)
    assert life.instrument_version.instrument.key == "arki-ja-elama"
    assert public_surveys().get() == life
    assert [(w.key, w.label_fi, w.label_sv, w.label_en) for w in life.waves.all()] == [
        ("start", "Aloitus", "Start", "Start"),
        ("end", "Lopetus", "Slut", "End"),
    ]
    for wave, year in [(waves["start"], 2022), (waves["end"], 2023)]:
        opens = wave.opens_at.astimezone(HELSINKI).date()
        closes = wave.closes_at.astimezone(HELSINKI).date()
        assert opens.year == closes.year == year
        assert project.start_date <= opens < closes <= project.end_date
        dates = wave.responses.aggregate(first=Min("submitted_on"), last=Max("submitted_on"))
        assert opens <= dates["first"] <= dates["last"] <= closes


def test_respondents_per_wave_are_as_printed(life):
    counts = dict(life.waves.values_list("key").annotate(n=Count("responses")))
    assert counts == {"start": 51, "end": 32}
    assert counts == {key: wave["n"] for key, wave in SEED["waves"].items()}


def test_need_for_change_counts_and_blanks(waves):
    assert option_counts([waves["start"]], "need_for_change") == {"none": 15, "small": 23, "big": 9}
    assert option_counts([waves["end"]], "need_for_change") == {"none": 10, "small": 14, "big": 8}
    assert answered([waves["start"]], "need_for_change") == 47  # 4 left it blank
    assert answered([waves["end"]], "need_for_change") == 32
    derived = SEED["need_for_change"]["derived_counts"]
    for key in ("start", "end"):
        counts = option_counts([waves[key]], "need_for_change")
        assert [counts["none"], counts["small"], counts["big"]] == derived[key]


def test_printed_numbers_of_need_for_change_answers_are_kept_beside_the_counted(life, waves):
    """The report prints n = 51 and n = 31, its percentages imply 47 and 32: both are kept."""
    printed = {
        figure.key: figure
        for figure in ReportedFigure.objects.filter(project=life.project, key__startswith="eval")
    }
    assert set(printed) == {
        "evaluation.need_for_change.n_start",
        "evaluation.need_for_change.n_end",
    }
    counted = {key: answered([wave], "need_for_change") for key, wave in waves.items()}
    for key, (n_printed, n_counted) in {"start": (51, 47), "end": (31, 32)}.items():
        figure = printed[reported_answers_key("need_for_change", key)]
        assert (figure.value, counted[key]) == (Decimal(n_printed), n_counted)
        assert figure.value == SEED["need_for_change"]["printed_n"][key]
        assert f"vastaavat {n_counted} vastaajaa" in figure.note
        assert figure.label.startswith("Kaipaatko muutosta?") and "loppuraportti" in figure.source


def test_change_areas_counts(waves):
    start, end = [waves["start"]], [waves["end"]]
    assert (answered(start, "change_areas"), answered(end, "change_areas")) == (38, 25)
    printed = {"work": (15, 10), "income": (21, 10), "lifestyle": (10, 7)}
    for option, (at_start, at_end) in printed.items():
        assert option_counts(start, "change_areas")[option] == at_start
        assert option_counts(end, "change_areas")[option] == at_end
    # Percentages as printed: 39.5/55.3/26.3 % of 38 and 40/40/28 % of 25.
    assert [round(100 * option_counts(start, "change_areas")[o] / 38, 1) for o in printed] == [
        39.5,
        55.3,
        26.3,
    ]
    assert not answers([*start, *end], "change_areas").filter(option__isnull=True).exists()
    # Those who want a change name the areas; a few who did not say so name some too.
    wanting = Q(response__answers__item__key="need_for_change") & Q(
        response__answers__option__key__in=["small", "big"]
    )
    assert (
        answers(start, "change_areas")
        .filter(wanting)
        .aggregate(n=Count("response", distinct=True))["n"]
        == 32
    )


def test_invest_in_counts(waves):
    start, end = [waves["start"]], [waves["end"]]
    assert (answered(start, "invest_in"), answered(end, "invest_in")) == (51, 32)
    printed = {"work": (16, 13), "leisure": (9, 6), "help_services": (18, 6)}
    for option, (at_start, at_end) in printed.items():
        assert option_counts(start, "invest_in")[option] == at_start
        assert option_counts(end, "invest_in")[option] == at_end
    assert len(option_counts(start, "invest_in")) >= 8  # the others are chosen too


def test_life_area_means_and_best_and_worst_areas(waves):
    printed = {
        "life_work": ("2.9", "3.0"),
        "life_income": ("3.0", "2.9"),
        "life_lifestyle": ("2.7", "2.6"),
    }
    for item, (at_start, at_end) in printed.items():
        assert mean([waves["start"]], item) == Decimal(at_start)
        assert mean([waves["end"]], item) == Decimal(at_end)
    for wave in waves.values():
        exact = {
            key: Fraction(total, n)
            for key, total, n in Answer.objects.filter(
                response__wave=wave, item__type="scale_1_5", item__key__startswith="life_"
            )
            .exclude(item__key="life_whole")
            .values_list("item__key")
            .annotate(total=Sum("option__value"), n=Count("id"))
        }
        assert len(exact) == 11
        ranked = sorted(exact, key=exact.__getitem__)
        assert set(ranked[:2]) == {"life_safety", "life_environment"}
        assert set(ranked[-2:]) == {"life_work", "life_income"}


def test_scale_answers_are_points_one_to_five_with_a_few_blanks(waves):
    for wave in waves.values():
        per_item = dict(
            Answer.objects.filter(response__wave=wave, item__type="scale_1_5")
            .values_list("item__key")
            .annotate(n=Count("response", distinct=True))
        )
        respondents = wave.responses.count()
        assert len(per_item) == 12
        assert all(respondents - 2 <= n <= respondents for n in per_item.values())
        assert sum(respondents - n for n in per_item.values()) > 0  # some blanks
        values = Answer.objects.filter(response__wave=wave, item__type="scale_1_5")
        assert values.aggregate(low=Min("option__value"), high=Max("option__value")) == {
            "low": 1,
            "high": 5,
        }


def test_background_spread_over_the_six_municipalities(waves):
    start = dict(
        waves["start"].responses.values_list("municipality__name_fi").annotate(n=Count("id"))
    )
    assert start == {
        "Utajärvi": 18,
        "Raahe": 14,
        "Nivala": 7,
        "Sievi": 5,
        "Reisjärvi": 4,
        "Haapavesi": 3,
    }
    end = dict(waves["end"].responses.values_list("municipality__name_fi").annotate(n=Count("id")))
    assert end == {
        "Utajärvi": 11,
        "Raahe": 9,
        "Nivala": 5,
        "Sievi": 3,
        "Reisjärvi": 2,
        "Haapavesi": 2,
    }
    for wave in waves.values():
        ages = dict(wave.responses.values_list("age_group").annotate(n=Count("id")))
        genders = dict(wave.responses.values_list("gender").annotate(n=Count("id")))
        assert set(ages) == set(AGES)
        assert set(genders) == {"woman", "man", "other", "no_answer"}
        assert genders["woman"] > genders["man"] > genders["other"]


@pytest.mark.parametrize("which", ["start", "pooled"])
def test_subgroup_findings_hold_and_survive_small_number_protection(waves, which):
    chosen = [waves["start"]] if which == "start" else list(waves.values())
    # 1. The young (18–29) chose relationships most often.
    young = answers(chosen, "change_areas").filter(response__age_group="18_29")
    counts = list(young.values_list("option__key").annotate(n=Count("id")).order_by("-n"))
    assert counts[0][0] == "relationships" and counts[0][1] > counts[1][1]
    assert young.aggregate(n=Count("response", distinct=True))["n"] >= THRESHOLD
    # 2. Those aged 50–64 chose remote-service skills more often than any other age group.
    remote = shares(chosen, "change_areas", "remote_services", "age_group")
    older, older_n = remote.pop("50_64")
    assert older_n >= THRESHOLD
    assert all(older > share for share, _ in remote.values())
    # 3. Men chose leisure and 4. women help and services clearly more often than the other.
    leisure = shares(chosen, "invest_in", "leisure", "gender")
    help_services = shares(chosen, "invest_in", "help_services", "gender")
    assert leisure["man"][0] - leisure["woman"][0] >= Fraction(15, 100)
    assert help_services["woman"][0] - help_services["man"][0] >= Fraction(15, 100)
    assert min(leisure["man"][1], leisure["woman"][1]) >= THRESHOLD


def test_twenty_five_respondents_are_paired_by_code_with_similar_answers(waves):
    start = set(
        waves["start"].responses.exclude(pairing_hash="").values_list("pairing_hash", flat=True)
    )
    end = set(
        waves["end"].responses.exclude(pairing_hash="").values_list("pairing_hash", flat=True)
    )
    both = start & end
    assert len(both) == 25
    assert both == {pairing_hash(f"demo-{n:02d}") for n in range(1, 26)}
    assert len(start - end) > 0 and len(end - start) > 0  # codes that found no partner
    background = ("pairing_hash", "municipality", "age_group", "gender")
    pairs = Response.objects.filter(pairing_hash__in=both)
    assert pairs.values(*background).distinct().count() == 25
    points = {
        (wave, code, item): value
        for wave, code, item, value in Answer.objects.filter(
            response__in=pairs, item__type="scale_1_5"
        ).values_list("response__wave__key", "response__pairing_hash", "item__key", "option__value")
    }
    changes = [
        value - points[("start", code, item)]
        for (wave, code, item), value in points.items()
        if wave == "end" and ("start", code, item) in points
    ]
    assert len(changes) > 250 and all(abs(change) <= 1 for change in changes)
    assert changes.count(0) > len(changes) / 2
    need = {
        (wave, code): option
        for wave, code, option in answers(waves.values(), "need_for_change")
        .filter(response__in=pairs)
        .values_list("response__wave__key", "response__pairing_hash", "option__key")
    }
    kept = sum(need.get(("start", code)) == need[("end", code)] for code in both)
    assert kept >= 2 * len(both) / 3


def test_a_few_free_text_comments_marked_as_examples(waves):
    comments = answers(waves.values(), "comments")
    assert 3 <= comments.count() <= 10
    assert not comments.filter(text="").exists()
    assert all(
        text.startswith("Esimerkkivastaus: ") for text in comments.values_list("text", flat=True)
    )


def test_responses_hold_nothing_but_wave_date_pairing_and_background(life):
    assert {field.name for field in Response._meta.concrete_fields} == {
        "id",
        "wave",
        "submitted_on",
        "pairing_hash",
        "municipality",
        "age_group",
        "gender",
    }
    demo_responses = Response.objects.filter(wave__survey__project__slug="yhdessa-osallisuutta")
    assert demo_responses.count() == 51 + 32 + 6
    assert (
        Answer.objects.filter(response__in=demo_responses)
        .filter(Q(option__isnull=False) | ~Q(text=""))
        .count()
        == Answer.objects.filter(response__in=demo_responses).count()
    )


def test_partner_survey_13_invited_6_answered_and_its_findings(demo_loaded, db):
    survey = Survey.objects.get(title_fi="Kumppanikysely 2022")
    assert (survey.municipality, survey.is_public) == (None, False)
    assert survey.instrument_version.instrument.key == "kumppanikysely"
    wave = survey.waves.get()
    assert (wave.key, wave.label_fi) == ("autumn-2022", "Syksy 2022")
    opens = wave.opens_at.astimezone(HELSINKI).date()
    assert (
        datetime.date(2022, 10, 1) <= opens < wave.closes_at.date() <= datetime.date(2022, 12, 31)
    )
    invitations = Invitation.objects.filter(wave=wave)
    assert invitations.aggregate(
        sent=Count("id", filter=Q(sent_at__isnull=False)),
        used=Count("id", filter=Q(is_used=True)),
        emails=Count("email", distinct=True),
    ) == {"sent": PARTNER["sent_to"], "used": PARTNER["responded"], "emails": 13}
    assert invitations.count() == 13
    assert all(
        email.endswith("@demo.yhdessa.example")
        for email in invitations.values_list("email", flat=True)
    )
    assert wave.responses.count() == 6
    agree = dict(
        Answer.objects.filter(response__wave=wave, option__value__gte=4)
        .values_list("item__key")
        .annotate(n=Count("response", distinct=True))
    )
    assert agree["learned_participation"] == 3
    assert agree["learned_evaluation"] == 2
    for item in ("ngo_cooperation", "village_councils", "new_activities"):
        assert agree[item] > 3
    feedback = answers([wave], "feedback")
    assert 1 <= feedback.count() <= 2


def test_the_open_demo_survey_is_the_only_open_wave(demo_loaded, db):
    wave = open_waves().get()
    survey = wave.survey
    assert survey.title_fi == "Demo: Palautetta osallisuusillasta"
    assert survey.municipality.name_fi == "Nivala"
    assert survey.event.title_fi == "Demo: Osallisuusilta Nivalassa"
    assert survey.instrument_version.instrument.key == "arki-ja-elama"
    assert not survey.is_public
    assert wave.key == "feedback" and not wave.responses.exists()
    opens, closes = (
        moment.astimezone(HELSINKI).date() for moment in (wave.opens_at, wave.closes_at)
    )
    today = timezone.now().astimezone(HELSINKI).date()
    assert (opens, closes) == (
        today - datetime.timedelta(days=1),
        opens + datetime.timedelta(weeks=8),
    )


def test_loading_again_keeps_the_same_rows(demo_loaded, db):
    def snapshot():
        return {
            "surveys": sorted(Survey.objects.values_list("pk", "title_fi")),
            "waves": sorted(Wave.objects.values_list("pk", "key")),
            "responses": Response.objects.count(),
            "answers": Answer.objects.count(),
            "invitations": Invitation.objects.count(),
            "used": Invitation.objects.filter(is_used=True).count(),
            "reported": sorted(
                ReportedFigure.objects.filter(key__startswith="evaluation.").values_list(
                    "pk", "key", "value"
                )
            ),
            "options": sorted(
                Answer.objects.values_list("response__wave__key", "item__key", "option__key")
                .annotate(n=Count("id"))
                .order_by()
            ),
        }

    before = snapshot()
    demo.load_all(password="demo-salasana-1")
    assert snapshot() == before


def test_the_plan_checks_itself(demo_loaded, db):
    """Asking for a figure the answers cannot give stops the loading (not a quiet change)."""
    version = Survey.objects.get(title_fi="Minun arkeni ja elämäni").instrument_version
    broken = {**SEED, "best_areas_fi": ["Työ", "Elinympäristö"]}
    with pytest.raises(demo_surveys.DemoTargetMissed):
        demo_surveys.plan(broken, version)
