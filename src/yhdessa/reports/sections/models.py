"""Placeholder: this section is being written (its builder fills nothing yet)."""

from yhdessa.reports.document import Section
from yhdessa.reports.scope import ReportScope


def build(scope: ReportScope, section: Section) -> None:
    """Fill ``section`` for ``scope``."""
