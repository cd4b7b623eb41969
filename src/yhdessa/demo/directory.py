"""Region, municipalities and organisations of the demo (invented organisations are marked)."""

from dataclasses import dataclass
from typing import Any

from yhdessa.directory.models import Municipality, Organisation, Region, WellbeingServicesCounty

SWEDISH_NAMES = {"Raahe": "Brahestad"}
GENITIVES = {
    "Haapavesi": "Haapaveden",
    "Nivala": "Nivalan",
    "Raahe": "Raahen",
    "Reisjärvi": "Reisjärven",
    "Sievi": "Sievin",
    "Utajärvi": "Utajärven",
}
TOWNS = {"Haapavesi", "Nivala", "Raahe"}

K = Organisation.Kind


# (kind, name pattern, description) per municipality; {gen} is the genitive of its name.
LOCAL_ORGANISATIONS: dict[str, list[tuple[str, str, str]]] = {
    "Haapavesi": [
        (
            K.ASSOCIATION,
            "{gen} Mielenterveysyhdistys ry",
            "Vertaistukiryhmiä ja avoin olohuone mielenterveyskuntoutujille ja läheisille.",
        ),
        (
            K.INFLUENCE_BODY,
            "{gen} vanhusneuvosto",
            "Ikäihmisten vaikuttamistoimielin, joka antaa lausuntoja kaupungin päätöksiin.",
        ),
    ],
    "Nivala": [
        (
            K.ASSOCIATION,
            "{gen} Eläkkeensaajat ry",
            "Kerhoja, retkiä ja liikuntaa eläkeläisille. Uudet jäsenet ovat tervetulleita.",
        ),
        (
            K.INFLUENCE_BODY,
            "{gen} nuorisovaltuusto",
            "Nuorten vaikuttamistoimielin, joka tuo nuorten äänen kaupungin päätöksiin.",
        ),
        (
            K.VILLAGE_COUNCIL,
            "Maliskylän kyläneuvosto",
            "Kyläläisten ja kaupungin yhteistyöfoorumi, joka kokoontuu neljästi vuodessa.",
        ),
    ],
    "Raahe": [
        (
            K.ASSOCIATION,
            "{gen} Seudun Työttömät ry",
            "Työttömien kohtaamispaikka: yhteinen lounas, neuvontaa ja vapaaehtoistyötä.",
        ),
        (
            K.INFLUENCE_BODY,
            "{gen} vammaisneuvosto",
            "Vammaisten ihmisten ja järjestöjen vaikuttamistoimielin.",
        ),
    ],
    "Reisjärvi": [
        (
            K.ASSOCIATION,
            "{gen} Nuorisoseura ry",
            "Harrastustoimintaa lapsille, nuorille ja perheille seurantalolla.",
        ),
        (
            K.VILLAGE_COUNCIL,
            "{gen} kyläneuvosto",
            "Kylien yhdistysten ja kunnan yhteinen neuvottelukunta.",
        ),
    ],
    "Sievi": [
        (
            K.ASSOCIATION,
            "{gen} Kotiseutuyhdistys ry",
            "Kotiseututyötä, museotoimintaa ja yhteisiä talkoita.",
        ),
        (
            K.ASSOCIATION,
            "Järvikylän kyläyhdistys ry",
            "Kylätalon ylläpito ja kyläläisten yhteiset tapahtumat.",
        ),
    ],
    "Utajärvi": [
        (
            K.ASSOCIATION,
            "{gen} Eläkeläiset ry",
            "Kerhoja ja retkiä ikäihmisille sekä ystävätoimintaa yksin asuville.",
        ),
        (
            K.INFLUENCE_BODY,
            "{gen} nuorisovaltuusto",
            "Nuorten vaikuttamistoimielin, joka tuo nuorten äänen kunnan päätöksiin.",
        ),
    ],
}


@dataclass
class Places:
    region: Region
    municipalities: dict[str, Municipality]  # by Finnish name
    implementers: list[Organisation]
    funders: list[Organisation]


def load(facts: dict[str, Any]) -> Places:
    region, _ = Region.objects.update_or_create(
        code="17",
        defaults={
            "name_fi": facts["project"]["region"]["name_fi"],
            "name_sv": "Norra Österbotten",
            "name_en": "North Ostrobothnia",
        },
    )
    county, _ = WellbeingServicesCounty.objects.update_or_create(
        name_fi=facts["project"]["region"]["wellbeing_services_county_fi"],
        defaults={
            "name_sv": "Norra Österbottens välfärdsområde",
            "name_en": "North Ostrobothnia Wellbeing Services County",
        },
    )
    municipalities = {}
    for row in facts["municipalities"]:
        name = row["name"]
        municipalities[name], _ = Municipality.objects.update_or_create(
            code=row["code"],
            defaults={
                "name_fi": name,
                "name_sv": SWEDISH_NAMES.get(name, name),
                "name_en": name,
                "region": region,
                "wellbeing_services_county": county,
            },
        )
        _load_local_organisations(municipalities[name], name)
    return Places(
        region=region,
        municipalities=municipalities,
        implementers=_load_implementers(facts),
        funders=_load_funders(facts),
    )


def _organisation(slug: str, **fields: Any) -> Organisation:
    organisation = Organisation.objects.filter(slug=slug).first() or Organisation(slug=slug)
    for name, value in fields.items():
        setattr(organisation, name, value)
    organisation.save()
    return organisation


def _load_local_organisations(municipality: Municipality, name_fi: str) -> None:
    gen = GENITIVES[name_fi]
    unit = "kaupungin" if name_fi in TOWNS else "kunnan"
    rows = [
        (
            K.MUNICIPAL_UNIT,
            f"{gen} {unit} hyvinvointi- ja vapaa-aikapalvelut",
            "Kunnan osallisuus- ja järjestöyhteistyö, liikunta-, kulttuuri- ja nuorisopalvelut.",
        ),
        (
            K.PARISH,
            f"{gen} seurakunta",
            "Diakoniatyötä, ruoka-apua ja ryhmiä yhteistyössä kunnan ja järjestöjen kanssa.",
        ),
        *LOCAL_ORGANISATIONS[name_fi],
    ]
    for kind, pattern, description in rows:
        name = pattern.format(gen=gen)
        _organisation(
            f"demo-{municipality.code}-{_slug(name)}",
            name=name,
            kind=kind,
            municipality=municipality,
            email=f"info@{_slug(name)}.example",
            description_fi=description,
            is_demo=True,
        )


def _load_implementers(facts: dict[str, Any]) -> list[Organisation]:
    diak, ppsotu = facts["project"]["implementers"]
    return [
        _organisation(
            "diak",
            name=diak,
            kind=K.UNIVERSITY,
            website="https://www.diak.fi/",
            description_fi="Diakonia-ammattikorkeakoulu, hankkeen päätoteuttaja.",
        ),
        _organisation(
            "ppsotu",
            name=ppsotu,
            kind=K.ASSOCIATION,
            website="https://ppsotu.fi/",
            description_fi="Pohjois-Pohjanmaan sosiaali- ja terveysalan järjestöjen kattojärjestö.",
        ),
    ]


def _load_funders(facts: dict[str, Any]) -> list[Organisation]:
    esr, stea = facts["project"]["funders"]
    return [
        _organisation("esr", name=esr, kind=K.FUNDER, website="https://rakennerahastot.fi/"),
        _organisation("stea", name=stea, kind=K.FUNDER, website="https://www.stea.fi/"),
    ]


def _slug(name: str) -> str:
    from django.utils.text import slugify

    return slugify(name.replace("ä", "a").replace("ö", "o"))
