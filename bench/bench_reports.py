"""Time the demo project's report: the page, the JSON document, the workbook and the PDF.

The issue's goal is seconds, not minutes, for the demo project's PDF. The demo is loaded into
a throw-away SQLite database under ``var/bench/`` (or ``DATABASE_URL``); each output is made
``--repeats`` times through the same URLs as a reader uses.
"""

import argparse
import secrets
import sys
from pathlib import Path

from bench_directory import measure, setup_django

SLUG = "yhdessa-osallisuutta"


def load_demo() -> None:
    from django.core.management import call_command

    from yhdessa import demo
    from yhdessa.projects.models import Project

    call_command("migrate", verbosity=0)
    if not Project.objects.filter(slug=SLUG).exists():
        demo.load_all(password=secrets.token_urlsafe())  # nobody signs in to the bench


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    var_dir = Path(__file__).resolve().parent.parent / "var" / "bench"
    var_dir.mkdir(parents=True, exist_ok=True)
    setup_django(var_dir)
    load_demo()
    report = f"/projects/{SLUG}/report/"
    measure("report page (HTML)", report, args.repeats)
    measure("municipal report page (535)", report + "535/", args.repeats)
    for file_format in ("json", "xlsx", "pdf"):
        measure(f"report {file_format}", f"{report}download/{file_format}/", args.repeats)
    measure("API report", f"/api/v1/projects/{SLUG}/report", args.repeats)
    return 0


if __name__ == "__main__":
    sys.exit(main())
