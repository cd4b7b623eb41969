"""Toimintamallien kuvaukset: the project's published operational model descriptions, each
with its municipalities, summary and public page (drafts are not published, so not listed).
"""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from yhdessa.core.links import absolute_url
from yhdessa.experiments.model_selectors import public_list
from yhdessa.experiments.models import ModelDescription
from yhdessa.reports.document import Figure, Section, Table, Value
from yhdessa.reports.scope import ReportScope


def build(scope: ReportScope, section: Section) -> None:
    """Fill ``section`` with the published model descriptions of ``scope``."""
    code = scope.municipality.code if scope.municipality else ""
    descriptions = list(public_list(project=scope.project.slug, municipality=code))
    if not descriptions:
        section.empty_message = _empty_message(scope)
        return
    section.figures.append(
        Figure("descriptions", _("Julkaistuja toimintamallikuvauksia"), len(descriptions))
    )
    section.tables.append(
        Table(
            key="descriptions",
            title=_("Toimintamallikuvaukset"),
            columns=[_("Toimintamalli"), _("Kunnat"), _("Lyhyt kuvaus"), _("Verkkosivu")],
            rows=[_row(description) for description in descriptions],
            row_urls=[
                scope.staff_url("experiments:model_edit", description.slug)
                for description in descriptions
            ],
        )
    )


def _empty_message(scope: ReportScope) -> str:
    if scope.municipality is None:
        return _("Hankkeella ei ole julkaistuja toimintamallikuvauksia.")
    return _("Kunnan %(municipality)s toimintamalleista ei ole julkaistuja kuvauksia.") % {
        "municipality": scope.municipality.name
    }


def _row(description: ModelDescription) -> list[Value]:
    return [
        description.name,
        ", ".join(_municipality_names(description)),
        description.summary,
        absolute_url(reverse("experiments:model_detail", args=[description.slug])),
    ]


def _municipality_names(description: ModelDescription) -> list[str]:
    """Where the model was carried out: its municipalities, or its experiment's."""
    names = [municipality.name for municipality in description.municipalities.all()]
    if not names and description.experiment is not None:
        names = [description.experiment.municipality.name]
    return sorted(names)
