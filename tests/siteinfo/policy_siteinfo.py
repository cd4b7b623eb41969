"""Access policies of the legal pages, the brand stylesheet, public images and the site
administrators' pages (merged into tests/access_policy.py).

The notices, the accessibility statement and the contact page are for everyone, as is the
brand stylesheet. The service's name, brand and legal texts belong to the whole site: only
its administrators (superusers, or users with ``siteinfo.change_siteprofile``; none of the
actors is one) edit them, and everyone else signed in is refused (403: the page is no secret).
"""

from tests.conftest import Actor
from tests.harness.access import Outcome, Policy

A = Actor
O = Outcome  # noqa: E741

PUBLIC = dict.fromkeys(Actor, O.OK)
SITE_ADMIN_ONLY = dict.fromkeys(Actor, O.FORBIDDEN) | {A.ANONYMOUS: O.LOGIN}

SITEINFO_POLICIES = {
    "siteinfo:privacy_index": Policy(PUBLIC),
    "siteinfo:privacy_notice": Policy(PUBLIC, kwargs=lambda world: {"key": "ilmoittautumiset"}),
    "siteinfo:accessibility": Policy(PUBLIC),
    "siteinfo:contact": Policy(PUBLIC),
    "siteinfo:site_settings": Policy(SITE_ADMIN_ONLY),
    "siteinfo:site_settings#post": Policy(SITE_ADMIN_ONLY, method="post"),
    "siteinfo:page_edit": Policy(SITE_ADMIN_ONLY, kwargs=lambda world: {"key": "kyselyt"}),
    "siteinfo:page_edit#post": Policy(
        SITE_ADMIN_ONLY, kwargs=lambda world: {"key": "kyselyt"}, method="post"
    ),
    "brand_css": Policy(PUBLIC),
    # The test world has no uploaded images: a name no page shows is never served, to anyone
    # (images that pages show are served to everyone: tests/siteinfo/test_media.py).
    "public_image": Policy(
        dict.fromkeys(Actor, O.NOT_FOUND), kwargs=lambda world: {"name": "branding/ei-ole.png"}
    ),
}
