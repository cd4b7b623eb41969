"""The texts a fresh installation starts with, in Finnish, Swedish and English.

They describe what this software does with personal data (see events/privacy.py and
surveys/privacy.py). What only the organisation running the service can know (its name,
contact details, data protection officer) is left for the administrator to fill in, and the
default says so. Retention periods are not typed here: the privacy pages compute them from
settings.YHDESSA_ANONYMISE_AFTER_DAYS (selectors.retention_text).
"""

from pathlib import Path

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
        "sv": "Tjänstens administratör har ännu inte fyllt i dataskyddsombudets kontaktuppgifter.",
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

TEXTS_DIR = Path(__file__).parent / "texts"


def _bodies(key: PageKey) -> Texts:
    """texts/<key>.<language>.txt: long texts are easier to read and edit there."""
    return {
        language: (TEXTS_DIR / f"{key.value}.{language}.txt").read_text(encoding="utf-8").strip()
        for language in ("fi", "sv", "en")
    }


PAGES: dict[str, dict[str, Texts]] = {
    PageKey.REGISTRATIONS: {
        "title": {
            "fi": "Tietosuojaseloste: ilmoittautumiset tapahtumiin",
            "sv": "Dataskyddsbeskrivning: anmälningar till evenemang",
            "en": "Privacy notice: signing up for events",
        },
        "body": _bodies(PageKey.REGISTRATIONS),
    },
    PageKey.SURVEYS: {
        "title": {
            "fi": "Tietosuojaseloste: kyselyt",
            "sv": "Dataskyddsbeskrivning: enkäter",
            "en": "Privacy notice: surveys",
        },
        "body": _bodies(PageKey.SURVEYS),
    },
    PageKey.INTERVIEWS: {
        "title": {
            "fi": "Tietosuojaseloste: haastattelut",
            "sv": "Dataskyddsbeskrivning: intervjuer",
            "en": "Privacy notice: interviews",
        },
        "body": _bodies(PageKey.INTERVIEWS),
    },
    PageKey.ACCESSIBILITY: {
        "title": {
            "fi": "Saavutettavuusseloste",
            "sv": "Tillgänglighetsutlåtande",
            "en": "Accessibility statement",
        },
        "body": _bodies(PageKey.ACCESSIBILITY),
    },
    PageKey.CONTACT: {
        "title": {"fi": "Yhteystiedot", "sv": "Kontaktuppgifter", "en": "Contact"},
        "body": _bodies(PageKey.CONTACT),
    },
}


def translated(texts: dict[str, Texts]) -> dict[str, str]:
    """``{"name": {"fi": …}}`` as modeltranslation's columns ``{"name_fi": …}``."""
    return {
        f"{field}_{language}": text
        for field, by_language in texts.items()
        for language, text in by_language.items()
    }
