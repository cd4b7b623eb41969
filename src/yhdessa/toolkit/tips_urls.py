"""Tip lists (public) and the checklists adopted from them (staff)."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
