from modeltranslation.translator import TranslationOptions, register

from yhdessa.reports.models import SectionText


@register(SectionText)
class SectionTextTranslation(TranslationOptions):
    fields = ("text",)
