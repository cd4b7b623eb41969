"""Cooperation structures of municipalities:
the accessibility harness cases (merged into test_accessibility.PAGES).

``PLACEHOLDERS`` maps a name used in the paths ("{name}") to a function that finds it in
the demo data.
"""

from collections.abc import Callable

from .cases import PageCase

PLACEHOLDERS: dict[str, Callable[[], str]] = {}

PAGES: list[PageCase] = []
