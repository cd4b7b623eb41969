"""``yhdessa survey export|import``: survey answers as CSV or XLSX (see ``surveys.transfer``)."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from yhdessa.surveys import transfer
from yhdessa.surveys.models import Survey


class Command(BaseCommand):
    help = "Export or import the answers of a survey in the wide CSV/XLSX format."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        export = actions.add_parser("export", help="Write the answers to a .csv or .xlsx file.")
        export.add_argument("survey_id", type=int)
        export.add_argument("--wave", help="Only this wave (its key).")
        export.add_argument("-o", "--output", required=True, help="file.csv or file.xlsx")
        import_ = actions.add_parser(
            "import", help="Add the answers of a .csv or .xlsx file: all rows or none."
        )
        import_.add_argument("survey_id", type=int)
        import_.add_argument("file")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            survey = Survey.objects.select_related("instrument_version").get(
                pk=options["survey_id"]
            )
        except Survey.DoesNotExist:
            raise CommandError(f"Survey {options['survey_id']} does not exist.") from None
        if options["action"] == "export":
            self.export(survey, options["wave"], Path(options["output"]))
        else:
            self.import_(survey, Path(options["file"]))

    def export(self, survey: Survey, wave_key: str | None, output: Path) -> None:
        wave = None
        if wave_key is not None:
            wave = survey.waves.filter(key=wave_key).first()
            if wave is None:
                keys = ", ".join(survey.waves.values_list("key", flat=True))
                raise CommandError(f"Survey {survey.pk} has no wave {wave_key!r} ({keys}).")
        suffix = output.suffix.lower()
        if suffix not in (".csv", ".xlsx"):
            raise CommandError("The output file must end in .csv or .xlsx.")
        header, rows = transfer.export_rows(survey, wave)
        content = (
            transfer.write_csv(header, rows)
            if suffix == ".csv"
            else transfer.write_xlsx(header, rows)
        )
        output.write_bytes(content)
        self.stdout.write(
            _("Vietiin %(count)s vastausta tiedostoon %(file)s.")
            % {"count": len(rows), "file": output}
        )

    def import_(self, survey: Survey, path: Path) -> None:
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}") from None
        try:
            result = transfer.import_file(survey, path.name, data)
        except transfer.ImportRefused as refused:
            for message in refused.messages:
                self.stderr.write(message)
            raise CommandError(
                _("Tiedostoa %(file)s ei tuotu (%(count)s virhettä).")
                % {"file": path, "count": max(len(refused.messages) - 1, 1)}
            ) from None
        waves = ", ".join(f"{key}: {count}" for key, count in result.per_wave.items())
        self.stdout.write(
            _("Tuotiin %(count)s vastausta (%(waves)s).")
            % {"count": result.responses, "waves": waves or "–"}
        )
