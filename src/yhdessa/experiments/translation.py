from modeltranslation.translator import TranslationOptions, register

from yhdessa.experiments.models import WRITTEN_SECTIONS, Experiment, ModelDescription


@register(Experiment)
class ExperimentTranslation(TranslationOptions):
    fields = ("title", "description")


#: The text of a model description written per language (authors are names, not translated).
MODEL_DESCRIPTION_TEXT_FIELDS = (
    "name",
    "summary",
    "region",
    "funder",
    *(name for name, _heading in WRITTEN_SECTIONS),
)


@register(ModelDescription)
class ModelDescriptionTranslation(TranslationOptions):
    fields = MODEL_DESCRIPTION_TEXT_FIELDS
