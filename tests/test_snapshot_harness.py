"""The browser tests' snapshot puts every row back as it was, keys and all."""

import pytest

from tests.factories import MunicipalityFactory, OrganisationFactory
from tests.harness.snapshot import TableSnapshot
from yhdessa.directory.models import Municipality, Organisation


@pytest.mark.django_db(transaction=True)
def test_restore_brings_back_the_rows_after_a_change_and_a_flush(tmp_path):
    organisation = OrganisationFactory(municipality=MunicipalityFactory(code="535"))
    snapshot = TableSnapshot.take(tmp_path / "snapshot.sqlite3")

    Organisation.objects.filter(pk=organisation.pk).update(name="Muutettu")
    MunicipalityFactory(code="746")
    Organisation.objects.all().delete()
    snapshot.restore()

    restored = Organisation.objects.get()
    assert (restored.pk, restored.name) == (organisation.pk, organisation.name)
    assert list(Municipality.objects.values_list("code", flat=True)) == ["535"]
    # New rows get keys after the restored ones.
    assert OrganisationFactory(municipality=restored.municipality).pk > organisation.pk
