from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

SPREADSHEET_TYPES = (
    ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
)


class SpreadsheetFileField(forms.FileField):
    """An uploaded CSV or XLSX file of at most ``max_bytes``, refused with a clear message
    before anything reads it (the importers check again, as they are also called directly)."""

    def __init__(self, *, max_bytes: int, **kwargs: Any) -> None:
        self.max_bytes = max_bytes
        kwargs.setdefault(
            "error_messages",
            {
                "required": _("Valitse tuotava tiedosto."),
                "empty": _("Tiedosto on tyhjä."),
                "invalid": _("Tiedostoa ei voitu lukea. Valitse tiedosto uudelleen."),
            },
        )
        kwargs.setdefault("widget", forms.ClearableFileInput(attrs={"accept": SPREADSHEET_TYPES}))
        super().__init__(**kwargs)

    def clean(self, data: Any, initial: Any = None) -> UploadedFile | None:
        upload = super().clean(data, initial)
        if upload is None:
            return None
        if not (upload.name or "").lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError(
                _("Tiedoston tyyppiä ei tunnistettu. Tuo CSV- tai XLSX-tiedosto."),
                code="file_type",
            )
        if upload.size is not None and upload.size > self.max_bytes:
            raise forms.ValidationError(
                _("Tiedosto on liian suuri. Suurin sallittu koko on %(size)s Mt.")
                % {"size": self.max_bytes // (1024 * 1024)},
                code="too_large",
            )
        return upload
