from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ToolkitConfig(AppConfig):
    name = "yhdessa.toolkit"
    label = "toolkit"
    verbose_name = _("Työkalut ja tieto")
