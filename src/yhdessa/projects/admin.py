from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from yhdessa.projects.models import Project, ReportedFigure, TargetGroup, WorkPackage


class TargetGroupInline(TranslationTabularInline):
    model = TargetGroup
    extra = 0


class WorkPackageInline(TranslationTabularInline):
    model = WorkPackage
    extra = 0


class ReportedFigureInline(admin.TabularInline):
    model = ReportedFigure
    extra = 0
    fields = ["key", "value", "label", "source", "note"]


@admin.register(Project)
class ProjectAdmin(TranslationAdmin):
    list_display = ["short_name", "start_date", "end_date", "is_public"]
    search_fields = ["name", "short_name"]
    prepopulated_fields = {"slug": ["short_name"]}
    filter_horizontal = ["implementers", "funders", "partner_municipalities"]
    inlines = [TargetGroupInline, WorkPackageInline, ReportedFigureInline]


@admin.register(ReportedFigure)
class ReportedFigureAdmin(admin.ModelAdmin):
    list_display = ["key", "value", "label", "project", "updated_at"]
    list_filter = ["project"]
    search_fields = ["key", "label", "source"]
