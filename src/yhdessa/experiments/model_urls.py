"""Operational model descriptions (toimintamallikuvaukset): public pages, exports and editing."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
