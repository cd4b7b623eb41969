import datetime

from django.shortcuts import get_object_or_404
from ninja import Router, Schema

from yhdessa.api.schemas import NOT_FOUND
from yhdessa.projects import selectors

router = Router(tags=["projects"])


class ProjectOut(Schema):
    slug: str
    short_name: str
    name: str
    start_date: datetime.date
    end_date: datetime.date
    website: str


class OrganisationRef(Schema):
    slug: str
    name: str
    kind: str


class NamedItem(Schema):
    name: str


class WorkPackageOut(Schema):
    name: str
    activities: str
    expected_outcome: str


class ProjectDetailOut(ProjectOut):
    goal: str
    implementers: list[OrganisationRef]
    funders: list[OrganisationRef]
    partner_municipalities: list[str]
    target_groups: list[NamedItem]
    work_packages: list[WorkPackageOut]

    @staticmethod
    def resolve_partner_municipalities(project) -> list[str]:
        return [municipality.code for municipality in project.partner_municipalities.all()]


@router.get("/projects/", response=list[ProjectOut])
def list_projects(request):
    return selectors.public_projects()


@router.get("/projects/{slug}", response={200: ProjectDetailOut, **NOT_FOUND})
def get_project(request, slug: str):
    return get_object_or_404(selectors.project_page(slug))
