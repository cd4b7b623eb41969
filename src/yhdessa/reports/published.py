"""The published report, built once in the background and kept: the report page, the dashboard,
the downloads and the API answer from the kept copy instead of building it per visitor.

A copy is kept per edition — (project, municipality, language, and either a variant of the
report object or a file format) — in Django's cache, shared by every web server and worker;
the files (PDF, XLSX, JSON) are in the default storage. A copy older than
``YHDESSA_REPORT_MAX_AGE`` seconds, or made before the project's report was marked changed
(``mark_changed``: its texts were saved, staff asked for a rebuild), is still served while a
background task builds the next one, so no reader waits on a build once a copy exists. Only
one build of an edition runs at a time (a lock in the cache); its progress is kept in the cache
for the "being prepared" page.
"""

from __future__ import annotations

import logging
import pickle
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Literal

from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone, translation

from yhdessa.directory.models import Municipality
from yhdessa.projects.models import Project
from yhdessa.reports import outputs
from yhdessa.reports.builder import build_report
from yhdessa.reports.document import Report
from yhdessa.reports.formats import FORMATS
from yhdessa.reports.scope import ReportScope

logger = logging.getLogger(__name__)

#: "public": the published report object; "staff": the same with links to the records, for
#: the project's own people; a file format key ("pdf", …): the file made from "public".
Variant = Literal["public", "staff"]
#: How long a build may hold its lock before another may start (a worker that died).
BUILD_LOCK_SECONDS = 15 * 60


@dataclass(frozen=True)
class Edition:
    """One kept copy's identity."""

    project_id: int
    municipality_id: int | None
    language: str
    kind: str  # a Variant, or a key of FORMATS

    @classmethod
    def of(
        cls, project: Project, municipality: Municipality | None, language: str, kind: str
    ) -> Edition:
        return cls(project.pk, municipality.pk if municipality else None, language, kind)

    @property
    def key(self) -> str:
        scope = self.municipality_id or "all"
        return f"report:{self.project_id}:{scope}:{self.language}:{self.kind}"

    @property
    def is_file(self) -> bool:
        return self.kind in FORMATS


@dataclass(frozen=True)
class Copy:
    """What the cache keeps of an edition: the report object, or where its file is."""

    built_at: datetime
    generation: int
    report: Report | None = None
    file_name: str = ""  # in default_storage
    download_name: str = ""  # what the browser saves it as
    size: int = 0


@dataclass(frozen=True)
class Progress:
    step: int
    steps: int
    section: str

    @property
    def percent(self) -> int:
        return round(100 * self.step / self.steps) if self.steps else 0


# --- Reading ---------------------------------------------------------------------------------


def _max_age() -> timedelta:
    return timedelta(seconds=settings.YHDESSA_REPORT_MAX_AGE)


def _generation_key(project_id: int) -> str:
    return f"report:{project_id}:generation"


def generation(project_id: int) -> int:
    return int(cache.get(_generation_key(project_id), 0))


def _read(edition: Edition) -> Copy | None:
    data = cache.get(edition.key)
    if data is None:
        return None
    try:
        copy = pickle.loads(data)  # noqa: S301 (our own cache, written by _keep)
    except Exception:  # kept by an older version of the code: build anew
        logger.warning("Report edition %s could not be read; it is built again", edition.key)
        return None
    if edition.is_file and not default_storage.exists(copy.file_name):
        return None  # the storage was emptied under the cache
    return copy


def is_fresh(edition: Edition, copy: Copy) -> bool:
    return (
        copy.generation >= generation(edition.project_id)
        and timezone.now() - copy.built_at < _max_age()
    )


def copy_of(edition: Edition) -> Copy | None:
    """The kept copy, fresh or not; a missing or stale one is asked to be built.

    Returns what there is after asking: with a task backend that runs at once (the tests),
    the new copy; otherwise the stale one, or None while the first is being built."""
    copy = _read(edition)
    if copy is not None and is_fresh(edition, copy):
        return copy
    if request_build(edition):
        copy = _read(edition) or copy
    return copy


def progress(edition: Edition) -> Progress | None:
    """How far the build of an edition is, or None when none is running."""
    return cache.get(f"{edition.key}:progress") if is_building(edition) else None


def is_building(edition: Edition) -> bool:
    return cache.get(f"{edition.key}:building") is not None


# --- Building --------------------------------------------------------------------------------


def request_build(edition: Edition) -> bool:
    """Queue a build unless one of this edition is running; True when one was queued."""
    from yhdessa.reports.tasks import build_edition

    if not cache.add(f"{edition.key}:building", timezone.now(), BUILD_LOCK_SECONDS):
        return False
    cache.set(f"{edition.key}:progress", Progress(0, 1, ""), BUILD_LOCK_SECONDS)
    try:
        build_edition.enqueue(**vars(edition))
    except Exception:
        cache.delete(f"{edition.key}:building")
        raise
    return True


def mark_changed(project: Project) -> None:
    """Every kept copy of the project's reports is out of date: they are rebuilt as they are
    next read (and served meanwhile)."""
    key = _generation_key(project.pk)
    cache.add(key, 0, None)
    try:
        cache.incr(key)
    except ValueError:  # evicted between add and incr
        cache.set(key, 1, None)


def build(edition: Edition) -> Copy:
    """Build the edition now and keep it (run by the background task)."""
    try:
        started_generation = generation(edition.project_id)
        if edition.is_file:
            copy = _build_file(edition, started_generation)
        else:
            copy = _build_report(edition, started_generation)
        return copy
    finally:
        cache.delete_many([f"{edition.key}:building", f"{edition.key}:progress"])


def _scope(edition: Edition) -> ReportScope:
    project = Project.objects.get(pk=edition.project_id)
    municipality = (
        Municipality.objects.get(pk=edition.municipality_id) if edition.municipality_id else None
    )
    return ReportScope(
        project=project,
        municipality=municipality,
        language=edition.language,
        traceable=edition.kind == "staff",
    )


def _build_report(edition: Edition, started_generation: int) -> Copy:
    def told(section: str, step: int, steps: int) -> None:
        cache.set(f"{edition.key}:progress", Progress(step, steps + 1, section), BUILD_LOCK_SECONDS)

    report = build_report(_scope(edition), progress=told)
    copy = Copy(built_at=report.generated_at, generation=started_generation, report=report)
    _keep(edition, copy)
    return copy


def _build_file(edition: Edition, started_generation: int) -> Copy:
    """The file from the published report object (kept, or built first)."""
    source = replace(edition, kind="public")
    kept = _read(source)
    if kept is None or not is_fresh(source, kept):
        kept = _build_report(source, started_generation)
    report = kept.report
    assert report is not None  # noqa: S101 (a report variant always has its object)
    chosen = FORMATS[edition.kind]
    with translation.override(edition.language):
        content = chosen.render(report)
    download_name = outputs.filename(report, chosen.key)
    stamp = report.generated_at.strftime("%Y%m%d%H%M%S")
    name = default_storage.save(f"reports/{stamp}-{download_name}", ContentFile(content))
    previous = _read(edition)
    copy = Copy(
        built_at=kept.built_at,
        generation=kept.generation,
        file_name=name,
        download_name=download_name,
        size=len(content),
    )
    _keep(edition, copy)
    if previous is not None and previous.file_name != name:
        default_storage.delete(previous.file_name)
    return copy


def _keep(edition: Edition, copy: Copy) -> None:
    # Pickled here, not by the cache backend, so that every backend stores the same bytes.
    cache.set(edition.key, pickle.dumps(copy), None)
    logger.info("Report edition %s built", edition.key)
