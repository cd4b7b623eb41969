"""Staff URLs for attendance, walk-ins, imports and exports (part of the events: namespace)."""

from django.urls import URLPattern, path

from yhdessa.events import attendance_views as views

urlpatterns: list[URLPattern] = [
    path("staff/events/<int:pk>/attendance/", views.attendance_page, name="attendance"),
    path(
        "staff/events/<int:pk>/attendance/<int:registration_pk>/",
        views.attendance_mark,
        name="attendance_mark",
    ),
    path(
        "staff/events/<int:pk>/attendance/mark-all/",
        views.attendance_mark_all,
        name="attendance_mark_all",
    ),
    path(
        "staff/events/<int:pk>/attendance/import/",
        views.attendance_import,
        name="attendance_import",
    ),
    path("staff/events/<int:pk>/walk-ins/", views.walk_in_add, name="walk_in_add"),
    path(
        "staff/events/<int:pk>/walk-ins/<int:walk_in_pk>/delete/",
        views.walk_in_delete,
        name="walk_in_delete",
    ),
    path(
        "staff/events/<int:pk>/participants.csv",
        views.participants_csv,
        name="participants_csv",
    ),
    path(
        "staff/events/<int:pk>/participants.xlsx",
        views.participants_xlsx,
        name="participants_xlsx",
    ),
]
