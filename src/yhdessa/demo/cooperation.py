"""Cooperation structures of the six partner municipalities and the project's regional
cooperation and support entries.

The structures are invented but realistic and marked as demo (``is_demo``, shown as a "demo"
tag); what the report says is kept: the project supported founding village councils and
working on NGO cooperation documents, and Reisjärvi held a wellbeing day of the municipality
and the NGOs. The report gives the activities but not their dates: the dates here are
plausible guesses within the project's time (2021–2023), the descriptions a plain retelling;
the entries are marked as demo.

"Last checked" and the next forum dates are relative to the day the demo is loaded, so that
the coordinators' "out of date" list shows the few deliberately stale entries only.
"""

import datetime
from typing import Any

from django.utils import timezone

from yhdessa.demo.directory import GENITIVES, Places, _slug
from yhdessa.directory.models import CooperationStructure, Municipality
from yhdessa.projects.models import Project, ProjectActivity

K = CooperationStructure.Kind
S = CooperationStructure.Subtype
D = datetime.date

# What every municipality has; {gen} is the genitive of its name, {site} its demo web address.
COMMON: list[dict[str, Any]] = [
    {
        "kind": K.AGREEMENT,
        "subtype": S.NGO_DOCUMENT,
        "title_fi": "{gen} järjestöyhteistyön asiakirja",
        "description_fi": "Kunnan ja paikallisten järjestöjen yhteiset tavoitteet, "
        "yhteyshenkilöt ja tapa tehdä yhteistyötä. Päivitetty Yhdessä osallisuutta "
        "-hankkeen tuella.",
        "starts_on": D(2023, 1, 1),
        "ends_on": D(2027, 12, 31),
        "link": "https://{site}/jarjestoyhteistyo/asiakirja",
    },
    {
        "kind": K.LIAISON,
        "title_fi": "Järjestöyhdyshenkilö, hyvinvointikoordinaattori",
        "description_fi": "Neuvoo järjestöjä yhteistyössä kunnan kanssa: tilat, avustukset, "
        "yhteiset tapahtumat ja kunnan päätöksiin vaikuttaminen.",
        "email": "jarjestoyhteistyo@{site}",
        "phone": "040 123 4567",
        "contact": "Soita tai lähetä sähköpostia arkisin. Tapaamisen voi sopia myös "
        "järjestön omaan kokoontumiseen.",
    },
    {
        "kind": K.GRANT,
        "title_fi": "Järjestöjen toiminta-avustus",
        "description_fi": "Avustus paikallisten yhdistysten toimintaan, joka edistää "
        "asukkaiden hyvinvointia ja osallisuutta.",
        "starts_on": D(2026, 2, 1),
        "ends_on": D(2026, 3, 31),
        "link": "https://{site}/avustukset",
        "contact": "Hakemus tehdään kunnan sähköisellä lomakkeella. Kysy lisää "
        "järjestöyhdyshenkilöltä.",
    },
]

# What each municipality has besides; the same placeholders.
OWN: dict[str, list[dict[str, Any]]] = {
    "Haapavesi": [
        {
            "kind": K.INFLUENCE_BODY,
            "subtype": S.ELDERLY_COUNCIL,
            "title_fi": "{gen} vanhusneuvosto",
            "contact": "Asiat neuvostolle sihteerin kautta: vanhusneuvosto@{site}",
            "rhythm": "Noin kuusi kertaa vuodessa",
        },
        {
            "kind": K.MEETING_PLACE,
            "title_fi": "Olohuone Toivo",
            "description_fi": "Avoin kohtaamispaikka kaikille: kahvia, lehtiä ja juttuseuraa.",
            "address": "Kauppakatu 10, 86600 Haapavesi",
            "accessibility": "Katutasossa, ei kynnyksiä. Esteetön wc.",
            "booking": "Järjestöt voivat varata tilan iltaisin järjestöyhdyshenkilöltä.",
        },
    ],
    "Nivala": [
        {
            "kind": K.AGREEMENT,
            "subtype": S.COOPERATION_AGREEMENT,
            "title_fi": "Nivalan kaupungin ja Nivalan Eläkkeensaajat ry:n kumppanuussopimus",
            "description_fi": "Vanha sopimus ikäihmisten liikuntaryhmistä. Uusi sopimus on "
            "valmisteilla.",
            "starts_on": D(2020, 1, 1),
            "ends_on": D(2023, 12, 31),
            "link": "https://{site}/jarjestoyhteistyo/kumppanuussopimus",
        },
        {
            "kind": K.INFLUENCE_BODY,
            "subtype": S.VILLAGE_COUNCIL,
            "title_fi": "Maliskylän kyläneuvosto",
            "description_fi": "Perustettiin vuonna 2022 Yhdessä osallisuutta -hankkeen tuella. "
            "Kyläläisten ja kaupungin yhteistyöfoorumi.",
            "contact": "Kyläneuvoston puheenjohtaja: maliskyla@{site}",
            "rhythm": "Neljästi vuodessa",
        },
        {
            "kind": K.INFLUENCE_BODY,
            "subtype": S.YOUTH_COUNCIL,
            "title_fi": "{gen} nuorisovaltuusto",
            "contact": "Nuorisovaltuuston ohjaaja nuorisopalveluissa: nuva@{site}",
            "rhythm": "Kerran kuukaudessa kouluvuoden aikana",
        },
        {
            "kind": K.FORUM,
            "title_fi": "Järjestöjen ja kaupungin yhteistyöfoorumi",
            "description_fi": "Kaikille avoin tilaisuus: ajankohtaista kaupungilta, "
            "järjestöjen esittäytymiset ja yhteiset tapahtumat.",
            "rhythm": "Kahdesti vuodessa, keväällä ja syksyllä",
            "contact": "Ilmoittautuminen järjestöyhdyshenkilölle.",
            "next_in_days": -20,  # the coordinators should set the next date
        },
    ],
    "Raahe": [
        {
            "kind": K.INFLUENCE_BODY,
            "subtype": S.DISABILITY_COUNCIL,
            "title_fi": "{gen} vammaisneuvosto",
            "contact": "Neuvoston sihteeri: vammaisneuvosto@{site}",
            "rhythm": "Noin kuusi kertaa vuodessa",
        },
        {
            "kind": K.MEETING_PLACE,
            "title_fi": "Järjestötalo Kaupunginlahti",
            "description_fi": "Kokoustiloja ja avoin aula järjestöjen ja asukkaiden käyttöön.",
            "address": "Rantakatu 5, 92100 Raahe",
            "accessibility": "Hissi toiseen kerrokseen. Induktiosilmukka isossa salissa.",
            "booking": "Varaa kaupungin tilavarausjärjestelmästä. Järjestöille maksuton.",
            "link": "https://{site}/tilavaraus",
        },
    ],
    "Reisjärvi": [
        {
            "kind": K.INFLUENCE_BODY,
            "subtype": S.VILLAGE_COUNCIL,
            "title_fi": "{gen} kyläneuvosto",
            "description_fi": "Kylien yhdistysten ja kunnan neuvottelukunta. Perustettiin "
            "Yhdessä osallisuutta -hankkeen tuella.",
            "contact": "Kunnan vapaa-aikapalvelut: kylat@{site}",
            "rhythm": "Kolmesti vuodessa",
        },
        {
            "kind": K.FORUM,
            "title_fi": "Kunnan ja järjestöjen hyvinvointipäivä",
            "description_fi": "Kunta ja järjestöt esittelevät toimintaansa ja kuulevat "
            "kuntalaisia. Ensimmäinen järjestettiin syksyllä 2022 Yhdessä osallisuutta "
            "-hankkeen kanssa.",
            "rhythm": "Kerran vuodessa syksyllä",
            "contact": "Järjestöt voivat tulla mukaan ilmoittamalla järjestöyhdyshenkilölle.",
            "next_in_days": 60,
        },
    ],
    "Sievi": [
        {
            "kind": K.INFLUENCE_BODY,
            "subtype": S.VILLAGE_COUNCIL,
            "title_fi": "Järvikylän kyläneuvosto",
            "description_fi": "Perustettiin Yhdessä osallisuutta -hankkeen tuella.",
            "contact": "Järvikylän kyläyhdistys ry: kylaneuvosto@{site}",
            "rhythm": "Neljästi vuodessa",
        },
        {
            "kind": K.MEETING_PLACE,
            "title_fi": "Kirjaston monitoimitila",
            "address": "Haikolantie 16, 85410 Sievi",
            "accessibility": "Esteetön sisäänkäynti ja wc.",
            "booking": "Varaa kirjaston asiakaspalvelusta.",
            "checked_days_ago": 400,  # out of date on purpose
        },
    ],
    "Utajärvi": [
        {
            "kind": K.INFLUENCE_BODY,
            "subtype": S.YOUTH_COUNCIL,
            "title_fi": "{gen} nuorisovaltuusto",
            "contact": "Nuoriso-ohjaaja: nuva@{site}",
            "rhythm": "Kerran kuukaudessa",
        },
        {
            "kind": K.FORUM,
            "title_fi": "Järjestöilta",
            "description_fi": "Kunnan ja järjestöjen yhteinen ilta: kuulumiset, avustukset "
            "ja yhteiset tapahtumat.",
            "rhythm": "Kahdesti vuodessa",
            "next_in_days": 45,
        },
    ],
}

# The project's entries, in the order of facts.yaml: (start, end, municipalities or None for
# all six, what was done). The report names them; the dates and the descriptions are estimates.
ACTIVITIES: dict[str, list[tuple[D, D | None, list[str] | None, str]]] = {
    "regional_cooperation_fi": [
        (
            D(2021, 10, 1),
            D(2023, 9, 30),
            None,
            "Kuntien järjestöyhdyshenkilöt jakoivat kokemuksia ja sopivat yhteisistä käytännöistä.",
        ),
        (
            D(2022, 1, 1),
            D(2023, 9, 30),
            [],
            "Hanke osallistui maakunnan osallisuustoimijoiden verkoston tapaamisiin.",
        ),
        (
            D(2022, 2, 1),
            D(2022, 6, 30),
            [],
            "Hyvinvointikertomuksista ja -suunnitelmista "
            "katsottiin, miten järjestö- ja seurakuntayhteistyö ja osallisuus näkyvät.",
        ),
        (
            D(2022, 11, 10),
            None,
            [],
            "Kokemustoimijat kertoivat, miten osallisuutta voi vahvistaa maakunnan ohjelmassa.",
        ),
        (D(2022, 5, 12), None, [], "Hanke esitteli toimintaansa ja kokeilujaan."),
        (
            D(2023, 3, 22),
            None,
            [],
            "Työpajassa pohdittiin kuntien ja hyvinvointialueen yhteistyötä osallisuustyössä.",
        ),
    ],
    "support_fi": [
        (
            D(2022, 1, 1),
            D(2023, 6, 30),
            ["Nivala", "Reisjärvi", "Sievi"],
            "Hanke auttoi "
            "kuntia kutsumaan kylät koolle ja sopimaan kyläneuvoston toimintatavoista.",
        ),
        (
            D(2022, 3, 1),
            D(2023, 8, 31),
            None,
            "Kunnat ja järjestöt päivittivät yhteistyöasiakirjansa hankkeen sparraamina.",
        ),
        (
            D(2022, 9, 24),
            None,
            ["Reisjärvi"],
            "Kunta ja järjestöt esittelivät toimintaansa "
            "ja kuulivat kuntalaisia; hanke oli mukana järjestämässä.",
        ),
    ],
}
DEMO_NOTE = " (Demo: päivämäärä ja kuvaus ovat arvioita.)"
KINDS = {
    "regional_cooperation_fi": ProjectActivity.Kind.REGIONAL_COOPERATION,
    "support_fi": ProjectActivity.Kind.SUPPORT,
}


def load(facts: dict[str, Any], *, project: Project, places: Places) -> None:
    for name, municipality in places.municipalities.items():
        for row in [*COMMON, *OWN.get(name, [])]:
            _structure(municipality, name, row)
    _activities(facts, project, places)


def _structure(municipality: Municipality, name: str, row: dict[str, Any]) -> None:
    today = timezone.localdate()
    fields = dict(row)
    next_in_days = fields.pop("next_in_days", None)
    checked_days_ago = fields.pop("checked_days_ago", 30)
    placeholders = {"gen": GENITIVES[name], "site": f"{_slug(name)}.example"}
    for key, value in fields.items():
        if isinstance(value, str):
            fields[key] = value.format(**placeholders)
    if next_in_days is not None:
        fields["next_date"] = today + datetime.timedelta(days=next_in_days)
    fields["checked_on"] = today - datetime.timedelta(days=checked_days_ago)
    title = fields.pop("title_fi")
    entry, _ = CooperationStructure.objects.update_or_create(
        municipality=municipality,
        kind=fields["kind"],
        title_fi=title,
        defaults=fields | {"is_demo": True},
    )
    entry.full_clean()


def _activities(facts: dict[str, Any], project: Project, places: Places) -> None:
    everyone = list(places.municipalities.values())
    for part, rows in ACTIVITIES.items():
        for title, (starts_on, ends_on, names, text) in zip(facts[part], rows, strict=True):
            activity, _ = ProjectActivity.objects.update_or_create(
                project=project,
                title=title,
                defaults={
                    "kind": KINDS[part],
                    "description": text + DEMO_NOTE,
                    "starts_on": starts_on,
                    "ends_on": ends_on,
                    "is_demo": True,
                },
            )
            chosen = everyone if names is None else [places.municipalities[n] for n in names]
            activity.municipalities.set(chosen)
