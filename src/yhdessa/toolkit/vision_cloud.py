"""The word cloud of a vision workshop, drawn by the ``wordcloud`` library as a PNG image.

A PNG (not an SVG) so that the words keep the server's font whatever fonts the reader has:
an SVG shown through ``<img>`` cannot load fonts. The image is a ``data:`` URI (the CSP
allows ``data:`` images), and the same words with their frequencies are always shown as text
beside it, so the image is never the only way to read them. Drawing is deterministic (a fixed
random state), so the same words give the same picture; it is cached per word list.
"""

import base64
import io
from functools import lru_cache
from pathlib import Path

from wordcloud import WordCloud

#: A font that every Debian server with the platform's PDF dependencies has (DejaVu).
FONT_CANDIDATES = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf"),
)
#: Dark colours of the site's palette: each has a contrast of at least 4.5:1 on white.
COLOURS = ("#0b4f6c", "#1d3557", "#5a189a", "#6b3e00", "#1b5e20", "#8a1538")
WIDTH, HEIGHT = 900, 480


def _font() -> str | None:
    for path in FONT_CANDIDATES:
        if path.exists():
            return str(path)
    return None  # wordcloud's own bundled font


def _colour(word: str, **_kwargs: object) -> str:
    return COLOURS[sum(map(ord, word)) % len(COLOURS)]


@lru_cache(maxsize=32)
def _png(frequencies: tuple[tuple[str, int], ...]) -> bytes:
    cloud = WordCloud(
        width=WIDTH,
        height=HEIGHT,
        font_path=_font(),
        background_color="white",
        prefer_horizontal=1.0,
        random_state=7,
        margin=6,
        color_func=_colour,
        relative_scaling=0.6,
    ).generate_from_frequencies(dict(frequencies))
    buffer = io.BytesIO()
    cloud.to_image().save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def word_cloud_uri(frequencies: dict[str, int]) -> str | None:
    """The cloud as an ``<img src>``, or ``None`` without words."""
    if not frequencies:
        return None
    png = _png(tuple(sorted(frequencies.items())))
    return "data:image/png;base64," + base64.b64encode(png).decode()
