"""The public answer form, built from a survey's items, and the staff invitation forms."""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models import QuerySet
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from yhdessa.directory.models import Municipality
from yhdessa.surveys import services
from yhdessa.surveys.models import AgeGroup, Answer, Gender, Item, ItemType, Section, Survey, Wave

PAIRING_CODE_MAX = 40
PAIRING_CODE_MIN = 4
TEXT_MAX = 5000
#: Answer.number has 12 digits, two of them decimals.
NUMBER_LIMIT = Decimal("1e10")
#: The age question's "prefer not to say", stored as a blank age group.
NO_AGE = "no_answer"
MAX_ADDRESSES = 1000


class NumberAnswerField(forms.CharField):
    """A number written on a phone: a comma or a point, spaces between thousands."""

    default_error_messages = {
        "invalid": _("Kirjoita luku, esimerkiksi 12 tai 3,5."),
        "decimals": _("Luvussa saa olla enintään kaksi desimaalia."),
        "too_big": _("Luku on liian suuri."),
    }

    def to_python(self, value: Any) -> Decimal | None:  # type: ignore[override]
        text = str(super().to_python(value))
        text = text.replace(" ", "").replace("\u00a0", "").replace(",", ".")
        text = text.replace("\u2212", "-")  # the minus sign that some keyboards give
        if not text:
            return None
        if not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", text):
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        try:
            number = Decimal(text)
        except InvalidOperation:  # pragma: no cover (the pattern already rules it out)
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None
        if number != number.quantize(Decimal("0.01")):
            raise ValidationError(self.error_messages["decimals"], code="decimals")
        if abs(number) >= NUMBER_LIMIT:
            raise ValidationError(self.error_messages["too_big"], code="too_big")
        return number


def _choice_label(item: Item, option: Any) -> str:
    if item.type == ItemType.SCALE_1_5 and option.value is not None:
        return format_html('<span class="scale-point">{}</span> {}', option.value, option.label)
    return str(option.label)


def item_field(item: Item) -> forms.Field:
    """The form field of one question, in the active language."""
    common: dict[str, Any] = {
        "label": item.text,
        "help_text": item.help,
        "required": item.required,
        "error_messages": {"required": _("Vastaa tähän kysymykseen.")},
    }
    if item.type in Item.CHOICE_TYPES:
        choices = [(option.key, _choice_label(item, option)) for option in item.options.all()]
        if item.type == ItemType.MULTIPLE:
            common["error_messages"] = {"required": _("Valitse ainakin yksi vaihtoehto.")}
            return forms.MultipleChoiceField(
                choices=choices, widget=forms.CheckboxSelectMultiple, **common
            )
        return forms.ChoiceField(choices=choices, widget=forms.RadioSelect, **common)
    if item.type == ItemType.NUMBER:
        widget = forms.TextInput(
            attrs={"inputmode": "decimal", "autocomplete": "off", "maxlength": "30"}
        )
        return NumberAnswerField(widget=widget, **common)
    return forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}), max_length=TEXT_MAX, strip=True, **common
    )


@dataclass(frozen=True)
class Question:
    item: Item | None  # None for the background questions
    field: forms.BoundField
    is_group: bool  # radios or checkboxes, shown as a fieldset
    first_input_id: str
    described_by: str


@dataclass(frozen=True)
class FormSection:
    title: str
    questions: list[Question]


def _is_group(field: forms.BoundField) -> bool:
    return isinstance(field.field.widget, forms.RadioSelect | forms.CheckboxSelectMultiple)


def _first_input_id(field: forms.BoundField) -> str:
    return f"{field.auto_id}_0" if _is_group(field) else str(field.auto_id)


def _described_by(field: forms.BoundField) -> str:
    ids = []
    if field.help_text:
        ids.append(f"{field.auto_id}_helptext")
    if field.errors:
        ids.append(f"{field.auto_id}_error")
    return " ".join(ids)


class AnswerForm(forms.Form):
    """One respondent's answers: the items, the background questions and the pairing code.

    A survey scoped to a municipality does not ask for it (the response gets the survey's)."""

    def __init__(
        self,
        *args: Any,
        survey: Survey,
        items: Sequence[Item],
        municipalities: QuerySet[Municipality] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.items = list(items)
        for item in self.items:
            self.fields[self.field_name(item)] = item_field(item)
        if survey.municipality_id is None and municipalities is not None:
            self.fields["municipality"] = forms.ModelChoiceField(
                label=_("Kotikuntasi"),
                queryset=municipalities,
                required=False,
                empty_label=_("Muu kunta tai en halua sanoa"),
            )
        self.fields["age_group"] = forms.ChoiceField(
            label=_("Ikäsi"),
            choices=[*AgeGroup.choices, (NO_AGE, _("En halua sanoa"))],
            widget=forms.RadioSelect,
            required=False,
        )
        self.fields["gender"] = forms.ChoiceField(
            label=_("Sukupuolesi"), choices=Gender.choices, widget=forms.RadioSelect, required=False
        )
        self.fields["pairing_code"] = forms.CharField(
            label=_("Oma parikoodisi"),
            required=False,
            max_length=PAIRING_CODE_MAX,
            help_text=_(
                "Vapaaehtoinen. Jos vastaat myöhemmin kyselyn toiseen osaan, kirjoita silloin "
                "sama koodi. Keksi koodi, jonka muistat mutta joka ei kerro, kuka olet: älä "
                "käytä nimeäsi tai syntymäaikaasi. Koodissa on oltava vähintään 4 merkkiä."
            ),
            widget=forms.TextInput(
                attrs={"autocomplete": "off", "autocapitalize": "none", "spellcheck": "false"}
            ),
        )

    @staticmethod
    def field_name(item: Item) -> str:
        return f"q_{item.key}"

    def clean_pairing_code(self) -> str:
        code = services.normalise_pairing_code(self.cleaned_data["pairing_code"])
        if code and len(code) < PAIRING_CODE_MIN:
            raise ValidationError(
                _("Parikoodissa on oltava vähintään %(min)s merkkiä.") % {"min": PAIRING_CODE_MIN},
                code="too_short",
            )
        return code

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        answered = any(
            cleaned.get(self.field_name(item)) not in (None, "", []) for item in self.items
        )
        if self.items and not self.errors and not answered:
            raise ValidationError(_("Vastaa ainakin yhteen kysymykseen."), code="empty")
        return cleaned

    def sections(self) -> list[FormSection]:
        """The questions grouped by section, in the order of the items."""
        grouped: list[FormSection] = []
        current: Section | None = None
        for item in self.items:
            field = self[self.field_name(item)]
            question = Question(
                item=item,
                field=field,
                is_group=_is_group(field),
                first_input_id=_first_input_id(field),
                described_by=_described_by(field),
            )
            if not grouped or item.section != current:
                current = item.section
                grouped.append(FormSection(title=current.title if current else "", questions=[]))
            grouped[-1].questions.append(question)
        return grouped

    def background(self) -> list[Question]:
        names = [name for name in ("municipality", "age_group", "gender") if name in self.fields]
        return [
            Question(
                item=None,
                field=self[name],
                is_group=_is_group(self[name]),
                first_input_id=_first_input_id(self[name]),
                described_by=_described_by(self[name]),
            )
            for name in names
        ]

    def error_links(self) -> list[tuple[str, str, str]]:
        """(first input id, question, error) of each faulty field, in the order of the page."""
        links = []
        for field in self:
            for error in field.errors:
                links.append((_first_input_id(field), str(field.label), str(error)))
        return links

    def answers(self) -> list[Answer]:
        """The unsaved answers: one row per chosen option, or the number or the text."""
        data = self.cleaned_data
        answers: list[Answer] = []
        for item in self.items:
            value: Any = data.get(self.field_name(item))
            if value in (None, "", []):
                continue
            options = {option.key: option for option in item.options.all()}
            if item.type == ItemType.MULTIPLE:
                answers.extend(Answer(item=item, option=options[key]) for key in value)
            elif item.type in Item.CHOICE_TYPES:
                answers.append(Answer(item=item, option=options[value]))
            elif item.type == ItemType.NUMBER:
                answers.append(Answer(item=item, number=value))
            else:
                answers.append(Answer(item=item, text=value))
        return answers

    def submission(self) -> dict[str, Any]:
        """The keyword arguments of ``services.response_submit``."""
        data = self.cleaned_data
        age_group = data.get("age_group", "")
        return {
            "answers": self.answers(),
            "pairing_code": data.get("pairing_code", ""),
            "municipality": data.get("municipality"),
            "age_group": "" if age_group == NO_AGE else age_group,
            "gender": data.get("gender", ""),
        }


# Staff: invitations ----------------------------------------------------------------------------


def _language_field() -> forms.ChoiceField:
    return forms.ChoiceField(
        label=_("Viestin kieli"),
        choices=settings.LANGUAGES,
        initial="fi",
        help_text=_("Kysely avautuu linkistä samalla kielellä."),
    )


class _WaveChoice(forms.ChoiceField):
    def __init__(self, waves: Sequence[Wave], **kwargs: Any) -> None:
        super().__init__(
            label=_("Kierros"),
            choices=[(wave.key, wave.label) for wave in waves],
            error_messages={"invalid_choice": _("Valitse kierros, joka ei ole sulkeutunut.")},
            **kwargs,
        )


def split_addresses(text: str) -> list[tuple[int, str]]:
    """Each address with the line it is on: one a line, or separated by commas or semicolons."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        for part in re.split(r"[,;]", line):
            if part.strip():
                found.append((number, part.strip()))
    return found


class InvitationForm(forms.Form):
    wave = forms.ChoiceField()
    language = forms.ChoiceField()
    emails = forms.CharField(
        label=_("Sähköpostiosoitteet"),
        help_text=_("Yksi osoite riville, tai pilkuilla tai puolipisteillä erotettuina."),
        widget=forms.Textarea(attrs={"rows": 8, "autocomplete": "off", "spellcheck": "false"}),
        error_messages={"required": _("Kirjoita ainakin yksi sähköpostiosoite.")},
    )

    def __init__(self, *args: Any, waves: Sequence[Wave], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.waves = {wave.key: wave for wave in waves}
        self.fields["wave"] = _WaveChoice(waves)
        self.fields["language"] = _language_field()

    def clean_emails(self) -> list[str]:
        addresses = split_addresses(self.cleaned_data["emails"])
        problems = []
        for line, address in addresses:
            try:
                validate_email(address)
            except ValidationError:
                shown = address if len(address) <= 60 else address[:59] + "…"
                problems.append(
                    ValidationError(
                        _("rivi %(line)s: ”%(address)s” ei ole sähköpostiosoite")
                        % {"line": line, "address": shown},
                        code="invalid",
                    )
                )
        if problems:
            raise ValidationError(
                [
                    ValidationError(
                        _("Kutsuja ei lähetetty. Korjaa nämä osoitteet:"), code="invalid"
                    ),
                    *problems[:50],
                ]
            )
        if not addresses:
            raise ValidationError(self.fields["emails"].error_messages["required"])
        if len(addresses) > MAX_ADDRESSES:
            raise ValidationError(
                _("Kerralla voi kutsua enintään %(max)s osoitetta.") % {"max": MAX_ADDRESSES}
            )
        return [address for _line, address in addresses]

    def chosen_wave(self) -> Wave:
        return self.waves[self.cleaned_data["wave"]]


class ReminderForm(forms.Form):
    """Beside the invitation form on the same page, hence its own prefix (field ids)."""

    prefix = "remind"
    wave = forms.ChoiceField()
    language = forms.ChoiceField()

    def __init__(self, *args: Any, waves: Sequence[Wave], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.waves = {wave.key: wave for wave in waves}
        self.fields["wave"] = _WaveChoice(waves)
        self.fields["language"] = _language_field()

    def chosen_wave(self) -> Wave:
        return self.waves[self.cleaned_data["wave"]]
