"""The privacy notices, the accessibility statement, the contact page and the site
administrators' pages: the accessibility harness cases (merged into test_accessibility.PAGES)."""

from collections.abc import Callable

from .cases import PageCase

SITE_ADMIN = "yllapito@yhdessa.example"  # the demo's superuser
SETTINGS = "/staff/site/"
PAGE_EDIT = "/staff/site/pages/saavutettavuus/"

PLACEHOLDERS: dict[str, Callable[[], str]] = {}

PAGES: list[PageCase] = [
    PageCase("privacy-index", "/tietosuoja/"),
    PageCase("privacy-registrations", "/tietosuoja/ilmoittautumiset/"),
    PageCase("privacy-surveys", "/tietosuoja/kyselyt/"),
    PageCase("privacy-interviews", "/tietosuoja/haastattelut/"),
    PageCase("accessibility-statement", "/saavutettavuus/"),
    PageCase("contact", "/yhteystiedot/"),
    PageCase("site-settings", SETTINGS, user=SITE_ADMIN),
    PageCase(
        "site-settings-invalid",
        SETTINGS,
        user=SITE_ADMIN,
        submit={"#id_primary_colour": "#88bbdd"},
        expect_status=400,
        expect_element='.error-summary a[href="#id_primary_colour"]',
    ),
    PageCase("legal-page-edit", PAGE_EDIT, user=SITE_ADMIN),
    PageCase(
        "legal-page-edit-invalid",
        PAGE_EDIT,
        user=SITE_ADMIN,
        submit={"#id_body_fi": ""},
        expect_status=400,
        expect_element='.error-summary a[href="#id_body_fi"]',
    ),
]
