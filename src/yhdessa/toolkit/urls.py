from django.urls import URLPattern

from yhdessa.toolkit import knowledge_urls, tips_urls

app_name = "toolkit"

# Tip lists and checklists (tips_urls) and a project's knowledge — publications, interviews,
# lessons and vision (knowledge_urls) — each keep their views and URLs in one place.
urlpatterns: list[URLPattern] = [
    *tips_urls.urlpatterns,
    *knowledge_urls.urlpatterns,
]
