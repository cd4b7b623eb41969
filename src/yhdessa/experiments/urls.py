from django.urls import URLPattern

from yhdessa.experiments import model_urls, public_urls, staff_urls

app_name = "experiments"

# Public pages (public_urls), the staff workspace (staff_urls) and operational model
# descriptions (model_urls) each keep their views and URLs in one place.
urlpatterns: list[URLPattern] = [
    *public_urls.urlpatterns,
    *staff_urls.urlpatterns,
    *model_urls.urlpatterns,
]
