"""Who may see and change which tip list, checklist and publication, as querysets.

Tip lists and their published versions are public; a draft version is seen by the admins of
the list's project only, who also edit it. A checklist is staff-only: the staff of its
experiment (``experiments_for_staff``) or of its municipality (``municipalities_for_staff``)
see it, and those who manage the experiment or keep the municipality change it. A project's
publications are public when the project is; its admins write them.
"""

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, Exists, Min, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from yhdessa.accounts.models import Membership, Role, User
from yhdessa.accounts.selectors import (
    municipalities_for_staff,
    object_to_manage,
    projects_administered_by,
    projects_for_staff,
)
from yhdessa.directory.models import Municipality
from yhdessa.experiments.models import Experiment
from yhdessa.experiments.selectors import experiments_for_staff, experiments_managed_by
from yhdessa.projects.models import Project
from yhdessa.toolkit.models import (
    Checklist,
    ChecklistItem,
    Phase,
    Publication,
    TipItem,
    TipList,
    TipListVersion,
)

# --- Tip lists -------------------------------------------------------------------------------


def _published_versions() -> QuerySet[TipListVersion]:
    return TipListVersion.objects.filter(published_at__isnull=False)


def published_tip_lists() -> QuerySet[TipList]:
    """Lists with a published version, each with its current version's id, number and date."""
    current = _published_versions().filter(tip_list=OuterRef("pk")).order_by("-number")
    return (
        TipList.objects.filter(Exists(current))
        .annotate(
            current_version_id=Subquery(current.values("pk")[:1]),
            current_number=Subquery(current.values("number")[:1]),
            current_published_at=Subquery(current.values("published_at")[:1]),
        )
        .select_related("project")
    )


def project_tip_lists(project: Project) -> QuerySet[TipList]:
    """The published lists made in the project (the toolkit it leaves behind), in the order
    they were made."""
    return published_tip_lists().filter(project=project).order_by("created_at", "pk")


def items_per_phase(version_ids: Iterable[int]) -> dict[int, dict[str, int]]:
    """Each version's number of items per phase (phases without items left out), counted
    in one query however many versions."""
    rows = (
        TipItem.objects.filter(version__in=list(version_ids))
        .order_by()
        .values("version", "phase")
        .annotate(count=Count("pk"))
    )
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    for row in rows:
        counts[row["version"]][row["phase"]] = row["count"]
    return counts


def tip_list_to_read(slug: str) -> TipList:
    return get_object_or_404(published_tip_lists(), slug=slug)


def published_version(tip_list: TipList, number: int | None = None) -> TipListVersion:
    """The current published version, or the numbered one; 404 for a draft or none."""
    versions = _published_versions().filter(tip_list=tip_list)
    version = versions.filter(number=number).first() if number else versions.first()
    if version is None:
        raise Http404(_("Versiota ei löytynyt."))
    return version


def earlier_versions(tip_list: TipList, current: TipListVersion) -> QuerySet[TipListVersion]:
    return _published_versions().filter(tip_list=tip_list).exclude(pk=current.pk)


def draft_version(tip_list: TipList) -> TipListVersion | None:
    return tip_list.versions.filter(published_at__isnull=True).first()


def items_by_phase(items: QuerySet[TipItem] | QuerySet[ChecklistItem]) -> list[tuple[str, list]]:
    """(phase label, items) in the order plan, do, follow up; phases without items left out."""
    grouped: dict[str, list] = {value: [] for value in Phase.values}
    for item in items:
        grouped[item.phase].append(item)
    return [(str(Phase(value).label), grouped[value]) for value in Phase.values if grouped[value]]


def tip_lists_managed_by(user: User | AnonymousUser) -> QuerySet[TipList]:
    if not user.is_authenticated or not user.is_active:
        return TipList.objects.none()
    if user.is_superuser:
        return TipList.objects.all()
    return TipList.objects.filter(project__in=projects_administered_by(user))


def tip_list_to_manage(user: User, slug: str) -> TipList:
    """404 outside the list's project staff, 403 to its members who are not its admins."""
    visible = TipList.objects.filter(project__in=projects_for_staff(user))
    return object_to_manage(visible, tip_lists_managed_by(user), slug=slug)


# --- Checklists ------------------------------------------------------------------------------


def checklists_for_staff(user: User | AnonymousUser) -> QuerySet[Checklist]:
    if not user.is_authenticated or not user.is_active:
        return Checklist.objects.none()
    return Checklist.objects.filter(
        Q(experiment__in=experiments_for_staff(user))
        | Q(municipality__in=municipalities_for_staff(user))
    )


def checklists_managed_by(user: User | AnonymousUser) -> QuerySet[Checklist]:
    if not user.is_authenticated or not user.is_active:
        return Checklist.objects.none()
    return Checklist.objects.filter(
        Q(experiment__in=experiments_managed_by(user))
        | Q(municipality__in=municipalities_for_staff(user))
    )


def with_progress(checklists: QuerySet[Checklist]) -> QuerySet[Checklist]:
    """Each checklist with ``done_count``, ``item_count`` and ``overdue_count`` (counted by
    the database, in one query however many checklists there are)."""
    today = timezone.localdate()
    return checklists.select_related("tip_list", "version", "experiment", "municipality").annotate(
        item_count=Count("items"),
        done_count=Count("items", filter=Q(items__done_at__isnull=False)),
        overdue_count=Count(
            "items", filter=Q(items__done_at__isnull=True, items__due_on__lt=today)
        ),
    )


def checklist_to_read(user: User | AnonymousUser, pk: int) -> Checklist:
    return get_object_or_404(with_progress(checklists_for_staff(user)), pk=pk)


def can_change_checklist(user: User | AnonymousUser, checklist: Checklist) -> bool:
    return checklists_managed_by(user).filter(pk=checklist.pk).exists()


def checklist_item_to_manage(user: User | AnonymousUser, pk: int) -> ChecklistItem:
    return object_to_manage(
        ChecklistItem.objects.filter(checklist__in=checklists_for_staff(user)),
        ChecklistItem.objects.filter(checklist__in=checklists_managed_by(user)),
        pk=pk,
    )


def checklist_items(checklist: Checklist) -> QuerySet[ChecklistItem]:
    return checklist.items.select_related("owner")


def checklists_of(
    user: User | AnonymousUser, target: Experiment | Municipality
) -> QuerySet[Checklist]:
    """The checklists of one experiment or municipality that the user may see."""
    field = "experiment" if isinstance(target, Experiment) else "municipality"
    return with_progress(checklists_for_staff(user).filter(**{field: target}))


def owner_choices(checklist: Checklist) -> QuerySet[User]:
    """Who can own an item: the staff of the checklist's experiment (its project's members and
    its municipality's coordinators) or of its municipality (its coordinators and the admins
    of projects it is a partner in)."""
    if checklist.experiment_id is not None:
        experiment = checklist.experiment
        assert experiment is not None  # noqa: S101
        staff = Q(project=experiment.project_id) | Q(
            role=Role.COORDINATOR, municipality=experiment.municipality_id
        )
    else:
        staff = Q(role=Role.COORDINATOR, municipality=checklist.municipality_id) | Q(
            role=Role.PROJECT_ADMIN, project__partner_municipalities=checklist.municipality_id
        )
    members = Membership.objects.filter(staff).values("user")
    return User.objects.filter(pk__in=members, is_active=True).order_by("email")


@dataclass(frozen=True)
class Target:
    """Where a tip list can be adopted: ``key`` is "e<pk>" or "m<code>"."""

    key: str
    label: str
    experiment: Experiment | None = None
    municipality: Municipality | None = None


def adoption_targets(user: User | AnonymousUser) -> list[Target]:
    experiments = experiments_managed_by(user).select_related("municipality")
    targets = [
        Target(
            key=f"e{experiment.pk}",
            label=_("Kokeilu: %(title)s (%(place)s)")
            % {"title": experiment.title, "place": experiment.municipality.name},
            experiment=experiment,
        )
        for experiment in experiments.order_by("title")
    ]
    municipalities = (
        municipalities_for_staff(user) if user.is_authenticated else Municipality.objects.none()
    )
    targets += [
        Target(
            key=f"m{municipality.code}",
            label=_("Kunta: %(name)s") % {"name": municipality.name},
            municipality=municipality,
        )
        for municipality in municipalities.order_by("name")
    ]
    return targets


@dataclass(frozen=True)
class Adoption:
    """The checklists that one municipality (itself or through its experiments) made of one
    tip list, and how far they are: counts of tasks, nothing of who does them."""

    municipality: Municipality
    tip_list_id: int
    checklists: int
    items: int
    done: int
    #: The checklist itself when there is only one, to link to; ``None`` for several.
    only_checklist_id: int | None


def adoption_by_municipality(
    tip_list_ids: Iterable[int],
    *,
    within: QuerySet[Municipality],
    municipality: Municipality | None = None,
) -> list[Adoption]:
    """How the lists were taken into use, per municipality and list (two queries however
    many checklists), in the municipalities ``within`` (a project's partners: another
    town's own checklists are not the project's to publish), optionally in one only."""
    checklists = Checklist.objects.filter(tip_list__in=list(tip_list_ids)).filter(
        Q(municipality__in=within) | Q(experiment__municipality__in=within)
    )
    if municipality is not None:
        checklists = checklists.filter(
            Q(municipality=municipality) | Q(experiment__municipality=municipality)
        )
    rows = list(
        checklists.annotate(place=Coalesce("municipality", "experiment__municipality"))
        .order_by()
        .values("place", "tip_list")
        .annotate(
            checklist_count=Count("pk", distinct=True),
            item_count=Count("items"),
            done_count=Count("items", filter=Q(items__done_at__isnull=False)),
            first=Min("pk"),
        )
    )
    places = Municipality.objects.in_bulk({row["place"] for row in rows})
    return [
        Adoption(
            municipality=places[row["place"]],
            tip_list_id=row["tip_list"],
            checklists=row["checklist_count"],
            items=row["item_count"],
            done=row["done_count"],
            only_checklist_id=row["first"] if row["checklist_count"] == 1 else None,
        )
        for row in rows
    ]


def my_checklists(user: User | AnonymousUser) -> QuerySet[Checklist]:
    return with_progress(checklists_for_staff(user)).order_by("tip_list__title", "pk")


def is_overdue(item: ChecklistItem, today: datetime.date | None = None) -> bool:
    today = today or timezone.localdate()
    return not item.is_done and item.due_on is not None and item.due_on < today


# --- Publications ----------------------------------------------------------------------------


def project_with_publications(user: User | AnonymousUser, slug: str) -> Project:
    """A public project, or one of the user's own; 404 for others."""
    visible = Project.objects.filter(is_public=True)
    if user.is_authenticated:
        visible = visible | projects_for_staff(user)
    return get_object_or_404(visible.distinct(), slug=slug)


def publications_of(
    project: Project, *, kind: str = "", channel: str = ""
) -> QuerySet[Publication]:
    found = Publication.objects.filter(project=project)
    if kind:
        found = found.filter(kind=kind)
    if channel:
        found = found.filter(channel=channel)
    return found


def publication_counts(project: Project) -> tuple[list[dict], list[dict]]:
    """Counts by kind and by channel (dicts with ``kind``/``channel`` and ``count``)."""
    found = Publication.objects.filter(project=project).order_by()
    by_kind = list(found.values("kind").annotate(count=Count("pk")).order_by("-count", "kind"))
    by_channel = list(
        found.values("channel").annotate(count=Count("pk")).order_by("-count", "channel")
    )
    return by_kind, by_channel


def publication_counts_by_kind_and_channel(project: Project) -> list[dict]:
    """Counts per (kind, channel) pair, largest first (dicts with ``kind``, ``channel`` and
    ``count``): "17 blog posts on the project site" rather than kinds and channels apart."""
    return list(
        Publication.objects.filter(project=project)
        .order_by()
        .values("kind", "channel")
        .annotate(count=Count("pk"))
        .order_by("-count", "channel", "kind")
    )


def publication_to_manage(user: User, pk: int) -> Publication:
    return object_to_manage(
        Publication.objects.filter(project__in=projects_for_staff(user)),
        Publication.objects.filter(project__in=projects_administered_by(user)),
        pk=pk,
    )


def can_administer(user: User | AnonymousUser, project: Project) -> bool:
    if not isinstance(user, User):
        return False
    return projects_administered_by(user).filter(pk=project.pk).exists()
