"""Uploaded images are served from the storage, but only those a public page shows."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from tests.siteinfo.conftest import image_file
from yhdessa.siteinfo.models import SiteProfile


@pytest.fixture
def logo(db):
    profile = SiteProfile.objects.create(pk=1, name_fi="Yhdessä", logo_alt_fi="Logo")
    profile.logo.save("logo.png", image_file(), save=True)
    return profile.logo.name


def test_a_referenced_image_is_served_with_its_type_and_long_caching(client, logo):
    response = client.get(f"/media/{logo}")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert "immutable" in response["Cache-Control"]
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")


@pytest.mark.parametrize(
    "path",
    [
        "/media/branding/ei-ole.png",
        "/media/branding/",
        "/media/",
        "/media/../settings.py",
        "/media/%2e%2e/secret_key",
        "/media/branding/../../secret_key",
    ],
)
def test_unknown_paths_are_not_found(client, logo, path):
    assert client.get(path).status_code == 404


def test_a_stored_file_that_no_page_shows_is_not_served(client, logo):
    name = default_storage.save("branding/vanha.png", ContentFile(image_file().read()))
    assert default_storage.exists(name)
    assert client.get(f"/media/{name}").status_code == 404


def test_a_referenced_name_missing_from_the_storage_is_not_found(client, logo):
    default_storage.delete(logo)
    assert client.get(f"/media/{logo}").status_code == 404


def test_replacing_the_logo_deletes_the_old_file_after_commit(
    client, logo, site_admin, django_capture_on_commit_callbacks
):
    from tests.siteinfo.test_editing import profile_form

    client.force_login(site_admin)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/staff/site/", profile_form(logo=image_file("uusi.png"), logo_alt_fi="Uusi logo")
        )
    assert response.status_code == 302
    assert not default_storage.exists(logo)
    assert client.get(f"/media/{logo}").status_code == 404
    new = SiteProfile.objects.get().logo.name
    assert client.get(f"/media/{new}").status_code == 200


def test_removing_the_logo_takes_it_off_the_pages_and_the_storage(
    client, logo, site_admin, django_capture_on_commit_callbacks
):
    from tests.siteinfo.test_editing import profile_form

    client.force_login(site_admin)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/staff/site/", profile_form(**{"logo-clear": "on"}))
    assert response.status_code == 302
    assert not SiteProfile.objects.get().logo
    assert not default_storage.exists(logo)
    assert "brand__logo" not in client.get("/").content.decode()
