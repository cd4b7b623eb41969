"""What /healthz checks: each service a request or a task needs, cheaply, without personal data.

A load balancer takes an app server out of rotation on a non-200 answer, and an operator reads
the JSON to see which part failed; so every check answers on its own and a failure names only
the kind of error (its message may carry host names or SQL).
"""

import logging
import uuid
from collections.abc import Callable
from typing import Any

from django.core.cache import cache
from django.db import connection
from django.db.models import Case, Count, F, Min, When
from django.db.models.functions import Greatest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max

logger = logging.getLogger(__name__)

Check = Callable[[], dict[str, Any]]


def database() -> dict[str, Any]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return {}


def shared_cache() -> dict[str, Any]:
    """Set and read back a key of its own, so that two servers checking at once never meet."""
    key = f"healthz:{uuid.uuid4().hex}"
    cache.set(key, "ok", timeout=10)
    found = cache.get(key)
    cache.delete(key)
    if found != "ok":
        raise RuntimeError("cache did not keep a value")
    return {}


def task_queue() -> dict[str, Any]:
    """How many tasks wait for a worker and for how long: a growing age means no worker runs."""
    runnable_since = Greatest(
        "enqueued_at",
        Case(When(run_after=get_date_max(), then=F("enqueued_at")), default=F("run_after")),
    )
    found = DBTaskResult.objects.ready().aggregate(ready=Count("pk"), since=Min(runnable_since))
    age = None
    if found["since"] is not None:
        age = max(0, round((timezone.now() - found["since"]).total_seconds()))
    return {"ready": found["ready"], "oldest_ready_seconds": age}


CHECKS: dict[str, Check] = {"database": database, "cache": shared_cache, "tasks": task_queue}


def run_checks() -> tuple[bool, dict[str, dict[str, Any]]]:
    results: dict[str, dict[str, Any]] = {}
    for name, check in CHECKS.items():
        try:
            results[name] = {"ok": True, **check()}
        except Exception as error:  # a health check reports every failure, whatever it is
            logger.exception("Health check %s failed", name)
            results[name] = {"ok": False, "error": type(error).__name__}
    return all(result["ok"] for result in results.values()), results
