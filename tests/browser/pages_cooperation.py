"""Cooperation structures of municipalities and projects' cooperation and support:
the accessibility harness cases (merged into test_accessibility.PAGES).

``PLACEHOLDERS`` maps a name used in the paths ("{name}") to a function that finds it in
the demo data.
"""

from collections.abc import Callable

from .cases import PageCase
from .conftest import NIVALA_COORDINATOR, PROJECT_ADMIN

PROJECT = "yhdessa-osallisuutta"
STAFF = "/staff/municipalities/535/cooperation"


def nivala_liaison() -> str:
    from yhdessa.directory.models import CooperationStructure

    return str(CooperationStructure.objects.get(municipality__code="535", kind="liaison").pk)


def project_activity() -> str:
    from yhdessa.projects.models import ProjectActivity

    activity = ProjectActivity.objects.filter(project__slug=PROJECT).first()
    assert activity is not None, "the demo has no regional cooperation or support entry"
    return str(activity.pk)


PLACEHOLDERS: dict[str, Callable[[], str]] = {
    "nivala_liaison": nivala_liaison,
    "project_activity": project_activity,
}

PAGES: list[PageCase] = [
    PageCase("cooperation-nivala", "/municipalities/535/cooperation/"),
    PageCase("cooperation-search", "/cooperation/?q=kyl%C3%A4neuvosto"),
    PageCase(
        "cooperation-search-invalid",
        "/cooperation/?kind=bogus",
        status=400,
        expect_element=".error-summary",
    ),
    PageCase("cooperation-staff", f"{STAFF}/", user=NIVALA_COORDINATOR),
    PageCase("cooperation-new-place", f"{STAFF}/new/meeting_place/", user=NIVALA_COORDINATOR),
    PageCase(
        "cooperation-new-agreement-invalid",
        f"{STAFF}/new/agreement/",
        user=NIVALA_COORDINATOR,
        submit={"#id_title_fi": "Sopimus", "#id_link": "ftp://nivala.example/sopimus"},
        expect_status=400,
        expect_element='#id_link[aria-invalid="true"]',
    ),
    PageCase("cooperation-edit", f"{STAFF}/{{nivala_liaison}}/edit/", user=NIVALA_COORDINATOR),
    PageCase("cooperation-delete", f"{STAFF}/{{nivala_liaison}}/delete/", user=NIVALA_COORDINATOR),
    PageCase("project-activities", f"/staff/projects/{PROJECT}/activities/", user=PROJECT_ADMIN),
    PageCase(
        "project-activities-invalid",
        f"/staff/projects/{PROJECT}/activities/",
        user=PROJECT_ADMIN,
        submit={"#id_title": "Työpaja", "#id_kind": "support"},
        expect_status=400,
        expect_element='.error-summary a[href="#id_starts_on"]',
    ),
    PageCase(
        "project-activity-edit",
        f"/staff/projects/{PROJECT}/activities/{{project_activity}}/edit/",
        user=PROJECT_ADMIN,
    ),
]
