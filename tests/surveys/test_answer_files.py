import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.conftest import Actor
from tests.surveys.builders import respond_many
from tests.surveys.world import nivala_survey
from yhdessa.core.models import AuditLogEntry
from yhdessa.surveys.models import Response

pytestmark = pytest.mark.django_db

GOOD = "wave;municipality;age_group;life_work;need_for_change;change_areas__work\n"
GOOD += "start;535;18_29;2;small;1\nstart;535;30_49;4;big;0\n"


def upload(client, survey, name, content: bytes):
    url = reverse("surveys:answers", kwargs={"pk": survey.pk})
    return client.post(url, {"file": SimpleUploadedFile(name, content)})


def test_coordinator_imports_a_paper_form_file(client_as, world):
    survey = nivala_survey(world)
    response = upload(client_as(Actor.COORDINATOR), survey, "paperit.csv", GOOD.encode())
    assert response.status_code == 302
    assert Response.objects.filter(wave__survey=survey).count() == 2
    entry = AuditLogEntry.objects.get(action="surveys.answers.imported")
    assert entry.data["responses"] == 2


def test_a_faulty_file_is_refused_whole_with_row_and_column(client_as, world):
    survey = nivala_survey(world)
    bad = GOOD + "start;535;18_29;7;small;1\n"
    response = upload(client_as(Actor.COORDINATOR), survey, "paperit.csv", bad.encode())
    assert response.status_code == 400
    html = response.content.decode()
    assert "Rivi 4" in html and "life_work" in html
    assert not Response.objects.filter(wave__survey=survey).exists()


def test_other_files_are_refused_with_a_message(client_as, world):
    survey = nivala_survey(world)
    response = upload(client_as(Actor.COORDINATOR), survey, "kuva.png", b"\x89PNG")
    assert response.status_code == 400
    assert "CSV- tai XLSX-tiedosto" in response.content.decode()


def test_export_is_the_import_format_and_is_logged(client_as, world):
    survey = nivala_survey(world)
    respond_many(survey.waves.get(key="start"), 3, life_work=2, need_for_change="none")
    client = client_as(Actor.PROJECT_ADMIN)
    response = client.get(reverse("surveys:answers_xlsx", kwargs={"pk": survey.pk}))
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:5] == ("wave", "pairing_code", "municipality", "age_group", "gender")
    assert len(rows) == 4
    assert AuditLogEntry.objects.filter(action="surveys.answers.exported").count() == 1
    # Round trip through the page: the exported file imports as three more responses.
    back = upload(client, survey, "takaisin.xlsx", response.content)
    assert back.status_code == 302
    assert Response.objects.filter(wave__survey=survey).count() == 6
