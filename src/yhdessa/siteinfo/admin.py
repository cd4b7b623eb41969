from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from yhdessa.siteinfo import services
from yhdessa.siteinfo.models import LegalPage, SiteProfile


@admin.register(SiteProfile)
class SiteProfileAdmin(TranslationAdmin):
    list_display = ["name", "updated_at"]
    readonly_fields = ["updated_at", "updated_by"]

    def save_model(self, request, obj, form, change) -> None:
        super().save_model(request, obj, form, change)
        services.forget_profile()

    def delete_model(self, request, obj) -> None:
        super().delete_model(request, obj)
        services.forget_profile()


@admin.register(LegalPage)
class LegalPageAdmin(TranslationAdmin):
    list_display = ["key", "title", "updated_at"]
    readonly_fields = ["updated_at", "updated_by"]
