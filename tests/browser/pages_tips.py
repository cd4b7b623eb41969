"""Tip lists and checklists:
the accessibility harness cases (merged into test_accessibility.PAGES).

``PLACEHOLDERS`` maps a name used in the paths ("{name}") to a function that finds it in
the demo data. The demo's Nivala experiment has adopted the meeting place list.
"""

from collections.abc import Callable

from .cases import PageCase
from .conftest import NIVALA_COORDINATOR, PROJECT_ADMIN, VIEWER

PROJECT = "yhdessa-osallisuutta"


def nivala_checklist() -> str:
    from yhdessa.toolkit.models import Checklist

    checklist = Checklist.objects.filter(experiment__municipality__code="535").first()
    assert checklist is not None, "the demo has no checklist in Nivala"
    return str(checklist.pk)


def demo_publication() -> str:
    from yhdessa.toolkit.models import Publication

    publication = Publication.objects.filter(project__slug=PROJECT).exclude(identifier="").first()
    assert publication is not None, "the demo has no publication with an identifier"
    return str(publication.pk)


PLACEHOLDERS: dict[str, Callable[[], str]] = {
    "checklist": nivala_checklist,
    "publication": demo_publication,
}

PUBLICATIONS = f"/projects/{PROJECT}/publications/"
NEW_PUBLICATION = f"/staff/projects/{PROJECT}/publications/new/"

PAGES: list[PageCase] = [
    PageCase("tips", "/tips/"),
    PageCase("tip-list", "/tips/kohtaamispaikka/"),
    PageCase("tip-list-version", "/tips/kohtaamispaikka/v1/"),
    PageCase("tip-list-adopt", "/tips/teemaviikot/adopt/", user=NIVALA_COORDINATOR),
    PageCase(
        "tip-list-adopt-invalid",
        "/tips/teemaviikot/adopt/",
        user=NIVALA_COORDINATOR,
        submit={"#id_target": ""},
        expect_status=400,
        expect_element='.error-summary a[href="#id_target"]',
    ),
    PageCase("tip-list-edit", "/staff/tips/kohtaamispaikka/edit/", user=PROJECT_ADMIN),
    PageCase(
        "tip-list-edit-invalid",
        "/staff/tips/kohtaamispaikka/edit/",
        user=PROJECT_ADMIN,
        submit={"#id_items-0-link": "ftp://esimerkki.fi/ohje"},
        expect_status=400,
        expect_element='.error-summary a[href="#id_items-0-link"]',
    ),
    PageCase("checklists", "/staff/checklists/", user=NIVALA_COORDINATOR),
    PageCase("checklist", "/staff/checklists/{checklist}/", user=NIVALA_COORDINATOR),
    PageCase("checklist-read-only", "/staff/checklists/{checklist}/", user=VIEWER),
    PageCase("publications", PUBLICATIONS),
    PageCase("publications-filtered", f"{PUBLICATIONS}?kind=article"),
    PageCase("publication-new", NEW_PUBLICATION, user=PROJECT_ADMIN),
    PageCase(
        "publication-new-invalid",
        NEW_PUBLICATION,
        user=PROJECT_ADMIN,
        submit={"#id_title": "", "#id_identifier": "julkaisu 12"},
        expect_status=400,
        expect_element='.error-summary a[href="#id_identifier"]',
    ),
    PageCase("publication-edit", "/staff/publications/{publication}/edit/", user=PROJECT_ADMIN),
    PageCase("publication-delete", "/staff/publications/{publication}/delete/", user=PROJECT_ADMIN),
]
