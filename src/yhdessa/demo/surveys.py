"""The seed's life-situation survey, its partner survey of autumn 2022 and one open demo survey.

*Minun arkeni ja elämäni* was answered by 51 people at the start of the municipalities'
experiments and by 32 at the end (facts.yaml, ``evaluation_survey``). The answers here are
invented so that the report's figures come out of the records: the counts behind its
percentages, the means of three life areas, the best and worst areas and its four subgroup
findings. They are drawn with a fixed random generator and checked while they are planned, so
a change that would miss a printed figure stops the loading instead of quietly giving another
demo. Twenty-five people answered both waves under the same pairing code ("demo-01" …),
stored only as its keyed hash, and their end answers stay close to their start answers.
The report's printed numbers of answers to "Kaipaatko muutosta?" (51 and 31, where its
percentages imply 47 and 32) are kept as printed figures for the report's discrepancy check.

The partner survey of late 2022 has the report's 13 invitations and 6 answers. A third survey,
"Demo: …", is open now so that a visitor can try the answering form. Free-text answers begin
with "Esimerkkivastaus". Loading again deletes and remakes the answers and invitations of
these surveys: they are a fixture, not anybody's data.
"""

import datetime
import random
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any
from zoneinfo import ZoneInfo

from django.utils import timezone

from yhdessa.demo.directory import Places
from yhdessa.directory.models import Municipality
from yhdessa.events.models import Event
from yhdessa.projects.models import Project, ReportedFigure
from yhdessa.surveys import services
from yhdessa.surveys.instruments import LIFE_AREAS, load_instruments
from yhdessa.surveys.models import (
    Answer,
    InstrumentVersion,
    Invitation,
    Option,
    Response,
    Survey,
    Wave,
)
from yhdessa.surveys.results import reported_answers_key

HELSINKI = ZoneInfo("Europe/Helsinki")
SEED = 2022
START, END = "start", "end"
#: A subgroup named in a finding has at least this many respondents, so that the finding is
#: not hidden by small-number protection (its default threshold).
MIN_GROUP = 5
#: How much higher (in share of the group) a finding's "clearly higher" has to be.
CLEAR_DIFFERENCE = Fraction(15, 100)
EXAMPLE = "Esimerkkivastaus: "

LIFE_TITLE = ("Minun arkeni ja elämäni", "Min vardag och mitt liv", "My everyday life")
PARTNER_TITLE = ("Kumppanikysely 2022", "Partnerenkät 2022", "Partner survey 2022")
OPEN_TITLE = (
    "Demo: Palautetta osallisuusillasta",
    "Demo: Respons på delaktighetskvällen",
    "Demo: Feedback on the participation evening",
)


@dataclass(frozen=True)
class WaveSpec:
    key: str
    label: tuple[str, str, str]
    opens: datetime.date
    closes: datetime.date


LIFE_WAVES = [
    WaveSpec(
        START, ("Aloitus", "Start", "Start"), datetime.date(2022, 2, 1), datetime.date(2022, 5, 31)
    ),
    WaveSpec(
        END, ("Lopetus", "Slut", "End"), datetime.date(2023, 2, 1), datetime.date(2023, 5, 31)
    ),
]
#: The waves as the report's own text names them ("aloitus n=51 lopetus n=32").
WAVE_NAMES_FI = {START: "aloitus", END: "lopetus"}
PARTNER_WAVE = WaveSpec(
    "autumn-2022",
    ("Syksy 2022", "Hösten 2022", "Autumn 2022"),
    datetime.date(2022, 11, 14),
    datetime.date(2022, 12, 9),
)


@dataclass(frozen=True)
class Background:
    municipalities: dict[str, int]
    age_groups: dict[str, int]
    genders: dict[str, int]
    codes: int = 0  # how many of them wrote a pairing code (only the paired ones match)


# Respondents who answered both waves, only the start, and only the end. The municipalities
# follow the sizes of their experiments (Utajärvi's full bus, few in Haapavesi); most are of
# working age, the project's target group, and more women than men answered.
PAIRED = Background(
    {"Utajärvi": 9, "Raahe": 7, "Nivala": 4, "Sievi": 2, "Haapavesi": 2, "Reisjärvi": 1},
    {"18_29": 5, "30_49": 8, "50_64": 9, "65_plus": 3},
    {"woman": 14, "man": 9, "other": 1, "no_answer": 1},
    codes=25,
)
START_ONLY = Background(
    {"Utajärvi": 9, "Raahe": 7, "Nivala": 3, "Sievi": 3, "Haapavesi": 1, "Reisjärvi": 3},
    {"18_29": 5, "30_49": 8, "50_64": 9, "65_plus": 4},
    {"woman": 14, "man": 10, "other": 1, "no_answer": 1},
    codes=4,  # wrote a code but did not answer at the end
)
END_ONLY = Background(
    {"Utajärvi": 2, "Raahe": 2, "Nivala": 1, "Sievi": 1, "Reisjärvi": 1},
    {"18_29": 1, "30_49": 2, "50_64": 2, "65_plus": 2},
    {"woman": 4, "man": 3},
    codes=2,  # wrote a code that matches no start answer (a new participant, or mistyped)
)

# Counts (start, end) of the options whose figures the report does not print.
CHANGE_AREAS_OTHER = {
    "relationships": (12, 8),
    # Enough choosers outside 50–64 too, so that the 50–64 share survives small-number
    # protection (the rest of the respondents must not be a small group either).
    "remote_services": (13, 8),
    "housing": (5, 3),
    "safety": (3, 2),
    "environment": (4, 2),
    "leisure": (8, 5),
    "mental_wellbeing": (11, 7),
    "health": (9, 6),
}
INVEST_IN_OTHER = {
    "income": (12, 8),
    "housing": (6, 4),
    "environment": (5, 3),
    "safety": (4, 2),
    "meeting_places": (14, 9),
    "remote_services": (7, 4),
    "other": (2, 1),
}
# Means (start, end) of the life areas whose figures the report does not print. The report
# names safety and the living environment the best areas, work and income the worst.
OTHER_MEANS = {
    "life_whole": ("2.6", "2.5"),
    "life_relationships": ("2.4", "2.4"),
    "life_housing": ("2.3", "2.3"),
    "life_safety": ("2.0", "2.0"),
    "life_environment": ("2.1", "2.0"),
    "life_leisure": ("2.6", "2.5"),
    "life_mental_wellbeing": ("2.6", "2.5"),
    "life_health": ("2.5", "2.5"),
    "life_remote_services": ("2.5", "2.4"),
}
# Blank answers (start, end) of scale items; work is left blank mostly by the retired.
SCALE_BLANKS = {
    "life_work": (2, 1),
    "life_income": (1, 0),
    "life_health": (1, 0),
    "life_remote_services": (2, 1),
}

# Leanings of a group towards an option (added to a random number between 0 and 1 when the
# answers are drawn). They make the report's subgroup findings and a few plausible patterns.
LEANINGS: dict[tuple[str, str], dict[str, float]] = {
    ("change_areas", "relationships"): {"18_29": 0.8},
    ("change_areas", "income"): {"18_29": -0.2},
    ("change_areas", "work"): {"65_plus": -0.5},
    ("change_areas", "remote_services"): {"50_64": 0.3, "30_49": 0.1, "65_plus": -0.3},
    ("invest_in", "leisure"): {"man": 0.2, "woman": -0.05},
    ("invest_in", "help_services"): {"woman": 0.2, "man": -0.15},
    ("life_work", "65_plus"): {"blank": 2.0},
}
# Points added to a group's ratings of an area before rounding (1 = very good, 5 = very bad).
RATING_SHIFTS = {
    ("life_relationships", "18_29"): 0.5,
    ("life_remote_services", "50_64"): 0.6,
    ("life_remote_services", "65_plus"): 0.4,
    ("life_health", "65_plus"): 0.3,
}
NEED_SHIFT = {"none": -0.6, "small": 0.0, "big": 0.7}
#: How a paired respondent's rating changes from start to end.
DRIFT = (-1, 0, 0, 0, 0, 0, 1)

COMMENTS = {
    START: [
        "Toivoisin, että kylällä olisi enemmän yhteistä tekemistä myös iltaisin.",
        "Bussi keskustaan kulkee harvoin, joten harrastuksiin on vaikea päästä.",
        "Olisi hyvä, jos apua sähköisiin palveluihin saisi kirjastosta.",
        "Työnhaku on ollut raskasta. Ryhmässä on helpompi jutella.",
        "Kiva, että kysytään meidän mielipidettä.",
    ],
    END: [
        "Ryhmästä sain uusia tuttuja ja syyn lähteä kotoa.",
        "Toivon, että toiminta jatkuu hankkeen jälkeenkin.",
        "Opastus etäpalveluihin auttoi. Osaan nyt varata ajan itse.",
    ],
}

# The six partners' answers to the statements (1 = strongly disagree … 5 = strongly agree)
# and the day each answered. The report: half learned about promoting participation, two about
# evaluating it, and most about NGO cooperation, village councils and trying new activities.
PARTNER_STATEMENTS = (
    "learned_participation",
    "ngo_cooperation",
    "village_councils",
    "new_activities",
    "learned_evaluation",
)
PARTNER_ANSWERS: list[tuple[datetime.date, tuple[int, ...], str]] = [
    (
        datetime.date(2022, 11, 15),
        (5, 5, 4, 5, 4),
        "Valmennukset olivat hyödyllisiä, ja vertaistapaamisissa sai ideoita muiden kuntien "
        "kokeiluista.",
    ),
    (datetime.date(2022, 11, 16), (4, 4, 4, 4, 3), ""),
    (
        datetime.date(2022, 11, 21),
        (4, 5, 5, 4, 2),
        "Kyläneuvoston kanssa aloitettu yhteistyö jatkuu ensi vuonna.",
    ),
    (datetime.date(2022, 11, 24), (3, 4, 3, 4, 4), ""),
    (datetime.date(2022, 11, 30), (3, 4, 4, 5, 3), ""),
    (datetime.date(2022, 12, 5), (2, 3, 4, 3, 2), ""),
]
#: The report's partner findings (facts.yaml) and the statement each one is about.
PARTNER_FINDING_ITEMS = {
    "kunta-järjestötyöhön liittyvä osaaminen on lisääntynyt": "ngo_cooperation",
    "tieto yhteistyön edistämisestä esimerkiksi kyläneuvostojen kanssa on lisääntynyt": (
        "village_councils"
    ),
    "on voitu kokeilla uutta toimintaa järjestöjen kanssa": "new_activities",
    "Puolet vastaajista koki saaneensa uutta tietoa osallisuuden edistämisestä": (
        "learned_participation"
    ),
    "Kaksi vastaajaa koki oppineensa lisää osallisuuden arvioinnista": "learned_evaluation",
}
AGREE = 4  # 4 = tend to agree, 5 = strongly agree


class DemoTargetMissed(Exception):
    """The planned answers do not give a figure of the report: the demo would be wrong."""


def _expect(condition: bool, message: str) -> None:
    if not condition:
        raise DemoTargetMissed(message)


def load(facts: dict[str, Any], *, project: Project, places: Places) -> None:
    versions = load_instruments()
    if "evaluation_survey" in facts:
        _load_life_survey(facts["evaluation_survey"], project, places, versions["arki-ja-elama"])
        _load_reported_figures(facts["evaluation_survey"], project)
    if "partner_feedback_survey" in facts:
        _load_partner_survey(facts["partner_feedback_survey"], project, versions["kumppanikysely"])
    _load_open_survey(project, places, versions["arki-ja-elama"])


# --- The plan: answers in memory, checked against the report before anything is saved ---


@dataclass(eq=False)
class Sheet:
    """One filled-in questionnaire, planned before it is saved."""

    municipality: str = ""
    age_group: str = ""
    gender: str = ""
    code: str = ""
    before: "Sheet | None" = None  # the same person's start answers, for a paired end answer
    submitted_on: datetime.date | None = None
    chosen: dict[str, set[str]] = field(default_factory=dict)  # item → options (single/multiple)
    points: dict[str, int] = field(default_factory=dict)  # scale item → point
    texts: dict[str, str] = field(default_factory=dict)

    def had(self, item: str, option: str | None = None) -> bool:
        """Whether this person answered ``item`` (with ``option``) at the start."""
        if self.before is None:
            return False
        chosen = self.before.chosen.get(item, set())
        return bool(chosen) if option is None else option in chosen

    def leaning(self, item: str, option: str) -> float:
        lean = LEANINGS.get((item, option), {})
        return lean.get(self.age_group, 0.0) + lean.get(self.gender, 0.0)


@dataclass(frozen=True)
class Targets:
    """What the report says about one wave, with the option keys of the instrument."""

    respondents: int
    need: dict[str, int]
    change_answered: int
    change: dict[str, int]
    invest_answered: int
    invest: dict[str, int]
    means: dict[str, Decimal]


def targets(seed: dict[str, Any], version: InstrumentVersion) -> dict[str, Targets]:
    """The report's figures per wave, completed with the demo's own for what it does not print."""
    options = _options_by_label(version)
    items = _area_items()
    result = {}
    for index, wave in enumerate((START, END)):
        need_rows = seed["need_for_change"]["answers"]
        change = seed["where_change_needed"]
        invest = seed["municipality_should_invest_in"]
        means = {items[row["area_fi"]]: Decimal(str(row[wave])) for row in seed["life_area_means"]}
        result[wave] = Targets(
            respondents=seed["waves"][wave]["n"],
            need={
                options["need_for_change", row["answer_fi"]]: count
                for row, count in zip(
                    need_rows, seed["need_for_change"]["derived_counts"][wave], strict=True
                )
            },
            change_answered=change["printed_n"][wave],
            change={
                **{
                    options["change_areas", row["area_fi"]]: row["derived_counts"][index]
                    for row in change["answers"]
                },
                **{key: counts[index] for key, counts in CHANGE_AREAS_OTHER.items()},
            },
            invest_answered=invest["printed_n"][wave],
            invest={
                **{
                    options["invest_in", row["area_fi"]]: row["derived_counts"][index]
                    for row in invest["answers"]
                },
                **{key: counts[index] for key, counts in INVEST_IN_OTHER.items()},
            },
            means={
                **{key: Decimal(pair[index]) for key, pair in OTHER_MEANS.items()},
                **means,
            },
        )
    return result


def _options_by_label(version: InstrumentVersion) -> dict[tuple[str, str], str]:
    rows = Option.objects.filter(item__version=version).values_list("item__key", "label_fi", "key")
    return {(item, label): key for item, label, key in rows}


def plan(seed: dict[str, Any], version: InstrumentVersion) -> dict[str, list[Sheet]]:
    """Both waves' answers, drawn with a fixed seed and checked against the report."""
    rng = _rng()
    goals = targets(seed, version)
    paired = _people(PAIRED, rng, first_code=1)
    start = paired + _people(START_ONLY, rng, first_code=PAIRED.codes + 1)
    end = [
        Sheet(p.municipality, p.age_group, p.gender, code=p.code, before=p) for p in paired
    ] + _people(END_ONLY, rng, first_code=PAIRED.codes + START_ONLY.codes + 1)
    waves = {START: start, END: end}
    for index, (key, sheets) in enumerate(waves.items()):
        rng.shuffle(sheets)
        goal = goals[key]
        _expect(len(sheets) == goal.respondents, f"{key}: {len(sheets)} respondents")
        _choose_single(sheets, "need_for_change", goal.need, rng)
        _choose_multiple(
            _change_answerers(sheets, goal.change_answered, rng), "change_areas", goal.change, rng
        )
        _choose_multiple(
            _pick(sheets, goal.invest_answered, lambda s: 0.0, rng), "invest_in", goal.invest, rng
        )
        for item, mean in goal.means.items():
            _rate(sheets, item, mean, SCALE_BLANKS.get(item, (0, 0))[index], rng)
        _write(sheets, "comments", COMMENTS[key], rng)
        _date(sheets, LIFE_WAVES[index], rng)
        _check_wave(key, sheets, goal, seed)
    _check_pairs(start, end)
    _check_findings(start, "at the start")
    _check_findings(start + end, "both waves pooled")
    return waves


def _rng() -> random.Random:
    """The demo's answers are invented but the same on every load: a fixed seed."""
    return random.Random(SEED)  # noqa: S311 (no secret here)


def _people(background: Background, rng: random.Random, *, first_code: int) -> list[Sheet]:
    columns = [
        _spread(background.municipalities, rng),
        _spread(background.age_groups, rng),
        _spread(background.genders, rng),
    ]
    people = [Sheet(*row) for row in zip(*columns, strict=True)]
    for number, person in enumerate(people[: background.codes], start=first_code):
        person.code = f"demo-{number:02d}"
    return people


def _spread(counts: dict[str, int], rng: random.Random) -> list[str]:
    values = [value for value, count in counts.items() for _ in range(count)]
    rng.shuffle(values)
    return values


def _pick(
    sheets: Sequence[Sheet], count: int, score: Callable[[Sheet], float], rng: random.Random
) -> list[Sheet]:
    """The ``count`` sheets of highest score, each score plus a random number in [0, 1)."""
    _expect(0 <= count <= len(sheets), f"cannot pick {count} of {len(sheets)}")
    keyed = sorted(((score(s) + rng.random(), i) for i, s in enumerate(sheets)), reverse=True)
    return [sheets[i] for _, i in keyed[:count]]


def _choose_single(
    sheets: list[Sheet], item: str, counts: dict[str, int], rng: random.Random
) -> None:
    """Exactly ``counts`` of each option, the rest blank; a paired person keeps their answer
    when the counts allow it."""
    blank = set(_pick(sheets, len(sheets) - sum(counts.values()), lambda s: -s.had(item), rng))
    remaining = [s for s in sheets if s not in blank]
    for option, count in counts.items():

        def keeps(sheet: Sheet, option: str = option) -> float:
            return 2.0 * sheet.had(item, option)

        for sheet in _pick(remaining, count, keeps, rng):
            sheet.chosen[item] = {option}
        remaining = [s for s in remaining if item not in s.chosen]


def _change_answerers(sheets: list[Sheet], count: int, rng: random.Random) -> list[Sheet]:
    """Those who name areas to change: first those who want a change."""

    def score(sheet: Sheet) -> float:
        need = sheet.chosen.get("need_for_change", set())
        return 2.0 * bool(need - {"none"}) + 1.0 * (not need) + 1.0 * sheet.had("change_areas")

    return _pick(sheets, count, score, rng)


def _choose_multiple(
    answering: list[Sheet], item: str, counts: dict[str, int], rng: random.Random
) -> None:
    """Exactly ``counts`` of each option among ``answering``, each of whom chooses at least
    one; paired people tend to choose again what they chose at the start."""
    for sheet in answering:
        sheet.chosen[item] = set()
    for option, count in counts.items():

        def score(sheet: Sheet, option: str = option) -> float:
            return (
                1.5 * sheet.had(item, option)
                + sheet.leaning(item, option)
                + 0.8 * (not sheet.chosen[item])
            )

        for sheet in _pick(answering, count, score, rng):
            sheet.chosen[item].add(option)
    empty = sum(not sheet.chosen[item] for sheet in answering)
    _expect(empty == 0, f"{item}: {empty} answerers chose nothing")


def _rate(sheets: list[Sheet], item: str, mean: Decimal, blanks: int, rng: random.Random) -> None:
    """Points whose mean rounds to ``mean``: drawn around it, then nudged to the exact sum."""

    def blank_score(sheet: Sheet) -> float:
        left_blank = sheet.before is not None and item not in sheet.before.points
        return LEANINGS.get((item, sheet.age_group), {}).get("blank", 0.0) + 1.0 * left_blank

    blank = set(_pick(sheets, blanks, blank_score, rng))
    answering = [s for s in sheets if s not in blank]
    for sheet in answering:
        before = sheet.before.points.get(item) if sheet.before else None
        if before is not None:
            point = before + rng.choice(DRIFT)
        else:
            need = next(iter(sheet.chosen.get("need_for_change", {"small"})))
            shift = NEED_SHIFT[need] + RATING_SHIFTS.get((item, sheet.age_group), 0.0)
            point = round(float(mean) + shift + rng.gauss(0, 0.8))
        sheet.points[item] = min(5, max(1, point))
    target = int((mean * len(answering)).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    _nudge(answering, item, target, float(mean), rng)


def _nudge(answering: list[Sheet], item: str, target: int, mean: float, rng: random.Random) -> None:
    """Move single points by one towards the mean until they sum to ``target``; a paired
    person's point stays within one of their start point."""
    total = sum(sheet.points[item] for sheet in answering)
    while total != target:
        step = 1 if total < target else -1
        movable = [s for s in answering if _may_move(s, item, s.points[item] + step)]
        _expect(bool(movable), f"{item}: cannot reach the sum {target}")
        towards_mean = [s for s in movable if (s.points[item] - mean) * step < 0]
        sheet = rng.choice(towards_mean or movable)
        sheet.points[item] += step
        total += step


def _may_move(sheet: Sheet, item: str, point: int) -> bool:
    before = sheet.before.points.get(item) if sheet.before else None
    return 1 <= point <= 5 and (before is None or abs(point - before) <= 1)


def _write(sheets: list[Sheet], item: str, texts: list[str], rng: random.Random) -> None:
    for sheet, text in zip(rng.sample(sheets, len(texts)), texts, strict=True):
        sheet.texts[item] = EXAMPLE + text


def _date(sheets: list[Sheet], wave: WaveSpec, rng: random.Random) -> None:
    days = (wave.closes - wave.opens).days
    for sheet in sheets:
        sheet.submitted_on = wave.opens + datetime.timedelta(days=rng.randrange(days + 1))


# --- Checks of the plan against the report ---


def _counts(sheets: Iterable[Sheet], item: str) -> Counter[str]:
    return Counter(option for sheet in sheets for option in sheet.chosen.get(item, ()))


def _answered(sheets: Iterable[Sheet], item: str) -> list[Sheet]:
    return [sheet for sheet in sheets if sheet.chosen.get(item)]


def mean_rounded(points: Sequence[int]) -> Decimal:
    """The mean to one decimal, half up, as the report prints it."""
    mean = Decimal(sum(points)) / Decimal(len(points))
    return mean.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def _check_wave(key: str, sheets: list[Sheet], goal: Targets, seed: dict[str, Any]) -> None:
    for item, counts, answered in [
        ("need_for_change", goal.need, sum(goal.need.values())),
        ("change_areas", goal.change, goal.change_answered),
        ("invest_in", goal.invest, goal.invest_answered),
    ]:
        _expect(len(_answered(sheets, item)) == answered, f"{key} {item}: answered")
        _expect(_counts(sheets, item) == Counter(counts), f"{key} {item}: option counts")
    means = {}
    for item, mean in goal.means.items():
        points = [sheet.points[item] for sheet in sheets if item in sheet.points]
        means[item] = Fraction(sum(points), len(points))
        _expect(mean_rounded(points) == mean, f"{key} {item}: mean {means[item]} is not {mean}")
    items = _area_items()
    ranked = sorted((m, item) for item, m in means.items() if item != "life_whole")
    _expect(ranked[1][0] < ranked[2][0] and ranked[-3][0] < ranked[-2][0], f"{key}: ties")
    best = {item for _, item in ranked[:2]}
    worst = {item for _, item in ranked[-2:]}
    _expect(best == {items[name] for name in seed["best_areas_fi"]}, f"{key}: best {best}")
    _expect(worst == {items[name] for name in seed["worst_areas_fi"]}, f"{key}: worst {worst}")


def _area_items() -> dict[str, str]:
    """Life areas' Finnish names (as in the report) → scale item keys."""
    return {text[0]: f"life_{key}" for key, text in LIFE_AREAS}


def _check_pairs(start: list[Sheet], end: list[Sheet]) -> None:
    codes = {s.code for s in start if s.code} & {s.code for s in end if s.code}
    _expect(len(codes) == PAIRED.codes, f"{len(codes)} pairing codes in both waves")
    for sheet in end:
        if sheet.before is None:
            continue
        for item, point in sheet.points.items():
            before = sheet.before.points.get(item)
            _expect(before is None or abs(point - before) <= 1, f"{sheet.code} {item} jumps")


def share(sheets: Iterable[Sheet], item: str, option: str) -> tuple[Fraction, int]:
    """The share of ``item``'s answerers choosing ``option``, and how many answered it."""
    group = _answered(sheets, item)
    chose = sum(option in sheet.chosen[item] for sheet in group)
    return (Fraction(chose, len(group)) if group else Fraction(0)), len(group)


def _check_findings(sheets: list[Sheet], when: str) -> None:
    """The report's subgroup findings (facts.yaml ``subgroup_findings_fi``), in order."""
    young = [s for s in sheets if s.age_group == "18_29"]
    young_counts = _counts(young, "change_areas")
    top, second = young_counts.most_common(2)
    _expect(
        top[0] == "relationships"
        and top[1] > second[1]
        and len(_answered(young, "change_areas")) >= MIN_GROUP,
        f"{when}: the young (18–29) chose most {young_counts.most_common(3)}",
    )
    by_age = {
        age: share([s for s in sheets if s.age_group == age], "change_areas", "remote_services")
        for age in ("18_29", "30_49", "50_64", "65_plus")
    }
    older, older_n = by_age.pop("50_64")
    _expect(
        older_n >= MIN_GROUP and all(older > other for other, n in by_age.values() if n),
        f"{when}: remote services 50–64 {older} vs {by_age}",
    )
    men = [s for s in sheets if s.gender == "man"]
    women = [s for s in sheets if s.gender == "woman"]
    for item, option, more, fewer in [
        ("invest_in", "leisure", men, women),
        ("invest_in", "help_services", women, men),
    ]:
        (high, high_n), (low, low_n) = share(more, item, option), share(fewer, item, option)
        _expect(
            min(high_n, low_n) >= MIN_GROUP and high - low >= CLEAR_DIFFERENCE,
            f"{when}: {option} {float(high):.2f} vs {float(low):.2f}",
        )


# --- Saving ---


def _survey(
    project: Project,
    title: tuple[str, str, str],
    version: InstrumentVersion,
    waves: list[WaveSpec],
    **fields: Any,
) -> dict[str, Wave]:
    """The demo survey of this title with exactly these waves, emptied of answers."""
    survey, _ = Survey.objects.update_or_create(
        project=project,
        title_fi=title[0],
        defaults={
            "title_sv": title[1],
            "title_en": title[2],
            "instrument_version": version,
            "municipality": None,
            "event": None,
            "is_public": False,
            **fields,
        },
    )
    Response.objects.filter(wave__survey=survey).delete()
    Invitation.objects.filter(wave__survey=survey).delete()
    survey.waves.exclude(key__in=[wave.key for wave in waves]).delete()
    result = {}
    for position, spec in enumerate(waves):
        result[spec.key], _ = Wave.objects.update_or_create(
            survey=survey,
            key=spec.key,
            defaults={
                "label_fi": spec.label[0],
                "label_sv": spec.label[1],
                "label_en": spec.label[2],
                "opens_at": _at(spec.opens, 8),
                "closes_at": _at(spec.closes, 16),
                "position": position,
            },
        )
    return result


def _at(day: datetime.date, hour: int) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=HELSINKI)


def _save(
    wave: Wave,
    version: InstrumentVersion,
    sheets: list[Sheet],
    *,
    municipalities: dict[str, Municipality],
) -> None:
    items = {item.key: item for item in version.items.all()}
    options = {
        (option.item_id, option.key): option
        for option in Option.objects.filter(item__version=version)
    }
    scale_options = {
        (option.item_id, option.value): option
        for option in options.values()
        if option.value is not None
    }
    sheets = sorted(sheets, key=_day)
    responses = Response.objects.bulk_create(
        Response(
            wave=wave,
            submitted_on=_day(sheet),
            pairing_hash=services.pairing_hash(sheet.code),
            municipality=municipalities.get(sheet.municipality),
            age_group=sheet.age_group,
            gender=sheet.gender,
        )
        for sheet in sheets
    )
    answers = []
    for response, sheet in zip(responses, sheets, strict=True):
        for key, chosen in sheet.chosen.items():
            item = items[key]
            answers += [
                Answer(response=response, item=item, option=options[item.pk, option])
                for option in sorted(chosen)
            ]
        for key, point in sheet.points.items():
            item = items[key]
            answers.append(
                Answer(response=response, item=item, option=scale_options[item.pk, point])
            )
        for key, text in sheet.texts.items():
            answers.append(Answer(response=response, item=items[key], text=text))
    Answer.objects.bulk_create(answers)


def _day(sheet: Sheet) -> datetime.date:
    if sheet.submitted_on is None:
        raise DemoTargetMissed("an answer without a date")
    return sheet.submitted_on


def _load_life_survey(
    seed: dict[str, Any], project: Project, places: Places, version: InstrumentVersion
) -> None:
    waves = _survey(project, LIFE_TITLE, version, LIFE_WAVES, is_public=True)
    for key, sheets in plan(seed, version).items():
        _save(waves[key], version, sheets, municipalities=places.municipalities)


def _load_reported_figures(seed: dict[str, Any], project: Project) -> None:
    """The numbers of answers printed beside "Kaipaatko muutosta?", kept as printed so that the
    report can set them beside the records: its percentages imply 47 and 32 answers, but it
    prints n = 51 (every respondent of the start) and n = 31."""
    need = seed["need_for_change"]
    for wave in (START, END):
        implied = sum(need["derived_counts"][wave])
        percentages = " / ".join(
            f"{row[f'{wave}_pct']} %".replace(".", ",") for row in need["answers"]
        )
        ReportedFigure.objects.update_or_create(
            project=project,
            key=reported_answers_key("need_for_change", wave),
            defaults={
                "value": Decimal(need["printed_n"][wave]),
                "label": f"Kaipaatko muutosta? Vastanneita, {WAVE_NAMES_FI[wave]}",
                "source": "Hankkeen loppuraportti: arvioinnin tulokset",
                "note": f"Raportin prosentit ({percentages}) vastaavat {implied} vastaajaa.",
            },
        )


def _load_partner_survey(
    seed: dict[str, Any], project: Project, version: InstrumentVersion
) -> None:
    wave = _survey(project, PARTNER_TITLE, version, [PARTNER_WAVE])[PARTNER_WAVE.key]
    sheets = [
        Sheet(
            submitted_on=day,
            points=dict(zip(PARTNER_STATEMENTS, points, strict=True)),
            texts={"feedback": EXAMPLE + text} if text else {},
        )
        for day, points, text in PARTNER_ANSWERS
    ]
    _check_partner(seed, sheets)
    sent_at = _at(PARTNER_WAVE.opens, 9)
    # Which invitations were used (only whether, never when: see Invitation.is_used).
    used = set(_rng().sample(range(seed["sent_to"]), len(PARTNER_ANSWERS)))
    for number in range(seed["sent_to"]):
        invitation, _ = services.invitation_create(
            wave=wave, email=f"kumppani{number + 1:02d}@demo.yhdessa.example"
        )
        invitation.sent_at = sent_at
        invitation.is_used = number in used
        invitation.save(update_fields=["sent_at", "is_used"])
    _save(wave, version, sheets, municipalities={})


def _check_partner(seed: dict[str, Any], sheets: list[Sheet]) -> None:
    _expect(len(sheets) == seed["responded"], "partner survey: number of answers")
    for finding in seed["findings_fi"]:
        text, count = (
            (finding["text_fi"], finding["count"]) if isinstance(finding, dict) else (finding, None)
        )
        item = PARTNER_FINDING_ITEMS[text]
        agree = sum(sheet.points[item] >= AGREE for sheet in sheets)
        if count is None:
            _expect(agree * 2 > len(sheets), f"partner survey: only {agree} agree on {item}")
        else:
            _expect(agree == count, f"partner survey: {agree} agree on {item}, not {count}")


def _load_open_survey(project: Project, places: Places, version: InstrumentVersion) -> None:
    """Open since yesterday for eight weeks: the demo's only wave that takes answers."""
    nivala = places.municipalities.get("Nivala")
    event = (
        Event.objects.filter(project=project, title_fi__startswith="Demo:", municipality=nivala)
        .order_by("starts_at")
        .first()
    )
    opens = timezone.now().astimezone(HELSINKI).date() - datetime.timedelta(days=1)
    feedback = WaveSpec(
        "feedback", ("Palaute", "Respons", "Feedback"), opens, opens + datetime.timedelta(weeks=8)
    )
    _survey(project, OPEN_TITLE, version, [feedback], municipality=nivala, event=event)
