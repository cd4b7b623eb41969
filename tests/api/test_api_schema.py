"""Property-based API tests: every operation, with generated input, keeps to its OpenAPI schema."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from yhdessa.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)


@pytest.fixture(autouse=True)
def keep_the_test_transaction_open():
    """Calls go straight to the WSGI app, which closes the database connection when a request
    ends; Django's test client switches that off in the same way, so the test's transaction
    (and its data) survives the request."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture(autouse=True)
def data(world):
    """Give the generated requests the tenancy world to read (a project, two municipalities)."""
    return world


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_never_errors_and_answers_as_documented(case):
    case.call_and_validate(headers={"Host": "localhost"})
