"""The whole report runs the same number of queries however many records lie behind it."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.experiments.factories import CostLineFactory, ExperimentFactory, HeadcountFactory
from tests.factories import EventFactory, RegistrationFactory
from tests.surveys.builders import respond
from yhdessa.accounts.models import User
from yhdessa.directory.models import Municipality
from yhdessa.events.models import Attendance, Event
from yhdessa.projects.models import Project
from yhdessa.reports.builder import build_report
from yhdessa.reports.scope import ReportScope
from yhdessa.surveys.models import Wave
from yhdessa.toolkit.models import Lesson, LessonCategory, Publication, VisionWord


def queries_of(scope: ReportScope) -> int:
    with CaptureQueriesContext(connection) as captured:
        build_report(scope)
    return len(captured)


def grow(project) -> None:
    """More of every kind of record the report counts, in several municipalities."""
    past = timezone.now() - datetime.timedelta(days=400)
    for municipality in Municipality.objects.filter(projects=project):
        for kind in (Event.Kind.TRAINING, Event.Kind.PEER_MEETING):
            event = EventFactory(
                project=project, kind=kind, municipality=municipality, starts_at=past
            )
            RegistrationFactory.create_batch(6, event=event, attendance=Attendance.PRESENT)
        experiment = ExperimentFactory(project=project, municipality=municipality)
        HeadcountFactory.create_batch(2, experiment=experiment, count=4)
        CostLineFactory.create_batch(2, experiment=experiment)
        for wave in Wave.objects.filter(survey__project=project):
            for _ in range(3):
                respond(wave, municipality=municipality)
    for number in range(5):
        Publication.objects.create(
            project=project, kind="blog", title=f"Lisäblogi {number}", channel="hankesivusto"
        )
        Lesson.objects.create(
            project=project, text=f"Opetus {number}", category=LessonCategory.choices[0][0]
        )
        VisionWord.objects.create(project=project, word=f"Sana {number}", frequency=2)


@pytest.mark.parametrize("municipal", [False, True], ids=["project", "nivala"])
@pytest.mark.parametrize("reader", [None, "paakayttaja@yhdessa.example"], ids=["public", "staff"])
def test_the_report_costs_the_same_queries_with_more_records(demo_project, db, municipal, reader):
    municipality = Municipality.objects.get(code="535") if municipal else None
    user = User.objects.get(email=reader) if reader else None

    def scope() -> ReportScope:
        # A fresh project each time: nothing cached on the instance by the first build.
        project = Project.objects.get(pk=demo_project.pk)
        return ReportScope.for_reader(project, user, municipality=municipality)

    before = queries_of(scope())
    grow(demo_project)
    assert queries_of(scope()) == before
