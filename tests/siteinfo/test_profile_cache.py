"""The profile is read on every page: from memory, or with one read of the shared cache."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from yhdessa.siteinfo import selectors, services
from yhdessa.siteinfo.models import SiteProfile


def queries(client, path="/organisations/") -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured.captured_queries)


def test_a_page_reads_the_profile_at_most_once_from_the_shared_cache(client, db):
    in_memory = queries(client)
    selectors.remember_profile(None)  # another app server, or after PROFILE_MEMO_SECONDS
    queries(client)  # fills the shared cache
    selectors.remember_profile(None)
    assert queries(client) <= in_memory + 1
    assert queries(client) == in_memory  # and then from memory again


def test_a_profile_changed_in_the_admin_shows_at_once(client, db):
    SiteProfile.objects.create(pk=1, name_fi="Kylien yhteinen palvelu")
    services.forget_profile()  # what the Django admin's save does (siteinfo/admin.py)
    assert "<span>Kylien yhteinen palvelu</span>" in client.get("/").content.decode()
