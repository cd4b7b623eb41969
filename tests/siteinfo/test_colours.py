"""The WCAG 2.1 contrast ratio the brand colours are checked with."""

import pytest

from yhdessa.siteinfo import colours


@pytest.mark.parametrize(
    ("first", "second", "ratio"),
    [
        ("#000000", "#ffffff", 21.0),
        ("#ffffff", "#ffffff", 1.0),
        ("#777777", "#ffffff", 4.48),  # the classic grey that just fails AA
        ("#005a78", "#ffffff", 7.68),  # site.css's primary colour
    ],
)
def test_contrast_matches_wcag(first, second, ratio):
    assert colours.contrast(first, second) == pytest.approx(ratio, abs=0.01)
    assert colours.contrast(second, first) == pytest.approx(ratio, abs=0.01)


@pytest.mark.parametrize(
    ("value", "normalised"),
    [
        ("#ABC", "#aabbcc"),
        ("005A78", "#005a78"),
        (" #005a78 ", "#005a78"),
        ("sininen", None),
        ("#12345", None),
    ],
)
def test_colour_formats(value, normalised):
    assert colours.normalise(value) == normalised


def test_hover_shade_is_darker_so_it_never_loses_contrast_on_white():
    for colour in ("#005a78", "#6b3fa0", "#1d6b2f"):
        assert colours.contrast(colours.darker(colour), "#ffffff") > colours.contrast(
            colour, "#ffffff"
        )
