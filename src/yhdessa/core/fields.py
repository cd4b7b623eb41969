from typing import Any

from django import forms
from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

NOT_A_WEB_ADDRESS = _("Anna verkko-osoite, joka alkaa http:// tai https://.")
#: A link shown on a page must be a web address: not ``ftp:``, ``javascript:`` or anything else.
WEB_ADDRESS = URLValidator(schemes=["http", "https"], message=NOT_A_WEB_ADDRESS)


class WebAddressFormField(forms.URLField):
    default_validators = [WEB_ADDRESS]
    # A form field puts its own "invalid" message in place of its validators' messages.
    default_error_messages = {"invalid": NOT_A_WEB_ADDRESS}


class WebAddressField(models.URLField):
    """A URL field whose form adds ``https://`` to an address typed without a scheme.

    People type "nivala.fi", and in 2026 the site behind it is served over HTTPS. Only web
    addresses are accepted, in forms and in model validation alike.
    """

    default_validators = [WEB_ADDRESS]

    def formfield(self, **kwargs: Any) -> Any:  # type: ignore[override]
        return super().formfield(
            **{"form_class": WebAddressFormField, "assume_scheme": "https", **kwargs}
        )
