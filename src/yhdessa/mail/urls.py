from django.urls import path

from yhdessa.mail import views

app_name = "mail"

urlpatterns = [
    path("staff/projects/<slug:slug>/mail/", views.project_mail, name="project_mail"),
    path(
        "staff/projects/<slug:slug>/mail/retry/",
        views.project_mail_retry,
        name="project_mail_retry",
    ),
]
