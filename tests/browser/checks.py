"""The checks every page must pass, as plain functions of a Playwright page.

The page tests (``test_accessibility.py``) and the test of the harness itself
(``test_harness_detects_violations.py``) call the same functions, so the meta-test proves
that the page tests can fail.
"""

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import axe_playwright_python
from playwright.sync_api import Page

#: axe-core as shipped inside the axe-playwright-python package (no download at test time).
AXE_SOURCE = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(
    encoding="utf-8"
)
#: WCAG 2.1 level A and AA, which Finnish law requires of publicly funded services.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PHONE_WIDTH = 320

# ------------------------------------------------------------------------------ axe-core


def axe_results(page: Page, tags: list[str] | None = None) -> dict[str, Any]:
    """Run axe-core on the page as it is now and return its full result object.

    ``page.evaluate`` goes through the DevTools protocol, which the page's
    Content-Security-Policy does not govern, so the strict CSP stays on during the test.
    """
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(AXE_SOURCE)
    results: dict[str, Any] = page.evaluate(
        """(tags) => axe.run(document, {
            runOnly: {type: 'tag', values: tags},
            resultTypes: ['violations'],
        })""",
        tags or WCAG_TAGS,
    )
    # An axe that silently did not run would pass every page: prove that rules were applied.
    assert results.get("testEngine", {}).get("name") == "axe-core", results.get("testEngine")
    assert results["passes"], "axe-core ran no passing rule: it did not really check the page"
    return results


def axe_violations(page: Page, tags: list[str] | None = None) -> list[dict[str, Any]]:
    return axe_results(page, tags)["violations"]


def format_violations(violations: list[dict[str, Any]]) -> str:
    lines = []
    for violation in violations:
        lines.append(
            f"- {violation['id']} [{violation['impact']}]: {violation['help']}"
            f" ({violation['helpUrl']})"
        )
        for node in violation["nodes"]:
            target = " ".join(str(part) for part in node["target"])
            summary = " ".join((node.get("failureSummary") or "").split())
            lines.append(f"    {target}\n        {summary}")
    return "\n".join(lines)


def assert_no_axe_violations(page: Page) -> None:
    violations = axe_violations(page)
    assert not violations, (
        f"axe-core found {len(violations)} WCAG 2.1 AA violation(s) on {page.url}:\n"
        + format_violations(violations)
    )


# ------------------------------------------------------------------------------ language


def html_lang(page: Page) -> str | None:
    return page.evaluate("() => document.documentElement.getAttribute('lang')")


def assert_html_lang(page: Page, language: str) -> None:
    lang = html_lang(page)
    assert lang == language, f'<html lang="{lang}"> on {page.url}, expected "{language}"'


# ------------------------------------------------------------------------------ CSP


def assert_no_inline_scripts_allowed(headers: dict[str, str]) -> None:
    """The page has a Content-Security-Policy whose scripts exclude 'unsafe-inline'."""
    policy = headers.get("content-security-policy")
    assert policy, "the page has no Content-Security-Policy header"
    directives = {
        name: values
        for name, *values in (part.split() for part in policy.split(";") if part.strip())
    }
    scripts = directives.get("script-src", directives.get("default-src"))
    assert scripts is not None, f"the CSP does not restrict scripts: {policy}"
    assert "'unsafe-inline'" not in scripts, f"the CSP allows inline scripts: {policy}"


# ------------------------------------------------------------------------------ 320 px


@dataclass
class Overflow:
    pixels: int  # how far the page is wider than the viewport (≤ 0: fits)
    scroll_width: int
    viewport_width: int
    offenders: list[str]  # the outermost elements that widen the page


_OVERFLOW_JS = """() => {
    const vw = document.documentElement.clientWidth;
    const describe = (el) => el.tagName.toLowerCase()
        + (el.id ? '#' + el.id : '')
        + [...el.classList].map((c) => '.' + c).join('');
    // Is the element inside a box that clips or scrolls it (so the page itself does not)?
    // An absolutely positioned element escapes every box up to its containing block.
    const clipped = (el) => {
        let position = getComputedStyle(el).position;
        if (position === 'fixed') return true;
        for (let box = el.parentElement; box && box !== document.body; box = box.parentElement) {
            const style = getComputedStyle(box);
            if (position === 'absolute' && style.position === 'static'
                && style.transform === 'none') continue;
            if (style.overflowX !== 'visible') return true;
            position = style.position;
        }
        return false;
    };
    const offends = (el) => el.getBoundingClientRect().right > vw + 0.5 && !clipped(el);
    const offenders = [];
    for (const el of document.body.querySelectorAll('*')) {
        if (offends(el) && !(el.parentElement && offends(el.parentElement))) {
            const ancestors = [];
            for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
                ancestors.unshift(describe(a));
            }
            offenders.push(ancestors.concat(describe(el)).join(' > ') + ' (right edge at '
                + Math.round(el.getBoundingClientRect().right) + ' px)');
        }
    }
    return {
        scrollWidth: document.documentElement.scrollWidth,
        viewportWidth: vw,
        offenders: offenders.slice(0, 10),
    };
}"""


def horizontal_overflow(page: Page) -> Overflow:
    data = page.evaluate(_OVERFLOW_JS)
    return Overflow(
        pixels=data["scrollWidth"] - data["viewportWidth"],
        scroll_width=data["scrollWidth"],
        viewport_width=data["viewportWidth"],
        offenders=data["offenders"],
    )


def assert_fits_phone_screen(page: Page, width: int = PHONE_WIDTH) -> None:
    """WCAG 1.4.10 reflow: at 320 CSS px nothing scrolls sideways but a table's own region."""
    page.set_viewport_size({"width": width, "height": 720})
    overflow = horizontal_overflow(page)
    assert overflow.scroll_width <= width, (
        f"{page.url} scrolls sideways at {width} px: the page is {overflow.scroll_width} px wide."
        " Elements that stick out: " + ", ".join(overflow.offenders or ["(none found)"])
    )


# ------------------------------------------------------------------------------ keyboard


_FOCUSED_JS = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow && style.boxShadow !== 'none';
    const path = [];
    for (let node = el; node.parentElement; node = node.parentElement) {
        path.unshift(node.tagName + ':' + [...node.parentElement.children].indexOf(node));
    }
    return {
        tag: el.tagName.toLowerCase(),
        id: el.id,
        text: (el.innerText || el.value || el.getAttribute('aria-label') || '').trim().slice(0, 60),
        href: el.getAttribute('href'),
        visibleFocus: Boolean(outline || shadow),
        outline: style.outlineStyle + ' ' + style.outlineWidth + ' ' + style.outlineColor,
        boxShadow: style.boxShadow,
        path: path.join('/'),
    };
}"""


def focused(page: Page) -> dict[str, Any] | None:
    """What has the keyboard focus now, and whether its focus indicator shows."""
    return page.evaluate(_FOCUSED_JS)


def describe(element: dict[str, Any] | None) -> str:
    if element is None:
        return "nothing (the body)"
    name = element["tag"] + (f"#{element['id']}" if element["id"] else "")
    return f"{name} {element['text']!r}"


def assert_focus_visible(page: Page) -> None:
    element = focused(page)
    assert element is not None, f"nothing has the keyboard focus on {page.url}"
    assert element["visibleFocus"], (
        f"the focused {describe(element)} on {page.url} shows no focus indicator"
        f" (outline: {element['outline']}; box-shadow: {element['boxShadow']})"
    )


def tab_until(page: Page, matches: str, limit: int = 40) -> dict[str, Any]:
    """Press Tab until the focused element matches the CSS selector ``matches``.

    No key is pressed when it already has the focus (a field with ``autofocus``).
    """
    for presses in range(limit + 1):
        if page.evaluate("(s) => document.activeElement.matches(s)", matches):
            element = focused(page)
            assert element is not None
            return element
        if presses < limit:
            page.keyboard.press("Tab")
    raise AssertionError(f"{limit} Tab presses on {page.url} never reached {matches}")


def to_top(page: Page, limit: int = 100) -> None:
    """Move the focus back before the first Tab stop, as on a freshly loaded page.

    Shift+Tab rather than blur(): after blur() Chromium would go on from the blurred element.
    """
    for _ in range(limit):
        if focused(page) is None:
            return
        page.keyboard.press("Shift+Tab")
    raise AssertionError(f"{limit} Shift+Tab presses on {page.url} never left the page's elements")


def tab_stops(page: Page, limit: int = 100) -> list[dict[str, Any]]:
    """Tab from the top through the whole page; what had the focus at each stop, in order.

    A field that took the focus on load (``autofocus``, as Django's log-in form does) is
    left first, see :func:`to_top`.
    """
    to_top(page, limit)
    stops: list[dict[str, Any]] = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        element = focused(page)
        if element is None or (stops and element["path"] == stops[0]["path"]):
            break  # past the last stop, or wrapped round to the first one
        stops.append(element)
    return stops


def assert_every_tab_stop_shows_focus(page: Page) -> list[dict[str, Any]]:
    stops = tab_stops(page)
    for number, element in enumerate(stops, start=1):
        assert element["visibleFocus"], (
            f"Tab stop {number} on {page.url}, {describe(element)}, shows no focus indicator"
            f" (outline: {element['outline']}; box-shadow: {element['boxShadow']})"
        )
    return stops


def assert_first_stop_is_skip_link(stops: list[dict[str, Any]]) -> None:
    first = stops[0] if stops else None
    assert first is not None and first["href"] == "#main", (
        f"the first Tab stop is {describe(first)}, not the skip link to #main"
    )


def assert_skip_link_works(page: Page, text: str | None = None) -> None:
    """The first Tab reaches a visible "skip to content" link; Enter moves focus to main."""
    to_top(page)
    page.keyboard.press("Tab")
    element = focused(page)
    assert element is not None and element["href"] == "#main", (
        f"the first Tab press on {page.url} focused {describe(element)}, not the skip link"
    )
    if text is not None:
        assert element["text"] == text, f"skip link says {element['text']!r}, not {text!r}"
    assert_focus_visible(page)
    box = page.evaluate("() => document.activeElement.getBoundingClientRect().toJSON()")
    assert box["top"] >= 0 and box["left"] >= 0 and box["height"] > 0, (
        f"the focused skip link is not on the screen: {box}"
    )
    page.keyboard.press("Enter")
    target = page.evaluate(
        "() => document.activeElement.tagName.toLowerCase() + '#' + document.activeElement.id"
    )
    assert target == "main#main", f"Enter on the skip link moved the focus to {target}"
