import itertools
import random
from dataclasses import fields, is_dataclass
from typing import Any

import pytest
from scipy import stats as sp_stats

from tests.factories import MunicipalityFactory
from tests.surveys.builders import random_answers, respond, respond_many
from tests.surveys.world import nivala_survey
from yhdessa.surveys import results, stats
from yhdessa.surveys.models import Item, Survey, Wave
from yhdessa.surveys.results import Filters

pytestmark = pytest.mark.django_db


@pytest.fixture
def survey(world) -> Survey:
    return nivala_survey(world)


@pytest.fixture
def start(survey) -> Wave:
    return survey.waves.get(key="start")


@pytest.fixture
def end(survey) -> Wave:
    return survey.waves.get(key="end")


def test_single_choice_counts_percentages_and_item_non_response(start):
    # The seed's need-for-change question: 51 respondents, 47 answered (15/23/9), 4 left blank.
    respond_many(start, 15, need_for_change="none")
    respond_many(start, 23, need_for_change="small")
    respond_many(start, 9, need_for_change="big")
    respond_many(start, 4)
    figures = results.wave_results(start)
    assert figures.respondents == 51
    need = figures.item("need_for_change")
    assert need.answered == 47
    assert need.missing is None  # four people is below the threshold of five
    assert [(o.key, o.count) for o in need.options] == [("none", 15), ("small", 23), ("big", 9)]
    assert [round(o.percent, 1) for o in need.options] == [31.9, 48.9, 19.1]
    low, high = need.options[2].interval
    wilson = stats.wilson_interval(9, 47)
    assert (low, high) == pytest.approx((100 * wilson[0], 100 * wilson[1]))


def test_a_small_option_is_hidden_with_a_partner(start):
    respond_many(start, 20, need_for_change="none")
    respond_many(start, 8, need_for_change="small")
    respond_many(start, 2, need_for_change="big")
    need = results.wave_results(start).item("need_for_change")
    assert [o.count for o in need.options] == [20, None, None]
    assert [o.percent for o in need.options][1:] == [None, None]
    assert need.suppressed and need.answered == 30


def test_multiple_choice_hides_an_option_chosen_or_left_by_few(start):
    respond_many(start, 10, change_areas=["work", "income"])
    respond_many(start, 3, change_areas=["work", "housing"])
    # work: 13 of 13 chose it, so nobody left it: 0 non-choosers is shown.
    # income: 10 chose, 3 did not -> hidden.  housing: 3 chose -> hidden.
    areas = {o.key: o.count for o in results.wave_results(start).item("change_areas").options}
    assert areas["work"] == 13
    assert areas["income"] is None
    assert areas["housing"] is None
    assert areas["health"] == 0


def possible_hidden_counts(item: results.ItemFigures, values: list[int]) -> int:
    """How many sets of hidden counts agree with everything published about a scale item:
    the shown cells, the number who answered, and the mean to one decimal (brute force)."""
    hidden = [index for index, option in enumerate(item.options) if option.count is None]
    shown_total = sum(option.count for option in item.options if option.count is not None)
    shown_sum = sum(
        values[index] * option.count
        for index, option in enumerate(item.options)
        if option.count is not None
    )
    rest = item.answered - shown_total
    found = 0
    for combination in itertools.product(range(1, rest + 1), repeat=len(hidden)):
        if sum(combination) != rest:
            continue
        total = shown_sum + sum(values[i] * c for i, c in zip(hidden, combination, strict=True))
        if item.mean is None or results._round_mean(total / item.answered) == item.mean:
            found += 1
    return found


def test_scale_mean_is_shown_only_when_it_cannot_reveal_hidden_cells(start):
    respond_many(start, 6, life_work=2)
    respond_many(start, 6, life_work=3)
    respond_many(start, 3, life_work=5)
    work = results.wave_results(start).item("life_work")
    # The "5" cell is hidden with a partner; with only those two hidden, the mean 3.0 would
    # pin them down (a + b = 9, 3a + 5b = 27), so a third cell is hidden as well.
    assert work.options[4].count is None
    assert work.mean == 3.0 and work.median is None
    assert sum(option.count is None for option in work.options) >= 3
    assert possible_hidden_counts(work, [1, 2, 3, 4, 5]) >= 2


@pytest.mark.parametrize("seed", range(25))
def test_no_published_mean_pins_down_the_hidden_cells(seed, start):
    rng = random.Random(seed)
    for value in range(1, 6):
        respond_many(start, rng.choice([0, 1, 2, 3, 4, 6, 9]), life_work=value)
    work = results.wave_results(start).item("life_work")
    if work.mean is not None and any(option.count is None for option in work.options):
        assert possible_hidden_counts(work, [1, 2, 3, 4, 5]) >= 2


def test_a_subgroup_below_the_threshold_shows_nothing(start, world):
    respond_many(start, 10, municipality=world.nivala, gender="woman", life_work=2)
    respond_many(start, 3, municipality=world.nivala, gender="man", life_work=4, comments="Hei")
    men = results.wave_results(start, Filters(gender="man"), with_texts=True)
    assert men.suppressed and men.respondents is None
    work = men.item("life_work")
    assert work.answered is None and work.mean is None
    assert all(o.count is None and o.percent is None for o in work.options)
    assert men.item("comments").texts == []
    # Ten women would be shown on their own, but everyone minus the women is the three men:
    # asking for both and subtracting would reveal them, so the women are hidden too.
    women = results.wave_results(start, Filters(gender="woman", municipality="535"))
    assert women.respondents is None
    respond_many(start, 6, municipality=world.nivala, gender="other", life_work=3)
    women = results.wave_results(start, Filters(gender="woman", municipality="535"))
    assert women.respondents == 10
    assert women.item("life_work").mean == 2


def test_free_text_only_when_asked_and_the_group_is_big_enough(start):
    respond_many(start, 5, comments="Lisää kerhoja iltaisin")
    assert results.wave_results(start).item("comments").texts == []
    texts = results.wave_results(start, with_texts=True).item("comments").texts
    assert texts == ["Lisää kerhoja iltaisin"] * 5


def test_comparison_pairs_respondents_by_code_and_agrees_with_scipy(start, end):
    rng = random.Random(4)
    before, after = [], []
    for number in range(14):
        b = rng.randint(2, 5)
        a = max(1, min(5, b - rng.choice([0, 1, 1, 2])))
        before.append(b)
        after.append(a)
        respond(start, code=f"koodi {number}", life_health=b, need_for_change="big")
        respond(end, code=f"KOODI{number}", life_health=a, need_for_change="small")
    respond_many(start, 3, life_health=5)  # without a code: not paired
    result = results.comparison(start, end)
    assert result.n_pairs == 14
    health = result.item("life_health")
    reference = sp_stats.wilcoxon(
        [a - b for a, b in zip(after, before, strict=True)], zero_method="pratt"
    )
    assert health.paired.p_value == pytest.approx(reference.pvalue)
    assert health.paired.n_pairs == 14
    assert "parani" in health.reading
    # need_for_change: 14 "big" of 17 at start, 0 of 14 at end -> big is smaller at the end
    big = next(o for o in result.item("need_for_change").options if o.key == "big")
    assert big.difference == pytest.approx(-100.0)
    assert big.interval[1] < 0


def test_holm_adjustment_runs_over_the_items_tested(start, end):
    for number in range(12):
        respond(start, code=f"p{number}", life_health=4, life_work=3, life_housing=2)
        respond(end, code=f"p{number}", life_health=2, life_work=3 if number else 4, life_housing=2)
    result = results.comparison(start, end)
    health = result.item("life_health").paired
    raw = [c.paired.p_value for c in result.items if c.paired and c.paired.p_value is not None]
    assert health.p_adjusted == pytest.approx(min(1.0, len(raw) * health.p_value))


def test_too_few_pairs_publish_no_test(start, end):
    for number in range(3):
        respond(start, code=f"p{number}", life_health=4)
        respond(end, code=f"p{number}", life_health=2)
    result = results.comparison(start, end)
    assert result.n_pairs is None
    assert result.item("life_health").paired is None
    assert "liian vähän" in result.item("life_health").reading


def test_breakdown_protects_rows_and_columns(start, world):
    respond_many(start, 8, age_group="18_29", need_for_change="big")
    respond_many(start, 7, age_group="50_64", need_for_change="small")
    respond_many(start, 3, age_group="50_64", need_for_change="big")
    tables = results.breakdowns(start, "age_group")
    need = next(table for table in tables if table.item_key == "need_for_change")
    cells = {
        (row.key, column.key): cell.count
        for row in need.rows
        for column, cell in zip(need.columns, row.cells, strict=True)
    }
    assert cells[("big", "50_64")] is None
    assert cells[("big", "18_29")] is None  # row partner: "big" overall is 11
    assert cells[("small", "50_64")] is None  # column partner: 50–64 answered 10
    assert {column.key: column.answered for column in need.columns}["18_29"] == 8


COUNT_FIELDS = {"count", "answered", "missing", "respondents", "n_pairs", "n_changed"}


def _counts_in(value: Any, path: str = "") -> list[tuple[str, int]]:
    """Every integer field named like a count of people, anywhere in a results object."""
    found: list[tuple[str, int]] = []
    if is_dataclass(value) and not isinstance(value, type):
        for f in fields(value):
            child = getattr(value, f.name)
            if f.name in COUNT_FIELDS and isinstance(child, int):
                found.append((f"{path}.{f.name}", child))
            found += _counts_in(child, f"{path}.{f.name}")
    elif isinstance(value, list | tuple):
        for index, child in enumerate(value):
            found += _counts_in(child, f"{path}[{index}]")
    return found


@pytest.mark.parametrize("seed", range(6))
def test_no_figure_below_the_threshold_leaves_the_results(seed, world, settings):
    """Random answer sets, every output object: no count from 1 to threshold − 1."""
    rng = random.Random(seed)
    settings.YHDESSA_MIN_CELL_SIZE = threshold = rng.choice([3, 5, 7])
    survey = nivala_survey(world)
    start, end = survey.waves.get(key="start"), survey.waves.get(key="end")
    items = list(
        Item.objects.filter(version=survey.instrument_version_id).prefetch_related("options")
    )
    raahe = MunicipalityFactory(code="678", name_fi="Raahe")
    survey.project.partner_municipalities.add(raahe)
    places = [world.nivala, world.sievi, raahe, None]
    for wave, size in ((start, rng.randint(8, 40)), (end, rng.randint(8, 30))):
        for number in range(size):
            respond(
                wave,
                code=f"p{number}" if rng.random() < 0.6 else "",
                municipality=rng.choice(places),
                age_group=rng.choice(["18_29", "30_49", "50_64", "65_plus", ""]),
                gender=rng.choice(["woman", "man", "other", ""]),
                **random_answers(rng, items),
            )
    outputs: list[Any] = [
        results.wave_results(start, with_texts=True),
        results.wave_results(end, Filters(gender="woman")),
        results.wave_results(start, Filters(municipality="678", age_group="30_49")),
        results.comparison(start, end),
        results.comparison(start, end, Filters(gender="man")),
        *[results.breakdowns(start, dimension) for dimension in results.DIMENSIONS],
    ]
    counts = _counts_in(outputs)
    assert counts, "the walk found no counts: the test would pass on anything"
    small = [(path, n) for path, n in counts if 0 < n < threshold]
    assert small == []


def test_query_count_does_not_grow_with_answers(start, end, django_assert_max_num_queries):
    respond_many(start, 6, life_work=2, need_for_change="none", change_areas=["work"])
    with django_assert_max_num_queries(20) as few:
        results.wave_results(start)
        results.comparison(start, end)
        results.breakdowns(start, "gender")
    rng = random.Random(1)
    items = list(Item.objects.filter(version=start.survey.instrument_version_id))
    for number in range(40):
        respond(start, code=f"a{number}", **random_answers(rng, items))
        respond(end, code=f"a{number}", **random_answers(rng, items))
    with django_assert_max_num_queries(len(few.captured_queries)):
        results.wave_results(start)
        results.comparison(start, end)
        results.breakdowns(start, "gender")
