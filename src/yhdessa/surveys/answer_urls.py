"""Public answering and e-mail invitations (part of the surveys: namespace)."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
