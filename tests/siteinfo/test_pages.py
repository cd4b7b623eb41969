"""The legal pages and the contact page exist in every language from the first start, every
page links them in its footer, and the forms that collect personal data link their notice."""

import re

import pytest
from django.urls import reverse

from tests.surveys.answering import answer_survey
from yhdessa.siteinfo.models import LegalPage

FOOTER = {
    "fi": ("Tietosuojaseloste", "Saavutettavuusseloste", "Yhteystiedot"),
    "sv": ("Dataskyddsbeskrivning", "Tillgänglighetsutlåtande", "Kontaktuppgifter"),
}
PREFIX = {"fi": "", "sv": "/sv"}


def footer(html: str) -> str:
    return html[html.index('<footer class="site-footer">') :]


def link(html: str, text: str) -> str | None:
    found = re.search(rf'<a href="([^"]+)">{re.escape(text)}</a>', html)
    return found.group(1) if found else None


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_every_page_links_the_notices_in_its_footer(client, world, language):
    for path in ("/", f"/events/{world.event.pk}/", "/organisations/"):
        html = footer(client.get(PREFIX[language] + path).content.decode())
        for text in FOOTER[language]:
            href = link(html, text)
            assert href and href.startswith(PREFIX[language] + "/"), (path, text)
            assert client.get(href).status_code == 200, href


@pytest.mark.parametrize(
    ("path", "fi", "sv"),
    [
        ("/tietosuoja/ilmoittautumiset/", "ilmoittautumiset tapahtumiin", "anmälningar"),
        ("/tietosuoja/kyselyt/", "Tietosuojaseloste: kyselyt", "Dataskyddsbeskrivning: enkäter"),
        ("/tietosuoja/haastattelut/", "haastattelut", "intervjuer"),
        ("/saavutettavuus/", "Saavutettavuusseloste", "Tillgänglighetsutlåtande"),
        ("/yhteystiedot/", "Yhteystiedot", "Kontaktuppgifter"),
    ],
)
def test_pages_exist_in_finnish_and_swedish_on_a_fresh_installation(client, db, path, fi, sv):
    assert not LegalPage.objects.exists()
    assert fi in client.get(path).content.decode()
    assert sv in client.get("/sv" + path).content.decode()


def test_privacy_notice_names_the_controller_officer_rights_and_ombudsman(client, db):
    html = client.get("/tietosuoja/ilmoittautumiset/").content.decode()
    for heading in (
        "Rekisterinpitäjä",
        "Tietosuojavastaava",
        "Käsittelyn oikeusperuste",
        "Mitä tietoja käsittelemme",
        "Kuka näkee tietosi",
        "Kuinka kauan tietoja säilytetään",
        "Oikeutesi",
        "Oikeus tehdä valitus",
    ):
        assert f"<h2>{heading}</h2>" in html, heading
    assert "Tietosuojavaltuutetun toimisto" in html
    assert '<a href="mailto:tietosuoja@om.fi">' in html


def test_accessibility_statement_has_the_feedback_channel_and_the_authority(client, db):
    html = client.get("/saavutettavuus/").content.decode()
    assert "306/2019" in html
    assert "Anna palautetta saavutettavuudesta" in html
    assert "Liikenne- ja viestintävirasto Traficom" in html
    assert "Sisältö, joka ei ole saavutettavaa" in html


@pytest.mark.parametrize(("days", "shown"), [(30, "30 päivän"), (45, "45 päivän")])
def test_retention_shown_is_the_setting_that_anonymise_uses(client, db, settings, days, shown):
    settings.YHDESSA_ANONYMISE_AFTER_DAYS = days
    for key in ("ilmoittautumiset", "kyselyt"):
        html = client.get(f"/tietosuoja/{key}/").content.decode()
        retention = re.search(r'<p id="retention">(.*?)</p>', html, re.S)
        assert retention and shown in retention.group(1), key


def test_retention_in_swedish_counts_days(client, db, settings):
    settings.YHDESSA_ANONYMISE_AFTER_DAYS = 1
    html = client.get("/sv/tietosuoja/ilmoittautumiset/").content.decode()
    assert "1 dag " in html


def test_unknown_privacy_notice_is_not_found(client, db):
    assert client.get("/tietosuoja/saavutettavuus/").status_code == 404
    assert client.get("/tietosuoja/ei-ole/").status_code == 404


def test_sign_up_consent_links_the_registrations_notice(client, world):
    html = client.get(f"/events/{world.event.pk}/").content.decode()
    consent = html[html.index('id="id_consent_helptext"') :][:400]
    assert 'href="/tietosuoja/ilmoittautumiset/"' in consent
    html = client.get(f"/sv/events/{world.event.pk}/").content.decode()
    assert 'href="/sv/tietosuoja/ilmoittautumiset/"' in html


def test_survey_answer_form_links_the_survey_notice(client, world):
    survey = answer_survey(world)
    html = client.get(f"/surveys/{survey.pk}/start/").content.decode()
    assert 'href="/tietosuoja/kyselyt/"' in html


def test_a_text_missing_in_swedish_shows_the_finnish_one_marked_as_finnish(client, db):
    LegalPage.objects.create(
        key="yhteystiedot", title_fi="Yhteystiedot", body_fi="Soita meille.", body_sv=""
    )
    html = client.get("/sv/yhteystiedot/").content.decode()
    assert '<div lang="fi"><p>Soita meille.</p></div>' in html


def test_the_index_lists_a_notice_per_processing(client, db):
    html = client.get(reverse("siteinfo:privacy_index")).content.decode()
    for key in ("ilmoittautumiset", "kyselyt", "haastattelut"):
        assert f'href="/tietosuoja/{key}/"' in html
