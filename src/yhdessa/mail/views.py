from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from yhdessa.accounts.selectors import (
    object_to_manage,
    projects_administered_by,
    projects_for_staff,
)
from yhdessa.core.http import AuthenticatedHttpRequest
from yhdessa.mail import selectors, services
from yhdessa.projects.models import Project


def _project(request: AuthenticatedHttpRequest, slug: str) -> Project:
    """The recipients are personal data: the project's admins only."""
    user = request.user
    return object_to_manage(projects_for_staff(user), projects_administered_by(user), slug=slug)


@login_required
def project_mail(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """Messages of the project that have not gone out: waiting for a retry, or failed."""
    project = _project(request, slug)
    emails = selectors.undelivered_emails(project=project)
    return render(request, "mail/project_mail.html", {"project": project, "emails": emails})


@require_POST
@login_required
def project_mail_retry(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    project = _project(request, slug)
    ids = selectors.undelivered_emails(project=project).values_list("pk", flat=True)
    count = services.emails_retry(actor=request.user, email_ids=list(ids))
    messages.success(
        request,
        ngettext(
            "%(count)s viesti lähetetään uudelleen.",
            "%(count)s viestiä lähetetään uudelleen.",
            count,
        )
        % {"count": count},
    )
    return redirect("mail:project_mail", slug=project.slug)
