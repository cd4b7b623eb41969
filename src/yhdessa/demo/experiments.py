"""The partner municipalities' six development experiments of 2022 and the project's cost model.

The seed report prints, per municipality, a cost per participant (325,15 € in Haapavesi …
14,99 € for Utajärvi's full bus); ``facts.yaml`` derives the participants behind them (5, 13,
30, 6, 8, 45). Here each experiment has those participants as an anonymous headcount and cost
lines priced with the project's cost parameters: staff time by job title and volunteer time at
2021 prices (as the report did: Statistics Finland wages of 2021, the 2010 volunteer value raised
with the earnings level index), and purchases or in-kind premises. The last line of each
experiment is the exact remainder that makes its total cost / participants equal the printed
figure to the cent; the loading stops if a figure is missed. Every experiment is decided, so its
figures are frozen with the parameters they used.

Only Utajärvi's bus trip is named in the report; the other five are invented and titled
"Demo: …". The volunteer hour value of 2010 (Kansalaisareena) is not known to us: the demo
stores an assumed value, labelled as such, to be replaced by the real figure.

The report's figures disagree with each other. Its printed total 8 503,38 € and 107
participants give 79,47 € per participant, not the printed mean 81,61 €, and the six printed
per-municipality figures × participants add up to 8 581,76 €, not 8 503,38 €. The records
follow the per-municipality figures; the printed total, participants and mean are stored as
hand-entered figures (``projects.ReportedFigure``) so that the difference shows. So are the
printed shares of the participants and of the costs by municipality (whole per cent): with the
per-municipality figures they cannot all hold (Raahe's 30 × 68,52 € is 24 % of the costs, not
the printed 23 %), and the report lists the ones the records do not give.

Loading again leaves an experiment as it is when it already matches; otherwise it is deleted
and made again (a decided experiment's lines cannot be changed).
"""

import datetime
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from yhdessa.demo.directory import Places
from yhdessa.experiments import costs, services
from yhdessa.experiments.cost_outputs import (
    REPORTED_COST_SHARE,
    REPORTED_PARTICIPANT_SHARE,
    share_key,
)
from yhdessa.experiments.models import (
    CostKind,
    CostParameter,
    Decision,
    DivisorName,
    Experiment,
    ExperimentStatus,
    ParameterKind,
    VatTreatment,
)
from yhdessa.experiments.participants import experiment_participants
from yhdessa.projects.models import Project, ReportedFigure

#: How long after an experiment ended its decision was recorded (the demo's evaluation meeting).
DECIDED_AFTER = datetime.timedelta(days=28)

CENT = Decimal("0.01")
#: The year whose prices the cost lines use (the report priced the experiments at 2021 prices).
PRICE_YEAR = 2021
SOURCE_STATFIN_INDEX = "Tilastokeskus, ansiotasoindeksi (1964 = 100)"
URL_STATFIN_INDEX = "https://stat.fi/tilasto/ati"
SOURCE_SIDE_COST = "Kuntaliitto, kunnallisen työnantajan sivukuluprosentti (osuus palkkasummasta)"
SOURCE_DIVISOR = "KVTES: kuukausipalkka / tuntijakaja = tuntipalkka"
SOURCE_MEDIAN = "Tilastokeskus, kuntasektorin kuukausiansioiden mediaani 2021"
URL_STATFIN_WAGES = "https://stat.fi/tilasto/ksi"
SOURCE_DEMO_WAGE = "Demo-oletus: arvioitu kuukausipalkka, korvaa Tilastokeskuksen luvulla"
SOURCE_VOLUNTEER = (
    "Demo-oletus: arvioitu arvo, korvaa Kansalaisareenan luvulla"
    " (Hirvonen & Puolitaival: Vapaaehtoistoiminnan arvo)"
)
#: The assumed volunteer hour value of 2010 (the real figure is not known to us).
VOLUNTEER_VALUE_2010 = Decimal("15.00")

MEDIAN = "Kunnan työntekijä (mediaani)"
SOCIAL_INSTRUCTOR = "Sosiaaliohjaaja"
YOUTH_WORKER = "Vapaa-aikaohjaaja"
#: Monthly wages of 2021: (value, source, url). Only the median is a published figure.
WAGES_2021 = {
    MEDIAN: (Decimal("3040"), SOURCE_MEDIAN, URL_STATFIN_WAGES),
    SOCIAL_INSTRUCTOR: (Decimal("3300"), SOURCE_DEMO_WAGE, ""),
    YOUTH_WORKER: (Decimal("2700"), SOURCE_DEMO_WAGE, ""),
}

REPORT_SOURCE = "Hankkeen loppuraportti: kuntien kehittämiskokeilujen kustannukset"
SHARES_NOTE = (
    "Raportin osallistujaosuudet ja kustannusosuudet eivät voi kaikki pitää paikkaansa"
    " yhtä aikaa sen kuntakohtaisten osallistujakohtaisten kustannusten kanssa."
)


class DemoTargetMissed(Exception):
    """The cost lines do not give a figure of the report: the demo would be wrong."""


@dataclass(frozen=True)
class Line:
    kind: str
    description: str
    hours: str = ""
    job_title: str = ""
    divisor_name: str = DivisorName.GENERAL
    amount: Decimal | None = None  # purchases and in-kind; the remainder line leaves it None

    def fields(self) -> dict[str, Any]:
        if self.kind == CostKind.STAFF_TIME:
            return {
                "job_title": self.job_title,
                "hours": Decimal(self.hours),
                "year": PRICE_YEAR,
                "divisor_name": self.divisor_name,
            }
        if self.kind == CostKind.VOLUNTEER_TIME:
            return {"hours": Decimal(self.hours), "year": PRICE_YEAR}
        if self.kind == CostKind.PURCHASE:
            return {"amount": self.amount, "vat_treatment": VatTreatment.INCLUDED}
        return {"amount": self.amount}


@dataclass(frozen=True)
class Spec:
    municipality: str
    title: str
    description: str
    starts_on: datetime.date
    ends_on: datetime.date
    decision: str
    reason: str
    lines: tuple[Line, ...]  # the last one is the remainder (a purchase or in-kind)
    headcount_note: str


OFFICE = DivisorName.OFFICE
STAFF, VOLUNTEER = CostKind.STAFF_TIME, CostKind.VOLUNTEER_TIME
PURCHASE, IN_KIND = CostKind.PURCHASE, CostKind.IN_KIND
DEMO_REMAINDER = " (demo: summa täydentää raportin luvun)"

SPECS = (
    Spec(
        "Haapavesi",
        "Demo: Kokemustoimijoiden keskusteluryhmä",
        "Demo-kokeilu: sosiaaliohjaaja ja vapaaehtoinen vetivät pienelle ryhmälle keskusteluja"
        " arjen palveluista. Ryhmän kokemuksista koottiin kunnalle kehittämisehdotuksia."
        " Osallistujia oli vähän, joten kustannus osallistujaa kohti oli suuri.",
        datetime.date(2022, 3, 1),
        datetime.date(2022, 5, 31),
        Decision.MODIFY,
        "Ryhmä toimi, mutta siihen löytyi vähän osallistujia. Jatketaan yhdessä järjestöjen"
        " kanssa ja kerrotaan ryhmästä useammassa kanavassa.",
        (
            Line(STAFF, "Ryhmän suunnittelu ja ohjaus", "40", SOCIAL_INSTRUCTOR),
            Line(STAFF, "Yhteydenpito ja kokoaminen", "16", MEDIAN, OFFICE),
            Line(VOLUNTEER, "Vapaaehtoinen kokemustoimija", "6"),
            Line(PURCHASE, "Kahvitarjoilu" + DEMO_REMAINDER),
        ),
        "Ryhmän osallistujat",
    ),
    Spec(
        "Nivala",
        "Demo: Kylätalon olohuone",
        "Demo-kokeilu: kylätalolla oli keväällä viikoittain avoin olohuone, jossa sai juoda"
        " kahvia, jutella ja kysyä neuvoa kunnan palveluista. Kyläyhdistys tarjosi tilat.",
        datetime.date(2022, 2, 1),
        datetime.date(2022, 5, 31),
        Decision.ADOPT,
        "Olohuone kokosi kyläläisiä säännöllisesti. Kyläyhdistys jatkaa toimintaa, ja kunnan"
        " työntekijä käy paikalla kerran kuussa.",
        (
            Line(STAFF, "Olohuoneen ohjaus", "50", YOUTH_WORKER),
            Line(STAFF, "Kunnan palveluista kertominen", "20", MEDIAN),
            Line(VOLUNTEER, "Kyläyhdistyksen vapaaehtoiset", "24"),
            Line(IN_KIND, "Kylätalon tilat" + DEMO_REMAINDER),
        ),
        "Olohuoneen kävijät",
    ),
    Spec(
        "Raahe",
        "Demo: Nuorten osallistuva budjetointi",
        "Demo-kokeilu: nuoret ideoivat ja äänestivät, mihin kunnan pieni summa käytetään"
        " vapaa-ajan toiminnassa. Nuorisoyhdistys auttoi ideoiden kokoamisessa.",
        datetime.date(2022, 8, 15),
        datetime.date(2022, 11, 30),
        Decision.ADOPT,
        "Nuoret osallistuivat innolla ja äänestys onnistui. Budjetointi otetaan vuosittaiseksi"
        " tavaksi nuorisotyössä.",
        (
            Line(STAFF, "Ideointityöpajat ja äänestys", "30", YOUTH_WORKER),
            Line(STAFF, "Valmistelu ja viestintä", "40", MEDIAN, OFFICE),
            Line(VOLUNTEER, "Nuorisoyhdistyksen vapaaehtoiset", "12"),
            Line(PURCHASE, "Työpajojen tarjoilut ja materiaalit" + DEMO_REMAINDER),
        ),
        "Työpajoihin ja äänestykseen osallistuneet nuoret",
    ),
    Spec(
        "Reisjärvi",
        "Demo: Asiakasraati palveluiden kehittämiseen",
        "Demo-kokeilu: kuntalaisista koottu asiakasraati kokoontui neljä kertaa ja arvioi"
        " kunnan palveluja käyttäjän silmin. Raadin ehdotukset vietiin johtoryhmälle.",
        datetime.date(2022, 9, 1),
        datetime.date(2022, 12, 15),
        Decision.MODIFY,
        "Raadin ehdotukset olivat hyödyllisiä, mutta valmistelu vei paljon työaikaa. Jatkossa"
        " raati kokoontuu harvemmin ja järjestöt kutsuvat jäsenet.",
        (
            Line(STAFF, "Raadin kokoaminen ja ohjaus", "36", SOCIAL_INSTRUCTOR),
            Line(STAFF, "Muistiot ja ehdotusten valmistelu", "24", MEDIAN, OFFICE),
            Line(VOLUNTEER, "Järjestön vapaaehtoinen tukihenkilö", "8"),
            Line(PURCHASE, "Kahvitus ja matkakorvaukset" + DEMO_REMAINDER),
        ),
        "Asiakasraadin jäsenet",
    ),
    Spec(
        "Sievi",
        "Demo: Kohtaamispaikka kirjastossa",
        "Demo-kokeilu: kirjastossa oli syksyllä kohtaamispaikka, jossa vapaaehtoinen ja kunnan"
        " työntekijä neuvoivat sähköisten palvelujen käytössä.",
        datetime.date(2022, 9, 1),
        datetime.date(2022, 10, 31),
        Decision.ADOPT,
        "Kohtaamispaikka oli edullinen ja kävijät saivat apua. Se jatkuu kirjaston omana"
        " toimintana.",
        (
            Line(STAFF, "Neuvonta kohtaamispaikassa", "6", MEDIAN),
            Line(VOLUNTEER, "Vapaaehtoinen neuvoja", "3"),
            Line(PURCHASE, "Kahvitarjoilu" + DEMO_REMAINDER),
        ),
        "Kohtaamispaikan kävijät",
    ),
    Spec(
        "Utajärvi",
        "Linja-autoretki kuntalaisille",
        "Kunta ja järjestöt järjestivät kuntalaisille yhteisen linja-autoretken. Linja-auto oli"
        " täynnä, joten kustannus matkustajaa kohti jäi pieneksi (raportissa 14,99 €)."
        " Retken työtunnit ja kulujen jako ovat demon arvioita.",
        datetime.date(2022, 6, 11),
        datetime.date(2022, 6, 11),
        Decision.ADOPT,
        "Retki tavoitti paljon kuntalaisia pienellä kustannuksella. Retki järjestetään"
        " uudelleen yhdessä järjestöjen kanssa.",
        (
            Line(STAFF, "Retken suunnittelu ja mukana olo", "8", MEDIAN),
            Line(VOLUNTEER, "Järjestöjen vapaaehtoiset retkellä", "4"),
            Line(PURCHASE, "Linja-auton vuokra" + DEMO_REMAINDER),
        ),
        "Linja-auton matkustajat",
    ),
)


def _expect(condition: bool, message: str) -> None:
    if not condition:
        raise DemoTargetMissed(message)


def load(facts: dict[str, Any], *, project: Project, places: Places) -> list[Experiment]:
    if "experiments" not in facts or "cost_parameters" not in facts:
        return []
    _load_parameters(project, facts["cost_parameters"])
    seed = facts["experiments"]
    targets = {row["municipality"]: row for row in seed["by_municipality"]}
    _expect(
        {spec.municipality for spec in SPECS} == set(targets),
        "Kokeilujen kunnat eivät vastaa facts.yaml-tiedostoa.",
    )
    experiments = [
        _load_experiment(project, places, spec, targets[spec.municipality]) for spec in SPECS
    ]
    _load_reported_figures(project, seed, targets)
    _load_reported_shares(project, places, targets)
    return experiments


# --- Parameters ------------------------------------------------------------------------------


def _load_parameters(project: Project, seed: dict[str, Any]) -> None:
    rows: list[dict[str, Any]] = []
    for year, value in seed["earnings_level_index_1964_100"].items():
        rows.append(
            {
                "kind": ParameterKind.EARNINGS_LEVEL_INDEX,
                "year": int(year),
                "value": Decimal(str(value)),
                "unit": "(1964 = 100)",
                "source": SOURCE_STATFIN_INDEX,
                "source_url": URL_STATFIN_INDEX,
            }
        )
    for year, value in seed["municipal_employer_social_cost_pct"].items():
        rows.append(
            {
                "kind": ParameterKind.EMPLOYER_SIDE_COST_PCT,
                "year": int(year),
                "value": Decimal(str(value)),
                "unit": "%",
                "source": SOURCE_SIDE_COST,
            }
        )
    for name, value in seed["monthly_hours_divisor"].items():
        rows.append(
            {
                "kind": ParameterKind.MONTHLY_HOURS_DIVISOR,
                "year": PRICE_YEAR,
                "divisor_name": DivisorName(name),
                "value": Decimal(str(value)),
                "unit": "h",
                "source": SOURCE_DIVISOR,
            }
        )
    median = Decimal(str(seed["municipal_median_monthly_earnings_2021_eur"]))
    _expect(median == WAGES_2021[MEDIAN][0], "Kuntasektorin mediaanipalkka ei vastaa tietoja.")
    for title, (value, source, url) in WAGES_2021.items():
        rows.append(
            {
                "kind": ParameterKind.MONTHLY_WAGE,
                "year": PRICE_YEAR,
                "job_title": title,
                "value": value,
                "unit": "€/kk",
                "source": source,
                "source_url": url,
            }
        )
    volunteer = seed.get("volunteer_hour_value_2010_eur")
    rows.append(
        {
            "kind": ParameterKind.VOLUNTEER_HOUR_VALUE,
            "year": 2010,
            "value": Decimal(str(volunteer)) if volunteer is not None else VOLUNTEER_VALUE_2010,
            "unit": "€/h",
            "source": "Kansalaisareena (Hirvonen & Puolitaival: Vapaaehtoistoiminnan arvo)"
            if volunteer is not None
            else SOURCE_VOLUNTEER,
        }
    )
    for row in rows:
        _parameter(project, row)


def _parameter(project: Project, row: dict[str, Any]) -> CostParameter:
    key = {
        "kind": row["kind"],
        "year": row["year"],
        "job_title": row.get("job_title", ""),
        "divisor_name": row.get("divisor_name", ""),
    }
    found = CostParameter.objects.filter(project=project, **key).first()
    citation = {
        "value": row["value"],
        "unit": row["unit"],
        "source": row["source"],
        "source_url": row.get("source_url", ""),
    }
    if found is None:
        return services.parameter_create(actor=None, project=project, **key, **citation)
    if any(getattr(found, name) != value for name, value in citation.items()):
        services.parameter_change(actor=None, parameter=found, **citation)
        found.refresh_from_db()
    return found


# --- Experiments -----------------------------------------------------------------------------


def _load_experiment(
    project: Project, places: Places, spec: Spec, target: dict[str, Any]
) -> Experiment:
    municipality = places.municipalities[spec.municipality]
    participants = int(target["derived_participants"])
    cost_per_participant = Decimal(str(target["cost_per_participant_eur"]))
    lines = _priced_lines(project, spec, participants, cost_per_participant)
    existing = Experiment.objects.filter(
        project=project, municipality=municipality, title_fi=spec.title
    ).first()
    if existing is not None:
        if _matches(existing, spec, lines, participants):
            return existing
        existing.delete()
    experiment = services.experiment_create(
        actor=None,
        project=project,
        municipality=municipality,
        title=spec.title,
        title_fi=spec.title,
        description_fi=spec.description,
        starts_on=spec.starts_on,
        ends_on=spec.ends_on,
        status=ExperimentStatus.EVALUATED,
    )
    experiment.headcounts.create(date=spec.ends_on, count=participants, note=spec.headcount_note)
    for position, (line, fields) in enumerate(lines, start=1):
        services.cost_line_add(
            actor=None,
            experiment=experiment,
            kind=line.kind,
            description=line.description,
            position=position,
            **fields,
        )
    experiment = services.experiment_decide(
        actor=None, experiment=experiment, decision=spec.decision, reason=spec.reason
    )
    # The decisions were made in the partners' evaluation meeting after the experiments, not
    # on the day the demo is loaded.
    experiment.frozen_at = datetime.datetime.combine(
        spec.ends_on + DECIDED_AFTER, datetime.time(12), tzinfo=datetime.UTC
    )
    experiment.save(update_fields=["frozen_at"])
    _check(experiment, participants, cost_per_participant)
    return experiment


def _priced_lines(
    project: Project, spec: Spec, participants: int, cost_per_participant: Decimal
) -> list[tuple[Line, dict[str, Any]]]:
    """The lines with their fields; the last one's amount is the remainder to the target."""
    parameters = costs.parameters_for_project(project.pk)
    *priced, remainder = spec.lines
    _expect(
        remainder.kind in (CostKind.PURCHASE, CostKind.IN_KIND) and remainder.amount is None,
        f"{spec.municipality}: viimeisen rivin on oltava hankinta tai luontoissuoritus.",
    )
    lines = [(line, line.fields()) for line in priced]
    known = sum(
        (
            costs.line_cost(costs.LineData(kind=line.kind, **fields), parameters).value
            for line, fields in lines
        ),
        Decimal(0),
    )
    amount = (cost_per_participant * participants - known).quantize(CENT, rounding=ROUND_HALF_UP)
    _expect(amount >= 0, f"{spec.municipality}: työaika ylittää raportin kustannuksen.")
    last = Line(remainder.kind, remainder.description, amount=amount)
    return [*lines, (last, last.fields())]


def _matches(
    experiment: Experiment,
    spec: Spec,
    lines: list[tuple[Line, dict[str, Any]]],
    participants: int,
) -> bool:
    """The stored experiment is the one this spec would make, with the current parameters."""
    if not experiment.is_frozen or experiment.decision != spec.decision:
        return False
    description = experiment.serializable_value("description_fi")
    if (description, experiment.decision_reason) != (spec.description, spec.reason):
        return False
    if (experiment.starts_on, experiment.ends_on) != (spec.starts_on, spec.ends_on):
        return False
    if list(experiment.headcounts.values_list("count", flat=True)) != [participants]:
        return False
    stored = [
        (line.kind, line.description, {name: getattr(line, name) for name in fields})
        for line in experiment.cost_lines.all()
        for fields in [_fields_of(line.kind)]
    ]
    wanted = [
        (line.kind, line.description, {name: fields[name] for name in _fields_of(line.kind)})
        for line, fields in lines
    ]
    if stored != wanted:
        return False
    current = {
        f"p{parameter.pk}": str(parameter.value)
        for parameter in CostParameter.objects.filter(project=experiment.project_id)
    }
    return all(
        current.get(ref) == data["value"] for ref, data in experiment.frozen_parameters.items()
    )


def _fields_of(kind: str) -> tuple[str, ...]:
    return tuple(Line(kind, "", hours="0", amount=Decimal(0)).fields())


def _check(experiment: Experiment, participants: int, cost_per_participant: Decimal) -> None:
    (figures,) = costs.costs_for_experiments(Experiment.objects.filter(pk=experiment.pk))
    counted = experiment_participants(experiment).total
    _expect(counted == participants, f"{experiment}: {counted} osallistujaa, ei {participants}.")
    if figures.costs is None:
        raise DemoTargetMissed(f"{experiment}: {figures.error}")
    value = figures.costs.per_participant.value
    _expect(
        value is not None and value.quantize(CENT, rounding=ROUND_HALF_UP) == cost_per_participant,
        f"{experiment}: {value} € osallistujaa kohti, ei {cost_per_participant} €.",
    )


# --- The report's printed figures ------------------------------------------------------------


def _load_reported_figures(
    project: Project, seed: dict[str, Any], targets: dict[str, dict[str, Any]]
) -> None:
    by_municipality = sum(
        (
            Decimal(str(row["cost_per_participant_eur"])) * int(row["derived_participants"])
            for row in targets.values()
        ),
        Decimal(0),
    )
    total = Decimal(str(seed["total_cost_eur"]))
    people = int(seed["participants_total"])
    pooled = (total / people).quantize(CENT, rounding=ROUND_HALF_UP)
    figures = {
        "cost_total": (
            total,
            "Kokeilujen kustannukset yhteensä",
            f"Kuntakohtaiset luvut × osallistujat ovat yhteensä {costs.money(by_municipality)};"
            " demon kokeilut noudattavat kuntakohtaisia lukuja.",
        ),
        "participants_total": (Decimal(people), "Kokeilujen osallistujat yhteensä", ""),
        "cost_per_participant_mean": (
            Decimal(str(seed["printed_mean_cost_per_participant_eur"])),
            "Kustannusten keskiarvo osallistujaa kohti",
            f"{costs.money(total)} / {people} = {costs.money(pooled)}, ei painettu keskiarvo.",
        ),
    }
    for suffix, (value, label, note) in figures.items():
        ReportedFigure.objects.update_or_create(
            project=project,
            key=f"experiments.{suffix}",
            defaults={"value": value, "label": label, "source": REPORT_SOURCE, "note": note},
        )


def _load_reported_shares(
    project: Project, places: Places, targets: dict[str, dict[str, Any]]
) -> None:
    """Each municipality's printed participant share and cost share (per cent)."""
    kinds = (
        (REPORTED_PARTICIPANT_SHARE, "participants_share_pct", "Osallistujaosuus"),
        (REPORTED_COST_SHARE, "cost_share_pct", "Kustannusosuus"),
    )
    for name, row in targets.items():
        code = places.municipalities[name].code
        for prefix, field, label in kinds:
            ReportedFigure.objects.update_or_create(
                project=project,
                key=share_key(prefix, code),
                defaults={
                    "value": Decimal(str(row[field])),
                    "label": f"{label}: {name}",
                    "source": REPORT_SOURCE,
                    "note": SHARES_NOTE,
                },
            )
