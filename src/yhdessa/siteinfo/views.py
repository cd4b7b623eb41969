"""The legal pages, the contact page, the brand stylesheet, public images and the site
administrators' editing pages."""

import hashlib

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import condition, require_GET

from yhdessa.accounts import selectors as access
from yhdessa.core.http import AuthenticatedHttpRequest
from yhdessa.siteinfo import selectors, services
from yhdessa.siteinfo.forms import LegalPageForm, SiteProfileForm
from yhdessa.siteinfo.images import content_type_of
from yhdessa.siteinfo.models import PRIVACY_KEYS, PageKey
from yhdessa.siteinfo.text import render as render_text


def _page(request: HttpRequest, key: str, template: str) -> HttpResponse:
    page = selectors.legal_page(key)
    context = {
        "page": page,
        "body": render_text(page.body),
        "body_lang": selectors.fallback_language(page, "body"),
        "retention": selectors.retention_text(key),
        "profile": selectors.site_profile(request),
        "may_edit": access.may_edit_site(request.user),
    }
    return render(request, template, context)


def privacy_index(request: HttpRequest) -> HttpResponse:
    return render(request, "siteinfo/privacy_index.html", {"pages": selectors.privacy_pages()})


def privacy_notice(request: HttpRequest, key: str) -> HttpResponse:
    if key not in PRIVACY_KEYS:
        raise Http404
    return _page(request, key, "siteinfo/privacy_notice.html")


def accessibility_statement(request: HttpRequest) -> HttpResponse:
    return _page(request, PageKey.ACCESSIBILITY, "siteinfo/accessibility.html")


def contact(request: HttpRequest) -> HttpResponse:
    return _page(request, PageKey.CONTACT, "siteinfo/contact.html")


def _brand_etag(request: HttpRequest) -> str:
    css = selectors.brand_stylesheet(selectors.site_profile(request))
    return hashlib.sha256(css.encode()).hexdigest()[:16]


@require_GET
@condition(etag_func=_brand_etag)
def brand_css(request: HttpRequest) -> HttpResponse:
    """The administrator's colours as CSS custom properties: the CSP allows no inline style.
    Pages link it with the version in the address, so a change shows at once."""
    css = selectors.brand_stylesheet(selectors.site_profile(request))
    response = HttpResponse(css, content_type="text/css; charset=utf-8")
    response["Cache-Control"] = "public, max-age=3600"
    return response


@require_GET
def public_image(request: HttpRequest, name: str) -> FileResponse:
    """An uploaded image that a public page shows, from whichever storage holds it.

    Only names that the profile or an event refers to are served (no listing, nothing else
    of the storage); the stored names are random, so a file never changes under its name.
    """
    content_type = content_type_of(name)
    if content_type is None or not selectors.is_public_image(name):
        raise Http404
    try:
        stored = default_storage.open(name, "rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(stored, content_type=content_type)
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    return response


def _require_site_admin(user) -> None:
    if not access.may_edit_site(user):
        raise PermissionDenied


@login_required
def site_settings(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The service's name, brand, contact details and authorities, and the legal pages."""
    _require_site_admin(request.user)
    profile = selectors.profile_to_edit()
    form = SiteProfileForm(request.POST or None, request.FILES or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        services.profile_save(actor=request.user, values=form.cleaned_data)
        messages.success(request, _("Palvelun tiedot tallennettiin."))
        return redirect("siteinfo:site_settings")
    context = {"form": form, "pages": PageKey.choices}
    status = 400 if form.errors else 200
    return render(request, "siteinfo/site_settings.html", context, status=status)


@login_required
def page_edit(request: AuthenticatedHttpRequest, key: str) -> HttpResponse:
    _require_site_admin(request.user)
    if key not in PageKey.values:
        raise Http404
    form = LegalPageForm(request.POST or None, instance=selectors.legal_page(key))
    if request.method == "POST" and form.is_valid():
        services.legal_page_save(actor=request.user, key=key, values=form.cleaned_data)
        messages.success(request, _("Sivu tallennettiin."))
        return redirect("siteinfo:page_edit", key=key)
    context = {"form": form, "key": key, "label": PageKey(key).label}
    return render(request, "siteinfo/page_edit.html", context, status=400 if form.errors else 200)
