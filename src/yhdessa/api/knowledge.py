"""A project's lessons learned, vision words and interview findings (public), and its
interviews (staff).

The figures come from ``toolkit.interview_selectors``, the same objects the pages show:

* Findings count interviews per theme. An interview is a person, so the counts pass the
  small-number function (a hidden count is ``null`` and ``suppressed`` says so), and only the
  passages the project marked publishable are quoted.
* Interviews (notes and every coded passage) are for those who read them on the staff pages:
  the project's admins, and the coordinators of the interview's municipality. Without
  credentials 401; a signed-in caller who reads none of the project's interviews gets 404.

Lessons, vision words and findings of a public project answer everyone; those of other
projects their members (others 404).
"""

import datetime
from typing import Annotated, Any

from django.contrib.auth.models import AnonymousUser
from django.db.models import Prefetch, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Path, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate

from yhdessa.accounts.models import User
from yhdessa.api.auth import (
    OPTIONAL_AUTH,
    OPTIONAL_SECURITY,
    SESSION_OR_TOKEN,
    UNAUTHORIZED,
    caller,
)
from yhdessa.api.pagination import BoundedPagination
from yhdessa.api.schemas import INVALID, NOT_FOUND
from yhdessa.core.disclosure import min_cell_size
from yhdessa.projects.models import Project
from yhdessa.toolkit import interview_selectors as selectors
from yhdessa.toolkit.models import CodedPassage, Interview, LessonCategory, Sector

router = Router(tags=["knowledge"])

SLUG = r"^[-a-zA-Z0-9_]+$"
ProjectSlug = Annotated[str, Path(pattern=SLUG, max_length=100, description="Hankkeen tunniste")]


def _project(user: User | AnonymousUser, slug: str) -> Project:
    try:
        return selectors.readable_project(user, slug)
    except Http404:
        raise HttpError(404, _("Hanketta ei löytynyt.")) from None


# --- Lessons ----------------------------------------------------------------------------------


class LessonOut(Schema):
    text: str = Field(..., description="Opetus kutsujan kielellä (Accept-Language)")
    category: LessonCategory
    category_label: str


class LessonGroupOut(Schema):
    category: LessonCategory
    label: str
    lessons: list[str]


class LessonsOut(Schema):
    project: str
    lessons: list[LessonOut] = Field(..., description="Hankkeen järjestyksessä")
    by_category: list[LessonGroupOut] = Field(
        ..., description="Luokittain, luokkien järjestyksessä"
    )


@router.get(
    "/projects/{slug}/lessons",
    response={200: LessonsOut, **UNAUTHORIZED, **NOT_FOUND, **INVALID},
    auth=OPTIONAL_AUTH,
    openapi_extra=OPTIONAL_SECURITY,
    summary="Hankkeen opitut asiat",
    description="Lyhyet toteamukset luokkineen. Julkisen hankkeen tiedot saa kuka tahansa; "
    "muun vain sen jäsenet. Tuntematon hanke on 404.",
)
def get_project_lessons(request, slug: ProjectSlug):
    project = _project(caller(request), slug)
    groups = selectors.lessons_by_category(project)
    labels = dict(LessonCategory.choices)
    lessons = sorted(
        (lesson for _label, items in groups for lesson in items),
        key=lambda lesson: (lesson.position, lesson.pk),
    )
    return {
        "project": project.slug,
        "lessons": [
            {
                "text": lesson.text,
                "category": lesson.category,
                "category_label": str(labels[lesson.category]),
            }
            for lesson in lessons
        ],
        "by_category": [
            {
                "category": items[0].category,
                "label": label,
                "lessons": [lesson.text for lesson in items],
            }
            for label, items in groups
        ],
    }


# --- Vision words -----------------------------------------------------------------------------


class VisionWordOut(Schema):
    word: str
    frequency: int = Field(..., description="Mainintojen määrä visiotyöpajassa")


@router.get(
    "/projects/{slug}/vision-words",
    response={200: list[VisionWordOut], **UNAUTHORIZED, **NOT_FOUND, **INVALID},
    auth=OPTIONAL_AUTH,
    openapi_extra=OPTIONAL_SECURITY,
    summary="Hankkeen visiotyöpajan sanat",
    description="Sanat ja ilmaukset mainintojen määrineen, useimmin mainittu ensin (sama "
    "aineisto kuin sivun sanapilvessä). Julkisen hankkeen tiedot saa kuka tahansa; muun vain "
    "sen jäsenet. Tuntematon hanke on 404.",
)
def get_project_vision_words(request, slug: ProjectSlug):
    project = _project(caller(request), slug)
    return [{"word": w.word, "frequency": w.frequency} for w in selectors.vision_words(project)]


# --- Findings ---------------------------------------------------------------------------------


class ThemeFindingOut(Schema):
    theme: str
    description: str
    interviews: int | None = Field(
        ..., description="Haastattelut, joissa teema tuli esiin; null: piilotettu (pieni luku)"
    )
    suppressed: bool


class SectorCountOut(Schema):
    sector: Sector
    label: str
    interviews: int | None = Field(..., description="null: piilotettu (pieni luku)")


class QuoteOut(Schema):
    text: str
    themes: list[str]


class FindingsOut(Schema):
    project: str
    min_cell_size: int = Field(..., description="Tätä pienemmät määrät piilotetaan")
    interviews: int | None = Field(..., description="Haastatteluja yhteensä; null: piilotettu")
    main_theme: str | None = Field(
        ..., description="Eniten mainittu teema, kun sen määrä näytetään ja se on suurin"
    )
    themes: list[ThemeFindingOut] = Field(..., description="Näytetyt määrät suurimmasta alkaen")
    by_sector: list[SectorCountOut]
    quotes: list[QuoteOut] = Field(..., description="Vain julkaistaviksi merkityt lainaukset")


@router.get(
    "/projects/{slug}/findings",
    response={200: FindingsOut, **UNAUTHORIZED, **NOT_FOUND, **INVALID},
    auth=OPTIONAL_AUTH,
    openapi_extra=OPTIONAL_SECURITY,
    summary="Hankkeen haastattelujen havainnot",
    description="Haastattelut teemoittain ja organisaation lajin mukaan sekä julkaistaviksi "
    "merkityt lainaukset. Haastateltujen määrät ovat ihmisten määriä: ne kulkevat pienten "
    "lukujen suojauksen läpi (piilotettu määrä on null ja `suppressed` on true). Teeman määrä "
    "piilotetaan myös, kun niiden haastattelujen määrä, joissa teema ei tullut esiin, on "
    "pieni. Julkisen hankkeen tiedot saa kuka tahansa; muun vain sen jäsenet.",
)
def get_project_findings(request, slug: ProjectSlug):
    project = _project(caller(request), slug)
    found = selectors.findings(project)
    return {
        "project": project.slug,
        "min_cell_size": min_cell_size(),
        "interviews": found.interviews,
        "main_theme": found.main_theme.theme.name if found.main_theme else None,
        "themes": [
            {
                "theme": finding.theme.name,
                "description": finding.theme.description,
                "interviews": finding.interviews,
                "suppressed": finding.interviews is None,
            }
            for finding in found.findings
        ],
        "by_sector": [
            {"sector": key, "label": str(label), "interviews": found.by_sector[key]}
            for key, label in found.sectors
        ],
        "quotes": [{"text": quote.text, "themes": quote.themes} for quote in found.quotes],
    }


# --- Interviews (staff) -----------------------------------------------------------------------


class PassageOut(Schema):
    id: int
    text: str
    themes: list[str]
    publishable: bool


class InterviewOut(Schema):
    id: int
    held_on: datetime.date
    interviewee_role: str
    sector: Sector
    municipality: str | None = Field(..., description="Kunnan kolminumeroinen koodi")
    notes: str
    passages: list[PassageOut]


def _interview_out(interview: Interview) -> dict[str, Any]:
    return {
        "id": interview.pk,
        "held_on": interview.held_on,
        "interviewee_role": interview.interviewee_role,
        "sector": interview.sector,
        "municipality": interview.municipality.code if interview.municipality else None,
        "notes": interview.notes,
        "passages": [
            {
                "id": passage.pk,
                "text": passage.text,
                "themes": [theme.name for theme in passage.themes.all()],
                "publishable": passage.publishable,
            }
            for passage in interview.passages.all()
        ],
    }


class _Page:
    """The interviews of a page, written out when the paginator slices them."""

    def __init__(self, interviews: QuerySet[Interview]) -> None:
        self.interviews = interviews

    def __len__(self) -> int:
        return self.interviews.count()

    def __getitem__(self, window: slice) -> list[dict[str, Any]]:
        return [_interview_out(interview) for interview in self.interviews[window]]


@router.get(
    "/projects/{slug}/interviews",
    response={200: list[InterviewOut], **UNAUTHORIZED, **NOT_FOUND, **INVALID},
    auth=SESSION_OR_TOKEN,
    summary="Hankkeen haastattelut (henkilöstölle)",
    description="Haastattelut muistiinpanoineen ja koodattuine katkelmineen, uusin ensin. Vain "
    "istunnolla tai API-avaimella (`Authorization: Bearer`): hankkeen pääkäyttäjät saavat "
    "hankkeen kaikki haastattelut, kunnan koordinaattorit oman kuntansa haastattelut. Ilman "
    "tunnistautumista 401; muille ja tuntemattomalle hankkeelle 404.",
)
@paginate(BoundedPagination)
def list_project_interviews(request, slug: ProjectSlug):
    user = request.auth
    project = selectors.projects_with_interviews(user).filter(slug=slug).first()
    if project is None:
        raise HttpError(404, _("Hanketta ei löytynyt."))
    passages = CodedPassage.objects.prefetch_related("themes").order_by("pk")
    interviews = (
        selectors.interviews_for_staff(user)
        .filter(project=project)
        .select_related("municipality")
        .prefetch_related(Prefetch("passages", queryset=passages))
        .order_by("-held_on", "pk")
    )
    return _Page(interviews)
