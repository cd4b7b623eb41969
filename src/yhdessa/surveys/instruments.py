"""The two instruments shipped with Yhdessä, as data, and their idempotent loader.

``load_instruments()`` never edits a published version: when the shipped content differs from
an instrument's latest version it publishes a new version, otherwise it changes nothing. Item
and option keys are the column names of the survey spreadsheet format.
"""

from typing import Any

from django.db import transaction

from yhdessa.surveys import services
from yhdessa.surveys.models import Instrument, InstrumentVersion, Item, Option, Section

Text = tuple[str, str, str]  # fi, sv, en
LANGS = ("fi", "sv", "en")

GOOD_BAD_SCALE: list[tuple[str, int, Text]] = [
    ("very_good", 1, ("erittäin hyvä", "mycket bra", "very good")),
    ("good", 2, ("hyvä", "bra", "good")),
    ("neutral", 3, ("ei hyvä eikä huono", "varken bra eller dålig", "neither good nor bad")),
    ("bad", 4, ("huono", "dålig", "bad")),
    ("very_bad", 5, ("erittäin huono", "mycket dålig", "very bad")),
]

AGREE_SCALE: list[tuple[str, int, Text]] = [
    ("disagree", 1, ("täysin eri mieltä", "helt av annan åsikt", "strongly disagree")),
    ("rather_disagree", 2, ("jokseenkin eri mieltä", "delvis av annan åsikt", "tend to disagree")),
    ("neutral", 3, ("en samaa enkä eri mieltä", "varken av samma eller annan åsikt", "neither")),
    ("rather_agree", 4, ("jokseenkin samaa mieltä", "delvis av samma åsikt", "tend to agree")),
    ("agree", 5, ("täysin samaa mieltä", "helt av samma åsikt", "strongly agree")),
]

LIFE_AREAS: list[tuple[str, Text]] = [
    ("work", ("Työ", "Arbete", "Work")),
    ("income", ("Taloudellinen toimeentulo", "Ekonomisk försörjning", "Financial income")),
    ("lifestyle", ("Elintavat", "Levnadsvanor", "Lifestyle")),
    ("relationships", ("Ihmissuhteet", "Relationer", "Relationships")),
    ("housing", ("Asuminen", "Boende", "Housing")),
    ("safety", ("Turvallisuuden tunne", "Känsla av trygghet", "Feeling of safety")),
    ("environment", ("Elinympäristö", "Livsmiljö", "Living environment")),
    ("leisure", ("Harrastukset ja vapaa-aika", "Hobbyer och fritid", "Hobbies and leisure")),
    ("mental_wellbeing", ("Mielen hyvinvointi", "Psykiskt välbefinnande", "Mental wellbeing")),
    ("health", ("Terveys", "Hälsa", "Health")),
    (
        "remote_services",
        (
            "Taidot käyttää etäpalveluja",
            "Färdigheter att använda distanstjänster",
            "Skills for using remote services",
        ),
    ),
]

SCALE_HELP: Text = (
    "1 = erittäin hyvä, 5 = erittäin huono",
    "1 = mycket bra, 5 = mycket dålig",
    "1 = very good, 5 = very bad",
)

INVEST_OPTIONS: list[tuple[str, Text]] = [
    ("work", ("Työ", "Arbete", "Work")),
    ("income", ("Toimeentulo", "Försörjning", "Income")),
    ("leisure", ("Harrastukset", "Hobbyer", "Hobbies")),
    (
        "help_services",
        (
            "Avun ja palvelujen saanti silloin, kun niitä tarvitsen",
            "Att få hjälp och tjänster när jag behöver dem",
            "Getting help and services when I need them",
        ),
    ),
    ("housing", ("Asuminen", "Boende", "Housing")),
    ("environment", ("Elinympäristö", "Livsmiljö", "Living environment")),
    ("safety", ("Turvallisuus", "Trygghet", "Safety")),
    (
        "meeting_places",
        ("Paikat, joissa voi tavata muita", "Platser där man kan träffa andra", "Places to meet"),
    ),
    (
        "remote_services",
        (
            "Apu etäpalvelujen käyttöön",
            "Hjälp att använda distanstjänster",
            "Help with remote services",
        ),
    ),
    ("other", ("Jokin muu", "Något annat", "Something else")),
]


def _options(choices: list[tuple[str, Text]]) -> list[dict[str, Any]]:
    return [{"key": key, "label": label, "value": None} for key, label in choices]


def _scale(choices: list[tuple[str, int, Text]]) -> list[dict[str, Any]]:
    return [{"key": key, "label": label, "value": value} for key, value, label in choices]


def _life_items() -> list[dict[str, Any]]:
    whole = {
        "key": "life_whole",
        "text": (
            "Millaista elämäsi on nyt kokonaisuutena?",
            "Hur är ditt liv just nu som helhet?",
            "How is your life as a whole right now?",
        ),
    }
    areas = [{"key": f"life_{key}", "text": label} for key, label in LIFE_AREAS]
    return [
        {
            **item,
            "help": SCALE_HELP,
            "type": Item.Type.SCALE_1_5,
            "required": False,
            "lower_is_better": True,
            "options": _scale(GOOD_BAD_SCALE),
        }
        for item in [whole, *areas]
    ]


ARKI_JA_ELAMA: dict[str, Any] = {
    "key": "arki-ja-elama",
    "name": ("Minun arkeni ja elämäni", "Min vardag och mitt liv", "My everyday life"),
    "sections": [
        {
            "title": ("Elämäsi nyt", "Ditt liv nu", "Your life now"),
            "items": _life_items(),
        },
        {
            "title": ("Muutos", "Förändring", "Change"),
            "items": [
                {
                    "key": "need_for_change",
                    "text": (
                        "Kaipaatko muutosta arkeesi ja elämääsi?",
                        "Önskar du förändring i din vardag och ditt liv?",
                        "Would you like a change in your everyday life?",
                    ),
                    "type": Item.Type.SINGLE,
                    "options": _options(
                        [
                            (
                                "none",
                                (
                                    "Arkeni ja elämäni on riittävän hyvää enkä kaipaa muutosta",
                                    "Min vardag och mitt liv är tillräckligt bra och jag önskar "
                                    "ingen förändring",
                                    "My everyday life is good enough and I want no change",
                                ),
                            ),
                            (
                                "small",
                                (
                                    "Kaipaan pientä muutosta",
                                    "Jag önskar en liten förändring",
                                    "I would like a small change",
                                ),
                            ),
                            (
                                "big",
                                (
                                    "Kaipaan isoa muutosta",
                                    "Jag önskar en stor förändring",
                                    "I would like a big change",
                                ),
                            ),
                        ]
                    ),
                },
                {
                    "key": "change_areas",
                    "text": (
                        "Mihin asioihin kaipaat muutosta?",
                        "Vad önskar du förändring i?",
                        "What would you like to change?",
                    ),
                    "help": (
                        "Voit valita monta.",
                        "Du kan välja flera.",
                        "You can choose more than one.",
                    ),
                    "type": Item.Type.MULTIPLE,
                    "options": _options(LIFE_AREAS),
                },
            ],
        },
        {
            "title": ("Kunta", "Kommunen", "The municipality"),
            "items": [
                {
                    "key": "invest_in",
                    "text": (
                        "Mihin kunnan pitäisi mielestäsi panostaa?",
                        "Vad borde kommunen satsa på, tycker du?",
                        "What should the municipality invest in, in your view?",
                    ),
                    "help": (
                        "Voit valita monta.",
                        "Du kan välja flera.",
                        "You can choose more than one.",
                    ),
                    "type": Item.Type.MULTIPLE,
                    "options": _options(INVEST_OPTIONS),
                },
                {
                    "key": "comments",
                    "text": (
                        "Mitä muuta haluat sanoa?",
                        "Vill du säga något mer?",
                        "Is there anything else you want to say?",
                    ),
                    "type": Item.Type.TEXT,
                },
            ],
        },
    ],
}

PARTNER_STATEMENTS: list[tuple[str, Text]] = [
    (
        "learned_participation",
        (
            "Sain hankkeesta uutta tietoa osallisuuden edistämisestä.",
            "Jag fick ny kunskap om att främja delaktighet genom projektet.",
            "I gained new knowledge about promoting participation.",
        ),
    ),
    (
        "ngo_cooperation",
        (
            "Osaamiseni kunnan ja järjestöjen yhteistyöstä lisääntyi.",
            "Mitt kunnande om samarbete mellan kommunen och organisationer ökade.",
            "My skills in cooperation between the municipality and NGOs grew.",
        ),
    ),
    (
        "village_councils",
        (
            "Tietoni yhteistyöstä esimerkiksi kyläneuvostojen kanssa lisääntyi.",
            "Min kunskap om samarbete till exempel med byråd ökade.",
            "I learned more about cooperating with, for example, village councils.",
        ),
    ),
    (
        "new_activities",
        (
            "Pystyimme kokeilemaan uutta toimintaa järjestöjen kanssa.",
            "Vi kunde pröva ny verksamhet tillsammans med organisationer.",
            "We could try out new activities with NGOs.",
        ),
    ),
    (
        "learned_evaluation",
        (
            "Opin lisää osallisuuden arvioinnista.",
            "Jag lärde mig mer om att utvärdera delaktighet.",
            "I learned more about evaluating participation.",
        ),
    ),
]

KUMPPANIKYSELY: dict[str, Any] = {
    "key": "kumppanikysely",
    "name": ("Kumppanikysely", "Partnerenkät", "Partner feedback survey"),
    "sections": [
        {
            "title": ("Mitä hanke toi kunnallenne?", "Vad gav projektet er kommun?", "Results"),
            "items": [
                {
                    "key": key,
                    "text": text,
                    "help": (
                        "1 = täysin eri mieltä, 5 = täysin samaa mieltä",
                        "1 = helt av annan åsikt, 5 = helt av samma åsikt",
                        "1 = strongly disagree, 5 = strongly agree",
                    ),
                    "type": Item.Type.SCALE_1_5,
                    "lower_is_better": False,
                    "options": _scale(AGREE_SCALE),
                }
                for key, text in PARTNER_STATEMENTS
            ],
        },
        {
            "title": ("Palaute", "Respons", "Feedback"),
            "items": [
                {
                    "key": "feedback",
                    "text": (
                        "Mitä muuta haluat kertoa yhteistyöstä hankkeen kanssa?",
                        "Vad vill du mer berätta om samarbetet med projektet?",
                        "What else would you like to tell about working with the project?",
                    ),
                    "type": Item.Type.TEXT,
                }
            ],
        },
    ],
}

INSTRUMENTS: list[dict[str, Any]] = [ARKI_JA_ELAMA, KUMPPANIKYSELY]


def _translated(name: str, text: Text) -> dict[str, str]:
    return {f"{name}_{lang}": value for lang, value in zip(LANGS, text, strict=True)}


def _normalised_spec(spec: dict[str, Any]) -> list[Any]:
    """The shipped content in the same shape as ``_version_content`` returns."""
    sections = []
    for section in spec["sections"]:
        items = [
            (
                item["key"],
                tuple(item["text"]),
                tuple(item.get("help", ("", "", ""))),
                str(item["type"]),
                item.get("required", False),
                item.get("lower_is_better", True),
                [(o["key"], tuple(o["label"]), o["value"]) for o in item.get("options", [])],
            )
            for item in section["items"]
        ]
        sections.append((tuple(section["title"]), items))
    return sections


def _version_content(version: InstrumentVersion) -> list[Any]:
    sections = []
    for section in version.sections.prefetch_related("items__options"):
        items = [
            (
                item.key,
                tuple(getattr(item, f"text_{lang}") or "" for lang in LANGS),
                tuple(getattr(item, f"help_{lang}") or "" for lang in LANGS),
                item.type,
                item.required,
                item.lower_is_better,
                [
                    (o.key, tuple(getattr(o, f"label_{lang}") or "" for lang in LANGS), o.value)
                    for o in item.options.all()
                ],
            )
            for item in section.items.all()
        ]
        sections.append((tuple(getattr(section, f"title_{lang}") or "" for lang in LANGS), items))
    return sections


def _create_version(instrument: Instrument, spec: dict[str, Any]) -> InstrumentVersion:
    latest = instrument.versions.order_by("-number").first()
    version = InstrumentVersion.objects.create(
        instrument=instrument, number=latest.number + 1 if latest else 1
    )
    item_position = 0
    for s_pos, s_spec in enumerate(spec["sections"]):
        section = Section.objects.create(
            version=version, position=s_pos, **_translated("title", s_spec["title"])
        )
        for i_spec in s_spec["items"]:
            item = Item.objects.create(
                version=version,
                section=section,
                key=i_spec["key"],
                type=i_spec["type"],
                required=i_spec.get("required", False),
                lower_is_better=i_spec.get("lower_is_better", True),
                position=item_position,
                **_translated("text", i_spec["text"]),
                **_translated("help", i_spec.get("help", ("", "", ""))),
            )
            item_position += 1
            Option.objects.bulk_create(
                Option(
                    item=item,
                    key=o_spec["key"],
                    value=o_spec["value"],
                    position=o_pos,
                    **_translated("label", o_spec["label"]),
                )
                for o_pos, o_spec in enumerate(i_spec.get("options", []))
            )
    return services.version_publish(version=version)


@transaction.atomic
def load_instrument(spec: dict[str, Any]) -> InstrumentVersion:
    """The published version holding ``spec``: the latest one if it already matches, else new."""
    instrument, _ = Instrument.objects.update_or_create(
        key=spec["key"], defaults=_translated("name", spec["name"])
    )
    latest = instrument.versions.filter(published_at__isnull=False).order_by("-number").first()
    if latest is not None and _version_content(latest) == _normalised_spec(spec):
        return latest
    return _create_version(instrument, spec)


def load_instruments() -> dict[str, InstrumentVersion]:
    return {spec["key"]: load_instrument(spec) for spec in INSTRUMENTS}
