"""Numbers as the sections write them into text (a chart's text alternative, a note): in the
active language, hidden ones as the word the pages use. Table cells stay numbers; the page,
the PDF and the workbook format those themselves."""

from django.utils.formats import number_format
from django.utils.translation import gettext as _


def one_decimal(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def decimal_text(value: float | None) -> str:
    """One decimal as the active language writes it ("4,2", "4.2"), with a true minus sign."""
    if value is None:
        return _("piilotettu")
    rounded = round(value, 1)
    text = number_format(abs(rounded), 1)
    return f"−{text}" if rounded < 0 else text


def percent_text(share: float | None) -> str:
    return _("piilotettu") if share is None else f"{decimal_text(share)} %"
