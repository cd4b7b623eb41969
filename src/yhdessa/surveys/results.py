"""Survey results: the database counts, ``stats`` turns counts into figures, and every count
passes the small-number function before it leaves this module.

Pages, charts, spreadsheets and the API all render the objects built here (:func:`wave_results`,
:func:`comparison`, :func:`breakdowns`), so no output can show a figure that this module did not
protect. A figure that is hidden is ``None``; the objects say so with ``suppressed``.

What is protected, and how:

* The number of respondents of a wave (in the chosen subgroup): below the threshold, the whole
  wave is hidden — every item, mean and text.
* The distribution of a scale or single-choice item: a one-way table whose total (the number
  who answered) is shown, so :func:`~yhdessa.core.disclosure.protect_counts` hides the small
  cells and as many partner cells as it takes for the hidden ones not to add up to a small
  number. Breakdowns are two-way tables protected the same way in every row and column.
* A multiple-choice option is a yes/no split of those who answered the item: it is hidden when
  either the choosers or the non-choosers are fewer than the threshold, because either count
  describes people.
* The mean of a scale item is published to one decimal. With hidden cells it is shown only if
  it leaves at least two possible sets of hidden counts (:func:`_mean_gives_away_cells`); the
  median only when no cell is hidden.
* With a subgroup filter, every count is also hidden when the same count over the rest of the
  respondents is small: otherwise asking for everyone and for the group and subtracting would
  reveal it.
* Non-response (``missing``) is hidden when small, and whenever the number who answered is
  hidden. A small ``missing`` can still be worked out as respondents − answered: skipping a
  question is a margin of the table, not an answer, and hiding it would hide the base of every
  percentage (the seed's "47 of 51 answered" is exactly what evaluators need to see).
* A paired test is published only for items with at least threshold pairs; the number of
  pairs whose answer changed is hidden when it, or the number unchanged, is small.
* Free-text answers are returned only when asked for (survey managers) and only when the group
  reaches the threshold.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Avg, Count, Exists, OuterRef, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from yhdessa.core.disclosure import (
    is_small,
    min_cell_size,
    protect_count,
    protect_counts,
    protect_table,
)
from yhdessa.surveys import selectors, stats
from yhdessa.surveys.models import (
    AgeGroup,
    Answer,
    Gender,
    Item,
    Option,
    Response,
    Survey,
    Wave,
)

#: Means are published to this many decimals (and checked for disclosure at that precision).
MEAN_DECIMALS = 1

#: Fewer pairs than this and the plain-language reading says the data are too few.
MIN_PAIRS_FOR_CONCLUSIONS = 10

#: Background questions by which results can be filtered and broken down.
DIMENSIONS = {
    "municipality": gettext_lazy("Kunta"),
    "age_group": gettext_lazy("Ikäryhmä"),
    "gender": gettext_lazy("Sukupuoli"),
}

#: The group of respondents who left a background question blank.
NO_ANSWER = ""


# --- Objects handed to the outputs ------------------------------------------------------------


@dataclass(frozen=True)
class Filters:
    """Narrow the respondents to a subgroup; blank means everyone."""

    municipality: str = ""  # municipality code
    age_group: str = ""
    gender: str = ""

    def apply(self, responses: QuerySet[Response]) -> QuerySet[Response]:
        if self.municipality:
            responses = responses.filter(municipality__code=self.municipality)
        if self.age_group:
            responses = responses.filter(age_group=self.age_group)
        if self.gender:
            responses = responses.filter(gender=self.gender)
        return responses

    def as_dict(self) -> dict[str, str | None]:
        return {
            "municipality": self.municipality or None,
            "age_group": self.age_group or None,
            "gender": self.gender or None,
        }

    @property
    def any(self) -> bool:
        return bool(self.municipality or self.age_group or self.gender)


@dataclass(frozen=True)
class OptionFigure:
    key: str
    label: str
    count: int | None
    percent: float | None  # of those who answered the item, 0–100
    interval: tuple[float, float] | None  # Wilson 95 %, in per cent

    @property
    def suppressed(self) -> bool:
        return self.count is None


@dataclass(frozen=True)
class ItemFigures:
    key: str
    text: str
    type: str
    lower_is_better: bool
    answered: int | None
    missing: int | None
    options: list[OptionFigure]
    mean: float | None = None
    median: float | None = None
    texts: list[str] = field(default_factory=list)
    # Whether figures of this item were withheld by the small-number rule (not: "no answers").
    suppressed: bool = False

    @property
    def is_scale(self) -> bool:
        return self.type == Item.Type.SCALE_1_5


@dataclass(frozen=True)
class WaveFigures:
    """Figures of one wave, or of several taken together (then they count answers, and a
    person who answered two waves is in them twice)."""

    waves: tuple[Wave, ...]
    filters: Filters
    threshold: int
    respondents: int | None
    items: list[ItemFigures]

    @property
    def wave(self) -> Wave:
        return self.waves[0]

    @property
    def pooled(self) -> bool:
        return len(self.waves) > 1

    @property
    def key(self) -> str:
        return ALL_WAVES if self.pooled else self.wave.key

    @property
    def label(self) -> str:
        return _("Kaikki kierrokset yhdessä") if self.pooled else self.wave.label

    @property
    def suppressed(self) -> bool:
        return self.respondents is None

    def item(self, key: str) -> ItemFigures:
        return next(item for item in self.items if item.key == key)


@dataclass(frozen=True)
class OptionChange:
    key: str
    label: str
    before: OptionFigure
    after: OptionFigure
    difference: float | None  # percentage points, after − before
    interval: tuple[float, float] | None  # Newcombe 95 %, percentage points
    reading: str

    @property
    def suppressed(self) -> bool:
        return self.difference is None and (self.before.suppressed or self.after.suppressed)


@dataclass(frozen=True)
class PairedFigures:
    """The published part of a paired test: the count of changed answers is protected."""

    n_pairs: int
    n_changed: int | None
    statistic: float | None
    p_value: float | None
    p_adjusted: float | None
    rank_biserial: float | None
    median_difference: float | None


@dataclass(frozen=True)
class ItemChange:
    key: str
    text: str
    type: str
    before: ItemFigures
    after: ItemFigures
    paired: PairedFigures | None  # scale items only; None when the pairs are too few
    reading: str
    options: list[OptionChange]


@dataclass(frozen=True)
class Comparison:
    before: WaveFigures
    after: WaveFigures
    n_pairs: int | None
    items: list[ItemChange]

    def item(self, key: str) -> ItemChange:
        return next(item for item in self.items if item.key == key)


@dataclass(frozen=True)
class BreakdownColumn:
    key: str  # the group value ("" for no answer)
    label: str
    answered: int | None


@dataclass(frozen=True)
class BreakdownRow:
    key: str
    label: str
    cells: list[OptionFigure]  # one per column


@dataclass(frozen=True)
class Breakdown:
    item_key: str
    item_text: str
    dimension: str
    columns: list[BreakdownColumn]
    rows: list[BreakdownRow]


# --- Reading the instrument -------------------------------------------------------------------


def survey_items(survey: Survey) -> list[Item]:
    return list(selectors.survey_items(survey))


#: The key of "every wave together" in pages and files.
ALL_WAVES = "all"


def _as_waves(wave: Wave | Sequence[Wave]) -> tuple[Wave, ...]:
    return (wave,) if isinstance(wave, Wave) else tuple(wave)


def _responses(wave: Wave | Sequence[Wave], filters: Filters) -> QuerySet[Response]:
    return filters.apply(Response.objects.filter(wave__in=_as_waves(wave)))


# --- Counting in the database -----------------------------------------------------------------


@dataclass
class _Counts:
    respondents: int
    answered: dict[int, int]  # item pk → respondents who answered it
    chosen: dict[tuple[int, int], int]  # (item pk, option pk) → respondents
    number_means: dict[int, Decimal | None]
    texts: dict[int, list[str]]


def _count(responses: QuerySet[Response], items: Sequence[Item], *, with_texts: bool) -> _Counts:
    answers = Answer.objects.filter(response__in=responses)
    answered = dict(
        answers.values_list("item").annotate(n=Count("response", distinct=True)).order_by()
    )
    chosen = {
        (item_pk, option_pk): n
        for item_pk, option_pk, n in answers.filter(option__isnull=False)
        .values_list("item", "option")
        .annotate(n=Count("response", distinct=True))
        .order_by()
    }
    number_items = [item.pk for item in items if item.type == Item.Type.NUMBER]
    number_means: dict[int, Decimal | None] = {}
    if number_items:
        number_means = dict(
            answers.filter(item__in=number_items, number__isnull=False)
            .values_list("item")
            .annotate(mean=Avg("number"))
            .order_by()
        )
    texts: dict[int, list[str]] = defaultdict(list)
    if with_texts:
        for item_pk, text in (
            answers.filter(item__type=Item.Type.TEXT).exclude(text="").values_list("item", "text")
        ):
            texts[item_pk].append(text)
    return _Counts(responses.count(), answered, chosen, number_means, texts)


# --- Protecting and computing -----------------------------------------------------------------


def _percent(count: int | None, n: int | None) -> float | None:
    if count is None or not n:
        return None
    return 100 * count / n


def _wilson_percent(count: int | None, n: int | None) -> tuple[float, float] | None:
    if count is None or not n:
        return None
    interval = stats.wilson_interval(count, n)
    return None if interval is None else (100 * interval[0], 100 * interval[1])


def _option_figure(option: Option, count: int | None, n: int | None) -> OptionFigure:
    return OptionFigure(
        key=option.key,
        label=option.label,
        count=count,
        percent=_percent(count, n),
        interval=_wilson_percent(count, n),
    )


class _Guard:
    """Decides which counts of a group may be shown.

    A count is hidden when it is small; and when the group is a subgroup (a filter is on), also
    when the rest of the respondents — the same count taken over everyone, minus this one — is
    small, since anyone can ask for both and subtract (a differencing attack).
    """

    def __init__(self, threshold: int, overall: _Counts | None) -> None:
        self.threshold = threshold
        self.overall = overall

    def small(self, count: int) -> bool:
        return is_small(count, self.threshold)

    def rest_small(self, count: int, overall_count: int | None) -> bool:
        return overall_count is not None and self.small(overall_count - count)

    def respondents(self, counts: _Counts) -> bool:
        whole = self.overall.respondents if self.overall else None
        return not self.small(counts.respondents) and not self.rest_small(counts.respondents, whole)

    def answered(self, item: Item, counts: _Counts) -> bool:
        n = counts.answered.get(item.pk, 0)
        whole = self.overall.answered.get(item.pk, 0) if self.overall else None
        return not self.small(n) and not self.rest_small(n, whole)

    def chosen_overall(self, item: Item, option_pk: int) -> int | None:
        if self.overall is None:
            return None
        return self.overall.chosen.get((item.pk, option_pk), 0)


def _protect_multiple(
    item: Item, raw: Mapping[int, int], n: int, guard: _Guard
) -> dict[int, int | None]:
    """Each option of a multiple-choice item is a yes/no split of the ``n`` who answered: the
    choosers and the non-choosers are both people, in the group and in the rest."""
    whole_n = guard.overall.answered.get(item.pk, 0) if guard.overall else None
    shown: dict[int, int | None] = {}
    for option_pk, count in raw.items():
        whole = guard.chosen_overall(item, option_pk)
        hidden = (
            guard.small(count)
            or guard.small(n - count)
            or guard.rest_small(count, whole)
            or (
                whole is not None
                and whole_n is not None
                and guard.small((whole_n - whole) - (n - count))
            )
        )
        shown[option_pk] = None if hidden else count
    return shown


def _withheld_item(item: Item, options: list, *, answered: int | None) -> ItemFigures:
    return ItemFigures(
        key=item.key,
        text=item.text,
        type=item.type,
        lower_is_better=item.lower_is_better,
        answered=answered,
        missing=None,
        options=[_option_figure(option, None, None) for option in options],
        suppressed=True,
    )


def _item_figures(
    item: Item, counts: _Counts, guard: _Guard, *, respondents_shown: bool
) -> ItemFigures:
    options = list(item.options.all())
    answered = counts.answered.get(item.pk, 0)
    if not respondents_shown:
        return _withheld_item(item, options, answered=None)
    if answered == 0:
        missing = protect_count(counts.respondents, guard.threshold)
        return replace(_withheld_item(item, options, answered=0), missing=missing, suppressed=False)
    if not guard.answered(item, counts):
        # Too few answered this item (here or in the rest): nothing of it is shown, not even
        # how many skipped it, which would give the hidden number away by subtraction.
        return _withheld_item(item, options, answered=None)

    raw = {option.pk: counts.chosen.get((item.pk, option.pk), 0) for option in options}
    if item.type == Item.Type.MULTIPLE:
        shown = _protect_multiple(item, raw, answered, guard)
    else:
        rest_small = [
            pk
            for pk, count in raw.items()
            if guard.rest_small(count, guard.chosen_overall(item, pk))
        ]
        shown = protect_counts(raw, threshold=guard.threshold, also_hide=rest_small).cells
    figures = [_option_figure(option, shown[option.pk], answered) for option in options]
    hidden = [pk for pk, value in shown.items() if value is None]

    mean = median = None
    if item.type == Item.Type.SCALE_1_5:
        values = {option.pk: option.value or 0 for option in options}
        summary = _scale_summary_from_counts(raw, values)
        if summary.mean is not None:
            mean = _round_mean(summary.mean)
            if not hidden:
                median = summary.median
            else:
                # The mean is the figure evaluators report; when it would let a reader work
                # the hidden cells out, hide more of the distribution rather than the mean.
                widened = _hide_until_mean_is_safe(raw, hidden, values, mean)
                if widened is None:
                    mean = None
                else:
                    hidden = widened
                    shown = {pk: (None if pk in hidden else count) for pk, count in raw.items()}
                    figures = [
                        _option_figure(option, shown[option.pk], answered) for option in options
                    ]
    elif item.type == Item.Type.NUMBER:
        value = counts.number_means.get(item.pk)
        mean = None if value is None else float(value)

    missing = counts.respondents - answered
    whole_missing = (
        guard.overall.respondents - guard.overall.answered.get(item.pk, 0)
        if guard.overall
        else None
    )
    return ItemFigures(
        key=item.key,
        text=item.text,
        type=item.type,
        lower_is_better=item.lower_is_better,
        answered=answered,
        missing=None
        if guard.small(missing) or guard.rest_small(missing, whole_missing)
        else missing,
        options=figures,
        mean=mean,
        median=median,
        texts=sorted(counts.texts.get(item.pk, [])),
        suppressed=bool(hidden),
    )


def _scale_summary_from_counts(
    counts: Mapping[int, int], values: Mapping[int, int]
) -> stats.ScaleSummary:
    """Mean and median from the counts per point, without listing the answers."""
    expanded: list[int] = []
    for option_pk, count in counts.items():
        expanded.extend([values[option_pk]] * count)
    return stats.scale_summary(sorted(expanded))


def _round_mean(mean: float) -> float:
    """Means are published to one decimal (half up), and computed on from that value only."""
    quantum = Decimal(1).scaleb(-MEAN_DECIMALS)
    return float(Decimal(repr(mean)).quantize(quantum, rounding=ROUND_HALF_UP))


def _hide_until_mean_is_safe(
    counts: Mapping[int, int], hidden: Sequence[int], values: Mapping[int, int], mean: float
) -> list[int] | None:
    """The hidden cells, widened by the smallest shown ones until the mean no longer gives
    them away; ``None`` if even hiding every cell would not do."""
    hidden = list(hidden)
    while _mean_gives_away_cells(counts, hidden, values, mean):
        candidates = sorted(
            (count, pk) for pk, count in counts.items() if pk not in hidden and count > 0
        )
        if not candidates:
            return None
        hidden.append(candidates[0][1])
    return hidden


def _mean_gives_away_cells(
    counts: Mapping[int, int], hidden: Sequence[int], values: Mapping[int, int], mean: float
) -> bool:
    """Whether the published (rounded) mean, with the shown cells and the number who answered,
    leaves only one possible set of hidden counts.

    A reader knows the shown cells, the total and that every hidden cell is at least 1 (zeros
    are shown); the rounded mean bounds the sum of the answers. The possible hidden counts are
    counted (up to two) over the sums the rounding allows; one possibility means the mean would
    reveal them, so it is withheld.
    """
    n = sum(counts.values())
    hidden_total = sum(counts[pk] for pk in hidden)
    shown_sum = sum(values[pk] * count for pk, count in counts.items() if pk not in hidden)
    sums = {
        total - shown_sum
        for total in range(n * min(values.values()), n * max(values.values()) + 1)
        if _round_mean(total / n) == mean
    }
    # ways[(h, t)]: ways (capped at 2) to fill the hidden cells seen so far with h answers
    # whose values add up to t, each cell holding at least one.
    ways: dict[tuple[int, int], int] = {(0, 0): 1}
    for pk in hidden:
        value = values[pk]
        following: dict[tuple[int, int], int] = defaultdict(int)
        for (h, t), count in ways.items():
            for extra in range(1, hidden_total - h + 1):
                key = (h + extra, t + extra * value)
                following[key] = min(2, following[key] + count)
        ways = following
    possibilities = sum(ways.get((hidden_total, t), 0) for t in sums)
    return possibilities <= 1


def wave_results(
    wave: Wave | Sequence[Wave],
    filters: Filters | None = None,
    *,
    with_texts: bool = False,
    items: Sequence[Item] | None = None,
) -> WaveFigures:
    """Every item's protected figures for one wave and subgroup (a fixed number of queries)."""
    filters = filters or Filters()
    threshold = min_cell_size()
    items = list(items) if items is not None else survey_items(_as_waves(wave)[0].survey)
    counts = _count(_responses(wave, filters), items, with_texts=with_texts)
    overall = _count(_responses(wave, Filters()), items, with_texts=False) if filters.any else None
    guard = _Guard(threshold, overall)
    shown = guard.respondents(counts)
    if not shown:
        counts.texts.clear()
    return WaveFigures(
        waves=_as_waves(wave),
        filters=filters,
        threshold=threshold,
        respondents=counts.respondents if shown else None,
        items=[_item_figures(item, counts, guard, respondents_shown=shown) for item in items],
    )


# --- Start vs end -----------------------------------------------------------------------------


def _paired_values(
    before: Wave, after: Wave, filters: Filters, scale_items: Sequence[Item]
) -> tuple[int, dict[int, tuple[list[int], list[int]]]]:
    """Respondents with the same pairing code in both waves, and their answers per scale item.

    The subgroup filter applies to the earlier answer (the background the person gave first).
    """
    earlier = _responses(before, filters).exclude(pairing_hash="")
    later_same_code = Response.objects.filter(wave=after, pairing_hash=OuterRef("pairing_hash"))
    paired_codes = earlier.filter(Exists(later_same_code)).values("pairing_hash")
    n_pairs = paired_codes.count()
    rows = (
        Answer.objects.filter(
            item__in=scale_items,
            option__value__isnull=False,
            response__wave__in=[before, after],
            response__pairing_hash__in=paired_codes,
        )
        .values_list("item", "response__pairing_hash", "response__wave", "option__value")
        .order_by()
    )
    answers: dict[int, dict[str, dict[int, int]]] = defaultdict(lambda: defaultdict(dict))
    for item_pk, code, wave_pk, value in rows:
        if value is not None:  # filtered out above; this tells the type checker
            answers[item_pk][code][wave_pk] = value
    values: dict[int, tuple[list[int], list[int]]] = {}
    for item in scale_items:
        complete = [
            (by_wave[before.pk], by_wave[after.pk])
            for by_wave in answers[item.pk].values()
            if before.pk in by_wave and after.pk in by_wave
        ]
        values[item.pk] = ([b for b, _ in complete], [a for _, a in complete])
    return n_pairs, values


def comparison(before: Wave, after: Wave, filters: Filters | None = None) -> Comparison:
    """Start vs end: protected figures of both waves, the paired test of each scale item
    (Holm-adjusted over the instrument) and the difference of each option's share."""
    filters = filters or Filters()
    threshold = min_cell_size()
    items = survey_items(before.survey)
    first = wave_results(before, filters, items=items)
    second = wave_results(after, filters, items=items)
    scale_items = [item for item in items if item.type == Item.Type.SCALE_1_5]
    n_pairs, paired_values = _paired_values(before, after, filters, scale_items)
    pairs_shown = protect_count(n_pairs, threshold)

    tested: dict[int, stats.PairedResult] = {}
    if pairs_shown:
        results = {
            pk: stats.paired_wilcoxon(b, a) for pk, (b, a) in paired_values.items() if len(b) > 0
        }
        # Items with fewer complete pairs than the threshold are not published at all.
        results = {pk: r for pk, r in results.items() if not is_small(r.n_pairs, threshold)}
        adjusted = stats.adjust_family(list(results.values()))
        tested = dict(zip(results, adjusted, strict=True))

    changes = []
    for item, figures_before, figures_after in zip(items, first.items, second.items, strict=True):
        paired = tested.get(item.pk)
        changes.append(
            ItemChange(
                key=item.key,
                text=item.text,
                type=item.type,
                before=figures_before,
                after=figures_after,
                paired=_paired_figures(paired, threshold),
                reading=_item_reading(item, paired, pairs_shown, threshold),
                options=[
                    _option_change(b, a, figures_before.answered, figures_after.answered)
                    for b, a in zip(figures_before.options, figures_after.options, strict=True)
                ]
                if item.type in (Item.Type.SINGLE, Item.Type.MULTIPLE)
                else [],
            )
        )
    return Comparison(before=first, after=second, n_pairs=pairs_shown, items=changes)


def _paired_figures(result: stats.PairedResult | None, threshold: int) -> PairedFigures | None:
    if result is None:
        return None
    return PairedFigures(
        n_pairs=result.n_pairs,
        # Both the changed and the unchanged pairs are people: neither count may be small.
        n_changed=None
        if is_small(result.n_nonzero, threshold)
        or is_small(result.n_pairs - result.n_nonzero, threshold)
        else result.n_nonzero,
        statistic=result.statistic,
        p_value=result.p_value,
        p_adjusted=result.p_adjusted,
        rank_biserial=result.rank_biserial,
        median_difference=result.median_difference,
    )


def _item_reading(
    item: Item, paired: stats.PairedResult | None, pairs_shown: int | None, threshold: int
) -> str:
    if item.type != Item.Type.SCALE_1_5:
        return ""
    if paired is None:
        if not pairs_shown:
            return _("Parivastaajia on liian vähän: muutosta samoilla ihmisillä ei voi arvioida.")
        return _("Tähän kysymykseen vastanneita pareja on liian vähän johtopäätöksiin.")
    if paired.p_value is None and is_small(paired.n_nonzero, threshold):
        # The usual sentence would name the (small) number of people whose answer changed.
        return _(
            "Vastaus muuttui vain harvalla parivastaajalla: muutoksen suuntaa ei voi arvioida."
        )
    return stats.plain_language(
        paired, min_pairs=MIN_PAIRS_FOR_CONCLUSIONS, lower_is_better=item.lower_is_better
    )


def _option_change(
    before: OptionFigure, after: OptionFigure, n_before: int | None, n_after: int | None
) -> OptionChange:
    difference = interval = None
    reading = ""
    if before.count is not None and after.count is not None and n_before and n_after:
        result = stats.newcombe_difference(before.count, n_before, after.count, n_after)
        if result is not None:
            d, low, high = result
            difference, interval = 100 * d, (100 * low, 100 * high)
            reading = stats.proportion_reading(d, low, high)
    return OptionChange(
        key=before.key,
        label=before.label,
        before=before,
        after=after,
        difference=difference,
        interval=interval,
        reading=reading,
    )


# --- Breakdowns by background -----------------------------------------------------------------


def dimension_groups(dimension: str, survey: Survey) -> list[tuple[str, str]]:
    """The groups of a background question, as (value, label), "ei vastausta" last."""
    if dimension == "age_group":
        groups = [(value, str(label)) for value, label in AgeGroup.choices]
    elif dimension == "gender":
        groups = [(value, str(label)) for value, label in Gender.choices]
    elif dimension == "municipality":
        groups = [(m.code, m.name) for m in survey.project.partner_municipalities.order_by("name")]
    else:
        raise ValueError(f"unknown dimension {dimension!r}")
    return [*groups, (NO_ANSWER, _("Ei tietoa"))]


def breakdowns(
    wave: Wave | Sequence[Wave],
    dimension: str,
    filters: Filters | None = None,
    *,
    items: Sequence[Item] | None = None,
) -> list[Breakdown]:
    """Each choice item's answers by the groups of one background question.

    The cells are protected as a two-way table (:func:`protect_table`): the row totals are the
    overall counts and the column totals the groups' numbers of answerers, both published.
    """
    if dimension not in DIMENSIONS:
        raise ValueError(f"unknown dimension {dimension!r}")
    threshold = min_cell_size()
    items = [
        item
        for item in (items if items is not None else survey_items(_as_waves(wave)[0].survey))
        if item.type in Item.CHOICE_TYPES
    ]
    group_field = (
        "response__municipality__code"
        if dimension == "municipality"
        else (f"response__{dimension}")
    )
    responses = _responses(wave, filters or Filters())
    answers = Answer.objects.filter(response__in=responses, item__in=items)
    answered = {
        (item_pk, group or NO_ANSWER): n
        for item_pk, group, n in answers.values_list("item", group_field)
        .annotate(n=Count("response", distinct=True))
        .order_by()
    }
    chosen = {
        (item_pk, option_pk, group or NO_ANSWER): n
        for item_pk, option_pk, group, n in answers.filter(option__isnull=False)
        .values_list("item", "option", group_field)
        .annotate(n=Count("response", distinct=True))
        .order_by()
    }
    groups = dimension_groups(dimension, _as_waves(wave)[0].survey)
    return [_breakdown(item, dimension, groups, answered, chosen, threshold) for item in items]


def _breakdown(
    item: Item,
    dimension: str,
    groups: Sequence[tuple[str, str]],
    answered: Mapping[tuple[int, str], int],
    chosen: Mapping[tuple[int, int, str], int],
    threshold: int,
) -> Breakdown:
    options = list(item.options.all())
    group_n = {value: answered.get((item.pk, value), 0) for value, _label in groups}
    shown_n = {value: protect_count(n, threshold) for value, n in group_n.items()}
    table = {
        (option.pk, value): chosen.get((item.pk, option.pk, value), 0)
        for option in options
        for value, _label in groups
    }
    must_hide = {
        (option_pk, value)
        for (option_pk, value), count in table.items()
        # A group too small to show hides all its cells; in a multiple-choice item the
        # non-choosers of a group are people too, so their count must not be small either.
        if shown_n[value] is None
        or (item.type == Item.Type.MULTIPLE and is_small(group_n[value] - count, threshold))
    }
    cells = protect_table(table, threshold=threshold, also_hide=must_hide)
    return Breakdown(
        item_key=item.key,
        item_text=item.text,
        dimension=dimension,
        columns=[
            BreakdownColumn(key=value, label=label, answered=shown_n[value])
            for value, label in groups
        ],
        rows=[
            BreakdownRow(
                key=option.key,
                label=option.label,
                cells=[
                    _option_figure(option, cells[(option.pk, value)], shown_n[value])
                    for value, _label in groups
                ],
            )
            for option in options
        ],
    )


def reported_answers_key(item_key: str, wave_key: str) -> str:
    """The ``ReportedFigure`` key of a printed number of answers to one item in one wave
    (``evaluation.need_for_change.n_start``), checked against the records by the report."""
    return f"evaluation.{item_key}.n_{wave_key}"


def waves_in_order(survey: Survey) -> list[Wave]:
    return list(survey.waves.order_by("position", "pk"))


def default_pair(waves: Iterable[Wave]) -> tuple[Wave, Wave] | None:
    """The first and the last wave: the usual start → end comparison."""
    ordered = list(waves)
    return (ordered[0], ordered[-1]) if len(ordered) >= 2 else None


__all__ = [
    "DIMENSIONS",
    "Breakdown",
    "Comparison",
    "Filters",
    "ItemChange",
    "ItemFigures",
    "OptionChange",
    "OptionFigure",
    "WaveFigures",
    "breakdowns",
    "comparison",
    "default_pair",
    "reported_answers_key",
    "survey_items",
    "wave_results",
    "waves_in_order",
]
