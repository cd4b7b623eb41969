from django.urls import URLPattern

from yhdessa.surveys import answer_urls, results_urls, survey_urls

app_name = "surveys"

# Answering and invitations (answer_urls) and results and staff pages (results_urls) are kept
# apart so that each area's views and URLs stay in one place. Results come first: the answer
# form's ``surveys/<pk>/<wave>/`` would otherwise take ``surveys/<pk>/results/`` for a wave.
# Creating and editing surveys (survey_urls) stay with the other staff pages, before answering.
urlpatterns: list[URLPattern] = [
    *results_urls.urlpatterns,
    *survey_urls.urlpatterns,
    *answer_urls.urlpatterns,
]
