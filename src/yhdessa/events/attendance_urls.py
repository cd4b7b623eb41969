"""Staff URLs for attendance, walk-ins, imports and exports (part of the events: namespace)."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
