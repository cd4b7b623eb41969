"""The report builder: sections in order, the team's texts, switched-off sections, discrepancies."""

from decimal import Decimal

import pytest

from tests.factories import MunicipalityFactory, ProjectFactory
from yhdessa.reports.builder import build_report
from yhdessa.reports.models import SectionText
from yhdessa.reports.scope import ReportScope
from yhdessa.reports.sections import SECTION_KEYS

pytestmark = pytest.mark.django_db


def test_every_section_is_in_the_report_in_order():
    report = build_report(ReportScope(project=ProjectFactory()))
    assert [section.key for section in report.sections] == SECTION_KEYS
    assert set(report.as_json()) == {"meta", *SECTION_KEYS}


def test_a_section_can_be_switched_off_and_given_a_text_per_language():
    project = ProjectFactory()
    SectionText.objects.create(project=project, section="vision", included=False)
    SectionText.objects.create(
        project=project, section="lessons", text_fi="Opimme paljon.", text_sv="Vi lärde oss."
    )
    report = build_report(ReportScope(project=project, language="sv"))
    assert report.section("vision") is None
    lessons = report.section("lessons")
    assert lessons is not None and lessons.narrative == "Vi lärde oss."


def test_a_municipal_report_keeps_its_own_texts():
    project = ProjectFactory()
    nivala = MunicipalityFactory(code="535", name_fi="Nivala")
    SectionText.objects.create(project=project, section="lessons", text_fi="Koko hanke.")
    SectionText.objects.create(
        project=project, municipality=nivala, section="lessons", text_fi="Nivalassa."
    )
    report = build_report(ReportScope(project=project, municipality=nivala))
    assert report.title == "Kuntakohtaiset tulokset: Nivala"
    assert report.section("lessons").narrative == "Nivalassa."
    assert report.as_json()["meta"]["municipality"] == "535"


def test_discrepancies_list_the_printed_figures_with_both_values():
    from yhdessa.projects.reported import Comparison

    scope = ReportScope(project=ProjectFactory())
    scope.comparisons += [
        Comparison("trainings.present_total", "Osallistujia yhteensä", Decimal(235), 213),
        Comparison("trainings.registered_total", "Ilmoittautuneita yhteensä", Decimal(474), 474),
    ]
    from yhdessa.reports.builder import discrepancy_section

    section = discrepancy_section(scope)
    differing = section.table("differing")
    assert differing is not None
    assert differing.rows == [["Osallistujia yhteensä", Decimal(235), 213, Decimal(22), ""]]
    assert section.table("matching").rows[0][:3] == ["Ilmoittautuneita yhteensä", 474, 474]
    assert section.as_json()["figures"] == {"differing": 1, "checked": 2}
