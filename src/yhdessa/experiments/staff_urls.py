"""The staff workspace of experiments: records, cost lines, headcounts, the decision and cost
parameters."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
