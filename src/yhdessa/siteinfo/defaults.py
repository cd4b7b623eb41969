"""The texts a fresh installation starts with, in Finnish, Swedish and English.

They describe what this software does with personal data (see events/privacy.py and
surveys/privacy.py). What only the organisation running the service can know (its name,
contact details, data protection officer) is left for the administrator to fill in, and the
default says so. Retention periods are not typed here: the privacy pages compute them from
settings.YHDESSA_ANONYMISE_AFTER_DAYS (selectors.retention_text).
"""

from yhdessa.siteinfo.models import PageKey

Texts = dict[str, str]

PROFILE: dict[str, Texts] = {
    "name": {"fi": "Yhdessä", "sv": "Yhdessä", "en": "Yhdessä"},
    "controller": {
        "fi": "Palvelun ylläpitäjä ei ole vielä täydentänyt rekisterinpitäjän nimeä ja "
        "yhteystietoja.",
        "sv": "Tjänstens administratör har ännu inte fyllt i den personuppgiftsansvariges namn "
        "och kontaktuppgifter.",
        "en": "The administrator of the service has not yet filled in the controller's name and "
        "contact details.",
    },
    "data_protection_officer": {
        "fi": "Palvelun ylläpitäjä ei ole vielä täydentänyt tietosuojavastaavan yhteystietoja.",
        "sv": "Tjänstens administratör har ännu inte fyllt i dataskyddsombudets "
        "kontaktuppgifter.",
        "en": "The administrator of the service has not yet filled in the data protection "
        "officer's contact details.",
    },
    "privacy_authority": {
        "fi": "Tietosuojavaltuutetun toimisto\nPostiosoite: PL 800, 00531 Helsinki\n"
        "Käyntiosoite: Lintulahdenkuja 4, 00530 Helsinki\nPuhelinvaihde: 029 566 6700\n"
        "tietosuoja@om.fi\nhttps://tietosuoja.fi",
        "sv": "Dataombudsmannens byrå\nPostadress: PB 800, 00531 Helsingfors\n"
        "Besöksadress: Fågelviksgränden 4, 00530 Helsingfors\nVäxel: 029 566 6700\n"
        "tietosuoja@om.fi\nhttps://tietosuoja.fi/sv",
        "en": "Office of the Data Protection Ombudsman\nPostal address: P.O. Box 800, "
        "FI-00531 Helsinki\nStreet address: Lintulahdenkuja 4, 00530 Helsinki\n"
        "Switchboard: +358 29 566 6700\ntietosuoja@om.fi\nhttps://tietosuoja.fi/en",
    },
    "accessibility_feedback": {
        "fi": "Palvelun ylläpitäjä ei ole vielä täydentänyt saavutettavuuspalautteen "
        "sähköpostiosoitetta.",
        "sv": "Tjänstens administratör har ännu inte fyllt i e-postadressen för respons om "
        "tillgänglighet.",
        "en": "The administrator of the service has not yet filled in the e-mail address for "
        "accessibility feedback.",
    },
    # Traficom has supervised accessibility since 1 January 2025 (before it, the Regional
    # State Administrative Agency for Southern Finland; HE 71/2024).
    "accessibility_authority": {
        "fi": "Liikenne- ja viestintävirasto Traficom\nSaavutettavuusvalvonta\n"
        "https://www.saavutettavuusvaatimukset.fi\nsaavutettavuus@traficom.fi\n"
        "Puhelinvaihde: 029 534 5000",
        "sv": "Transport- och kommunikationsverket Traficom\nTillsynen över tillgänglighet\n"
        "https://www.tillganglighetskrav.fi\nsaavutettavuus@traficom.fi\n"
        "Växel: 029 534 5000",
        "en": "Finnish Transport and Communications Agency Traficom\nAccessibility "
        "supervision\nhttps://www.webaccessibility.fi\nsaavutettavuus@traficom.fi\n"
        "Switchboard: +358 29 534 5000",
    },
}

_REGISTRATIONS_FI = """Tämä seloste kertoo, miten käsittelemme tietojasi, kun ilmoittaudut tapahtumaan, esimerkiksi valmennukseen tai vertaistapaamiseen.

## Miksi käsittelemme tietojasi
- Jotta voimme järjestää tapahtuman: varata paikan, lähettää vahvistuksen, muistutuksen ja tiedon muutoksista.
- Jotta voimme ottaa huomioon esteettömyys- ja ruokavaliotarpeesi.
- Jotta voimme kertoa hankkeen rahoittajalle ja raportissa, kuinka moni osallistui ja mistä taustaryhmistä. Raportissa ei ole nimiä, eikä alle viiden hengen ryhmiä näytetä.

## Käsittelyn oikeusperuste
Käsittelemme tietoja yleisen edun mukaisen tehtävän hoitamiseksi (EU:n yleinen tietosuoja-asetus, 6 artiklan 1 kohdan e alakohta): osallisuustyö on kunnan ja hankkeen tehtävä. Esteettömyys- ja ruokavaliotarpeista kerrot vapaaehtoisesti, ja ne käsitellään vain tapahtuman järjestämiseksi.

## Mitä tietoja käsittelemme
- nimi ja sähköpostiosoite
- organisaatio, jos kerrot sen
- taustaryhmä ja kotikunta, jos kerrot sen
- esteettömyys- ja ruokavaliotarpeet, jos kerrot ne
- ilmoittautumisen tila (vahvistettu, jonossa, peruttu) ja läsnäolo
- ilmoittautumisen ja tietosuojaselosteen hyväksymisen ajankohta

Tiedot saamme sinulta itseltäsi. Järjestäjä merkitsee läsnäolon tapahtumassa.

## Kuka näkee tietosi
Tietosi näkevät vain tapahtuman järjestäjät: hankkeen pääkäyttäjät ja järjestäjät sekä tapahtuman kunnan koordinaattori. Jokainen osallistujalistan lataus kirjataan lokiin. Emme luovuta tietoja muille emmekä siirrä niitä EU:n tai ETA:n ulkopuolelle. Palvelun tekninen ylläpitäjä käsittelee tietoja rekisterinpitäjän lukuun.

## Oikeutesi
- Voit pyytää nähdä tietosi ja pyytää korjaamaan virheelliset tiedot.
- Voit perua ilmoittautumisesi vahvistusviestin linkistä.
- Voit pyytää poistamaan tietosi tai rajoittamaan niiden käsittelyä.
- Voit vastustaa tietojesi käsittelyä henkilökohtaiseen tilanteeseesi liittyvällä perusteella.

Pyynnöt voit lähettää rekisterinpitäjälle tai tietosuojavastaavalle (yhteystiedot yllä)."""

_REGISTRATIONS_SV = """Den här beskrivningen berättar hur vi behandlar dina uppgifter när du anmäler dig till ett evenemang, till exempel en utbildning eller en kollegieträff.

## Varför vi behandlar dina uppgifter
- För att ordna evenemanget: reservera en plats, skicka bekräftelse, påminnelse och information om ändringar.
- För att kunna ta hänsyn till dina behov av tillgänglighet och specialkost.
- För att kunna berätta för projektets finansiär och i rapporten hur många som deltog och från vilka bakgrundsgrupper. Rapporten innehåller inga namn, och grupper med färre än fem personer visas inte.

## Rättslig grund för behandlingen
Vi behandlar uppgifterna för att utföra en uppgift av allmänt intresse (EU:s allmänna dataskyddsförordning, artikel 6.1 e): delaktighetsarbetet är kommunens och projektets uppgift. Behov av tillgänglighet och specialkost berättar du frivilligt, och de behandlas endast för att ordna evenemanget.

## Vilka uppgifter vi behandlar
- namn och e-postadress
- organisation, om du uppger den
- bakgrundsgrupp och hemkommun, om du uppger dem
- behov av tillgänglighet och specialkost, om du uppger dem
- anmälans status (bekräftad, i kö, annullerad) och närvaro
- tidpunkten för anmälan och för godkännandet av dataskyddsbeskrivningen

Uppgifterna får vi av dig. Arrangören antecknar närvaron vid evenemanget.

## Vem som ser dina uppgifter
Dina uppgifter ses endast av evenemangets arrangörer: projektets huvudanvändare och arrangörer samt koordinatorn i evenemangets kommun. Varje nedladdning av deltagarlistan loggas. Vi lämnar inte ut uppgifterna till andra och överför dem inte utanför EU eller EES. Tjänstens tekniska administratör behandlar uppgifterna för den personuppgiftsansvariges räkning.

## Dina rättigheter
- Du kan begära att få se dina uppgifter och att felaktiga uppgifter rättas.
- Du kan annullera din anmälan via länken i bekräftelsemeddelandet.
- Du kan begära att dina uppgifter raderas eller att behandlingen begränsas.
- Du kan invända mot behandlingen av skäl som gäller din personliga situation.

Skicka din begäran till den personuppgiftsansvarige eller dataskyddsombudet (kontaktuppgifterna finns ovan)."""

_REGISTRATIONS_EN = """This notice tells you how we process your data when you sign up for an event, such as a training session or a peer meeting.

## Why we process your data
- To run the event: to reserve your seat and to send you a confirmation, a reminder and news of any changes.
- To take your accessibility and dietary needs into account.
- To tell the project's funder, and the report, how many took part and from which background groups. The report has no names, and groups of fewer than five people are not shown.

## Legal basis
We process the data to perform a task carried out in the public interest (General Data Protection Regulation, Article 6(1)(e)): participation work is a task of the municipality and the project. You tell us your accessibility and dietary needs voluntarily, and they are used only to run the event.

## What data we process
- name and e-mail address
- organisation, if you give it
- background group and home municipality, if you give them
- accessibility and dietary needs, if you give them
- the status of your sign-up (confirmed, waiting list, cancelled) and attendance
- when you signed up and accepted this privacy notice

We get the data from you. The organiser marks attendance at the event.

## Who sees your data
Only the event's organisers see your data: the project's administrators and organisers and the coordinator of the event's municipality. Every download of the participant list is logged. We do not disclose the data to others or transfer it outside the EU or the EEA. The technical provider of the service processes the data on behalf of the controller.

## Your rights
- You may ask to see your data and to have wrong data corrected.
- You may cancel your sign-up with the link in the confirmation message.
- You may ask for your data to be erased or its processing restricted.
- You may object to the processing on grounds relating to your particular situation.

Send your request to the controller or the data protection officer (contact details above)."""

_SURVEYS_FI = """Tämä seloste kertoo, miten käsittelemme tietoja, kun vastaat kyselyyn, esimerkiksi kyselyyn Minun arkeni ja elämäni.

## Miksi käsittelemme tietoja
Kyselyillä selvitetään, miten osallisuustyö vaikuttaa osallistujien arkeen, ja tuloksia käytetään toiminnan arviointiin, kehittämiseen ja hankkeen raportointiin.

## Käsittelyn oikeusperuste
Yleisen edun mukaisen tehtävän hoitaminen (EU:n yleinen tietosuoja-asetus, 6 artiklan 1 kohdan e alakohta). Vastaaminen on vapaaehtoista.

## Mitä tietoja käsittelemme
- vastauksesi kysymyksiin ja taustatiedot, joihin vastaat (esimerkiksi ikäryhmä ja kunta)
- vastauspäivä (ei kellonaikaa)
- parikoodi, jos annat sen: se tallennetaan vain sekoitettuna, eikä sitä voi muuttaa takaisin koodiksi
- jos sait kutsun sähköpostilla: sähköpostiosoitteesi ja tieto siitä, onko linkkiä käytetty

Vastauksiin ei tallenneta nimeä, sähköpostiosoitetta, IP-osoitetta eikä tietoja laitteestasi. Sähköpostiosoitetta ei yhdistetä vastauksiin. Vapaassa tekstissä älä kerro tietoja, joista sinut voi tunnistaa.

## Kuka näkee tiedot
Yksittäiset vastaukset näkevät vain kyselyn tekijät. Julkaistuissa tuloksissa alle viiden vastaajan ryhmiä ei näytetä, eikä niitä voi laskea muista luvuista. Emme luovuta tietoja muille emmekä siirrä niitä EU:n tai ETA:n ulkopuolelle. Palvelun tekninen ylläpitäjä käsittelee tietoja rekisterinpitäjän lukuun.

## Oikeutesi
Koska vastauksiin ei tallenneta nimeä eikä yhteystietoja, emme yleensä pysty tunnistamaan, mitkä vastaukset ovat sinun. Jos annoit parikoodin, voit kertoa sen meille, ja voimme etsiä sillä vastauksesi. Sinulla on oikeus pyytää nähdä tietosi, korjata ne tai poistaa ne sekä vastustaa niiden käsittelyä. Kutsun saaneena voit pyytää poistamaan sähköpostiosoitteesi."""

_SURVEYS_SV = """Den här beskrivningen berättar hur vi behandlar uppgifter när du svarar på en enkät, till exempel enkäten Min vardag och mitt liv.

## Varför vi behandlar uppgifterna
Med enkäterna undersöker vi hur delaktighetsarbetet påverkar deltagarnas vardag. Resultaten används för att utvärdera och utveckla verksamheten och i projektets rapportering.

## Rättslig grund för behandlingen
Utförande av en uppgift av allmänt intresse (EU:s allmänna dataskyddsförordning, artikel 6.1 e). Det är frivilligt att svara.

## Vilka uppgifter vi behandlar
- dina svar och de bakgrundsuppgifter du besvarar (till exempel åldersgrupp och kommun)
- svarsdagen (inte klockslaget)
- parkoden, om du uppger den: den sparas endast i blandad form och kan inte omvandlas tillbaka till koden
- om du fick en inbjudan per e-post: din e-postadress och uppgiften om länken har använts

Till svaren sparas inte namn, e-postadress, IP-adress eller uppgifter om din enhet. E-postadressen kopplas inte till svaren. Berätta inte i fritextsvar något som man kan känna igen dig på.

## Vem som ser uppgifterna
Enskilda svar ses endast av dem som gör enkäten. I publicerade resultat visas inte grupper med färre än fem svarande, och de kan inte räknas ut med hjälp av andra tal. Vi lämnar inte ut uppgifterna till andra och överför dem inte utanför EU eller EES. Tjänstens tekniska administratör behandlar uppgifterna för den personuppgiftsansvariges räkning.

## Dina rättigheter
Eftersom namn och kontaktuppgifter inte sparas till svaren kan vi oftast inte veta vilka svar som är dina. Om du uppgav en parkod kan du berätta den för oss, så kan vi söka dina svar med den. Du har rätt att begära att få se, rätta eller radera dina uppgifter och att invända mot behandlingen. Om du fick en inbjudan kan du begära att din e-postadress raderas."""

_SURVEYS_EN = """This notice tells you how we process data when you answer a survey, such as the survey My everyday life.

## Why we process the data
The surveys find out how participation work affects the participants' everyday life; the results are used to evaluate and develop the work and in the project's reports.

## Legal basis
A task carried out in the public interest (General Data Protection Regulation, Article 6(1)(e)). Answering is voluntary.

## What data we process
- your answers and the background questions you answer (such as age group and municipality)
- the date of your answer (not the time)
- your pairing code, if you give one: it is stored only scrambled and cannot be turned back into the code
- if you were invited by e-mail: your e-mail address and whether the link has been used

No name, e-mail address, IP address or details of your device are stored with the answers. Your e-mail address is not linked to your answers. Do not write anything in free-text answers that could identify you.

## Who sees the data
Only the people running the survey see single answers. Published results never show groups of fewer than five respondents, and such groups cannot be worked out from other figures. We do not disclose the data to others or transfer it outside the EU or the EEA. The technical provider of the service processes the data on behalf of the controller.

## Your rights
As no name or contact details are stored with the answers, we usually cannot tell which answers are yours. If you gave a pairing code, you can tell it to us and we can find your answers with it. You have the right to see, correct or erase your data and to object to its processing. If you were invited, you may ask us to erase your e-mail address."""

_INTERVIEWS_FI = """Tämä seloste kertoo, miten käsittelemme tietoja, kun hanke haastattelee kuntien tai järjestöjen työntekijöitä toiminnan arvioimiseksi.

## Miksi käsittelemme tietoja
Haastatteluilla kootaan kokemuksia osallisuustyöstä. Niistä tehdään yhteenvetoja ja teemoja hankkeen arviointiin, raporttiin ja toimintamallien kuvauksiin.

## Käsittelyn oikeusperuste
Yleisen edun mukaisen tehtävän hoitaminen (EU:n yleinen tietosuoja-asetus, 6 artiklan 1 kohdan e alakohta). Haastatteluun osallistuminen on vapaaehtoista.

## Mitä tietoja käsittelemme
- haastattelun päivä
- haastateltavan tehtävänimike (esimerkiksi hyvinvointikoordinaattori), organisaation laji ja kunta
- haastattelijan muistiinpanot ja niistä poimitut, teemoitellut otteet

Haastateltavan nimeä ei tallenneta palveluun. Pienessä kunnassa tehtävänimike voi silti kertoa, kuka haastateltava on: siksi raportissa käytetään vain otteita, joista haastateltavaa ei tunnista.

## Kuka näkee tiedot
Muistiinpanot näkevät vain hankkeen henkilöstö. Raportissa julkaistaan vain teemat ja tunnistamattomiksi muokatut otteet. Emme luovuta tietoja muille emmekä siirrä niitä EU:n tai ETA:n ulkopuolelle. Palvelun tekninen ylläpitäjä käsittelee tietoja rekisterinpitäjän lukuun.

## Säilytysaika
Muistiinpanot säilytetään hankkeen loppuraportin valmistumiseen ja rahoittajan edellyttämän tarkastusajan loppuun. Sen jälkeen ne poistetaan, ja jäljelle jäävät vain raportissa julkaistut teemat.

## Oikeutesi
Voit pyytää nähdä sinusta kirjatut tiedot, korjata ne tai poistaa ne sekä vastustaa niiden käsittelyä. Kerro pyynnössä haastattelun päivä ja kunta, jotta löydämme muistiinpanot."""

_INTERVIEWS_SV = """Den här beskrivningen berättar hur vi behandlar uppgifter när projektet intervjuar anställda i kommuner eller organisationer för att utvärdera verksamheten.

## Varför vi behandlar uppgifterna
Med intervjuerna samlar vi erfarenheter av delaktighetsarbetet. Av dem görs sammanfattningar och teman för projektets utvärdering, rapport och beskrivningar av verksamhetsmodeller.

## Rättslig grund för behandlingen
Utförande av en uppgift av allmänt intresse (EU:s allmänna dataskyddsförordning, artikel 6.1 e). Det är frivilligt att delta i en intervju.

## Vilka uppgifter vi behandlar
- intervjudagen
- den intervjuades titel (till exempel välfärdskoordinator), typ av organisation och kommun
- intervjuarens anteckningar och utdrag ur dem, ordnade efter tema

Den intervjuades namn sparas inte i tjänsten. I en liten kommun kan titeln ändå avslöja vem den intervjuade är: därför används i rapporten endast utdrag som inte går att känna igen.

## Vem som ser uppgifterna
Anteckningarna ses endast av projektets personal. I rapporten publiceras endast teman och utdrag som bearbetats så att ingen kan kännas igen. Vi lämnar inte ut uppgifterna till andra och överför dem inte utanför EU eller EES. Tjänstens tekniska administratör behandlar uppgifterna för den personuppgiftsansvariges räkning.

## Lagringstid
Anteckningarna sparas tills projektets slutrapport är klar och finansiärens granskningstid har gått ut. Därefter raderas de, och endast de teman som publicerats i rapporten finns kvar.

## Dina rättigheter
Du kan begära att få se, rätta eller radera de uppgifter som antecknats om dig och invända mot behandlingen. Uppge intervjudagen och kommunen i din begäran, så att vi hittar anteckningarna."""

_INTERVIEWS_EN = """This notice tells you how we process data when the project interviews municipal or NGO workers to evaluate its work.

## Why we process the data
The interviews collect experiences of participation work. They are summarised and coded into themes for the project's evaluation, its report and descriptions of ways of working.

## Legal basis
A task carried out in the public interest (General Data Protection Regulation, Article 6(1)(e)). Taking part in an interview is voluntary.

## What data we process
- the date of the interview
- the interviewee's job title (such as welfare coordinator), the kind of organisation and the municipality
- the interviewer's notes and passages taken from them, coded by theme

The interviewee's name is not stored in the service. In a small municipality a job title may still tell who the interviewee is, so the report uses only passages that do not identify anyone.

## Who sees the data
Only the project's staff see the notes. The report publishes only themes and passages edited so that no one can be identified. We do not disclose the data to others or transfer it outside the EU or the EEA. The technical provider of the service processes the data on behalf of the controller.

## Retention
The notes are kept until the project's final report is ready and the funder's audit period has ended. Then they are deleted, and only the themes published in the report remain.

## Your rights
You may ask to see, correct or erase what has been recorded about you and object to its processing. Tell us the date and municipality of the interview so that we can find the notes."""

_ACCESSIBILITY_FI = """Tämä saavutettavuusseloste koskee tätä verkkopalvelua. Saavutettavuusvaatimuksista säädetään laissa digitaalisten palvelujen tarjoamisesta (306/2019). Palvelu on tehty täyttämään WCAG 2.1 -ohjeiden AA-tason vaatimukset.

## Saavutettavuuden tila
Palvelu täyttää saavutettavuusvaatimukset osittain. Puutteet on kerrottu alla.

## Sisältö, joka ei ole saavutettavaa
- Ladattavat PDF-raportit eivät ole kaikilta osin saavutettavia: niiden rakenne ei välttämättä välity ruudunlukijalle. Sama raportti on saatavilla saavutettavana verkkosivuna.
- Kaaviot ovat kuvia. Jokaisen kaavion jälkeen on taulukko, jossa ovat samat luvut.
- Ylläpitäjien ja tapahtumien järjestäjien lisäämien kuvien tekstivastineet ovat heidän kirjoittamiaan. Jos tekstivastine puuttuu tai on puutteellinen, kerro siitä meille.

## Miten saavutettavuutta on arvioitu
Seloste perustuu itsearviointiin. Jokainen sivu tarkistetaan automaattisesti axe-työkalulla suomeksi ja ruotsiksi, ja sivujen käyttöä testataan näppäimistöllä ja 320 kuvapisteen levyisellä näytöllä aina, kun palvelua muutetaan. Seloste on laadittu 8.12.2026.

## Jos tarvitset tietoa toisessa muodossa
Jos et pysty käyttämään jotakin sisältöä, voit pyytää sen meiltä toisessa muodossa. Vastaamme 14 päivän kuluessa."""

_ACCESSIBILITY_SV = """Detta tillgänglighetsutlåtande gäller denna webbtjänst. Kraven på tillgänglighet finns i lagen om tillhandahållande av digitala tjänster (306/2019). Tjänsten har gjorts för att uppfylla nivå AA i riktlinjerna WCAG 2.1.

## Tillgänglighetsstatus
Tjänsten uppfyller tillgänglighetskraven delvis. Bristerna beskrivs nedan.

## Innehåll som inte är tillgängligt
- PDF-rapporterna som kan laddas ned är inte tillgängliga i alla avseenden: deras struktur förmedlas inte nödvändigtvis till en skärmläsare. Samma rapport finns som en tillgänglig webbsida.
- Diagrammen är bilder. Efter varje diagram finns en tabell med samma siffror.
- Textalternativen till bilder som administratörer och arrangörer har lagt till är skrivna av dem. Om ett textalternativ saknas eller är bristfälligt, meddela oss.

## Hur tillgängligheten har bedömts
Utlåtandet grundar sig på en självbedömning. Varje sida kontrolleras automatiskt med verktyget axe på finska och svenska, och sidorna testas med tangentbord och på en 320 bildpunkter bred skärm varje gång tjänsten ändras. Utlåtandet har utarbetats 8.12.2026.

## Om du behöver informationen i annan form
Om du inte kan använda något innehåll kan du be oss om det i en annan form. Vi svarar inom 14 dagar."""

_ACCESSIBILITY_EN = """This accessibility statement applies to this web service. The accessibility requirements are laid down in the Act on the Provision of Digital Services (306/2019). The service is built to meet level AA of the WCAG 2.1 guidelines.

## Compliance status
The service partially meets the accessibility requirements. The shortcomings are listed below.

## Content that is not accessible
- The downloadable PDF reports are not accessible in every respect: their structure may not reach a screen reader. The same report is available as an accessible web page.
- Charts are images. Each chart is followed by a table with the same figures.
- The text alternatives of images added by administrators and event organisers are written by them. If a text alternative is missing or poor, please tell us.

## How accessibility was assessed
This statement is based on a self-assessment. Every page is checked automatically with the axe tool in Finnish and Swedish, and the pages are tested with a keyboard and on a 320-pixel-wide screen whenever the service changes. The statement was prepared on 8 December 2026.

## If you need the information in another form
If you cannot use some content, you may ask us for it in another form. We will answer within 14 days."""

_CONTACT_FI = """Tapahtumiin, ilmoittautumisiin ja kyselyihin liittyvissä kysymyksissä ota yhteyttä tapahtuman tai kyselyn järjestäjään. Yhteystiedot löytyvät vahvistusviestistä tai kutsusta.

Palvelua koskevat kysymykset ja palautteen voit lähettää palvelun ylläpitäjälle."""

_CONTACT_SV = """Med frågor om evenemang, anmälningar och enkäter kan du kontakta arrangören av evenemanget eller enkäten. Kontaktuppgifterna finns i bekräftelsemeddelandet eller inbjudan.

Frågor och respons om tjänsten kan du skicka till tjänstens administratör."""

_CONTACT_EN = """For questions about events, sign-ups and surveys, contact the organiser of the event or survey. Their contact details are in your confirmation message or invitation.

Questions and feedback about the service go to the administrator of the service."""

PAGES: dict[str, dict[str, Texts]] = {
    PageKey.REGISTRATIONS: {
        "title": {
            "fi": "Tietosuojaseloste: ilmoittautumiset tapahtumiin",
            "sv": "Dataskyddsbeskrivning: anmälningar till evenemang",
            "en": "Privacy notice: signing up for events",
        },
        "body": {"fi": _REGISTRATIONS_FI, "sv": _REGISTRATIONS_SV, "en": _REGISTRATIONS_EN},
    },
    PageKey.SURVEYS: {
        "title": {
            "fi": "Tietosuojaseloste: kyselyt",
            "sv": "Dataskyddsbeskrivning: enkäter",
            "en": "Privacy notice: surveys",
        },
        "body": {"fi": _SURVEYS_FI, "sv": _SURVEYS_SV, "en": _SURVEYS_EN},
    },
    PageKey.INTERVIEWS: {
        "title": {
            "fi": "Tietosuojaseloste: haastattelut",
            "sv": "Dataskyddsbeskrivning: intervjuer",
            "en": "Privacy notice: interviews",
        },
        "body": {"fi": _INTERVIEWS_FI, "sv": _INTERVIEWS_SV, "en": _INTERVIEWS_EN},
    },
    PageKey.ACCESSIBILITY: {
        "title": {
            "fi": "Saavutettavuusseloste",
            "sv": "Tillgänglighetsutlåtande",
            "en": "Accessibility statement",
        },
        "body": {"fi": _ACCESSIBILITY_FI, "sv": _ACCESSIBILITY_SV, "en": _ACCESSIBILITY_EN},
    },
    PageKey.CONTACT: {
        "title": {"fi": "Yhteystiedot", "sv": "Kontaktuppgifter", "en": "Contact"},
        "body": {"fi": _CONTACT_FI, "sv": _CONTACT_SV, "en": _CONTACT_EN},
    },
}


def translated(texts: dict[str, Texts]) -> dict[str, str]:
    """``{"name": {"fi": …}}`` as modeltranslation's columns ``{"name_fi": …}``."""
    return {
        f"{field}_{language}": text
        for field, by_language in texts.items()
        for language, text in by_language.items()
    }
