from django.urls import path

from yhdessa.directory import cooperation_urls, views

app_name = "directory"

# Cooperation structures (cooperation_urls) keep their views and URLs in one place.
urlpatterns = [
    *cooperation_urls.urlpatterns,
    path("municipalities/", views.municipality_list, name="municipality_list"),
    path("municipalities/<str:code>/", views.municipality_detail, name="municipality_detail"),
    path("organisations/", views.organisation_list, name="organisation_list"),
    path("organisations/<slug:slug>/", views.organisation_detail, name="organisation_detail"),
    path("staff/municipalities/<str:code>/", views.municipality_staff, name="municipality_staff"),
    path(
        "staff/municipalities/<str:code>/organisations/new/",
        views.organisation_create,
        name="organisation_create",
    ),
    path(
        "staff/organisations/<slug:slug>/edit/", views.organisation_edit, name="organisation_edit"
    ),
]
