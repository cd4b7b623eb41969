from modeltranslation.translator import TranslationOptions, register

from yhdessa.toolkit.models import Lesson, TipItem, TipList


@register(TipList)
class TipListTranslation(TranslationOptions):
    fields = ("title", "summary")


@register(TipItem)
class TipItemTranslation(TranslationOptions):
    fields = ("text",)


@register(Lesson)
class LessonTranslation(TranslationOptions):
    fields = ("text",)
