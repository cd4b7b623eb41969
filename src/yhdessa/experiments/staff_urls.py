"""The staff workspace of experiments: records, cost lines, headcounts, the decision and cost
parameters."""

from django.urls import URLPattern, path

from yhdessa.experiments import staff_views as views

urlpatterns: list[URLPattern] = [
    path(
        "staff/projects/<slug:slug>/experiments/",
        views.project_experiments,
        name="project_experiments",
    ),
    path(
        "staff/projects/<slug:slug>/experiments/new/",
        views.experiment_create,
        name="experiment_create",
    ),
    path("staff/experiments/<int:pk>/", views.experiment_staff, name="experiment_staff"),
    path("staff/experiments/<int:pk>/edit/", views.experiment_edit, name="experiment_edit"),
    path("staff/experiments/<int:pk>/decide/", views.experiment_decide, name="experiment_decide"),
    path("staff/experiments/<int:pk>/costs/new/", views.cost_line_create, name="cost_line_create"),
    path("staff/cost-lines/<int:pk>/edit/", views.cost_line_edit, name="cost_line_edit"),
    path("staff/cost-lines/<int:pk>/delete/", views.cost_line_delete, name="cost_line_delete"),
    path(
        "staff/experiments/<int:pk>/headcounts/new/",
        views.headcount_create,
        name="headcount_create",
    ),
    path("staff/headcounts/<int:pk>/delete/", views.headcount_delete, name="headcount_delete"),
    path(
        "staff/projects/<slug:slug>/cost-parameters/",
        views.cost_parameters,
        name="cost_parameters",
    ),
    path(
        "staff/projects/<slug:slug>/cost-parameters/new/",
        views.cost_parameter_create,
        name="cost_parameter_create",
    ),
    path(
        "staff/cost-parameters/<int:pk>/edit/",
        views.cost_parameter_edit,
        name="cost_parameter_edit",
    ),
]
