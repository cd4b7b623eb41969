"""Placeholder: this section is being written (its builders fill nothing yet)."""

from yhdessa.reports.document import Section
from yhdessa.reports.scope import ReportScope


def build_publications(scope: ReportScope, section: Section) -> None:
    """The project's publications by kind and channel."""


def build_interviews(scope: ReportScope, section: Section) -> None:
    """Interview findings: themes by how many interviews raised them."""


def build_lessons(scope: ReportScope, section: Section) -> None:
    """Lessons learned by category."""


def build_vision(scope: ReportScope, section: Section) -> None:
    """The vision words."""
