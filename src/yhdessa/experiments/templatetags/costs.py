"""``{% load costs %}``: money and shares as the cost model shows them."""

from decimal import ROUND_HALF_UP, Decimal

from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext

from yhdessa.experiments import costs

register = template.Library()


@register.filter
def money(value: Decimal | None) -> str:
    """ "3 040,00 €" in the active language; "–" for a figure that cannot be computed."""
    return costs.money(value)


@register.filter
def share(value: Decimal | None) -> str:
    """A percentage to one decimal ("12,3 %"); "piilotettu" for a hidden one."""
    if value is None:
        return gettext("piilotettu")
    rounded = value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return f"{number_format(rounded, 1)}{costs.NBSP}%"
