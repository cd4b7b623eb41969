"""Operational model descriptions (toimintamallikuvaukset): public pages, exports and editing."""

from django.urls import URLPattern, path

from yhdessa.experiments import model_views as views

urlpatterns: list[URLPattern] = [
    path("models/", views.model_list, name="model_list"),
    path("models/<slug:slug>/", views.model_detail, name="model_detail"),
    path("models/<slug:slug>/pdf/", views.model_pdf, name="model_pdf"),
    path("models/<slug:slug>/json/", views.model_json, name="model_json"),
    path("models/<slug:slug>/md/", views.model_markdown, name="model_markdown"),
    path("models/<slug:slug>/adopt/", views.model_adopt, name="model_adopt"),
    path(
        "staff/experiments/<int:pk>/model/new/",
        views.model_create_from_experiment,
        name="model_create_from_experiment",
    ),
    path("staff/projects/<slug:slug>/models/new/", views.model_create, name="model_create"),
    path("staff/models/<slug:slug>/edit/", views.model_edit, name="model_edit"),
    path("staff/models/<slug:slug>/publish/", views.model_publish, name="model_publish"),
]
