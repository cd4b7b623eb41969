from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from yhdessa.accounts.models import Membership
from yhdessa.accounts.selectors import projects_for_staff
from yhdessa.accounts.services import membership_grant
from yhdessa.core.http import AuthenticatedHttpRequest
from yhdessa.projects import selectors
from yhdessa.projects.forms import MemberInviteForm


def project_detail(request: HttpRequest, slug: str) -> HttpResponse:
    project = get_object_or_404(selectors.project_page(slug))
    return render(request, "projects/project_detail.html", {"project": project})


@login_required
def project_members(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """The project's people (personal data): its own members and its municipalities' staff."""
    project = get_object_or_404(projects_for_staff(request.user), slug=slug)
    if not request.user.has_perm("projects.manage_members", project):
        raise PermissionDenied
    form = MemberInviteForm(request.POST or None, project=project)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        municipality = data["municipality"]
        membership_grant(
            actor=request.user,
            email=data["email"],
            first_name=data["first_name"],
            last_name=data["last_name"],
            role=data["role"],
            project=None if municipality else project,
            municipality=municipality,
            invite_base_url=request.build_absolute_uri("/"),
        )
        messages.success(request, _("Rooli annettiin: %(email)s.") % {"email": data["email"]})
        return redirect("projects:project_members", slug=project.slug)
    memberships = (
        Membership.objects.filter(
            Q(project=project) | Q(municipality__in=project.partner_municipalities.all())
        )
        .select_related("user", "project", "municipality")
        .order_by("municipality__name", "role", "user__last_name")
    )
    return render(
        request,
        "projects/project_members.html",
        {"project": project, "memberships": memberships, "form": form},
        status=400 if form.errors else 200,
    )
