from modeltranslation.translator import TranslationOptions, register

from yhdessa.events.models import BackgroundCategory, Event, Theme


@register(BackgroundCategory)
class BackgroundCategoryTranslation(TranslationOptions):
    fields = ("name",)


@register(Theme)
class ThemeTranslation(TranslationOptions):
    fields = ("name",)


@register(Event)
class EventTranslation(TranslationOptions):
    fields = ("title", "description", "image_alt")
