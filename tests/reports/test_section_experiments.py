"""The experiments and model description sections of the report: the seed's six experiments
and their participants from the demo, one municipality's part, small counts hidden for every
reader, links to staff pages for the staff only, and a query count that does not grow."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from tests.experiments.factories import CostLineFactory, ExperimentFactory, HeadcountFactory
from tests.factories import (
    MembershipFactory,
    MunicipalityFactory,
    OrganisationFactory,
    ProjectFactory,
)
from yhdessa import demo
from yhdessa.accounts.models import Role, User
from yhdessa.directory.models import Municipality
from yhdessa.experiments.models import ModelDescription
from yhdessa.reports.document import Section
from yhdessa.reports.scope import ReportScope
from yhdessa.reports.sections import experiments, models

#: The service's public address: the report's links to model descriptions name it, so that
#: they work in the PDF and the workbook too.
SITE = "https://osallisuus.kunta.example"


@pytest.fixture(autouse=True)
def public_address(settings):
    settings.YHDESSA_SITE_URL = SITE


pytestmark = pytest.mark.django_db

FACTS = demo.read_facts()
#: The participants behind the seed's cost per participant, by municipality (facts.yaml).
SEED_PARTICIPANTS = {
    row["municipality"]: row["derived_participants"]
    for row in FACTS["experiments"]["by_municipality"]
}
STAFF_EMAIL = "paakayttaja@yhdessa.example"


def built(build, scope: ReportScope, key: str) -> Section:
    section = Section(key=key, title=key)
    with translation.override(scope.language):
        build(scope, section)
    return section


def figures_of(section: Section) -> dict:
    return section.as_json()["figures"]


def column(section: Section, table_key: str, name: str) -> list:
    table = section.table(table_key)
    index = table.columns.index(name)
    return [row[index] for row in table.rows]


def experiment(project, municipality, *, people: int, cost: str = "100.00", **fields):
    made = ExperimentFactory(project=project, municipality=municipality, **fields)
    HeadcountFactory(experiment=made, count=people)
    CostLineFactory(experiment=made, amount=Decimal(cost))
    return made


# --- The demo: the seed's experiments ---------------------------------------------------------


def test_the_seed_experiments_with_their_participants_and_decisions(public_scope):
    section = built(experiments.build, public_scope, "experiments")
    assert figures_of(section) == {"experiments": 6, "municipalities": 6, "participants": 107}
    participants = dict(
        zip(
            column(section, "experiments", "Kunta"),
            column(section, "experiments", "Osallistujia"),
            strict=True,
        )
    )
    assert participants == SEED_PARTICIPANTS
    assert set(column(section, "experiments", "Päätös")) == {"Otetaan käyttöön", "Muokataan"}
    titles = column(section, "experiments", "Kokeilu")
    assert "Linja-autoretki kuntalaisille" in titles


def test_each_experiment_links_to_its_published_model_description(public_scope):
    section = built(experiments.build, public_scope, "experiments")
    pages = column(section, "experiments", "Toimintamallikuvaus")
    assert f"{SITE}/models/utajarvi-linja-autoretki/" in pages
    assert all(page.startswith(f"{SITE}/models/") for page in pages)


def test_a_municipal_report_shows_its_own_experiments_only(demo_project, db):
    nivala = Municipality.objects.get(code="535")
    section = built(
        experiments.build, ReportScope(project=demo_project, municipality=nivala), "experiments"
    )
    assert column(section, "experiments", "Kunta") == ["Nivala"]
    assert figures_of(section) == {"experiments": 1, "participants": 13}


def test_staff_get_links_to_each_experiment_and_the_public_none(demo_project, public_scope):
    staff = ReportScope.for_reader(demo_project, User.objects.get(email=STAFF_EMAIL))
    for_staff = built(experiments.build, staff, "experiments")
    for_public = built(experiments.build, public_scope, "experiments")
    urls = for_staff.table("experiments").row_urls
    assert len(urls) == 6 and all(url.startswith("/staff/experiments/") for url in urls)
    assert all(figure.source_url for figure in for_staff.figures if figure.key != "municipalities")
    assert not any(for_public.table("experiments").row_urls)
    assert not any(figure.source_url for figure in for_public.figures)
    assert for_staff.as_json() == for_public.as_json()  # the same figures for every reader


# --- Factory data: protection, scope and query counts ----------------------------------------


@pytest.fixture
def small_and_large():
    """Nivala: 30 people; Sievi: 3 (small). Sievi is hidden and Nivala with it, since the
    published total 33 − 30 would give Sievi's count back."""
    project = ProjectFactory()
    nivala = MunicipalityFactory(name_fi="Nivala")
    sievi = MunicipalityFactory(name_fi="Sievi")
    experiment(project, nivala, people=30, title_fi="Bussiretki")
    experiment(project, sievi, people=3, title_fi="Kylätupa")
    return project, nivala, sievi


def test_a_small_count_is_hidden_with_its_complement_for_every_reader(small_and_large):
    project, nivala, _sievi = small_and_large
    admin = MembershipFactory(role=Role.PROJECT_ADMIN, project=project).user
    for scope in (ReportScope(project=project), ReportScope.for_reader(project, admin)):
        section = built(experiments.build, scope, "experiments")
        assert column(section, "experiments", "Osallistujia") == [None, None]
        assert figures_of(section)["participants"] == 33
        assert "Alle 5" in section.table("experiments").note
    municipal = built(
        experiments.build, ReportScope(project=project, municipality=nivala), "experiments"
    )
    assert figures_of(municipal)["participants"] is None  # as hidden as in the project's


def test_partners_are_listed_by_name(small_and_large):
    project, nivala, _sievi = small_and_large
    made = project.experiments.get(municipality=nivala)
    made.partners.set([OrganisationFactory(name="Nivalan Eläkkeensaajat ry")])
    section = built(experiments.build, ReportScope(project=project), "experiments")
    assert "Nivalan Eläkkeensaajat ry" in column(section, "experiments", "Kumppaniorganisaatiot")


def test_only_a_published_model_description_is_linked(small_and_large):
    project, nivala, sievi = small_and_large
    published(project.experiments.get(municipality=nivala))
    ModelDescription.objects.create(
        project=project, experiment=project.experiments.get(municipality=sievi), slug="luonnos"
    )
    section = built(experiments.build, ReportScope(project=project), "experiments")
    pages = column(section, "experiments", "Toimintamallikuvaus")
    assert pages[0].startswith(f"{SITE}/models/malli-") and pages[1] == ""


def test_a_municipality_without_experiments_says_so(small_and_large):
    project, *_ = small_and_large
    elsewhere = MunicipalityFactory(name_fi="Muualla")
    scope = ReportScope(project=project, municipality=elsewhere)
    section = built(experiments.build, scope, "experiments")
    assert section.is_empty
    assert "Muualla" in section.empty_message


def queries_for(build, project, key: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        built(build, ReportScope(project=project), key)
    return len(captured.captured_queries)


def partner_project(experiment_count: int):
    project = ProjectFactory()
    for number in range(experiment_count):
        made = experiment(project, MunicipalityFactory(), people=10 + number)
        made.partners.set([OrganisationFactory(), OrganisationFactory()])
        published(made)
    return project


def published(made) -> ModelDescription:
    return ModelDescription.objects.create(
        project=made.project,
        experiment=made,
        slug=f"malli-{made.pk}",
        name=f"Malli {made.pk}",
        status=ModelDescription.Status.PUBLISHED,
        published_at=timezone.now(),
    )


@pytest.mark.parametrize(
    ("build", "key"), [(experiments.build, "experiments"), (models.build, "models")]
)
def test_the_number_of_queries_does_not_grow_with_the_data(build, key):
    small, large = partner_project(2), partner_project(12)
    queries_for(build, small, key)  # warm the caches (content types, translations)
    assert queries_for(build, small, key) == queries_for(build, large, key)


# --- Model descriptions -----------------------------------------------------------------------


def test_the_published_model_descriptions_with_their_public_pages(public_scope):
    section = built(models.build, public_scope, "models")
    assert figures_of(section) == {"descriptions": 6}
    pages = column(section, "descriptions", "Verkkosivu")
    assert f"{SITE}/models/utajarvi-linja-autoretki/" in pages
    row = pages.index(f"{SITE}/models/utajarvi-linja-autoretki/")
    assert column(section, "descriptions", "Kunnat")[row] == "Utajärvi"
    assert "Linja-auto oli täynnä" in column(section, "descriptions", "Lyhyt kuvaus")[row]


def test_a_draft_is_not_in_the_report_and_a_swedish_report_links_to_swedish_pages(
    small_and_large,
):
    project, nivala, sievi = small_and_large
    published(project.experiments.get(municipality=nivala))
    ModelDescription.objects.create(project=project, slug="luonnos", name="Luonnos")
    section = built(models.build, ReportScope(project=project, language="sv"), "models")
    (row,) = section.table("descriptions").rows  # column names are in Swedish here
    assert row[-1].startswith(f"{SITE}/sv/models/malli-")
    municipal = built(models.build, ReportScope(project=project, municipality=sievi), "models")
    assert municipal.is_empty and "Sievi" in municipal.empty_message


def test_model_description_links_for_staff_only(demo_project, public_scope):
    staff = ReportScope.for_reader(demo_project, User.objects.get(email=STAFF_EMAIL))
    assert all(built(models.build, staff, "models").table("descriptions").row_urls)
    assert not any(built(models.build, public_scope, "models").table("descriptions").row_urls)
