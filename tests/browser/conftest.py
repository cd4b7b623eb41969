"""Playwright driving Debian's Chromium against pytest-django's live server.

One browser for all the browser tests of a session; every test gets a fresh browser
context (own cookies) and, when it asks for ``demo``, the demo data as just loaded (loaded
once, then copied back from a snapshot: see tests/harness/snapshot.py).
"""

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.test import Client
from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Page,
    Playwright,
    Response,
    sync_playwright,
)

from tests.harness.snapshot import TableSnapshot
from yhdessa.demo import DemoResult

CHROMIUM = Path("/usr/bin/chromium")
# Without the network switches Chromium waits for Google services on the closed network.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ASYNC_UNSAFE = "DJANGO_ALLOW_ASYNC_UNSAFE"
DEMO_PASSWORD = "selain-testi-salasana-2024"
PROJECT_ADMIN = "paakayttaja@yhdessa.example"
NIVALA_COORDINATOR = "koordinaattori.nivala@yhdessa.example"
VIEWER = "katselija@yhdessa.example"  # a project member without the right to manage people


class SharedChromium:
    """Chromium started at the first browser test and stopped after the last one.

    While sync Playwright runs, its asyncio loop counts as running in this thread, so
    Django refuses ORM calls ("You cannot call this from an async context") unless
    DJANGO_ALLOW_ASYNC_UNSAFE is set. The variable is set only for that time: the other
    tests of the session (e.g. ``check --deploy`` in a subprocess) must not inherit it.
    """

    def __init__(self) -> None:
        self.playwright: Playwright | None = None
        self.browser: Browser | None = None
        self.saved_env: str | None = None

    def get(self) -> Browser:
        if self.browser is None:
            self.saved_env = os.environ.get(ASYNC_UNSAFE)
            os.environ[ASYNC_UNSAFE] = "true"
            self.playwright = sync_playwright().start()
            self.browser = self.playwright.chromium.launch(
                executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
            )
        return self.browser

    def stop(self) -> None:
        if self.browser is not None:
            self.browser.close()
            self.browser = None
        if self.playwright is not None:
            self.playwright.stop()
            self.playwright = None
            if self.saved_env is None:
                os.environ.pop(ASYNC_UNSAFE, None)
            else:
                os.environ[ASYNC_UNSAFE] = self.saved_env


SHARED_CHROMIUM = SharedChromium()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    result = yield  # the test's own fixtures (pages, database) are torn down first
    if nextitem is None or nextitem.get_closest_marker("browser") is None:
        SHARED_CHROMIUM.stop()
    return result


def pytest_sessionfinish() -> None:
    SHARED_CHROMIUM.stop()  # after an interrupted run too


@pytest.fixture
def browser() -> Browser:
    if not CHROMIUM.exists():
        reason = f"{CHROMIUM} is missing: install Debian's chromium package to run browser tests"
        if os.environ.get("YHDESSA_REQUIRE_BROWSER") == "1":
            pytest.fail(f"YHDESSA_REQUIRE_BROWSER=1 but {reason}", pytrace=False)
        pytest.skip(reason)
    return SHARED_CHROMIUM.get()


@pytest.fixture(autouse=True)
def _browser_first(browser: Browser) -> None:
    """Start (or skip for want of) the browser before any database work of a test."""


class DemoOnce:
    """The demo is loaded by the first test that asks for it and copied back for the others."""

    def __init__(self, file: Path) -> None:
        self.file = file
        self.snapshot: TableSnapshot | None = None
        self.result: DemoResult | None = None

    def get(self) -> DemoResult:
        if self.snapshot is None or self.result is None:
            from yhdessa.demo import load_all

            self.result = load_all(password=DEMO_PASSWORD)
            self.snapshot = TableSnapshot.take(self.file)
        else:
            self.snapshot.restore()
        return self.result


@pytest.fixture(scope="session")
def demo_once(tmp_path_factory: pytest.TempPathFactory) -> DemoOnce:
    return DemoOnce(tmp_path_factory.mktemp("demo") / "snapshot.sqlite3")


@pytest.fixture
def demo(transactional_db: None, demo_once: DemoOnce) -> DemoResult:
    """The project's own demo data, freshly in place for each test (``transactional_db``
    empties the database after each test, and the live server needs committed data)."""
    return demo_once.get()


def session_cookie(email: str, url: str) -> dict[str, str]:
    """A signed-in session for ``email`` as a browser cookie (the log-in form has its own test)."""
    from yhdessa.accounts.models import User

    client = Client()
    client.force_login(User.objects.get(email=email))
    name = django_settings.SESSION_COOKIE_NAME
    return {"name": name, "value": client.cookies[name].value, "url": url}


@pytest.fixture
def browser_errors() -> list[str]:
    """What went wrong in the test's pages that axe does not see: CSP refusals, JS errors."""
    return []


@pytest.fixture
def open_page(
    browser: Browser,
    live_server,
    browser_errors: list[str],  # type: ignore[no-untyped-def]
) -> Iterator[Callable[..., Page]]:
    """``open_page(user=None)``: a page in a fresh browser context on the live server."""
    contexts: list[BrowserContext] = []

    def console(message: ConsoleMessage) -> None:
        # A 4xx page (a form with errors) logs "Failed to load resource"; responses are
        # checked below instead, where the page itself can be told from what it loads.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            browser_errors.append(f"console error: {message.text} ({message.location['url']})")

    def response(response: Response) -> None:
        if response.status >= 400 and response.request.resource_type != "document":
            browser_errors.append(f"{response.request.method} {response.url}: {response.status}")

    def _open(user: str | None = None, width: int = 1280) -> Page:
        context = browser.new_context(
            base_url=live_server.url, viewport={"width": width, "height": 900}, locale="fi-FI"
        )
        context.set_default_timeout(10_000)
        contexts.append(context)
        if user:
            context.add_cookies([session_cookie(user, live_server.url)])  # type: ignore[list-item]
        page = context.new_page()
        page.on("console", console)
        page.on("response", response)
        page.on("pageerror", lambda error: browser_errors.append(f"page error: {error}"))
        return page

    yield _open
    for context in contexts:
        context.close()
