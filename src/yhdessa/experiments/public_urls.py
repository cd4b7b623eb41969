"""Public pages of experiments and a project's costs."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
