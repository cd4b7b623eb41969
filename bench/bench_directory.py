"""Time the directory's public reads on a country-sized data set (see bench/README.md)."""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path


def setup_django(var_dir: Path) -> None:
    os.environ.setdefault("YHDESSA_VAR_DIR", str(var_dir))
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{var_dir / 'bench.sqlite3'}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "yhdessa.settings")
    import django

    django.setup()


def generate(organisations_per_municipality: int) -> None:
    from django.core.management import call_command

    from yhdessa.directory.models import Municipality, Organisation

    call_command("migrate", verbosity=0)
    if Municipality.objects.count() >= 309:
        return
    municipalities = Municipality.objects.bulk_create(
        Municipality(code=f"{n:03d}", name_fi=f"Kunta {n}") for n in range(1, 310)
    )
    kinds = [kind for kind, _ in Organisation.Kind.choices]
    Organisation.objects.bulk_create(
        Organisation(
            name=f"Yhdistys {m.code}-{n}",
            slug=f"yhdistys-{m.code}-{n}",
            kind=kinds[n % len(kinds)],
            municipality=m,
            search_text=f"yhdistys {m.code}-{n}",
        )
        for m in municipalities
        for n in range(organisations_per_municipality)
    )


def measure(label: str, url: str, repeats: int) -> None:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="localhost")
    timings = []
    for _ in range(repeats):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = client.get(url)
            timings.append(time.perf_counter() - start)
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}")
    print(
        f"{label:<40} median {statistics.median(timings) * 1000:7.1f} ms"
        f"   max {max(timings) * 1000:7.1f} ms   {len(queries)} queries"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--organisations", type=int, default=50, help="per municipality")
    parser.add_argument("--repeats", type=int, default=20)
    args = parser.parse_args()
    var_dir = Path(__file__).resolve().parent.parent / "var" / "bench"
    var_dir.mkdir(parents=True, exist_ok=True)
    setup_django(var_dir)
    generate(args.organisations)
    measure("municipality directory", "/municipalities/", args.repeats)
    measure("organisation search (first page)", "/organisations/?q=yhdistys", args.repeats)
    measure("organisations of one municipality", "/organisations/?municipality=100", args.repeats)
    measure("API: organisations, 100 per page", "/api/v1/organisations/?limit=100", args.repeats)
    measure("API: municipalities", "/api/v1/municipalities/", args.repeats)
    return 0


if __name__ == "__main__":
    sys.exit(main())
