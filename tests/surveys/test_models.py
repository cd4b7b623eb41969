import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from tests.factories import ProjectFactory
from yhdessa.surveys import services
from yhdessa.surveys.models import (
    Answer,
    Instrument,
    InstrumentVersion,
    Invitation,
    Item,
    Option,
    Response,
    Survey,
    Wave,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft() -> InstrumentVersion:
    instrument = Instrument.objects.create(key="testi", name_fi="Testi")
    version = InstrumentVersion.objects.create(instrument=instrument, number=1)
    section = services.section_create(version=version, title_fi="Osio", position=0)
    item = services.item_create(
        version=version, section=section, key="mood", text_fi="Mieliala?", type=Item.Type.SCALE_1_5
    )
    for value in range(1, 6):
        services.option_create(item=item, key=f"v{value}", label_fi=str(value), value=value)
    services.item_create(version=version, key="note", text_fi="Muuta?", type=Item.Type.TEXT)
    return version


@pytest.fixture
def wave(draft: InstrumentVersion) -> Wave:
    survey = Survey.objects.create(
        project=ProjectFactory(), instrument_version=draft, title_fi="Kysely"
    )
    return Wave.objects.create(
        survey=survey, key="start", label_fi="Aloitus", opens_at=timezone.now()
    )


def test_item_key_is_unique_within_a_version(draft):
    with pytest.raises(ValidationError):
        services.item_create(version=draft, key="mood", text_fi="Taas", type=Item.Type.TEXT)
    with transaction.atomic(), pytest.raises(IntegrityError):
        Item.objects.create(version=draft, key="mood", text_fi="Taas", type=Item.Type.TEXT)


def test_item_key_must_be_a_column_name(draft):
    with pytest.raises(ValidationError) as error:
        services.item_create(version=draft, key="Elämä ja__työ", text_fi="?", type="text")
    assert "key" in error.value.message_dict


def test_option_key_is_unique_within_an_item(draft):
    item = draft.items.get(key="mood")
    with transaction.atomic(), pytest.raises(IntegrityError):
        Option.objects.create(item=item, key="v1", label_fi="yksi")
    other = draft.items.get(key="note")
    assert Option.objects.create(item=other, key="v1", label_fi="yksi").pk


def test_wave_key_is_unique_within_a_survey(wave):
    with transaction.atomic(), pytest.raises(IntegrityError):
        Wave.objects.create(survey=wave.survey, key="start", opens_at=timezone.now())


def test_wave_cannot_close_before_it_opens(wave):
    now = timezone.now()
    with transaction.atomic(), pytest.raises(IntegrityError):
        Wave.objects.create(
            survey=wave.survey, key="end", opens_at=now, closes_at=now - datetime.timedelta(1)
        )


def test_pairing_hash_is_unique_within_a_wave_but_blank_is_not(wave):
    today = datetime.date(2022, 5, 1)
    code = services.pairing_hash("kissa 42")
    Response.objects.create(wave=wave, submitted_on=today, pairing_hash=code)
    with transaction.atomic(), pytest.raises(IntegrityError):
        Response.objects.create(wave=wave, submitted_on=today, pairing_hash=code)
    Response.objects.create(wave=wave, submitted_on=today)
    Response.objects.create(wave=wave, submitted_on=today)
    end = Wave.objects.create(survey=wave.survey, key="end", opens_at=timezone.now())
    Response.objects.create(wave=end, submitted_on=today, pairing_hash=code)
    assert Response.objects.count() == 4


def test_response_stores_nothing_that_identifies_the_respondent():
    names = {field.name for field in Response._meta.get_fields()}
    assert names == {
        "id",
        "wave",
        "submitted_on",
        "pairing_hash",
        "municipality",
        "age_group",
        "gender",
        "answers",
    }
    assert Response._meta.get_field("submitted_on").get_internal_type() == "DateField"
    assert not any(f.related_model is Invitation for f in Response._meta.get_fields())


def test_answer_one_row_per_option_and_one_value_row(wave, draft):
    response = Response.objects.create(wave=wave, submitted_on=datetime.date.today())
    mood = draft.items.get(key="mood")
    option = mood.options.get(key="v2")
    Answer.objects.create(response=response, item=mood, option=option)
    with transaction.atomic(), pytest.raises(IntegrityError):
        Answer.objects.create(response=response, item=mood, option=option)
    note = draft.items.get(key="note")
    Answer.objects.create(response=response, item=note, text="hyvä")
    with transaction.atomic(), pytest.raises(IntegrityError):
        Answer.objects.create(response=response, item=note, text="toinen")


def test_published_version_refuses_changes(draft):
    services.version_publish(version=draft)
    draft.refresh_from_db()
    item = draft.items.get(key="mood")
    with pytest.raises(ValidationError):
        services.item_change(item=item, text_fi="Muutettu")
    with pytest.raises(ValidationError):
        services.item_create(version=draft, key="new", text_fi="?", type=Item.Type.TEXT)
    with pytest.raises(ValidationError):
        services.option_create(item=item, key="v6", label_fi="6", value=6)
    with pytest.raises(ValidationError):
        services.section_create(version=draft, title_fi="Uusi")
    with pytest.raises(ValidationError):
        services.item_delete(item=item)
    with pytest.raises(ValidationError):
        services.version_publish(version=draft)
    with pytest.raises(ValidationError):
        item.full_clean()  # the admin's forms go through clean() too
    item.refresh_from_db()
    assert item.text_fi == "Mieliala?"


def test_draft_can_be_changed_and_empty_draft_not_published(draft):
    item = services.item_change(item=draft.items.get(key="mood"), text_fi="Muutettu")
    assert Item.objects.get(pk=item.pk).text_fi == "Muutettu"
    empty = InstrumentVersion.objects.create(instrument=draft.instrument, number=2)
    with pytest.raises(ValidationError):
        services.version_publish(version=empty)


def test_new_version_from_copies_sections_items_and_options(draft):
    services.version_publish(version=draft)
    copy = services.new_version_from(version=draft)
    assert copy.number == 2
    assert not copy.is_published
    assert list(copy.items.values_list("key", flat=True)) == ["mood", "note"]
    mood = copy.items.get(key="mood")
    assert mood.section is not None and mood.section.version == copy
    assert mood.section.title_fi == "Osio"
    assert list(mood.options.values_list("key", "value")) == [(f"v{v}", v) for v in range(1, 6)]
    assert copy.items.get(key="note").section is None
    services.item_change(item=mood, text_fi="Uusi muotoilu")
    assert draft.items.get(key="mood").text_fi == "Mieliala?"
    assert Option.objects.filter(item__version=draft).count() == 5


def test_invitation_stores_only_the_token_hash_and_is_single_use(wave):
    invitation, token = services.invitation_create(wave=wave, email="a@example.org")
    assert token not in invitation.token_hash
    assert invitation.token_hash == services.invitation_token_hash(token)
    assert services.invitation_use(token=token).is_used
    with pytest.raises(ValidationError):
        services.invitation_use(token=token)
    with pytest.raises(ValidationError):
        services.invitation_use(token="wrong")
