"""``yhdessa healthcheck``: /healthz's checks from the command line, for the worker's container
health check and for monitoring by cron."""

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from yhdessa.core import health


class Command(BaseCommand):
    help = (
        "Tarkistaa tietokannan, välimuistin ja työjonon kuten /healthz; päättyy virheeseen, jos "
        "jokin ei vastaa tai vanhin odottava tehtävä on odottanut liian kauan."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--max-queue-age",
            type=int,
            metavar="SEKUNTIA",
            help="vanhin odottava tehtävä saa odottaa enintään näin kauan (työjonon valvonta)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        healthy, checks = health.run_checks()
        self.stdout.write(json.dumps(checks))
        if not healthy:
            failed = ", ".join(name for name, check in checks.items() if not check["ok"])
            raise CommandError(_("Ei vastaa: %(failed)s") % {"failed": failed})
        age = checks["tasks"]["oldest_ready_seconds"]
        limit = options["max_queue_age"]
        if limit is not None and age is not None and age > limit:
            raise CommandError(
                _("Vanhin tehtävä on odottanut %(age)s s (raja %(limit)s s): toimiiko työjono?")
                % {"age": age, "limit": limit}
            )
