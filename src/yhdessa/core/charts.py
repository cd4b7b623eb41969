"""Charts as SVG, drawn by matplotlib on the server: the same picture in the page and the PDF.

A chart is never the only carrier of a figure: every page shows the data table beside it, and
the picture gets a text alternative from the caller. Hidden (small-number) values are simply
not drawn, and the bar's label says "piilotettu" instead of a number, so the chart cannot
reveal what the table hides.
"""

from __future__ import annotations

import base64
import io
import re
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

import matplotlib

matplotlib.use("Agg")  # no display on a server; must come before pyplot

import matplotlib.pyplot as plt
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

#: Colours with at least 3:1 contrast against white and against each other's neighbours
#: (WCAG 1.4.11); the series differ by hatching as well, for readers who cannot tell them apart.
SERIES_COLOURS = ("#1f5f8b", "#c4591d", "#3b7d3b", "#6b4c9a")
SERIES_HATCHES = ("", "//", "..", "xx")
TEXT_COLOUR = "#1a1a1a"

matplotlib.rcParams.update(
    {
        "svg.fonttype": "none",  # keep text as text: smaller, selectable, searchable
        "svg.hashsalt": "yhdessa",  # stable element ids, so the same data gives the same file
        "font.family": "sans-serif",
        "font.size": 10,
        "text.color": TEXT_COLOUR,
        "axes.labelcolor": TEXT_COLOUR,
        "xtick.color": TEXT_COLOUR,
        "ytick.color": TEXT_COLOUR,
    }
)


@dataclass(frozen=True)
class Series:
    label: str
    values: Sequence[float | None]  # None: hidden or not computable, not drawn


def _wrap(label: str, width: int = 28) -> str:
    return "\n".join(textwrap.wrap(label, width)) or label


def grouped_bars(
    categories: Sequence[str],
    series: Sequence[Series],
    *,
    value_label: str,
    maximum: float | None = None,
    decimals: int = 0,
    hidden_label: str = "piilotettu",
) -> str:
    """Horizontal grouped bars (categories down the side, one bar per series), as SVG text.

    Horizontal because category labels are long Finnish phrases that would not fit under
    vertical bars on a phone screen.
    """
    count = len(categories)
    bar_height = 0.8 / max(1, len(series))
    height = 1.2 + count * (0.35 + 0.3 * len(series))
    figure = Figure(figsize=(7.5, height), layout="constrained")
    axes = figure.add_subplot()
    top = (
        maximum
        if maximum is not None
        else max([v for s in series for v in s.values if v is not None] or [1])
    ) or 1  # all zero (a municipality's empty chart) still needs an axis
    for index, one in enumerate(series):
        positions = [row + index * bar_height for row in range(count)]
        values = [v if v is not None else 0 for v in one.values]
        bars = axes.barh(
            positions,
            values,
            height=bar_height * 0.9,
            label=one.label,
            color=SERIES_COLOURS[index % len(SERIES_COLOURS)],
            hatch=SERIES_HATCHES[index % len(SERIES_HATCHES)],
            edgecolor="white",
            linewidth=0,
        )
        for bar, value in zip(bars, one.values, strict=True):
            text = hidden_label if value is None else f"{value:.{decimals}f}".replace(".", ",")
            axes.text(
                bar.get_width() + top * 0.01,
                bar.get_y() + bar.get_height() / 2,
                text,
                va="center",
                fontsize=9,
                style="italic" if value is None else "normal",
            )
    axes.set_yticks(
        [row + bar_height * (len(series) - 1) / 2 for row in range(count)],
        [_wrap(label) for label in categories],
    )
    axes.invert_yaxis()
    axes.set_xlim(0, top * 1.15)
    if decimals == 0:
        axes.xaxis.set_major_locator(MaxNLocator(integer=True))  # no "0,5 valmennusta"
    axes.set_xlabel(value_label)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    axes.grid(axis="x", color="#d0d0d0", linewidth=0.6)
    axes.set_axisbelow(True)
    if len(series) > 1:
        figure.legend(loc="outside upper center", ncols=len(series), frameon=False)
    return to_svg(figure)


def to_svg(figure: Figure) -> str:
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    plt.close(figure)
    svg = buffer.getvalue()
    # matplotlib starts with an XML declaration and DOCTYPE; a standalone file keeps them.
    return re.sub(r"<!--.*?-->\s*", "", svg, flags=re.S)


def data_uri(svg: str | None) -> str | None:
    """An SVG chart as an ``<img src>`` (the CSP allows ``data:`` images, not inline SVG)."""
    if svg is None:
        return None
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()
