"""The whole site in one archive, and back: the database and the uploaded files.

An archive (``yhdessa-backup-<time>.tar.gz``) holds ``manifest.json`` first, the database
(``database/db.sqlite3`` made with SQLite's online backup API, safe while the site runs, or
``database/db.pgdump`` made by ``pg_dump --format=custom``) and the uploaded files under
``media/``, read through Django's storage API so that object storage works as the file system
does. The manifest names the engine and the applied migrations, so that a restore can refuse an
archive it could not load correctly before it touches anything, and a SHA-256 checksum of every
member, so that a damaged archive is found before the old data is replaced.
"""

import hashlib
import importlib.metadata
import io
import json
import logging
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from typing import IO, Any

from django.core.cache import cache
from django.core.files import File
from django.core.files.storage import Storage, default_storage
from django.db import connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

FORMAT = "yhdessa-backup"
VERSION = 1
MANIFEST = "manifest.json"
DATABASE_MEMBERS = {"sqlite": "database/db.sqlite3", "postgresql": "database/db.pgdump"}
CHUNK = 1024 * 1024

Manifest = dict[str, Any]


class BackupError(Exception):
    """A refusal or a failure, told to the administrator in plain words."""


# --- Backing up -------------------------------------------------------------------------------


def create_backup(
    path: Path, *, using: str = "default", storage: Storage | None = None
) -> Manifest:
    """Write the archive to ``path`` (through a ``.partial`` file, so that a failed backup never
    leaves a file that looks whole)."""
    storage = storage or default_storage
    connection = connections[using]
    engine = _engine(connection)
    partial = path.with_name(path.name + ".partial")
    with _work_folder(path.resolve().parent) as staging:
        database = staging / DATABASE_MEMBERS[engine]
        database.parent.mkdir(parents=True)
        _dump_database(connection, engine, database)
        files = [_copy_from_storage(storage, name, staging) for name in _storage_files(storage)]
        manifest = _manifest(connection, engine, _entry(database, staging), files)
        try:
            # Personal data inside: readable by the owner only, from the first byte on.
            descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with open(descriptor, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz") as archive:
                _add_bytes(archive, MANIFEST, json.dumps(manifest, indent=2).encode())
                for entry in [manifest["database"], *files]:
                    archive.add(staging / entry["name"], arcname=entry["name"])
            os.replace(partial, path)
        except OSError as error:
            partial.unlink(missing_ok=True)
            raise BackupError(
                _("Tiedostoa %(path)s ei voitu kirjoittaa: %(reason)s")
                % {"path": path, "reason": error.strerror}
            ) from error
    return manifest


def _engine(connection: BaseDatabaseWrapper) -> str:
    if connection.vendor not in DATABASE_MEMBERS:
        raise BackupError(
            _("Tietokantaa %(engine)s ei osata varmuuskopioida (vain SQLite ja PostgreSQL).")
            % {"engine": connection.vendor}
        )
    return connection.vendor


@contextmanager
def _work_folder(parent: Path | None = None) -> Iterator[Path]:
    """A temporary folder for the archive's parts: for a backup beside the archive (the disk
    that must have room for it), for a restore in the system's temporary folder (the archive
    may sit on a read-only backup disk)."""
    if parent is not None and not parent.is_dir():
        raise BackupError(_("Kansiota %(path)s ei ole.") % {"path": parent})
    with tempfile.TemporaryDirectory(prefix=".yhdessa-backup-", dir=parent) as folder:
        yield Path(folder)


def _dump_database(connection: BaseDatabaseWrapper, engine: str, target: Path) -> None:
    if engine == "sqlite":
        connection.ensure_connection()
        copy = sqlite3.connect(target)
        try:
            connection.connection.backup(copy)  # a consistent copy while others write
        finally:
            copy.close()
    else:
        _run_pg("pg_dump", connection, ["--format=custom", "--no-password", "--file", str(target)])


def _storage_files(storage: Storage, folder: str = "") -> Iterator[str]:
    """Every file in the storage, walked with listdir (object storage has no os.walk)."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:  # no file has been uploaded yet
        return
    for name in sorted(files):
        yield f"{folder}/{name}" if folder else name
    for name in sorted(folders):
        yield from _storage_files(storage, f"{folder}/{name}" if folder else name)


def _copy_from_storage(storage: Storage, name: str, staging: Path) -> dict[str, Any]:
    target = staging / "media" / name
    target.parent.mkdir(parents=True, exist_ok=True)
    with storage.open(name, "rb") as source, target.open("wb") as copy:
        shutil.copyfileobj(source, copy, CHUNK)
    return _entry(target, staging)


def _entry(path: Path, staging: Path) -> dict[str, Any]:
    return {
        "name": path.relative_to(staging).as_posix(),
        "size": path.stat().st_size,
        "sha256": _sha256(path),
    }


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        while chunk := file.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _manifest(
    connection: BaseDatabaseWrapper, engine: str, database: dict, files: list[dict]
) -> Manifest:
    applied: dict[str, list[str]] = {}
    for app, name in sorted(MigrationRecorder(connection).applied_migrations()):
        applied.setdefault(app, []).append(name)
    return {
        "format": FORMAT,
        "version": VERSION,
        "created_at": timezone.now().isoformat(timespec="seconds"),
        "yhdessa_version": importlib.metadata.version("yhdessa"),
        "engine": engine,
        "migrations": applied,
        "tables": sorted(connection.introspection.table_names()),
        "database": database,
        "files": files,
        "file_count": len(files),
        "files_size": sum(entry["size"] for entry in files),
    }


def _add_bytes(archive: tarfile.TarFile, name: str, content: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(content)
    info.mtime = int(timezone.now().timestamp())
    info.mode = 0o600
    archive.addfile(info, io.BytesIO(content))


# --- PostgreSQL's own tools ---------------------------------------------------------------------


def _run_pg(program: str, connection: BaseDatabaseWrapper, options: list[str]) -> None:
    """Run pg_dump or pg_restore with the connection's settings (as Django's dbshell does).

    The database name comes last in Django's argument list, so ``options`` that end with
    ``--dbname`` take it as their value.
    """
    from django.db.backends.postgresql.client import DatabaseClient

    args, env = DatabaseClient.settings_to_cmd_args_env(connection.settings_dict, options)
    args[0] = program
    try:
        result = subprocess.run(  # noqa: S603 (the program and the arguments are ours)
            args, env={**os.environ, **(env or {})}, capture_output=True, text=True, check=False
        )
    except FileNotFoundError as error:
        raise BackupError(
            _(
                "Ohjelmaa %(program)s ei löydy. Asenna PostgreSQL:n asiakasohjelmat "
                "(postgresql-client)."
            )
            % {"program": program}
        ) from error
    if result.returncode != 0:
        raise BackupError(
            _("%(program)s epäonnistui: %(reason)s")
            % {"program": program, "reason": result.stderr.strip()[-2000:]}
        )


# --- Restoring ----------------------------------------------------------------------------------


def read_manifest(path: Path) -> Manifest:
    try:
        with tarfile.open(path, "r:gz") as archive:
            member = archive.extractfile(MANIFEST)
            manifest = json.load(member) if member else None
    except FileNotFoundError as error:
        raise BackupError(_("Tiedostoa %(path)s ei ole.") % {"path": path}) from error
    except (tarfile.TarError, KeyError, OSError, ValueError) as error:
        raise BackupError(
            _("%(path)s ei ole Yhdessä-varmuuskopio (tai se on vioittunut).") % {"path": path}
        ) from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(_("%(path)s ei ole Yhdessä-varmuuskopio.") % {"path": path})
    if manifest.get("version") != VERSION:
        raise BackupError(
            _("Varmuuskopion muotoa %(version)s ei tunneta; tämä versio lukee muotoa %(ours)s.")
            % {"version": manifest.get("version"), "ours": VERSION}
        )
    return manifest


def restore_backup(
    path: Path, *, using: str = "default", force: bool = False, storage: Storage | None = None
) -> list[str]:
    """Replace the database and the uploaded files with the archive's.

    Everything that can refuse does so before anything is replaced: the archive's kind, engine
    and schema, a target that already holds data (unless ``force``), and every checksum.
    Returns the migrations that the restored database still lacks (run ``migrate``).
    """
    storage = storage or default_storage
    connection = connections[using]
    manifest = read_manifest(path)
    _check_engine(manifest, connection)
    _check_schema(manifest)
    if not force:
        _check_empty(connection, storage)
    with _work_folder() as staging:
        _extract_verified(path, manifest, staging)
        _restore_database(connection, manifest, staging / manifest["database"]["name"])
        _restore_files(storage, manifest, staging)
    try:
        cache.clear()  # no page may show what was cached from the data just replaced
    except Exception:
        logger.exception("The cache could not be cleared after the restore; clear it by hand.")
    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{migration.app_label}.{migration.name}" for migration, _backwards in plan]


def _check_engine(manifest: Manifest, connection: BaseDatabaseWrapper) -> None:
    if manifest.get("engine") != connection.vendor:
        raise BackupError(
            _(
                "Varmuuskopio on tehty %(archive)s-tietokannasta, mutta tämä palvelin käyttää "
                "%(ours)s-tietokantaa. Palauta se samanlaiseen tietokantaan (DATABASE_URL)."
            )
            % {"archive": manifest.get("engine"), "ours": connection.vendor}
        )


def _check_schema(manifest: Manifest) -> None:
    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    unknown = [
        f"{app}.{name}"
        for app, names in sorted(manifest.get("migrations", {}).items())
        for name in names
        if (app, name) not in known
    ]
    if unknown:
        raise BackupError(
            _(
                "Varmuuskopio on tehty uudemmalla Yhdessä-versiolla: sen tietokannassa on "
                "muutoksia, joita tämä versio ei tunne (%(unknown)s). Päivitä Yhdessä ensin."
            )
            % {"unknown": ", ".join(unknown[:5]) + (" …" if len(unknown) > 5 else "")}
        )


def _check_empty(connection: BaseDatabaseWrapper, storage: Storage) -> None:
    tables = connection.introspection.table_names()
    if tables:
        raise BackupError(
            _(
                "Kohdetietokanta ei ole tyhjä (siinä on %(count)s taulua). Palautus korvaisi "
                "sen tiedot; jos se on tarkoitus, anna --force."
            )
            % {"count": len(tables)}
        )
    if next(_storage_files(storage), None) is not None:
        raise BackupError(
            _(
                "Tiedostovarastossa on jo tiedostoja. Palautus korvaisi ne; jos se on "
                "tarkoitus, anna --force."
            )
        )


def _extract_verified(path: Path, manifest: Manifest, staging: Path) -> None:
    """Copy each member the manifest names out of the archive, checking its checksum."""
    expected = {entry["name"]: entry for entry in [manifest["database"], *manifest["files"]]}
    with tarfile.open(path, "r:gz") as archive:
        for member in archive:
            entry = expected.pop(member.name, None)
            if entry is None:
                continue
            source = archive.extractfile(member)
            if source is None:
                raise BackupError(
                    _("Varmuuskopio on vioittunut: %(name)s.") % {"name": member.name}
                )
            _copy_checked(source, _safe_path(staging, member.name), entry)
    if expected:
        raise BackupError(
            _("Varmuuskopiosta puuttuu tiedostoja: %(names)s.")
            % {"names": ", ".join(sorted(expected)[:5])}
        )


def _safe_path(staging: Path, name: str) -> Path:
    parts = PurePosixPath(name).parts
    if not parts or PurePosixPath(name).is_absolute() or ".." in parts:
        raise BackupError(_("Varmuuskopiossa on kelvoton tiedostonimi: %(name)s.") % {"name": name})
    target = staging.joinpath(*parts)
    target.parent.mkdir(parents=True, exist_ok=True)
    return target


def _copy_checked(source: IO[bytes], target: Path, entry: dict[str, Any]) -> None:
    digest = hashlib.sha256()
    with target.open("wb") as copy:
        while chunk := source.read(CHUNK):
            digest.update(chunk)
            copy.write(chunk)
    if digest.hexdigest() != entry["sha256"]:
        raise BackupError(
            _("Varmuuskopio on vioittunut: tiedoston %(name)s tarkistussumma ei täsmää.")
            % {"name": entry["name"]}
        )


def _restore_database(connection: BaseDatabaseWrapper, manifest: Manifest, dump: Path) -> None:
    if connection.vendor == "sqlite":
        _restore_sqlite(connection, dump)
    else:
        _drop_tables_not_in(connection, set(manifest["tables"]))
        _run_pg(
            "pg_restore",
            connection,
            [
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-privileges",
                "--single-transaction",  # all or nothing
                "--no-password",
                str(dump),
                "--dbname",
            ],
        )


def _restore_sqlite(connection: BaseDatabaseWrapper, dump: Path) -> None:
    """Swap the database file for the archive's in one rename."""
    target = Path(str(connection.settings_dict["NAME"]))
    if str(target).startswith(":memory:") or "mode=memory" in str(target):
        raise BackupError(_("Muistissa olevaan tietokantaan ei voi palauttaa."))
    check = sqlite3.connect(dump)
    try:
        healthy = check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        check.close()
    if not healthy:
        raise BackupError(_("Varmuuskopion tietokanta on vioittunut."))
    staged = target.with_name(target.name + ".restoring")
    shutil.copyfile(dump, staged)
    connection.close()
    # The old write-ahead log belongs to the old file: left beside the new one, SQLite would
    # replay it into the restored database.
    for suffix in ("-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    os.replace(staged, target)


def _drop_tables_not_in(connection: BaseDatabaseWrapper, archived: set[str]) -> None:
    """pg_restore --clean replaces the archive's tables; a table only the target has (from a
    later migration) would stop the next migrate, so it goes too."""
    extra = [name for name in connection.introspection.table_names() if name not in archived]
    if not extra:
        return
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {', '.join(map(quote, extra))} CASCADE")


def _restore_files(storage: Storage, manifest: Manifest, staging: Path) -> None:
    for entry in manifest["files"]:
        name = entry["name"].removeprefix("media/")
        if storage.exists(name):
            storage.delete(name)
        with (staging / entry["name"]).open("rb") as source:
            saved = storage.save(name, File(source, name=name))
        if saved != name or storage.size(name) != entry["size"]:
            raise BackupError(
                _("Tiedostoa %(name)s ei voitu palauttaa tiedostovarastoon.") % {"name": name}
            )
