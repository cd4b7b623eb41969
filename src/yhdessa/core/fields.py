from typing import Any

from django.db import models


class WebAddressField(models.URLField):
    """A URL field whose form adds ``https://`` to an address typed without a scheme.

    People type "nivala.fi", and in 2026 the site behind it is served over HTTPS.
    """

    def formfield(self, **kwargs: Any) -> Any:  # type: ignore[override]
        return super().formfield(**{"assume_scheme": "https", **kwargs})
