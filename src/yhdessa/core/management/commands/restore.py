"""``yhdessa restore FILE [--force]``: the database and the uploaded files from a backup."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from yhdessa.core.backup import BackupError, read_manifest, restore_backup


class Command(BaseCommand):
    help = (
        "Palauttaa varmuuskopion (yhdessa backup) tietokantaan ja tiedostovarastoon. Pysäytä "
        "sivusto ja työjono ensin. Ei korvaa olemassa olevia tietoja ilman valitsinta --force."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("archive", type=Path, help="varmuuskopiotiedosto (.tar.gz)")
        parser.add_argument(
            "--force",
            action="store_true",
            help="korvaa tietokannan ja tiedostot, joissa on jo tietoja",
        )
        parser.add_argument("--database", default="default", help="tietokannan alias")

    def handle(self, *args: Any, **options: Any) -> None:
        path = options["archive"]
        try:
            manifest = read_manifest(path)
            pending = restore_backup(path, using=options["database"], force=options["force"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                _("Palautettu %(path)s (tehty %(created)s): tietokanta ja %(count)s tiedostoa.")
                % {"path": path, "created": manifest["created_at"], "count": manifest["file_count"]}
            )
        )
        if pending:
            self.stdout.write(
                _("Varmuuskopio on vanhemmalla versiolla tehty; aja seuraavaksi: yhdessa migrate")
            )
