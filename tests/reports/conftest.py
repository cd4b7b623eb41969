"""The demo, loaded once per test module, for checking the report against the seed."""

import pytest
from django.db import transaction

from yhdessa import demo
from yhdessa.projects.models import Project
from yhdessa.reports.scope import ReportScope

PASSWORD = "raportti-testi-1"


@pytest.fixture(scope="module")
def demo_project(django_db_setup, django_db_blocker):
    """The demo project, loaded once for the module inside a transaction rolled back after."""
    with django_db_blocker.unblock(), transaction.atomic():
        result = demo.load_all(password=PASSWORD)
        yield Project.objects.get(slug=result.project_slug)
        transaction.set_rollback(True)


@pytest.fixture
def public_scope(demo_project, db) -> ReportScope:
    """What an anonymous reader's report is built from (no links to staff pages)."""
    return ReportScope(project=demo_project)
