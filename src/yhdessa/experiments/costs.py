"""The cost model of experiments: plain ``Decimal`` arithmetic that explains itself.

* staff hour cost = monthly wage (job title, year) × (1 + side-cost % (year) / 100) / divisor
* volunteer hour value in year Y = base value × index(Y) / index(base year)
* purchase = amount, plus VAT when the amount excludes it; in-kind = its value

Wages, side-cost percentages and index values are annual statistics and must exist for the
line's own year. A monthly hours divisor holds from its year on, and a volunteer hour value is
raised from the latest base year at or before the line's year. A missing one raises
:class:`MissingParameter` naming it.

Nothing here rounds: every figure keeps the precision of ``Decimal`` arithmetic, and
:func:`money` rounds to cents only for display. The formulas take a :class:`ParameterSet` and
:class:`LineData`, so they are tested without a database; the functions at the end load them
(``parameters_for_projects``, ``costs_for_experiments``) in a fixed number of queries. A
decided experiment is computed from the snapshot of the parameters it used
(``ParameterSet.from_snapshot``), never from the project's current parameters.
"""

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from yhdessa.experiments.models import CostKind, DivisorName, ParameterKind, VatTreatment

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from yhdessa.experiments.models import CostLine, Experiment
    from yhdessa.experiments.participants import ParticipantCounts

ZERO = Decimal(0)
HUNDRED = Decimal(100)
CENT = Decimal("0.01")
NBSP = "\u00a0"


# Display ------------------------------------------------------------------------------------


def money(value: Decimal | None) -> str:
    """Euros as the active language writes them, rounded half up to cents: "3 040,00 €"."""
    if value is None:
        return "–"
    rounded = value.quantize(CENT, rounding=ROUND_HALF_UP)
    return f"{number_format(rounded, 2, force_grouping=True)}{NBSP}€"


def number(value: Decimal) -> str:
    """A parameter as given, without trailing zeros: "24,5", "3 393", "163"."""
    normalised = value.normalize()
    if normalised == normalised.to_integral_value():
        normalised = normalised.quantize(Decimal(1))
    return number_format(normalised, force_grouping=True)


def percent(value: Decimal) -> str:
    return f"{number(value)}{NBSP}%"


def hours(value: Decimal) -> str:
    return f"{number(value)}{NBSP}h"


# Parameters ---------------------------------------------------------------------------------


class MissingParameter(ValidationError):
    """A figure cannot be computed: the parameter it needs is not set."""

    def __init__(self, message: str) -> None:
        super().__init__(message, code="missing_parameter")


@dataclass(frozen=True)
class Parameter:
    kind: str
    year: int
    value: Decimal
    unit: str = ""
    source: str = ""
    url: str = ""
    job_title: str = ""
    divisor_name: str = ""
    #: Where the value came from: ``p<id>`` for a stored parameter (the snapshot key).
    ref: str = ""

    @property
    def key(self) -> tuple[str, int, str, str]:
        return (self.kind, self.year, _normal(self.job_title), self.divisor_name)

    @property
    def snapshot_key(self) -> str:
        return self.ref or "{}:{}:{}:{}".format(*self.key)

    def label(self) -> str:
        name = str(ParameterKind(self.kind).label)
        if self.job_title:
            return f"{name} ({self.job_title})"
        if self.divisor_name:
            return f"{name} ({DivisorName(self.divisor_name).label})"
        return name

    def shown(self) -> str:
        """The value with its unit, as in a formula."""
        if self.kind in (ParameterKind.MONTHLY_WAGE, ParameterKind.VOLUNTEER_HOUR_VALUE):
            return money(self.value)
        if self.kind == ParameterKind.EMPLOYER_SIDE_COST_PCT:
            return percent(self.value)
        if self.kind == ParameterKind.MONTHLY_HOURS_DIVISOR:
            return hours(self.value)
        return number(self.value)

    def citation(self) -> str:
        """ "Kuukausipalkka (sosiaaliohjaaja) 2021: 3 040 €/kk (Tilastokeskus)"."""
        text = f"{self.label()} {self.year}: {number(self.value)} {self.unit}".rstrip()
        if self.source:
            text += f" ({self.source})"
        return text

    def to_snapshot(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "year": self.year,
            "value": str(self.value),
            "unit": self.unit,
            "source": self.source,
            "url": self.url,
            "job_title": self.job_title,
            "divisor_name": self.divisor_name,
        }


def _normal(text: str) -> str:
    return " ".join(text.split()).casefold()


def _missing_exact(kind: str, year: int, job_title: str) -> str:
    if kind == ParameterKind.MONTHLY_WAGE:
        return _("Vuodelle %(year)s ei ole kuukausipalkkaa ammattinimikkeelle %(title)s.") % {
            "year": year,
            "title": job_title,
        }
    if kind == ParameterKind.EMPLOYER_SIDE_COST_PCT:
        return _("Vuodelle %(year)s ei ole työnantajan sivukuluprosenttia.") % {"year": year}
    return _("Vuodelle %(year)s ei ole ansiotasoindeksiä.") % {"year": year}


def _missing_in_force(kind: str, year: int, divisor_name: str) -> str:
    if kind == ParameterKind.MONTHLY_HOURS_DIVISOR:
        return _(
            "Tuntijakajaa (%(name)s) ei ole vuodelle %(year)s eikä sitä aiemmille vuosille."
        ) % {
            "name": DivisorName(divisor_name).label,
            "year": year,
        }
    return _(
        "Vapaaehtoistyön tunnin arvoa ei ole vuodelle %(year)s eikä sitä aiemmille vuosille."
    ) % {"year": year}


class ParameterSet:
    """The parameters a calculation may use, looked up without a database."""

    def __init__(self, parameters: Iterable[Parameter] = ()) -> None:
        self._by_key = {parameter.key: parameter for parameter in parameters}

    def __iter__(self) -> Iterator[Parameter]:
        return iter(self._by_key.values())

    def __len__(self) -> int:
        return len(self._by_key)

    def exact(self, kind: str, year: int, *, job_title: str = "") -> Parameter:
        """An annual statistic of exactly this year."""
        found = self._by_key.get((kind, year, _normal(job_title), ""))
        if found is None:
            raise MissingParameter(_missing_exact(kind, year, job_title))
        return found

    def in_force(self, kind: str, year: int, *, divisor_name: str = "") -> Parameter:
        """The latest value of this kind set for ``year`` or an earlier year."""
        candidates = [
            parameter
            for parameter in self._by_key.values()
            if parameter.kind == kind
            and parameter.divisor_name == divisor_name
            and parameter.year <= year
        ]
        if not candidates:
            raise MissingParameter(_missing_in_force(kind, year, divisor_name))
        return max(candidates, key=lambda parameter: parameter.year)

    @classmethod
    def from_snapshot(cls, snapshot: Mapping[str, Mapping[str, Any]]) -> "ParameterSet":
        """The parameters frozen with a decided experiment (``Experiment.frozen_parameters``)."""
        return cls(
            Parameter(
                kind=data["kind"],
                year=int(data["year"]),
                value=Decimal(data["value"]),
                unit=data.get("unit", ""),
                source=data.get("source", ""),
                url=data.get("url", ""),
                job_title=data.get("job_title", ""),
                divisor_name=data.get("divisor_name", ""),
                ref=ref,
            )
            for ref, data in snapshot.items()
        )


# Figures ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Figure:
    """A computed number and why it is what it is."""

    value: Decimal | None
    #: The formula in words, e.g. "kuukausipalkka × (1 + sivukuluprosentti) / tuntijakaja".
    formula: str
    #: The same with the numbers: "3 040,00 € × (1 + 24,5 %) / 163 h = 23,22 €/h".
    calculation: str
    parameters: tuple[Parameter, ...] = ()

    def explanation(self) -> str:
        lines = [self.formula, self.calculation]
        lines += [parameter.citation() for parameter in self.parameters]
        return "\n".join(line for line in lines if line)


def staff_hour_cost(
    parameters: ParameterSet, *, job_title: str, year: int, divisor_name: str
) -> Figure:
    wage = parameters.exact(ParameterKind.MONTHLY_WAGE, year, job_title=job_title)
    side = parameters.exact(ParameterKind.EMPLOYER_SIDE_COST_PCT, year)
    divisor = parameters.in_force(
        ParameterKind.MONTHLY_HOURS_DIVISOR, year, divisor_name=divisor_name
    )
    value = wage.value * (1 + side.value / HUNDRED) / divisor.value
    return Figure(
        value=value,
        formula=_("Tuntihinta = kuukausipalkka × (1 + sivukuluprosentti) / tuntijakaja"),
        calculation=f"{wage.shown()} × (1 + {side.shown()}) / {divisor.shown()} = {money(value)}/h",
        parameters=(wage, side, divisor),
    )


def volunteer_hour_value(parameters: ParameterSet, *, year: int) -> Figure:
    base = parameters.in_force(ParameterKind.VOLUNTEER_HOUR_VALUE, year)
    index_now = parameters.exact(ParameterKind.EARNINGS_LEVEL_INDEX, year)
    index_base = parameters.exact(ParameterKind.EARNINGS_LEVEL_INDEX, base.year)
    value = base.value * index_now.value / index_base.value
    return Figure(
        value=value,
        formula=_(
            "Tunnin arvo = perusvuoden arvo × ansiotasoindeksi (%(year)s)"
            " / ansiotasoindeksi (%(base_year)s)"
        )
        % {"year": year, "base_year": base.year},
        calculation=f"{base.shown()} × {index_now.shown()} / {index_base.shown()}"
        f" = {money(value)}/h",
        parameters=(base, index_now, index_base),
    )


def purchase_cost(amount: Decimal, vat_treatment: str, vat_pct: Decimal | None) -> Figure:
    if vat_treatment == VatTreatment.EXCLUDED:
        pct = vat_pct if vat_pct is not None else ZERO
        value = amount * (1 + pct / HUNDRED)
        return Figure(
            value=value,
            formula=_("Hinta = veroton summa × (1 + arvonlisävero)"),
            calculation=f"{money(amount)} × (1 + {percent(pct)}) = {money(value)}",
        )
    if vat_treatment == VatTreatment.INCLUDED:
        formula = _("Hinta = summa, joka sisältää arvonlisäveron")
    else:
        formula = _("Hinta = summa (ei arvonlisäveroa)")
    return Figure(value=amount, formula=formula, calculation=money(amount))


@dataclass(frozen=True)
class LineData:
    """What the cost model needs of a cost line (``line_data`` makes one of a ``CostLine``)."""

    kind: str
    description: str = ""
    job_title: str = ""
    hours: Decimal | None = None
    year: int | None = None
    divisor_name: str = DivisorName.GENERAL
    amount: Decimal | None = None
    vat_treatment: str = ""
    vat_pct: Decimal | None = None
    id: int | None = None


@dataclass(frozen=True)
class LineCost:
    line: LineData
    total: Figure
    #: The hour cost or value behind a line of working time.
    hour_rate: Figure | None = None

    @property
    def value(self) -> Decimal:
        return self.total.value if self.total.value is not None else ZERO


def _time_cost(line: LineData, rate: Figure) -> LineCost:
    worked = line.hours if line.hours is not None else ZERO
    rate_value = rate.value if rate.value is not None else ZERO
    value = worked * rate_value
    total = Figure(
        value=value,
        formula=_("Kustannus = tunnit × tuntihinta"),
        calculation=f"{hours(worked)} × {money(rate_value)}/h = {money(value)}",
        parameters=rate.parameters,
    )
    return LineCost(line=line, total=total, hour_rate=rate)


def line_cost(line: LineData, parameters: ParameterSet) -> LineCost:
    """The cost of one line with its explanation; raises :class:`MissingParameter`."""
    if line.kind == CostKind.STAFF_TIME:
        rate = staff_hour_cost(
            parameters,
            job_title=line.job_title,
            year=_year_of(line),
            divisor_name=line.divisor_name or DivisorName.GENERAL,
        )
        return _time_cost(line, rate)
    if line.kind == CostKind.VOLUNTEER_TIME:
        return _time_cost(line, volunteer_hour_value(parameters, year=_year_of(line)))
    amount = line.amount if line.amount is not None else ZERO
    if line.kind == CostKind.PURCHASE:
        return LineCost(line=line, total=purchase_cost(amount, line.vat_treatment, line.vat_pct))
    return LineCost(
        line=line,
        total=Figure(
            value=amount, formula=_("Arvo = luontoissuorituksen arvo"), calculation=money(amount)
        ),
    )


def _year_of(line: LineData) -> int:
    if line.year is None:
        raise MissingParameter(_("Kirjaa vuosi, jonka hinnoilla työaika lasketaan."))
    return line.year


def cost_per_participant(total: Decimal, participants: int) -> Figure:
    """Total cost / participants; ``None`` with a reason when nobody took part."""
    if participants <= 0:
        return Figure(
            value=None,
            formula=_("Kustannus osallistujaa kohti = kokonaiskustannus / osallistujat"),
            calculation=_(
                "Osallistujia ei ole, joten kustannusta osallistujaa kohti ei voi laskea."
            ),
        )
    value = total / participants
    return Figure(
        value=value,
        formula=_("Kustannus osallistujaa kohti = kokonaiskustannus / osallistujat"),
        calculation=f"{money(total)} / {participants} = {money(value)}",
    )


def _by_kind(lines: Iterable[LineCost]) -> dict[str, Decimal]:
    totals = dict.fromkeys(CostKind.values, ZERO)
    for cost in lines:
        totals[cost.line.kind] += cost.value
    return totals


@dataclass(frozen=True)
class CostTotals:
    """The costs of one experiment: its lines, total, breakdown and cost per participant."""

    lines: tuple[LineCost, ...]
    participants: int

    @property
    def total(self) -> Decimal:
        return sum((cost.value for cost in self.lines), ZERO)

    @property
    def by_kind(self) -> dict[str, Decimal]:
        return _by_kind(self.lines)

    @property
    def per_participant(self) -> Figure:
        return cost_per_participant(self.total, self.participants)

    def used_parameters(self) -> dict[str, dict[str, Any]]:
        """The snapshot to freeze: every parameter any line used, by its snapshot key."""
        used = {}
        for cost in self.lines:
            for parameter in cost.total.parameters:
                used[parameter.snapshot_key] = parameter.to_snapshot()
        return used


def experiment_costs(
    lines: Iterable[LineData], parameters: ParameterSet, participants: int
) -> CostTotals:
    return CostTotals(
        lines=tuple(line_cost(line, parameters) for line in lines), participants=participants
    )


# Totals over several experiments --------------------------------------------------------------


@dataclass(frozen=True)
class CostSummary:
    """The sum of some experiments: a municipality, a project."""

    label: str
    total_cost: Decimal
    participants: int
    by_kind: Mapping[str, Decimal]
    experiments: int

    @property
    def cost_per_participant(self) -> Figure:
        """Total cost / total participants (not a mean of the experiments' figures)."""
        return cost_per_participant(self.total_cost, self.participants)


def summarise(label: str, experiments: Iterable[CostTotals]) -> CostSummary:
    items = list(experiments)
    by_kind = dict.fromkeys(CostKind.values, ZERO)
    for item in items:
        for kind, value in item.by_kind.items():
            by_kind[kind] += value
    return CostSummary(
        label=label,
        total_cost=sum((item.total for item in items), ZERO),
        participants=sum(item.participants for item in items),
        by_kind=by_kind,
        experiments=len(items),
    )


@dataclass(frozen=True)
class ProjectCosts:
    """A project's experiments by municipality, with the project's totals."""

    municipalities: tuple[CostSummary, ...]
    total: CostSummary = field(init=False)

    def __post_init__(self) -> None:
        by_kind = dict.fromkeys(CostKind.values, ZERO)
        for row in self.municipalities:
            for kind, value in row.by_kind.items():
                by_kind[kind] += value
        total = CostSummary(
            label=_("Yhteensä"),
            total_cost=sum((row.total_cost for row in self.municipalities), ZERO),
            participants=sum(row.participants for row in self.municipalities),
            by_kind=by_kind,
            experiments=sum(row.experiments for row in self.municipalities),
        )
        object.__setattr__(self, "total", total)

    @property
    def pooled_cost_per_participant(self) -> Figure:
        """The project's total cost / its total participants (8 503,38 € / 107 = 79,47 €)."""
        return self.total.cost_per_participant

    @property
    def mean_of_municipal_costs_per_participant(self) -> Figure:
        """The unweighted mean of the municipalities' figures, as the seed report printed it
        (81,61 €); municipalities without participants are left out."""
        values = [
            row.cost_per_participant.value
            for row in self.municipalities
            if row.cost_per_participant.value is not None
        ]
        formula = _(
            "Kuntien osallistujakohtaisten kustannusten keskiarvo"
            " (ei painotettu osallistujamäärillä)"
        )
        if not values:
            return Figure(value=None, formula=formula, calculation=_("Ei laskettavia kuntia."))
        value = sum(values, ZERO) / len(values)
        shown = " + ".join(money(v) for v in values)
        return Figure(
            value=value,
            formula=formula,
            calculation=f"({shown}) / {len(values)} = {money(value)}",
        )

    def cost_share_pct(self, row: CostSummary) -> Decimal | None:
        if not self.total.total_cost:
            return None
        return row.total_cost * HUNDRED / self.total.total_cost

    def participant_share_pct(self, row: CostSummary) -> Decimal | None:
        if not self.total.participants:
            return None
        return row.participants * HUNDRED / self.total.participants


def project_costs(by_municipality: Sequence[tuple[str, Sequence[CostTotals]]]) -> ProjectCosts:
    """``[(municipality name, its experiments' costs), …]`` → rows and project totals."""
    return ProjectCosts(
        municipalities=tuple(summarise(label, items) for label, items in by_municipality)
    )


# Loading from the database ------------------------------------------------------------------


def parameters_for_projects(project_ids: Iterable[int]) -> dict[int, ParameterSet]:
    """Each project's current parameters, in one query."""
    from yhdessa.experiments.models import CostParameter

    ids = set(project_ids)
    rows: dict[int, list[Parameter]] = {pk: [] for pk in ids}
    for stored in CostParameter.objects.filter(project_id__in=ids):
        rows[stored.project_id].append(parameter_of(stored))
    return {pk: ParameterSet(parameters) for pk, parameters in rows.items()}


def parameters_for_project(project_id: int) -> ParameterSet:
    return parameters_for_projects([project_id])[project_id]


def parameter_of(stored: Any) -> Parameter:
    """A ``CostParameter`` row as a :class:`Parameter`."""
    return Parameter(
        kind=stored.kind,
        year=stored.year,
        value=stored.value,
        unit=stored.unit,
        source=stored.source,
        url=stored.source_url,
        job_title=stored.job_title,
        divisor_name=stored.divisor_name,
        ref=f"p{stored.pk}",
    )


def line_data(line: "CostLine") -> LineData:
    return LineData(
        kind=line.kind,
        description=line.description,
        job_title=line.job_title,
        hours=line.hours,
        year=line.year,
        divisor_name=line.divisor_name,
        amount=line.amount,
        vat_treatment=line.vat_treatment,
        vat_pct=line.vat_pct,
        id=line.pk,
    )


def parameters_of(experiment: "Experiment", current: ParameterSet) -> ParameterSet:
    """A decided experiment's frozen parameters, otherwise the project's current ones."""
    if experiment.frozen_at is not None:
        return ParameterSet.from_snapshot(experiment.frozen_parameters)
    return current


@dataclass(frozen=True)
class ExperimentFigures:
    """One experiment's participants and costs. ``costs`` is ``None`` when a line needs a
    parameter that is not set; ``error`` then says which, so that one experiment without its
    parameters does not hide the figures of the others."""

    experiment: "Experiment"
    participants: "ParticipantCounts"
    costs: CostTotals | None
    error: str | None = None


def costs_for_experiments(
    experiments: "QuerySet[Experiment] | Iterable[Experiment]",
) -> list[ExperimentFigures]:
    """Participants and costs of many experiments in six queries, however many there are.

    A queryset is loaded with its municipality, project and cost lines here; experiments
    given as a list must come with their cost lines prefetched.
    """
    from django.db.models import QuerySet

    from yhdessa.experiments.participants import participants_by_experiment

    if isinstance(experiments, QuerySet):
        experiments = experiments.select_related("municipality", "project").prefetch_related(
            "cost_lines"
        )
    items = list(experiments)
    counts = participants_by_experiment([item.pk for item in items])
    current = parameters_for_projects(item.project_id for item in items)
    figures = []
    for item in items:
        participants = counts[item.pk]
        parameters = parameters_of(item, current[item.project_id])
        lines = [line_data(line) for line in item.cost_lines.all()]
        try:
            totals = experiment_costs(lines, parameters, participants.total)
        except MissingParameter as error:
            figures.append(ExperimentFigures(item, participants, None, " ".join(error.messages)))
        else:
            figures.append(ExperimentFigures(item, participants, totals))
    return figures
