"""Creating and editing surveys and their waves (part of the surveys: namespace)."""

from django.urls import URLPattern, path

from yhdessa.surveys import survey_views as views

urlpatterns: list[URLPattern] = [
    path("staff/projects/<slug:slug>/surveys/new/", views.survey_create, name="survey_create"),
    path("staff/surveys/<int:pk>/edit/", views.survey_edit, name="survey_edit"),
]
