"""Events: the public list and pages, public registration, staff's participant list and the
attendance statistics of a project.

Registration follows exactly the rules of the sign-up form, because both call
:func:`yhdessa.events.services.registration_create`. Answers: 422 when the request itself is
not valid (a field missing or malformed, consent not given), 409 when it is valid but the
event's present state refuses it (full, closed, cancelled, the address already signed up, a
background or municipality that is not one of the choices). The endpoint is public and uses
no session, so it needs no CSRF token.
"""

import datetime
from typing import Annotated, Any, Literal

from django import forms
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import ProhibitNullCharactersValidator, validate_email
from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language_from_request
from django.utils.translation import gettext as _
from ninja import Field, Path, Query, Router, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import paginate
from ninja.params.models import Body, BodyModel
from pydantic import field_validator
from pydantic_core import PydanticCustomError

from yhdessa.accounts.models import User
from yhdessa.api.auth import SESSION_OR_TOKEN
from yhdessa.api.pagination import BoundedPagination
from yhdessa.api.schemas import INVALID, NOT_FOUND, RATE_LIMITED, Message, ValidationErrors
from yhdessa.core import ratelimits
from yhdessa.core.audit import log_action
from yhdessa.core.ratelimits import limited
from yhdessa.directory.models import Municipality, Organisation
from yhdessa.events import selectors, services, statistics
from yhdessa.events.models import BackgroundCategory, Event, EventKind, Registration
from yhdessa.events.tokens import cancel_token
from yhdessa.projects.selectors import public_projects

router = Router(tags=["events"])

MAX_ID = 2**63 - 1
EventId = Annotated[int, Path(ge=1, le=MAX_ID, description="Tapahtuman tunniste")]
SLUG = r"^[-a-zA-Z0-9_]+$"
MUNICIPALITY_CODE = r"^\d{3}$"
# What the form's CharField accepts: no NUL character, and something left after str.strip().
# Spelled out, since JSON Schema's \s and Python's whitespace are not the same set.
_WHITESPACE = "".join(f"\\u{code:04x}" for code in range(0x10000) if chr(code).isspace())
TEXT = r"^[^\u0000]*$"
NON_BLANK_TEXT = rf"^[^\u0000]*[^\u0000{_WHITESPACE}][^\u0000]*$"
CONFLICT = {409: ValidationErrors}


class _JsonOrFormBodyModel(BodyModel):
    """A JSON body, or the same fields form-encoded, as an HTML form on a partner's site (or
    the access-matrix test harness) sends them. An empty field counts as not given."""

    @classmethod
    def get_request_data(cls, request: HttpRequest, api: Any, path_params: Any) -> Any:
        if request.content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
            data = {key: value for key, value in request.POST.dict().items() if value != ""}
            name = getattr(cls, "__read_from_single_attr__", None)
            return {name: data} if name else data
        try:
            return super().get_request_data(request, api, path_params)
        except HttpError as error:
            raise HttpError(400, _("Pyynnön sisältö ei ole kelvollista JSONia.")) from error


class JsonOrForm(Body):  # type: ignore[misc]
    """``Body`` that also reads form encoding; the schema documents the JSON body only."""

    _model = _JsonOrFormBodyModel

    @classmethod
    def _param_source(cls) -> str:
        return "body"


# --- Events ------------------------------------------------------------------------------


class OrganisationRef(Schema):
    slug: str
    name: str


class BackgroundChoice(Schema):
    id: int
    name: str


class EventOut(Schema):
    id: int
    kind: EventKind
    project: str = Field(..., alias="project.slug")
    theme: str | None
    title: str
    description: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    location: str
    online_url: str
    municipality: str | None = Field(None, description="Kunnan kolminumeroinen koodi")
    capacity: int | None
    seats_left: int | None = Field(None, description="Vapaat paikat; tyhjä, jos ei rajattu")
    waitlist_enabled: bool
    registration_opens_at: datetime.datetime | None
    registration_closes_at: datetime.datetime | None
    registration_open: bool
    is_cancelled: bool
    url: str

    @staticmethod
    def resolve_theme(event: Event) -> str | None:
        return str(event.theme) if event.theme else None

    @staticmethod
    def resolve_municipality(event: Event) -> str | None:
        return event.municipality.code if event.municipality else None

    @staticmethod
    def resolve_seats_left(event: Any) -> int | None:
        if event.capacity is None:
            return None
        return max(event.capacity - event.confirmed_count, 0)

    @staticmethod
    def resolve_registration_open(event: Event) -> bool:
        try:
            services.check_registration_open(event, timezone.now())
        except DjangoValidationError:
            return False
        return True

    @staticmethod
    def resolve_url(event: Event, context: Any) -> str:
        return context["request"].build_absolute_uri(event.get_absolute_url())


class EventDetailOut(EventOut):
    organisers: list[OrganisationRef]
    background_categories: list[BackgroundChoice] = Field(
        ..., description="Ilmoittautumisen taustaryhmät (kenttä background)"
    )

    @staticmethod
    def resolve_organisers(event: Event) -> list[Organisation]:
        return list(event.organisers.all())

    @staticmethod
    def resolve_background_categories(event: Event) -> list[BackgroundCategory]:
        return list(event.project.background_categories.all())


class EventFilter(Schema):
    project: Annotated[str | None, Field(None, pattern=SLUG, max_length=100)] = None
    kind: EventKind | None = None


def _with_seats(events: QuerySet[Event]) -> QuerySet[Event]:
    return events.annotate(confirmed_count=selectors.REGISTRATION_COUNTS["confirmed_count"])


def _not_found() -> HttpError:
    return HttpError(404, _("Tapahtumaa ei löytynyt."))


@router.get(
    "/events/",
    response={200: list[EventOut], **INVALID},
    summary="Julkiset tapahtumat",
    description="Julkiset tapahtumat vanhimmasta alkaen. `project` rajaa yhden hankkeen "
    "tapahtumiin (hankkeen tunniste), `kind` tapahtuman tyyppiin.",
)
@paginate(BoundedPagination)
def list_events(request, filters: Query[EventFilter]):
    events = selectors.public_events()
    if filters.project:
        events = events.filter(project__slug=filters.project)
    if filters.kind:
        events = events.filter(kind=filters.kind)
    return events.order_by("starts_at", "pk")


@router.get(
    "/events/{event_id}",
    response={200: EventDetailOut, **NOT_FOUND, **INVALID},
    summary="Tapahtuma",
    description="Tapahtuma kuten sen julkinen sivu sen näyttää, ja ilmoittautumisen "
    "taustaryhmävaihtoehdot. Kutsutilaisuudenkin saa sen tunnisteella, kuten sivunkin.",
)
def get_event(request, event_id: EventId):
    event = (
        _with_seats(selectors.event_for_registration(event_id))
        .prefetch_related(
            Prefetch("organisers", queryset=Organisation.objects.order_by("name")),
            "project__background_categories",
        )
        .first()
    )
    if event is None:
        raise _not_found()
    return event


# --- Registration ------------------------------------------------------------------------


def _custom_error(error_type: str, message: str) -> PydanticCustomError:
    # The message is already translated; braces would be taken as placeholders.
    return PydanticCustomError(error_type, message.replace("{", "(").replace("}", ")"))


class RegistrationIn(Schema):
    name: str = Field(..., max_length=200, json_schema_extra={"pattern": NON_BLANK_TEXT})
    email: str = Field(..., max_length=254, json_schema_extra={"format": "email"})
    organisation_name: str = Field("", max_length=200, json_schema_extra={"pattern": TEXT})
    background: int = Field(
        ..., ge=1, le=MAX_ID, description="Taustaryhmän tunniste tapahtuman tiedoista"
    )
    municipality: str | None = Field(
        None, pattern=MUNICIPALITY_CODE, description="Kotikunnan kolminumeroinen koodi"
    )
    needs: str = Field(
        "",
        max_length=1000,
        json_schema_extra={"pattern": TEXT},
        description="Esteettömyys- tai ruokavaliotarpeet",
    )
    consent: bool = Field(
        ...,
        json_schema_extra={"const": True},
        description="Hyväksyn, että tietojani käsitellään tietosuojaselosteen mukaisesti.",
    )
    language: Literal["fi", "sv", "en"] | None = Field(
        None, description="Vahvistusviestin kieli; oletuksena pyynnön kieli"
    )

    @field_validator("name", "organisation_name", "needs")
    @classmethod
    def _form_text(cls, value: str, info: Any) -> str:
        try:
            ProhibitNullCharactersValidator()(value)
        except DjangoValidationError as error:
            raise _custom_error("null_characters", error.messages[0]) from error
        value = value.strip()
        if info.field_name == "name" and not value:
            raise _custom_error("blank", str(forms.Field.default_error_messages["required"]))
        return value

    @field_validator("email")
    @classmethod
    def _email(cls, value: str) -> str:
        value = value.strip()
        try:
            validate_email(value)
        except DjangoValidationError as error:
            raise _custom_error("email", error.messages[0]) from error
        return value

    @field_validator("consent")
    @classmethod
    def _consent(cls, value: bool) -> bool:
        if not value:
            raise _custom_error(
                "consent",
                _("Hyväksy tietosuojaseloste, jotta voimme käsitellä ilmoittautumisesi."),
            )
        return value


class RegistrationCreatedOut(Schema):
    id: int
    event: int
    status: Literal["confirmed", "waitlisted"]
    message: str
    manage_url: str = Field(..., description="Linkki, josta ilmoittautumisen voi perua")


def _conflict(error: DjangoValidationError) -> dict[str, list[dict[str, Any]]]:
    """The service's refusal as the same list as a 422 answer has, Finnish-first."""
    items: list[tuple[tuple[str, ...], DjangoValidationError]]
    if hasattr(error, "error_dict"):
        items = [
            (("body", "data", field), item)
            for field, errors in error.error_dict.items()
            for item in errors
        ]
    else:
        items = [(("path", "event_id"), item) for item in error.error_list]
    return {
        "detail": [
            {"loc": list(loc), "msg": item.messages[0], "type": item.code or "conflict"}
            for loc, item in items
        ]
    }


def _registration_input(request: HttpRequest, data: RegistrationIn) -> services.RegistrationInput:
    """The form's choices by their ids and codes; unknown ones are refused like the form."""
    background = BackgroundCategory.objects.filter(pk=data.background).first()
    if background is None:
        raise DjangoValidationError({"background": _("Valitse taustaryhmä listalta.")})
    municipality = None
    if data.municipality:
        municipality = Municipality.objects.filter(code=data.municipality).first()
        if municipality is None:
            raise DjangoValidationError({"municipality": _("Valitse kunta listalta.")})
    return services.RegistrationInput(
        name=data.name,
        email=data.email,
        organisation_name=data.organisation_name,
        background=background,
        municipality=municipality,
        needs=data.needs,
        consent=data.consent,
        # The API answers in Finnish (it is outside the language-prefixed URLs), but the
        # confirmation goes out in the caller's language unless the body names one.
        language=data.language or get_language_from_request(request),
    )


@router.post(
    "/events/{event_id}/registrations",
    response={
        201: RegistrationCreatedOut,
        400: Message,
        **NOT_FOUND,
        **CONFLICT,
        **INVALID,
        **RATE_LIMITED,
    },
    summary="Ilmoittaudu tapahtumaan",
    description="Ilmoittautuminen ilman käyttäjätunnusta samoin säännöin kuin lomakkeella: "
    "paikka, jos vapaita on, muuten jonotuslista. Vahvistus, kalenteritiedosto ja "
    "peruutuslinkki lähetetään osoitteeseen `email`. 422: pyyntö ei kelpaa (tieto puuttuu "
    "tai on väärää muotoa, tietosuojaselostetta ei hyväksytty). 409: pyyntö on kunnossa, mutta "
    "tapahtuman tila estää sen (täynnä, ilmoittautuminen ei ole auki, peruttu, osoitteella on "
    "jo ilmoittauduttu, taustaryhmä tai kunta ei ole vaihtoehdoissa). 429: liian monta "
    "ilmoittautumista samasta osoitteesta lyhyessä ajassa (Retry-After kertoo odotusajan "
    "sekunteina). Kentät voi lähettää "
    "myös lomakkeen tapaan (application/x-www-form-urlencoded).",
)
@limited(ratelimits.SIGN_UP, ratelimits.SIGN_UP_HOURLY)
def create_event_registration(
    request, event_id: EventId, data: Annotated[RegistrationIn, JsonOrForm(...)]
):
    event = selectors.event_for_registration(event_id).first()
    if event is None:
        raise _not_found()
    try:
        registration = services.registration_create(
            event_id=event.pk, data=_registration_input(request, data)
        )
    except DjangoValidationError as error:
        return Status(409, _conflict(error))
    confirmed = registration.status == Registration.Status.CONFIRMED
    manage = reverse("events:registration_manage", kwargs={"token": cancel_token(registration.pk)})
    return Status(
        201,
        {
            "id": registration.pk,
            "event": event.pk,
            "status": registration.status,
            "message": _("Ilmoittautuminen on vahvistettu.")
            if confirmed
            else _("Tapahtuma on täynnä. Olet jonotuslistalla, ja kerromme, jos saat paikan."),
            "manage_url": request.build_absolute_uri(manage),
        },
    )


class RegistrationOut(Schema):
    id: int
    name: str
    email: str
    organisation_name: str
    background: BackgroundChoice | None
    municipality: str | None
    needs: str
    language: str
    status: str
    attendance: str
    created_at: datetime.datetime
    cancelled_at: datetime.datetime | None
    anonymised_at: datetime.datetime | None

    @staticmethod
    def resolve_municipality(registration: Registration) -> str | None:
        return registration.municipality.code if registration.municipality else None


@router.get(
    "/events/{event_id}/registrations",
    response={200: list[RegistrationOut], 401: Message, **NOT_FOUND, **INVALID},
    auth=SESSION_OR_TOKEN,
    summary="Tapahtuman ilmoittautumiset",
    description="Ilmoittautuneiden henkilötiedot tapahtuman järjestäjille: hankkeen "
    "pääkäyttäjille ja järjestäjille, tapahtuman kunnan koordinaattoreille ja järjestävän "
    "organisaation jäsenille. Muille 404. Jokainen haku kirjataan lokiin.",
)
@paginate(BoundedPagination)
def list_event_registrations(request, event_id: EventId):
    user: User = request.auth
    event = selectors.events_for_staff(user).filter(pk=event_id).first()
    if event is None:
        raise _not_found()
    log_action(actor=user, action="events.registrations.api_listed", target=event)
    return event.registrations.select_related("background", "municipality").order_by(
        "created_at", "pk"
    )


# --- Statistics --------------------------------------------------------------------------


class CountsOut(Schema):
    registered: int | None = Field(..., description="Ilmoittautumiset (tyhjä: piilotettu)")
    present: int | None = Field(..., description="Paikalla olleet (tyhjä: piilotettu)")


class EventStatsRow(CountsOut):
    id: int
    title: str
    starts_at: datetime.datetime
    theme: str | None


class ThemeStatsRow(CountsOut):
    theme: str | None = Field(..., description="Teema; tyhjä: tapahtumat ilman teemaa")
    events: int


class YearStatsRow(CountsOut):
    year: int
    events: int


class TotalsOut(CountsOut):
    events: int


class BackgroundStatsRow(Schema):
    id: int | None = Field(..., description="Taustaryhmän tunniste; tyhjä: ei tiedossa")
    name: str
    present: int | None
    share_pct: float | None = Field(..., description="Osuus niistä, joiden tausta tiedetään")


class BackgroundStatsOut(Schema):
    categories: list[BackgroundStatsRow]
    known: int | None
    total: int | None
    suppressed: bool


class ReportedOut(Schema):
    key: str
    label: str
    printed: float
    records: int | None
    difference: float | None = Field(..., description="Raportoitu miinus tietueista laskettu")
    source: str


class EventStatsOut(Schema):
    project: str
    kind: EventKind
    min_cell_size: int = Field(..., description="Tätä pienemmät luvut piilotetaan")
    totals: TotalsOut
    events: list[EventStatsRow]
    themes: list[ThemeStatsRow]
    years: list[YearStatsRow]
    background: BackgroundStatsOut
    reported: list[ReportedOut]


class EventStatsQuery(Schema):
    kind: EventKind = EventKind.TRAINING


@router.get(
    "/projects/{slug}/event-stats",
    response={200: EventStatsOut, **NOT_FOUND, **INVALID},
    summary="Hankkeen tapahtumatilastot",
    description="Ilmoittautuneet ja paikalla olleet tapahtumittain, teemoittain ja vuosittain, "
    "paikalla olleiden taustaryhmät ja yhteissummat tietueista laskettuina sekä raporttiin "
    "käsin kirjatut luvut ja niiden ero tietueisiin. Ilmoittautuneet = kaikki "
    "ilmoittautumiset (vahvistetut, jonossa olevat ja perutut); paikalla = paikalla "
    "merkityt ja ilmoittautumattomat osallistujat. Perutut tapahtumat eivät ole mukana. "
    "Pienet luvut (alle `min_cell_size`) piilotetaan (null) ja niiden lisäksi niin monta "
    "muuta, ettei piilotettua voi laskea summista.",
)
def get_project_event_stats(request, slug: str, query: Query[EventStatsQuery]):
    project = public_projects().filter(slug=slug).first()
    if project is None:
        raise HttpError(404, _("Hanketta ei löytynyt."))
    stats = statistics.public_project_statistics(project, kind=query.kind)
    return _stats_out(stats)


def _stats_out(stats: statistics.ProjectStatistics) -> dict[str, Any]:
    def counts(row: Any) -> dict[str, Any]:
        return {"registered": row.registered, "present": row.present}

    return {
        "project": stats.project.slug,
        "kind": stats.kind,
        "min_cell_size": stats.threshold,
        "totals": counts(stats.total) | {"events": stats.total.events},
        "events": [
            counts(row)
            | {
                "id": row.event.pk,
                "title": row.label,
                "starts_at": row.event.starts_at,
                "theme": str(row.event.theme) if row.event.theme else None,
            }
            for row in stats.events
        ],
        "themes": [
            counts(row) | {"theme": None if row.key is None else row.label, "events": row.events}
            for row in stats.themes
        ],
        "years": [counts(row) | {"year": row.key, "events": row.events} for row in stats.years],
        "background": {
            "categories": [
                {
                    "id": row.category.pk if row.category else None,
                    "name": row.label,
                    "present": row.count,
                    "share_pct": row.share,
                }
                for row in stats.background.rows
            ],
            "known": stats.background.known,
            "total": stats.background.total,
            "suppressed": stats.background.suppressed,
        },
        "reported": [
            {
                "key": figure.key,
                "label": figure.label,
                "printed": figure.printed,
                "records": figure.records,
                "difference": figure.difference,
                "source": figure.source,
            }
            for figure in stats.reported
        ],
    }
