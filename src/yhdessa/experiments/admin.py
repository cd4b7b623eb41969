"""Staff edit cost parameters and cost lines here until the pages exist; changes of a value and
of the lines go through the services, so they are audit-logged and frozen experiments stay
as they are."""

from typing import Any

from django import forms
from django.contrib import admin
from django.http import HttpRequest
from modeltranslation.admin import TranslationAdmin

from yhdessa.experiments import services
from yhdessa.experiments.models import (
    AnonymousHeadcount,
    CostLine,
    CostParameter,
    Experiment,
    ModelDescription,
)


class _FrozenReadOnly:
    """Inline rows of a decided experiment cannot be added, changed or deleted."""

    def _open(self, obj: Experiment | None) -> bool:
        return obj is None or not obj.is_frozen

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._open(obj) and super().has_add_permission(request, obj)  # type: ignore[misc]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._open(obj) and super().has_change_permission(request, obj)  # type: ignore[misc]

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._open(obj) and super().has_delete_permission(request, obj)  # type: ignore[misc]


class CostLineInline(_FrozenReadOnly, admin.TabularInline):
    model = CostLine
    extra = 0


class HeadcountInline(admin.TabularInline):
    model = AnonymousHeadcount
    extra = 0


class ExperimentAdminForm(forms.ModelForm):
    class Meta:
        model = Experiment
        # ModelAdmin picks the fields; these are the ones the form checks.
        fields = ["project", "sessions"]

    def clean_sessions(self) -> Any:
        sessions = self.cleaned_data.get("sessions")
        project = self.cleaned_data.get("project")
        if sessions is not None and project is not None:
            probe = Experiment(project=project)
            probe.clean_sessions(list(sessions))
        return sessions


@admin.register(Experiment)
class ExperimentAdmin(TranslationAdmin):
    form = ExperimentAdminForm
    list_display = ["title", "municipality", "project", "status", "decision", "frozen_at"]
    list_filter = ["status", "decision", "project", "municipality"]
    search_fields = ["title"]
    filter_horizontal = ["partners", "sessions"]
    # The decision freezes the figures: only ``services.experiment_decide`` records it.
    readonly_fields = [
        "decision",
        "decision_reason",
        "frozen_at",
        "frozen_parameters",
        "adopted_from",
    ]
    inlines = [CostLineInline, HeadcountInline]


@admin.register(CostParameter)
class CostParameterAdmin(admin.ModelAdmin):
    list_display = ["kind", "year", "job_title", "divisor_name", "value", "unit", "project"]
    list_filter = ["kind", "year", "project"]
    search_fields = ["job_title", "source"]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        # What a parameter is stays put once saved: frozen experiments refer to it.
        if obj is not None:
            return ["project", "kind", "year", "job_title", "divisor_name"]
        return []

    def save_model(self, request: HttpRequest, obj: CostParameter, form: Any, change: bool) -> None:
        if change and "value" in form.changed_data:
            services.parameter_change(
                actor=request.user,
                parameter=obj,
                value=obj.value,
                source=obj.source,
                source_url=obj.source_url,
                unit=obj.unit,
            )
            return
        super().save_model(request, obj, form, change)


@admin.register(ModelDescription)
class ModelDescriptionAdmin(TranslationAdmin):
    list_display = ["name", "project", "experiment", "status", "published_at"]
    list_filter = ["status", "project", "municipalities"]
    search_fields = ["name", "summary"]
    filter_horizontal = ["municipalities"]
    prepopulated_fields = {"slug": ["name"]}
    # Publishing goes through ``model_services`` (audit-logged, stamps the time).
    readonly_fields = ["status", "published_at"]
