from django.urls import path

from yhdessa.projects import views

app_name = "projects"

urlpatterns = [
    path("projects/<slug:slug>/", views.project_detail, name="project_detail"),
    path("staff/projects/<slug:slug>/members/", views.project_members, name="project_members"),
    path(
        "staff/projects/<slug:slug>/members/<int:pk>/revoke/",
        views.membership_revoke_view,
        name="membership_revoke",
    ),
]
