from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from yhdessa.surveys import services
from yhdessa.surveys.models import (
    Instrument,
    InstrumentVersion,
    Invitation,
    Item,
    Option,
    Section,
    Survey,
    Wave,
)


def _editable(obj: object) -> bool:
    """Content of a published version is read-only here as in the services."""
    if isinstance(obj, InstrumentVersion):
        return not obj.is_published
    if isinstance(obj, Item):
        return not obj.version.is_published
    return True


@admin.register(Instrument)
class InstrumentAdmin(TranslationAdmin):
    list_display = ["key", "name"]
    search_fields = ["key", "name"]


class FrozenWhenPublishedInline(TranslationTabularInline):
    extra = 0

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return _editable(obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return _editable(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return _editable(obj) and super().has_delete_permission(request, obj)


class SectionInline(FrozenWhenPublishedInline):
    model = Section


class OptionInline(FrozenWhenPublishedInline):
    model = Option


@admin.register(InstrumentVersion)
class InstrumentVersionAdmin(admin.ModelAdmin):
    list_display = ["instrument", "number", "published_at"]
    list_filter = ["instrument"]
    readonly_fields = ["published_at"]
    inlines = [SectionInline]
    actions = ["publish", "copy_as_new_version"]

    @admin.action(description=_("Julkaise valitut versiot"))
    def publish(self, request: HttpRequest, queryset: QuerySet[InstrumentVersion]) -> None:
        for version in queryset:
            try:
                services.version_publish(version=version)
            except ValidationError as error:
                self.message_user(request, f"{version}: {error.messages[0]}", messages.ERROR)

    @admin.action(description=_("Tee valituista uusi versio"))
    def copy_as_new_version(
        self, request: HttpRequest, queryset: QuerySet[InstrumentVersion]
    ) -> None:
        for version in queryset:
            services.new_version_from(version=version)


@admin.register(Item)
class ItemAdmin(TranslationAdmin):
    list_display = ["key", "version", "type", "required", "position"]
    list_filter = ["version__instrument", "type"]
    search_fields = ["key", "text"]
    inlines = [OptionInline]

    def has_change_permission(self, request: HttpRequest, obj: Item | None = None) -> bool:
        return _editable(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Item | None = None) -> bool:
        return _editable(obj) and super().has_delete_permission(request, obj)


class WaveInline(TranslationTabularInline):
    model = Wave
    extra = 0


@admin.register(Survey)
class SurveyAdmin(TranslationAdmin):
    list_display = ["title", "project", "instrument_version", "municipality", "is_public"]
    list_filter = ["project", "is_public"]
    search_fields = ["title"]
    raw_id_fields = ["event"]
    inlines = [WaveInline]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "wave", "sent_at", "is_used"]
    list_filter = ["wave__survey"]
    search_fields = ["email"]
    readonly_fields = ["sent_at", "is_used"]
