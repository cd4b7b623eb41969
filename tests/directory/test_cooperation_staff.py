"""Coordinators keep their municipality's cooperation structures: create, edit, mark checked,
delete, and see what is out of date. Bad input gets a Finnish message, 400, nothing saved."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.conftest import Actor
from tests.directory.test_cooperation import structure
from yhdessa.core.models import AuditLogEntry
from yhdessa.directory.models import CooperationStructure

K = CooperationStructure.Kind
TODAY = datetime.date.today


def staff_url(code="535"):
    return reverse("directory:cooperation_staff", args=[code])


def create_url(kind, code="535"):
    return reverse("directory:cooperation_create", args=[code, kind])


@pytest.mark.parametrize("actor", [Actor.COORDINATOR, Actor.PROJECT_ADMIN])
def test_keepers_add_a_liaison(client_as, world, actor):
    client = client_as(actor)
    response = client.post(
        create_url("liaison"),
        {
            "title_fi": "Järjestöyhdyshenkilö",
            "email": "jarjestot@nivala.example",
            "phone": "040 123 4567",
            "link": "nivala.example/jarjestot",
        },
    )
    assert response.status_code == 302
    entry = CooperationStructure.objects.get()
    assert (entry.municipality, entry.kind, entry.title) == (
        world.nivala,
        K.LIAISON,
        "Järjestöyhdyshenkilö",
    )
    assert entry.link == "https://nivala.example/jarjestot"
    assert entry.checked_on == timezone.localdate()
    assert AuditLogEntry.objects.filter(action="directory.cooperation.created").exists()


def test_the_form_shows_only_the_kinds_fields(client_as, world):
    form = client_as(Actor.COORDINATOR).get(create_url("meeting_place")).context["form"]
    assert {"address", "accessibility", "booking"} <= set(form.fields)
    assert not {"starts_on", "email", "rhythm", "subtype"} & set(form.fields)
    form = client_as(Actor.COORDINATOR).get(create_url("influence_body")).context["form"]
    values = [value for value, _label in form.fields["subtype"].choices]
    assert values == [
        "",
        "village_council",
        "youth_council",
        "elderly_council",
        "disability_council",
        "other_body",
    ]


@pytest.mark.parametrize(
    ("kind", "data", "field", "message"),
    [
        (
            "agreement",
            {
                "title_fi": "Sopimus",
                "subtype": "cooperation_agreement",
                "link": "ftp://x.example/a",
            },
            "link",
            "alkaa http:// tai https://",
        ),
        (
            "agreement",
            {
                "title_fi": "Sopimus",
                "subtype": "cooperation_agreement",
                "link": "javascript:alert(1)",
            },
            "link",
            "alkaa http:// tai https://",
        ),
        (
            "agreement",
            {
                "title_fi": "Sopimus",
                "subtype": "cooperation_agreement",
                "link": "https://x.example/a",
                "starts_on": "2024-01-01",
                "ends_on": "2023-01-01",
            },
            "ends_on",
            "ennen alkamispäivää",
        ),
        (
            "agreement",
            {"title_fi": "Sopimus", "subtype": "youth_council", "link": "https://x.example/a"},
            "subtype",
            "Valitse oikea vaihtoehto",
        ),
        ("liaison", {"title_fi": "Yhdyshenkilö"}, "email", "työsähköposti tai työpuhelin"),
        (
            "liaison",
            {"title_fi": "Yhdyshenkilö", "email": "ei-osoite"},
            "email",
            "sähköpostiosoite",
        ),
        ("forum", {"title_fi": "Foorumi"}, "rhythm", "Tämä kenttä vaaditaan"),
        (
            "grant",
            {"title_fi": "", "link": "https://x.example"},
            "title_fi",
            "Tämä kenttä vaaditaan",
        ),
    ],
)
def test_bad_input_is_refused_in_finnish(client_as, world, kind, data, field, message):
    response = client_as(Actor.COORDINATOR).post(create_url(kind), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert f'href="#id_{field}"' in html and message in html
    assert not CooperationStructure.objects.exists()


def test_an_unknown_kind_is_not_found(client_as, world):
    assert client_as(Actor.COORDINATOR).get(create_url("ei-ole")).status_code == 404


def test_the_model_refuses_fields_of_another_kind(world):
    entry = CooperationStructure(
        municipality=world.nivala, kind=K.FORUM, title="Foorumi", rhythm="Kerran", address="Tie 1"
    )
    with pytest.raises(Exception, match="ei käytetä"):
        entry.full_clean()


def test_editing_saves_and_marks_checked(client_as, world):
    entry = structure(world.nivala, K.FORUM, title_fi="Foorumi")
    CooperationStructure.objects.filter(pk=entry.pk).update(checked_on=datetime.date(2020, 1, 1))
    url = reverse("directory:cooperation_edit", args=["535", entry.pk])
    response = client_as(Actor.COORDINATOR).post(
        url,
        {"title_fi": "Järjestöfoorumi", "rhythm": "Kahdesti vuodessa", "next_date": "2030-05-01"},
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.title == "Järjestöfoorumi" and entry.next_date == datetime.date(2030, 5, 1)
    assert entry.checked_on == timezone.localdate()


def test_mark_checked_today(client_as, world):
    entry = structure(world.nivala, K.FORUM)
    CooperationStructure.objects.filter(pk=entry.pk).update(checked_on=datetime.date(2020, 1, 1))
    url = reverse("directory:cooperation_checked", args=["535", entry.pk])
    response = client_as(Actor.COORDINATOR).post(url, follow=True)
    assert "merkittiin tarkistetuksi" in response.content.decode()
    entry.refresh_from_db()
    assert entry.checked_on == timezone.localdate()
    assert AuditLogEntry.objects.filter(action="directory.cooperation.checked").count() == 1


def test_delete_asks_first_then_deletes(client_as, world):
    entry = structure(world.nivala, K.FORUM)
    url = reverse("directory:cooperation_delete", args=["535", entry.pk])
    client = client_as(Actor.COORDINATOR)
    assert "Poistoa ei voi perua" in client.get(url).content.decode()
    assert CooperationStructure.objects.exists()
    assert client.post(url).status_code == 302
    assert not CooperationStructure.objects.exists()
    assert AuditLogEntry.objects.filter(action="directory.cooperation.deleted").exists()


@pytest.mark.parametrize("actor", [Actor.OTHER_COORDINATOR, Actor.VIEWER, Actor.OUTSIDER])
def test_others_cannot_change_nivalas_entries(client_as, world, actor):
    entry = structure(world.nivala, K.FORUM)
    client = client_as(actor)
    urls = [
        reverse(f"directory:cooperation_{name}", args=["535", entry.pk])
        for name in ("edit", "checked", "delete")
    ]
    for url in urls:
        assert client.post(url, {"title_fi": "Muutettu", "rhythm": "x"}).status_code == 404
    entry.refresh_from_db()
    assert entry.title == "Foorumi"
    assert CooperationStructure.objects.exists()


def test_sievis_entry_is_not_found_under_nivala(client_as, world):
    entry = structure(world.sievi, K.FORUM)
    url = reverse("directory:cooperation_edit", args=["535", entry.pk])
    assert client_as(Actor.COORDINATOR).get(url).status_code == 404


def test_the_staff_page_lists_what_is_out_of_date(client_as, world, django_assert_max_num_queries):
    today = timezone.localdate()
    expired = structure(
        world.nivala,
        K.AGREEMENT,
        title_fi="Vanha sopimus",
        starts_on=datetime.date(2019, 1, 1),
        ends_on=today - datetime.timedelta(days=1),
    )
    passed = structure(
        world.nivala,
        K.FORUM,
        title_fi="Mennyt foorumi",
        next_date=today - datetime.timedelta(days=3),
    )
    unchecked = structure(world.nivala, K.FORUM, title_fi="Tarkistamaton")
    CooperationStructure.objects.filter(pk=unchecked.pk).update(
        checked_on=today - datetime.timedelta(days=366)
    )
    structure(world.nivala, K.AGREEMENT, title_fi="Voimassa oleva", ends_on=today)
    structure(world.nivala, K.FORUM, title_fi="Tuleva foorumi", next_date=today)
    structure(world.sievi, K.FORUM, title_fi="Sievin vanha", next_date=datetime.date(2020, 1, 1))
    client = client_as(Actor.COORDINATOR)
    with django_assert_max_num_queries(12):
        response = client.get(staff_url())
    stale = {entry.title: reasons for entry, reasons in response.context["stale"]}
    assert set(stale) == {expired.title, passed.title, unchecked.title}
    assert stale["Vanha sopimus"] == ["Sopimuksen voimassaolo on päättynyt."]
    assert stale["Mennyt foorumi"] == ["Seuraavan kokoontumisen päivä on mennyt."]
    assert stale["Tarkistamaton"] == ["Tietoja ei ole tarkistettu 12 kuukauteen."]


def test_public_page_links_keepers_to_the_staff_page(client_as, world):
    page = reverse("directory:municipality_cooperation", args=["535"])
    assert staff_url() in client_as(Actor.COORDINATOR).get(page).content.decode()
    assert staff_url() not in client_as(Actor.OTHER_COORDINATOR).get(page).content.decode()
