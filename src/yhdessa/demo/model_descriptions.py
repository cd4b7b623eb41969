"""One published operational model description (toimintamallikuvaus) per demo experiment.

The seed report says that a model description was written of each experiment, with its
effects on the residents' wellbeing, what was learned and what it cost; the descriptions
themselves are not in the report. Utajärvi's bus trip is the report's own example (a full bus,
14,99 € per passenger); everything else written here is invented for the demo and says so.
The costs and effects sections are not written: the pages compute them from the experiment's
records and from the life-situation survey *Minun arkeni ja elämäni*, which the report says
was answered by the people who took part in the experiments, at the start and at the end.
That survey is therefore linked to each demo experiment as its evaluation survey (its results
are shown for the experiment's own municipality, behind the small-number rules).

Loading again updates the same rows (found by slug).
"""

from dataclasses import dataclass
from typing import Any

from yhdessa.experiments import model_services, services
from yhdessa.experiments.models import Experiment, ModelDescription
from yhdessa.projects.models import Project
from yhdessa.surveys.models import Survey

LIFE_SURVEY_TITLE = "Minun arkeni ja elämäni"
DEMO_AUTHORS = "Demo: kunnan järjestöyhdyshenkilö ja Yhdessä osallisuutta -hankkeen työntekijät"
MEASURING = (
    "Osallistujat vastasivat Minun arkeni ja elämäni -kyselyyn (Pohjois-Pohjanmaan"
    " sairaanhoitopiiri) toiminnan alussa ja lopussa. Lisäksi kirjattiin osallistujamäärä ja"
    " kokeilun kustannukset: työaika ammattinimikkeittäin, vapaaehtoistyön arvo ja hankinnat."
)


@dataclass(frozen=True)
class Text:
    slug: str
    basic_idea: str
    operating_environment: str
    needs: str
    intended_change: str
    target_group: str
    conditions: str


TEXTS: dict[str, Text] = {
    "Haapavesi": Text(
        "haapavesi-kokemustoimijoiden-keskusteluryhma",
        "Demo: Pieni ryhmä kuntalaisia kokoontuu sosiaaliohjaajan ja vapaaehtoisen"
        " kokemustoimijan kanssa juttelemaan arjen palveluista. Ryhmän kokemukset kirjataan"
        " ja viedään kunnalle kehittämisehdotuksina.",
        "Demo: Pieni kunta, jossa palvelut ovat keskustassa ja matkat kylistä pitkiä.",
        "Demo: Palveluja kehitetään usein ilman niiden käyttäjien kokemusta. Työelämän"
        " ulkopuolella olevien ääni ei kuulu kunnan valmistelussa.",
        "Demo: Palvelujen käyttäjien kokemus kuuluu kunnan päätöksissä, ja osallistujat"
        " kokevat, että heidän mielipiteellään on merkitystä.",
        "Demo: Työikäiset, jotka ovat työelämän ulkopuolella ja käyttävät kunnan palveluja.",
        "Demo: Ryhmästä on kerrottava monessa kanavassa ja henkilökohtaisesti. Kunnan on"
        " sovittava etukäteen, kuka ottaa ehdotukset vastaan.",
    ),
    "Nivala": Text(
        "nivala-kylatalon-olohuone",
        "Demo: Kylätalolla on kerran viikossa avoin olohuone. Sinne voi tulla juomaan kahvia,"
        " juttelemaan ja kysymään neuvoa kunnan palveluista ilman ajanvarausta.",
        "Demo: Kyläyhdistys omistaa kylätalon, ja kunnan palvelut ovat kirkonkylällä.",
        "Demo: Kylissä asuvat tuntevat itsensä yksinäisiksi, eikä tieto palveluista kulje.",
        "Demo: Kyläläiset tapaavat toisiaan säännöllisesti ja tietävät, mistä apua saa.",
        "Demo: Kylän asukkaat, erityisesti ne, jotka ovat paljon yksin kotona.",
        "Demo: Tilat saadaan kyläyhdistykseltä maksutta, ja vapaaehtoiset sitoutuvat vuoroihin."
        " Kunnan työntekijän säännöllinen käynti tuo olohuoneeseen uusia kävijöitä.",
    ),
    "Raahe": Text(
        "raahe-nuorten-osallistuva-budjetointi",
        "Demo: Nuoret ideoivat työpajoissa, mihin pieni osa nuorisotyön rahoista käytetään, ja"
        " äänestävät ideoista. Eniten ääniä saanut idea toteutetaan.",
        "Demo: Kaupungin nuorisotyö ja nuorisoyhdistys tekevät yhteistyötä.",
        "Demo: Nuoret eivät tunne voivansa vaikuttaa kaupungin asioihin.",
        "Demo: Nuoret näkevät, että heidän ideansa toteutuu, ja osallistuvat jatkossakin.",
        "Demo: 13–29-vuotiaat nuoret, myös ne, jotka eivät käy nuorisotaloilla.",
        "Demo: Rahasumma ja aikataulu päätetään etukäteen. Äänestyksen on oltava helppo, ja"
        " tuloksesta kerrotaan nopeasti.",
    ),
    "Reisjärvi": Text(
        "reisjarvi-asiakasraati",
        "Demo: Kuntalaisista koottu asiakasraati kokoontuu muutaman kerran ja arvioi yhtä"
        " kunnan palvelua käyttäjän silmin. Raadin ehdotukset viedään johtoryhmälle.",
        "Demo: Pieni kunta, jonka palveluja järjestää kunta yhdessä hyvinvointialueen kanssa.",
        "Demo: Palautetta palveluista tulee vähän, eikä se ole jäsenneltyä.",
        "Demo: Kunnan johto saa palvelujen käyttäjiltä ehdotuksia, joihin se vastaa.",
        "Demo: Palvelujen käyttäjät, joita järjestöt auttavat tulemaan mukaan.",
        "Demo: Raadin jäsenille korvataan matkat. Johtoryhmän on sitouduttava vastaamaan"
        " ehdotuksiin.",
    ),
    "Sievi": Text(
        "sievi-kohtaamispaikka-kirjastossa",
        "Demo: Kirjastossa on viikoittain kohtaamispaikka, jossa vapaaehtoinen ja kunnan"
        " työntekijä neuvovat sähköisten palvelujen käytössä ja juttelevat kävijöiden kanssa.",
        "Demo: Kirjasto on kunnan keskustassa, ja sinne on helppo tulla.",
        "Demo: Moni asiointi on siirtynyt verkkoon, eikä kaikilla ole taitoja tai laitteita.",
        "Demo: Kävijät osaavat hoitaa asioitaan verkossa ja tietävät, mistä apua saa.",
        "Demo: Kuntalaiset, jotka tarvitsevat apua sähköisessä asioinnissa.",
        "Demo: Kirjasto tarjoaa tilan ja laitteet. Vapaaehtoiset tarvitsevat perehdytyksen ja"
        " tukihenkilön kunnasta.",
    ),
    "Utajärvi": Text(
        "utajarvi-linja-autoretki",
        "Kunta ja paikalliset järjestöt järjestävät kuntalaisille yhteisen linja-autoretken."
        " Retkellä tutustutaan toisiin ja järjestöjen toimintaan. Demo: ohjelma ja"
        " työnjako ovat demon arvioita.",
        "Demo: Harvaan asuttu kunta, jossa julkinen liikenne on vähäistä ja matkat pitkiä.",
        "Demo: Työelämän ulkopuolella olevilla ei ole varaa tai kyytiä retkille, ja moni"
        " kokee itsensä yksinäiseksi.",
        "Demo: Osallistujat tutustuvat toisiinsa ja järjestöjen toimintaan ja lähtevät"
        " mukaan myös retken jälkeen.",
        "Demo: Kaikki kuntalaiset, erityisesti työikäiset, jotka ovat työelämän ulkopuolella.",
        "Retki on edullinen osallistujaa kohti, kun linja-auto on täynnä (hankkeen"
        " raportissa 14,99 € matkustajaa kohti). Demo: ilmoittautumiset kerätään ajoissa, ja"
        " järjestöt kutsuvat mukaan omia jäseniään.",
    ),
}


def load(facts: dict[str, Any], *, project: Project) -> list[ModelDescription]:
    if "experiments" not in facts:
        return []
    survey = Survey.objects.filter(project=project, title_fi=LIFE_SURVEY_TITLE).first()
    experiments = Experiment.objects.filter(project=project).select_related("municipality")
    loaded = []
    for experiment in experiments:
        text = TEXTS.get(experiment.municipality.name)
        if text is None:
            continue
        if survey is not None and experiment.survey_id != survey.pk:
            services.experiment_update(actor=None, experiment=experiment, survey=survey)
        loaded.append(_load_one(project, experiment, text))
    return loaded


def _load_one(project: Project, experiment: Experiment, text: Text) -> ModelDescription:
    fields = model_services.prefill_from_experiment(experiment) | {
        "authors": DEMO_AUTHORS,
        "basic_idea_fi": text.basic_idea,
        "operating_environment_fi": text.operating_environment,
        "needs_fi": text.needs,
        "intended_change_fi": text.intended_change,
        "measuring_change_fi": MEASURING,
        "target_group_fi": text.target_group,
        "conditions_fi": text.conditions,
    }
    if not fields.get("co_development_fi"):
        fields["co_development_fi"] = (
            "Demo: Kokeilu suunniteltiin ja toteutettiin yhdessä paikallisten järjestöjen ja"
            " Yhdessä osallisuutta -hankkeen kanssa."
        )
    description = ModelDescription.objects.filter(slug=text.slug).first()
    if description is None:
        return model_services.description_publish(
            actor=None,
            description=model_services.description_create(
                actor=None,
                project=project,
                experiment=experiment,
                municipalities=[experiment.municipality],
                slug=text.slug,
                **fields,
            ),
        )
    # Loaded before: the experiment may have been made again (see demo/experiments.py).
    if description.experiment_id != experiment.pk:
        ModelDescription.objects.filter(pk=description.pk).update(experiment=experiment)
    description = model_services.description_update(
        actor=None, description=description, municipalities=[experiment.municipality], **fields
    )
    if not description.is_published:
        description = model_services.description_publish(actor=None, description=description)
    return description
