"""Vision words: a word cloud image with the words as text beside it; admins keep them."""

import pytest
from django.urls import reverse

from tests.conftest import Actor
from yhdessa.toolkit.models import VisionWord

pytestmark = pytest.mark.django_db


def _words(world, **frequencies):
    for word, frequency in frequencies.items():
        VisionWord.objects.create(project=world.project, word=word, frequency=frequency)


def test_vision_page_shows_cloud_and_the_words_as_text(world, client):
    _words(world, Toivo=3, Ilo=9, Yhteistyö=5)
    url = reverse("toolkit:project_vision", kwargs={"slug": world.project.slug})
    content = client.get(url).content.decode()
    assert 'src="data:image/png;base64,' in content
    assert (
        'alt="Sanapilvi visiotyöpajan sanoista. Eniten mainitut: Ilo, Yhteistyö, Toivo.' in content
    )
    table = content[content.index("<table>") :]
    assert table.index("Ilo") < table.index("Yhteistyö") < table.index("Toivo")
    assert '<td class="number">9</td>' in table


def test_vision_page_without_words_has_no_image(world, client):
    url = reverse("toolkit:project_vision", kwargs={"slug": world.project.slug})
    content = client.get(url).content.decode()
    assert "<img" not in content
    assert "Hanke ei ole vielä kirjannut visiotyöpajan sanoja." in content


def test_admin_adds_a_word_with_its_frequency(world, client_as):
    url = reverse("toolkit:vision_word_create", kwargs={"slug": world.project.slug})
    response = client_as(Actor.PROJECT_ADMIN).post(url, {"word": " Toivo ", "frequency": "4"})
    assert response.status_code == 302
    assert VisionWord.objects.get().word == "Toivo"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"word": "Ilo", "frequency": "2"}, "Sana on jo listalla; kasvata sen mainintoja."),
        ({"word": "Toivo", "frequency": "0"}, "Mainintoja on oltava vähintään 1."),
        ({"word": "Toivo", "frequency": "paljon"}, "Anna mainintojen määrä kokonaislukuna."),
        ({"word": "", "frequency": "1"}, "Kirjoita sana tai ilmaus."),
    ],
)
def test_bad_words_are_refused(world, client_as, data, message):
    _words(world, Ilo=1)
    url = reverse("toolkit:vision_word_create", kwargs={"slug": world.project.slug})
    response = client_as(Actor.PROJECT_ADMIN).post(url, data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert VisionWord.objects.count() == 1


def test_word_is_edited_and_deleted(world, client_as):
    _words(world, Ilo=1)
    word = VisionWord.objects.get()
    client = client_as(Actor.PROJECT_ADMIN)
    client.post(
        reverse("toolkit:vision_word_edit", kwargs={"pk": word.pk}),
        {"word": "Ilo", "frequency": "7"},
    )
    word.refresh_from_db()
    assert word.frequency == 7
    client.post(reverse("toolkit:vision_word_delete", kwargs={"pk": word.pk}))
    assert not VisionWord.objects.exists()


def test_vision_words_api_most_frequent_first(world, client):
    _words(world, Toivo=3, Ilo=9)
    url = reverse("api:get_project_vision_words", kwargs={"slug": world.project.slug})
    assert client.get(url).json() == [
        {"word": "Ilo", "frequency": 9},
        {"word": "Toivo", "frequency": 3},
    ]


def test_estimated_frequencies_are_said_to_be_estimates(world, client):
    _words(world, Toivo=3)
    url = reverse("toolkit:project_vision", kwargs={"slug": world.project.slug})
    assert "ovat arvioita" not in client.get(url).content.decode()
    VisionWord.objects.update(frequency_is_estimate=True)
    assert "Demo: mainintojen määrät ovat arvioita" in client.get(url).content.decode()
