"""Every write to experiments, their cost lines and the cost parameters.

A decided experiment is frozen: ``experiment_decide`` stores the parameters its cost lines
used, its lines can no longer be changed, and a later ``parameter_change`` leaves its figures
as they were (it is computed from its snapshot, see ``costs.parameters_of``).
"""

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from yhdessa.core.audit import log_action
from yhdessa.directory.models import Municipality, Organisation
from yhdessa.events.models import Event
from yhdessa.experiments import costs
from yhdessa.experiments.models import (
    AnonymousHeadcount,
    CostLine,
    CostParameter,
    Experiment,
    ExperimentStatus,
)
from yhdessa.experiments.participants import experiment_participants
from yhdessa.projects.models import Project

#: Fields of an experiment that ``experiment_update`` may change (the decision has its own
#: service, the freezing none).
EXPERIMENT_FIELDS = (
    "title",
    "title_fi",
    "title_sv",
    "title_en",
    "description",
    "description_fi",
    "description_sv",
    "description_en",
    "municipality",
    "target_group",
    "starts_on",
    "ends_on",
    "status",
    "survey",
)
COST_LINE_FIELDS = (
    "kind",
    "description",
    "job_title",
    "hours",
    "year",
    "divisor_name",
    "amount",
    "vat_treatment",
    "vat_pct",
    "position",
)


def _lock(experiment_id: int) -> Experiment:
    return Experiment.objects.select_for_update().get(pk=experiment_id)


def _check_municipality(project: Project, municipality: Municipality) -> None:
    if not project.partner_municipalities.filter(pk=municipality.pk).exists():
        raise ValidationError({"municipality": _("Valitse kunta hankkeen kumppanikunnista.")})


def _set_relations(
    experiment: Experiment,
    partners: Iterable[Organisation] | None,
    sessions: Iterable[Event] | None,
) -> None:
    if sessions is not None:
        sessions = list(sessions)
        experiment.clean_sessions(sessions)
        experiment.sessions.set(sessions)
    if partners is not None:
        experiment.partners.set(list(partners))


@transaction.atomic
def experiment_create(
    *,
    actor: Any,
    project: Project,
    municipality: Municipality,
    title: str,
    partners: Iterable[Organisation] = (),
    sessions: Iterable[Event] = (),
    **fields: Any,
) -> Experiment:
    """A new experiment (planned unless ``status`` says otherwise; never already decided)."""
    unknown = set(fields) - set(EXPERIMENT_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    experiment = Experiment(project=project, municipality=municipality, title=title, **fields)
    if experiment.status == ExperimentStatus.DECIDED:
        raise ValidationError({"status": _("Kokeilu päätetään kirjaamalla päätös.")})
    if getattr(actor, "is_authenticated", False):
        experiment.created_by = actor
    _check_municipality(project, municipality)
    experiment.full_clean()
    experiment.save()
    _set_relations(experiment, partners, sessions)
    log_action(actor=actor, action="experiments.experiment.created", target=experiment)
    return experiment


@transaction.atomic
def experiment_update(
    *,
    actor: Any,
    experiment: Experiment,
    partners: Iterable[Organisation] | None = None,
    sessions: Iterable[Event] | None = None,
    **changes: Any,
) -> Experiment:
    unknown = set(changes) - set(EXPERIMENT_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    experiment = _lock(experiment.pk)
    if changes.get("status") == ExperimentStatus.DECIDED and not experiment.is_frozen:
        raise ValidationError({"status": _("Kokeilu päätetään kirjaamalla päätös.")})
    if experiment.is_frozen and "status" in changes and changes["status"] != experiment.status:
        raise ValidationError({"status": _("Päätetyn kokeilun vaihetta ei voi enää muuttaa.")})
    for name, value in changes.items():
        setattr(experiment, name, value)
    if "municipality" in changes:
        _check_municipality(experiment.project, experiment.municipality)
    experiment.full_clean()
    experiment.save()
    _set_relations(experiment, partners, sessions)
    log_action(
        actor=actor,
        action="experiments.experiment.changed",
        target=experiment,
        data={
            "fields": sorted(changes),
            "partners": partners is not None,
            "sessions": sessions is not None,
        },
    )
    return experiment


@transaction.atomic
def experiment_decide(
    *, actor: Any, experiment: Experiment, decision: str, reason: str
) -> Experiment:
    """Record the decision and freeze the figures with the parameters they use now.

    Refused when a cost line cannot be computed (a missing parameter): frozen figures must be
    complete.
    """
    experiment = _lock(experiment.pk)
    if experiment.is_frozen:
        raise ValidationError(_("Kokeilu on jo päätetty."), code="frozen")
    lines = [costs.line_data(line) for line in experiment.cost_lines.all()]
    figures = costs.experiment_costs(
        lines, costs.parameters_for_project(experiment.project_id), participants=0
    )
    experiment.status = ExperimentStatus.DECIDED
    experiment.decision = decision
    experiment.decision_reason = reason.strip()
    experiment.frozen_parameters = figures.used_parameters()
    experiment.frozen_at = timezone.now()
    experiment.full_clean()
    experiment.save()
    log_action(
        actor=actor,
        action="experiments.experiment.decided",
        target=experiment,
        data={
            "decision": decision,
            "total_cost": str(figures.total),
            "participants": experiment_participants(experiment).total,
            "parameters": sorted(experiment.frozen_parameters),
        },
    )
    return experiment


def _refuse_if_frozen(experiment: Experiment) -> None:
    if experiment.is_frozen:
        raise ValidationError(
            _("Kokeilu on päätetty ja sen luvut on lukittu: kustannuksia ei voi enää muuttaa."),
            code="frozen",
        )


def _line_log(line: CostLine) -> dict[str, str]:
    return {
        name: str(getattr(line, name))
        for name in COST_LINE_FIELDS
        if getattr(line, name) not in (None, "")
    }


@transaction.atomic
def cost_line_add(*, actor: Any, experiment: Experiment, **fields: Any) -> CostLine:
    experiment = _lock(experiment.pk)
    _refuse_if_frozen(experiment)
    line = CostLine(experiment=experiment, **fields)
    line.full_clean()
    line.save()
    log_action(
        actor=actor, action="experiments.cost_line.added", target=experiment, data=_line_log(line)
    )
    return line


@transaction.atomic
def cost_line_change(*, actor: Any, line: CostLine, **changes: Any) -> CostLine:
    unknown = set(changes) - set(COST_LINE_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    _refuse_if_frozen(_lock(line.experiment_id))
    line = CostLine.objects.get(pk=line.pk)
    before = _line_log(line)
    for name, value in changes.items():
        setattr(line, name, value)
    line.full_clean()
    line.save()
    log_action(
        actor=actor,
        action="experiments.cost_line.changed",
        target=line.experiment,
        data={"line": line.pk, "before": before, "after": _line_log(line)},
    )
    return line


@transaction.atomic
def cost_line_delete(*, actor: Any, line: CostLine) -> None:
    experiment = _lock(line.experiment_id)
    _refuse_if_frozen(experiment)
    data = {"line": line.pk, **_line_log(line)}
    line.delete()
    log_action(actor=actor, action="experiments.cost_line.deleted", target=experiment, data=data)


def _refuse_headcount_if_frozen(experiment: Experiment) -> None:
    if experiment.is_frozen:
        raise ValidationError(
            _(
                "Kokeilu on päätetty ja sen luvut on lukittu: "
                "osallistujamääriä ei voi enää muuttaa."
            ),
            code="frozen",
        )


@transaction.atomic
def headcount_add(*, actor: Any, experiment: Experiment, **fields: Any) -> AnonymousHeadcount:
    """Participants counted without names; refused once the experiment's figures are frozen."""
    experiment = _lock(experiment.pk)
    _refuse_headcount_if_frozen(experiment)
    headcount = AnonymousHeadcount(experiment=experiment, **fields)
    headcount.full_clean()
    headcount.save()
    log_action(
        actor=actor,
        action="experiments.headcount.added",
        target=experiment,
        data={"headcount": headcount.pk, "date": str(headcount.date), "count": headcount.count},
    )
    return headcount


@transaction.atomic
def headcount_delete(*, actor: Any, headcount: AnonymousHeadcount) -> None:
    experiment = _lock(headcount.experiment_id)
    _refuse_headcount_if_frozen(experiment)
    data = {"headcount": headcount.pk, "date": str(headcount.date), "count": headcount.count}
    headcount.delete()
    log_action(actor=actor, action="experiments.headcount.deleted", target=experiment, data=data)


@transaction.atomic
def parameter_create(*, actor: Any, project: Project, **fields: Any) -> CostParameter:
    parameter = CostParameter(project=project, **fields)
    parameter.full_clean()
    parameter.save()
    log_action(
        actor=actor,
        action="experiments.cost_parameter.created",
        target=parameter,
        data={"value": str(parameter.value), "year": parameter.year, "kind": parameter.kind},
    )
    return parameter


@transaction.atomic
def parameter_change(
    *,
    actor: Any,
    parameter: CostParameter,
    value: Decimal,
    source: str | None = None,
    source_url: str | None = None,
    unit: str | None = None,
) -> list[Experiment]:
    """Change a parameter's value (and its citation); returns the decided experiments that
    used the old value and keep it, so the page can say whose figures did not change."""
    parameter = CostParameter.objects.select_for_update().get(pk=parameter.pk)
    old = parameter.value
    parameter.value = value
    for name, given in (("source", source), ("source_url", source_url), ("unit", unit)):
        if given is not None:
            setattr(parameter, name, given)
    parameter.full_clean()
    parameter.save()
    keeping_old = list(
        Experiment.objects.filter(
            project=parameter.project_id,
            frozen_at__isnull=False,
            frozen_parameters__has_key=f"p{parameter.pk}",
        )
    )
    log_action(
        actor=actor,
        action="experiments.cost_parameter.changed",
        target=parameter,
        data={
            "old": str(old),
            "new": str(parameter.value),
            "frozen_experiments_keeping_old": [experiment.pk for experiment in keeping_old],
        },
    )
    return keeping_old
