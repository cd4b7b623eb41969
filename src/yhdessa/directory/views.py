from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from yhdessa.accounts.models import Membership
from yhdessa.accounts.selectors import municipalities_for_staff, organisations_editable_by
from yhdessa.core.http import AuthenticatedHttpRequest
from yhdessa.directory import selectors, services
from yhdessa.directory.forms import OrganisationFilterForm, OrganisationForm
from yhdessa.directory.models import Organisation

PAGE_SIZE = 25


def municipality_list(request: HttpRequest) -> HttpResponse:
    municipalities = selectors.municipalities_with_counts()
    return render(request, "directory/municipality_list.html", {"municipalities": municipalities})


def municipality_detail(request: HttpRequest, code: str) -> HttpResponse:
    municipality = get_object_or_404(selectors.municipality_with_projects(code))
    organisations = selectors.organisations_of_municipality(municipality)
    return render(
        request,
        "directory/municipality_detail.html",
        {"municipality": municipality, "organisations": organisations},
    )


def organisation_list(request: HttpRequest) -> HttpResponse:
    form = OrganisationFilterForm(request.GET or None)
    valid = not form.is_bound or form.is_valid()
    filters = form.cleaned_data if form.is_bound and valid else {}
    organisations = (
        selectors.organisations_search(**filters) if valid else Organisation.objects.none()
    )
    status = 200 if valid else 400
    page = Paginator(organisations, PAGE_SIZE).get_page(request.GET.get("page"))
    template = "directory/organisation_list.html"
    if request.headers.get("HX-Request") and request.headers.get("HX-Target") == "results":
        template += "#results"
    return render(request, template, {"form": form, "page": page}, status=status)


def organisation_detail(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_object_or_404(Organisation.objects.select_related("municipality"), slug=slug)
    can_edit = request.user.has_perm("directory.change_organisation", organisation)
    return render(
        request,
        "directory/organisation_detail.html",
        {"organisation": organisation, "can_edit": can_edit},
    )


@login_required
def municipality_staff(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    """A municipality's own workspace: its staff (personal data) and its organisations."""
    municipality = get_object_or_404(municipalities_for_staff(request.user), code=code)
    memberships = Membership.objects.filter(municipality=municipality).select_related("user")
    organisations = selectors.organisations_of_municipality(municipality)
    return render(
        request,
        "directory/municipality_staff.html",
        {"municipality": municipality, "memberships": memberships, "organisations": organisations},
    )


@login_required
def organisation_create(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    municipality = get_object_or_404(municipalities_for_staff(request.user), code=code)
    form = OrganisationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        organisation = services.organisation_create(
            actor=request.user, municipality=municipality, fields=form.cleaned_data
        )
        messages.success(request, _("Organisaatio %(name)s lisättiin.") % {"name": organisation})
        return redirect(organisation)
    return render(
        request,
        "directory/organisation_form.html",
        {"form": form, "municipality": municipality},
        status=400 if form.errors else 200,
    )


@login_required
def organisation_edit(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    organisation = get_object_or_404(organisations_editable_by(request.user), slug=slug)
    form = OrganisationForm(request.POST or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        organisation = services.organisation_update(
            actor=request.user, organisation=organisation, fields=form.cleaned_data
        )
        messages.success(request, _("Muutokset tallennettiin."))
        return redirect(organisation)
    return render(
        request,
        "directory/organisation_form.html",
        {"form": form, "organisation": organisation, "municipality": organisation.municipality},
        status=400 if form.errors else 200,
    )
