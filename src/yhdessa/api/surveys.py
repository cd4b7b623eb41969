"""Surveys: a project's surveys, one survey, the protected results of a wave and the
start/end comparison.

Every figure comes from :mod:`yhdessa.surveys.results`, which passes each count through the
small-number function; this module only renames and rounds. A hidden figure is ``null`` and
the object that holds it says ``"suppressed": true``.

Who gets what: a public survey of a public project answers everyone; any other survey answers
its staff (:func:`~yhdessa.surveys.selectors.surveys_for_results`), 401 to a caller without
credentials, so that the answer does not tell whether such a survey exists, and 404 to other
signed-in users. Free-text answers go to the survey's managers only.
"""

import datetime
from typing import Annotated, Any

from django.db.models import Prefetch, Q, QuerySet
from django.http import HttpRequest
from django.utils import translation
from django.utils.translation import gettext as _
from ninja import Field, Path, Query, Router, Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.pagination import paginate

from yhdessa.api.auth import OPTIONAL_AUTH, OPTIONAL_SECURITY, UNAUTHORIZED, caller
from yhdessa.api.pagination import BoundedPagination
from yhdessa.api.schemas import INVALID, NOT_FOUND
from yhdessa.directory.models import Municipality
from yhdessa.projects.models import Project
from yhdessa.surveys import results, selectors
from yhdessa.surveys.models import AgeGroup, Gender, ItemType, Survey, Wave

router = Router(tags=["surveys"])

MAX_ID = 2**63 - 1
SurveyId = Annotated[int, Path(ge=1, le=MAX_ID, description="Kyselyn tunniste")]
SLUG = r"^[-a-zA-Z0-9_]+$"
MUNICIPALITY_CODE = r"^\d{3}$"


def _survey(request: HttpRequest, survey_id: int) -> Survey:
    """The survey if the caller may read its results; otherwise 401 without credentials and
    404 with them (another tenant's survey does not exist for them)."""
    user = caller(request)
    survey = (
        selectors.surveys_for_results(user)
        .filter(pk=survey_id)
        .select_related("project", "municipality", "instrument_version__instrument")
        .prefetch_related(_waves_in_order())
        .first()
    )
    if survey is not None:
        return survey
    if not user.is_authenticated:
        raise AuthenticationError(message=_("Kirjaudu sisään tai anna API-avain."))
    raise HttpError(404, _("Kyselyä ei löytynyt."))


def _waves_in_order() -> "Prefetch[Any]":
    return Prefetch("waves", queryset=Wave.objects.order_by("position", "pk"))


# --- Surveys --------------------------------------------------------------------------------


class WaveOut(Schema):
    key: str
    label: str
    opens_at: datetime.datetime
    closes_at: datetime.datetime | None


class SurveyOut(Schema):
    id: int
    title: str
    project: str = Field(..., description="Hankkeen tunniste")
    municipality: str | None = Field(..., description="Kunnan kolminumeroinen koodi")
    event: int | None = Field(..., description="Tapahtuman tunniste")
    instrument: str = Field(..., description="Mittarin tunniste")
    instrument_version: int = Field(..., description="Mittarin versio")
    is_public: bool = Field(..., description="Tulokset näkyvät kaikille")
    waves: list[WaveOut] = Field(..., description="Kyselykierrokset järjestyksessä")

    @staticmethod
    def resolve_project(survey: Survey) -> str:
        return survey.project.slug

    @staticmethod
    def resolve_municipality(survey: Survey) -> str | None:
        return survey.municipality.code if survey.municipality else None

    @staticmethod
    def resolve_event(survey: Survey) -> int | None:
        return survey.event_id

    @staticmethod
    def resolve_instrument(survey: Survey) -> str:
        return survey.instrument_version.instrument.key

    @staticmethod
    def resolve_instrument_version(survey: Survey) -> int:
        return survey.instrument_version.number

    @staticmethod
    def resolve_waves(survey: Survey) -> list[Wave]:
        return list(survey.waves.all())


class SurveyFilter(Schema):
    project: Annotated[str | None, Field(None, pattern=SLUG, max_length=100)] = None


def _project(slug: str, visible: QuerySet[Survey]) -> Project:
    """A public project, or one where the caller sees a survey; others are 404."""
    project = (
        Project.objects.filter(slug=slug)
        .filter(Q(is_public=True) | Q(pk__in=visible.values("project")))
        .first()
    )
    if project is None:
        raise HttpError(404, _("Hanketta ei löytynyt."))
    return project


@router.get(
    "/surveys/",
    response={200: list[SurveyOut], **UNAUTHORIZED, **NOT_FOUND, **INVALID},
    auth=OPTIONAL_AUTH,
    openapi_extra=OPTIONAL_SECURITY,
    summary="Kyselyt",
    description="Kyselyt, joiden tulokset kutsuja saa nähdä: julkisten hankkeiden julkiset "
    "kyselyt kaikille ja lisäksi kirjautuneelle (istunto tai `Authorization: Bearer`) ne, "
    "joiden tuloksia hän saa katsoa työnsä puolesta. `project` rajaa yhden hankkeen "
    "kyselyihin; tuntematon hanke on 404. Väärä tai vanhentunut API-avain on 401.",
)
@paginate(BoundedPagination)
def list_surveys(request, filters: Query[SurveyFilter]):
    surveys = selectors.surveys_for_results(caller(request))
    if filters.project:
        surveys = surveys.filter(project=_project(filters.project, surveys))
    return (
        surveys.select_related("project", "municipality", "instrument_version__instrument")
        .prefetch_related(_waves_in_order())
        .order_by("-created_at", "-pk")
    )


@router.get(
    "/surveys/{survey_id}",
    response={200: SurveyOut, **UNAUTHORIZED, **NOT_FOUND, **INVALID},
    auth=OPTIONAL_AUTH,
    openapi_extra=OPTIONAL_SECURITY,
    summary="Kysely",
    description="Yksi kysely ja sen kierrokset. Julkisen kyselyn saa kuka tahansa; muun "
    "kyselyn sen hankkeen ja kunnan työntekijät. Ilman tunnistautumista muu kuin julkinen "
    "kysely on 401 (vaikka kyselyä ei olisi), kirjautuneelle 404.",
)
def get_survey(request, survey_id: SurveyId):
    return _survey(request, survey_id)


# --- Results: what goes out -----------------------------------------------------------------


class SurveyRef(Schema):
    id: int
    title: str


class WaveRef(Schema):
    key: str
    label: str


class FiltersOut(Schema):
    municipality: str | None
    age_group: AgeGroup | None
    gender: Gender | None


class OptionOut(Schema):
    key: str
    label: str
    count: int | None = Field(..., description="Vastaajia; null: piilotettu")
    percent: float | None = Field(..., description="Osuus kysymykseen vastanneista, %")
    ci_low: float | None = Field(..., description="95 %:n luottamusväli (Wilson), alaraja %")
    ci_high: float | None = Field(..., description="95 %:n luottamusväli (Wilson), yläraja %")
    suppressed: bool


class ItemOut(Schema):
    key: str
    text: str
    type: ItemType
    answered: int | None = Field(..., description="Kysymykseen vastanneet; null: piilotettu")
    missing: int | None = Field(..., description="Kysymykseen vastaamatta jättäneet")
    mean: float | None = Field(..., description="Keskiarvo (asteikko- ja lukukysymykset)")
    median: float | None = Field(..., description="Mediaani (asteikkokysymykset)")
    suppressed: bool = Field(..., description="Kysymyksen lukuja on piilotettu")
    options: list[OptionOut]
    texts: list[str] = Field(
        default_factory=list,
        description="Vapaat vastaukset aakkosjärjestyksessä: vain kyselyn hallinnoijille ja vain "
        "vapaan tekstin kysymyksissä; muuten kenttää ei ole. Tyhjä, kun ryhmä on liian pieni.",
    )


class WaveResultsOut(Schema):
    survey: SurveyRef
    wave: WaveRef
    filters: FiltersOut
    threshold: int = Field(..., description="Tätä pienemmät luvut piilotetaan")
    respondents: int | None = Field(..., description="Vastaajat; null: ryhmä on liian pieni")
    suppressed: bool = Field(..., description="Koko ryhmä on piilotettu (liian vähän vastaajia)")
    items: list[ItemOut]


class OptionSideOut(Schema):
    count: int | None
    percent: float | None
    suppressed: bool


class OptionChangeOut(Schema):
    key: str
    label: str
    before: OptionSideOut
    after: OptionSideOut
    difference: float | None = Field(..., description="Osuuden muutos, prosenttiyksikköä")
    ci_low: float | None = Field(..., description="95 %:n väli (Newcombe), alaraja")
    ci_high: float | None = Field(..., description="95 %:n väli (Newcombe), yläraja")
    reading: str
    suppressed: bool


class PairedOut(Schema):
    n_pairs: int = Field(..., description="Molempiin kierroksiin vastanneet parit")
    n_changed: int | None = Field(..., description="Parit, joiden vastaus muuttui")
    statistic: float | None = Field(..., description="Wilcoxonin testisuure (Pratt)")
    p_value: float | None
    p_adjusted: float | None = Field(..., description="Holmin korjaama p-arvo")
    rank_biserial: float | None = Field(..., description="Vaikutuksen koko; > 0: arvo nousi")
    median_difference: float | None = Field(..., description="Muutosten mediaani (jälkeen − ennen)")
    suppressed: bool


class ItemChangeOut(Schema):
    key: str
    text: str
    type: ItemType
    before: ItemOut
    after: ItemOut
    paired: PairedOut | None = Field(
        ..., description="Parivertailu (asteikkokysymykset); null: pareja liian vähän"
    )
    reading: str = Field(..., description="Parivertailun tulos sanoin (asteikkokysymykset)")
    options: list[OptionChangeOut] = Field(..., description="Valintakysymysten vaihtoehdot")
    suppressed: bool = Field(..., description="Jokin kysymyksen luvuista on piilotettu")


class ComparedWaveOut(WaveRef):
    respondents: int | None
    suppressed: bool


class ComparisonOut(Schema):
    survey: SurveyRef
    from_: ComparedWaveOut = Field(..., alias="from")
    to: ComparedWaveOut
    filters: FiltersOut
    threshold: int = Field(..., description="Tätä pienemmät luvut piilotetaan")
    n_pairs: int | None = Field(..., description="Parivastaajat; null: piilotettu")
    suppressed: bool = Field(..., description="`n_pairs` on piilotettu")
    items: list[ItemChangeOut]


def _round(value: float | None, decimals: int) -> float | None:
    return None if value is None else round(value, decimals)


def _option(option: results.OptionFigure) -> dict[str, Any]:
    low, high = option.interval or (None, None)
    return {
        "key": option.key,
        "label": option.label,
        "count": option.count,
        "percent": _round(option.percent, 1),
        "ci_low": _round(low, 1),
        "ci_high": _round(high, 1),
        "suppressed": option.suppressed,
    }


def _item(item: results.ItemFigures, *, with_texts: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {
        "key": item.key,
        "text": item.text,
        "type": item.type,
        "answered": item.answered,
        "missing": item.missing,
        "mean": _round(item.mean, 2),
        "median": _round(item.median, 2),
        "suppressed": item.suppressed,
        "options": [_option(option) for option in item.options],
    }
    if with_texts and item.type == ItemType.TEXT:
        out["texts"] = item.texts
    return out


def _survey_ref(survey: Survey) -> dict[str, Any]:
    return {"id": survey.pk, "title": survey.title}


def _wave_results_out(figures: results.WaveFigures, *, with_texts: bool) -> dict[str, Any]:
    return {
        "survey": _survey_ref(figures.wave.survey),
        "wave": {"key": figures.wave.key, "label": figures.wave.label},
        "filters": figures.filters.as_dict(),
        "threshold": figures.threshold,
        "respondents": figures.respondents,
        "suppressed": figures.suppressed,
        "items": [_item(item, with_texts=with_texts) for item in figures.items],
    }


def _side(option: results.OptionFigure) -> dict[str, Any]:
    return {
        "count": option.count,
        "percent": _round(option.percent, 1),
        "suppressed": option.suppressed,
    }


def _option_change(change: results.OptionChange) -> dict[str, Any]:
    low, high = change.interval or (None, None)
    return {
        "key": change.key,
        "label": change.label,
        "before": _side(change.before),
        "after": _side(change.after),
        "difference": _round(change.difference, 1),
        "ci_low": _round(low, 1),
        "ci_high": _round(high, 1),
        "reading": change.reading,
        "suppressed": change.suppressed,
    }


def _paired(paired: results.PairedFigures | None) -> dict[str, Any] | None:
    if paired is None:
        return None
    return {
        "n_pairs": paired.n_pairs,
        "n_changed": paired.n_changed,
        "statistic": paired.statistic,
        "p_value": paired.p_value,
        "p_adjusted": paired.p_adjusted,
        "rank_biserial": paired.rank_biserial,
        "median_difference": paired.median_difference,
        "suppressed": paired.n_changed is None,
    }


def _item_change(change: results.ItemChange) -> dict[str, Any]:
    options = [_option_change(option) for option in change.options]
    paired = _paired(change.paired)
    return {
        "key": change.key,
        "text": change.text,
        "type": change.type,
        "before": _item(change.before),
        "after": _item(change.after),
        "paired": paired,
        "reading": change.reading,
        "options": options,
        "suppressed": change.before.suppressed
        or change.after.suppressed
        or any(option["suppressed"] for option in options)
        or bool(paired and paired["suppressed"]),
    }


def _compared_wave(figures: results.WaveFigures) -> dict[str, Any]:
    return {
        "key": figures.wave.key,
        "label": figures.wave.label,
        "respondents": figures.respondents,
        "suppressed": figures.suppressed,
    }


def _comparison_out(result: results.Comparison) -> dict[str, Any]:
    return {
        "survey": _survey_ref(result.before.wave.survey),
        "from": _compared_wave(result.before),
        "to": _compared_wave(result.after),
        "filters": result.before.filters.as_dict(),
        "threshold": result.before.threshold,
        "n_pairs": result.n_pairs,
        "suppressed": result.n_pairs is None,
        "items": [_item_change(item) for item in result.items],
    }


# --- Results: what comes in -----------------------------------------------------------------

WAVE_KEY_LENGTH = 40  # Wave.key


class SubgroupQuery(Schema):
    municipality: str | None = Field(
        None, pattern=MUNICIPALITY_CODE, description="Vastaajan kunnan kolminumeroinen koodi"
    )
    age_group: AgeGroup | None = Field(None, description="Vastaajan ikäryhmä")
    gender: Gender | None = Field(None, description="Vastaajan sukupuoli")


class ResultsQuery(SubgroupQuery):
    wave: str | None = Field(
        None,
        description="Kierroksen tunniste; oletus: ensimmäinen",
        pattern=SLUG,
        max_length=WAVE_KEY_LENGTH,
    )


class ComparisonQuery(SubgroupQuery):
    from_: str | None = Field(
        None,
        alias="from",
        description="Aiempi kierros; oletus: ensimmäinen",
        pattern=SLUG,
        max_length=WAVE_KEY_LENGTH,
    )
    to: str | None = Field(
        None,
        description="Myöhempi kierros; oletus: viimeinen",
        pattern=SLUG,
        max_length=WAVE_KEY_LENGTH,
    )


def _callers_language(request: HttpRequest) -> translation.override:
    """For the 422 messages, as the API's handler does for pydantic's; the figures and labels
    stay in the API's language like the rest of the API."""
    return translation.override(translation.get_language_from_request(request))


def _invalid(field: str, error_type: str, message: str, **ctx: str) -> ValidationError:
    """A 422 like pydantic's (the API's handler words ``enum`` errors itself)."""
    error: dict[str, Any] = {"type": error_type, "loc": ["query", field], "msg": message}
    return ValidationError([error | {"ctx": ctx}] if ctx else [error])


def _wave(waves: list[Wave], key: str | None, field: str, *, default: Wave) -> Wave:
    if key is None:
        return default
    wave = next((wave for wave in waves if wave.key == key), None)
    if wave is None:
        expected = ", ".join(f"'{wave.key}'" for wave in waves)
        raise _invalid(field, "enum", f"Input should be {expected}", expected=expected)
    return wave


def _results_choice(survey: Survey, query: ResultsQuery) -> tuple[Wave, results.Filters]:
    waves = list(survey.waves.all())
    if not waves:
        raise _invalid("wave", "no_waves", _("Kyselyllä ei ole vielä kierroksia."))
    return _wave(waves, query.wave, "wave", default=waves[0]), _filters(query)


def _comparison_choice(
    survey: Survey, query: ComparisonQuery
) -> tuple[Wave, Wave, results.Filters]:
    waves = list(survey.waves.all())
    pair = results.default_pair(waves)
    if pair is None:
        raise _invalid(
            "from",
            "too_few_waves",
            _("Vertailuun tarvitaan kaksi kierrosta, kyselyssä on yksi.")
            if waves
            else _("Vertailuun tarvitaan kaksi kierrosta, kyselyssä ei ole yhtään."),
        )
    before = _wave(waves, query.from_, "from", default=pair[0])
    after = _wave(waves, query.to, "to", default=pair[1])
    if before == after:
        raise _invalid("to", "same_wave", _("Valitse vertailuun kaksi eri kierrosta."))
    return before, after, _filters(query)


def _filters(query: SubgroupQuery) -> results.Filters:
    if query.municipality and not Municipality.objects.filter(code=query.municipality).exists():
        message = _("tuntematon kuntanumero ”%(code)s”") % {"code": query.municipality}
        raise _invalid("municipality", "unknown_municipality", message[:1].upper() + message[1:])
    return results.Filters(
        municipality=query.municipality or "",
        age_group=query.age_group or "",
        gender=query.gender or "",
    )


FIGURES_DESCRIPTION = (
    "Jokainen luku on kulkenut pienten lukujen suojauksen läpi: luku, joka kuvaisi alle "
    "`threshold` ihmistä (tai josta sellaisen voisi laskea), on `null`, ja sen sisältävällä "
    'oliolla on `"suppressed": true`. Jos koko ryhmässä on liian vähän vastaajia, '
    "`respondents` on null ja kaikki luvut ovat null. Osuudet ja luottamusvälit ovat "
    "prosentteja yhdellä desimaalilla, keskiarvot ja mediaanit kahdella. Rajaukset "
    "`municipality`, `age_group` ja `gender` valitsevat vastaajien alaryhmän."
)


@router.get(
    "/surveys/{survey_id}/results",
    response={200: WaveResultsOut, **UNAUTHORIZED, **NOT_FOUND, **INVALID},
    auth=OPTIONAL_AUTH,
    openapi_extra=OPTIONAL_SECURITY,
    exclude_unset=True,
    summary="Kyselyn tulokset",
    description="Yhden kierroksen (`wave`, oletuksena ensimmäinen) tulokset kysymyksittäin: "
    "vastanneet, vastaamatta jättäneet, vaihtoehtojen määrät ja osuudet 95 %:n "
    "luottamusväleineen (Wilson) sekä asteikkokysymysten keskiarvo ja mediaani. "
    + FIGURES_DESCRIPTION
    + " Vapaat vastaukset (`texts`) näkyvät vain kyselyn hallinnoijille (hankkeen "
    "pääkäyttäjät, kyselyn kunnan koordinaattorit), eivät koskaan pienestä ryhmästä. "
    "422: tuntematon kierros, ikäryhmä, sukupuoli tai kunta. Pääsy kuten kyselyyn.",
)
def get_survey_results(request, survey_id: SurveyId, query: Query[ResultsQuery]):
    survey = _survey(request, survey_id)
    with _callers_language(request):
        wave, filters = _results_choice(survey, query)
    with_texts = selectors.surveys_managed_by(caller(request)).filter(pk=survey.pk).exists()
    figures = results.wave_results(wave, filters, with_texts=with_texts)
    return _wave_results_out(figures, with_texts=with_texts)


@router.get(
    "/surveys/{survey_id}/comparison",
    response={200: ComparisonOut, **UNAUTHORIZED, **NOT_FOUND, **INVALID},
    auth=OPTIONAL_AUTH,
    openapi_extra=OPTIONAL_SECURITY,
    by_alias=True,
    exclude_unset=True,
    summary="Kyselyn alku- ja loppumittauksen vertailu",
    description="Kahden kierroksen (`from`, `to`; oletuksena ensimmäinen ja viimeinen) "
    "vertailu. Kummankin kierroksen luvut kysymyksittäin (`before`, `after`) kuten "
    "tuloksissa. Asteikkokysymyksistä parivertailu (`paired`) niistä, jotka vastasivat "
    "samalla koodilla molemmilla kierroksilla: Wilcoxonin testi (Pratt), p-arvo ja Holmin "
    "korjaama p-arvo kysymysten yli, rank-biserial-vaikutuksen koko ja muutosten mediaani; "
    "null, jos pareja on liian vähän. Valintakysymyksistä jokaisen vaihtoehdon osuuden muutos "
    "prosenttiyksikköinä 95 %:n välein (Newcombe). `reading` kertoo tuloksen sanoin. "
    "Alaryhmärajaus koskee molempia kierroksia; pareissa ratkaisee aiemman vastauksen "
    "taustatieto. "
    + FIGURES_DESCRIPTION
    + " 422: tuntematon kierros, ikäryhmä, sukupuoli tai kunta, sama kierros kahdesti tai "
    "kyselyssä alle kaksi kierrosta. Pääsy kuten kyselyyn.",
)
def get_survey_comparison(request, survey_id: SurveyId, query: Query[ComparisonQuery]):
    survey = _survey(request, survey_id)
    with _callers_language(request):
        before, after, filters = _comparison_choice(survey, query)
    return _comparison_out(results.comparison(before, after, filters))
