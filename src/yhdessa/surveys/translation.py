from modeltranslation.translator import TranslationOptions, register

from yhdessa.surveys.models import Instrument, Item, Option, Section, Survey, Wave


@register(Instrument)
class InstrumentTranslation(TranslationOptions):
    fields = ("name",)


@register(Section)
class SectionTranslation(TranslationOptions):
    fields = ("title",)


@register(Item)
class ItemTranslation(TranslationOptions):
    fields = ("text", "help")


@register(Option)
class OptionTranslation(TranslationOptions):
    fields = ("label",)


@register(Survey)
class SurveyTranslation(TranslationOptions):
    fields = ("title",)


@register(Wave)
class WaveTranslation(TranslationOptions):
    fields = ("label",)
