"""Cooperation structures of municipalities: the public directory, its open data and the
coordinators' editing pages; and the project admins' pages of a project's regional
cooperation and support activities (shown on the public project page)."""

from django.urls import URLPattern, path

from yhdessa.directory import cooperation_views as views

STAFF = "staff/municipalities/<str:code>/cooperation/"
ACTIVITIES = "staff/projects/<slug:slug>/activities/"

urlpatterns: list[URLPattern] = [
    path("cooperation/", views.cooperation_search, name="cooperation_search"),
    path("cooperation/open-data.csv", views.open_data_csv, name="cooperation_open_data_csv"),
    path("cooperation/open-data.json", views.open_data_json, name="cooperation_open_data_json"),
    path(
        "municipalities/<str:code>/cooperation/",
        views.municipality_cooperation,
        name="municipality_cooperation",
    ),
    path(STAFF, views.cooperation_staff, name="cooperation_staff"),
    path(f"{STAFF}new/<str:kind>/", views.cooperation_create, name="cooperation_create"),
    path(f"{STAFF}<int:pk>/edit/", views.cooperation_edit, name="cooperation_edit"),
    path(f"{STAFF}<int:pk>/checked/", views.cooperation_checked, name="cooperation_checked"),
    path(f"{STAFF}<int:pk>/delete/", views.cooperation_delete, name="cooperation_delete"),
    path(ACTIVITIES, views.project_activities, name="project_activities"),
    path(f"{ACTIVITIES}<int:pk>/edit/", views.activity_edit, name="activity_edit"),
    path(f"{ACTIVITIES}<int:pk>/delete/", views.activity_delete, name="activity_delete"),
]
