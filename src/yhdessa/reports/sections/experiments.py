"""Kuntien kehittämiskokeilut: the project's experiments (or one municipality's), each with
its partners, period, participants, decision and the public page of its model description.

The report is a publication, so the participant counts are the public, protected ones of
``experiments.figures`` whoever reads it. They are protected across the whole project, so a
municipal report shows its experiments with the same figures as the project's report.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from yhdessa.core.disclosure import min_cell_size
from yhdessa.core.links import absolute_url
from yhdessa.experiments.figures import ExperimentView
from yhdessa.experiments.models import ExperimentStatus
from yhdessa.reports.document import Figure, Section, Table, Value
from yhdessa.reports.scope import ReportScope


def build(scope: ReportScope, section: Section) -> None:
    """Fill ``section`` with the experiments of ``scope``."""
    views, protection = scope.public_experiments
    municipality = scope.municipality
    if municipality is not None:
        views = [view for view in views if view.experiment.municipality_id == municipality.pk]
    if not views:
        section.empty_message = _empty_message(scope)
        return
    participants = (
        protection.total if municipality is None else protection.municipalities[municipality.pk]
    )
    section.figures += _figures(scope, views, participants)
    section.tables.append(_table(scope, views))


def _empty_message(scope: ReportScope) -> str:
    if scope.municipality is None:
        return _("Hankkeessa ei ole kehittämiskokeiluja.")
    return _("Kunnassa %(municipality)s ei ollut hankkeen kehittämiskokeiluja.") % {
        "municipality": scope.municipality.name
    }


def _figures(
    scope: ReportScope, views: list[ExperimentView], participants: int | None
) -> list[Figure]:
    source = scope.staff_url("experiments:project_experiments", scope.project.slug)
    figures = [Figure("experiments", _("Kehittämiskokeiluja"), len(views), source_url=source)]
    if scope.municipality is None:
        municipalities = {view.experiment.municipality_id for view in views}
        figures.append(Figure("municipalities", _("Kokeilukuntia"), len(municipalities)))
    figures.append(
        Figure(
            "participants",
            _("Osallistujia yhteensä"),
            participants,
            source_url=source,
            note=_(
                "Osallistujat ovat kokeilun tapaamisissa läsnä olleet ja nimettömästi"
                " lasketut; sama ihminen lasketaan kerran."
            ),
        )
    )
    return figures


def _table(scope: ReportScope, views: list[ExperimentView]) -> Table:
    table = Table(
        key="experiments",
        title=_("Kehittämiskokeilut"),
        columns=[
            _("Kunta"),
            _("Kokeilu"),
            _("Kumppaniorganisaatiot"),
            _("Alkoi"),
            _("Päättyi"),
            _("Osallistujia"),
            _("Vaihe"),
            _("Päätös"),
            _("Toimintamallikuvaus"),
        ],
        rows=[_row(view) for view in views],
        row_urls=[
            scope.staff_url("experiments:experiment_staff", view.experiment.pk) for view in views
        ],
        label_columns=2,
    )
    if any(view.suppressed for view in views):
        table.note = _(
            "Alle %(threshold)s osallistujan määriä ei näytetä, eikä lukuja, joista ne voisi"
            " laskea."
        ) % {"threshold": min_cell_size()}
    return table


def _row(view: ExperimentView) -> list[Value]:
    experiment = view.experiment
    partners = sorted(str(partner) for partner in experiment.partners.all())
    return [
        experiment.municipality.name,
        experiment.title,
        ", ".join(partners),
        experiment.starts_on,
        experiment.ends_on,
        view.participants,
        str(ExperimentStatus(experiment.status).label),
        experiment.get_decision_display() if experiment.decision else "",
        _model_page(view),
    ]


def _model_page(view: ExperimentView) -> str:
    """The public page of the experiment's model description, once it is published."""
    # A reverse one-to-one without a row raises (an AttributeError) instead of giving None.
    description = getattr(view.experiment, "model_description", None)
    if description is None or not description.is_published:
        return ""
    return absolute_url(reverse("experiments:model_detail", args=[description.slug]))
