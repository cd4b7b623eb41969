from modeltranslation.translator import TranslationOptions, register

from yhdessa.siteinfo.models import LegalPage, SiteProfile


@register(SiteProfile)
class SiteProfileTranslation(TranslationOptions):
    fields = (
        "name",
        "logo_alt",
        "front_image_alt",
        "controller",
        "data_protection_officer",
        "privacy_authority",
        "accessibility_feedback",
        "accessibility_authority",
    )


@register(LegalPage)
class LegalPageTranslation(TranslationOptions):
    fields = ("title", "body")
