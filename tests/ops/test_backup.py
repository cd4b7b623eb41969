"""`yhdessa backup` and `yhdessa restore` as an administrator uses them, on either database.

The round trip restores into an EMPTY second database (another SQLite file, or another
PostgreSQL database made for the test) through the command line, and compares the project's
report JSON before and after: the whole published result of the data must come back.
"""

import io
import json
import os
import subprocess
import sys
import tarfile
from pathlib import Path

import psycopg
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from yhdessa.projects.models import Project

SLUG = "yhdessa-osallisuutta"


def yhdessa(*args: str, database_url: str, var_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY"}}
    env |= {"DATABASE_URL": database_url, "YHDESSA_VAR_DIR": str(var_dir), "DEBUG": "1"}
    return subprocess.run(
        [sys.executable, "-m", "yhdessa", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def report_json(path: Path) -> dict:
    document = json.loads(path.read_text())
    document["meta"].pop("generated_at")  # the one thing that differs between two runs
    return document


@pytest.fixture
def empty_database(tmp_path):
    """A URL of an empty database of the engine under test, dropped afterwards."""
    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        return
    params = connection.settings_dict
    name = f"{params['NAME']}_restore"
    admin = psycopg.connect(
        dbname="postgres",
        host=params["HOST"] or None,
        port=params["PORT"] or None,
        user=params["USER"] or None,
        password=params["PASSWORD"] or None,
        autocommit=True,
    )
    admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
    admin.execute(f'CREATE DATABASE "{name}"')
    auth = params["USER"] + (f":{params['PASSWORD']}" if params["PASSWORD"] else "")
    yield f"postgres://{auth}@{params['HOST']}:{params['PORT'] or 5432}/{name}"
    admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.close()


@pytest.mark.django_db(transaction=True)
def test_round_trip_into_an_empty_database_gives_the_same_report(
    tmp_path, settings, empty_database
):
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("demo", password="demo-salasana-1", stdout=io.StringIO())
    default_storage.save("kuvat/logo.svg", ContentFile(b"<svg>logo</svg>"))
    default_storage.save("liitteet/ohje.pdf", ContentFile(b"%PDF-1.7 " + bytes(range(256))))
    call_command("report", SLUG, file_format="json", output=tmp_path / "before.json")
    out = io.StringIO()
    call_command("backup", output=tmp_path / "yhdessa.tar.gz", stdout=out)
    assert "2 tiedostoa" in out.getvalue()
    assert (tmp_path / "yhdessa.tar.gz").stat().st_mode & 0o077 == 0  # personal data inside

    target_var = tmp_path / "target"
    restored = yhdessa(
        "restore", str(tmp_path / "yhdessa.tar.gz"), database_url=empty_database, var_dir=target_var
    )
    assert restored.returncode == 0, restored.stderr
    assert "Palautettu" in restored.stdout
    after = yhdessa(
        "report", SLUG, "--format", "json", "-o", str(tmp_path / "after.json"),
        database_url=empty_database, var_dir=target_var,
    )  # fmt: skip
    assert after.returncode == 0, after.stderr
    assert report_json(tmp_path / "after.json") == report_json(tmp_path / "before.json")
    assert (target_var / "media/kuvat/logo.svg").read_bytes() == b"<svg>logo</svg>"
    assert (target_var / "media/liitteet/ohje.pdf").read_bytes().endswith(bytes(range(256)))

    # The target now holds data: a second restore refuses, on the command line's terms.
    again = yhdessa(
        "restore", str(tmp_path / "yhdessa.tar.gz"), database_url=empty_database, var_dir=target_var
    )
    assert again.returncode != 0
    assert "Kohdetietokanta ei ole tyhjä" in again.stderr
    assert "--force" in again.stderr
    forced = yhdessa(
        "restore", str(tmp_path / "yhdessa.tar.gz"), "--force",
        database_url=empty_database, var_dir=target_var,
    )  # fmt: skip
    assert forced.returncode == 0, forced.stderr


# --- Refusals: nothing is touched ---------------------------------------------------------------


def archive_with(path: Path, manifest: dict, members: dict[str, bytes] | None = None) -> Path:
    with tarfile.open(path, "w:gz") as archive:
        for name, content in {
            "manifest.json": json.dumps(manifest).encode(),
            **(members or {}),
        }.items():
            info = tarfile.TarInfo(name)
            info.size = len(content)
            archive.addfile(info, io.BytesIO(content))
    return path


def real_manifest(path: Path) -> dict:
    with tarfile.open(path, "r:gz") as archive:
        return json.load(archive.extractfile("manifest.json"))


def restore(path: Path, *args: str) -> str:
    with pytest.raises(CommandError) as refused:
        call_command("restore", str(path), *args, stdout=io.StringIO())
    return str(refused.value)


@pytest.fixture
def backup_of_this_database(tmp_path, settings, transactional_db, world):
    """A backup of committed data (SQLite's backup waits for the write lock that an open
    test transaction would hold forever)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    default_storage.save("kuvat/logo.svg", ContentFile(b"<svg>logo</svg>"))
    path = tmp_path / "backup.tar.gz"
    call_command("backup", output=path, stdout=io.StringIO())
    return path


def test_a_database_with_data_is_not_replaced_without_force(backup_of_this_database):
    message = restore(backup_of_this_database)
    assert "Kohdetietokanta ei ole tyhjä" in message
    assert Project.objects.filter(slug=SLUG).exists()


def test_an_archive_of_the_other_database_engine_is_refused(backup_of_this_database, tmp_path):
    manifest = real_manifest(backup_of_this_database)
    manifest["engine"] = "postgresql" if connection.vendor == "sqlite" else "sqlite"
    message = restore(archive_with(tmp_path / "other.tar.gz", manifest), "--force")
    assert f"tehty {manifest['engine']}-tietokannasta" in message
    assert f"käyttää {connection.vendor}-tietokantaa" in message


def test_an_archive_of_a_newer_version_is_refused(backup_of_this_database, tmp_path):
    manifest = real_manifest(backup_of_this_database)
    manifest["migrations"]["reports"].append("9999_tuleva_muutos")
    message = restore(archive_with(tmp_path / "newer.tar.gz", manifest), "--force")
    assert "uudemmalla Yhdessä-versiolla" in message
    assert "reports.9999_tuleva_muutos" in message


def test_a_damaged_archive_is_refused_before_anything_is_replaced(
    backup_of_this_database, tmp_path
):
    manifest = real_manifest(backup_of_this_database)
    with tarfile.open(backup_of_this_database, "r:gz") as archive:
        members = {
            member.name: archive.extractfile(member).read()
            for member in archive
            if member.name != "manifest.json"
        }
    members["media/kuvat/logo.svg"] = b"<svg>vaihdettu</svg>"
    message = restore(archive_with(tmp_path / "damaged.tar.gz", manifest, members), "--force")
    assert "tiedoston media/kuvat/logo.svg tarkistussumma ei täsmää" in message
    assert Project.objects.filter(slug=SLUG).exists()
    assert default_storage.open("kuvat/logo.svg").read() == b"<svg>logo</svg>"


@pytest.mark.django_db
def test_a_file_that_is_no_backup_is_named(tmp_path):
    other = tmp_path / "kuva.png"
    other.write_bytes(b"\x89PNG not a backup")
    assert "ei ole Yhdessä-varmuuskopio" in restore(other)
    assert "Tiedostoa" in restore(tmp_path / "puuttuu.tar.gz")


@pytest.mark.django_db
def test_backup_to_a_missing_folder_says_so(tmp_path):
    with pytest.raises(CommandError, match=r"Kansiota .* ei ole"):
        call_command("backup", output=tmp_path / "ei-ole" / "b.tar.gz", stdout=io.StringIO())


def test_an_archive_of_an_older_version_is_restored_and_migrate_is_advised(tmp_path):
    """The engine-independent part on SQLite files: an archive whose database lacks the newest
    migration loads, and the administrator is told to migrate."""
    source = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    archive = str(tmp_path / "old.tar.gz")
    for args in (("migrate", "--no-input"), ("migrate", "core", "0001"), ("backup", "-o", archive)):
        done = yhdessa(*args, database_url=source, var_dir=tmp_path / "old")
        assert done.returncode == 0, done.stderr
    target = f"sqlite:///{tmp_path / 'new.sqlite3'}"
    restored = yhdessa("restore", archive, database_url=target, var_dir=tmp_path / "new")
    assert restored.returncode == 0, restored.stderr
    assert "aja seuraavaksi: yhdessa migrate" in restored.stdout
