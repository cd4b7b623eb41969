"""The demo's cooperation structures of the six partner municipalities and the project's
regional cooperation and support entries (facts.yaml)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.test_demo_experiments import PASSWORD, demo_loaded  # noqa: F401 (the fixture)
from yhdessa import demo
from yhdessa.directory.cooperation_selectors import out_of_date
from yhdessa.directory.models import CooperationStructure
from yhdessa.projects.models import ProjectActivity

pytestmark = pytest.mark.django_db

FACTS = demo.read_facts()
K = CooperationStructure.Kind


def test_every_partner_municipality_has_its_structures(demo_loaded):  # noqa: F811
    names = {row["name"] for row in FACTS["municipalities"]}
    entries = CooperationStructure.objects.select_related("municipality")
    assert {entry.municipality.name for entry in entries} == names
    for name in names:
        kinds = {entry.kind for entry in entries if entry.municipality.name == name}
        assert {K.AGREEMENT, K.LIAISON, K.GRANT, K.INFLUENCE_BODY} <= kinds
    for entry in entries:
        assert entry.is_demo  # invented, shown with the demo tag
        entry.full_clean()


def test_what_the_report_tells_is_there(demo_loaded):  # noqa: F811
    reisjarvi_day = CooperationStructure.objects.get(
        municipality__name="Reisjärvi", kind=K.FORUM, title_fi__contains="hyvinvointipäivä"
    )
    assert reisjarvi_day.next_date > timezone.localdate()
    councils = CooperationStructure.objects.filter(
        subtype=CooperationStructure.Subtype.VILLAGE_COUNCIL,
        description_fi__contains="hankkeen tuella",
    )
    assert councils.count() >= 3


def test_a_few_entries_are_out_of_date_for_the_coordinators_to_see(demo_loaded):  # noqa: F811
    stale = {entry.title for entry in out_of_date(CooperationStructure.objects.all())}
    assert stale == {
        "Nivalan kaupungin ja Nivalan Eläkkeensaajat ry:n kumppanuussopimus",
        "Järjestöjen ja kaupungin yhteistyöfoorumi",
        "Kirjaston monitoimitila",
    }


def test_the_project_has_the_reports_cooperation_and_support(demo_loaded):  # noqa: F811
    activities = ProjectActivity.objects.filter(project__slug=demo_loaded)
    regional = activities.filter(kind=ProjectActivity.Kind.REGIONAL_COOPERATION)
    support = activities.filter(kind=ProjectActivity.Kind.SUPPORT)
    assert [a.title for a in regional.order_by("pk")] == FACTS["regional_cooperation_fi"]
    assert [a.title for a in support.order_by("pk")] == FACTS["support_fi"]
    for activity in activities:
        assert datetime.date(2021, 1, 1) <= activity.starts_on <= datetime.date(2023, 12, 31)
        assert activity.is_demo and "Demo:" in activity.description
    day = support.get(title__contains="Reisjärvellä")
    assert [m.name for m in day.municipalities.all()] == ["Reisjärvi"]


def test_the_project_page_shows_them(client, demo_loaded):  # noqa: F811
    html = client.get(reverse("projects:project_detail", args=[demo_loaded])).content.decode()
    assert "Alueellinen yhteistyö sekä tuki ja sparraus kunnille" in html
    assert "Kyläneuvostojen perustaminen kumppanikunnissa" in html


def test_loading_again_keeps_the_same_rows(demo_loaded):  # noqa: F811
    before = set(CooperationStructure.objects.values_list("pk", flat=True))
    activities = set(ProjectActivity.objects.values_list("pk", flat=True))
    demo.load_all(password=PASSWORD)
    assert set(CooperationStructure.objects.values_list("pk", flat=True)) == before
    assert set(ProjectActivity.objects.values_list("pk", flat=True)) == activities
