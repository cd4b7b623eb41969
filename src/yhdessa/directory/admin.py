from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from yhdessa.directory.models import (
    CooperationStructure,
    Municipality,
    Organisation,
    Region,
    WellbeingServicesCounty,
)


@admin.register(Region)
class RegionAdmin(TranslationAdmin):
    list_display = ["code", "name"]


@admin.register(WellbeingServicesCounty)
class WellbeingServicesCountyAdmin(TranslationAdmin):
    list_display = ["name"]


@admin.register(Municipality)
class MunicipalityAdmin(TranslationAdmin):
    list_display = ["code", "name", "region", "wellbeing_services_county"]
    search_fields = ["code", "name"]
    list_filter = ["region"]


@admin.register(Organisation)
class OrganisationAdmin(TranslationAdmin):
    list_display = ["name", "kind", "municipality", "is_demo"]
    list_filter = ["kind", "municipality", "is_demo"]
    search_fields = ["name", "business_id"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(CooperationStructure)
class CooperationStructureAdmin(TranslationAdmin):
    list_display = ["title", "kind", "municipality", "checked_on", "is_demo"]
    list_filter = ["kind", "municipality", "is_demo"]
    search_fields = ["title", "person_name"]
