"""One operational model description as one reader may see it: the written sections and the
sections computed from the records at the time of reading.

:func:`build` makes a :class:`ModelReport`; the page and the PDF render it, :func:`as_json`
(the JSON download and the API) and :func:`as_markdown` write it out. Nothing else computes a
figure of a description, so the outputs cannot disagree.

* Resources and costs come from the linked experiment through ``figures.experiment_views``:
  costs are public, the participant count and the cost per participant are exact for the
  experiment's staff and pass the small-number function for anyone else (the calculation
  "total / participants" is left out with a hidden count, as it would give it back).
* Effects come from the experiment's evaluation survey through ``surveys.results.comparison``
  (first against last wave), which protects every figure. A project-wide survey is read for
  the respondents of the experiment's municipality. A survey the reader may not see, a survey
  with fewer than two waves, and too few respondents are said in plain words.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from yhdessa.accounts.models import User
from yhdessa.core.disclosure import min_cell_size
from yhdessa.experiments import figures
from yhdessa.experiments.costs import money
from yhdessa.experiments.models import WRITTEN_SECTIONS, CostKind, ModelDescription
from yhdessa.surveys import results
from yhdessa.surveys.models import Item
from yhdessa.surveys.selectors import surveys_for_results

CENT = Decimal("0.01")
LANGUAGES = tuple(code for code, _name in settings.LANGUAGES)


def current_language() -> str:
    language = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return language if language in LANGUAGES else settings.LANGUAGE_CODE


@dataclass(frozen=True)
class Text:
    """A text in every language; ``shown`` is the reader's language, or Finnish."""

    by_language: Mapping[str, str]

    @property
    def shown(self) -> str:
        return self.by_language.get(current_language()) or self.by_language.get("fi", "")

    def __str__(self) -> str:
        return self.shown


def _text(description: ModelDescription, name: str) -> Text:
    return Text({code: getattr(description, f"{name}_{code}") or "" for code in LANGUAGES})


@dataclass(frozen=True)
class Section:
    key: str
    heading: str
    text: Text


@dataclass(frozen=True)
class KindCost:
    kind: str
    label: str
    total: Decimal

    @property
    def shown(self) -> str:
        return money(self.total)


@dataclass(frozen=True)
class CostsSection:
    available: bool
    message: str = ""
    total: Decimal | None = None
    by_kind: tuple[KindCost, ...] = ()
    participants: int | None = None
    per_participant: Decimal | None = None
    formula: str = ""
    calculation: str = ""
    sources: tuple[str, ...] = ()
    frozen: bool = False

    @property
    def suppressed(self) -> bool:
        return self.available and self.participants is None

    @property
    def total_shown(self) -> str:
        return money(self.total)

    @property
    def per_participant_shown(self) -> str:
        return money(self.per_participant)


@dataclass(frozen=True)
class ScaleEffect:
    key: str
    question: str
    before_mean: float | None
    after_mean: float | None
    pairs: int | None
    reading: str


@dataclass(frozen=True)
class OptionEffect:
    key: str
    label: str
    before_percent: float | None
    after_percent: float | None
    difference_points: float | None
    reading: str


@dataclass(frozen=True)
class DistributionEffect:
    key: str
    question: str
    answered_before: int | None
    answered_after: int | None
    options: tuple[OptionEffect, ...]


@dataclass(frozen=True)
class EffectWave:
    key: str
    label: str
    respondents: int | None


@dataclass(frozen=True)
class EffectsSection:
    available: bool
    message: str = ""
    survey_id: int | None = None
    survey_title: str = ""
    respondents_from: str = ""
    before: EffectWave | None = None
    after: EffectWave | None = None
    pairs: int | None = None
    scales: tuple[ScaleEffect, ...] = ()
    distributions: tuple[DistributionEffect, ...] = ()
    threshold: int = field(default_factory=min_cell_size)

    @property
    def common_reading(self) -> str:
        """The reading of every scale item when it is one and the same (e.g. too few pairs),
        said once instead of item by item."""
        readings = {scale.reading for scale in self.scales}
        return readings.pop() if len(readings) == 1 else ""


@dataclass(frozen=True)
class ModelReport:
    description: ModelDescription
    name: Text
    summary: Text
    region: Text
    funder: Text
    municipalities: tuple[tuple[str, str], ...]  # (code, name)
    sections: tuple[Section, ...]
    costs: CostsSection
    effects: EffectsSection

    @property
    def written_sections(self) -> tuple[Section, ...]:
        """The sections with text in some language (empty ones are left out of the page)."""
        return tuple(s for s in self.sections if any(s.text.by_language.values()))


# --- Building --------------------------------------------------------------------------------


def build(description: ModelDescription, user: User | AnonymousUser) -> ModelReport:
    return ModelReport(
        description=description,
        name=_text(description, "name"),
        summary=_text(description, "summary"),
        region=_text(description, "region"),
        funder=_text(description, "funder"),
        municipalities=tuple((m.code, m.name) for m in description.municipalities.all()),
        sections=tuple(
            Section(key, str(heading), _text(description, key)) for key, heading in WRITTEN_SECTIONS
        ),
        costs=_costs(description, user),
        effects=_effects(description, user),
    )


def _costs(description: ModelDescription, user: User | AnonymousUser) -> CostsSection:
    experiment = description.experiment
    if experiment is None:
        return CostsSection(
            False, _("Kuvaus ei liity kirjattuun kokeiluun, joten kustannuksia ei ole laskettu.")
        )
    (view,) = figures.experiment_views(user, [experiment])
    totals = view.costs
    if totals is None:
        return CostsSection(False, _("Kustannuksia ei voi laskea: %s") % view.error)
    per_participant = totals.per_participant
    sources = dict.fromkeys(
        parameter.citation() for line in totals.lines for parameter in line.total.parameters
    )
    return CostsSection(
        available=True,
        total=totals.total,
        by_kind=tuple(
            KindCost(kind, str(CostKind(kind).label), value)
            for kind, value in totals.by_kind.items()
        ),
        participants=view.participants,
        per_participant=view.cost_per_participant,
        formula=str(per_participant.formula),
        # "total / participants = …" names the count: only with the count shown.
        calculation=str(per_participant.calculation) if view.participants is not None else "",
        sources=tuple(sources),
        frozen=experiment.is_frozen,
    )


def _no_effects(message: str, **known: Any) -> EffectsSection:
    return EffectsSection(False, message, **known)


def _effects(description: ModelDescription, user: User | AnonymousUser) -> EffectsSection:
    experiment = description.experiment
    survey = experiment.survey if experiment is not None else None
    if experiment is None or survey is None:
        return _no_effects(_("Kokeilulle ei ole kirjattu arviointikyselyä."))
    if not surveys_for_results(user).filter(pk=survey.pk).exists():
        return _no_effects(_("Kokeilun arviointikyselyn tulokset eivät ole julkisia."))
    known: dict[str, Any] = {"survey_id": survey.pk, "survey_title": survey.title}
    pair = results.default_pair(results.waves_in_order(survey))
    if pair is None:
        return _no_effects(_("Kyselyllä on vain yksi kierros: alkua ja loppua ei voi verrata."))
    filters = results.Filters()
    if survey.municipality_id is None:
        filters = results.Filters(municipality=experiment.municipality.code)
        known["respondents_from"] = experiment.municipality.name
    compared = results.comparison(*pair, filters)
    known |= {
        "before": _wave(compared.before),
        "after": _wave(compared.after),
        "pairs": compared.n_pairs,
    }
    if compared.before.suppressed and compared.after.suppressed:
        return _no_effects(
            _(
                "Vastaajia on liian vähän, jotta tuloksia voisi näyttää: alle %(n)s "
                "vastaajan ryhmistä ei kerrota lukuja."
            )
            % {"n": min_cell_size()},
            **known,
        )
    return EffectsSection(
        True,
        scales=tuple(
            _scale(change) for change in compared.items if change.type == Item.Type.SCALE_1_5
        ),
        distributions=tuple(_distribution(change) for change in compared.items if change.options),
        **known,
    )


def _wave(wave: results.WaveFigures) -> EffectWave:
    return EffectWave(wave.wave.key, str(wave.label), wave.respondents)


def _one_decimal(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def _scale(change: results.ItemChange) -> ScaleEffect:
    return ScaleEffect(
        key=change.key,
        question=change.text,
        before_mean=_one_decimal(change.before.mean),
        after_mean=_one_decimal(change.after.mean),
        pairs=change.paired.n_pairs if change.paired is not None else None,
        reading=change.reading,
    )


def _distribution(change: results.ItemChange) -> DistributionEffect:
    return DistributionEffect(
        key=change.key,
        question=change.text,
        answered_before=change.before.answered,
        answered_after=change.after.answered,
        options=tuple(
            OptionEffect(
                key=option.key,
                label=option.label,
                before_percent=_one_decimal(option.before.percent),
                after_percent=_one_decimal(option.after.percent),
                difference_points=_one_decimal(option.difference),
                reading=option.reading,
            )
            for option in change.options
        ),
    )


# --- Writing out -----------------------------------------------------------------------------


def decimal_string(value: Decimal | None) -> str | None:
    """ "1625.75": money as a decimal string, rounded half up to cents."""
    return None if value is None else str(value.quantize(CENT, rounding=ROUND_HALF_UP))


def _languages(text: Text) -> dict[str, str]:
    return dict(text.by_language)


def as_json(report: ModelReport) -> dict[str, Any]:
    """The structured export (JSON download and API): section keys in English, the written
    text in every language, money as decimal strings."""
    description = report.description
    experiment = description.experiment
    return {
        "slug": description.slug,
        "status": description.status,
        "published_at": description.published_at.isoformat() if description.published_at else None,
        "language": current_language(),
        "project": {"slug": description.project.slug, "name": description.project.name},
        "experiment": None
        if experiment is None
        else {"id": experiment.pk, "title": experiment.title, "status": experiment.status},
        "basic_information": {
            "name": _languages(report.name),
            "short_description": _languages(report.summary),
            "municipalities": [
                {"code": code, "name": name} for code, name in report.municipalities
            ],
            "region": _languages(report.region),
            "funder": _languages(report.funder),
            "authors": description.authors,
            "starts_on": description.starts_on.isoformat() if description.starts_on else None,
            "ends_on": description.ends_on.isoformat() if description.ends_on else None,
            "more_info_url": description.more_info_url or None,
        },
        "sections": [
            {"key": s.key, "heading": s.heading, "text": _languages(s.text)}
            for s in report.sections
        ],
        "resources_and_costs": _costs_json(report.costs),
        "effects": _effects_json(report.effects),
    }


def _costs_json(section: CostsSection) -> dict[str, Any]:
    return {
        "computed_from_records": True,
        "available": section.available,
        "message": section.message or None,
        "currency": "EUR",
        "total_cost": decimal_string(section.total),
        "costs_by_kind": [
            {"kind": item.kind, "label": item.label, "total": decimal_string(item.total)}
            for item in section.by_kind
        ],
        "participants": section.participants,
        "suppressed": section.suppressed,
        "cost_per_participant": decimal_string(section.per_participant),
        "formula": section.formula or None,
        "calculation": section.calculation or None,
        "frozen": section.frozen,
        "sources": list(section.sources),
    }


def _wave_json(wave: EffectWave | None) -> dict[str, Any] | None:
    if wave is None:
        return None
    return {"key": wave.key, "label": wave.label, "respondents": wave.respondents}


def _effects_json(section: EffectsSection) -> dict[str, Any]:
    return {
        "computed_from_records": True,
        "available": section.available,
        "message": section.message or None,
        "survey": None
        if section.survey_id is None
        else {"id": section.survey_id, "title": section.survey_title},
        "respondents_from": section.respondents_from or None,
        "min_cell_size": section.threshold,
        "before": _wave_json(section.before),
        "after": _wave_json(section.after),
        "pairs": section.pairs,
        "scales": [vars(scale) for scale in section.scales],
        "distributions": [
            {
                "key": item.key,
                "question": item.question,
                "answered_before": item.answered_before,
                "answered_after": item.answered_after,
                "options": [vars(option) for option in item.options],
            }
            for item in section.distributions
        ],
    }


# --- Markdown --------------------------------------------------------------------------------


def _percent(value: float | None) -> str:
    return _("piilotettu") if value is None else f"{value:.1f}".replace(".", ",") + "\u00a0%"


def _mean(value: float | None) -> str:
    return _("piilotettu") if value is None else f"{value:.1f}".replace(".", ",")


def _count(value: int | None) -> str:
    return _("piilotettu") if value is None else str(value)


def _row(*cells: str) -> str:
    return "| " + " | ".join(cell.replace("|", "\\|").replace("\n", " ") for cell in cells) + " |"


def _table(header: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> list[str]:
    return [_row(*header), _row(*("---" for _cell in header)), *(_row(*row) for row in rows), ""]


def basic_information(report: ModelReport) -> list[tuple[str, str]]:
    """(label, value) of the basic information that is filled in, for every output."""
    description = report.description
    days = dict.fromkeys(day for day in (description.starts_on, description.ends_on) if day)
    dates = " – ".join(day.strftime("%-d.%-m.%Y") for day in days)
    rows = [
        (_("Toteutuskunnat"), ", ".join(name for _code, name in report.municipalities)),
        (_("Alue"), report.region.shown),
        (_("Rahoittaja"), report.funder.shown),
        (_("Tekijät"), description.authors),
        (_("Ajankohta"), dates),
        (_("Hanke"), description.project.name),
        (_("Lisätietoja"), description.more_info_url),
    ]
    return [(str(label), value) for label, value in rows if value]


def _costs_markdown(section: CostsSection) -> list[str]:
    lines = [f"## {_('Resurssit ja kustannukset')}", "", f"*{_('Laskettu kirjauksista.')}*", ""]
    if not section.available:
        return [*lines, section.message, ""]
    lines += _table(
        (str(_("Kustannuslaji")), str(_("Euroa"))),
        [(item.label, item.shown) for item in section.by_kind]
        + [(f"**{_('Yhteensä')}**", f"**{section.total_shown}**")],
    )
    lines.append(f"- {_('Osallistujia')}: {_count(section.participants)}")
    lines.append(f"- {_('Kustannus osallistujaa kohti')}: {section.per_participant_shown}")
    lines.append(f"- {section.formula}")
    if section.calculation:
        lines.append(f"- {section.calculation}")
    if section.suppressed:
        lines.append(f"- {_('Pieni osallistujamäärä on piilotettu tietosuojan vuoksi.')}")
    lines.append("")
    if section.sources:
        lines += [f"{_('Lähteet')}:", "", *(f"- {source}" for source in section.sources), ""]
    return lines


def _effects_markdown(section: EffectsSection) -> list[str]:
    lines = [f"## {_('Vaikutukset')}", "", f"*{_('Laskettu kirjauksista.')}*", ""]
    if section.survey_title:
        lines += [f"{_('Arviointikysely')}: {section.survey_title}", ""]
    if section.respondents_from:
        lines += [f"{_('Vastaajat kunnasta')}: {section.respondents_from}", ""]
    if not section.available or section.before is None or section.after is None:
        return [*lines, section.message, ""]
    before, after = section.before, section.after
    lines += [
        f"- {before.label}: {_count(before.respondents)} {_('vastaajaa')}",
        f"- {after.label}: {_count(after.respondents)} {_('vastaajaa')}",
        f"- {_('Parivastaajia')}: {_count(section.pairs)}",
        "",
    ]
    if section.scales and section.common_reading:
        lines += _table(
            (str(_("Osa-alue")), before.label, after.label),
            [(s.question, _mean(s.before_mean), _mean(s.after_mean)) for s in section.scales],
        )
        lines += [section.common_reading, ""]
    elif section.scales:
        lines += _table(
            (str(_("Osa-alue")), before.label, after.label, str(_("Mitä aineisto kertoo"))),
            [
                (s.question, _mean(s.before_mean), _mean(s.after_mean), s.reading)
                for s in section.scales
            ],
        )
    for item in section.distributions:
        lines += [f"### {item.question}", ""]
        lines += _table(
            (str(_("Vastaus")), before.label, after.label),
            [
                (o.label, _percent(o.before_percent), _percent(o.after_percent))
                for o in item.options
            ],
        )
    return lines


def as_markdown(report: ModelReport) -> str:
    """The description in the reader's language, to copy into Innokylä."""
    lines = [f"# {report.name.shown}", ""]
    if report.summary.shown:
        lines += [report.summary.shown, ""]
    lines += [f"## {_('Perustiedot')}", ""]
    lines += [f"- **{label}:** {value}" for label, value in basic_information(report)]
    lines.append("")
    for section in report.written_sections:
        lines += [f"## {section.heading}", "", section.text.shown, ""]
    lines += _costs_markdown(report.costs)
    lines += _effects_markdown(report.effects)
    return "\n".join(lines).rstrip() + "\n"


# --- PDF -------------------------------------------------------------------------------------


def as_pdf(html: str) -> bytes:
    """The print page as PDF. Only ``data:`` addresses are read: the style sheet is in the page,
    the fonts are the system's, and nothing is fetched from the network or the disk."""
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    fetcher = URLFetcher(allowed_protocols=["data"])
    return HTML(string=html, base_url="data:,", url_fetcher=fetcher).write_pdf()
