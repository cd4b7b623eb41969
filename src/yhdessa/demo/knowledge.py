"""The seed project's lessons learned, vision words and interviews of municipal and NGO
workers, coded to the report's key finding.

* The ten lessons (``lessons_learned_fi``) are the report's own statements; the categories are
  chosen for the demo.
* The twenty vision words (``vision_words_fi``) are the report's; the report shows them as a
  word cloud without counts, so the frequencies here are invented for the demo.
* The report says that the interviews of municipal and NGO workers found communication
  between municipalities and NGOs, and finding information on cooperation structures in the
  municipalities' channels, to be the main thing to improve (``interviews.key_finding_fi``),
  and that opinions differed on whether NGOs are in the municipalities' key documents. The
  interviews themselves are not in the report: the ten here, their notes and passages are
  invented for the demo and say so ("Demo:"); no real person is described. They are coded so
  that the findings page comes to the report's conclusion: every interview raises
  communication and finding information, half of them the documents.

Loading again updates the same rows: themes by name, interviews by date and role, lessons
and vision words by their text; an interview's passages are written anew.
"""

import datetime
from dataclasses import dataclass
from typing import Any

from yhdessa.demo.directory import Places
from yhdessa.projects.models import Project
from yhdessa.toolkit.models import (
    CodedPassage,
    Interview,
    InterviewTheme,
    Lesson,
    LessonCategory,
    Sector,
    VisionWord,
)

C = LessonCategory
LESSON_CATEGORIES = [
    C.PLANNING,  # a shared picture of the project at its start
    C.COOPERATION,  # meeting people, giving the project a face
    C.RESOURCES,  # realistic quantitative targets
    C.COMMUNICATION,  # reaching those in the weakest position
    C.RESOURCES,  # limited resources, but will to develop
    C.VOLUNTEERS,  # volunteers' coping
    C.VOLUNTEERS,  # responsibility is the employee's
    C.COMMUNICATION,  # many channels and personal contact
    C.COOPERATION,  # accompanying people lowers the threshold
    C.COMMUNICATION,  # visualising results
]

#: Invented frequencies of the vision words, in the order of ``vision_words_fi``.
VISION_FREQUENCIES = [14, 12, 11, 10, 10, 8, 7, 6, 6, 5, 5, 5, 4, 4, 3, 3, 3, 2, 2, 1]

COMMUNICATION = "Viestintä ja tiedon löytyminen"
DOCUMENTS = "Järjestöt kunnan asiakirjoissa"
STRUCTURES = "Yhteistyön rakenteet ja yhteyshenkilöt"
RESOURCES = "Resurssit ja jaksaminen"
MEETING = "Kohtaaminen ja luottamus"

THEMES = [
    (
        COMMUNICATION,
        "Miten kunta ja järjestöt tiedottavat toisilleen, ja löytyykö tieto yhteistyön "
        "rakenteista (sopimukset, kyläneuvostot, järjestöyhdyshenkilöt) kunnan kanavista.",
    ),
    (
        DOCUMENTS,
        "Onko järjestöt ja järjestöyhteistyö huomioitu kunnan keskeisissä asiakirjoissa, "
        "kuten hyvinvointikertomuksessa ja kuntastrategiassa.",
    ),
    (STRUCTURES, "Yhteistyösopimukset, yhteyshenkilöt, foorumit ja niiden toimivuus."),
    (RESOURCES, "Työntekijöiden ja vapaaehtoisten aika, jaksaminen ja rahoitus."),
    (MEETING, "Kasvokkainen kohtaaminen, tutustuminen ja luottamus toimijoiden välillä."),
]


@dataclass(frozen=True)
class DemoInterview:
    held_on: datetime.date
    role: str
    sector: str
    municipality: str
    notes: str
    passages: list[tuple[str, list[str], bool]]  # text, themes, publishable


def _d(month: int, day: int) -> datetime.date:
    return datetime.date(2022, month, day)


S = Sector
INTERVIEWS = [
    DemoInterview(
        _d(3, 8),
        "hyvinvointikoordinaattori",
        S.MUNICIPALITY,
        "Nivala",
        "Demo: Kaupungilla on järjestöyhteistyön asiakirja, mutta se on verkkosivuilla "
        "hankalan polun takana. Järjestöt kysyvät yhteyshenkilöä puhelimitse.",
        [
            (
                "Demo: Meillä on kyllä sopimus ja yhteyshenkilö, mutta jos järjestön "
                "puheenjohtaja vaihtuu, uusi ei tiedä niistä mitään. Tieto ei löydy sivuilta.",
                [COMMUNICATION, STRUCTURES],
                True,
            ),
            (
                "Demo: Hyvinvointikertomuksessa järjestöt mainitaan, mutta konkreettisia "
                "tavoitteita niille ei ole kirjattu.",
                [DOCUMENTS],
                False,
            ),
        ],
    ),
    DemoInterview(
        _d(3, 10),
        "eläkeläisyhdistyksen puheenjohtaja",
        S.NGO,
        "Nivala",
        "Demo: Yhdistys saa tiedon kaupungin avustuksista usein vasta, kun haku on jo "
        "päättynyt. Vapaaehtoiset ovat ikääntyneitä ja väsyneitä.",
        [
            (
                "Demo: Avustuksista kuullaan naapurilta tai lehdestä, kun haku on jo mennyt. "
                "Toivoisin, että kaupunki lähettäisi tiedon suoraan yhdistyksille.",
                [COMMUNICATION],
                True,
            ),
            (
                "Demo: Samat viisi ihmistä tekevät kaiken. Jos joku heistä sairastuu, toiminta "
                "seisoo.",
                [RESOURCES],
                False,
            ),
        ],
    ),
    DemoInterview(
        _d(3, 17),
        "vapaa-aikapalvelujen päällikkö",
        S.MUNICIPALITY,
        "Sievi",
        "Demo: Kunnassa on hyvä tahto yhteistyöhön, mutta järjestöyhdyshenkilön tehtävä on "
        "muiden töiden ohessa. Järjestöt eivät aina tiedä, keneen ottaa yhteyttä.",
        [
            (
                "Demo: Järjestöt soittavat minulle, koska tuntevat minut, eivät siksi, että "
                "tieto yhteyshenkilöstä löytyisi jostain.",
                [COMMUNICATION, STRUCTURES, MEETING],
                True,
            ),
            (
                "Demo: Kuntastrategiassa järjestöt ovat mukana yhdellä rivillä.",
                [DOCUMENTS],
                False,
            ),
        ],
    ),
    DemoInterview(
        _d(3, 24),
        "kyläyhdistyksen sihteeri",
        S.NGO,
        "Sievi",
        "Demo: Kyläyhdistys järjestää tapahtumia ja haluaisi käyttää koulun tiloja. Tilojen "
        "varaamisen tiedot ovat hajallaan.",
        [
            (
                "Demo: Jokaisen tilan varaaminen on oma seikkailunsa. Yksi lista kaikista "
                "tiloista ja varausohjeista auttaisi paljon.",
                [COMMUNICATION, STRUCTURES],
                True,
            ),
        ],
    ),
    DemoInterview(
        _d(4, 5),
        "sosiaaliohjaaja",
        S.MUNICIPALITY,
        "Haapavesi",
        "Demo: Sosiaalityössä tunnistetaan järjestöjen toiminnan merkitys, mutta asiakkaille "
        "ei ole ajantasaista listaa ryhmistä ja kohtaamispaikoista.",
        [
            (
                "Demo: Haluaisin ohjata asiakkaan vertaisryhmään, mutta en tiedä, mitkä ryhmät "
                "ovat tänä syksynä käynnissä.",
                [COMMUNICATION],
                True,
            ),
            (
                "Demo: Kun olen itse käynyt yhdistyksen olohuoneessa, on ollut helpompi "
                "suositella sitä.",
                [MEETING],
                False,
            ),
        ],
    ),
    DemoInterview(
        _d(4, 12),
        "mielenterveysyhdistyksen työntekijä",
        S.NGO,
        "Haapavesi",
        "Demo: Yhdistys on mukana kunnan hyvinvointityöryhmässä, mutta pöytäkirjoja ja "
        "suunnitelmia ei jaeta järjestöille.",
        [
            (
                "Demo: Olemme työryhmässä mukana, mutta emme näe, mihin meidän ehdotuksemme "
                "päätyvät kunnan suunnitelmissa.",
                [COMMUNICATION, DOCUMENTS],
                False,
            ),
            (
                "Demo: Työntekijöitä on yksi, ja hänkin osa-aikainen.",
                [RESOURCES],
                False,
            ),
        ],
    ),
    DemoInterview(
        _d(4, 21),
        "kulttuuri- ja liikuntasihteeri",
        S.MUNICIPALITY,
        "Reisjärvi",
        "Demo: Pienessä kunnassa yhteistyö on henkilökohtaista. Hyvinvointipäivä toi "
        "järjestöt ja kunnan työntekijät samaan tilaan.",
        [
            (
                "Demo: Täällä kaikki tuntevat toisensa, mutta uusi asukas tai uusi yhdistys ei "
                "löydä tietoa mistään kirjoitetusta paikasta.",
                [COMMUNICATION, MEETING],
                True,
            ),
            (
                "Demo: Yhdistysyhteistyön asiakirja päivitettiin viimeksi vuosia sitten.",
                [DOCUMENTS, STRUCTURES],
                False,
            ),
        ],
    ),
    DemoInterview(
        _d(5, 3),
        "diakoniatyöntekijä",
        S.PARISH,
        "Raahe",
        "Demo: Seurakunta tekee paljon yhteistyötä järjestöjen kanssa, mutta kaupungin "
        "kanssa yhteistyö on satunnaista ja tieto kulkee sähköpostilistoilla.",
        [
            (
                "Demo: Tieto kulkee sähköpostilistoilla, joilta puuttuu puolet toimijoista.",
                [COMMUNICATION],
                False,
            ),
            (
                "Demo: Vapaaehtoisia on, mutta heidän jaksamisestaan pitää huolehtia.",
                [RESOURCES],
                False,
            ),
        ],
    ),
    DemoInterview(
        _d(5, 10),
        "työttömien yhdistyksen toiminnanohjaaja",
        S.NGO,
        "Raahe",
        "Demo: Yhdistys kaipaa kaupungilta selkeää kanavaa, jossa järjestöjen tapahtumat ja "
        "kaupungin avustukset näkyisivät samassa paikassa.",
        [
            (
                "Demo: Yksi paikka, josta löytyvät yhteyshenkilöt, avustukset ja tilat. Sitä "
                "me toivomme.",
                [COMMUNICATION, STRUCTURES],
                True,
            ),
            (
                "Demo: Järjestöjen rooli pitäisi kirjata hyvinvointisuunnitelmaan eikä vain "
                "mainita.",
                [DOCUMENTS],
                False,
            ),
        ],
    ),
    DemoInterview(
        _d(5, 19),
        "hyvinvointikoordinaattori",
        S.MUNICIPALITY,
        "Utajärvi",
        "Demo: Kunta on perustamassa kyläneuvostoja. Kokemus on, että kasvokkainen tapaaminen "
        "kylillä tavoittaa paremmin kuin verkkosivut.",
        [
            (
                "Demo: Verkkosivuille voi laittaa kaiken, mutta kylillä tieto kulkee ihmiseltä "
                "ihmiselle. Tarvitaan molempia.",
                [COMMUNICATION, MEETING],
                True,
            ),
            (
                "Demo: Resurssit ovat pienet, mutta halua kehittää löytyy.",
                [RESOURCES],
                False,
            ),
        ],
    ),
]


def load(facts: dict[str, Any], *, project: Project, places: Places) -> None:
    _lessons(facts, project)
    _vision(facts, project)
    themes = _themes(project)
    for item in INTERVIEWS:
        _interview(item, project=project, places=places, themes=themes)


def _lessons(facts: dict[str, Any], project: Project) -> None:
    for position, (text, category) in enumerate(
        zip(facts["lessons_learned_fi"], LESSON_CATEGORIES, strict=True)
    ):
        Lesson.objects.update_or_create(
            project=project,
            text_fi=text,
            defaults={"category": category, "position": position},
        )


def _vision(facts: dict[str, Any], project: Project) -> None:
    for word, frequency in zip(facts["vision_words_fi"], VISION_FREQUENCIES, strict=True):
        VisionWord.objects.update_or_create(
            project=project,
            word=word,
            defaults={"frequency": frequency, "frequency_is_estimate": True},
        )


def _themes(project: Project) -> dict[str, InterviewTheme]:
    themes = {}
    for position, (name, description) in enumerate(THEMES):
        themes[name], _ = InterviewTheme.objects.update_or_create(
            project=project,
            name=name,
            defaults={"description": description, "position": position},
        )
    return themes


def _interview(
    item: DemoInterview,
    *,
    project: Project,
    places: Places,
    themes: dict[str, InterviewTheme],
) -> None:
    interview, _ = Interview.objects.update_or_create(
        project=project,
        held_on=item.held_on,
        interviewee_role=item.role,
        defaults={
            "sector": item.sector,
            "municipality": places.municipalities[item.municipality],
            "notes": item.notes,
        },
    )
    interview.passages.all().delete()
    for text, names, publishable in item.passages:
        passage = CodedPassage.objects.create(
            interview=interview, text=text, publishable=publishable
        )
        passage.themes.set([themes[name] for name in names])
