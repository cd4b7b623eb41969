from modeltranslation.translator import TranslationOptions, register

from yhdessa.experiments.models import Experiment


@register(Experiment)
class ExperimentTranslation(TranslationOptions):
    fields = ("title", "description")
