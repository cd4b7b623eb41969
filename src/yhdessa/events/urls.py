from django.urls import path

from yhdessa.events import attendance_urls, staff_views, views

app_name = "events"

urlpatterns = [
    path("events/", views.event_list, name="event_list"),
    path("events/<int:pk>/", views.event_detail, name="event_detail"),
    path("events/<int:pk>/event.ics", views.event_ics, name="event_ics"),
    path("events/registration/<str:token>/", views.registration_manage, name="registration_manage"),
    path("projects/<slug:slug>/events.ics", views.project_calendar, name="project_calendar"),
    path(
        "municipalities/<str:code>/events.ics",
        views.municipality_calendar,
        name="municipality_calendar",
    ),
    path("staff/projects/<slug:slug>/events/", staff_views.project_events, name="project_events"),
    path("staff/projects/<slug:slug>/events/new/", staff_views.event_create, name="event_create"),
    path("staff/events/<int:pk>/", staff_views.event_staff, name="event_staff"),
    path("staff/events/<int:pk>/edit/", staff_views.event_edit, name="event_edit"),
    path("staff/events/<int:pk>/copy/", staff_views.event_copy, name="event_copy"),
    path("staff/events/<int:pk>/cancel/", staff_views.event_cancel, name="event_cancel"),
    *attendance_urls.urlpatterns,
]
