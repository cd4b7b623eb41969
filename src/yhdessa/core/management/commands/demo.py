import os
import secrets
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from yhdessa import demo
from yhdessa.projects.models import Project
from yhdessa.reports import published


class Command(BaseCommand):
    help = "Load the demo data set (the seed project and its world). Safe to run again."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--password",
            help="Password of every demo account (default: $YHDESSA_DEMO_PASSWORD, or one "
            "generated once into var/demo_password).",
        )
        parser.add_argument("--facts", type=Path, help="Another facts.yaml to load.")

    def handle(self, *args: object, **options: object) -> None:
        password = str(options["password"] or os.environ.get("YHDESSA_DEMO_PASSWORD") or "")
        password = password or self._stored_password()
        result = demo.load_all(password=password, facts_path=options["facts"])  # type: ignore[arg-type]
        self.stdout.write(self.style.SUCCESS(f"Demo project loaded: {result.project_slug}"))
        self._prepare_report(result.project_slug)
        self.stdout.write(f"Demo accounts (password for all: {password}):")
        for account in result.accounts:
            self.stdout.write(f"  {account.email:<42} {account.role}")

    def _prepare_report(self, slug: str) -> None:
        """The kept reports show the data as it was: have the worker count the project's
        report again, so that its first reader need not wait."""
        project = Project.objects.get(slug=slug)
        published.mark_changed(project)
        edition = published.Edition.of(project, None, settings.LANGUAGE_CODE, "public")
        published.request_build(edition)

    def _stored_password(self) -> str:
        path = Path(settings.VAR_DIR) / "demo_password"
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(f"demo-{secrets.token_urlsafe(9)}")
        return path.read_text().strip()
