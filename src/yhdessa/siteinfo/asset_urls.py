"""Addresses without a language prefix: the same stylesheet and images serve every language."""

from django.urls import path

from yhdessa.siteinfo import views

urlpatterns = [
    path("brand.css", views.brand_css, name="brand_css"),
    path("media/<path:name>", views.public_image, name="public_image"),
]
