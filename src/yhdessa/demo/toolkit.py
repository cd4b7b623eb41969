"""The seed project's six tip lists, its publications, and one adopted checklist.

The report names the six tip lists (``tip_lists_fi``) but does not print them: the tips here
are written for this platform in plain Finnish, from the practice the report describes. The
publications are the report's count (``publications``): 17 monthly blog posts on the project
site (their titles are not in the report, so they are generated and titled "Demo: …"), two
articles in Dialogi (invented titles, marked demo), the yearbook article with its real
reference and URN, and one post on Pohde's blog (invented title, marked demo). One demo
checklist shows adopting and ticking: Nivala's experiment uses the meeting place list.

Loading again updates the same rows (tip lists by slug, publications by title).
"""

import datetime
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from yhdessa.experiments.models import Experiment
from yhdessa.projects.models import Project
from yhdessa.toolkit.models import (
    Checklist,
    Phase,
    Publication,
    PublicationKind,
    TipItem,
    TipList,
    TipListVersion,
)

P, D, F = Phase.PLAN, Phase.DO, Phase.FOLLOW_UP


@dataclass(frozen=True)
class Spec:
    slug: str
    title_fi: str
    title_sv: str
    title_en: str
    summary_fi: str
    items: tuple[tuple[str, str], ...]


SPECS: tuple[Spec, ...] = (
    Spec(
        "teemaviikot",
        "Teemaviikkojen suunnittelun vinkkilista",
        "Tipslista för planering av temaveckor",
        "Tip list for planning theme weeks",
        "Kun kunta ja järjestöt järjestävät yhdessä teemaviikon, esimerkiksi vanhusten viikon"
        " tai mielenterveysviikon.",
        (
            (P, "Valitkaa teema ja viikko hyvissä ajoin, vähintään neljä kuukautta ennen."),
            (P, "Kutsukaa suunnitteluun kunnan, järjestöjen ja seurakunnan väki samaan pöytään."),
            (P, "Kysykää teeman kohderyhmältä, mitä he toivovat viikolta."),
            (P, "Sopikaa, kuka kokoaa ohjelman ja kuka vastaa viestinnästä."),
            (P, "Varatkaa tilat maksutta kunnalta, seurakunnalta tai kylätalolta."),
            (D, "Kootkaa viikon ohjelma yhdeksi kalenteriksi: päivä, aika, paikka ja järjestäjä."),
            (
                D,
                "Kertokaa ohjelmasta lehdessä, somessa, ilmoitustauluilla ja kasvokkain.",
            ),
            (D, "Pyytäkää järjestöjä kutsumaan jäseniään henkilökohtaisesti."),
            (D, "Järjestäkää tarvittaessa kyyti tai saattaja niille, joiden on vaikea tulla."),
            (F, "Laskekaa osallistujat jokaisesta tilaisuudesta."),
            (F, "Kysykää osallistujilta lyhyesti, mikä oli hyvää ja mitä voisi tehdä toisin."),
            (F, "Pitäkää järjestäjien yhteinen palaveri viikon jälkeen ja kirjatkaa opit."),
            (F, "Kiittäkää vapaaehtoisia ja kertokaa tuloksista julkisesti."),
        ),
    ),
    Spec(
        "kokemustoiminta",
        "Kokemustoiminnan vinkkilista",
        "Tipslista för erfarenhetsverksamhet",
        "Tip list for experience expertise",
        "Kun kunta haluaa kuulla palvelujen käyttäjiä ja ottaa kokemustoimijat mukaan"
        " kehittämiseen.",
        (
            (P, "Määritelkää, mitä palvelua tai asiaa kokemustoimijan kanssa kehitetään."),
            (
                P,
                "Sopikaa, kuka työntekijä tukee kokemustoimijaa. Vastuu on aina työntekijällä.",
            ),
            (P, "Selvittäkää palkkiot ja matkakorvaukset etukäteen ja kertokaa ne selvästi."),
            (
                P,
                "Etsikää kokemustoimijoita järjestöjen kautta ja kokemusasiantuntijakoulutuksista.",
            ),
            (D, "Kertokaa kokemustoimijalle tapaamisen tavoite ja oma rooli etukäteen."),
            (D, "Käyttäkää selkeää kieltä ja varatkaa aikaa kysymyksille."),
            (D, "Huolehtikaa, että kokemustoimija saa puhua omasta kokemuksestaan omin sanoin."),
            (D, "Kirjatkaa ehdotukset ja kertokaa, kuka vie ne eteenpäin."),
            (F, "Kertokaa kokemustoimijalle, mitä hänen ehdotuksilleen tapahtui."),
            (F, "Kysykää kokemustoimijalta, miten hän jaksaa ja haluaako hän jatkaa."),
            (F, "Arvioikaa yhdessä, muuttuiko palvelu ja miten."),
        ),
    ),
    Spec(
        "osallisuusviikko",
        "Osallisuusviikon vinkkilista",
        "Tipslista för delaktighetsveckan",
        "Tip list for a participation week",
        "Kun kunta järjestää osallisuusviikon, jolla asukkaat pääsevät kertomaan mielipiteensä"
        " ja tutustumaan kunnan ja järjestöjen toimintaan.",
        (
            (
                P,
                "Kootkaa työryhmä: kunnan työntekijä, järjestöt, nuoriso- ja vanhusneuvosto.",
            ),
            (P, "Päättäkää, mistä asioista asukkailta kysytään ja kuka vastaa palautteeseen."),
            (P, "Suunnitelkaa tilaisuudet eri kohderyhmille ja eri kellonaikoihin."),
            (P, "Tarkistakaa, että tilat ovat esteettömiä ja helppo löytää."),
            (D, "Menkää sinne, missä ihmiset jo ovat: kauppaan, kirjastoon, kerhoihin."),
            (D, "Tarjotkaa monta tapaa osallistua: paikan päällä, paperilla ja verkossa."),
            (D, "Kertokaa joka tilaisuudessa, mitä palautteella tehdään."),
            (D, "Pitäkää järjestöesittelyt, joissa asukas voi liittyä mukaan toimintaan."),
            (F, "Kootkaa palaute yhteen ja viekää se päättäjille."),
            (F, "Julkaiskaa yhteenveto siitä, mitä kuultiin ja mitä seuraavaksi tehdään."),
            (F, "Laskekaa osallistujat ja verratkaa edelliseen vuoteen."),
            (F, "Sopikaa seuraavan vuoden viikon ajankohta ja vastuuhenkilö."),
        ),
    ),
    Spec(
        "osallistava-budjetointi",
        "Osallistavan budjetoinnin vinkkilista",
        "Tipslista för deltagande budgetering",
        "Tip list for participatory budgeting",
        "Kun asukkaat saavat ideoida ja äänestää, mihin osa kunnan rahoista käytetään.",
        (
            (P, "Päättäkää summa, alue ja aikataulu ennen kuin kerrotte asukkaille."),
            (P, "Kirjoittakaa selkeät säännöt: kuka voi ehdottaa, kuka äänestää ja miten."),
            (P, "Sopikaa, kuka kunnassa arvioi ideoiden kustannukset ja toteutettavuuden."),
            (P, "Varmistakaa, että äänestää voi myös ilman verkkopankkitunnuksia."),
            (D, "Järjestäkää ideointitilaisuuksia kylillä ja yhdessä järjestöjen kanssa."),
            (D, "Auttakaa asukkaita kirjoittamaan ideansa, jos se on heille vaikeaa."),
            (
                D,
                "Kertokaa julkisesti kaikista ideoista, myös niistä, joita ei voi toteuttaa.",
            ),
            (D, "Pitäkää äänestys auki riittävän pitkään ja muistuttakaa siitä."),
            (F, "Julkaiskaa tulokset ja aikataulu, jolla voittaneet ideat toteutetaan."),
            (F, "Kertokaa, kun idea on toteutettu, ja kiittäkää ehdottajaa."),
            (F, "Kysykää osallistujilta, oliko prosessi reilu ja ymmärrettävä."),
        ),
    ),
    Spec(
        "kohtaamispaikka",
        "Kohtaamispaikan vinkkilista",
        "Tipslista för en mötesplats",
        "Tip list for a meeting place",
        "Kun kuntaan perustetaan matalan kynnyksen kohtaamispaikka, johon voi tulla ilman"
        " ilmoittautumista.",
        (
            (P, "Kysykää tulevilta kävijöiltä, mihin aikaan ja millaiseen paikkaan he tulisivat."),
            (P, "Valitkaa paikka, jonne pääsee ilman autoa ja joka on esteetön."),
            (P, "Sopikaa, kuka työntekijä on vastuussa ja milloin hän on paikalla."),
            (P, "Sopikaa vapaaehtoisten tehtävät ja se, miten heitä tuetaan."),
            (D, "Pitäkää aukioloajat samoina viikosta toiseen."),
            (D, "Tervehtikää jokaista tulijaa ja esitelkää hänet muille, jos hän haluaa."),
            (
                D,
                "Tarjotkaa kahvia ja pientä tekemistä, joka helpottaa juttelun aloittamista.",
            ),
            (D, "Kertokaa paikasta henkilökohtaisesti palveluissa, joissa kävijöitä kohdataan."),
            (D, "Pyytäkää järjestöjä pitämään paikassa vuorollaan oma tuokio."),
            (F, "Laskekaa kävijät joka kerta ilman nimiä."),
            (F, "Kysykää kävijöiltä muutaman kuukauden välein, mitä he toivovat."),
            (F, "Seuratkaa vapaaehtoisten jaksamista ja vaihtakaa vuoroja tarvittaessa."),
        ),
    ),
    Spec(
        "asiakasraati",
        "Asiakasraadin vinkkilista",
        "Tipslista för en kundpanel",
        "Tip list for a client panel",
        "Kun palvelun käyttäjistä kootaan raati, joka antaa palautetta ja ideoita palvelun"
        " kehittämiseen.",
        (
            (P, "Päättäkää, mitä palvelua raati käsittelee ja mihin päätöksiin se voi vaikuttaa."),
            (P, "Kutsukaa raatiin eri-ikäisiä ja eri tilanteissa olevia palvelun käyttäjiä."),
            (P, "Sopikaa kokoontumisten määrä, kesto ja mahdollinen palkkio."),
            (P, "Nimetkää työntekijä, joka vetää raatia ja vie sen viestit eteenpäin."),
            (D, "Lähettäkää asiat etukäteen selkokielellä."),
            (
                D,
                "Kertokaa kokouksen alussa, mitä edellisen kokouksen ehdotuksille tapahtui.",
            ),
            (D, "Antakaa jokaiselle vuoro puhua ja pitäkää tauot."),
            (D, "Kutsukaa palvelusta vastaava esihenkilö kuulemaan raatia."),
            (F, "Kirjatkaa raadin ehdotukset ja niiden käsittely samaan taulukkoon."),
            (F, "Arvioikaa vuoden lopussa raadin kanssa, mikä muuttui."),
        ),
    ),
)


def load(facts: dict[str, Any], *, project: Project) -> list[TipList]:
    titles = set(facts.get("tip_lists_fi", []))
    if titles and titles != {spec.title_fi for spec in SPECS}:
        raise ValueError("Vinkkilistojen nimet eivät vastaa facts.yaml-tiedostoa.")
    tip_lists = [_load_tip_list(spec, project) for spec in SPECS]
    _load_publications(facts, project)
    _load_checklist(project)
    return tip_lists


def _load_tip_list(spec: Spec, project: Project) -> TipList:
    tip_list, _created = TipList.objects.update_or_create(
        slug=spec.slug,
        defaults={
            "project": project,
            "title_fi": spec.title_fi,
            "title_sv": spec.title_sv,
            "title_en": spec.title_en,
            "summary_fi": spec.summary_fi,
        },
    )
    version, _created = TipListVersion.objects.get_or_create(
        tip_list=tip_list,
        number=1,
        defaults={
            "published_at": datetime.datetime(2023, 11, 30, 12, tzinfo=datetime.UTC),
            "change_note": "Demo: hankkeen loppuraportin vinkkilista.",
        },
    )
    if list(version.items.values_list("text_fi", flat=True)) != [t for _p, t in spec.items]:
        version.items.all().delete()
        TipItem.objects.bulk_create(
            TipItem(version=version, phase=phase, text_fi=text, position=position)
            for position, (phase, text) in enumerate(spec.items, start=1)
        )
    return tip_list


# --- Publications ----------------------------------------------------------------------------

BLOG_THEMES = (
    "Hanke käynnistyy: tavoitteena yhdessä tekeminen",
    "Kuusi kuntaa, yksi yhteinen suunta",
    "Mitä osallisuus tarkoittaa arjessa?",
    "Valmennuksissa jaettiin kokemuksia",
    "Järjestöyhdyshenkilö kunnan ja järjestöjen välissä",
    "Kyläneuvosto kuulee kylien äänen",
    "Kehittämiskokeilut alkavat kunnissa",
    "Bussiretki toi ihmiset yhteen",
    "Vapaaehtoisten jaksamisesta pitää huolehtia",
    "Saattaminen madaltaa kynnystä osallistua",
    "Kokemustieto kunnan päätöksenteossa",
    "Hyvinvointipäivä Reisjärvellä",
    "Mitä kysely kertoi osallistujien arjesta",
    "Yhteistyöasiakirjat ajan tasalle",
    "Visiotyöpajassa kysyttiin, millainen on hyvä huominen",
    "Opit hankematkan varrelta",
    "Kiitos ja näkemiin: hanke päättyy",
)
# One post a month in the active months of 2021–2023 (none in July).
BLOG_MONTHS = (
    (2021, 3),
    (2021, 5),
    (2021, 9),
    (2021, 11),
    (2022, 1),
    (2022, 2),
    (2022, 3),
    (2022, 4),
    (2022, 5),
    (2022, 6),
    (2022, 8),
    (2022, 9),
    (2022, 10),
    (2022, 11),
    (2023, 2),
    (2023, 4),
    (2023, 6),
)
YEARBOOK_TITLE = "Kokemustiedolla vaikuttavia ratkaisuja viheliäisiin ongelmiin"


def _publications(facts: dict[str, Any]) -> list[dict[str, Any]]:
    rows = [
        {
            "title": f"Demo: {theme}",
            "kind": PublicationKind.BLOG,
            "channel": "hankesivusto",
            "published_on": datetime.date(year, month, 15),
            "authors": "Demo: hankkeen työntekijät",
        }
        for theme, (year, month) in zip(BLOG_THEMES, BLOG_MONTHS, strict=True)
    ]
    rows += [
        {
            "title": "Demo: Kunta ja järjestöt tarvitsevat toisiaan",
            "kind": PublicationKind.ARTICLE,
            "channel": "Dialogi-verkkomedia",
            "published_on": datetime.date(2022, 4, 20),
        },
        {
            "title": "Demo: Pienissä kunnissa osallisuus syntyy kohtaamisista",
            "kind": PublicationKind.ARTICLE,
            "channel": "Dialogi-verkkomedia",
            "published_on": datetime.date(2023, 3, 14),
        },
        {
            "title": YEARBOOK_TITLE,
            "kind": PublicationKind.ARTICLE,
            "channel": "Diakin vuosikirja 2022",
            "published_on": None,
            "authors": "Niemelä, T. & Steffansson, M.",
            "identifier": "URN:NBN:fi:amk-202304276623",
            "reference": _yearbook_reference(facts),
        },
        {
            "title": "Demo: Osallisuus kuuluu kaikille",
            "kind": PublicationKind.BLOG,
            "channel": "Pohteen blogi",
            "published_on": datetime.date(2022, 10, 5),
        },
    ]
    return rows


def _yearbook_reference(facts: dict[str, Any]) -> str:
    for row in facts.get("publications", []):
        if row.get("reference"):
            return str(row["reference"])
    return ""


def _load_publications(facts: dict[str, Any], project: Project) -> None:
    for row in _publications(facts):
        title = row.pop("title")
        Publication.objects.update_or_create(project=project, title=title, defaults=row)


# --- A demo checklist ------------------------------------------------------------------------


def _load_checklist(project: Project) -> None:
    """Nivala's experiment has adopted the meeting place list and done the planning."""
    experiment = Experiment.objects.filter(project=project, municipality__name_fi="Nivala").first()
    if experiment is None:
        return
    tip_list = TipList.objects.get(slug="kohtaamispaikka")
    version = tip_list.versions.get(number=1)
    checklist, created = Checklist.objects.get_or_create(
        tip_list=tip_list, experiment=experiment, defaults={"version": version}
    )
    if not created:
        return
    done_at = timezone.make_aware(datetime.datetime(2022, 3, 1, 12))
    for tip in version.items.all():
        done = tip.phase == Phase.PLAN
        checklist.items.create(
            tip=tip,
            phase=tip.phase,
            text=tip.text_fi,  # type: ignore[attr-defined]
            position=tip.position,
            due_on=datetime.date(2022, 3, 1) if done else datetime.date(2022, 12, 31),
            done_at=done_at if done else None,
        )
