"""A copy of every table kept inside the test database, to put its rows back in a moment.

The browser tests need committed data (the live server reads it from another thread), so
the database is emptied after each of them. Loading the demo again for every test took
most of the browser suite's time; copying the rows back from a snapshot taken after the
first load is a few statements per table, run by the database itself.

The copies live outside the tables that Django knows (a schema of their own on PostgreSQL,
an attached database file on SQLite), so flushing the test database leaves them alone.
Rows are copied as they are, timestamps and primary keys included, and the sequences are
moved past the copied keys.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management.color import no_style
from django.db import connections, transaction
from django.db.backends.utils import CursorWrapper
from django.db.models import Model

SNAPSHOT = "yhdessa_snapshot"


def _models() -> list[type[Model]]:
    """Every model with a table of its own, many-to-many tables included."""
    return [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    ]


class TableSnapshot:
    """``TableSnapshot.take(file)`` copies every table; ``restore()`` makes them so again.

    ``file`` holds the copies on SQLite (each test may get a new connection, which must
    attach it again); PostgreSQL keeps them in a schema of the test database.
    """

    def __init__(self, file: Path, using: str) -> None:
        self.file = file
        self.using = using
        self.models = _models()

    @classmethod
    def take(cls, file: Path, using: str = "default") -> "TableSnapshot":
        snapshot = cls(file, using)
        quote = connections[using].ops.quote_name
        with snapshot._cursor(create=True) as cursor:
            for model in snapshot.models:
                table = quote(model._meta.db_table)
                cursor.execute(f"CREATE TABLE {SNAPSHOT}.{table} AS SELECT * FROM {table}")  # noqa: S608
        return snapshot

    def restore(self) -> None:
        connection = connections[self.using]
        quote = connection.ops.quote_name
        # Foreign keys are checked at commit (Django declares them deferrable), so the order
        # of the tables does not matter inside one transaction.
        with self._cursor() as cursor, transaction.atomic(using=self.using):
            for model in self.models:
                table = quote(model._meta.db_table)
                # A flush recreates content types and permissions with new keys: drop those.
                cursor.execute(f"DELETE FROM {table}")  # noqa: S608
                cursor.execute(f"INSERT INTO {table} SELECT * FROM {SNAPSHOT}.{table}")  # noqa: S608
            for statement in connection.ops.sequence_reset_sql(no_style(), self.models):
                cursor.execute(statement)
        ContentType.objects.clear_cache()  # it may hold the keys that a flush gave

    @contextmanager
    def _cursor(self, create: bool = False) -> Iterator[CursorWrapper]:
        connection = connections[self.using]
        with connection.cursor() as cursor:
            if connection.vendor == "sqlite":
                # Outside any transaction: SQLite refuses to attach inside one.
                cursor.execute(f"ATTACH DATABASE %s AS {SNAPSHOT}", [str(self.file)])
                try:
                    yield cursor
                finally:
                    cursor.execute(f"DETACH DATABASE {SNAPSHOT}")
            else:
                if create:
                    cursor.execute(f"DROP SCHEMA IF EXISTS {SNAPSHOT} CASCADE")
                    cursor.execute(f"CREATE SCHEMA {SNAPSHOT}")
                yield cursor
