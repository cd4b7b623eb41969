"""Published operational model descriptions (toimintamallikuvaukset).

One description is ``model_export.as_json`` of ``model_export.build``: the same object as the
JSON download of the page (and the Markdown is written from it), so they cannot disagree.
Drafts answer only their project's staff (a session or ``Authorization: Bearer``); anyone else
gets 404, as for an unknown slug.
"""

from typing import Annotated, Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from ninja import Field, Path, Query, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate

from yhdessa.api.auth import OPTIONAL_AUTH, OPTIONAL_SECURITY, UNAUTHORIZED, caller
from yhdessa.api.experiments import MunicipalityRef
from yhdessa.api.pagination import BoundedPagination
from yhdessa.api.schemas import INVALID, NOT_FOUND
from yhdessa.api.surveys import SurveyRef
from yhdessa.directory.models import Municipality
from yhdessa.experiments import model_export, model_selectors
from yhdessa.experiments.model_export import EffectWave, OptionEffect, ScaleEffect
from yhdessa.experiments.models import ModelDescription
from yhdessa.projects.models import Project

router = Router(tags=["models"])

SLUG = r"^[-a-zA-Z0-9_]+$"
DescriptionSlug = Annotated[
    str, Path(pattern=SLUG, max_length=100, description="Toimintamallikuvauksen tunniste")
]
MONEY = "Euroina, merkkijono kahdella desimaalilla (esim. `674.55`)"


class Languages(Schema):
    fi: str
    sv: str
    en: str


class ProjectRef(Schema):
    slug: str
    name: str


class ExperimentRef(Schema):
    id: int
    title: str
    status: str


class ModelSummaryOut(Schema):
    slug: str
    name: str = Field(..., description="Nimi pyydetyllä kielellä (oletus suomi)")
    short_description: str
    project: ProjectRef
    municipalities: list[MunicipalityRef]
    experiment_id: int | None
    published_at: str | None


class BasicInformationOut(Schema):
    name: Languages
    short_description: Languages
    municipalities: list[MunicipalityRef]
    region: Languages
    funder: Languages
    authors: str
    starts_on: str | None
    ends_on: str | None
    more_info_url: str | None


class SectionOut(Schema):
    key: str = Field(..., description="Osion tunniste englanniksi, esim. `basic_idea`")
    heading: str
    text: Languages


class KindCostOut(Schema):
    kind: str
    label: str
    total: str = Field(..., description=MONEY)


class CostsOut(Schema):
    computed_from_records: bool
    available: bool
    message: str | None = Field(..., description="Miksi kustannuksia ei ole (jos ei ole)")
    currency: str
    total_cost: str | None = Field(..., description=MONEY)
    costs_by_kind: list[KindCostOut]
    participants: int | None = Field(..., description="null: piilotettu (pieni luku)")
    suppressed: bool
    cost_per_participant: str | None = Field(..., description=f"{MONEY}. null: piilotettu")
    formula: str | None
    calculation: str | None = Field(..., description="null, kun osallistujamäärä on piilotettu")
    frozen: bool = Field(..., description="Luvut on lukittu päätöksen hetken parametreilla")
    sources: list[str]


class DistributionOut(Schema):
    key: str
    question: str
    answered_before: int | None
    answered_after: int | None
    options: list[OptionEffect]


class EffectsOut(Schema):
    computed_from_records: bool
    available: bool
    message: str | None
    survey: SurveyRef | None
    respondents_from: str | None = Field(..., description="Kunta, jonka vastaajista luvut ovat")
    min_cell_size: int
    before: EffectWave | None
    after: EffectWave | None
    pairs: int | None
    scales: list[ScaleEffect]
    distributions: list[DistributionOut]


class ModelDescriptionOut(Schema):
    slug: str
    status: str
    published_at: str | None
    language: str
    project: ProjectRef
    experiment: ExperimentRef | None
    basic_information: BasicInformationOut
    sections: list[SectionOut]
    resources_and_costs: CostsOut
    effects: EffectsOut


class ModelFilter(Schema):
    project: Annotated[str | None, Field(None, pattern=SLUG, max_length=100)] = None
    municipality: Annotated[str | None, Field(None, pattern=r"^[0-9]{3}$")] = None


def _summary(description: ModelDescription) -> dict[str, Any]:
    return {
        "slug": description.slug,
        "name": description.name,
        "short_description": description.summary,
        "project": {"slug": description.project.slug, "name": description.project.name},
        "municipalities": [
            {"code": municipality.code, "name": municipality.name}
            for municipality in description.municipalities.all()
        ],
        "experiment_id": description.experiment_id,
        "published_at": description.published_at.isoformat() if description.published_at else None,
    }


class _Page:
    """Descriptions of one page, loaded when the paginator slices them."""

    def __init__(self, found: QuerySet[ModelDescription]) -> None:
        self.found = found

    def __len__(self) -> int:
        return self.found.count()

    def __getitem__(self, window: slice) -> list[dict[str, Any]]:
        return [_summary(description) for description in self.found[window]]


@router.get(
    "/models/",
    response={200: list[ModelSummaryOut], **NOT_FOUND, **INVALID},
    summary="Toimintamallikuvaukset",
    description="Julkaistut toimintamallikuvaukset nimen mukaan. `project` rajaa hankkeen "
    "(tunniste) ja `municipality` toteutuskunnan (kolminumeroinen koodi) kuvauksiin; "
    "tuntematon hanke tai kunta on 404. Koko kuvaus: `/models/{slug}`.",
)
@paginate(BoundedPagination)
def list_models(request, filters: Query[ModelFilter]):
    if filters.project and not Project.objects.filter(slug=filters.project).exists():
        raise HttpError(404, _("Hanketta ei löytynyt."))
    if filters.municipality and not Municipality.objects.filter(code=filters.municipality).exists():
        raise HttpError(404, _("Kuntaa ei löytynyt."))
    return _Page(
        model_selectors.public_list(
            project=filters.project or "", municipality=filters.municipality or ""
        )
    )


@router.get(
    "/models/{slug}",
    response={200: ModelDescriptionOut, **UNAUTHORIZED, **NOT_FOUND, **INVALID},
    auth=OPTIONAL_AUTH,
    openapi_extra=OPTIONAL_SECURITY,
    summary="Toimintamallikuvaus",
    description="Kuvaus samassa muodossa kuin sivun JSON-lataus: perustiedot ja kirjoitetut "
    "osiot kaikilla kielillä (`fi`, `sv`, `en`; osioiden tunnisteet englanniksi) sekä "
    "kirjauksista lasketut osiot: `resources_and_costs` kokeilun kustannusmallista ja "
    "`effects` kokeilun arviointikyselystä (alku- ja loppukierroksen vertailu). Rahamäärät "
    'ovat merkkijonoja kahdella desimaalilla ("674.55"). Osallistuja- ja vastaajamäärät '
    "kulkevat pienten lukujen suojauksen läpi (piilotettu on null); kokeilun henkilöstö näkee "
    "osallistujamäärän tarkkana. Luonnoksen saa vain hankkeen henkilöstö, muille 404.",
)
def get_model(request, slug: DescriptionSlug):
    user = caller(request)
    description = model_selectors.description_to_read(user, slug)
    if description is None:
        raise HttpError(404, _("Toimintamallikuvausta ei löytynyt."))
    return model_export.as_json(model_export.build(description, user))
