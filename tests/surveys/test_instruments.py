import pytest
from django.test import override_settings

from yhdessa.surveys import services
from yhdessa.surveys.instruments import LIFE_AREAS, load_instruments
from yhdessa.surveys.models import Instrument, InstrumentVersion, Item, Option

LIFE_KEYS = [f"life_{key}" for key, _ in LIFE_AREAS]


@pytest.mark.django_db
def test_loader_creates_the_two_published_instruments():
    versions = load_instruments()
    assert set(versions) == {"arki-ja-elama", "kumppanikysely"}
    arki = versions["arki-ja-elama"]
    assert arki.is_published and arki.number == 1
    keys = list(arki.items.values_list("key", flat=True))
    assert keys == [
        "life_whole",
        *LIFE_KEYS,
        "need_for_change",
        "change_areas",
        "invest_in",
        "comments",
    ]
    assert {"life_work", "life_income", "life_safety", "life_remote_services"} <= set(keys)
    for item in arki.items.filter(type=Item.Type.SCALE_1_5):
        assert item.lower_is_better
        assert list(item.options.values_list("value", flat=True)) == [1, 2, 3, 4, 5]
        assert item.options.get(value=1).label_fi == "erittäin hyvä"
        assert item.options.get(value=5).label_fi == "erittäin huono"
    need = arki.items.get(key="need_for_change")
    assert need.type == Item.Type.SINGLE
    assert list(need.options.values_list("label_fi", flat=True)) == [
        "Arkeni ja elämäni on riittävän hyvää enkä kaipaa muutosta",
        "Kaipaan pientä muutosta",
        "Kaipaan isoa muutosta",
    ]
    change = arki.items.get(key="change_areas")
    assert change.type == Item.Type.MULTIPLE and change.options.count() == 11
    invest = arki.items.get(key="invest_in")
    assert {"work", "leisure", "help_services"} <= set(invest.options.values_list("key", flat=True))
    assert invest.options.get(key="help_services").label_fi == (
        "Avun ja palvelujen saanti silloin, kun niitä tarvitsen"
    )
    assert arki.items.get(key="comments").type == Item.Type.TEXT


@pytest.mark.django_db
def test_partner_survey_agreement_scale():
    partner = load_instruments()["kumppanikysely"]
    scales = partner.items.filter(type=Item.Type.SCALE_1_5)
    assert scales.count() == 5
    assert not scales.filter(lower_is_better=True).exists()
    assert Option.objects.filter(item__in=scales).count() == 25
    assert partner.items.filter(type=Item.Type.TEXT).count() == 1


@pytest.mark.django_db
def test_every_text_has_swedish_and_english():
    version = load_instruments()["arki-ja-elama"]
    for item in version.items.all():
        assert item.text_fi and item.text_sv and item.text_en
        for option in item.options.all():
            assert option.label_fi and option.label_sv and option.label_en


@pytest.mark.django_db
def test_loader_is_idempotent():
    first = load_instruments()
    counts = (InstrumentVersion.objects.count(), Item.objects.count(), Option.objects.count())
    second = load_instruments()
    assert {k: v.pk for k, v in first.items()} == {k: v.pk for k, v in second.items()}
    assert counts == (
        InstrumentVersion.objects.count(),
        Item.objects.count(),
        Option.objects.count(),
    )
    assert Instrument.objects.count() == 2


@pytest.mark.django_db
def test_changed_content_gives_a_new_published_version_not_an_edit():
    first = load_instruments()["arki-ja-elama"]
    draft = services.new_version_from(version=first)
    services.item_change(item=draft.items.get(key="comments"), text_fi="Vanha teksti")
    services.version_publish(version=draft)  # latest version now differs from shipped data
    latest = load_instruments()["arki-ja-elama"]
    assert latest.number == 3 and latest.is_published
    assert latest.items.get(key="comments").text_fi == "Mitä muuta haluat sanoa?"
    assert first.items.get(key="comments").text_fi == "Mitä muuta haluat sanoa?"


def test_pairing_hash_is_stable_and_normalised():
    code = services.pairing_hash("Kissa 42")
    assert code == services.pairing_hash("Kissa 42")
    assert code == services.pairing_hash("  kISSA42 ")
    assert code == services.pairing_hash("kissa\t4 2")
    assert len(code) == 64 and "kissa" not in code
    assert code != services.pairing_hash("kissa43")
    assert services.pairing_hash("   ") == ""


def test_pairing_hash_depends_on_the_secret():
    assert services.pairing_hash("kissa42", secret="a") != services.pairing_hash(
        "kissa42", secret="b"
    )
    with override_settings(SECRET_KEY="x" * 50):
        first = services.pairing_hash("kissa42")
    with override_settings(SECRET_KEY="y" * 50):
        second = services.pairing_hash("kissa42")
    assert first != second
