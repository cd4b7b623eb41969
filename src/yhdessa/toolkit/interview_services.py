"""Every write to interviews, their coded passages, the code list (themes), lessons learned
and vision words: keyword-only, one transaction each, audit-logged.

Who may call them is decided by the selectors (``interview_selectors``) before the call; the
services check what the data must be whoever writes it: an interview's municipality is one of
the project's partners, a passage's themes are of the interview's project.
"""

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max, Model
from django.utils.translation import gettext as _

from yhdessa.accounts.models import User
from yhdessa.core.audit import log_action
from yhdessa.directory.models import Municipality
from yhdessa.projects.models import Project
from yhdessa.toolkit.models import (
    CodedPassage,
    Interview,
    InterviewTheme,
    Lesson,
    VisionWord,
)

INTERVIEW_FIELDS = ("held_on", "interviewee_role", "sector", "municipality", "notes")


def _check_municipality(project: Project, municipality: Municipality | None) -> None:
    if municipality and not project.partner_municipalities.filter(pk=municipality.pk).exists():
        raise ValidationError({"municipality": _("Valitse kunta hankkeen kumppanikunnista.")})


def _save(obj: Model, *, actor: User, action: str, data: dict[str, Any] | None = None) -> None:
    """Validate, save and log; a uniqueness clash becomes the model's own message."""
    obj.full_clean()
    try:
        with transaction.atomic():
            obj.save()
    except IntegrityError as error:  # a concurrent save won the race
        raise ValidationError(_("Tallennus ei onnistunut, koska tieto muuttui juuri.")) from error
    log_action(actor=actor, action=action, target=obj, data=data)


# --- Interviews -------------------------------------------------------------------------------


@transaction.atomic
def interview_create(*, actor: User, project: Project, **fields: Any) -> Interview:
    _check_municipality(project, fields.get("municipality"))
    interview = Interview(project=project, created_by=actor, **fields)
    _save(interview, actor=actor, action="toolkit.interview.created")
    return interview


@transaction.atomic
def interview_update(*, actor: User, interview: Interview, **fields: Any) -> Interview:
    _check_municipality(interview.project, fields.get("municipality"))
    for name, value in fields.items():
        if name not in INTERVIEW_FIELDS:
            raise TypeError(name)
        setattr(interview, name, value)
    _save(interview, actor=actor, action="toolkit.interview.changed", data={"fields": [*fields]})
    return interview


@transaction.atomic
def interview_delete(*, actor: User, interview: Interview) -> None:
    log_action(actor=actor, action="toolkit.interview.deleted", target=interview)
    interview.delete()


# --- Coded passages ---------------------------------------------------------------------------


def _check_themes(interview: Interview, themes: Iterable[InterviewTheme]) -> list[InterviewTheme]:
    themes = list(themes)
    if not themes:
        raise ValidationError({"themes": _("Valitse vähintään yksi teema.")})
    if any(theme.project_id != interview.project_id for theme in themes):
        raise ValidationError({"themes": _("Valitse teemat hankkeen koodilistasta.")})
    return themes


@transaction.atomic
def passage_add(
    *,
    actor: User,
    interview: Interview,
    text: str,
    themes: Iterable[InterviewTheme],
    publishable: bool = False,
) -> CodedPassage:
    chosen = _check_themes(interview, themes)
    passage = CodedPassage(interview=interview, text=text, publishable=publishable)
    _save(passage, actor=actor, action="toolkit.passage.created")
    passage.themes.set(chosen)
    return passage


@transaction.atomic
def passage_change(
    *,
    actor: User,
    passage: CodedPassage,
    text: str,
    themes: Iterable[InterviewTheme],
    publishable: bool,
) -> CodedPassage:
    chosen = _check_themes(passage.interview, themes)
    passage.text, passage.publishable = text, publishable
    _save(passage, actor=actor, action="toolkit.passage.changed")
    passage.themes.set(chosen)
    return passage


@transaction.atomic
def passage_delete(*, actor: User, passage: CodedPassage) -> None:
    log_action(actor=actor, action="toolkit.passage.deleted", target=passage)
    passage.delete()


# --- The code list ----------------------------------------------------------------------------


def _next_position(model: type[InterviewTheme | Lesson], project: Project) -> int:
    last = model.objects.filter(project=project).aggregate(last=Max("position"))["last"]
    return 0 if last is None else last + 1


@transaction.atomic
def theme_add(*, actor: User, project: Project, name: str, description: str = "") -> InterviewTheme:
    theme = InterviewTheme(
        project=project,
        name=name,
        description=description,
        position=_next_position(InterviewTheme, project),
    )
    _save(theme, actor=actor, action="toolkit.theme.created")
    return theme


@transaction.atomic
def theme_change(
    *, actor: User, theme: InterviewTheme, name: str, description: str
) -> InterviewTheme:
    theme.name, theme.description = name, description
    _save(theme, actor=actor, action="toolkit.theme.changed")
    return theme


@transaction.atomic
def theme_move(*, actor: User, theme: InterviewTheme, up: bool) -> None:
    """Swap the theme with its neighbour in the code list (positions are renumbered 0…n so
    that equal positions left by older data cannot keep it in place)."""
    themes = list(
        InterviewTheme.objects.select_for_update()
        .filter(project=theme.project_id)
        .order_by("position", "name", "pk")
    )
    index = next(i for i, item in enumerate(themes) if item.pk == theme.pk)
    other = index - 1 if up else index + 1
    if 0 <= other < len(themes):
        themes[index], themes[other] = themes[other], themes[index]
    for position, item in enumerate(themes):
        if item.position != position:
            item.position = position
            item.save(update_fields=["position"])
    log_action(actor=actor, action="toolkit.theme.moved", target=theme, data={"up": up})


# --- Lessons learned --------------------------------------------------------------------------


@transaction.atomic
def lesson_add(*, actor: User, project: Project, **fields: Any) -> Lesson:
    lesson = Lesson(project=project, **fields)
    if "position" not in fields:
        lesson.position = _next_position(Lesson, project)
    _save(lesson, actor=actor, action="toolkit.lesson.created")
    return lesson


@transaction.atomic
def lesson_change(*, actor: User, lesson: Lesson, **fields: Any) -> Lesson:
    for name, value in fields.items():
        setattr(lesson, name, value)
    _save(lesson, actor=actor, action="toolkit.lesson.changed", data={"fields": [*fields]})
    return lesson


@transaction.atomic
def lesson_delete(*, actor: User, lesson: Lesson) -> None:
    log_action(actor=actor, action="toolkit.lesson.deleted", target=lesson)
    lesson.delete()


# --- Vision words -----------------------------------------------------------------------------


@transaction.atomic
def vision_word_add(*, actor: User, project: Project, word: str, frequency: int) -> VisionWord:
    vision_word = VisionWord(project=project, word=word.strip(), frequency=frequency)
    _save(vision_word, actor=actor, action="toolkit.vision_word.created")
    return vision_word


@transaction.atomic
def vision_word_change(
    *, actor: User, vision_word: VisionWord, word: str, frequency: int
) -> VisionWord:
    vision_word.word, vision_word.frequency = word.strip(), frequency
    _save(vision_word, actor=actor, action="toolkit.vision_word.changed")
    return vision_word


@transaction.atomic
def vision_word_delete(*, actor: User, vision_word: VisionWord) -> None:
    log_action(actor=actor, action="toolkit.vision_word.deleted", target=vision_word)
    vision_word.delete()
