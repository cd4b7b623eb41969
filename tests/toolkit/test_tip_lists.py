"""Tip lists: the public pages, versions, editing a published list, and the API."""

import pytest
from django.urls import reverse

from tests.conftest import Actor
from tests.experiments.factories import ExperimentFactory
from tests.toolkit.policy_tips import make_checklist, make_tip_list
from yhdessa.core.models import AuditLogEntry
from yhdessa.toolkit.models import TipList, TipListVersion

pytestmark = pytest.mark.django_db


def _items(text: str = "Uusi vinkki.", **more: str) -> dict[str, str]:
    data = {
        "items-TOTAL_FORMS": "1",
        "items-INITIAL_FORMS": "0",
        "items-MIN_NUM_FORMS": "0",
        "items-MAX_NUM_FORMS": "60",
        "items-0-phase": "plan",
        "items-0-text_fi": text,
    }
    return data | more


def test_list_shows_published_lists_with_version(client, world, django_assert_max_num_queries):
    make_tip_list(world.project)
    make_tip_list(world.project, slug="luonnos", published=False)
    for n in range(5):
        make_tip_list(slug=f"lista-{n}")
    with django_assert_max_num_queries(6):
        response = client.get(reverse("toolkit:tip_list_index"))
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count('class="card"') == 6  # the draft-only list is not shown
    assert "Versio 1" in html


def test_page_groups_items_by_phase(client, world):
    tip_list = make_tip_list(world.project)
    html = client.get(tip_list.get_absolute_url()).content.decode()
    plan, do, follow = html.index("Suunnittele"), html.index("Toteuta"), html.index("Seuraa ja")
    assert plan < html.index("Valitkaa teema") < do < html.index("Kertokaa") < follow
    assert "Versio 1, julkaistu" in html


def test_page_in_swedish_uses_swedish_texts(client, world):
    tip_list = make_tip_list(world.project)
    html = client.get(f"/sv/tips/{tip_list.slug}/").content.decode()
    assert "Temaveckor" in html
    assert "sv: Valitkaa teema hyvissä ajoin." in html


def test_editing_a_published_list_makes_a_new_version(client_as, world):
    tip_list = make_tip_list(world.project)
    client = client_as(Actor.PROJECT_ADMIN)
    url = reverse("toolkit:tip_list_edit", kwargs={"slug": tip_list.slug})
    response = client.post(url, _items("Varatkaa tila ajoissa.", **{"items-0-link": "nivala.fi"}))
    assert response.status_code == 302
    # The published version is as it was until the draft is published.
    page = client.get(tip_list.get_absolute_url()).content.decode()
    assert "Valitkaa teema" in page and "Varatkaa tila" not in page
    publish = reverse("toolkit:tip_list_publish", kwargs={"slug": tip_list.slug})
    client.post(publish, {"change_note": "Lyhyempi lista."})
    page = client.get(tip_list.get_absolute_url()).content.decode()
    assert "Varatkaa tila" in page and "Versio 2" in page and "Lyhyempi lista." in page
    assert 'href="https://nivala.fi"' in page
    old = client.get(
        reverse("toolkit:tip_list_version", kwargs={"slug": tip_list.slug, "number": 1})
    )
    assert "Valitkaa teema" in old.content.decode()
    assert "aiempi versio" in old.content.decode()
    assert AuditLogEntry.objects.filter(action="toolkit.tip_list.published").count() == 1


def test_checklist_keeps_its_items_when_the_list_changes(client_as, world):
    tip_list = make_tip_list(world.project)
    checklist = make_checklist(
        tip_list, experiment=ExperimentFactory(project=world.project, municipality=world.nivala)
    )
    client = client_as(Actor.PROJECT_ADMIN)
    client.post(reverse("toolkit:tip_list_edit", kwargs={"slug": tip_list.slug}), _items())
    client.post(reverse("toolkit:tip_list_publish", kwargs={"slug": tip_list.slug}))
    assert checklist.items.count() == 3
    assert TipListVersion.objects.get(tip_list=tip_list, number=1).items.count() == 3


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (_items("Katso", **{"items-0-link": "ftp://example.fi/x"}), "http:// tai https://"),
        (
            _items("x", **{"items-0-DELETE": "on", "items-INITIAL_FORMS": "1"}),
            "Listalla on oltava ainakin yksi vinkki.",
        ),
        (_items("x", **{"items-0-phase": "later"}), "Valitse oikea vaihtoehto"),
    ],
)
def test_bad_items_are_refused(client_as, world, data, message):
    tip_list = make_tip_list(world.project)
    client = client_as(Actor.PROJECT_ADMIN)
    response = client.post(reverse("toolkit:tip_list_edit", kwargs={"slug": tip_list.slug}), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert 'aria-invalid="true"' in response.content.decode() or "ainakin yksi" in message
    assert TipListVersion.objects.filter(tip_list=tip_list).count() == 1


def test_unchanged_rows_are_kept_and_blank_rows_skipped(client_as, world):
    tip_list = make_tip_list(world.project)
    client = client_as(Actor.PROJECT_ADMIN)
    url = reverse("toolkit:tip_list_edit", kwargs={"slug": tip_list.slug})
    page = client.get(url).content.decode()
    assert 'name="items-INITIAL_FORMS" value="3"' in page
    data = {"items-TOTAL_FORMS": "5", "items-INITIAL_FORMS": "3"}
    for n, item in enumerate(tip_list.versions.get().items.all()):
        data |= {f"items-{n}-phase": item.phase, f"items-{n}-text_fi": item.text_fi}
    data |= {"items-3-phase": "do", "items-3-text_fi": "Uusi vinkki.", "items-4-phase": "plan"}
    assert client.post(url, data).status_code == 302
    draft = tip_list.versions.get(number=2)
    assert [item.text_fi for item in draft.items.all()][-2:] == [
        "Kysykää palautetta.",
        "Uusi vinkki.",
    ]


def test_publishing_without_a_draft_says_so(client_as, world):
    tip_list = make_tip_list(world.project)
    client = client_as(Actor.PROJECT_ADMIN)
    url = reverse("toolkit:tip_list_publish", kwargs={"slug": tip_list.slug})
    response = client.post(url, follow=True)
    assert "Listalla ei ole julkaisematonta luonnosta." in response.content.decode()


def test_unknown_version_is_404(client, world):
    tip_list = make_tip_list(world.project)
    url = reverse("toolkit:tip_list_version", kwargs={"slug": tip_list.slug, "number": 9})
    assert client.get(url).status_code == 404


# --- API -------------------------------------------------------------------------------------


def test_api_lists_published_tip_lists(client, world):
    make_tip_list(world.project)
    make_tip_list(slug="luonnos", published=False)
    body = client.get("/api/v1/tip-lists/").json()
    assert [row["slug"] for row in body] == ["teemaviikot"]
    assert body[0]["version"] == 1


@pytest.mark.parametrize(
    ("url", "headers", "text"),
    [
        ("/api/v1/tip-lists/teemaviikot", {}, "Valitkaa teema hyvissä ajoin."),
        ("/api/v1/tip-lists/teemaviikot?lang=sv", {}, "sv: Valitkaa teema hyvissä ajoin."),
        (
            "/api/v1/tip-lists/teemaviikot",
            {"HTTP_ACCEPT_LANGUAGE": "sv"},
            "sv: Valitkaa teema hyvissä ajoin.",
        ),
    ],
)
def test_api_tip_list_in_the_asked_language(client, world, url, headers, text):
    make_tip_list(world.project)
    body = client.get(url, **headers).json()
    assert body["items"][0] == {
        "phase": "plan",
        "phase_label": body["items"][0]["phase_label"],
        "text": text,
        "link": None,
    }
    assert [item["phase"] for item in body["items"]] == ["plan", "do", "follow_up"]


def test_api_unknown_tip_list_and_language(client, world):
    make_tip_list(world.project)
    assert client.get("/api/v1/tip-lists/nope").status_code == 404
    assert client.get("/api/v1/tip-lists/teemaviikot?lang=de").status_code == 422
    assert TipList.objects.count() == 1
