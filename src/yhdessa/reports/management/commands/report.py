"""``yhdessa report <project> --format pdf``: the project's final report as a file."""

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.template.defaultfilters import filesizeformat
from django.utils import translation
from django.utils.translation import gettext as _

from yhdessa.directory.models import Municipality
from yhdessa.projects.models import Project
from yhdessa.reports import outputs
from yhdessa.reports.builder import build_report
from yhdessa.reports.formats import FORMATS
from yhdessa.reports.scope import ReportScope
from yhdessa.reports.sections import TITLES

BAR_WIDTH = 30


class Command(BaseCommand):
    help = (
        "Tekee hankkeen loppuraportin (tai yhden kunnan tulokset) tiedostoksi. Raportti on "
        "julkaistava versio: pienet luvut on piilotettu kuten verkkosivulla."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("project", help="hankkeen tunniste, esim. yhdessa-osallisuutta")
        parser.add_argument("--format", choices=list(FORMATS), default="pdf", dest="file_format")
        parser.add_argument("--lang", choices=[code for code, _name in settings.LANGUAGES])
        parser.add_argument("--municipality", metavar="KUNTANUMERO", help="esim. 535 (Nivala)")
        parser.add_argument(
            "-o", "--output", type=Path, help="tiedosto; oletuksena raportin nimi tässä kansiossa"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        language = options["lang"] or settings.LANGUAGE_CODE
        with translation.override(language):
            project = self._project(options["project"])
            municipality = self._municipality(project, options["municipality"])
            scope = ReportScope(project=project, municipality=municipality, language=language)
            report = build_report(scope, progress=self._progress)
            chosen = FORMATS[options["file_format"]]
            content = chosen.render(report)
            path = options["output"] or Path(outputs.filename(report, chosen.key))
            try:
                path.write_bytes(content)
            except OSError as error:
                message = _("Tiedostoa %(path)s ei voitu kirjoittaa: %(reason)s")
                raise CommandError(message % {"path": path, "reason": error.strerror}) from error
            size = filesizeformat(len(content))
        self.stdout.write(f"{path} ({size})")

    def _project(self, slug: str) -> Project:
        project = Project.objects.filter(slug=slug).first()
        if project is None:
            known = ", ".join(Project.objects.order_by("slug").values_list("slug", flat=True))
            raise CommandError(
                _("Hanketta '%(slug)s' ei ole. Hankkeet: %(known)s.")
                % {"slug": slug, "known": known or _("ei yhtään (aja ensin: yhdessa demo)")}
            )
        return project

    def _municipality(self, project: Project, code: str | None) -> Municipality | None:
        if code is None:
            return None
        partners = project.partner_municipalities.order_by("code")
        municipality = partners.filter(code=code).first()
        if municipality is None:
            known = ", ".join(f"{one.code} {one.name}" for one in partners)
            raise CommandError(
                _(
                    "Kunta '%(code)s' ei ole hankkeen %(project)s kumppanikunta. "
                    "Kumppanikunnat: %(known)s."
                )
                % {"code": code, "project": project.short_name, "known": known or _("ei yhtään")}
            )
        return municipality

    def _progress(self, key: str, number: int, steps: int) -> None:
        """A bar on a terminal; nothing when the output goes to a file or a pipe."""
        if not self.stderr.isatty():
            return
        done = BAR_WIDTH * number // steps
        title = str(TITLES[key])
        self.stderr.write(
            f"\r[{'#' * done}{'.' * (BAR_WIDTH - done)}] {number}/{steps} {title:<40}",
            ending="\n" if number == steps else "",
            style_func=str,  # plain: stderr's default style is the red of errors
        )
