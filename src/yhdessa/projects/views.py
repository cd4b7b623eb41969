from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from yhdessa.accounts.models import Membership
from yhdessa.accounts.selectors import projects_for_staff
from yhdessa.accounts.services import membership_grant, membership_revoke
from yhdessa.core.http import AuthenticatedHttpRequest
from yhdessa.events.selectors import public_events
from yhdessa.events.statistics import public_training_table
from yhdessa.projects import selectors
from yhdessa.projects.forms import MemberInviteForm
from yhdessa.projects.models import Project
from yhdessa.surveys.selectors import public_surveys


def project_detail(request: HttpRequest, slug: str) -> HttpResponse:
    project = get_object_or_404(selectors.project_page(slug))
    context = {
        "project": project,
        "upcoming_events": public_events().filter(project=project, ends_at__gte=timezone.now()),
        "training_stats": public_training_table(project),
        "public_surveys": public_surveys()
        .filter(project=project)
        .annotate(wave_count=Count("waves"))
        .order_by("created_at", "pk"),
    }
    return render(request, "projects/project_detail.html", context)


def _project_to_manage(request: AuthenticatedHttpRequest, slug: str) -> Project:
    """404 to those outside the project, 403 to its members who are not its admins."""
    project = get_object_or_404(projects_for_staff(request.user), slug=slug)
    if not request.user.has_perm("projects.manage_members", project):
        raise PermissionDenied
    return project


def _project_memberships(project: Project) -> QuerySet[Membership]:
    return Membership.objects.filter(
        Q(project=project) | Q(municipality__in=project.partner_municipalities.all())
    )


@login_required
def project_members(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """The project's people (personal data): its own members and its municipalities' staff."""
    project = _project_to_manage(request, slug)
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
            invite=True,
            invited_to=project,
        )
        messages.success(request, _("Rooli annettiin: %(email)s.") % {"email": data["email"]})
        return redirect("projects:project_members", slug=project.slug)
    memberships = (
        _project_memberships(project)
        .select_related("user", "project", "municipality")
        .order_by("municipality__name", "role", "user__last_name")
    )
    return render(
        request,
        "projects/project_members.html",
        {"project": project, "memberships": memberships, "form": form},
        status=400 if form.errors else 200,
    )


@require_POST
@login_required
def membership_revoke_view(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    project = _project_to_manage(request, slug)
    membership = get_object_or_404(_project_memberships(project).select_related("user"), pk=pk)
    membership_revoke(actor=request.user, membership=membership)
    messages.success(
        request,
        _("Rooli %(role)s poistettiin: %(email)s.")
        % {"role": membership.get_role_display(), "email": membership.user.email},
    )
    return redirect("projects:project_members", slug=project.slug)
