"""Cooperation structures of municipalities (public parts) and a project's regional
cooperation and support activities.

The cooperation directory holds organisational contacts only (work e-mail addresses of
liaisons, a council's contact route), so every entry is public; no count of people is given.
"""

import datetime
from typing import Annotated

from django.shortcuts import get_object_or_404
from ninja import Field, Path, Query, Router, Schema
from ninja.pagination import paginate

from yhdessa.api.pagination import BoundedPagination
from yhdessa.api.schemas import INVALID, NOT_FOUND
from yhdessa.directory import cooperation_selectors as selectors
from yhdessa.directory.cooperation_models import (
    CooperationKind,
    CooperationStructure,
    CooperationSubtype,
)
from yhdessa.directory.models import Municipality
from yhdessa.projects.models import ActivityKind
from yhdessa.projects.selectors import public_projects

router = Router(tags=["cooperation"])

MUNICIPALITY_CODE = r"^\d{3}$"
MunicipalityCode = Annotated[
    str, Path(pattern=MUNICIPALITY_CODE, description="Kunnan kolminumeroinen koodi")
]
ProjectSlug = Annotated[
    str, Path(pattern=r"^[-a-zA-Z0-9_]+$", max_length=100, description="Hankkeen tunniste")
]


class CooperationOut(Schema):
    id: int
    municipality: str = Field(..., alias="municipality.code", description="Kuntanumero")
    municipality_name: str = Field(..., alias="municipality.name")
    kind: CooperationKind
    subtype: CooperationSubtype | None = Field(
        ..., description="Sopimuksen tai vaikuttamistoimielimen tyyppi; muilla null"
    )
    title: str = Field(..., description="Nimi; yhdyshenkilöstä tehtävänimike")
    description: str
    link: str
    starts_on: datetime.date | None = Field(
        ..., description="Sopimuksen voimassaolon tai avustushaun alkupäivä"
    )
    ends_on: datetime.date | None = Field(
        ..., description="Sopimuksen voimassaolon tai avustushaun päättymispäivä"
    )
    person_name: str
    email: str = Field(..., description="Työsähköposti")
    phone: str = Field(..., description="Työpuhelin")
    contact: str = Field(..., description="Näin otat yhteyttä")
    rhythm: str = Field(..., description="Kokoontumisrytmi")
    next_date: datetime.date | None
    address: str
    accessibility: str
    booking: str
    checked_on: datetime.date = Field(..., description="Tiedot viimeksi tarkistettu")
    is_demo: bool

    @staticmethod
    def resolve_subtype(entry: CooperationStructure) -> str | None:
        return entry.subtype or None


class CooperationFilter(Schema):
    q: Annotated[str | None, Field(None, max_length=100)] = None
    kind: CooperationKind | None = None
    municipality: Annotated[str | None, Field(None, pattern=MUNICIPALITY_CODE)] = None


class MunicipalityRef(Schema):
    code: str
    name: str


class ActivityOut(Schema):
    id: int
    kind: ActivityKind
    title: str
    description: str
    starts_on: datetime.date = Field(..., description="Päivä tai alkamispäivä")
    ends_on: datetime.date | None = Field(..., description="Päättymispäivä; null: yksi päivä")
    municipalities: list[MunicipalityRef]
    is_demo: bool


@router.get("/cooperation/", response={200: list[CooperationOut], **INVALID})
@paginate(BoundedPagination)
def list_cooperation(request, filters: Query[CooperationFilter]):
    """Search across municipalities: words in the name and description, a kind, a municipality."""
    municipality: Municipality | None = None
    if filters.municipality:
        municipality = Municipality.objects.filter(code=filters.municipality).first()
        if municipality is None:
            return CooperationStructure.objects.none()
    return selectors.cooperation_search(
        q=filters.q or "", kind=filters.kind or "", municipality=municipality
    ).order_by("municipality__name", "kind", "title", "pk")


@router.get(
    "/municipalities/{code}/cooperation",
    response={200: list[CooperationOut], **NOT_FOUND, **INVALID},
)
def get_municipality_cooperation(request, code: MunicipalityCode):
    municipality = get_object_or_404(Municipality, code=code)
    return selectors.cooperation_structures().filter(municipality=municipality)


@router.get(
    "/projects/{slug}/activities", response={200: list[ActivityOut], **NOT_FOUND, **INVALID}
)
def list_project_activities(request, slug: ProjectSlug):
    """Regional cooperation and support to municipalities of a public project."""
    project = get_object_or_404(public_projects(), slug=slug)
    return selectors.project_activities(project)
