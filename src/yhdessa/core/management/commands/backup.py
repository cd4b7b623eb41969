"""``yhdessa backup [-o FILE]``: the database and the uploaded files in one archive."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _

from yhdessa.core.backup import BackupError, create_backup


class Command(BaseCommand):
    help = (
        "Tekee varmuuskopion: tietokanta ja ladatut tiedostot yhteen tiedostoon "
        "(yhdessa-backup-<aika>.tar.gz). Voi ajaa sivuston ollessa käynnissä."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "-o", "--output", type=Path, help="tiedosto; oletuksena yhdessa-backup-<aika>.tar.gz"
        )
        parser.add_argument("--database", default="default", help="tietokannan alias")

    def handle(self, *args: Any, **options: Any) -> None:
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
        path = options["output"] or Path(f"yhdessa-backup-{stamp}.tar.gz")
        try:
            manifest = create_backup(path, using=options["database"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            _("%(path)s (%(size)s): %(engine)s-tietokanta ja %(count)s tiedostoa (%(files)s)")
            % {
                "path": path,
                "size": filesizeformat(path.stat().st_size),
                "engine": manifest["engine"],
                "count": manifest["file_count"],
                "files": filesizeformat(manifest["files_size"]),
            }
        )
