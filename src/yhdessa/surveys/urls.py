from django.urls import URLPattern

from yhdessa.surveys import answer_urls, results_urls

app_name = "surveys"

# Answering and invitations (answer_urls) and results and staff pages (results_urls) are kept
# apart so that each area's views and URLs stay in one place.
urlpatterns: list[URLPattern] = [*answer_urls.urlpatterns, *results_urls.urlpatterns]
