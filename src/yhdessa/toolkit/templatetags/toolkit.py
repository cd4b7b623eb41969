"""Template tags of the toolkit: the checklists of an experiment or a municipality, for the
progress box on their staff pages (so those pages' views need not know about checklists)."""

from typing import Any

from django import template
from django.db.models import QuerySet

from yhdessa.directory.models import Municipality
from yhdessa.experiments.models import Experiment
from yhdessa.toolkit.models import Checklist
from yhdessa.toolkit.tip_selectors import checklists_of

register = template.Library()


@register.simple_tag(takes_context=True)
def checklists_for(
    context: dict[str, Any], target: Experiment | Municipality
) -> QuerySet[Checklist]:
    """The target's checklists that the signed-in user may see, with their progress."""
    return checklists_of(context["request"].user, target)
