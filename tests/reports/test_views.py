"""The report page, its downloads, the municipal reports and the team's texts, as users see them."""

import io
import json

import openpyxl
import pytest
from django.urls import reverse

from yhdessa.accounts.models import User
from yhdessa.core.models import AuditLogEntry
from yhdessa.reports.models import SectionText

pytestmark = pytest.mark.django_db

SLUG = "yhdessa-osallisuutta"
ADMIN = "paakayttaja@yhdessa.example"
NIVALA_COORDINATOR = "koordinaattori.nivala@yhdessa.example"


@pytest.fixture
def as_user(client, demo_project):
    def sign_in(email: str):
        client.force_login(User.objects.get(email=email))
        return client

    return sign_in


def report_url(code: str | None = None) -> str:
    if code:
        return reverse("reports:municipal_report", kwargs={"slug": SLUG, "code": code})
    return reverse("reports:project_report", kwargs={"slug": SLUG})


def download(client, file_format: str, code: str | None = None):
    kwargs = {"slug": SLUG, "file_format": file_format}
    name = "reports:project_report_download"
    if code:
        kwargs["code"] = code
        name = "reports:municipal_report_download"
    return client.get(reverse(name, kwargs=kwargs))


def body(response) -> bytes:
    """A download is streamed from the kept file."""
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def test_the_public_reads_the_report_with_every_section_and_no_staff_links(client, demo_project):
    response = client.get(report_url())
    assert response.status_code == 200
    html = response.content.decode()
    for heading in ("Valmennukset", "Kokeilujen kustannukset", "Raportoidut ja lasketut luvut"):
        assert heading in html
    assert 'class="source-link"' not in html  # no "→ lähde" links to the records
    assert "/staff/" not in html
    for file_format in ("pdf", "xlsx", "json"):
        assert (
            reverse(
                "reports:project_report_download", kwargs={"slug": SLUG, "file_format": file_format}
            )
            in html
        )


def test_the_project_staff_get_links_to_the_records_behind_the_figures(as_user):
    html = as_user(ADMIN).get(report_url()).content.decode()
    assert 'class="source-link"' in html
    assert "/staff/events/" in html
    assert reverse("reports:project_report_texts", kwargs={"slug": SLUG}) in html


def test_the_json_download_and_the_api_hold_the_same_figures(client, demo_project):
    downloaded = json.loads(body(download(client, "json")))
    from_api = client.get(f"/api/v1/projects/{SLUG}/report").json()
    for document in (downloaded, from_api):
        document["meta"].pop("generated_at")
    assert downloaded == from_api
    assert downloaded["trainings"]["figures"]


def test_the_workbook_has_a_sheet_per_table(client, demo_project):
    response = download(client, "xlsx")
    assert response["Content-Disposition"].startswith('attachment; filename="yhdessa-osallisuutta')
    workbook = openpyxl.load_workbook(io.BytesIO(body(response)))
    assert len(workbook.sheetnames) > 5


def test_the_pdf_download_is_a_pdf(client, demo_project):
    response = download(client, "pdf")
    assert response["Content-Type"] == "application/pdf"
    assert body(response).startswith(b"%PDF")


def test_a_municipal_report_and_its_files(client, demo_project):
    response = client.get(report_url("535"))
    assert response.status_code == 200
    assert "Kuntakohtaiset tulokset: Nivala" in response.content.decode()
    document = json.loads(body(download(client, "json", "535")))
    assert document["meta"]["municipality"] == "535"


@pytest.mark.parametrize(
    "url",
    [
        reverse("reports:municipal_report", kwargs={"slug": SLUG, "code": "091"}),  # not a partner
        reverse("reports:project_report", kwargs={"slug": "ei-ole"}),
        reverse("reports:project_report_download", kwargs={"slug": SLUG, "file_format": "exe"}),
    ],
)
def test_unknown_projects_municipalities_and_formats_are_not_found(client, demo_project, url):
    assert client.get(url).status_code == 404


def texts_url(code: str | None = None) -> str:
    if code:
        return reverse("reports:municipal_report_texts", kwargs={"slug": SLUG, "code": code})
    return reverse("reports:project_report_texts", kwargs={"slug": SLUG})


def texts_form(client, url: str, **changes: str) -> dict[str, str]:
    """Every field of the texts page as it stands, with ``changes`` (e.g. ``vision-included``)."""
    form = client.get(url).context["forms"]
    data = {}
    for _title, one in form:
        for field in one:
            value = field.value()
            if field.name == "included":
                if value:
                    data[field.html_name] = "on"
            else:
                data[field.html_name] = value or ""
    for name, value in changes.items():
        if value is None:
            data.pop(name, None)
        else:
            data[name] = value
    return data


def test_an_admin_writes_a_section_text_and_leaves_a_section_out(as_user):
    client = as_user(ADMIN)
    data = texts_form(
        client,
        texts_url(),
        **{"lessons-text_fi": "Hankkeen tärkein oppi.\n\nToinen kappale.", "vision-included": None},
    )
    response = client.post(texts_url(), data)
    assert response.status_code == 302
    html = client.get(report_url()).content.decode()
    assert "Hankkeen tärkein oppi." in html
    assert 'id="section-vision"' not in html
    assert 'id="section-lessons"' in html
    assert AuditLogEntry.objects.filter(action="reports.texts.changed").count() == 1
    changed = SectionText.objects.filter(section__in=["lessons", "vision"])
    assert sorted(changed.values_list("section", "included")) == [
        ("lessons", True),
        ("vision", False),
    ]


def test_a_too_long_text_is_refused_and_nothing_is_saved(as_user):
    client = as_user(ADMIN)
    before = list(SectionText.objects.values())
    data = texts_form(
        client, texts_url(), **{"lessons-text_fi": "x" * 6001, "trainings-text_fi": "Uusi."}
    )
    response = client.post(texts_url(), data)
    assert response.status_code == 400
    assert "error-summary" in response.content.decode()
    assert list(SectionText.objects.values()) == before  # the valid change is not saved either


def test_nivalas_coordinator_writes_nivalas_report_only(as_user):
    client = as_user(NIVALA_COORDINATOR)
    data = texts_form(client, texts_url("535"), **{"trainings-text_fi": "Nivalan valmennukset."})
    assert client.post(texts_url("535"), data).status_code == 302
    assert "Nivalan valmennukset." in client.get(report_url("535")).content.decode()
    assert "Nivalan valmennukset." not in client.get(report_url()).content.decode()
    assert client.get(texts_url()).status_code == 403
    assert client.get(texts_url("746")).status_code == 404  # another town's texts


def test_a_project_that_is_not_public_is_reported_to_its_own_people_only(as_user, demo_project):
    type(demo_project).objects.filter(pk=demo_project.pk).update(is_public=False)
    client = as_user(NIVALA_COORDINATOR)  # Nivala's staff, not the project's
    assert client.get(report_url()).status_code == 404
    assert client.get(f"/api/v1/projects/{SLUG}/report").status_code == 404
    assert download(client, "pdf").status_code == 404
    admin = as_user(ADMIN)
    assert admin.get(report_url()).status_code == 200
    assert admin.get(f"/api/v1/projects/{SLUG}/report").status_code == 200
