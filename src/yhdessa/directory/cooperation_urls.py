"""Cooperation structures of municipalities: the public directory, its open data and the
coordinators' editing pages."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
