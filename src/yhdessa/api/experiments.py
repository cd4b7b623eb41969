"""Experiments and their costs: the list, one experiment, and a project's costs by municipality.

Every figure comes from :mod:`yhdessa.experiments.costs` (the cost model) and
:mod:`yhdessa.experiments.participants` (who took part); this module only chooses what each
caller sees and writes it out.

* Money is a decimal string with two decimals ("1625.75"), rounded half up from the exact
  ``Decimal`` figure, so that no binary float changes a cent; shares are percentages as
  decimal strings with two decimals.
* Participant counts are about people. The staff of an experiment
  (:func:`~yhdessa.experiments.selectors.experiments_for_staff`) see them exactly; anyone else
  sees them through the small-number function: a hidden count is ``null`` and the object that
  holds it says ``"suppressed": true``. A cost per participant of a hidden group is hidden too
  (total cost / cost per participant would give the count back). The counts of one project are
  protected together: a municipality with a hidden experiment is hidden in the project's table,
  and a municipality hidden there hides its experiments, so that no published sum gives back a
  hidden count.
* Cost lines and the explanation of each (``why``) are for the experiment's staff only.

Who gets what: experiments of public projects answer everyone; others answer their staff,
401 to a caller without credentials and 404 to other signed-in users (as surveys do).
"""

import datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Annotated, Any

from django.contrib.auth.models import AnonymousUser
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from ninja import Field, Path, Query, Router, Schema
from ninja.errors import AuthenticationError, HttpError
from ninja.pagination import paginate

from yhdessa.accounts.models import Membership, User
from yhdessa.api.auth import OPTIONAL_AUTH, OPTIONAL_SECURITY, UNAUTHORIZED, caller
from yhdessa.api.pagination import BoundedPagination
from yhdessa.api.schemas import INVALID, NOT_FOUND, Message
from yhdessa.core.disclosure import min_cell_size, protect_counts
from yhdessa.experiments import costs, figures
from yhdessa.experiments.costs import ExperimentFigures
from yhdessa.experiments.models import (
    CostKind,
    Decision,
    Experiment,
    ExperimentStatus,
)
from yhdessa.experiments.participants import ParticipantCounts
from yhdessa.experiments.selectors import experiments_for_staff
from yhdessa.projects.models import Project

router = Router(tags=["experiments"])

MAX_ID = 2**63 - 1
ExperimentId = Annotated[int, Path(ge=1, le=MAX_ID, description="Kokeilun tunniste")]
SLUG = r"^[-a-zA-Z0-9_]+$"
ProjectSlug = Annotated[str, Path(pattern=SLUG, max_length=100, description="Hankkeen tunniste")]
CENT = Decimal("0.01")
CONFLICT = {409: Message}


def money(value: Decimal | None) -> str | None:
    """ "1625.75": a Decimal rounded half up to cents, as a string."""
    if value is None:
        return None
    return str(value.quantize(CENT, rounding=ROUND_HALF_UP))


def _loaded(experiments: QuerySet[Experiment]) -> QuerySet[Experiment]:
    return experiments.select_related("municipality", "project").prefetch_related("cost_lines")


# --- Experiments: what goes out -------------------------------------------------------------

MONEY = "Euroina, merkkijono kahdella desimaalilla (esim. `1625.75`)"


class MunicipalityRef(Schema):
    code: str = Field(..., description="Kunnan kolminumeroinen koodi")
    name: str


class ExperimentOut(Schema):
    id: int
    title: str
    project: str = Field(..., description="Hankkeen tunniste")
    municipality: MunicipalityRef
    starts_on: datetime.date | None
    ends_on: datetime.date | None
    status: ExperimentStatus
    decision: Decision | None = Field(..., description="Päätös, kun kokeilu on päätetty")
    participants: int | None = Field(
        ..., description="Osallistujat yhteensä; null: piilotettu (pieni luku)"
    )
    suppressed: bool = Field(..., description="Osallistujamäärä on piilotettu")
    total_cost: str | None = Field(
        ..., description=f"Kokonaiskustannus. {MONEY}. null: parametri puuttuu"
    )
    cost_per_participant: str | None = Field(
        ...,
        description=f"Kustannus osallistujaa kohti. {MONEY}. null: ei osallistujia, "
        "osallistujamäärä on piilotettu tai parametri puuttuu",
    )
    cost_error: str | None = Field(
        ..., description="Miksi kustannuksia ei voi laskea (puuttuva parametri)"
    )


class ParticipantsOut(Schema):
    registered_present: int | None = Field(
        ..., description="Tapaamisissa paikalla olleet ilmoittautuneet, kukin kerran"
    )
    walk_ins: int | None = Field(..., description="Ilmoittautumatta tulleet")
    headcounts: int | None = Field(..., description="Nimettömät osallistujamäärät")
    total: int | None
    suppressed: bool


class KindTotalOut(Schema):
    kind: CostKind
    label: str
    total: str = Field(..., description=MONEY)


class ParameterOut(Schema):
    kind: str
    year: int
    value: str = Field(..., description="Parametrin arvo sellaisenaan (desimaalimerkkijono)")
    unit: str
    source: str
    url: str
    job_title: str
    divisor_name: str
    citation: str


class WhyOut(Schema):
    formula: str = Field(..., description="Kaava sanoin")
    calculation: str = Field(..., description="Kaava luvuin")
    parameters: list[ParameterOut] = Field(..., description="Käytetyt parametrit lähteineen")
    explanation: str = Field(..., description="Kaikki edellinen tekstinä, rivi kerrallaan")


class HourRateOut(Schema):
    value: str | None = Field(..., description=f"Tuntihinta tai tunnin arvo. {MONEY}")
    why: WhyOut


class CostLineOut(Schema):
    id: int
    kind: CostKind
    description: str
    job_title: str
    hours: str | None
    year: int | None
    amount: str | None = Field(..., description=MONEY)
    value: str = Field(..., description=f"Rivin kustannus. {MONEY}")
    why: WhyOut = Field(..., description="Miten rivin kustannus on laskettu")
    hour_rate: HourRateOut | None = Field(..., description="Työaikarivien tuntihinta")


class ExperimentDetailOut(ExperimentOut):
    description: str
    participant_breakdown: ParticipantsOut
    costs_by_kind: list[KindTotalOut] = Field(
        ..., description="Kustannukset lajeittain; tyhjä, jos parametri puuttuu"
    )
    cost_lines: list[CostLineOut] | None = Field(
        ...,
        description="Kustannusrivit laskelmineen: vain kokeilun henkilöstölle (hankkeen jäsenet "
        "ja kokeilukunnan koordinaattorit); muille null.",
    )


def _why(figure: costs.Figure) -> dict[str, Any]:
    return {
        "formula": str(figure.formula),
        "calculation": str(figure.calculation),
        "parameters": [
            {
                "kind": parameter.kind,
                "year": parameter.year,
                "value": str(parameter.value),
                "unit": parameter.unit,
                "source": parameter.source,
                "url": parameter.url,
                "job_title": parameter.job_title,
                "divisor_name": parameter.divisor_name,
                "citation": parameter.citation(),
            }
            for parameter in figure.parameters
        ],
        "explanation": figure.explanation(),
    }


def _line(cost: costs.LineCost) -> dict[str, Any]:
    line = cost.line
    rate = cost.hour_rate
    return {
        "id": line.id,
        "kind": line.kind,
        "description": line.description,
        "job_title": line.job_title,
        "hours": None if line.hours is None else str(line.hours),
        "year": line.year,
        "amount": money(line.amount),
        "value": money(cost.value),
        "why": _why(cost.total),
        "hour_rate": None if rate is None else {"value": money(rate.value), "why": _why(rate)},
    }


def _experiment_out(item: ExperimentFigures, shown: int | None, *, exact: bool) -> dict[str, Any]:
    experiment = item.experiment
    participants = item.participants.total if exact else shown
    per_participant = None
    if item.costs is not None and participants is not None:
        per_participant = money(item.costs.per_participant.value)
    return {
        "id": experiment.pk,
        "title": experiment.title,
        "project": experiment.project.slug,
        "municipality": {
            "code": experiment.municipality.code,
            "name": experiment.municipality.name,
        },
        "starts_on": experiment.starts_on,
        "ends_on": experiment.ends_on,
        "status": experiment.status,
        "decision": experiment.decision or None,
        "participants": participants,
        "suppressed": participants is None,
        "total_cost": None if item.costs is None else money(item.costs.total),
        "cost_per_participant": per_participant,
        "cost_error": item.error,
    }


def _breakdown(counts: ParticipantCounts, *, exact: bool, hidden: bool) -> dict[str, Any]:
    cells = {
        "registered_present": counts.registered_present,
        "walk_ins": counts.walk_ins,
        "headcounts": counts.headcounts,
    }
    if exact:
        return cells | {"total": counts.total, "suppressed": False}
    if hidden:
        return dict.fromkeys([*cells, "total"]) | {"suppressed": counts.total > 0}
    table = protect_counts(cells)
    return table.cells | {"total": table.total, "suppressed": table.suppressed}


class _Page:
    """The experiments of a page, computed when the paginator slices them (so the figures of
    only that page's experiments are loaded, in a fixed number of queries)."""

    def __init__(self, experiments: QuerySet[Experiment], user: User | AnonymousUser) -> None:
        self.experiments = experiments
        self.user = user

    def __len__(self) -> int:
        return self.experiments.count()

    def __getitem__(self, window: slice) -> list[dict[str, Any]]:
        page = list(_loaded(self.experiments)[window])
        return [
            _experiment_out(view.figures, view.participants, exact=view.exact)
            for view in figures.experiment_views(self.user, page)
        ]


class ExperimentFilter(Schema):
    project: Annotated[str | None, Field(None, pattern=SLUG, max_length=100)] = None


PROTECTION = (
    "Osallistujamäärät ovat ihmisten lukumääriä: kokeilun henkilöstö (hankkeen jäsenet ja "
    "kokeilukunnan koordinaattorit) näkee ne tarkkoina, muille ne kulkevat pienten lukujen "
    'suojauksen läpi (piilotettu luku on null ja `"suppressed": true`), ja piilotetun ryhmän '
    "kustannus osallistujaa kohti on myös null. Rahamäärät ovat merkkijonoja kahdella "
    'desimaalilla ("1625.75"), jotta Decimal-luvut säilyvät sentilleen.'
)


@router.get(
    "/experiments/",
    response={200: list[ExperimentOut], **UNAUTHORIZED, **NOT_FOUND, **INVALID},
    auth=OPTIONAL_AUTH,
    openapi_extra=OPTIONAL_SECURITY,
    summary="Kehittämiskokeilut",
    description="Julkisten hankkeiden kokeilut kaikille ja lisäksi kirjautuneelle (istunto "
    "tai `Authorization: Bearer`) ne, joiden henkilöstöä hän on. `project` rajaa yhden "
    "hankkeen kokeiluihin; tuntematon hanke on 404. " + PROTECTION,
)
@paginate(BoundedPagination)
def list_experiments(request, filters: Query[ExperimentFilter]):
    user = caller(request)
    experiments = figures.visible_experiments(user)
    if filters.project:
        if not experiments.filter(project__slug=filters.project).exists():
            project = Project.objects.filter(slug=filters.project, is_public=True).first()
            if project is None and not _member_of(user, filters.project):
                raise HttpError(404, _("Hanketta ei löytynyt."))
        experiments = experiments.filter(project__slug=filters.project)
    return _Page(
        experiments.order_by("project__slug", "municipality__name", "starts_on", "pk"), user
    )


def _member_of(user: User | AnonymousUser, slug: str) -> bool:
    if not user.is_authenticated:
        return False
    return (
        bool(user.is_superuser) or Membership.objects.filter(user=user, project__slug=slug).exists()
    )


@router.get(
    "/experiments/{experiment_id}",
    response={200: ExperimentDetailOut, **UNAUTHORIZED, **NOT_FOUND, **INVALID},
    auth=OPTIONAL_AUTH,
    openapi_extra=OPTIONAL_SECURITY,
    summary="Kehittämiskokeilu",
    description="Kokeilu kuten listassa ja lisäksi osallistujat eriteltyinä (paikalla olleet "
    "ilmoittautuneet, ilmoittautumatta tulleet, nimettömät määrät), kustannukset lajeittain "
    "ja — vain kokeilun henkilöstölle — kustannusrivit: kunkin rivin kustannus ja `why`, "
    "kaava ja käytetyt parametrit lähteineen. Muille `cost_lines` on null. "
    + PROTECTION
    + " Julkisen hankkeen kokeilun saa kuka tahansa; muun ilman tunnistautumista 401 "
    "(vaikka kokeilua ei olisi), kirjautuneelle 404.",
)
def get_experiment(request, experiment_id: ExperimentId):
    user = caller(request)
    experiment = _loaded(figures.visible_experiments(user).filter(pk=experiment_id)).first()
    if experiment is None:
        if not user.is_authenticated:
            raise AuthenticationError(message=_("Kirjaudu sisään tai anna API-avain."))
        raise HttpError(404, _("Kokeilua ei löytynyt."))
    (view,) = figures.experiment_views(user, [experiment])
    item, shown, exact = view.figures, view.participants, view.exact
    out = _experiment_out(item, shown, exact=exact)
    by_kind = item.costs.by_kind if item.costs is not None else {}
    return out | {
        "description": experiment.description,
        "participant_breakdown": _breakdown(
            item.participants, exact=exact, hidden=not exact and shown is None
        ),
        "costs_by_kind": _kinds(by_kind),
        "cost_lines": [_line(cost) for cost in item.costs.lines]
        if exact and item.costs is not None
        else ([] if exact else None),
    }


# --- A project's costs ----------------------------------------------------------------------


class MunicipalityCostsOut(Schema):
    municipality: MunicipalityRef
    experiments: int
    participants: int | None = Field(..., description="null: piilotettu (pieni luku)")
    suppressed: bool
    total_cost: str = Field(..., description=MONEY)
    cost_per_participant: str | None = Field(
        ..., description=f"{MONEY}. null: ei osallistujia tai osallistujamäärä piilotettu"
    )
    cost_share_pct: str | None = Field(
        ..., description="Osuus hankkeen kustannuksista, % (kaksi desimaalia)"
    )
    participant_share_pct: str | None = Field(
        ..., description="Osuus hankkeen osallistujista, % (kaksi desimaalia); null: piilotettu"
    )
    costs_by_kind: list[KindTotalOut]


class ProjectTotalsOut(Schema):
    experiments: int
    participants: int | None
    suppressed: bool
    total_cost: str = Field(..., description=MONEY)
    pooled_cost_per_participant: str | None = Field(
        ...,
        description=f"Hankkeen kokonaiskustannus / kaikki osallistujat. {MONEY}",
    )
    mean_of_municipal_costs_per_participant: str | None = Field(
        ...,
        description="Kuntien osallistujakohtaisten kustannusten painottamaton keskiarvo "
        f"(kuten hankkeen raportissa). {MONEY}. null, jos jonkin kunnan luku on piilotettu",
    )
    costs_by_kind: list[KindTotalOut]


class ProjectCostsOut(Schema):
    project: str
    min_cell_size: int = Field(..., description="Tätä pienemmät osallistujamäärät piilotetaan")
    exact: bool = Field(..., description="Kutsuja näkee osallistujamäärät tarkkoina")
    municipalities: list[MunicipalityCostsOut]
    totals: ProjectTotalsOut


def _kinds(by_kind: dict[str, Decimal] | Any) -> list[dict[str, Any]]:
    return [
        {"kind": kind, "label": str(CostKind(kind).label), "total": money(value)}
        for kind, value in by_kind.items()
    ]


@router.get(
    "/projects/{slug}/costs",
    response={200: ProjectCostsOut, **UNAUTHORIZED, **NOT_FOUND, **CONFLICT, **INVALID},
    auth=OPTIONAL_AUTH,
    openapi_extra=OPTIONAL_SECURITY,
    summary="Hankkeen kokeilujen kustannukset kunnittain",
    description="Kunnittain osallistujat, kokonaiskustannus, kustannus osallistujaa kohti, "
    "osuus kustannuksista ja osuus osallistujista (%), sekä hankkeen yhteissummat: "
    "`pooled_cost_per_participant` = kokonaiskustannus / kaikki osallistujat ja "
    "`mean_of_municipal_costs_per_participant` = kuntien lukujen painottamaton keskiarvo. "
    "Julkisen hankkeen luvut saa kuka tahansa; osallistujamäärät näkee tarkkoina se, joka "
    "on hankkeen kaikkien kokeilujen henkilöstöä, muille ne kulkevat pienten lukujen "
    "suojauksen läpi (ja sen lisäksi niin monta muuta, ettei piilotettua voi laskea "
    "summista); piilotetun kunnan kustannus osallistujaa kohti ja osuus osallistujista ovat "
    "null, samoin keskiarvo. Muun kuin julkisen hankkeen luvut näkee vain sen henkilöstö "
    "(omista kokeiluistaan). Tuntematon hanke on 404. 409: jonkin kokeilun kustannuksia ei voi "
    "laskea, koska parametri puuttuu. Rahamäärät ja prosentit ovat merkkijonoja kahdella "
    'desimaalilla ("1625.75").',
)
def get_project_costs(request, slug: ProjectSlug):
    user = caller(request)
    project = Project.objects.filter(slug=slug).first()
    if project is None:
        raise HttpError(404, _("Hanketta ei löytynyt."))
    if not project.is_public and not (
        _member_of(user, slug) or experiments_for_staff(user).filter(project=project).exists()
    ):
        raise HttpError(404, _("Hanketta ei löytynyt."))
    table = figures.project_costs_for(user, project.pk, is_public=project.is_public)
    if table.errors:
        failed = table.errors[0]
        message = _("Kokeilun ”%(title)s” kustannuksia ei voi laskea: %(error)s") % {
            "title": failed.experiment.title,
            "error": failed.error,
        }
        raise HttpError(409, message)
    return _project_costs_out(project, table)


def _project_costs_out(project: Project, table: figures.ProjectCostTable) -> dict[str, Any]:
    total = table.table.total
    return {
        "project": project.slug,
        "min_cell_size": min_cell_size(),
        "exact": table.exact,
        "municipalities": [
            {
                "municipality": {"code": row.municipality.code, "name": row.municipality.name},
                "experiments": row.summary.experiments,
                "participants": row.participants,
                "suppressed": row.suppressed,
                "total_cost": money(row.summary.total_cost),
                "cost_per_participant": money(row.cost_per_participant),
                "cost_share_pct": money(row.cost_share_pct),
                "participant_share_pct": money(row.participant_share_pct),
                "costs_by_kind": _kinds(row.summary.by_kind),
            }
            for row in table.rows
        ],
        "totals": {
            "experiments": total.experiments,
            "participants": table.participants,
            "suppressed": table.suppressed,
            "total_cost": money(total.total_cost),
            "pooled_cost_per_participant": money(table.pooled_cost_per_participant),
            "mean_of_municipal_costs_per_participant": money(
                table.mean_of_municipal_costs_per_participant
            ),
            "costs_by_kind": _kinds(total.by_kind),
        },
    }
