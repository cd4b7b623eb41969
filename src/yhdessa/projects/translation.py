from modeltranslation.translator import TranslationOptions, register

from yhdessa.projects.models import Project, TargetGroup, WorkPackage


@register(Project)
class ProjectTranslation(TranslationOptions):
    fields = ("name", "short_name", "goal")


@register(TargetGroup)
class TargetGroupTranslation(TranslationOptions):
    fields = ("name",)


@register(WorkPackage)
class WorkPackageTranslation(TranslationOptions):
    fields = ("name", "activities", "expected_outcome")
