"""The seed project with its goal, target groups and logic model (work packages)."""

from typing import Any

from yhdessa.demo.directory import Places
from yhdessa.projects.models import Project

SLUG = "yhdessa-osallisuutta"

TRANSLATIONS = {
    "name_sv": "Delaktighet tillsammans – att främja delaktighet och ett människonära arbetssätt "
    "genom lokalt samarbete",
    "name_en": "Participation Together – promoting participation and a people-centred approach "
    "through local cooperation",
    "short_name_sv": "Delaktighet tillsammans",
    "short_name_en": "Participation Together",
    "goal_sv": "Att främja delaktigheten och välbefinnandet hos personer i arbetsför ålder som "
    "står utanför arbetslivet genom att stärka kommunaktörernas kunnande och praxis kring "
    "delaktighet och samarbete med organisationer, och genom att stärka "
    "verksamhetsförutsättningarna för organisationer som främjar delaktighet och "
    "välbefinnande i kommunerna.",
    "goal_en": "To promote the participation and wellbeing of working-age people outside working "
    "life by strengthening municipal actors' skills and practices in participation and NGO "
    "cooperation, and by strengthening the operating conditions of NGOs that promote "
    "participation and wellbeing in the municipalities.",
}

TARGET_GROUPS_SV_EN = [
    (
        "Kommunanställda som arbetar med delaktighet och organisationssamarbete",
        "Municipal employees working on participation and NGO cooperation",
    ),
    (
        "Organisationer som främjar delaktighet och välbefinnande i partnerkommunerna",
        "NGOs promoting participation and wellbeing in the partner municipalities",
    ),
    (
        "Målgrupper som partnerkommunerna valt och vars delaktighet ska främjas genom lokalt "
        "samarbete",
        "Groups chosen by the partner municipalities whose participation is promoted through local "
        "cooperation",
    ),
]

# (activities, expected outcome) for each work package of facts.yaml, from the seed's logic
# model graphic ("Valmennuksia … → Osaaminen … vahvistuu", "Kokeilut … → … hyvinvointi paranee").
WORK_PACKAGE_LOGIC = {
    "Viestintä": (
        "Hankesivusto, kuukausittaiset blogit, artikkelit ja vinkkilistat.",
        "Tieto hankkeen toiminnasta ja tuloksista on helposti saatavilla.",
    ),
    "Valmennukset": (
        "Valmennuksia osallisuuteen ja kunta-järjestöyhteistyöhön.",
        "Osaaminen osallisuudesta ja kunta-järjestöyhteistyöstä vahvistuu.",
    ),
    "Kokeilut kunnissa": (
        "Osallisuuden toimintamallien kokeilut kunnissa järjestöjen kanssa.",
        "Asukkaiden osallisuus ja hyvinvointi paranee.",
    ),
    "Arviointi": (
        "Minun arkeni ja elämäni -kysely kokeiluihin osallistuneille alussa ja lopussa.",
        "Tieto kokeilujen vaikutuksista tukee päätöksiä toiminnan jatkosta.",
    ),
}


def load(facts: dict[str, Any], places: Places) -> Project:
    seed = facts["project"]
    project, _ = Project.objects.update_or_create(
        slug=SLUG,
        defaults={
            "name_fi": seed["name_fi"],
            "short_name_fi": seed["short_name"],
            "start_date": seed["period"]["start"],
            "end_date": seed["period"]["end"],
            "goal_fi": seed["goal_fi"],
            "website": f"https://{seed['websites'][0]}/",
            "region": places.region,
            **TRANSLATIONS,
        },
    )
    project.implementers.set(places.implementers)
    project.funders.set(places.funders)
    project.partner_municipalities.set(places.municipalities.values())

    project.target_groups.all().delete()
    for position, (name_fi, (name_sv, name_en)) in enumerate(
        zip(seed["target_groups_fi"], TARGET_GROUPS_SV_EN, strict=True)
    ):
        project.target_groups.create(
            position=position, name_fi=name_fi, name_sv=name_sv, name_en=name_en
        )
    project.work_packages.all().delete()
    for position, name in enumerate(seed["work_packages_fi"]):
        activities, outcome = WORK_PACKAGE_LOGIC.get(name, ("", ""))
        project.work_packages.create(
            position=position, name_fi=name, activities_fi=activities, expected_outcome_fi=outcome
        )
    return project
