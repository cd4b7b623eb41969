"""/healthz as a load balancer and an operator meet it."""

import datetime as dt
import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max

BROKEN_CACHE = {
    "default": {
        # A folder that cannot be made (under a device file): every write fails, as a full
        # disk or an unreachable Redis would.
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": "/dev/null/yhdessa-cache",
    }
}


def ready_task(*, enqueued_minutes_ago: int) -> DBTaskResult:
    result = DBTaskResult.objects.create(
        task_path="yhdessa.example.task",
        args_kwargs={"args": [], "kwargs": {}},
        queue_name="default",
        backend_name="default",
        priority=0,
        run_after=get_date_max(),
    )
    DBTaskResult.objects.filter(pk=result.pk).update(
        enqueued_at=timezone.now() - dt.timedelta(minutes=enqueued_minutes_ago)
    )
    return result


@pytest.mark.django_db
def test_healthy_site_answers_200_with_each_check(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["checks"]["database"] == {"ok": True}
    assert body["checks"]["cache"] == {"ok": True}
    assert body["checks"]["tasks"] == {"ok": True, "ready": 0, "oldest_ready_seconds": None}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_queue_reports_the_ready_tasks_and_the_oldest_ones_age(client):
    ready_task(enqueued_minutes_ago=10)
    ready_task(enqueued_minutes_ago=2)
    tasks = client.get("/healthz").json()["checks"]["tasks"]
    assert tasks["ready"] == 2
    assert 600 <= tasks["oldest_ready_seconds"] < 660


@pytest.mark.django_db
def test_broken_cache_answers_503_naming_the_cache(client):
    with override_settings(CACHES=BROKEN_CACHE):  # back before the test's cache is cleared
        response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "error"
    assert body["checks"]["cache"]["ok"] is False
    assert body["checks"]["database"] == {"ok": True}


@pytest.mark.django_db
def test_broken_database_answers_503_json_not_an_html_500(client, monkeypatch):
    def refuse(*args, **kwargs):
        raise DatabaseError("connection refused")

    # The cursor is where every query of every check meets the database.
    from django.db.backends.utils import CursorWrapper

    monkeypatch.setattr(CursorWrapper, "execute", refuse)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response["Content-Type"] == "application/json"
    checks = response.json()["checks"]
    assert checks["database"] == {"ok": False, "error": "DatabaseError"}
    assert checks["tasks"]["ok"] is False
    assert "connection refused" not in response.content.decode()


@pytest.mark.django_db
def test_missing_queue_table_answers_503_naming_the_queue(client, monkeypatch):
    def missing(*args, **kwargs):
        raise DatabaseError('relation "django_tasks_database_dbtaskresult" does not exist')

    monkeypatch.setattr(DBTaskResult.objects, "get_queryset", missing)
    response = client.get("/healthz")
    assert response.status_code == 503
    checks = response.json()["checks"]
    assert checks["tasks"] == {"ok": False, "error": "DatabaseError"}
    assert checks["database"] == {"ok": True}


@pytest.mark.django_db
def test_load_balancer_may_call_over_plain_http_with_its_own_host_name(client, settings):
    """Production settings: HTTPS redirect on, one allowed host; the balancer asks the app
    server by its address inside the network."""
    settings.DEBUG = False
    settings.SECURE_SSL_REDIRECT = True
    settings.ALLOWED_HOSTS = ["yhdessa.kunta.example"]
    response = client.get("/healthz", HTTP_HOST="10.0.0.7:8000")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    # Everything else still redirects to HTTPS and checks the host.
    assert client.get("/", HTTP_HOST="yhdessa.kunta.example").status_code == 301
    assert client.get("/", HTTP_HOST="10.0.0.7:8000").status_code == 400


@pytest.mark.django_db
def test_health_check_is_a_handful_of_queries(client, django_assert_max_num_queries):
    # SELECT 1; the database cache's set (count, look-up, insert in a savepoint), get and
    # delete; one aggregate over the queue.
    with django_assert_max_num_queries(9):
        assert client.get("/healthz").status_code == 200


@pytest.mark.django_db
def test_command_line_check_passes_on_a_healthy_site():
    out = StringIO()
    call_command("healthcheck", "--max-queue-age", "300", stdout=out)
    assert json.loads(out.getvalue())["database"] == {"ok": True}


@pytest.mark.django_db
def test_command_line_check_fails_when_tasks_wait_too_long():
    ready_task(enqueued_minutes_ago=10)
    with pytest.raises(CommandError, match="Vanhin tehtävä on odottanut 6"):
        call_command("healthcheck", "--max-queue-age", "300", stdout=StringIO())
    call_command("healthcheck", stdout=StringIO())  # without the limit the queue may wait


@pytest.mark.django_db
def test_command_line_check_names_what_fails():
    with (
        override_settings(CACHES=BROKEN_CACHE),
        pytest.raises(CommandError, match="Ei vastaa: cache"),
    ):
        call_command("healthcheck", stdout=StringIO())
