from django.http import HttpRequest

from yhdessa.siteinfo import selectors
from yhdessa.siteinfo.images import public_image_url


def site_profile(request: HttpRequest) -> dict[str, object]:
    """The service's name, logo and brand for base.html: one cache read per request."""
    profile = selectors.site_profile(request)
    return {
        "site_profile": profile,
        "site_logo_url": public_image_url(profile.logo.name) if profile.logo else "",
        "brand_version": selectors.brand_version(profile),
    }
