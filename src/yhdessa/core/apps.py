from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "yhdessa.core"
    label = "core"
    verbose_name = _("Perustoiminnot")

    def ready(self) -> None:
        from yhdessa.core import checks  # noqa: F401 (registers the deployment checks)
