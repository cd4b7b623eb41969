from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from yhdessa.events.models import BackgroundCategory, Event, Registration, Theme, WalkIn


@admin.register(Event)
class EventAdmin(TranslationAdmin):
    list_display = ["title", "kind", "project", "starts_at", "capacity", "cancelled_at"]
    list_filter = ["kind", "project", "municipality"]
    search_fields = ["title"]
    date_hierarchy = "starts_at"
    filter_horizontal = ["organisers"]


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ["name", "event", "status", "attendance", "created_at"]
    list_filter = ["status", "attendance"]
    search_fields = ["name", "email"]
    raw_id_fields = ["event"]


@admin.register(Theme)
class ThemeAdmin(TranslationAdmin):
    list_display = ["name", "project", "position"]


@admin.register(BackgroundCategory)
class BackgroundCategoryAdmin(TranslationAdmin):
    list_display = ["name", "project", "position"]


admin.site.register(WalkIn)
