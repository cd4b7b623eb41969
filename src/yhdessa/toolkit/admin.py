from django.contrib import admin

from yhdessa.toolkit.models import (
    Checklist,
    CodedPassage,
    Interview,
    InterviewTheme,
    Lesson,
    Publication,
    TipItem,
    TipList,
    TipListVersion,
    VisionWord,
)


class TipItemInline(admin.TabularInline):
    model = TipItem
    extra = 0


@admin.register(TipListVersion)
class TipListVersionAdmin(admin.ModelAdmin):
    list_display = ["tip_list", "number", "published_at"]
    inlines = [TipItemInline]


@admin.register(TipList)
class TipListAdmin(admin.ModelAdmin):
    list_display = ["title", "slug", "project"]
    prepopulated_fields = {"slug": ["title"]}


@admin.register(Checklist)
class ChecklistAdmin(admin.ModelAdmin):
    list_display = ["tip_list", "municipality", "experiment", "created_at"]


@admin.register(Publication)
class PublicationAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "channel", "published_on", "project"]
    list_filter = ["kind", "project"]


class CodedPassageInline(admin.StackedInline):
    model = CodedPassage
    extra = 0


@admin.register(Interview)
class InterviewAdmin(admin.ModelAdmin):
    list_display = ["interviewee_role", "sector", "municipality", "held_on", "project"]
    inlines = [CodedPassageInline]


admin.site.register(InterviewTheme)
admin.site.register(Lesson)
admin.site.register(VisionWord)
