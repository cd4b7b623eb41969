"""Who may see which interview, theme, lesson and vision word, and the figures shown of them.

Interviews are research notes: what a municipal or NGO worker said of their work, with the
municipality and the kind of organisation, so that the person may be recognised even without
a name. They are therefore limited as surveys' free-text answers are
(``surveys/selectors.surveys_managed_by``): the project's admins read and write every
interview of the project, a municipality's coordinators those of their own municipality. Other
members of the project (viewers, organisers) are refused (403); anyone else never learns that
an interview exists (404). The project's code list (themes) is kept by its admins; the
coordinators use it to code their passages.

The public sees a project's findings only: the number of interviews per theme, which is a
count of people and goes through the small-number function, and the passages the project has
marked publishable. Lessons learned and vision words are public records of a public project.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, TypeGuard, TypeVar

from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from yhdessa.accounts.models import User
from yhdessa.accounts.selectors import (
    administers_project_or_coordinates_municipality,
    object_to_manage,
    projects_administered_by,
    projects_for_staff,
)
from yhdessa.core.disclosure import is_small, protect_count, protect_counts
from yhdessa.directory.models import Municipality
from yhdessa.projects.models import Project
from yhdessa.surveys.selectors import projects_for_survey_creation
from yhdessa.toolkit.models import (
    CodedPassage,
    Interview,
    InterviewTheme,
    Lesson,
    LessonCategory,
    Sector,
    VisionWord,
)

#: How many quotes the theme table shows per theme.
QUOTES_PER_THEME = 3

# --- Access -----------------------------------------------------------------------------------


def _signed_in(user: User | AnonymousUser) -> TypeGuard[User]:
    return bool(user.is_authenticated and user.is_active)


def interviews_for_staff(user: User | AnonymousUser) -> QuerySet[Interview]:
    """Interviews the user reads and writes: all of a project for its admins, their own
    municipality's for coordinators."""
    if not user.is_authenticated or not user.is_active:
        return Interview.objects.none()
    if user.is_superuser:
        return Interview.objects.all()
    return Interview.objects.filter(administers_project_or_coordinates_municipality(user))


def projects_with_interviews(user: User | AnonymousUser) -> QuerySet[Project]:
    """Projects whose interview pages the user may open: their admins, and the coordinators
    of their partner municipalities (who see their own municipality's interviews)."""
    return projects_for_survey_creation(user)


def project_for_interviews(user: User, slug: str) -> Project:
    """404 to those outside the project, 403 to its members who may not read interviews."""
    visible = projects_for_staff(user) | projects_with_interviews(user)
    return object_to_manage(visible.distinct(), projects_with_interviews(user), slug=slug)


def project_to_administer(user: User, slug: str) -> Project:
    """The code list, lessons and vision words: 404 outside the project, 403 to its other
    members and to coordinators."""
    visible = projects_for_staff(user) | projects_with_interviews(user)
    return object_to_manage(visible.distinct(), projects_administered_by(user), slug=slug)


def interview_to_manage(user: User, pk: int) -> Interview:
    """404 to those outside the interview's project and municipality, 403 to the project's
    members who may not read it."""
    managed = interviews_for_staff(user)
    visible = Interview.objects.filter(Q(project__in=projects_for_staff(user)) | Q(pk__in=managed))
    return object_to_manage(visible.select_related("project", "municipality"), managed, pk=pk)


def passage_to_manage(user: User, pk: int) -> CodedPassage:
    managed = CodedPassage.objects.filter(interview__in=interviews_for_staff(user))
    visible = CodedPassage.objects.filter(
        Q(interview__project__in=projects_for_staff(user)) | Q(pk__in=managed)
    )
    return object_to_manage(
        visible.select_related("interview__project"), managed.prefetch_related("themes"), pk=pk
    )


Administered = TypeVar("Administered", InterviewTheme, Lesson, VisionWord)


def _administered(user: User, model: type[Administered], pk: int) -> Administered:
    visible = model.objects.filter(
        project__in=(projects_for_staff(user) | projects_with_interviews(user))
    )
    managed = model.objects.filter(project__in=projects_administered_by(user))
    return object_to_manage(visible.select_related("project"), managed, pk=pk)


def theme_to_manage(user: User, pk: int) -> InterviewTheme:
    return _administered(user, InterviewTheme, pk)


def lesson_to_manage(user: User, pk: int) -> Lesson:
    return _administered(user, Lesson, pk)


def vision_word_to_manage(user: User, pk: int) -> VisionWord:
    return _administered(user, VisionWord, pk)


def readable_project(user: User | AnonymousUser, slug: str) -> Project:
    """A project's public knowledge pages: a public project, or one the user is staff of."""
    readable = Q(is_public=True)
    if _signed_in(user):
        readable |= Q(pk__in=projects_for_staff(user).values("pk"))
    return get_object_or_404(Project.objects.filter(readable), slug=slug)


def may_administer(user: User | AnonymousUser, project: Project) -> bool:
    return _signed_in(user) and projects_administered_by(user).filter(pk=project.pk).exists()


# --- Interviews -------------------------------------------------------------------------------


def interviews_of(user: User, project: Project) -> QuerySet[Interview]:
    """The project's interviews the user reads, with their passages' count and themes."""
    return (
        interviews_for_staff(user)
        .filter(project=project)
        .select_related("municipality")
        .annotate(passage_count=Count("passages"))
        .order_by("-held_on", "pk")
    )


def passages_of(interview: Interview) -> QuerySet[CodedPassage]:
    return CodedPassage.objects.filter(interview=interview).prefetch_related("themes")


def themes_of(project: Project) -> QuerySet[InterviewTheme]:
    return InterviewTheme.objects.filter(project=project).order_by("position", "name", "pk")


@dataclass(frozen=True)
class ThemeRow:
    """One theme of the staff table: exact counts, and quotes of the interviews read."""

    theme: InterviewTheme
    interviews: int
    by_sector: dict[str, int]
    quotes: list[CodedPassage] = field(default_factory=list)


@dataclass(frozen=True)
class ThemeTable:
    rows: list[ThemeRow]
    interviews: int
    sectors: list[tuple[str, Any]]


def _codings(interviews: QuerySet[Interview]) -> QuerySet:
    """(passage, theme) pairs of the interviews, the rows that the counts group."""
    return CodedPassage.themes.through.objects.filter(
        codedpassage__interview__in=interviews.values("pk")
    ).order_by()


def interviews_per_theme(interviews: QuerySet[Interview]) -> dict[int, int]:
    """Distinct interviews per theme (an interview counts once however many passages)."""
    counts = (
        _codings(interviews)
        .values("interviewtheme")
        .annotate(n=Count("codedpassage__interview", distinct=True))
    )
    return {row["interviewtheme"]: row["n"] for row in counts}


def theme_table(interviews: QuerySet[Interview], project: Project) -> ThemeTable:
    """Distinct interviews per theme, in all and by sector, with up to
    :data:`QUOTES_PER_THEME` quotes each (publishable ones first), in a fixed number of
    queries."""
    totals = interviews_per_theme(interviews)
    by_sector: dict[int, dict[str, int]] = defaultdict(dict)
    for row in (
        _codings(interviews)
        .values("interviewtheme", "codedpassage__interview__sector")
        .annotate(n=Count("codedpassage__interview", distinct=True))
    ):
        by_sector[row["interviewtheme"]][row["codedpassage__interview__sector"]] = row["n"]
    quotes: dict[int, list[CodedPassage]] = defaultdict(list)
    passages = (
        CodedPassage.objects.filter(interview__in=interviews.values("pk"))
        .select_related("interview__municipality")
        .prefetch_related("themes")
        .order_by("-publishable", "interview__held_on", "pk")
    )
    for passage in passages:
        for theme in passage.themes.all():
            if len(quotes[theme.pk]) < QUOTES_PER_THEME:
                quotes[theme.pk].append(passage)
    rows = [
        ThemeRow(theme, totals.get(theme.pk, 0), by_sector[theme.pk], quotes[theme.pk])
        for theme in themes_of(project)
    ]
    rows.sort(key=lambda row: -row.interviews)
    return ThemeTable(rows, interviews.count(), list(Sector.choices))


# --- Public findings --------------------------------------------------------------------------


@dataclass(frozen=True)
class Finding:
    theme: InterviewTheme
    interviews: int | None  # None: hidden (small number)


@dataclass(frozen=True)
class Quote:
    text: str
    themes: list[str]


@dataclass(frozen=True)
class Findings:
    """What anyone may read of a project's interviews."""

    findings: list[Finding]
    quotes: list[Quote]
    interviews: int | None
    by_sector: dict[str, int | None]
    sectors: list[tuple[str, Any]]
    #: The theme of most interviews, when its count is shown and no other theme has as many.
    main_theme: Finding | None = None

    @property
    def suppressed(self) -> bool:
        return self.interviews is None or any(f.interviews is None for f in self.findings)


def findings(project: Project, *, municipality: Municipality | None = None) -> Findings:
    """Interviews per theme, each protected with its complement (:func:`_theme_count`; an
    interview can carry several themes, so the counts do not add up to the total); the
    interviews by sector as one table with its total; publishable quotes only. With a
    ``municipality``, of that municipality's interviews only (its own report)."""
    interviews = Interview.objects.filter(project=project)
    if municipality is not None:
        interviews = interviews.filter(municipality=municipality)
    sectors = dict(
        interviews.order_by().values("sector").annotate(n=Count("pk")).values_list("sector", "n")
    )
    by_sector = protect_counts({key: sectors.get(key, 0) for key, _label in Sector.choices})
    totals = interviews_per_theme(interviews)
    total = sum(sectors.values())
    found = [
        Finding(theme, _theme_count(totals.get(theme.pk, 0), total)) for theme in themes_of(project)
    ]
    # Shown counts first, largest first; hidden ones in the code list's order, so that the
    # order says nothing of their counts.
    found.sort(key=lambda finding: (finding.interviews is None, -(finding.interviews or 0)))
    return Findings(
        findings=found,
        quotes=publishable_quotes(project, municipality=municipality),
        interviews=protect_count(total),
        by_sector=by_sector.cells,
        sectors=list(Sector.choices),
        main_theme=_main(found, totals),
    )


def publishable_quotes(
    project: Project, *, municipality: Municipality | None = None
) -> list[Quote]:
    """The passages the project marked publishable, each once with its themes' names."""
    passages = CodedPassage.objects.filter(interview__project=project, publishable=True)
    if municipality is not None:
        passages = passages.filter(interview__municipality=municipality)
    passages = passages.prefetch_related(Prefetch("themes", queryset=themes_of(project))).order_by(
        "interview__held_on", "pk"
    )
    return [Quote(p.text, [theme.name for theme in p.themes.all()]) for p in passages]


def _main(found: list[Finding], exact: dict[int, int]) -> Finding | None:
    """The theme of most interviews, if its count is shown and it has more than any other
    (hidden ones too: their exact counts decide, and only the name is published)."""
    count = found[0].interviews if found else None
    if not count:
        return None
    top = found[0]
    if any(exact.get(f.theme.pk, 0) >= count for f in found[1:]):
        return None
    return top


def _theme_count(count: int, total: int) -> int | None:
    """A theme splits the interviews in two, those that raised it and those that did not:
    both are counts of people once the total is shown, so either being small hides it (as a
    multiple-choice option of a survey, ``surveys/results.py``)."""
    if is_small(total) or is_small(count) or is_small(total - count):
        return None
    return count


# --- Lessons and vision -----------------------------------------------------------------------


def lessons_of(project: Project) -> QuerySet[Lesson]:
    return Lesson.objects.filter(project=project).order_by("position", "pk")


def lessons_by_category(project: Project) -> list[tuple[str, list[Lesson]]]:
    """The project's lessons under each category's label, in the categories' order."""
    lessons = list(lessons_of(project))
    groups = [
        (str(label), [lesson for lesson in lessons if lesson.category == value])
        for value, label in LessonCategory.choices
    ]
    return [(label, items) for label, items in groups if items]


def vision_words(project: Project) -> QuerySet[VisionWord]:
    return VisionWord.objects.filter(project=project).order_by("-frequency", "word")
