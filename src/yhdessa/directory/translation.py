from modeltranslation.translator import TranslationOptions, register

from yhdessa.directory.models import (
    CooperationStructure,
    Municipality,
    Organisation,
    Region,
    WellbeingServicesCounty,
)


@register(Region)
class RegionTranslation(TranslationOptions):
    fields = ("name",)


@register(WellbeingServicesCounty)
class WellbeingServicesCountyTranslation(TranslationOptions):
    fields = ("name",)


@register(Municipality)
class MunicipalityTranslation(TranslationOptions):
    fields = ("name",)


@register(Organisation)
class OrganisationTranslation(TranslationOptions):
    fields = ("description",)


@register(CooperationStructure)
class CooperationStructureTranslation(TranslationOptions):
    fields = ("title", "description")
