from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from yhdessa.api.api import api
from yhdessa.core.views import healthz

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    path("healthz", healthz, name="healthz"),
    path("", include("yhdessa.siteinfo.asset_urls")),
]

# Finnish pages have no prefix; Swedish and English ones live under /sv/ and /en/.
urlpatterns += i18n_patterns(
    path("", include("yhdessa.core.urls")),
    path("", include("yhdessa.directory.urls")),
    path("", include("yhdessa.projects.urls")),
    path("", include("yhdessa.events.urls")),
    path("", include("yhdessa.surveys.urls")),
    path("", include("yhdessa.experiments.urls")),
    path("", include("yhdessa.toolkit.urls")),
    path("", include("yhdessa.reports.urls")),
    path("", include("yhdessa.mail.urls")),
    path("", include("yhdessa.siteinfo.urls")),
    path("accounts/", include("yhdessa.accounts.urls")),
    prefix_default_language=False,
)
