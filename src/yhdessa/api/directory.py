from typing import Annotated

from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from yhdessa.api.pagination import BoundedPagination
from yhdessa.api.schemas import INVALID, NOT_FOUND
from yhdessa.directory import selectors
from yhdessa.directory.models import Municipality, Organisation, OrganisationKind

router = Router(tags=["directory"])

MUNICIPALITY_CODE = r"^\d{3}$"


class MunicipalityOut(Schema):
    code: str
    name_fi: str
    name_sv: str | None
    name_en: str | None
    region: str | None = Field(None, alias="region.name_fi")
    wellbeing_services_county: str | None = Field(None, alias="wellbeing_services_county.name_fi")
    organisation_count: int


class OrganisationOut(Schema):
    slug: str
    name: str
    kind: OrganisationKind
    municipality: str | None = Field(None, alias="municipality.code")
    business_id: str
    email: str
    phone: str
    website: str
    street_address: str
    postal_code: str
    post_office: str
    description_fi: str | None
    description_sv: str | None
    description_en: str | None
    is_demo: bool


class OrganisationFilter(Schema):
    municipality: Annotated[str | None, Field(None, pattern=MUNICIPALITY_CODE)] = None
    kind: OrganisationKind | None = None
    q: Annotated[str | None, Field(None, max_length=100)] = None


@router.get("/municipalities/", response=list[MunicipalityOut])
def list_municipalities(request):
    return selectors.municipalities_with_counts()


@router.get("/organisations/", response={200: list[OrganisationOut], **INVALID})
@paginate(BoundedPagination)
def list_organisations(request, filters: Query[OrganisationFilter]):
    municipality: Municipality | None = None
    if filters.municipality:
        municipality = Municipality.objects.filter(code=filters.municipality).first()
        if municipality is None:
            return Organisation.objects.none()
    return selectors.organisations_search(
        q=filters.q or "", municipality=municipality, kind=filters.kind or ""
    )


@router.get("/organisations/{slug}", response={200: OrganisationOut, **NOT_FOUND})
def get_organisation(request, slug: str):
    return get_object_or_404(Organisation.objects.select_related("municipality"), slug=slug)
