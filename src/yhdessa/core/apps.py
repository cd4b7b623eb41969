from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "yhdessa.core"
    label = "core"
    verbose_name = _("Perustoiminnot")

    def ready(self) -> None:
        from django_tasks.signals import task_finished, task_started

        from yhdessa.core import (
            checks,  # noqa: F401 (registers the deployment checks)
            logs,
        )

        task_started.connect(logs.task_started, dispatch_uid="yhdessa-task-request-id")
        task_finished.connect(logs.task_finished, dispatch_uid="yhdessa-task-request-id-end")
