"""Time the demo project's report: the page, the JSON document, the workbook and the PDF.

Each output is timed twice through the same URLs as a reader uses: once as it is built (the
background task runs at once here) and then ``--repeats`` times from the kept copy, which is
what readers get (reports/published.py). The demo is loaded into a throw-away SQLite database
under ``var/bench/`` (or ``DATABASE_URL``).
"""

import argparse
import os
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
    os.environ.setdefault(
        "YHDESSA_TASK_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"
    )
    os.environ.setdefault("RATELIMIT_ENABLE", "0")
    setup_django(var_dir)
    load_demo()
    from django.core.cache import cache

    report = f"/projects/{SLUG}/report/"
    outputs = [
        ("report page (HTML)", report),
        ("municipal report page (535)", report + "535/"),
        *((f"report {key}", f"{report}download/{key}/") for key in ("json", "xlsx", "pdf")),
        ("API report", f"/api/v1/projects/{SLUG}/report"),
    ]
    for label, url in outputs:
        cache.clear()
        measure(f"{label}, built", url, 1)
        measure(f"{label}, kept copy", url, args.repeats)
    return 0


if __name__ == "__main__":
    sys.exit(main())
