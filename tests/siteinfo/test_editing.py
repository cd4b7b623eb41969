"""Site administrators edit the service's name, brand, contact details and legal pages on a
staff page; everyone else is refused. Colours must pass WCAG AA, uploads must be images."""

import pytest
from django.core.files.storage import default_storage

from tests.conftest import Actor
from tests.siteinfo.conftest import image_file
from yhdessa.core.models import AuditLogEntry
from yhdessa.siteinfo.images import MAX_IMAGE_BYTES
from yhdessa.siteinfo.models import LegalPage, SiteProfile

SETTINGS = "/staff/site/"


def profile_form(**changes):
    data = {
        "name_fi": "Osallisuus Nivalassa",
        "name_sv": "Delaktighet i Nivala",
        "name_en": "",
        "logo_alt_fi": "",
        "logo_alt_sv": "",
        "logo_alt_en": "",
        "front_image_alt_fi": "",
        "front_image_alt_sv": "",
        "front_image_alt_en": "",
        "primary_colour": "#005a78",
        "header_colour": "#f3f6f8",
        "controller_fi": "Nivalan kaupunki\nkirjaamo@nivala.example",
        "data_protection_officer_fi": "tietosuojavastaava@nivala.example",
        "privacy_authority_fi": "Tietosuojavaltuutetun toimisto",
        "accessibility_feedback_fi": "saavutettavuus@nivala.example",
        "accessibility_authority_fi": "Liikenne- ja viestintävirasto Traficom",
    }
    for name in ("controller", "data_protection_officer", "privacy_authority"):
        data |= {f"{name}_sv": "", f"{name}_en": ""}
    for name in ("accessibility_feedback", "accessibility_authority"):
        data |= {f"{name}_sv": "", f"{name}_en": ""}
    return data | changes


def test_site_admin_changes_the_name_and_every_page_shows_it(client, site_admin):
    client.force_login(site_admin)
    assert client.get(SETTINGS).status_code == 200
    response = client.post(SETTINGS, profile_form())
    assert response.status_code == 302
    html = client.get("/").content.decode()
    assert "<title>Etusivu – Osallisuus Nivalassa</title>" in html
    assert "<span>Osallisuus Nivalassa</span>" in html
    assert "<span>Delaktighet i Nivala</span>" in client.get("/sv/").content.decode()
    # English was left empty: the Finnish name is shown.
    assert "<span>Osallisuus Nivalassa</span>" in client.get("/en/").content.decode()
    assert "kirjaamo@nivala.example" in client.get("/tietosuoja/kyselyt/").content.decode()
    assert AuditLogEntry.objects.filter(action="siteinfo.profile.changed").exists()


def test_a_user_with_the_change_permission_may_edit(client, profile_editor):
    client.force_login(profile_editor)
    assert client.post(SETTINGS, profile_form()).status_code == 302
    assert SiteProfile.objects.get().name == "Osallisuus Nivalassa"


@pytest.mark.parametrize("actor", [a for a in Actor if a is not Actor.ANONYMOUS])
def test_project_and_municipal_staff_may_not_edit(client_as, actor):
    client = client_as(actor)
    assert client.get(SETTINGS).status_code == 403
    assert client.post(SETTINGS, profile_form()).status_code == 403
    assert client.post("/staff/site/pages/kyselyt/", {"title_fi": "x"}).status_code == 403
    assert not SiteProfile.objects.exists()
    assert not LegalPage.objects.exists()


def test_anonymous_is_sent_to_log_in(client, db):
    assert client.get(SETTINGS)["Location"].startswith("/accounts/login/")


def test_admin_edits_a_legal_page_and_the_page_shows_it(client, site_admin):
    client.force_login(site_admin)
    form = client.get("/staff/site/pages/saavutettavuus/").content.decode()
    assert "Saavutettavuusseloste" in form  # the default text to start from
    response = client.post(
        "/staff/site/pages/saavutettavuus/",
        {
            "title_fi": "Saavutettavuusseloste",
            "title_sv": "Tillgänglighetsutlåtande",
            "title_en": "",
            "body_fi": "## Tila\nPalvelu täyttää vaatimukset osittain.\n\n- PDF puuttuu",
            "body_sv": "",
            "body_en": "",
        },
    )
    assert response.status_code == 302
    html = client.get("/saavutettavuus/").content.decode()
    assert (
        "<h2>Tila</h2><p>Palvelu täyttää vaatimukset osittain.</p><ul><li>PDF puuttuu</li></ul>"
        in html
    )
    assert "Muokkaa sivua" in html


def test_a_legal_page_without_finnish_text_is_refused(client, site_admin):
    client.force_login(site_admin)
    response = client.post(
        "/staff/site/pages/yhteystiedot/",
        {"title_fi": "Yhteystiedot", "body_fi": "", "body_sv": "Ring oss."},
    )
    assert response.status_code == 400
    assert not LegalPage.objects.exists()


def test_markup_in_a_page_is_shown_as_text(client, site_admin):
    client.force_login(site_admin)
    client.post(
        "/staff/site/pages/yhteystiedot/",
        {"title_fi": "Yhteystiedot", "body_fi": "<script>alert(1)</script> info@kunta.example"},
    )
    html = client.get("/yhteystiedot/").content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert '<a href="mailto:info@kunta.example">info@kunta.example</a>' in html


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        (
            {"primary_colour": "#7fb2d0"},
            "primary_colour",
            "Pääväri #7fb2d0 on liian vaalea valkoista taustaa ja painikkeiden valkoista tekstiä "
            "vasten: kontrasti on 2,28:1, mutta vähintään 4,5:1 tarvitaan (WCAG AA).",
        ),
        (
            {"header_colour": "#555555"},
            "header_colour",
            "Taustaväri #555555 on liian tumma tekstille: kontrasti on 1,18:1",
        ),
        (
            {"primary_colour": "#0066cc", "header_colour": "#d0d8e0"},
            "primary_colour",
            "Pääväri #0066cc ei erotu ylä- ja alapalkin taustavärin #d0d8e0 päällä: kontrasti on",
        ),
        # Just under the limit: the ratio is rounded down, never up to 4,50.
        ({"primary_colour": "#777"}, "primary_colour", "Pääväri #777777 on liian vaalea"),
        ({"primary_colour": "sininen"}, "primary_colour", "Anna väri muodossa #rrggbb"),
    ],
)
def test_a_colour_without_enough_contrast_is_refused_with_the_ratio(
    client, site_admin, changes, field, message
):
    client.force_login(site_admin)
    response = client.post(SETTINGS, profile_form(**changes))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert f'href="#id_{field}"' in response.content.decode()
    assert not SiteProfile.objects.exists()


def test_brand_css_has_todays_colours_until_changed(client, site_admin):
    css = client.get("/brand.css")
    assert css["Content-Type"] == "text/css; charset=utf-8"
    assert "--primary: #005a78;" in css.content.decode()
    assert "max-age" in css["Cache-Control"]
    assert client.get("/brand.css", HTTP_IF_NONE_MATCH=css["ETag"]).status_code == 304
    client.force_login(site_admin)
    client.post(SETTINGS, profile_form(primary_colour="#6B3FA0", header_colour="#FFF8E7"))
    changed = client.get("/brand.css")
    body = changed.content.decode()
    assert "--primary: #6b3fa0;" in body
    assert "--primary-dark: #4b2c70;" in body
    assert "--header-bg: #fff8e7;" in body
    assert changed["ETag"] != css["ETag"]
    # Pages link the new version, so browsers do not keep the old colours for an hour.
    assert 'href="/brand.css?v=6b3fa0fff8e7"' in client.get("/").content.decode()


def test_logo_and_front_image_are_shown_with_their_alt_texts(client, site_admin):
    client.force_login(site_admin)
    response = client.post(
        SETTINGS,
        profile_form(
            logo=image_file("logo.png"),
            logo_alt_fi="Nivalan kaupungin logo",
            front_image=image_file("kuva.jpg", "JPEG", size=(800, 400)),
            front_image_alt_fi="Asukkaita kylätalon pihalla",
        ),
    )
    assert response.status_code == 302
    profile = SiteProfile.objects.get()
    assert profile.logo.name.startswith("branding/") and profile.logo.name.endswith(".png")
    assert default_storage.exists(profile.front_image.name)
    html = client.get("/").content.decode()
    assert f'src="/media/{profile.logo.name}" alt="Nivalan kaupungin logo"' in html
    assert f'src="/media/{profile.front_image.name}" alt="Asukkaita kylätalon pihalla"' in html


def test_an_image_without_alt_text_is_refused(client, site_admin):
    client.force_login(site_admin)
    response = client.post(SETTINGS, profile_form(logo=image_file()))
    assert response.status_code == 400
    assert "Kirjoita logolle tekstivastine suomeksi." in response.content.decode()
    assert not SiteProfile.objects.exists()


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (
            image_file("kuva.gif", "GIF"),
            "Kuvan tyyppiä ei tunnistettu. Valitse JPEG-, PNG- tai WebP-kuva.",
        ),
        (
            # A text file named like an image.
            __import__("django.core.files.uploadedfile", fromlist=["x"]).SimpleUploadedFile(
                "logo.png", b"not an image", content_type="image/png"
            ),
            "Kuvan tyyppiä ei tunnistettu.",
        ),
        (image_file(size=(5000, 100)), "Kuvan koko on 5000 × 100 kuvapistettä."),
    ],
)
def test_an_upload_that_is_not_a_suitable_image_is_refused(
    client, site_admin, media, upload, message
):
    client.force_login(site_admin)
    response = client.post(SETTINGS, profile_form(logo=upload, logo_alt_fi="Logo"))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not SiteProfile.objects.exists()
    assert not any(media.rglob("*.*"))


def test_an_image_too_large_is_refused_before_it_is_read(client, site_admin, media):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(site_admin)
    huge = SimpleUploadedFile("iso.png", b"\0" * (MAX_IMAGE_BYTES + 1), content_type="image/png")
    response = client.post(SETTINGS, profile_form(logo=huge, logo_alt_fi="Logo"))
    assert response.status_code == 400
    assert "Kuva on liian suuri. Suurin sallittu koko on 3 Mt." in response.content.decode()
    assert not any(media.rglob("*.*"))
