from typing import Any

from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class WebAddressField(models.URLField):
    """A URL field whose form adds ``https://`` to an address typed without a scheme.

    People type "nivala.fi", and in 2026 the site behind it is served over HTTPS. Only web
    addresses are accepted: a link shown on a page must not be ``ftp:`` or anything else.
    """

    default_validators = [
        URLValidator(
            schemes=["http", "https"],
            message=_("Anna verkko-osoite, joka alkaa http:// tai https://."),
        )
    ]

    def formfield(self, **kwargs: Any) -> Any:  # type: ignore[override]
        return super().formfield(**{"assume_scheme": "https", **kwargs})
