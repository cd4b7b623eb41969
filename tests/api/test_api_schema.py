"""Property-based API tests: every operation, with generated input, keeps to its OpenAPI schema."""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from yhdessa.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)


@pytest.fixture(autouse=True)
def data(world):
    """Give the generated requests the tenancy world to read (a project, two municipalities)."""
    return world


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_never_errors_and_answers_as_documented(case):
    case.call_and_validate(headers={"Host": "localhost"})
