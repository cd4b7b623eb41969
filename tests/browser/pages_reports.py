"""The report, the dashboard and the report texts: the accessibility harness cases (merged
into test_accessibility.PAGES)."""

from collections.abc import Callable

from .cases import PageCase
from .conftest import NIVALA_COORDINATOR, PROJECT_ADMIN

PROJECT = "yhdessa-osallisuutta"
TEXTS = f"/staff/projects/{PROJECT}/report/texts/"

PLACEHOLDERS: dict[str, Callable[[], str]] = {}

PAGES: list[PageCase] = [
    PageCase("report", f"/projects/{PROJECT}/report/"),
    PageCase("report-staff", f"/projects/{PROJECT}/report/", user=PROJECT_ADMIN),
    PageCase("report-nivala", f"/projects/{PROJECT}/report/535/"),
    PageCase("dashboard", f"/staff/projects/{PROJECT}/dashboard/", user=PROJECT_ADMIN),
    PageCase(
        "dashboard-nivala", f"/staff/projects/{PROJECT}/dashboard/535/", user=NIVALA_COORDINATOR
    ),
    PageCase("report-texts", TEXTS, user=PROJECT_ADMIN),
    PageCase(
        "report-texts-invalid",
        TEXTS,
        user=PROJECT_ADMIN,
        submit={"#id_lessons-text_fi": "Liian pitkä. " * 500},
        expect_status=400,
        expect_element='.error-summary a[href="#id_lessons-text_fi"]',
    ),
]
