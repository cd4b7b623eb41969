from django.urls import path

from yhdessa.siteinfo import views

app_name = "siteinfo"

urlpatterns = [
    path("tietosuoja/", views.privacy_index, name="privacy_index"),
    path("tietosuoja/<slug:key>/", views.privacy_notice, name="privacy_notice"),
    path("saavutettavuus/", views.accessibility_statement, name="accessibility"),
    path("yhteystiedot/", views.contact, name="contact"),
    path("staff/site/", views.site_settings, name="site_settings"),
    path("staff/site/pages/<slug:key>/", views.page_edit, name="page_edit"),
]
