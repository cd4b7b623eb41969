"""Public pages of experiments and a project's costs."""

from django.urls import URLPattern, path

from yhdessa.experiments import views

urlpatterns: list[URLPattern] = [
    path(
        "projects/<slug:slug>/experiments/",
        views.project_experiments,
        name="project_experiments_public",
    ),
    path("projects/<slug:slug>/costs/", views.project_costs, name="project_costs"),
    path("experiments/<int:pk>/", views.experiment_detail, name="experiment_detail"),
]
