"""The final report as one JSON document: ``GET /api/v1/projects/{slug}/report``.

The same document as the report page's JSON download, built from the same report object as
the page, the PDF and the workbook. The report is a publication: every reader gets the same
figures, small numbers hidden (``null``); a project that is not public answers only to its
own people.
"""

import datetime
from typing import Annotated, Any, Literal

from django.http import Http404, HttpResponse
from django.utils import translation
from django.utils.translation import gettext as _
from ninja import Field, Path, Query, Router, Schema, Status
from ninja.errors import HttpError

from yhdessa.api.auth import OPTIONAL_AUTH, OPTIONAL_SECURITY, UNAUTHORIZED, caller
from yhdessa.api.schemas import INVALID, NOT_FOUND
from yhdessa.reports import published, selectors

router = Router(tags=["reports"])

SLUG = r"^[-a-zA-Z0-9_]+$"
ProjectSlug = Annotated[str, Path(pattern=SLUG, max_length=100, description="Hankkeen tunniste")]


class ReportQuery(Schema):
    lang: Literal["fi", "sv", "en"] | None = Field(
        None, description="Kieli (fi, sv, en); oletus Accept-Language-otsakkeesta"
    )
    municipality: str | None = Field(
        None,
        pattern=r"^[0-9]{3}$",
        description="Kuntanumero: vain tämän kumppanikunnan tulokset (kuntakohtainen raportti)",
    )


class ReportMetaOut(Schema):
    project: str
    title: str
    municipality: str | None
    language: str
    generated_at: datetime.datetime
    small_number_threshold: int = Field(..., description="Tätä pienemmät luvut ovat null")
    public: bool
    sections: list[str] = Field(..., description="Raportin osiot järjestyksessä")


class TableOut(Schema):
    title: str
    columns: list[str]
    rows: list[list[Any]]
    note: str = Field(..., description="Taulukon huomautus, esim. miten luvut on laskettu")


class SectionOut(Schema):
    title: str
    narrative: str
    figures: dict[str, Any] = Field(..., description="Luvut tunnisteittain; null = piilotettu")
    figure_labels: dict[str, str]
    figure_notes: dict[str, str] = Field(..., description="Miten luku on laskettu, jos kerrottu")
    tables: dict[str, TableOut]
    lists: dict[str, list[str]]


SectionField = Annotated[SectionOut | None, Field(None)]


class ReportOut(Schema):
    meta: ReportMetaOut
    project: SectionField
    trainings: SectionField
    peer_meetings: SectionField
    partner_feedback: SectionField
    cooperation: SectionField
    toolkit: SectionField
    publications: SectionField
    models: SectionField
    evaluation: SectionField
    experiments: SectionField
    costs: SectionField
    interviews: SectionField
    lessons: SectionField
    vision: SectionField
    discrepancies: SectionField


class PreparingOut(Schema):
    detail: str
    progress: int = Field(..., description="Kuinka monta prosenttia raportista on laskettu")


@router.get(
    "/projects/{slug}/report",
    response={200: ReportOut, 202: PreparingOut, **UNAUTHORIZED, **NOT_FOUND, **INVALID},
    auth=OPTIONAL_AUTH,
    openapi_extra=OPTIONAL_SECURITY,
    summary="Hankkeen loppuraportti",
    description="Raportin kaikki luvut osioittain (project, trainings, peer_meetings, "
    "partner_feedback, evaluation, costs, experiments, models, toolkit, publications, "
    "interviews, lessons, vision, discrepancies…). Pois kytketty osio puuttuu. Julkisen "
    "hankkeen raportin saa kuka tahansa; muun vain sen jäsenet. Tuntematon hanke tai kunta, "
    "joka ei ole hankkeen kumppanikunta, on 404. Raportti lasketaan taustalla ja pidetään "
    "valmiina; kun sitä lasketaan ensimmäistä kertaa, vastaus on 202 ja Retry-After-otsake "
    "kertoo, monenko sekunnin päästä kannattaa kysyä uudelleen.",
)
def get_project_report(
    request, response: HttpResponse, slug: ProjectSlug, query: Query[ReportQuery]
):
    user = caller(request)
    try:
        project, municipality = selectors.report_subject(user, slug, query.municipality)
    except Http404:
        raise HttpError(404, _("Hanketta tai kuntaa ei löytynyt.")) from None
    language = query.lang or translation.get_language_from_request(request).split("-")[0]
    # The JSON carries no links to the records: every reader gets the published copy.
    edition = published.Edition.of(project, municipality, language, "public")
    copy = published.copy_of(edition)
    if copy is None or copy.report is None:
        progress = published.progress(edition)
        with translation.override(language):
            detail = _("Raporttia valmistellaan. Kysy hetken kuluttua uudelleen.")
        response["Retry-After"] = "5"
        return Status(202, {"detail": detail, "progress": progress.percent if progress else 0})
    return copy.report.as_json()
