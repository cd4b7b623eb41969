"""The harness itself: the checks that pass every real page fail on a broken one.

The page tests call the same functions from ``checks.py``; if these tests pass, a page
with the same faults would fail its page test, so the page tests can fail.
"""

import pytest

from . import broken_urls
from .checks import (
    assert_every_tab_stop_shows_focus,
    assert_first_stop_is_skip_link,
    assert_fits_phone_screen,
    assert_focus_visible,
    assert_html_lang,
    assert_no_axe_violations,
    assert_no_inline_scripts_allowed,
    assert_skip_link_works,
    axe_violations,
    horizontal_overflow,
    tab_stops,
    tab_until,
)

pytestmark = pytest.mark.browser


@pytest.fixture
def broken_page(settings, open_page):  # type: ignore[no-untyped-def]
    # override_settings is process-wide, so the live server's thread serves this URLconf too.
    settings.ROOT_URLCONF = broken_urls.__name__
    page = open_page()
    response = page.goto("/broken/")
    assert response is not None and response.status == 200
    return page


def test_axe_reports_each_fault_of_the_broken_page(broken_page) -> None:
    found = {violation["id"]: violation for violation in axe_violations(broken_page)}
    assert {"image-alt", "label", "color-contrast", "html-has-lang"} <= set(found), sorted(found)
    assert found["image-alt"]["nodes"][0]["target"] == ["img"]
    assert found["label"]["nodes"][0]["target"] == ["input"]
    assert found["color-contrast"]["nodes"][0]["target"] == ["p"]

    with pytest.raises(AssertionError) as failure:
        assert_no_axe_violations(broken_page)
    message = str(failure.value)
    for expected in (
        "image-alt [critical]",
        "label [critical]",
        "html-has-lang",
        "color-contrast",
        "foreground color: #d0d0d0",
    ):
        assert expected in message, message


def test_language_check_fails_without_lang(broken_page) -> None:
    with pytest.raises(AssertionError, match='<html lang="None">'):
        assert_html_lang(broken_page, "fi")


def test_phone_screen_check_fails_on_a_wide_page(broken_page) -> None:
    broken_page.set_viewport_size({"width": 320, "height": 720})
    overflow = horizontal_overflow(broken_page)
    assert overflow.scroll_width > 320
    assert any("div.wide" in offender for offender in overflow.offenders), overflow.offenders

    with pytest.raises(AssertionError, match=r"scrolls sideways at 320 px.*div\.wide"):
        assert_fits_phone_screen(broken_page)


def test_focus_check_fails_without_focus_ring(broken_page) -> None:
    with pytest.raises(AssertionError, match=r"Tab stop 2 .* button .* shows no focus indicator"):
        assert_every_tab_stop_shows_focus(broken_page)

    tab_until(broken_page, ".no-focus-ring")
    with pytest.raises(AssertionError, match="shows no focus indicator"):
        assert_focus_visible(broken_page)


def test_skip_link_check_fails_without_skip_link(broken_page) -> None:
    with pytest.raises(AssertionError, match=r"first Tab stop is input .*not the skip link"):
        assert_first_stop_is_skip_link(tab_stops(broken_page))
    with pytest.raises(AssertionError, match="not the skip link"):
        assert_skip_link_works(broken_page)


@pytest.mark.parametrize(
    "policy",
    [None, "img-src 'self'", "default-src 'self'; script-src 'self' 'unsafe-inline'"],
)
def test_csp_check_fails_on_a_weak_policy(policy: str | None) -> None:
    headers = {"content-security-policy": policy} if policy else {}
    with pytest.raises(AssertionError, match=r"CSP|Content-Security-Policy"):
        assert_no_inline_scripts_allowed(headers)
    assert_no_inline_scripts_allowed({"content-security-policy": "default-src 'self'"})


def test_real_pages_still_served_beside_the_broken_one(settings, open_page) -> None:
    """Control: the same URLconf serves a real page that passes the same checks."""
    settings.ROOT_URLCONF = broken_urls.__name__
    page = open_page()
    response = page.goto("/accounts/login/")
    assert response is not None and response.status == 200
    assert_html_lang(page, "fi")
    assert_no_axe_violations(page)
    assert_fits_phone_screen(page)
