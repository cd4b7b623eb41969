"""Tip list pages (public), their editing (the project's admins) and the checklists adopted
from them (staff). Reads come from ``tip_selectors``, writes go through ``tip_services``."""

from typing import Any, cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from yhdessa.core.http import AuthenticatedHttpRequest
from yhdessa.toolkit import tip_selectors as selectors
from yhdessa.toolkit import tip_services as services
from yhdessa.toolkit.models import Checklist, TipList, TipListVersion
from yhdessa.toolkit.tip_forms import (
    AdoptForm,
    BaseTipItemFormSet,
    ChecklistItemForm,
    PublishForm,
    TipItemFormSet,
)

# --- Public ----------------------------------------------------------------------------------


def tip_list_index(request: HttpRequest) -> HttpResponse:
    tip_lists = selectors.published_tip_lists()
    return render(request, "toolkit/tips/index.html", {"tip_lists": tip_lists})


def _version_page(request: HttpRequest, tip_list: TipList, version: TipListVersion) -> HttpResponse:
    current = selectors.published_version(tip_list)
    context = {
        "tip_list": tip_list,
        "version": version,
        "is_current": version.pk == current.pk,
        "current": current,
        "phases": selectors.items_by_phase(version.items.all()),
        "earlier": selectors.earlier_versions(tip_list, version),
        "manages": selectors.tip_lists_managed_by(request.user).filter(pk=tip_list.pk).exists(),
    }
    return render(request, "toolkit/tips/detail.html", context)


def tip_list_detail(request: HttpRequest, slug: str) -> HttpResponse:
    tip_list = selectors.tip_list_to_read(slug)
    return _version_page(request, tip_list, selectors.published_version(tip_list))


def tip_list_version(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    tip_list = selectors.tip_list_to_read(slug)
    return _version_page(request, tip_list, selectors.published_version(tip_list, number))


# --- Editing (the list's project admins) -----------------------------------------------------


def _initial_items(tip_list: TipList) -> list[dict[str, Any]]:
    source = selectors.draft_version(tip_list) or tip_list.versions.first()
    if source is None:
        return []
    return [
        {name: getattr(item, name) for name in services.ITEM_FIELDS} for item in source.items.all()
    ]


@login_required
def tip_list_edit(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """Editing the items saves a draft: the published version stays as it is until the
    draft is published as the next version."""
    tip_list = selectors.tip_list_to_manage(request.user, slug)
    data = request.POST if request.method == "POST" else None
    formset = cast(
        BaseTipItemFormSet,
        TipItemFormSet(data, initial=_initial_items(tip_list), prefix="items"),
    )
    if data is not None and formset.is_valid():
        draft = services.tip_list_save_draft(
            actor=request.user, tip_list=tip_list, items=formset.items()
        )
        messages.success(
            request,
            _("Luonnos (versio %(number)s) tallennettiin. Julkaise se, kun se on valmis.")
            % {"number": draft.number},
        )
        return redirect("toolkit:tip_list_edit", slug=slug)
    context = {
        "tip_list": tip_list,
        "formset": formset,
        "draft": selectors.draft_version(tip_list),
        "publish_form": PublishForm(),
    }
    return render(
        request, "toolkit/tips/edit.html", context, status=400 if data is not None else 200
    )


@login_required
@require_POST
def tip_list_publish(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    tip_list = selectors.tip_list_to_manage(request.user, slug)
    form = PublishForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Muutoksen kuvaus on liian pitkä (enintään 300 merkkiä)."))
        return redirect("toolkit:tip_list_edit", slug=slug)
    try:
        version = services.tip_list_publish(
            actor=request.user, tip_list=tip_list, change_note=form.cleaned_data["change_note"]
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("toolkit:tip_list_edit", slug=slug)
    messages.success(request, _("Versio %(number)s julkaistiin.") % {"number": version.number})
    return redirect("toolkit:tip_list_detail", slug=slug)


# --- Checklists (staff) ----------------------------------------------------------------------


@login_required
def tip_list_adopt(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    tip_list = selectors.tip_list_to_read(slug)
    version = selectors.published_version(tip_list)
    targets = selectors.adoption_targets(request.user)
    form = AdoptForm(request.POST if request.method == "POST" else None, targets=targets)
    if targets and form.is_bound and form.is_valid():
        target = form.chosen()
        try:
            checklist = services.checklist_adopt(
                actor=request.user,
                version=version,
                experiment=target.experiment,
                municipality=target.municipality,
            )
        except ValidationError as error:
            form.add_error("target", error)
        else:
            messages.success(request, _("Vinkkilista otettiin käyttöön tarkistuslistana."))
            return redirect("toolkit:checklist_detail", pk=checklist.pk)
    context = {"tip_list": tip_list, "version": version, "form": form, "targets": targets}
    refused = bool(targets) and form.is_bound and bool(form.errors)
    return render(request, "toolkit/tips/adopt.html", context, status=400 if refused else 200)


@login_required
def checklist_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    checklists = selectors.my_checklists(request.user)
    return render(request, "toolkit/tips/checklists.html", {"checklists": checklists})


def _checklist_page(
    request: AuthenticatedHttpRequest,
    checklist: Checklist,
    bound: ChecklistItemForm | None = None,
    bound_pk: int | None = None,
) -> HttpResponse:
    can_change = selectors.can_change_checklist(request.user, checklist)
    owners = selectors.owner_choices(checklist)
    items = list(selectors.checklist_items(checklist))
    for item in items:
        item.overdue = selectors.is_overdue(item)  # type: ignore[attr-defined]
        if can_change:
            item.form = (  # type: ignore[attr-defined]
                bound
                if item.pk == bound_pk
                else ChecklistItemForm(
                    prefix=f"item-{item.pk}",
                    owners=owners,
                    initial={"done": item.is_done, "owner": item.owner, "due_on": item.due_on},
                )
            )
    context = {
        "checklist": checklist,
        "phases": selectors.items_by_phase(items),  # type: ignore[arg-type]
        "can_change": can_change,
        "bound": bound,
    }
    return render(request, "toolkit/tips/checklist.html", context, status=400 if bound else 200)


@login_required
def checklist_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _checklist_page(request, selectors.checklist_to_read(request.user, pk))


@login_required
@require_POST
def checklist_item_update(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    item = selectors.checklist_item_to_manage(request.user, pk)
    form = ChecklistItemForm(
        request.POST, prefix=f"item-{item.pk}", owners=selectors.owner_choices(item.checklist)
    )
    if not form.is_valid():
        checklist = selectors.checklist_to_read(request.user, item.checklist_id)
        return _checklist_page(request, checklist, bound=form, bound_pk=item.pk)
    services.checklist_item_update(actor=request.user, item=item, **form.cleaned_data)
    messages.success(request, _("Kohta ”%(text)s” tallennettiin.") % {"text": item.text[:60]})
    url = reverse("toolkit:checklist_detail", kwargs={"pk": item.checklist_id})
    return redirect(f"{url}#item-{item.pk}")
