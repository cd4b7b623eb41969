"""The published report is built once in the background and kept: readers get the kept copy,
never a build of their own."""

import pytest
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from tests.conftest import Actor
from yhdessa.reports import published
from yhdessa.reports.models import SectionText


@pytest.fixture
def queued(settings):
    """Tasks wait in the database queue, as in production, until the test runs them."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def run_queued_builds() -> int:
    """Do what the worker does with the queued report builds."""
    tasks = list(DBTaskResult.objects.filter(task_path__endswith="build_edition"))
    for task in tasks:
        published.build(published.Edition(**task.args_kwargs["kwargs"]))
        task.delete()
    return len(tasks)


def report_url(world, code=None):
    if code:
        return reverse("reports:municipal_report", args=[world.project.slug, code])
    return reverse("reports:project_report", args=[world.project.slug])


def test_a_reader_gets_the_kept_copy_without_building_it(
    client, world, django_assert_max_num_queries
):
    assert client.get(report_url(world)).status_code == 200  # the first reader's builds it
    with django_assert_max_num_queries(8):
        response = client.get(report_url(world))
    assert response.status_code == 200
    assert world.project.name in response.content.decode()


def test_the_first_reader_is_told_the_report_is_being_prepared(client, world, queued):
    response = client.get(report_url(world))
    assert response.status_code == 202
    page = response.content.decode()
    assert "Raporttia valmistellaan" in page
    assert 'hx-get="/projects/yhdessa-osallisuutta/report/?progress=1"' in page
    # Many readers at once queue one build.
    client.get(report_url(world))
    client.get(report_url(world))
    assert run_queued_builds() == 1

    polled = client.get(report_url(world) + "?progress=1")
    assert (polled.status_code, polled["HX-Redirect"]) == (204, report_url(world))
    assert client.get(report_url(world)).status_code == 200


def test_a_stale_copy_is_served_while_the_next_one_is_built(client, world, queued, settings):
    client.get(report_url(world))
    run_queued_builds()
    settings.YHDESSA_REPORT_MAX_AGE = 0
    response = client.get(report_url(world))
    assert response.status_code == 200  # the old copy, at once
    assert "Luvut lasketaan parhaillaan uudelleen" in response.content.decode()
    assert run_queued_builds() == 1


def test_saved_texts_are_in_the_report_at_once(client_as, world):
    client = client_as(Actor.PROJECT_ADMIN)
    assert "Valmennukset kokosivat" not in client.get(report_url(world)).content.decode()
    SectionText.objects.create(
        project=world.project, section="trainings", text_fi="Valmennukset kokosivat väkeä."
    )
    texts = reverse("reports:project_report_texts", args=[world.project.slug])
    form = client.get(texts).context["forms"]
    data = {}
    for _title, one in form:
        for name, field in one.fields.items():
            value = one.initial.get(name, field.initial)
            if value not in (None, False):
                data[f"{one.prefix}-{name}"] = value
    data["trainings-text_fi"] = "Valmennukset kokosivat väkeä eri puolilta."
    assert client.post(texts, data).status_code == 302
    assert (
        "Valmennukset kokosivat väkeä eri puolilta."
        in client.get(report_url(world)).content.decode()
    )


def test_staff_have_the_figures_counted_again(client_as, world, queued):
    client = client_as(Actor.PROJECT_ADMIN)
    client.get(report_url(world))
    run_queued_builds()
    page = client.get(report_url(world)).content.decode()
    rebuild = reverse("reports:project_report_rebuild", args=[world.project.slug])
    assert f'action="{rebuild}"' in page
    response = client.post(rebuild, follow=True)
    assert "Luvut lasketaan uudelleen." in response.content.decode()
    assert run_queued_builds() == 1


def test_the_public_never_gets_the_staff_copy_with_links(client_as, world):
    staff_page = client_as(Actor.PROJECT_ADMIN).get(report_url(world)).content.decode()
    public_page = client_as(Actor.ANONYMOUS).get(report_url(world)).content.decode()
    assert "Laske luvut uudelleen nyt" in staff_page
    assert "Laske luvut uudelleen nyt" not in public_page
    assert "/staff/" not in public_page.split('id="main"')[1]


def test_a_download_being_prepared_offers_the_file_when_ready(client, world, queued):
    url = reverse("reports:project_report_download", args=[world.project.slug, "pdf"])
    response = client.get(url)
    assert response.status_code == 202
    assert "Tiedostoa valmistellaan: PDF" in response.content.decode()
    polled = client.get(url + "?progress=1")
    assert polled.status_code == 202 and "<progress" in polled.content.decode()
    run_queued_builds()
    ready = client.get(url + "?progress=1")
    assert ready.status_code == 200
    assert f'href="{url}"' in ready.content.decode()
    assert "hx-get" not in ready.content.decode()  # polling ends: the file is not fetched again
    response = client.get(url)
    assert response["Content-Disposition"].startswith("attachment;")
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_the_api_says_when_to_ask_again_while_the_report_is_prepared(client, world, queued):
    url = f"/api/v1/projects/{world.project.slug}/report"
    response = client.get(url)
    assert response.status_code == 202
    assert response["Retry-After"] == "5"
    assert response.json()["detail"] == "Raporttia valmistellaan. Kysy hetken kuluttua uudelleen."
    run_queued_builds()
    assert client.get(url).json()["meta"]["project"] == world.project.slug
