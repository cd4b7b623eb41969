"""The demo service's own details: who runs it and whom to contact. All of it is invented
and marked as demo; the legal pages keep their default texts (siteinfo/defaults.py)."""

from yhdessa.siteinfo import defaults, services
from yhdessa.siteinfo.models import SiteProfile

DEMO = {
    "controller": {
        "fi": "Demo: Esimerkkikunta, hyvinvointipalvelut\nKunnantie 1, 99999 Esimerkkilä\n"
        "kirjaamo@esimerkkikunta.example\npuh. 012 345 6789",
        "sv": "Demo: Exempelkommunen, välfärdstjänster\nKommunvägen 1, 99999 Exempelby\n"
        "kirjaamo@esimerkkikunta.example\ntfn 012 345 6789",
        "en": "Demo: Example Municipality, welfare services\nKunnantie 1, FI-99999 Esimerkkilä\n"
        "kirjaamo@esimerkkikunta.example\ntel. +358 12 345 6789",
    },
    "data_protection_officer": {
        "fi": "Demo: Esimerkkikunnan tietosuojavastaava\ntietosuoja@esimerkkikunta.example",
        "sv": "Demo: Exempelkommunens dataskyddsombud\ntietosuoja@esimerkkikunta.example",
        "en": "Demo: Data protection officer of Example Municipality\n"
        "tietosuoja@esimerkkikunta.example",
    },
    "accessibility_feedback": {
        "fi": "Demo: saavutettavuus@esimerkkikunta.example",
        "sv": "Demo: saavutettavuus@esimerkkikunta.example",
        "en": "Demo: saavutettavuus@esimerkkikunta.example",
    },
}


def load() -> SiteProfile:
    demo = defaults.translated(DEMO)
    profile, _created = SiteProfile.objects.update_or_create(
        pk=1, defaults=demo, create_defaults=defaults.translated(defaults.PROFILE) | demo
    )
    services.forget_profile()
    return profile
