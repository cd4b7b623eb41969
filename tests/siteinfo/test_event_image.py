"""An event may have an image; its alt text is required and shown on the public pages."""

from tests.conftest import Actor
from tests.events.test_event_management import event_form
from tests.siteinfo.conftest import image_file
from yhdessa.events.models import Event

NEW = "/staff/projects/yhdessa-osallisuutta/events/new/"


def with_image(world, **changes):
    return event_form(world, image_alt_fi="", image_alt_sv="", image_alt_en="") | changes


def test_event_image_with_alt_text_is_shown_on_the_event_page_and_list(client_as, world, client):
    response = client_as(Actor.ORGANISER).post(
        NEW,
        with_image(
            world,
            image=image_file("tapahtuma.jpg", "JPEG", size=(640, 360)),
            image_alt_fi="Ihmisiä istumassa piirissä kirjaston salissa",
            image_alt_sv="Människor sitter i en ring i bibliotekets sal",
        ),
    )
    assert response.status_code == 302
    event = Event.objects.get(title_fi="Osallistuva budjetointi")
    assert event.image.name.startswith("events/") and event.image.name.endswith(".jpg")
    src = f'src="/media/{event.image.name}"'
    page = client.get(f"/events/{event.pk}/").content.decode()
    assert f'{src} alt="Ihmisiä istumassa piirissä kirjaston salissa"' in page
    swedish = client.get(f"/sv/events/{event.pk}/").content.decode()
    assert f'{src} alt="Människor sitter i en ring i bibliotekets sal"' in swedish
    assert src in client.get("/events/").content.decode()
    assert client.get(f"/media/{event.image.name}")["Content-Type"] == "image/jpeg"


def test_event_image_without_alt_text_is_refused(client_as, world):
    response = client_as(Actor.ORGANISER).post(NEW, with_image(world, image=image_file()))
    assert response.status_code == 400
    assert "Kirjoita kuvalle tekstivastine suomeksi." in response.content.decode()
    assert not Event.objects.filter(title_fi="Osallistuva budjetointi").exists()


def test_event_upload_that_is_not_an_image_is_refused(client_as, world):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("kuva.jpg", b"%PDF-1.4", content_type="image/jpeg")
    response = client_as(Actor.ORGANISER).post(
        NEW, with_image(world, image=upload, image_alt_fi="Kuva")
    )
    assert response.status_code == 400
    assert "Kuvan tyyppiä ei tunnistettu." in response.content.decode()


def test_an_event_without_an_image_still_saves(client_as, world):
    assert client_as(Actor.ORGANISER).post(NEW, with_image(world)).status_code == 302
