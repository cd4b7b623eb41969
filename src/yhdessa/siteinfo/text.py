"""The plain-text markup of the legal pages, turned into safe HTML.

A line starting with ``## `` is a heading (``<h2>``); consecutive lines starting with ``- ``
make a list; other consecutive lines make a paragraph (a single line break is kept), and a
blank line ends it. Everything is escaped, and web and e-mail addresses become links, so an
administrator needs no HTML and cannot break the page.
"""

from itertools import groupby

from django.template.defaultfilters import urlize
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import normalize_newlines


def _inline(text: str) -> SafeString:
    return mark_safe(urlize(text, autoescape=True))  # noqa: S308 (urlize escapes the text)


def _kind(line: str) -> str:
    if not line.strip():
        return "blank"
    if line.startswith("## "):
        return "heading"
    return "item" if line.startswith("- ") else "text"


def _html(kind: str, lines: list[str]) -> SafeString:
    if kind == "heading":
        return format_html_join("", "<h2>{}</h2>", ((line[3:].strip(),) for line in lines))
    if kind == "item":
        items = format_html_join(
            "", "<li>{}</li>", ((_inline(line[2:].strip()),) for line in lines)
        )
        return format_html("<ul>{}</ul>", items)
    if kind == "text":
        inner = mark_safe("<br>".join(_inline(line.strip()) for line in lines))  # noqa: S308
        return format_html("<p>{}</p>", inner)
    return SafeString("")


def render(text: str) -> SafeString:
    lines = normalize_newlines(text or "").split("\n")
    parts = (_html(kind, list(group)) for kind, group in groupby(lines, key=_kind))
    return mark_safe("".join(parts))  # noqa: S308 (every part is built by format_html)
