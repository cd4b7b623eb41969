"""A project's publications: the public list with filters and counts, and the staff form
(the project's admins). Reads from ``tip_selectors``, writes through ``tip_services``."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from yhdessa.core.http import AuthenticatedHttpRequest
from yhdessa.experiments.selectors import project_to_administer
from yhdessa.projects.models import Project
from yhdessa.toolkit import tip_selectors as selectors
from yhdessa.toolkit import tip_services as services
from yhdessa.toolkit.models import Publication, PublicationKind
from yhdessa.toolkit.tip_forms import PublicationFilterForm, PublicationForm


def publication_list(request: HttpRequest, slug: str) -> HttpResponse:
    project = selectors.project_with_publications(request.user, slug)
    by_kind, by_channel = selectors.publication_counts(project)
    channels = sorted(row["channel"] for row in by_channel)
    form = PublicationFilterForm(request.GET or None, channels=channels)
    valid = not form.is_bound or form.is_valid()
    filters = form.cleaned_data if form.is_bound and valid else {}
    publications = (
        selectors.publications_of(project, **filters) if valid else Publication.objects.none()
    )
    labels = dict(PublicationKind.choices)
    context = {
        "project": project,
        "form": form,
        "publications": publications,
        "by_kind": [{**row, "label": labels.get(row["kind"], row["kind"])} for row in by_kind],
        "by_channel": by_channel,
        "total": sum(row["count"] for row in by_kind),
        "manages": selectors.can_administer(request.user, project),
    }
    return render(request, "toolkit/publications/list.html", context, status=200 if valid else 400)


def _form_page(
    request: AuthenticatedHttpRequest, project: Project, publication: Publication | None
) -> HttpResponse:
    data = request.POST if request.method == "POST" else None
    form = PublicationForm(data, instance=publication)
    if data is not None and form.is_valid():
        try:
            if publication is None:
                services.publication_create(
                    actor=request.user, project=project, **form.fields_to_save()
                )
            else:
                services.publication_update(
                    actor=request.user, publication=publication, **form.fields_to_save()
                )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Julkaisu tallennettiin."))
            return redirect("toolkit:publication_list", slug=project.slug)
    context = {"form": form, "project": project, "publication": publication}
    return render(
        request, "toolkit/publications/form.html", context, status=400 if form.errors else 200
    )


@login_required
def publication_create(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    return _form_page(request, project_to_administer(request.user, slug), None)


@login_required
def publication_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    publication = selectors.publication_to_manage(request.user, pk)
    return _form_page(request, publication.project, publication)


@login_required
def publication_delete(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    publication = selectors.publication_to_manage(request.user, pk)
    if request.method == "POST":
        project_slug = publication.project.slug
        services.publication_delete(actor=request.user, publication=publication)
        messages.success(request, _("Julkaisu poistettiin."))
        return redirect("toolkit:publication_list", slug=project_slug)
    return render(request, "toolkit/publications/delete.html", {"publication": publication})
