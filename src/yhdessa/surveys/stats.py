"""Statistics for survey analysis: pure functions over counts and paired values.

The database does the counting (``annotate``/``aggregate``); these functions only turn the
resulting counts and value lists into intervals, tests and sentences. They know nothing of the
ORM so that they can be checked against reference implementations without a database
(design rule: "Pure computation is plain Python").

Conventions used throughout:

* A paired change is ``after − before``. On a scale where 1 = very good and 5 = very bad a
  *negative* change is an improvement; :func:`plain_language` takes the direction of the scale
  into account, the numbers never do.
* ``None`` means "cannot be computed from these data" (no respondents, too few non-zero
  differences). It is never replaced by 0, which would read as a finding.
"""

from __future__ import annotations

import math
import statistics
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import NamedTuple

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from scipy import stats as sp_stats

__all__ = [
    "PairedResult",
    "ScaleSummary",
    "adjust_family",
    "effect_size_label",
    "holm_adjust",
    "newcombe_difference",
    "paired_wilcoxon",
    "plain_language",
    "proportion_reading",
    "rank_biserial",
    "scale_summary",
    "wilson_interval",
]

#: Fewer non-zero differences than this and the Wilcoxon test is not run: with one non-zero
#: difference the smallest attainable two-sided p is 1.0, so a "result" would only mislead.
MIN_NONZERO_DIFFERENCES = 2

#: Significance level used for the plain-language sentence (after Holm adjustment).
ALPHA = 0.05


def _z(confidence: float) -> float:
    """Two-sided critical value of the standard normal for ``confidence`` (0.95 → 1.95996…)."""
    if not 0 < confidence < 1:
        raise ValueError(f"confidence must be between 0 and 1, got {confidence!r}")
    return float(sp_stats.norm.isf((1 - confidence) / 2))


def wilson_interval(successes: int, n: int, confidence: float = 0.95) -> tuple[float, float] | None:
    """Wilson score interval for the proportion ``successes / n``.

    Why Wilson rather than the textbook Wald interval: the survey groups are small (tens of
    respondents) and percentages near 0 % or 100 % are common; the Wald interval then collapses
    to zero width or leaves [0, 1], while the Wilson interval keeps close to its nominal
    coverage (Brown, Cai & DasGupta 2001). Returns ``None`` when nobody answered (``n == 0``):
    there is no proportion to bracket.
    """
    if n < 0 or successes < 0 or successes > n:
        raise ValueError(f"need 0 <= successes <= n, got {successes}/{n}")
    if n == 0:
        return None
    z = _z(confidence)
    p = successes / n
    z2 = z * z
    denominator = 1 + z2 / n
    centre = (p + z2 / (2 * n)) / denominator
    half_width = z * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator
    # Clamp only floating-point dust: mathematically 0 <= lower <= p <= upper <= 1, with
    # lower = 0 exactly when successes = 0 and upper = 1 exactly when successes = n.
    lower = 0.0 if successes == 0 else max(0.0, min(p, centre - half_width))
    upper = 1.0 if successes == n else min(1.0, max(p, centre + half_width))
    return lower, upper


def newcombe_difference(
    x1: int, n1: int, x2: int, n2: int, confidence: float = 0.95
) -> tuple[float, float, float] | None:
    """Difference ``p2 − p1`` of two independent proportions with its Newcombe interval.

    Returns ``(difference, lower, upper)``; ``None`` when either group is empty.

    This is Newcombe's hybrid score interval (method 10 of Newcombe 1998), built from the
    Wilson intervals ``(l1, u1)`` and ``(l2, u2)`` of the two proportions::

        lower = d − sqrt((p2 − l2)² + (u1 − p1)²)
        upper = d + sqrt((u2 − p2)² + (p1 − l1)²)

    Why this method: it inherits the good small-sample behaviour of Wilson, never leaves
    [−1, 1], and needs no iteration. Why "independent": the start and end waves are compared as
    two samples here; respondents who gave a pairing code are analysed separately and properly
    as pairs by :func:`paired_wilcoxon`.
    """
    first = wilson_interval(x1, n1, confidence)
    second = wilson_interval(x2, n2, confidence)
    if first is None or second is None:
        return None
    l1, u1 = first
    l2, u2 = second
    p1, p2 = x1 / n1, x2 / n2
    difference = p2 - p1
    lower = difference - math.sqrt((p2 - l2) ** 2 + (u1 - p1) ** 2)
    upper = difference + math.sqrt((u2 - p2) ** 2 + (p1 - l1) ** 2)
    return difference, max(-1.0, lower), min(1.0, upper)


class ScaleSummary(NamedTuple):
    """Count, mean and median of the answers to one scale item (missing answers excluded)."""

    n: int
    mean: float | None
    median: float | None


def scale_summary(values: Sequence[int]) -> ScaleSummary:
    """Summarise scale answers (e.g. 1–5) given as a list of the answers actually given.

    Why both mean and median: the seed reports means of 1–5 ratings, which is what readers
    expect, but the scale is ordinal and the median is the honest location measure. Missing
    answers must already be left out by the caller (they are reported as ``n missing``);
    with no answers both are ``None``.
    """
    if not values:
        return ScaleSummary(0, None, None)
    return ScaleSummary(
        len(values), float(statistics.fmean(values)), float(statistics.median(values))
    )


@dataclass(frozen=True)
class PairedResult:
    """Paired start → end change of one scale item over respondents present in both waves.

    ``statistic`` and ``p_value`` are scipy's two-sided Wilcoxon signed-rank results with
    Pratt's zero handling; ``p_adjusted`` is the Holm-adjusted p over the items of the
    instrument, filled in by :func:`adjust_family`. ``rank_biserial`` is positive when the
    values went *up* (see :func:`rank_biserial`).
    """

    n_pairs: int
    n_nonzero: int
    statistic: float | None
    p_value: float | None
    rank_biserial: float | None
    median_difference: float | None = None
    p_adjusted: float | None = None


def _average_ranks(values: Sequence[float]) -> list[float]:
    """Ranks 1..n of ``values``, ties sharing the average of the ranks they occupy."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    ranks = [0.0] * len(values)
    start = 0
    while start < len(order):
        end = start
        while end + 1 < len(order) and values[order[end + 1]] == values[order[start]]:
            end += 1
        shared = (start + end) / 2 + 1  # average of 1-based ranks start+1 … end+1
        for position in range(start, end + 1):
            ranks[order[position]] = shared
        start = end + 1
    return ranks


def rank_biserial(differences: Sequence[float]) -> float | None:
    """Matched-pairs rank-biserial correlation (Kerby's simple difference formula).

    ``r = (R⁺ − R⁻) / T`` where the absolute differences are ranked (ties averaged),
    ``R⁺``/``R⁻`` are the rank sums of the positive/negative differences, and ``T`` is the total
    rank sum ``n(n + 1)/2`` of all ``n`` pairs.

    Zero differences are handled the way Pratt's test handles them: they are *ranked* (so they
    push the non-zero differences to higher ranks), then left out of ``R⁺`` and ``R⁻`` — but
    their ranks stay in the total ``T``. Why keep them in ``T``: respondents whose answer did
    not change are evidence of no change, and the effect size should be diluted by them rather
    than ignore them; otherwise one changed answer among twenty unchanged ones would give
    ``r = ±1``, a "large effect". Without zeros this is exactly Kerby's usual formula. The
    result lies in [−1, 1]; it is ``None`` only when there are no pairs.
    """
    n = len(differences)
    if n == 0:
        return None
    ranks = _average_ranks([abs(d) for d in differences])
    positive = sum(rank for rank, d in zip(ranks, differences, strict=True) if d > 0)
    negative = sum(rank for rank, d in zip(ranks, differences, strict=True) if d < 0)
    return (positive - negative) / (n * (n + 1) / 2)


def paired_wilcoxon(before: Sequence[float], after: Sequence[float]) -> PairedResult:
    """Wilcoxon signed-rank test of ``after − before`` for one item's paired answers.

    ``before[i]`` and ``after[i]`` belong to the same pairing code; the caller drops pairs with
    an answer missing in either wave. Why Wilcoxon: the answers are ordinal ratings of a few
    dozen people, so a t-test's normality is not credible. Why Pratt: on a 1–5 scale many
    respondents give the same rating twice; Wilcox's method drops those pairs before ranking,
    Pratt's keeps them in the ranking, which is the better-behaved choice with many ties.

    The test is not run (``statistic`` and ``p_value`` are ``None``) with fewer than
    :data:`MIN_NONZERO_DIFFERENCES` non-zero differences, because no p-value could then be
    anything but uninformative.
    """
    if len(before) != len(after):
        raise ValueError(f"before and after differ in length: {len(before)} != {len(after)}")
    differences = [float(a) - float(b) for b, a in zip(before, after, strict=True)]
    n_pairs = len(differences)
    n_nonzero = sum(1 for d in differences if d != 0)
    statistic: float | None = None
    p_value: float | None = None
    if n_nonzero >= MIN_NONZERO_DIFFERENCES:
        with warnings.catch_warnings():
            # scipy warns when it switches from the exact to the normal approximation; the
            # choice is scipy's documented "auto" behaviour and not something to act upon.
            warnings.simplefilter("ignore", UserWarning)
            result = sp_stats.wilcoxon(differences, zero_method="pratt", alternative="two-sided")
        statistic = _finite_or_none(float(result.statistic))
        p_value = _finite_or_none(float(result.pvalue))
    return PairedResult(
        n_pairs=n_pairs,
        n_nonzero=n_nonzero,
        statistic=statistic,
        p_value=p_value,
        rank_biserial=rank_biserial(differences),
        median_difference=float(statistics.median(differences)) if differences else None,
    )


def _finite_or_none(value: float) -> float | None:
    return value if math.isfinite(value) else None


def holm_adjust(p_values: Sequence[float | None]) -> list[float | None]:
    """Holm–Bonferroni step-down adjustment of a family of p-values.

    Why Holm: the before/after comparison tests every scale item of the instrument (a dozen
    life areas), so some would look "significant" by chance; Holm controls the family-wise
    error like Bonferroni but is uniformly more powerful, and needs no independence assumption.

    ``None`` entries (items that could not be tested) pass through as ``None`` and do not count
    towards the family size. The adjusted values are monotone in the order of the raw values,
    capped at 1, and returned in the input order.
    """
    for p in p_values:
        if p is not None and not 0 <= p <= 1:
            raise ValueError(f"p-values must lie in [0, 1], got {p!r}")
    tested = sorted(
        ((p, index) for index, p in enumerate(p_values) if p is not None),
        key=lambda pair: pair[0],
    )
    m = len(tested)
    adjusted: list[float | None] = [None] * len(p_values)
    running_max = 0.0
    for step, (p, index) in enumerate(tested):
        running_max = max(running_max, min(1.0, (m - step) * p))
        adjusted[index] = running_max
    return adjusted


def adjust_family(results: Sequence[PairedResult]) -> list[PairedResult]:
    """Return ``results`` with ``p_adjusted`` set by Holm over the whole family (one instrument)."""
    adjusted = holm_adjust([result.p_value for result in results])
    return [replace(result, p_adjusted=p) for result, p in zip(results, adjusted, strict=True)]


def effect_size_label(r: float) -> str:
    """Label for |r| by the usual 0.1 / 0.3 / 0.5 thresholds (Cohen's for r)."""
    size = abs(r)
    if size >= 0.5:
        return _("suuri")
    if size >= 0.3:
        return _("kohtalainen")
    if size >= 0.1:
        return _("pieni")
    return _("hyvin pieni")


def _fi_number(value: float, decimals: int) -> str:
    """A number as the active language writes it (decimal comma in Finnish and Swedish), with
    a true minus sign; a value that rounds to zero has no sign."""
    rounded = round(value, decimals)
    text = number_format(abs(rounded), decimals)
    return f"−{text}" if rounded < 0 else text


def _fi_p(p: float) -> str:
    if p < 0.001:
        return _("p < %(limit)s") % {"limit": _fi_number(0.001, 3)}
    return "p = " + _fi_number(p, 3)


def plain_language(
    result: PairedResult, *, min_pairs: int = 10, lower_is_better: bool = True
) -> str:
    """One sentence (in the active language) on what the paired data of one item can and cannot say.

    Why a sentence: evaluators read the seed's tables as proof of change although they carry no
    uncertainty. The sentence states, in order of precedence: that there are too few pairs
    (below ``min_pairs``) to conclude anything; that the answers hardly changed at all; or
    whether the change is statistically distinguishable from zero at Holm-adjusted
    p < 0.05, its direction ("parani"/"heikkeni", using ``lower_is_better`` for scales where
    1 is best) and the size of the effect. A non-significant result is explicitly not read as
    evidence of no change.

    The Holm-adjusted p of :func:`adjust_family` is used; a result that was never adjusted is
    treated as a family of one, for which Holm's p equals the raw p.
    """
    n = result.n_pairs
    if n == 0:
        return _("Parivastauksia ei ole: muutosta ei voi arvioida.")
    if n < min_pairs:
        too_few = _("Parivastauksia on vain %(n)s: aineisto on liian pieni johtopäätöksiin.")
        return too_few % {"n": n}
    p = result.p_adjusted if result.p_adjusted is not None else result.p_value
    r = result.rank_biserial
    if result.n_nonzero == 0:
        return _(
            "Kaikki %(n)s parivastaajaa vastasivat alussa ja lopussa samoin: muutosta ei näy."
        ) % {"n": n}
    if p is None or r is None:
        return _(
            "Parivastauksia on %(n)s, mutta vastaus muuttui vain %(changed)s vastaajalla: "
            "muutoksen suuntaa ei voi arvioida."
        ) % {"n": n, "changed": result.n_nonzero}
    figures = {
        "n": n,
        "p": _fi_p(p),
        "size": effect_size_label(r),
        "r": _fi_number(r, 2),
    }
    if p < ALPHA and r != 0:
        went_down = r < 0
        if went_down == lower_is_better:
            sentence = _(
                "Tilanne parani alusta loppuun tilastollisesti merkitsevästi "
                "(%(n)s paria, Holm-korjattu %(p)s); vaikutuksen koko on %(size)s, r = %(r)s."
            )
        else:
            sentence = _(
                "Tilanne heikkeni alusta loppuun tilastollisesti merkitsevästi "
                "(%(n)s paria, Holm-korjattu %(p)s); vaikutuksen koko on %(size)s, r = %(r)s."
            )
        return sentence % figures
    return (
        _(
            "Muutos ei eroa tilastollisesti nollasta (%(n)s paria, Holm-korjattu %(p)s; "
            "vaikutuksen koko on %(size)s, r = %(r)s): aineisto ei osoita paranemista eikä "
            "heikkenemistä, mutta ei myöskään todista, ettei muutosta olisi."
        )
        % figures
    )


def proportion_reading(difference: float, lower: float, upper: float) -> str:
    """A sentence in the active language on a change of a share between waves (Newcombe).

    The waves are treated as independent samples (the same people need not answer both), so the
    sentence speaks of the groups of respondents, not of people changing their minds.
    """
    figures = {
        "points": _fi_number(100 * difference, 1),
        "lower": _fi_number(100 * lower, 1),
        "upper": _fi_number(100 * upper, 1),
    }
    if lower > 0:
        return (
            _(
                "Osuus on lopussa suurempi kuin alussa (%(points)s prosenttiyksikköä, 95 %%:n "
                "luottamusväli %(lower)s…%(upper)s); ero on suurempi kuin sattuma selittäisi."
            )
            % figures
        )
    if upper < 0:
        return (
            _(
                "Osuus on lopussa pienempi kuin alussa (%(points)s prosenttiyksikköä, 95 %%:n "
                "luottamusväli %(lower)s…%(upper)s); ero on suurempi kuin sattuma selittäisi."
            )
            % figures
        )
    return (
        _(
            "Ero %(points)s prosenttiyksikköä (95 %%:n luottamusväli %(lower)s…%(upper)s) voi "
            "johtua sattumasta: aineisto ei osoita, että osuus olisi muuttunut."
        )
        % figures
    )
