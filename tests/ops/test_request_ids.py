"""Every request has an id: the proxy's when valid, a new one otherwise; on every log line."""

import json
import logging
import re
import uuid
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django_guid import clear_guid, get_guid, set_guid
from django_tasks import task

from yhdessa.core.logs import RequestIdFilter

HEX_ID = re.compile(r"^[0-9a-f]{32}$")


@pytest.fixture
def records(caplog):
    """Log records as the console handler sees them, request id attached."""
    caplog.handler.addFilter(RequestIdFilter(blank="-"))
    caplog.set_level(logging.INFO)
    return caplog


@pytest.mark.django_db
def test_a_new_id_is_returned_in_the_response_and_on_the_log_lines(client, records):
    response = client.get("/")
    request_id = response["X-Request-ID"]
    assert HEX_ID.match(request_id)
    access = [r for r in records.records if r.name == "yhdessa.access"]
    assert [r.correlation_id for r in access] == [request_id]
    assert client.get("/")["X-Request-ID"] != request_id


@pytest.mark.django_db
def test_the_proxys_id_is_kept(client, records):
    given = uuid.uuid4().hex  # as nginx's $request_id
    response = client.get("/municipalities/", HTTP_X_REQUEST_ID=given)
    assert response["X-Request-ID"] == given
    assert any(r.correlation_id == given for r in records.records if r.name == "yhdessa.access")


@pytest.mark.django_db
def test_an_invalid_incoming_id_is_replaced(client, records):
    response = client.get("/", HTTP_X_REQUEST_ID="abc; DROP TABLE")
    assert HEX_ID.match(response["X-Request-ID"])


@pytest.mark.django_db
def test_access_line_names_the_url_pattern_not_tokens_or_query_strings(client, records):
    client.get("/surveys/invitation/salainen-kutsu-123/?email=maija@example.fi")
    client.get("/organisations/?q=Maija+Meikäläinen")
    lines = [r for r in records.records if r.name == "yhdessa.access"]
    text = " ".join(r.getMessage() + json.dumps(r.__dict__, default=str) for r in lines)
    assert "salainen-kutsu-123" not in text
    assert "maija" not in text.lower()
    assert "Meikäläinen" not in text
    assert {r.getMessage() for r in lines} == {
        "GET /surveys/invitation/<str:token>/ 404",
        "GET /organisations/ 200",
    }


def test_json_lines_carry_the_request_id_for_log_collectors(rf):
    from django.utils.module_loading import import_string

    config = dict(settings.LOGGING["formatters"]["json"])
    formatter = import_string(config.pop("()"))(fmt=config.pop("format"), **config)
    record = logging.LogRecord("django.request", logging.ERROR, "x", 1, "Not Found", (), None)
    record.correlation_id = "0" * 32
    record.request = rf.get("/events/1/?email=maija@example.fi")  # as Django attaches it
    text = formatter.format(record)
    line = json.loads(text)
    assert line["request_id"] == "0" * 32
    assert line["level"] == "ERROR"
    assert line["message"] == "Not Found"
    assert line["time"].endswith("+00:00")
    assert "maija" not in text


@task()
def log_something() -> None:
    logging.getLogger("yhdessa.test").info("working")


@pytest.mark.django_db(transaction=True)
def test_tasks_run_by_the_worker_log_with_their_own_id(records, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    result = log_something.enqueue()
    call_command("db_worker", "--batch", "--no-startup-delay", stdout=StringIO())
    working = next(r for r in records.records if r.getMessage() == "working")
    assert working.correlation_id == f"task-{result.id}"
    assert get_guid() is None


@pytest.mark.django_db
def test_tasks_run_inside_a_request_keep_the_requests_id(records):
    set_guid("1" * 32)
    try:
        log_something.enqueue()  # the immediate backend of the tests
    finally:
        clear_guid()
    working = next(r for r in records.records if r.getMessage() == "working")
    assert working.correlation_id == "1" * 32


@pytest.mark.django_db
def test_redirected_and_unknown_addresses_leave_no_token_in_the_access_line(
    client, records, settings
):
    settings.SECURE_SSL_REDIRECT = True  # answered before the URL is resolved
    assert client.get("/surveys/invitation/salainen-kutsu-123/").status_code == 301
    client.get("/ei-ole/maija@example.fi/")
    lines = {r.getMessage() for r in records.records if r.name == "yhdessa.access"}
    assert lines == {"GET /surveys/invitation/<str:token>/ 301", "GET /ei-ole/… 301"}
