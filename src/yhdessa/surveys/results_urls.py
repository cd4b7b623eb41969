"""Results, comparison and the staff pages of surveys (part of the surveys: namespace)."""

from django.urls import URLPattern, path

from yhdessa.surveys import results_views as views
from yhdessa.surveys import transfer_views

urlpatterns: list[URLPattern] = [
    path("surveys/<int:pk>/results/", views.survey_results, name="results"),
    path("surveys/<int:pk>/comparison/", views.survey_comparison, name="comparison"),
    path("staff/projects/<slug:slug>/surveys/", views.project_surveys, name="project_surveys"),
    path("staff/surveys/<int:pk>/answers/", transfer_views.survey_answers, name="answers"),
    path(
        "staff/surveys/<int:pk>/answers.csv",
        transfer_views.survey_answers_export,
        {"fmt": "csv"},
        name="answers_csv",
    ),
    path(
        "staff/surveys/<int:pk>/answers.xlsx",
        transfer_views.survey_answers_export,
        {"fmt": "xlsx"},
        name="answers_xlsx",
    ),
]
