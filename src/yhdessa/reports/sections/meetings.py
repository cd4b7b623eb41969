"""Placeholder: this section is being written (its builders fill nothing yet)."""

from yhdessa.reports.document import Section
from yhdessa.reports.scope import ReportScope


def build_peer_meetings(scope: ReportScope, section: Section) -> None:
    """The peer meetings of municipal workers as a timeline."""


def build_partner_feedback(scope: ReportScope, section: Section) -> None:
    """The partner municipalities' feedback survey with its response rate."""
