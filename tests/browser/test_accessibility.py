"""WCAG 2.1 AA on every page, in Finnish and Swedish: axe-core, language, 320 px, keyboard.

Each page and language is its own test, which loads the page once and runs every check on
it (strict CSP, ``<html lang>``, axe-core, the skip link first and a visible focus at each
Tab stop, no sideways scrolling at 320 px, no browser errors): loading the demo for each
check separately would make the suite slow.
"""

import re

import pytest
from playwright.sync_api import Page, expect

from . import (
    broken_urls,
    pages_cooperation,
    pages_experiment_staff,
    pages_experiments,
    pages_knowledge,
    pages_model_descriptions,
    pages_reports,
    pages_siteinfo,
    pages_tips,
)
from .cases import PageCase
from .checks import (
    assert_every_tab_stop_shows_focus,
    assert_first_stop_is_skip_link,
    assert_fits_phone_screen,
    assert_focus_visible,
    assert_html_lang,
    assert_no_axe_violations,
    assert_no_inline_scripts_allowed,
    assert_skip_link_works,
    tab_until,
)
from .conftest import DEMO_PASSWORD, NIVALA_COORDINATOR, PROJECT_ADMIN, VIEWER

pytestmark = pytest.mark.browser

LANGUAGES = {"fi": "", "sv": "/sv"}
PROJECT = "yhdessa-osallisuutta"


PAGES = [
    PageCase("home", "/"),
    PageCase("municipalities", "/municipalities/"),
    PageCase("municipality-nivala", "/municipalities/535/"),
    PageCase("organisations", "/organisations/"),
    PageCase("organisations-filtered", "/organisations/?municipality=535&kind=association"),
    PageCase(
        "organisations-invalid-filter",
        "/organisations/?kind=bogus",
        status=400,
        expect_element=".error-summary",
    ),
    PageCase("organisation", "/organisations/{org}/"),
    PageCase("project", f"/projects/{PROJECT}/"),
    PageCase("login", "/accounts/login/"),
    PageCase(
        "login-failed",
        "/accounts/login/",
        submit={"#id_username": NIVALA_COORDINATOR, "#id_password": "väärä salasana"},
        expect_status=200,
        expect_element=".error-summary",
    ),
    PageCase("password-reset", "/accounts/password/reset/"),
    PageCase(
        "password-reset-sent",
        "/accounts/password/reset/",
        submit={"#id_email": NIVALA_COORDINATOR},
        expect_status=200,
    ),
    PageCase("staff-coordinator", "/staff/", user=NIVALA_COORDINATOR),
    PageCase("staff-project-admin", "/staff/", user=PROJECT_ADMIN),
    PageCase("password-change", "/accounts/password/change/", user=NIVALA_COORDINATOR),
    PageCase("municipality-workspace", "/staff/municipalities/535/", user=NIVALA_COORDINATOR),
    PageCase("organisation-edit", "/staff/organisations/{org}/edit/", user=NIVALA_COORDINATOR),
    PageCase(
        "organisation-edit-invalid",
        "/staff/organisations/{org}/edit/",
        user=NIVALA_COORDINATOR,
        submit={"#id_postal_code": "12"},
        expect_status=400,
        expect_element='.error-summary a[href="#id_postal_code"]',
    ),
    PageCase(
        "organisation-edit-saved",
        "/staff/organisations/{org}/edit/",
        user=NIVALA_COORDINATOR,
        submit={"#id_postal_code": "85500"},
        expect_status=200,
        expect_element=".messages .message",
    ),
    PageCase(
        "organisation-new",
        "/staff/municipalities/535/organisations/new/",
        user=NIVALA_COORDINATOR,
    ),
    PageCase(
        "organisation-new-invalid",
        "/staff/municipalities/535/organisations/new/",
        user=NIVALA_COORDINATOR,
        submit={"#id_name": ""},
        expect_status=400,
        expect_element=".error-summary",
    ),
    # Events: public pages ({open} is the demo's open event in Nivala, {training} a past one)
    PageCase("events", "/events/"),
    PageCase("event-open", "/events/{open}/"),
    PageCase(
        "event-sign-up-invalid",
        "/events/{open}/",
        submit={"#id_email": "ei-osoite"},
        expect_status=400,
        expect_element='.error-summary a[href="#id_email"]',
    ),
    PageCase("event-past", "/events/{training}/"),
    PageCase("registration", "/events/registration/{token}/"),
    # Events: staff
    PageCase("project-events", f"/staff/projects/{PROJECT}/events/", user=NIVALA_COORDINATOR),
    PageCase("event-new", f"/staff/projects/{PROJECT}/events/new/", user=NIVALA_COORDINATOR),
    PageCase("event-staff", "/staff/events/{open}/", user=NIVALA_COORDINATOR),
    PageCase("event-edit", "/staff/events/{open}/edit/", user=NIVALA_COORDINATOR),
    PageCase("event-cancel", "/staff/events/{open}/cancel/", user=NIVALA_COORDINATOR),
    PageCase("attendance", "/staff/events/{training}/attendance/", user=PROJECT_ADMIN),
    PageCase(
        "attendance-import", "/staff/events/{training}/attendance/import/", user=PROJECT_ADMIN
    ),
    # Surveys: answering ({answer} is "<survey pk>/<wave key>" of the demo's one open wave)
    PageCase("survey-answer", "/surveys/{answer}/"),
    PageCase(
        "survey-answer-invalid",
        "/surveys/{answer}/",
        submit={"#id_pairing_code": "ab"},
        expect_status=400,
        expect_element='.error-summary a[href="#id_pairing_code"]',
    ),
    PageCase("survey-thanks", "/surveys/{answer}/thanks/"),
    # Surveys: invitations and response rates ({survey} is the open wave's survey)
    PageCase("survey-invitations", "/staff/surveys/{survey}/invitations/", user=NIVALA_COORDINATOR),
    PageCase(
        "survey-invitations-invalid",
        "/staff/surveys/{survey}/invitations/",
        user=NIVALA_COORDINATOR,
        submit={"#id_emails": "asukas@example.fi\nei-osoite"},
        expect_status=400,
        expect_element='.error-summary a[href="#id_emails"]',
    ),
    # Surveys: results ({results} is the demo's public life-situation survey with answers)
    PageCase("survey-results", "/surveys/{results}/results/"),
    PageCase("survey-results-by-age", "/surveys/{results}/results/?wave=all&by=age_group"),
    PageCase(
        "survey-results-invalid",
        "/surveys/{results}/results/?wave=ei-ole",
        status=400,
        expect_element=".error-summary",
    ),
    PageCase("survey-comparison", "/surveys/{results}/comparison/"),
    PageCase("project-surveys", f"/staff/projects/{PROJECT}/surveys/", user=PROJECT_ADMIN),
    # Surveys: creating and editing ({survey} is scoped to Nivala, whose coordinator manages it)
    PageCase("survey-new", f"/staff/projects/{PROJECT}/surveys/new/", user=PROJECT_ADMIN),
    PageCase(
        "survey-new-invalid",
        f"/staff/projects/{PROJECT}/surveys/new/",
        user=PROJECT_ADMIN,
        submit={"#id_title_fi": "", "#id_waves-0-opens_at": "2027-02-01T08:00"},
        expect_status=400,
        expect_element='.error-summary a[href="#id_title_fi"]',
    ),
    PageCase("survey-edit", "/staff/surveys/{survey}/edit/", user=NIVALA_COORDINATOR),
    PageCase("survey-answers", "/staff/surveys/{results}/answers/", user=PROJECT_ADMIN),
    PageCase("not-found", "/organisations/ei-ole-olemassa/", status=404),
    PageCase("forbidden", f"/staff/projects/{PROJECT}/members/", user=VIEWER, status=403),
    PageCase("project-members", f"/staff/projects/{PROJECT}/members/", user=PROJECT_ADMIN),
    PageCase("project-mail", f"/staff/projects/{PROJECT}/mail/", user=PROJECT_ADMIN),
    PageCase(
        "project-members-invalid",
        f"/staff/projects/{PROJECT}/members/",
        user=PROJECT_ADMIN,
        submit={"#id_email": "uusi@yhdessa.example", "#id_role": "coordinator"},
        expect_status=400,
        expect_element='#id_municipality[aria-invalid="true"]',
    ),
]
# Each area keeps its pages and placeholders in its own module (one writer per file).
AREAS = [
    pages_experiments,
    pages_experiment_staff,
    pages_model_descriptions,
    pages_tips,
    pages_knowledge,
    pages_cooperation,
    pages_reports,
    pages_siteinfo,
]
PAGES += [case for area in AREAS for case in area.PAGES]


def nivala_organisation() -> str:
    from yhdessa.directory.models import Organisation

    organisation = Organisation.objects.filter(municipality__code="535").first()
    assert organisation is not None, "the demo has no organisation in Nivala"
    return organisation.slug


def placeholders() -> dict[str, str]:
    from yhdessa.events.models import Event
    from yhdessa.events.tokens import cancel_token
    from yhdessa.surveys.selectors import open_waves, public_surveys

    open_event = Event.objects.get(title_fi__startswith="Demo:")
    training = Event.objects.filter(kind=Event.Kind.TRAINING, registrations__isnull=False).first()
    assert training is not None, "the demo has no training with sign-ups"
    open_wave = open_waves().get()
    return {
        "org": nivala_organisation(),
        "open": str(open_event.pk),
        "training": str(training.pk),
        "token": cancel_token(training.registrations.first().pk),
        "answer": f"{open_wave.survey_id}/{open_wave.key}",
        "survey": str(open_wave.survey_id),
        "results": str(public_surveys().get(responses_exist()).pk),
    } | {name: find() for area in AREAS for name, find in area.PLACEHOLDERS.items()}


def responses_exist():
    from django.db.models import Exists, OuterRef

    from yhdessa.surveys.models import Response

    return Exists(Response.objects.filter(wave__survey=OuterRef("pk")))


def submit_main_form(page: Page, fields: dict[str, str]) -> int:
    """Fill the fields and press the form's submit button; the status of the page that answers."""
    for selector, value in fields.items():
        element = page.locator(selector)
        if element.evaluate("(el) => el.tagName") == "SELECT":
            element.select_option(value)
        else:
            element.fill(value)
    form = page.locator("main form").filter(has=page.locator(next(iter(fields))))
    with page.expect_navigation() as navigation:
        form.locator("button[type=submit]").click()
    response = navigation.value
    assert response is not None
    return response.status


@pytest.mark.parametrize(
    ("case", "language"),
    [
        pytest.param(case, language, id=f"{case.name}-{language}")
        for case in PAGES
        for language in LANGUAGES
    ],
)
def test_page_meets_wcag(
    case: PageCase, language: str, demo, open_page, browser_errors: list[str]
) -> None:
    page = open_page(user=case.user)
    url = LANGUAGES[language] + case.path.format(**placeholders())
    response = page.goto(url)
    assert response is not None and response.status == case.status, (
        f"{url} answered {response and response.status}, expected {case.status}"
    )
    assert_no_inline_scripts_allowed(response.headers)
    if case.submit:
        status = submit_main_form(page, case.submit)
        assert status == case.expect_status, f"submitting {url} answered {status}"
    if case.expect_element:
        expect(page.locator(case.expect_element).first).to_be_visible()

    assert_html_lang(page, language)
    assert_no_axe_violations(page)
    assert_first_stop_is_skip_link(assert_every_tab_stop_shows_focus(page))
    assert_fits_phone_screen(page)
    assert not browser_errors, "\n".join(browser_errors)


def test_server_error_page_meets_wcag(settings, open_page, browser_errors: list[str]) -> None:
    """The 500 page stands alone (no base template, no skip link: nothing to skip)."""
    settings.ROOT_URLCONF = broken_urls.__name__
    page = open_page()
    response = page.goto("/broken/error/")
    assert response is not None and response.status == 500
    expect(page.locator("h1")).to_have_text("Jotain meni vikaan")
    assert_html_lang(page, "fi")
    assert_no_axe_violations(page)
    assert_every_tab_stop_shows_focus(page)
    assert_fits_phone_screen(page)
    assert not browser_errors, "\n".join(browser_errors)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("path", ["/organisations/", "/accounts/login/"])  # login: autofocus
def test_skip_link_moves_focus_to_main(path: str, language: str, demo, open_page) -> None:
    page = open_page()
    page.goto(LANGUAGES[language] + path)
    assert_skip_link_works(page, text="Siirry sisältöön" if language == "fi" else None)
    # The next Tab continues from the main content, not from the top of the page.
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.querySelector('main').contains(document.activeElement)")


def test_organisation_filter_works_with_keyboard_only(
    demo, open_page, browser_errors: list[str]
) -> None:
    page = open_page()
    page.goto("/organisations/")
    heading = page.locator("#results-heading")
    before = heading.inner_text()
    # Screen readers announce the new count only if the live region stays the same element.
    page.evaluate("() => { document.getElementById('results-status').dataset.original = 'yes'; }")

    tab_until(page, "#id_q")
    assert_focus_visible(page)
    page.keyboard.type("Eläkkeensaajat")
    tab_until(page, "main form button[type=submit]", limit=5)
    assert_focus_visible(page)
    page.keyboard.press("Enter")

    expect(heading).to_have_text(re.compile(r"^1 organisaatio$"))
    assert heading.inner_text() != before
    expect(page.locator("#results .card")).to_have_count(1)
    expect(page.locator("#results .card h3")).to_have_text("Nivalan Eläkkeensaajat ry")
    expect(page).to_have_url(re.compile(r"[?&]q=El%C3%A4kkeensaajat"))
    status = page.locator("#results-status")
    expect(status).to_have_text("1 organisaatio")
    expect(status).to_have_attribute("role", "status")
    expect(status).to_have_attribute("data-original", "yes")
    # The updated page is still whole: accessible, and the search box keeps its text.
    expect(page.locator("#id_q")).to_have_value("Eläkkeensaajat")
    assert_no_axe_violations(page)
    assert not browser_errors, "\n".join(browser_errors)


@pytest.mark.parametrize("language", LANGUAGES)
def test_log_in_with_keyboard_only(language: str, demo, open_page) -> None:
    page = open_page()
    prefix = LANGUAGES[language]
    page.goto(prefix + "/accounts/login/")
    tab_until(page, "#id_username")
    page.keyboard.type(NIVALA_COORDINATOR)
    tab_until(page, "#id_password", limit=3)
    page.keyboard.type(DEMO_PASSWORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(rf"{prefix}/staff/$"))
    expect(page.locator("main")).to_contain_text("Koordinaattori (Nivala)")
    assert_html_lang(page, language)
