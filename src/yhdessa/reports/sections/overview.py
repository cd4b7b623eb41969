"""Placeholder: this section is being written (its builders fill nothing yet)."""

from yhdessa.reports.document import Section
from yhdessa.reports.scope import ReportScope


def build_project(scope: ReportScope, section: Section) -> None:
    """The project summary: goal, target groups, implementers, funders, the logic model."""


def build_cooperation(scope: ReportScope, section: Section) -> None:
    """Regional cooperation and support."""
