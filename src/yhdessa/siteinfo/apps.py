from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteinfoConfig(AppConfig):
    name = "yhdessa.siteinfo"
    verbose_name = _("Palvelun tiedot")
