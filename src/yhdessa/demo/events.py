"""The seed project's trainings and peer meetings, with sign-ups and attendance.

The records reproduce the report's theme table exactly: each training has as many sign-ups
as the theme's "ilmoittautuneita" and as many of them marked present as its "paikalla". The
report's background shares (30/23/26/21 %) cover six of the nine trainings; here they are the
six from April 2022 on (themes 4–9), and the first three trainings did not ask for a
background. The report's printed total of 235 present is stored as a hand-entered figure, so
that its difference from the records (213) shows.

Every person here is invented and marked as such: "Demo Osallistuja 17",
demo.osallistuja.17@example.invalid. Loading again replaces the sign-ups of these events.
"""

import datetime
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from django.db.models import QuerySet
from django.utils import timezone

from yhdessa.demo.directory import Places
from yhdessa.directory.models import Municipality
from yhdessa.events.models import Attendance, BackgroundCategory, Event, Registration, Theme
from yhdessa.events.statistics import PRESENT_TOTAL, REGISTERED_TOTAL, REPORTED_PREFIX
from yhdessa.projects.models import Project, ReportedFigure

HELSINKI = ZoneInfo("Europe/Helsinki")
EMAIL_DOMAIN = "example.invalid"
ONLINE = "Verkossa (Teams)"

CATEGORY_TRANSLATIONS = {  # Finnish name in facts.yaml → (Swedish, English)
    "Kuntien työntekijät": ("Kommunanställda", "Municipal employees"),
    "Järjestöt": ("Organisationer", "NGOs"),
    "Seurakunnat, ammattikorkeakoulut, pienyritykset, toiminimet": (
        "Församlingar, yrkeshögskolor, småföretag, enskilda näringsidkare",
        "Parishes, universities of applied sciences, small businesses, sole traders",
    ),
    "Muut asiasta kiinnostuneet": ("Andra intresserade", "Others interested in the subject"),
}

THEME_TRANSLATIONS = {
    "Osallisuuden vahvistaminen ja yksinäisyyden vähentäminen": (
        "Att stärka delaktighet och minska ensamhet",
        "Strengthening participation and reducing loneliness",
    ),
    "Unen ja levon merkitys työikäisen hyvinvoinnille": (
        "Sömnens och vilans betydelse för välbefinnandet i arbetsför ålder",
        "Why sleep and rest matter for the wellbeing of working-age people",
    ),
    "Hyvä kohtaaminen": ("Ett gott bemötande", "Good encounters"),
    "Kunta-järjestöyhteistyön näkyväksi tekeminen": (
        "Att synliggöra samarbetet mellan kommuner och organisationer",
        "Making municipal–NGO cooperation visible",
    ),
    "Huono-osaisuuden karttapalvelu": ("Karttjänsten för utsatthet", "The disadvantage map"),
    "Osallistuva budjetointi": ("Medborgarbudgetering", "Participatory budgeting"),
    "Kokemustoiminta tueksi kuntatyöhön": (
        "Erfarenhetsexpertis som stöd för kommunalt arbete",
        "Lived experience supporting municipal work",
    ),
    "Avoimet tilat": ("Öppna lokaler", "Open spaces"),
    "Tekoja ihmisten hyväksi": ("Handlingar för människor", "Deeds for people"),
}

PEER_MEETING_TRANSLATIONS = {
    "Hankkeen käynnistys": ("Projektets start", "Project kick-off"),
    "Yhdessä osallisuutta hankkeen arviointi – mitä tietoa kerätään": (
        "Utvärderingen av projektet – vilka uppgifter samlas in",
        "Evaluating the project – what data is collected",
    ),
    "Hankkeesta viestiminen": ("Kommunikation om projektet", "Communicating the project"),
    "Kehittämistoiminnan juurruttamisen perusteet": (
        "Grunderna i att förankra utvecklingsarbete",
        "Basics of embedding development work",
    ),
    "Juurruttamisen työpaja": ("Workshop om förankring", "Embedding workshop"),
    "Osallisuus kuuluu kaikille. Miten se tehdään?": (
        "Delaktighet hör till alla. Hur gör man det?",
        "Participation belongs to everyone. How is it done?",
    ),
    "Kumppanikuntien toimintamallien kokeilujen esittely ja kokemusten jakaminen": (
        "Partnerkommunernas försök med verksamhetsmodeller och erfarenhetsutbyte",
        "Partner municipalities' trials of operating models and sharing experiences",
    ),
}


@dataclass(frozen=True)
class Session:
    day: datetime.date
    municipality: str | None  # a partner municipality, or None for online
    location: str


# One per theme of facts.yaml, in its order (the report gives no dates; its themes are
# assumed to be in the order held): one in 2021, seven in 2022, one in 2023.
TRAINING_SESSIONS = [
    Session(datetime.date(2021, 11, 18), None, ONLINE),
    Session(datetime.date(2022, 2, 9), None, ONLINE),
    Session(datetime.date(2022, 3, 23), "Nivala", "Nivalan kaupungintalo, valtuustosali"),
    Session(datetime.date(2022, 4, 20), None, ONLINE),
    Session(datetime.date(2022, 5, 11), "Raahe", "Raahen kaupungintalo ja Teams"),
    Session(datetime.date(2022, 9, 7), None, ONLINE),
    Session(datetime.date(2022, 10, 12), "Haapavesi", "Haapaveden kaupungintalo ja Teams"),
    Session(datetime.date(2022, 11, 9), "Sievi", "Sievin kunnantalo ja Teams"),
    Session(datetime.date(2023, 2, 8), None, ONLINE),
]
#: The six trainings (0-based, in theme order) whose participants' backgrounds are known.
TRAININGS_WITH_BACKGROUND = (3, 4, 5, 6, 7, 8)

# (sign-ups, present) of each peer meeting, in date order: a few municipal workers each.
PEER_MEETING_ATTENDANCE = [(9, 8), (8, 7), (7, 6), (9, 7), (10, 8), (8, 8), (11, 9)]


def load(facts: dict[str, Any], *, project: Project, places: Places) -> list[Event]:
    if "trainings" not in facts:
        return []
    seed = facts["trainings"]
    categories = _load_categories(project, seed["participant_categories_six_trainings"])
    themes = _load_themes(project, seed["themes"])
    people = _People()
    trainings = _load_trainings(project, places, themes, seed["themes"], categories, people)
    shares = [row["share_pct"] for row in seed["participant_categories_six_trainings"]]
    _assign_backgrounds([trainings[i] for i in TRAININGS_WITH_BACKGROUND], categories, shares)
    meetings = _load_peer_meetings(project, places, facts.get("peer_meetings", {}), categories)
    _load_reported_figures(project, seed["totals"])
    return [*trainings, *meetings, _load_upcoming(project, places)]


def _load_upcoming(project: Project, places: Places) -> Event:
    """An open event four weeks ahead, so that a visitor of the demo can try signing up.
    It is not a training: the seed's training figures stay as they were."""
    day = (timezone.now() + datetime.timedelta(weeks=4)).astimezone(HELSINKI).date()
    return _event(
        project,
        places,
        kind=Event.Kind.OTHER,
        title_fi="Demo: Osallisuusilta Nivalassa",
        translations=("Demo: Delaktighetskväll i Nivala", "Demo: Participation evening in Nivala"),
        municipality_name="Nivala",
        description_fi=(
            "Keksitty esimerkkitapahtuma. Tule kertomaan, mitä toivot Nivalan järjestöiltä ja "
            "kaupungilta. Kahvitarjoilu. Tila on esteetön."
        ),
        location="Nivalan kirjasto, Kalliontie 15",
        capacity=20,
        waitlist_enabled=True,
        is_public=True,
        **_times(day, 17, 19) | {"registration_opens_at": None},
    )


def _load_categories(project: Project, rows: list[dict[str, Any]]) -> list[BackgroundCategory]:
    names = [row["category_fi"] for row in rows]
    return _load_ordered_names(BackgroundCategory, project, names, CATEGORY_TRANSLATIONS)


def _load_themes(project: Project, rows: list[dict[str, Any]]) -> list[Theme]:
    return _load_ordered_names(
        Theme, project, [row["theme_fi"] for row in rows], THEME_TRANSLATIONS
    )


def _load_ordered_names(
    model: Any, project: Project, names_fi: list[str], translations: dict[str, tuple[str, str]]
) -> list[Any]:
    """A project's ordered list of named things (themes, background categories), in fi/sv/en."""
    items = []
    for position, name_fi in enumerate(names_fi):
        name_sv, name_en = translations.get(name_fi, (None, None))
        item, _ = model.objects.update_or_create(
            project=project,
            name_fi=name_fi,
            defaults={"position": position, "name_sv": name_sv, "name_en": name_en},
        )
        items.append(item)
    return items


class _People:
    """Running numbers for invented people, so that every one has a name of their own."""

    def __init__(self) -> None:
        self.counters: dict[str, int] = {}

    def numbers(self, kind: str, count: int) -> range:
        start = self.counters.get(kind, 0) + 1
        self.counters[kind] = start + count - 1
        return range(start, start + count)


def _event(project: Project, places: Places, *, kind: str, title_fi: str, **fields: Any) -> Event:
    """The demo event of this kind and title, created or brought back to its seed state."""
    name_sv, name_en = fields.pop("translations", (None, None))
    municipality_name = fields.pop("municipality_name", None)
    event, _ = Event.objects.update_or_create(
        project=project,
        kind=kind,
        title_fi=title_fi,
        defaults={
            "title_sv": name_sv,
            "title_en": name_en,
            "municipality": places.municipalities.get(municipality_name or ""),
            "cancelled_at": None,
            **fields,
        },
    )
    event.organisers.set(places.implementers)
    # Demo events are reset: sign-ups and walk-ins are made again below.
    event.registrations.all().delete()
    event.walk_ins.all().delete()
    return event


def _times(day: datetime.date, start: int, end: int) -> dict[str, datetime.datetime]:
    starts = datetime.datetime.combine(day, datetime.time(start), tzinfo=HELSINKI)
    return {
        "starts_at": starts,
        "ends_at": datetime.datetime.combine(day, datetime.time(end), tzinfo=HELSINKI),
        "registration_opens_at": starts - datetime.timedelta(weeks=6),
        "registration_closes_at": starts - datetime.timedelta(days=2),
    }


def _load_trainings(
    project: Project,
    places: Places,
    themes: list[Theme],
    rows: list[dict[str, Any]],
    categories: list[BackgroundCategory],
    people: _People,
) -> list[Event]:
    if len(rows) > len(TRAINING_SESSIONS):
        raise ValueError(f"The demo has dates for {len(TRAINING_SESSIONS)} trainings only.")
    municipalities = list(places.municipalities.values())
    trainings = []
    for theme, row, session in zip(themes, rows, TRAINING_SESSIONS, strict=False):
        event = _event(
            project,
            places,
            kind=Event.Kind.TRAINING,
            title_fi=row["theme_fi"],
            translations=THEME_TRANSLATIONS.get(row["theme_fi"], (None, None)),
            municipality_name=session.municipality,
            theme=theme,
            description_fi=(
                "Yhdessä osallisuutta -hankkeen valmennus kuntien ja järjestöjen työntekijöille "
                "ja vapaaehtoisille. Ohjelmassa asiantuntijan alustus, kokemuspuheenvuoro ja "
                "keskustelua pienryhmissä."
            ),
            location=session.location,
            capacity=None,
            waitlist_enabled=True,
            is_public=True,
            **_times(session.day, 13, 16),
        )
        _sign_up(
            event,
            people.numbers("osallistuja", row["registered"]),
            present=row["attended"],
            municipalities=municipalities,
            person="Osallistuja",
        )
        trainings.append(event)
    return trainings


def _sign_up(
    event: Event,
    numbers: range,
    *,
    present: int,
    municipalities: Sequence[Municipality],
    person: str,
    background: BackgroundCategory | None = None,
) -> None:
    """``len(numbers)`` confirmed sign-ups, the first ``present`` of them marked present."""
    signed_up_at = event.starts_at - datetime.timedelta(days=10)
    slug = person.lower().replace("ö", "o").replace("ä", "a")
    Registration.objects.bulk_create(
        Registration(
            event=event,
            name=f"Demo {person} {number}",
            email=f"demo.{slug}.{number}@{EMAIL_DOMAIN}",
            municipality=municipalities[number % len(municipalities)] if municipalities else None,
            background=background,
            status=Registration.Status.CONFIRMED,
            attendance=Attendance.PRESENT if index < present else Attendance.ABSENT,
            consent_at=signed_up_at,
        )
        for index, number in enumerate(numbers)
    )
    # created_at is set on insert; the sign-ups were made before the event.
    event.registrations.update(created_at=signed_up_at)


def _assign_backgrounds(
    events: list[Event], categories: list[BackgroundCategory], shares: list[int]
) -> None:
    """Backgrounds for the sign-ups of ``events``: those present in the printed shares."""
    registrations = Registration.objects.filter(event__in=events).order_by("event__starts_at", "pk")
    present = registrations.filter(attendance=Attendance.PRESENT)
    absent = registrations.exclude(attendance=Attendance.PRESENT)
    for group in (present, absent):
        _set_backgrounds(group, categories, apportion(group.count(), shares))


def _set_backgrounds(
    registrations: QuerySet[Registration], categories: list[BackgroundCategory], counts: list[int]
) -> None:
    """Give the registrations (in order) categories interleaved evenly, ``counts`` of each."""
    ids: dict[int, list[int]] = {category.pk: [] for category in categories}
    picks = interleave(counts)
    for pk, index in zip(registrations.values_list("pk", flat=True), picks, strict=True):
        ids[categories[index].pk].append(pk)
    for category_id, pks in ids.items():
        Registration.objects.filter(pk__in=pks).update(background_id=category_id)


def apportion(total: int, shares: Sequence[int | float]) -> list[int]:
    """Whole numbers in proportion to ``shares`` that add up to ``total`` (largest remainder)."""
    whole = sum(shares)
    exact = [Decimal(total) * Decimal(share) / Decimal(whole) for share in shares]
    counts = [int(value) for value in exact]
    by_remainder = sorted(range(len(exact)), key=lambda i: exact[i] - counts[i], reverse=True)
    for index in by_remainder[: total - sum(counts)]:
        counts[index] += 1
    return counts


def interleave(counts: Sequence[int]) -> Iterator[int]:
    """Indexes 0…n-1, ``counts[i]`` of each, spread evenly (smooth weighted round robin)."""
    total = sum(counts)
    current = [0] * len(counts)
    for _ in range(total):
        current = [value + count for value, count in zip(current, counts, strict=True)]
        chosen = max(range(len(counts)), key=lambda i: current[i])
        current[chosen] -= total
        yield chosen


def _load_peer_meetings(
    project: Project, places: Places, seed: dict[str, Any], categories: list[BackgroundCategory]
) -> list[Event]:
    """The printed peer meetings, invitation-only, for the partner municipalities' workers."""
    municipal_workers = categories[0] if categories else None
    people = _People()
    meetings = []
    for row, (registered, present) in zip(
        seed.get("meetings", []), PEER_MEETING_ATTENDANCE, strict=False
    ):
        event = _event(
            project,
            places,
            kind=Event.Kind.PEER_MEETING,
            title_fi=row["title_fi"],
            translations=PEER_MEETING_TRANSLATIONS.get(row["title_fi"], (None, None)),
            description_fi=seed.get("purpose_fi", ""),
            location=ONLINE,
            capacity=30,
            waitlist_enabled=False,
            is_public=False,
            **_times(row["date"], 9, 11),
        )
        _sign_up(
            event,
            people.numbers("kuntatyontekija", registered),
            present=present,
            municipalities=list(places.municipalities.values()),
            person="Kuntatyöntekijä",
            background=municipal_workers,
        )
        meetings.append(event)
    return meetings


def _load_reported_figures(project: Project, totals: dict[str, int]) -> None:
    prefix = REPORTED_PREFIX[Event.Kind.TRAINING]
    figures = {
        PRESENT_TOTAL: (
            totals["attended"],
            "Osallistujia yhteensä",
            "Raportin teemataulukon paikallaolijoiden summa on 213.",
        ),
        REGISTERED_TOTAL: (totals["registered"], "Ilmoittautuneita yhteensä", ""),
    }
    for suffix, (value, label, note) in figures.items():
        ReportedFigure.objects.update_or_create(
            project=project,
            key=f"{prefix}.{suffix}",
            defaults={
                "value": Decimal(value),
                "label": label,
                "source": "Hankkeen loppuraportti: valmennukset",
                "note": note,
            },
        )
