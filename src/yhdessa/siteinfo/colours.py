"""WCAG 2.1 contrast of the brand colours (plain Python, no database).

https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio: (L1 + 0.05) / (L2 + 0.05) of the relative
luminances; AA asks 4.5:1 for normal text.
"""

import re

AA_TEXT = 4.5
HEX_COLOUR = re.compile(r"^#[0-9a-f]{6}$")
#: The colours of site.css that the brand colours are shown with.
WHITE = "#ffffff"
TEXT = "#1b1b1b"
MUTED = "#4a4a4a"


def normalise(value: str) -> str | None:
    """``#RGB`` or ``#RRGGBB`` (any case, with or without #) as ``#rrggbb``; None if neither."""
    value = value.strip().lower()
    if not value.startswith("#"):
        value = "#" + value
    if re.fullmatch(r"#[0-9a-f]{3}", value):
        value = "#" + "".join(digit * 2 for digit in value[1:])
    return value if HEX_COLOUR.match(value) else None


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast(first: str, second: str) -> float:
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def darker(colour: str, amount: float = 0.3) -> str:
    """The hover shade: ``amount`` of the way to black (always more contrast on white)."""
    channels = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(c * (1 - amount)):02x}" for c in channels)
