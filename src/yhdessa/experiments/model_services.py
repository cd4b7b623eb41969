"""Every write to operational model descriptions, and adopting one as a new experiment.

Each function is one transaction and leaves a line in the audit log. A description made from
an experiment starts as a draft filled in from the experiment's record; publishing stamps the
time, unpublishing takes the description back to a draft (its address stays the same).
"""

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from yhdessa.core.audit import log_action
from yhdessa.directory.models import Municipality
from yhdessa.experiments import services
from yhdessa.experiments.models import (
    Experiment,
    ExperimentStatus,
    ModelDescription,
    ModelDescriptionStatus,
)
from yhdessa.experiments.translation import MODEL_DESCRIPTION_TEXT_FIELDS
from yhdessa.projects.models import Project

LANGUAGES = ("fi", "sv", "en")

#: Fields ``description_update`` may change: the text in every language, and the rest.
DESCRIPTION_FIELDS = (
    *(f"{name}_{language}" for name in MODEL_DESCRIPTION_TEXT_FIELDS for language in LANGUAGES),
    "authors",
    "starts_on",
    "ends_on",
    "more_info_url",
)


def unique_slug(name: str) -> str:
    """ "linja-autoretki-kuntalaisille", with "-2", "-3" … when taken."""
    base = slugify(name)[:90].strip("-") or "toimintamalli"
    slug, number = base, 1
    while ModelDescription.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def _text(description: ModelDescription, name: str) -> str:
    """One language's text of a translated field (modeltranslation adds ``<field>_<lang>``)."""
    return getattr(description, name) or ""


def _checked_fields(fields: dict[str, Any]) -> None:
    unknown = set(fields) - set(DESCRIPTION_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")


def _save(description: ModelDescription, municipalities: Iterable[Municipality] | None) -> None:
    if not _text(description, "name_fi").strip():
        raise ValidationError({"name_fi": _("Anna mallille nimi suomeksi.")})
    description.full_clean(exclude=["slug"] if description.pk else None)
    description.save()
    if municipalities is not None:
        description.municipalities.set(list(municipalities))


@transaction.atomic
def description_create(
    *,
    actor: Any,
    project: Project,
    experiment: Experiment | None = None,
    municipalities: Iterable[Municipality] = (),
    slug: str = "",
    **fields: Any,
) -> ModelDescription:
    """A draft description of ``project``, of ``experiment`` if given (one per experiment)."""
    _checked_fields(fields)
    if experiment is not None and ModelDescription.objects.filter(experiment=experiment).exists():
        raise ValidationError(_("Tästä kokeilusta on jo toimintamallikuvaus."), code="exists")
    description = ModelDescription(project=project, experiment=experiment, **fields)
    description.slug = slug or unique_slug(fields.get("name_fi") or "")
    if getattr(actor, "is_authenticated", False):
        description.created_by = actor
    _save(description, municipalities)
    log_action(actor=actor, action="experiments.model_description.created", target=description)
    return description


def prefill_from_experiment(experiment: Experiment) -> dict[str, Any]:
    """A description's first text from its experiment's record: name, description, place,
    dates, partners as the co-development, and the decision's reason as the lessons."""
    partners = ", ".join(organisation.name for organisation in experiment.partners.all())
    funders = ", ".join(organisation.name for organisation in experiment.project.funders.all())
    region = experiment.municipality.region
    fields: dict[str, Any] = {
        "starts_on": experiment.starts_on,
        "ends_on": experiment.ends_on,
        "funder_fi": funders,
        "region_fi": region.name if region is not None else "",
    }
    for language in LANGUAGES:
        fields |= {
            f"name_{language}": getattr(experiment, f"title_{language}") or "",
            f"summary_{language}": getattr(experiment, f"description_{language}") or "",
        }
    if partners:
        fields["co_development_fi"] = _("Kokeilu toteutettiin yhdessä: %(partners)s.") % {
            "partners": partners
        }
    fields["lessons_learned_fi"] = experiment.decision_reason
    return fields


@transaction.atomic
def description_from_experiment(*, actor: Any, experiment: Experiment) -> ModelDescription:
    return description_create(
        actor=actor,
        project=experiment.project,
        experiment=experiment,
        municipalities=[experiment.municipality],
        **prefill_from_experiment(experiment),
    )


@transaction.atomic
def description_update(
    *,
    actor: Any,
    description: ModelDescription,
    municipalities: Iterable[Municipality] | None = None,
    **changes: Any,
) -> ModelDescription:
    _checked_fields(changes)
    description = ModelDescription.objects.select_for_update().get(pk=description.pk)
    for name, value in changes.items():
        setattr(description, name, value)
    _save(description, municipalities)
    log_action(
        actor=actor,
        action="experiments.model_description.changed",
        target=description,
        data={"fields": sorted(changes), "municipalities": municipalities is not None},
    )
    return description


@transaction.atomic
def description_publish(
    *, actor: Any, description: ModelDescription, publish: bool = True
) -> ModelDescription:
    """Publish (or take back to a draft); publishing twice keeps the first time."""
    description = ModelDescription.objects.select_for_update().get(pk=description.pk)
    if publish and not description.is_published:
        if not _text(description, "summary_fi").strip():
            raise ValidationError({"summary_fi": _("Kirjoita lyhyt kuvaus ennen julkaisemista.")})
        description.status = ModelDescriptionStatus.PUBLISHED
        description.published_at = timezone.now()
    elif not publish:
        description.status = ModelDescriptionStatus.DRAFT
        description.published_at = None
    description.save(update_fields=["status", "published_at", "updated_at"])
    action = "published" if publish else "unpublished"
    log_action(actor=actor, action=f"experiments.model_description.{action}", target=description)
    return description


@transaction.atomic
def description_adopt(
    *,
    actor: Any,
    description: ModelDescription,
    project: Project,
    municipality: Municipality,
) -> Experiment:
    """A planned experiment in ``municipality`` with the model's name and short description.

    One adoption per municipality and project: a second one is refused (the first draft is
    the place to continue), so that a double click does not leave two drafts behind.
    """
    # Lock the model's row: two clicks at once must not both find no earlier adoption.
    description = ModelDescription.objects.select_for_update().get(pk=description.pk)
    taken = Experiment.objects.filter(
        adopted_from=description, project=project, municipality=municipality
    ).first()
    if taken is not None:
        raise ValidationError(
            _(
                "Kunnassa %(municipality)s on jo tästä mallista tehty kokeilu ”%(title)s”. "
                "Jatka sen suunnittelua."
            )
            % {"municipality": municipality.name, "title": taken.title},
            code="adopted",
        )
    texts: dict[str, Any] = {}
    for language in LANGUAGES:
        texts |= {
            f"title_{language}": getattr(description, f"name_{language}") or "",
            f"description_{language}": getattr(description, f"summary_{language}") or "",
        }
    experiment = services.experiment_create(
        actor=actor,
        project=project,
        municipality=municipality,
        title=_text(description, "name_fi") or description.name,
        status=ExperimentStatus.PLANNED,
        **texts,
    )
    Experiment.objects.filter(pk=experiment.pk).update(adopted_from=description)
    experiment.adopted_from = description
    log_action(
        actor=actor,
        action="experiments.model_description.adopted",
        target=description,
        data={"experiment": experiment.pk, "municipality": municipality.code},
    )
    return experiment
