from typing import TYPE_CHECKING

from django import forms
from django.utils.translation import gettext_lazy as _

from yhdessa.reports.models import SectionText

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

#: About two printed pages: a section's text introduces its figures, it does not replace them.
MAX_TEXT = 6000


def _text(label: "StrOrPromise", help_text: "StrOrPromise", rows: int) -> forms.CharField:
    field = forms.CharField(
        label=label,
        help_text=help_text,
        required=False,
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": rows}),
    )
    # Without the browser's maxlength a pasted long text is not cut off silently: the
    # writer gets the message that says how long a text may be.
    field.widget.attrs.pop("maxlength", None)
    return field


class SectionTextForm(forms.ModelForm):
    """One section of the report: in or out, and the team's text in each language."""

    text_fi = _text(_("Teksti suomeksi"), _("Tyhjä rivi aloittaa uuden kappaleen."), 5)
    text_sv = _text(_("Teksti ruotsiksi"), _("Jos tyhjä, näytetään suomenkielinen teksti."), 3)
    text_en = _text(_("Teksti englanniksi"), _("Jos tyhjä, näytetään suomenkielinen teksti."), 3)

    class Meta:
        model = SectionText
        fields = ["included", "text_fi", "text_sv", "text_en"]
        labels = {"included": _("Osio on mukana raportissa")}
