"""A project's publications, interviews and themes, lessons learned and vision words."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
