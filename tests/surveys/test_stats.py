"""Survey statistics against reference computations (scipy, statsmodels, textbook values).

Pure functions only: no database, no Django.
"""

import itertools
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats as sp_stats
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.proportion import confint_proportions_2indep, proportion_confint

from yhdessa.surveys.stats import (
    PairedResult,
    adjust_family,
    effect_size_label,
    holm_adjust,
    newcombe_difference,
    paired_wilcoxon,
    plain_language,
    rank_biserial,
    scale_summary,
    wilson_interval,
)

FAST = settings(max_examples=150, deadline=None)
# scipy's Wilcoxon runs an exact permutation test for small samples with ties (~0.1 s a call)
# and multipletests is not quick either: fewer examples keep the file at a few seconds.
SLOW = settings(max_examples=40, deadline=None)
CONFIDENCES = st.sampled_from([0.8, 0.9, 0.95, 0.99])


@st.composite
def counts(draw, max_n=300):
    n = draw(st.integers(min_value=1, max_value=max_n))
    return draw(st.integers(min_value=0, max_value=n)), n


@st.composite
def paired_answers(draw, max_pairs=40):
    """Before/after answers on a 1–5 scale, as the survey produces them (many ties)."""
    n = draw(st.integers(min_value=0, max_value=max_pairs))
    scale = st.integers(min_value=1, max_value=5)
    before = draw(st.lists(scale, min_size=n, max_size=n))
    after = draw(st.lists(scale, min_size=n, max_size=n))
    return before, after


# --- Wilson ---------------------------------------------------------------------------------


@FAST
@given(counts(), CONFIDENCES)
def test_wilson_matches_statsmodels(count, confidence):
    successes, n = count
    expected = proportion_confint(successes, n, alpha=1 - confidence, method="wilson")
    lower, upper = wilson_interval(successes, n, confidence)
    assert lower == pytest.approx(float(expected[0]), abs=1e-12)
    assert upper == pytest.approx(float(expected[1]), abs=1e-12)
    assert 0 <= lower <= successes / n <= upper <= 1


def test_wilson_known_value_and_edges():
    # 47 of 51 answered the need-for-change question in the seed: 92.2 % (81.5 %–96.9 %).
    lower, upper = wilson_interval(47, 51)
    assert (round(lower, 3), round(upper, 3)) == (0.815, 0.969)
    assert wilson_interval(0, 0) is None
    assert wilson_interval(0, 10)[0] == 0.0
    assert wilson_interval(10, 10)[1] == 1.0
    with pytest.raises(ValueError):
        wilson_interval(3, 2)
    with pytest.raises(ValueError):
        wilson_interval(1, 2, confidence=1.0)


# --- Newcombe -------------------------------------------------------------------------------

# Newcombe (1998), Stat Med 17:873–890, Table II, method 10, written as p1 − p2 in the paper;
# our function returns p2 − p1, so the groups are passed the other way round.
NEWCOMBE_TABLE_II = [
    ((56, 70), (48, 80), 0.2000, 0.0524, 0.3339),
    ((9, 10), (3, 10), 0.6000, 0.1705, 0.8090),
    ((5, 56), (0, 29), 0.0893, -0.0381, 0.1926),
    ((0, 10), (0, 20), 0.0000, -0.1611, 0.2775),
    ((0, 10), (0, 10), 0.0000, -0.2775, 0.2775),
    ((10, 10), (0, 20), 1.0000, 0.6791, 1.0000),
    ((10, 10), (0, 10), 1.0000, 0.6075, 1.0000),
]


@pytest.mark.parametrize(("first", "second", "difference", "lower", "upper"), NEWCOMBE_TABLE_II)
def test_newcombe_matches_textbook_table(first, second, difference, lower, upper):
    result = newcombe_difference(*second, *first)
    assert [round(value, 4) for value in result] == [difference, lower, upper]


@FAST
@given(counts(max_n=200), counts(max_n=200), CONFIDENCES)
def test_newcombe_matches_statsmodels_and_contains_estimate(first, second, confidence):
    (x1, n1), (x2, n2) = first, second
    difference, lower, upper = newcombe_difference(x1, n1, x2, n2, confidence)
    assert difference == pytest.approx(x2 / n2 - x1 / n1)
    assert -1 <= lower <= difference <= upper <= 1
    expected = confint_proportions_2indep(
        x2, n2, x1, n1, method="newcomb", compare="diff", alpha=1 - confidence
    )
    assert lower == pytest.approx(float(expected[0]), abs=1e-9)
    assert upper == pytest.approx(float(expected[1]), abs=1e-9)


def test_newcombe_empty_group():
    assert newcombe_difference(0, 0, 3, 10) is None
    assert newcombe_difference(3, 10, 0, 0) is None


# --- scale summary --------------------------------------------------------------------------


def test_scale_summary():
    assert scale_summary([]) == (0, None, None)
    assert scale_summary([2, 1, 5, 2]) == (4, 2.5, 2.0)
    assert scale_summary([3]) == (1, 3.0, 3.0)


# --- Wilcoxon and rank-biserial -------------------------------------------------------------


def straightforward_rank_biserial(differences):
    """Kerby's r by counting: rank = 1 + #smaller + (#equal − 1)/2, zeros ranked (Pratt)."""
    magnitudes = [abs(d) for d in differences]
    total = plus = minus = 0.0
    for d, m in zip(differences, magnitudes, strict=True):
        smaller = sum(1 for other in magnitudes if other < m)
        equal = sum(1 for other in magnitudes if other == m)
        rank = 1 + smaller + (equal - 1) / 2
        total += rank
        if d > 0:
            plus += rank
        elif d < 0:
            minus += rank
    return (plus - minus) / total


@SLOW
@given(paired_answers())
def test_paired_wilcoxon_matches_scipy(pairs):
    before, after = pairs
    result = paired_wilcoxon(before, after)
    differences = [a - b for b, a in zip(before, after, strict=True)]
    assert result.n_pairs == len(before)
    assert result.n_nonzero == sum(1 for d in differences if d)
    if result.n_nonzero < 2:
        assert result.statistic is None
        assert result.p_value is None
        return
    expected = sp_stats.wilcoxon(after, before, zero_method="pratt", alternative="two-sided")
    assert result.statistic == pytest.approx(float(expected.statistic))
    assert result.p_value == pytest.approx(float(expected.pvalue), rel=1e-12)
    assert 0 <= result.p_value <= 1


@FAST
@given(paired_answers())
def test_rank_biserial_matches_straightforward_computation(pairs):
    before, after = pairs
    differences = [a - b for b, a in zip(before, after, strict=True)]
    r = rank_biserial(differences)
    if not differences:
        assert r is None
        return
    assert r == pytest.approx(straightforward_rank_biserial(differences))
    assert -1 <= r <= 1
    # Swapping the waves flips the sign.
    assert rank_biserial([-d for d in differences]) == pytest.approx(-r)


@SLOW
@given(st.lists(st.integers(min_value=-4, max_value=4).filter(bool), min_size=2, max_size=30))
def test_rank_biserial_agrees_with_scipy_rank_sum_without_zeros(differences):
    # Without zeros, r = (2·R⁺ − T)/T where R⁺ is scipy's one-sided ("greater") statistic.
    r_plus = float(sp_stats.wilcoxon(differences, alternative="greater").statistic)
    total = len(differences) * (len(differences) + 1) / 2
    assert rank_biserial(differences) == pytest.approx((2 * r_plus - total) / total)


def test_paired_wilcoxon_edges():
    empty = paired_wilcoxon([], [])
    assert (empty.n_pairs, empty.statistic, empty.p_value, empty.rank_biserial) == (
        0,
        None,
        None,
        None,
    )
    single = paired_wilcoxon([3], [1])
    assert (single.n_pairs, single.n_nonzero, single.p_value) == (1, 1, None)
    assert single.rank_biserial == -1.0
    unchanged = paired_wilcoxon([2, 3, 4, 2], [2, 3, 4, 2])
    assert (unchanged.n_nonzero, unchanged.p_value, unchanged.rank_biserial) == (0, None, 0.0)
    assert unchanged.median_difference == 0.0
    # One change among many unchanged answers: diluted, not a "perfect" effect.
    diluted = paired_wilcoxon([2] * 10, [2] * 9 + [1])
    assert diluted.rank_biserial == pytest.approx(-10 / 55)
    with pytest.raises(ValueError):
        paired_wilcoxon([1, 2], [1])


# --- Holm -----------------------------------------------------------------------------------

P_VALUES = st.lists(
    st.one_of(st.none(), st.floats(min_value=0, max_value=1)), min_size=0, max_size=25
)


@SLOW
@given(P_VALUES)
def test_holm_matches_statsmodels(p_values):
    adjusted = holm_adjust(p_values)
    assert len(adjusted) == len(p_values)
    assert [a is None for a in adjusted] == [p is None for p in p_values]
    tested = [p for p in p_values if p is not None]
    if not tested:
        return
    expected = multipletests(tested, method="holm")[1]
    got = [a for a in adjusted if a is not None]
    assert got == pytest.approx([float(e) for e in expected], abs=1e-12)
    for raw, adj in zip(tested, got, strict=True):
        assert raw <= adj <= 1
    ordered = sorted(zip(tested, got, strict=True))
    assert all(a[1] <= b[1] for a, b in itertools.pairwise(ordered))


def test_holm_known_values_and_bad_input():
    assert holm_adjust([0.01, None, 0.04, 0.03]) == pytest.approx([0.03, None, 0.06, 0.06])
    assert holm_adjust([0.2, 0.9]) == [0.4, 0.9]
    assert holm_adjust([0.5, 0.9]) == [1.0, 1.0]
    assert holm_adjust([]) == []
    with pytest.raises(ValueError):
        holm_adjust([1.5])


def test_adjust_family_sets_holm_p():
    results = [
        PairedResult(20, 15, 10.0, 0.01, -0.6),
        PairedResult(5, 0, None, None, 0.0),
        PairedResult(20, 12, 40.0, 0.04, -0.2),
    ]
    adjusted = adjust_family(results)
    assert [r.p_adjusted for r in adjusted] == pytest.approx([0.02, None, 0.04])
    assert [r.p_value for r in adjusted] == [0.01, None, 0.04]


# --- plain language -------------------------------------------------------------------------


def test_plain_language_too_few_pairs():
    result = paired_wilcoxon([3, 4, 2, 5, 3, 4], [1, 2, 1, 2, 1, 2])
    assert plain_language(result) == (
        "Parivastauksia on vain 6: aineisto on liian pieni johtopäätöksiin."
    )
    assert plain_language(paired_wilcoxon([], [])).startswith("Parivastauksia ei ole")


def test_plain_language_clear_improvement_where_lower_is_better():
    before = [4, 4, 5, 3, 4, 5, 4, 3, 4, 5, 4, 3, 4, 4, 5]
    after = [2, 3, 3, 2, 2, 3, 2, 2, 3, 3, 2, 2, 3, 2, 4]
    [result] = adjust_family([paired_wilcoxon(before, after)])
    sentence = plain_language(result)
    assert sentence.startswith("Tilanne parani alusta loppuun tilastollisesti merkitsevästi")
    assert "15 paria" in sentence
    assert "Holm-korjattu p < 0,001" in sentence
    assert "vaikutuksen koko on suuri, r = −1,00." in sentence
    # The same numbers on a scale where higher is better mean the situation got worse.
    assert "Tilanne heikkeni" in plain_language(result, lower_is_better=False)


def test_plain_language_no_detectable_change():
    before = [2, 3, 4, 2, 3, 4, 2, 3, 4, 2, 3, 4]
    after = [3, 2, 4, 1, 3, 5, 2, 4, 3, 2, 3, 4]
    result = paired_wilcoxon(before, after)
    sentence = plain_language(result)
    assert sentence.startswith("Muutos ei eroa tilastollisesti nollasta (12 paria, Holm-korjattu")
    assert "ei myöskään todista, ettei muutosta olisi" in sentence


def test_plain_language_holm_can_remove_significance():
    raw = PairedResult(30, 20, 50.0, 0.03, -0.35)
    assert "parani" in plain_language(raw)
    adjusted = adjust_family([raw, PairedResult(30, 20, 60.0, 0.04, 0.1)])
    assert plain_language(adjusted[0]).startswith("Muutos ei eroa tilastollisesti nollasta")


def test_plain_language_no_or_few_changes():
    unchanged = paired_wilcoxon([3] * 12, [3] * 12)
    assert plain_language(unchanged) == (
        "Kaikki 12 parivastaajaa vastasivat alussa ja lopussa samoin: muutosta ei näy."
    )
    one_change = paired_wilcoxon([3] * 12, [3] * 11 + [2])
    assert "vastaus muuttui vain 1 vastaajalla" in plain_language(one_change)


@pytest.mark.parametrize(
    ("r", "label"),
    [
        (0.05, "hyvin pieni"),
        (-0.1, "pieni"),
        (0.29, "pieni"),
        (-0.3, "kohtalainen"),
        (0.5, "suuri"),
    ],
)
def test_effect_size_label(r, label):
    assert effect_size_label(r) == label


def test_no_nan_leaks():
    result = paired_wilcoxon([1, 2], [2, 1])
    assert result.p_value is not None
    assert not math.isnan(result.p_value)
