"""Results as flat tables for CSV and XLSX downloads, and as SVG charts for the pages.

Both are built only from the protected objects of ``results.py``; a hidden figure is written as
the word for "hidden" in the user's language, never as a number, and is not drawn.
"""

from collections.abc import Sequence

from django.utils.translation import gettext as _

from yhdessa.core import charts
from yhdessa.surveys.models import Item
from yhdessa.surveys.results import Comparison, ItemFigures, OptionFigure, WaveFigures

Cell = str | int | float | None


def _hidden() -> str:
    return _("piilotettu")


def _number(value: float | None, decimals: int, *, hidden: bool = False) -> Cell:
    if value is None:
        return _hidden() if hidden else None
    return round(value, decimals)


def _count(value: int | None) -> Cell:
    return _hidden() if value is None else value


def _option_cells(option: OptionFigure) -> list[Cell]:
    hidden = option.count is None
    low, high = option.interval or (None, None)
    return [
        _count(option.count),
        _number(option.percent, 1, hidden=hidden),
        _number(low, 1, hidden=hidden),
        _number(high, 1, hidden=hidden),
    ]


def results_table(figures: WaveFigures) -> tuple[list[str], list[list[Cell]]]:
    """One row per answer option (one per item for number and text items)."""
    header = [
        _("kierros"),
        _("vastaajia"),
        _("kysymys"),
        _("kysymyksen teksti"),
        _("vastanneita"),
        _("ei vastausta"),
        _("keskiarvo"),
        _("mediaani"),
        _("vaihtoehto"),
        _("vaihtoehdon teksti"),
        _("lukumäärä"),
        _("prosenttia"),
        _("95 %:n luottamusvälin alaraja"),
        _("95 %:n luottamusvälin yläraja"),
    ]
    rows: list[list[Cell]] = []
    respondents = _count(figures.respondents)
    for item in figures.items:
        withheld = item.answered is None or item.suppressed
        start = [
            figures.key,
            respondents,
            item.key,
            item.text,
            _count(item.answered),
            _count(item.missing),
            _number(item.mean, 2, hidden=withheld and item.is_scale),
            _number(item.median, 1, hidden=withheld and item.is_scale),
        ]
        if not item.options:
            rows.append([*start, None, None, None, None, None, None])
        for option in item.options:
            rows.append([*start, option.key, option.label, *_option_cells(option)])
    return header, rows


def comparison_table(result: Comparison) -> tuple[list[str], list[list[Cell]]]:
    """Start vs end, one row per scale item (paired test) and per answer option."""
    before, after = result.before.wave.key, result.after.wave.key
    header = [
        _("kysymys"),
        _("kysymyksen teksti"),
        _("vaihtoehto"),
        f"{before}: " + _("keskiarvo tai prosenttia"),
        f"{after}: " + _("keskiarvo tai prosenttia"),
        _("muutos"),
        _("95 %:n luottamusvälin alaraja"),
        _("95 %:n luottamusvälin yläraja"),
        _("pareja"),
        _("Holm-korjattu p"),
        _("rank-biserial r"),
        _("tulkinta"),
    ]
    rows: list[list[Cell]] = []
    for change in result.items:
        if change.type == Item.Type.SCALE_1_5:
            paired = change.paired
            rows.append(
                [
                    change.key,
                    change.text,
                    None,
                    _number(change.before.mean, 2, hidden=True),
                    _number(change.after.mean, 2, hidden=True),
                    _number(paired.median_difference if paired else None, 1),
                    None,
                    None,
                    paired.n_pairs if paired else None,
                    paired.p_adjusted if paired else None,
                    _number(paired.rank_biserial if paired else None, 2),
                    change.reading,
                ]
            )
        for option in change.options:
            low, high = option.interval or (None, None)
            hidden = option.difference is None
            rows.append(
                [
                    change.key,
                    change.text,
                    option.label,
                    _number(option.before.percent, 1, hidden=option.before.count is None),
                    _number(option.after.percent, 1, hidden=option.after.count is None),
                    _number(option.difference, 1, hidden=hidden),
                    _number(low, 1, hidden=hidden),
                    _number(high, 1, hidden=hidden),
                    None,
                    None,
                    None,
                    option.reading,
                ]
            )
    return header, rows


# --- Charts -----------------------------------------------------------------------------------


def _wave_series_label(figures: WaveFigures) -> str:
    if figures.respondents is None:
        return figures.label
    return f"{figures.label} (n = {figures.respondents})"


def means_chart(waves: Sequence[WaveFigures]) -> str | None:
    """Means of the scale items, one bar per wave (the seed's "Tilanne elämän eri osa-alueilla")."""
    scale = [item for item in waves[0].items if item.is_scale]
    if not scale or all(w.suppressed for w in waves):
        return None
    return charts.grouped_bars(
        [item.text for item in scale],
        [
            charts.Series(_wave_series_label(w), [one.mean for one in w.items if one.is_scale])
            for w in waves
        ],
        value_label=_("Keskiarvo: 1 = erittäin hyvä … 5 = erittäin huono")
        if scale[0].lower_is_better
        else _("Keskiarvo asteikolla 1–5"),
        maximum=5,
        decimals=1,
        hidden_label=_hidden(),
    )


def options_chart(items: Sequence[ItemFigures], labels: Sequence[str]) -> str | None:
    """Shares of the options of one choice item, one bar per wave (or one for a single wave)."""
    if not items or not items[0].options or all(item.answered is None for item in items):
        return None
    return charts.grouped_bars(
        [option.label for option in items[0].options],
        [
            charts.Series(label, [option.percent for option in item.options])
            for item, label in zip(items, labels, strict=True)
        ],
        value_label=_("% vastanneista"),
        maximum=100,
        decimals=1,
        hidden_label=_hidden(),
    )
