from django.urls import path

from yhdessa.reports import views

app_name = "reports"

PROJECT = "projects/<slug:slug>/report/"
MUNICIPAL = "projects/<slug:slug>/report/<str:code>/"
STAFF = "staff/projects/<slug:slug>/"

urlpatterns = [
    path(PROJECT, views.report_page, name="project_report"),
    path(
        PROJECT + "download/<str:file_format>/",
        views.report_download,
        name="project_report_download",
    ),
    path(MUNICIPAL, views.report_page, name="municipal_report"),
    path(
        MUNICIPAL + "download/<str:file_format>/",
        views.report_download,
        name="municipal_report_download",
    ),
    path(STAFF + "dashboard/", views.dashboard, name="project_dashboard"),
    path(STAFF + "dashboard/<str:code>/", views.dashboard, name="municipal_dashboard"),
    path(STAFF + "report/rebuild/", views.report_rebuild, name="project_report_rebuild"),
    path(
        STAFF + "report/<str:code>/rebuild/", views.report_rebuild, name="municipal_report_rebuild"
    ),
    path(STAFF + "report/texts/", views.report_texts, name="project_report_texts"),
    path(STAFF + "report/<str:code>/texts/", views.report_texts, name="municipal_report_texts"),
]
