"""The demo project's report as a whole."""

from yhdessa.reports.builder import build_report
from yhdessa.reports.sections import SECTION_KEYS


def test_the_demo_report_has_every_section(public_scope):
    report = build_report(public_scope)
    assert [section.key for section in report.sections] == SECTION_KEYS
    assert report.title == "Loppuraportti"
    assert report.subtitle.startswith("Yhdessä osallisuutta")
