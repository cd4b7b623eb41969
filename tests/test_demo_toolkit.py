"""The demo's tip lists, publications and checklist follow facts.yaml."""

import re

from django.db.models import Count

from tests.test_demo import run_demo
from yhdessa.demo import read_facts
from yhdessa.toolkit.models import Checklist, Phase, Publication, TipList


def test_demo_has_the_six_tip_lists_with_items_in_every_phase(db):
    run_demo()
    facts = read_facts()
    lists = TipList.objects.annotate(items=Count("versions__items"))
    assert {tip_list.title_fi for tip_list in lists} == set(facts["tip_lists_fi"])
    for tip_list in lists:
        assert 8 <= tip_list.items <= 15, tip_list
        version = tip_list.versions.get()
        assert version.is_published
        phases = set(version.items.values_list("phase", flat=True))
        assert phases == set(Phase.values), tip_list


def test_demo_publications_match_the_report(db):
    run_demo()
    counts = {
        (row["kind"], row["channel"]): row["n"]
        for row in Publication.objects.values("kind", "channel").annotate(n=Count("pk"))
    }
    expected = {(row["kind"], row["channel"]): row["count"] for row in read_facts()["publications"]}
    assert counts == expected
    yearbook = Publication.objects.get(channel="Diakin vuosikirja 2022")
    assert yearbook.identifier_url == "https://urn.fi/URN:NBN:fi:amk-202304276623"
    # Titles that the report does not give are marked as demo.
    invented = Publication.objects.exclude(pk=yearbook.pk)
    assert all(title.startswith("Demo: ") for title in invented.values_list("title", flat=True))
    blog_dates = Publication.objects.filter(channel="hankesivusto").values_list(
        "published_on", flat=True
    )
    assert len({(d.year, d.month) for d in blog_dates}) == 17
    assert {d.year for d in blog_dates} == {2021, 2022, 2023}


def test_demo_loads_again_without_duplicates_and_has_a_checklist(db):
    run_demo()
    run_demo()
    assert TipList.objects.count() == 6
    assert Publication.objects.count() == 21
    checklist = Checklist.objects.get()
    assert checklist.experiment is not None
    assert checklist.experiment.municipality.code == "535"
    assert checklist.items.filter(done_at__isnull=False).exists()
    assert all(re.search(r"\w", item.text) for item in checklist.items.all())
