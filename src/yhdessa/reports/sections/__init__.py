"""The sections of the final report, in the order of the seed report.

Each builder fills a :class:`~yhdessa.reports.document.Section` for a
:class:`~yhdessa.reports.scope.ReportScope`. A builder runs a fixed number of queries
(counting is the database's job), respects the scope's municipality, puts every figure through
small-number protection and adds the printed figures it can check to ``scope.comparisons``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from yhdessa.reports.document import Section
from yhdessa.reports.scope import ReportScope

from . import (
    costs,
    evaluation,
    experiments,
    knowledge,
    meetings,
    models,
    overview,
    toolkit,
    trainings,
)

Builder = Callable[[ReportScope, Section], None]


@dataclass(frozen=True)
class SectionSpec:
    key: str
    title: Promise
    build: Builder
    #: Whether a municipal report has this section (the project summary does not change).
    municipal: bool = True


SECTIONS: list[SectionSpec] = [
    SectionSpec("project", _("Hankkeen tiivistelmä"), overview.build_project),
    SectionSpec("trainings", _("Valmennukset"), trainings.build),
    SectionSpec("peer_meetings", _("Kuntien vertaistapaamiset"), meetings.build_peer_meetings),
    SectionSpec("partner_feedback", _("Kumppanikuntien palaute"), meetings.build_partner_feedback),
    SectionSpec("cooperation", _("Alueellinen yhteistyö ja tuki"), overview.build_cooperation),
    SectionSpec("toolkit", _("Osallisuuden vinkkilistat"), toolkit.build),
    SectionSpec("publications", _("Julkaisut"), knowledge.build_publications),
    SectionSpec("models", _("Toimintamallien kuvaukset"), models.build),
    SectionSpec("evaluation", _("Arvioinnin tulokset"), evaluation.build),
    SectionSpec("experiments", _("Kuntien kehittämiskokeilut"), experiments.build),
    SectionSpec("costs", _("Kokeilujen kustannukset"), costs.build),
    SectionSpec("interviews", _("Haastattelujen tulokset"), knowledge.build_interviews),
    SectionSpec("lessons", _("Hankematkalta opittua"), knowledge.build_lessons),
    SectionSpec("vision", _("Visio"), knowledge.build_vision),
]
#: Listed last, from what the other sections found.
DISCREPANCIES = "discrepancies"
DISCREPANCIES_TITLE = _("Raportoidut ja lasketut luvut")

#: Every section's title by key, the discrepancies included.
TITLES = {spec.key: spec.title for spec in SECTIONS} | {DISCREPANCIES: DISCREPANCIES_TITLE}

SECTION_KEYS = [spec.key for spec in SECTIONS] + [DISCREPANCIES]
