"""Public answering and e-mail invitations (part of the surveys: namespace)."""

from django.urls import URLPattern, path

from yhdessa.surveys import answer_views, invitation_views

urlpatterns: list[URLPattern] = [
    path("surveys/invitation/<str:token>/", invitation_views.invitation, name="invitation"),
    path("surveys/<int:pk>/<slug:wave>/", answer_views.answer, name="answer"),
    path("surveys/<int:pk>/<slug:wave>/thanks/", answer_views.answer_thanks, name="answer_thanks"),
    path("staff/surveys/<int:pk>/invitations/", invitation_views.invitations, name="invitations"),
]
