"""Results, comparison and the staff pages of surveys (part of the surveys: namespace)."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
