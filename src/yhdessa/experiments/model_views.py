"""Operational model description pages: the public list and page, the downloads (PDF, JSON,
Markdown), the staff form, publishing, and adopting a model as a new experiment.

Reads come from ``model_selectors`` and every figure from ``model_export.build``; writes go
through ``model_services``. A draft answers 404 to anyone outside its project's staff.
"""

import json
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from yhdessa.core.http import AuthenticatedHttpRequest
from yhdessa.experiments import model_export, model_selectors, model_services
from yhdessa.experiments.model_forms import AdoptForm, ModelDescriptionForm, ModelFilterForm
from yhdessa.experiments.models import Experiment, ModelDescription
from yhdessa.projects.models import Project

PAGE_SIZE = 20


def _readable(request: HttpRequest, slug: str) -> ModelDescription:
    description = model_selectors.description_to_read(request.user, slug)
    if description is None:
        raise Http404(_("Toimintamallikuvausta ei löytynyt."))
    return description


def _can_manage(request: HttpRequest, description: ModelDescription) -> bool:
    managed = model_selectors.descriptions_managed_by(request.user)
    return managed.filter(pk=description.pk).exists()


def model_list(request: HttpRequest) -> HttpResponse:
    form = ModelFilterForm(
        request.GET or None,
        municipalities=model_selectors.listed_municipalities(),
        projects=model_selectors.listed_projects(),
    )
    valid = not form.is_bound or form.is_valid()
    filters = form.filters() if form.is_bound and valid else {}
    found = model_selectors.public_list(**filters) if valid else ModelDescription.objects.none()
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    drafts = model_selectors.descriptions_for_staff(request.user).filter(
        status=ModelDescription.Status.DRAFT
    )
    context = {
        "form": form,
        "page": page,
        "drafts": drafts.order_by("name"),
        "projects": model_selectors.projects_for_new_descriptions(request.user),
    }
    return render(request, "experiments/models/list.html", context, status=200 if valid else 400)


def model_detail(request: HttpRequest, slug: str) -> HttpResponse:
    description = _readable(request, slug)
    report = model_export.build(description, request.user)
    context = {
        "report": report,
        "basic": model_export.basic_information(report),
        "can_manage": _can_manage(request, description),
    }
    return render(request, "experiments/models/detail.html", context)


def model_pdf(request: HttpRequest, slug: str) -> HttpResponse:
    report = model_export.build(_readable(request, slug), request.user)
    html = render_to_string(
        "experiments/models/pdf.html",
        {"report": report, "basic": model_export.basic_information(report)},
        request=request,
    )
    response = HttpResponse(model_export.as_pdf(html), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{slug}.pdf"'
    return response


def model_json(request: HttpRequest, slug: str) -> HttpResponse:
    report = model_export.build(_readable(request, slug), request.user)
    content = json.dumps(model_export.as_json(report), ensure_ascii=False, indent=2)
    response = HttpResponse(content, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{slug}.json"'
    return response


def model_markdown(request: HttpRequest, slug: str) -> HttpResponse:
    report = model_export.build(_readable(request, slug), request.user)
    response = HttpResponse(
        model_export.as_markdown(report), content_type="text/markdown; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{slug}.md"'
    return response


# --- Staff: writing and publishing -----------------------------------------------------------


def _form_page(
    request: AuthenticatedHttpRequest,
    project: Project,
    description: ModelDescription | None,
    *,
    experiment: Experiment | None = None,
) -> HttpResponse:
    """The staff form: shown, or saved and on to the description's page."""
    data = request.POST if request.method == "POST" else None
    initial: dict[str, Any] = {}
    if description is None and experiment is not None:
        initial = model_services.prefill_from_experiment(experiment)
        initial["municipalities"] = [experiment.municipality]
    form = ModelDescriptionForm(data, instance=description, initial=initial, project=project)
    if data is not None and form.is_valid():
        municipalities = form.cleaned_data["municipalities"]
        try:
            if description is None:
                description = model_services.description_create(
                    actor=request.user,
                    project=project,
                    experiment=experiment,
                    municipalities=municipalities,
                    **form.fields_to_save(),
                )
            else:
                model_services.description_update(
                    actor=request.user,
                    description=description,
                    municipalities=municipalities,
                    **form.fields_to_save(),
                )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Toimintamallikuvaus tallennettiin."))
            return redirect("experiments:model_detail", slug=description.slug)
    context = {"form": form, "project": project, "description": description}
    context["experiment"] = experiment
    status = 400 if form.errors else 200
    return render(request, "experiments/models/form.html", context, status=status)


@login_required
def model_create_from_experiment(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    experiment = model_selectors.experiment_for_description(request.user, pk)
    existing = ModelDescription.objects.filter(experiment=experiment).first()
    if existing is not None:
        messages.info(request, _("Kokeilusta on jo toimintamallikuvaus: voit muokata sitä."))
        return redirect("experiments:model_edit", slug=existing.slug)
    return _form_page(request, experiment.project, None, experiment=experiment)


@login_required
def model_create(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    project = model_selectors.project_for_standalone(request.user, slug)
    return _form_page(request, project, None)


@login_required
def model_edit(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    description = model_selectors.description_to_manage(request.user, slug)
    return _form_page(request, description.project, description, experiment=description.experiment)


@login_required
@require_POST
def model_publish(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    description = model_selectors.description_to_manage(request.user, slug)
    publish = request.POST.get("publish") == "1"
    try:
        model_services.description_publish(
            actor=request.user, description=description, publish=publish
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("experiments:model_edit", slug=slug)
    if publish:
        messages.success(request, _("Kuvaus on julkaistu: kuka tahansa voi nyt lukea sen."))
    else:
        messages.success(request, _("Kuvaus palautettiin luonnokseksi."))
    return redirect("experiments:model_detail", slug=slug)


# --- Adopting a model ------------------------------------------------------------------------


@login_required
def model_adopt(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """Start a planned experiment from the model in a municipality the user manages."""
    description = _readable(request, slug)
    places = model_selectors.adoption_targets(request.user)
    form = AdoptForm(request.POST if request.method == "POST" else None, places=places)
    if places and form.is_bound and form.is_valid():
        project, municipality = form.chosen()
        try:
            experiment = model_services.description_adopt(
                actor=request.user,
                description=description,
                project=project,
                municipality=municipality,
            )
        except ValidationError as error:
            form.add_error("place", error)
        else:
            messages.success(
                request,
                _("Kokeilu ”%(title)s” luotiin suunnitteilla olevaksi. Täydennä sen tiedot.")
                % {"title": experiment.title},
            )
            return redirect(reverse("experiments:experiment_staff", kwargs={"pk": experiment.pk}))
    context = {"description": description, "form": form, "places": places}
    return render(
        request, "experiments/models/adopt.html", context, status=400 if form.errors else 200
    )
