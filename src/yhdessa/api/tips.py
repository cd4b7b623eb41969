"""Tip lists and a project's publications (public); the caller's checklists (staff).

Tip lists answer in the language of ``?lang=`` (fi, sv, en) or of ``Accept-Language``; a
text missing in that language is given in Finnish. Only published versions are served.
"""

import datetime
from typing import Annotated, Any, Literal

from django.utils import translation
from django.utils.translation import gettext as _
from ninja import Field, Path, Query, Router, Schema
from ninja.errors import HttpError

from yhdessa.api.auth import (
    OPTIONAL_AUTH,
    OPTIONAL_SECURITY,
    SESSION_OR_TOKEN,
    UNAUTHORIZED,
    caller,
)
from yhdessa.api.schemas import INVALID, NOT_FOUND
from yhdessa.toolkit import tip_selectors as selectors
from yhdessa.toolkit.models import Checklist, Phase, Publication, TipList, TipListVersion

router = Router(tags=["toolkit"])

SLUG = r"^[-a-zA-Z0-9_]+$"
TipListSlug = Annotated[str, Path(pattern=SLUG, max_length=100, description="Listan tunniste")]
ProjectSlug = Annotated[str, Path(pattern=SLUG, max_length=100, description="Hankkeen tunniste")]


class LanguageQuery(Schema):
    lang: Literal["fi", "sv", "en"] | None = Field(
        None, description="Kieli (fi, sv, en); oletus Accept-Language-otsakkeesta"
    )


def _language(request: Any, query: LanguageQuery) -> str:
    # The locale middleware gives unprefixed addresses Finnish; the API reads the header.
    return query.lang or translation.get_language_from_request(request).split("-")[0]


# --- Tip lists -------------------------------------------------------------------------------


class TipListSummaryOut(Schema):
    slug: str
    title: str
    summary: str
    version: int = Field(..., description="Uusimman julkaistun version numero")
    published_at: datetime.datetime


class TipItemOut(Schema):
    phase: str = Field(..., description="plan, do tai follow_up")
    phase_label: str
    text: str
    link: str | None


class TipListOut(TipListSummaryOut):
    language: str
    change_note: str
    items: list[TipItemOut]


def _summary(tip_list: TipList, version: TipListVersion | None = None) -> dict[str, Any]:
    return {
        "slug": tip_list.slug,
        "title": tip_list.title,
        "summary": tip_list.summary,
        "version": version.number if version else tip_list.current_number,  # type: ignore[attr-defined]
        "published_at": version.published_at if version else tip_list.current_published_at,  # type: ignore[attr-defined]
    }


@router.get(
    "/tip-lists/",
    response={200: list[TipListSummaryOut], **INVALID},
    summary="Vinkkilistat",
    description="Julkaistut vinkkilistat ja niiden uusimman version numero ja päivä.",
)
def list_tip_lists(request, query: Query[LanguageQuery]):
    with translation.override(_language(request, query)):
        return [_summary(tip_list) for tip_list in selectors.published_tip_lists()]


@router.get(
    "/tip-lists/{slug}",
    response={200: TipListOut, **NOT_FOUND, **INVALID},
    summary="Vinkkilista",
    description="Listan uusin julkaistu versio vinkkeineen vaiheittain (plan = Suunnittele, "
    "do = Toteuta, follow_up = Seuraa ja arvioi).",
)
def get_tip_list(request, slug: TipListSlug, query: Query[LanguageQuery]):
    language = _language(request, query)
    with translation.override(language):
        tip_list = selectors.published_tip_lists().filter(slug=slug).first()
        if tip_list is None:
            raise HttpError(404, _("Vinkkilistaa ei löytynyt."))
        version = selectors.published_version(tip_list)
        items = [
            {
                "phase": item.phase,
                "phase_label": str(Phase(item.phase).label),
                "text": item.text,
                "link": item.link or None,
            }
            for item in version.items.all()
        ]
        return {
            **_summary(tip_list, version),
            "language": language,
            "change_note": version.change_note,
            "items": items,
        }


# --- Publications ----------------------------------------------------------------------------


class PublicationOut(Schema):
    id: int
    kind: str
    title: str
    channel: str
    published_on: datetime.date | None
    authors: str
    url: str | None
    identifier: str | None
    identifier_url: str | None = Field(..., description="urn.fi- tai doi.org-osoite")
    reference: str


class KindCount(Schema):
    kind: str
    count: int


class ChannelCount(Schema):
    channel: str
    count: int


class PublicationsOut(Schema):
    count: int
    by_kind: list[KindCount]
    by_channel: list[ChannelCount]
    items: list[PublicationOut]


def _publication(publication: Publication) -> dict[str, Any]:
    return {
        "id": publication.pk,
        "kind": publication.kind,
        "title": publication.title,
        "channel": publication.channel,
        "published_on": publication.published_on,
        "authors": publication.authors,
        "url": publication.url or None,
        "identifier": publication.identifier or None,
        "identifier_url": publication.identifier_url or None,
        "reference": publication.reference,
    }


@router.get(
    "/projects/{slug}/publications",
    response={200: PublicationsOut, **UNAUTHORIZED, **NOT_FOUND, **INVALID},
    auth=OPTIONAL_AUTH,
    openapi_extra=OPTIONAL_SECURITY,
    summary="Hankkeen julkaisut",
    description="Hankkeen blogikirjoitukset, artikkelit, raportit ja videot sekä niiden määrät "
    "lajeittain ja kanavittain. Julkisen hankkeen julkaisut näkyvät kaikille, muun vain "
    "hankkeen henkilöstölle (muille 404).",
)
def get_project_publications(request, slug: ProjectSlug):
    project = selectors.project_with_publications(caller(request), slug)
    by_kind, by_channel = selectors.publication_counts(project)
    return {
        "count": sum(row["count"] for row in by_kind),
        "by_kind": by_kind,
        "by_channel": by_channel,
        "items": [_publication(p) for p in selectors.publications_of(project)],
    }


# --- Checklists (staff) ----------------------------------------------------------------------


class ChecklistOut(Schema):
    id: int
    tip_list: str = Field(..., description="Vinkkilistan tunniste")
    title: str
    version: int
    experiment_id: int | None
    municipality_code: str | None
    items: int
    done: int
    overdue: int = Field(..., description="Tekemättömät, joiden määräpäivä on mennyt")


def _checklist(checklist: Checklist) -> dict[str, Any]:
    return {
        "id": checklist.pk,
        "tip_list": checklist.tip_list.slug,
        "title": checklist.tip_list.title,
        "version": checklist.version.number,
        "experiment_id": checklist.experiment_id,
        "municipality_code": checklist.municipality.code if checklist.municipality else None,
        "items": checklist.item_count,  # type: ignore[attr-defined]
        "done": checklist.done_count,  # type: ignore[attr-defined]
        "overdue": checklist.overdue_count,  # type: ignore[attr-defined]
    }


@router.get(
    "/checklists/",
    response={200: list[ChecklistOut], **UNAUTHORIZED},
    auth=SESSION_OR_TOKEN,
    summary="Omat tarkistuslistat",
    description="Kutsujan kokeilujen ja kuntien tarkistuslistat ja niiden eteneminen.",
)
def list_checklists(request):
    return [_checklist(checklist) for checklist in selectors.my_checklists(request.auth)]
