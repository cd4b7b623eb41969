"""A small survey with one item of each type, for the answering and invitation tests."""

from datetime import timedelta

from django.utils import timezone

from tests.conftest import World
from yhdessa.surveys import services
from yhdessa.surveys.models import Instrument, InstrumentVersion, Item, Survey, Wave

SCALE = [
    ("very_good", "erittäin hyvä", "mycket bra"),
    ("good", "hyvä", "bra"),
    ("neutral", "ei hyvä eikä huono", "varken bra eller dålig"),
    ("bad", "huono", "dålig"),
    ("very_bad", "erittäin huono", "mycket dålig"),
]


def answer_instrument(extra_items: int = 0) -> InstrumentVersion:
    """Scale (required), single, multiple (required), number and text; ``extra_items`` more
    scale items to show that the form page's queries do not grow with the items."""
    instrument = Instrument.objects.create(key=f"testikysely-{extra_items}", name_fi="Testikysely")
    version = InstrumentVersion.objects.create(instrument=instrument, number=1)
    section = services.section_create(
        version=version, title_fi="Arki", title_sv="Vardag", position=0
    )

    def item(key: str, kind: str, fi: str, sv: str, options=(), **fields) -> Item:
        created = services.item_create(
            version=version, section=section, key=key, type=kind, text_fi=fi, text_sv=sv, **fields
        )
        for position, (option_key, label_fi, label_sv, value) in enumerate(options):
            services.option_create(
                item=created,
                key=option_key,
                label_fi=label_fi,
                label_sv=label_sv,
                value=value,
                position=position,
            )
        return created

    scale = [(key, fi, sv, value) for value, (key, fi, sv) in enumerate(SCALE, start=1)]
    item(
        "mood",
        Item.Type.SCALE_1_5,
        "Millainen päiväsi on ollut?",
        "Hur har din dag varit?",
        scale,
        required=True,
        help_fi="1 = erittäin hyvä, 5 = erittäin huono",
        position=0,
    )
    item(
        "change",
        Item.Type.SINGLE,
        "Kaipaatko muutosta?",
        "Önskar du förändring?",
        [
            ("none", "En", "Nej", None),
            ("small", "Pientä", "Liten", None),
            ("big", "Isoa", "Stor", None),
        ],
        position=1,
    )
    item(
        "areas",
        Item.Type.MULTIPLE,
        "Mihin kaipaat muutosta?",
        "Vad önskar du förändring i?",
        [
            ("work", "Työ", "Arbete", None),
            ("housing", "Asuminen", "Boende", None),
            ("health", "Terveys", "Hälsa", None),
        ],
        required=True,
        position=2,
    )
    item("visits", Item.Type.NUMBER, "Montako kertaa kävit?", "Hur många gånger?", position=3)
    item("comments", Item.Type.TEXT, "Mitä muuta haluat sanoa?", "Något mer?", position=4)
    for number in range(extra_items):
        item(
            f"extra_{number}",
            Item.Type.SCALE_1_5,
            f"Lisäkysymys {number}",
            f"Extra {number}",
            scale,
            position=10 + number,
        )
    return services.version_publish(version=version)


def answer_survey(world: World, *, municipality=None, extra_items: int = 0) -> Survey:
    """A survey of the world's (public) project: ``start`` open now, ``end`` in a month and
    ``old`` closed a week ago."""
    now = timezone.now()
    survey = Survey.objects.create(
        project=world.project,
        instrument_version=answer_instrument(extra_items),
        title_fi="Testikysely",
        title_sv="Testenkät",
        municipality=municipality,
    )
    waves = [
        ("start", "Aloitus", now - timedelta(days=1), now + timedelta(days=14)),
        ("end", "Lopetus", now + timedelta(days=30), now + timedelta(days=60)),
        ("old", "Vanha", now - timedelta(days=30), now - timedelta(days=7)),
    ]
    for position, (key, label, opens, closes) in enumerate(waves):
        Wave.objects.create(
            survey=survey,
            key=key,
            label_fi=label,
            opens_at=opens,
            closes_at=closes,
            position=position,
        )
    return survey


def valid_answers(world: World) -> dict[str, object]:
    return {
        "q_mood": "good",
        "q_change": "small",
        "q_areas": ["work", "health"],
        "q_visits": "3,5",
        "q_comments": "Kiitos illasta!",
        "municipality": world.nivala.pk,
        "age_group": "65_plus",
        "gender": "woman",
        "pairing_code": "",
    }
