"""Survey answers in and out in the one documented wide format (CSV or XLSX).

One row per response. The columns, in this order on export (any order on import):

``wave``
    The wave key, e.g. ``start`` or ``end``. Required.
``pairing_code``
    Optional. On import a given code is stored only as its keyed hash
    (``services.pairing_hash``); on export it is always blank, since the code is not stored.
    A code may appear only once per wave (in the file and in the answers already saved).
``municipality``
    The three-digit municipality code (kuntanumero), or blank.
``age_group``, ``gender``
    The keys of ``AgeGroup`` (``18_29``, ``30_49``, ``50_64``, ``65_plus``) and ``Gender``
    (``woman``, ``man``, ``other``, ``no_answer``), or blank.
``<item>``
    One column per scale, single-choice, number and text item, named by the item key:

    - scale 1–5: the **option value** (the point on the scale, ``1``–``5``), not its key;
    - single choice: the option key (e.g. ``small``);
    - number: a decimal with ``.`` or ``,`` and at most two decimals (exported with ``.``);
    - text: free text.
``<item>__<option>``
    One column per option of a multiple-choice item: ``1`` chosen, ``0`` not chosen.

A blank cell means no answer (a multiple-choice item whose columns are all blank or all ``0``
has no answer). Required items are not enforced: paper forms come back incomplete.

Import reads CSV (comma or semicolon, UTF-8 with or without BOM) or XLSX (first sheet), checks
every row and column first and then creates all responses in one transaction, or raises
``ImportRefused`` with row- and column-level messages and creates nothing. The response date of
imported answers is the day of the import (only a date is ever kept).

Export writes CSV (semicolon and BOM, as the events exports) or XLSX. Text cells that start
like a formula get a leading apostrophe (``core.spreadsheets.neutralise``); import removes such an
apostrophe again, so export → import gives the same answers.
"""

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from yhdessa.core.spreadsheets import (
    FORMULA_START,
    UnreadableTable,
    csv_bytes,
    neutralise,
    table_rows,
    xlsx_bytes,
)
from yhdessa.directory.models import Municipality
from yhdessa.surveys import selectors, services
from yhdessa.surveys.models import (
    AgeGroup,
    Answer,
    Gender,
    Item,
    ItemType,
    Option,
    Response,
    Survey,
    Wave,
)

BACKGROUND_COLUMNS = ["wave", "pairing_code", "municipality", "age_group", "gender"]
MAX_IMPORT_BYTES = 10 * 1024 * 1024
MAX_IMPORT_ROWS = 20000
#: How many problems are listed one by one; the rest are counted.
MAX_MESSAGES = 100
NUMBER_LIMIT = Decimal("1e10")  # Answer.number: 12 digits, 2 of them decimals

Cell = str | int | Decimal


class ImportRefused(ValidationError):
    """The file was refused as a whole; ``messages`` says why, by row and column."""


@dataclass(frozen=True)
class ImportResult:
    responses: int
    answers: int
    per_wave: dict[str, int] = field(default_factory=dict)


# The columns of a survey -----------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    name: str
    item: Item | None = None  # None for the background columns
    option: Option | None = None  # set for the 0/1 columns of a multiple-choice item


def survey_columns(items: Sequence[Item]) -> list[Column]:
    columns = [Column(name) for name in BACKGROUND_COLUMNS]
    for item in items:
        if item.type == ItemType.MULTIPLE:
            columns.extend(
                Column(f"{item.key}__{option.key}", item, option) for option in item.options.all()
            )
        else:
            columns.append(Column(item.key, item))
    return columns


# Export ----------------------------------------------------------------------------------------


def export_rows(survey: Survey, wave: Wave | None = None) -> tuple[list[str], list[list[Cell]]]:
    """The header and one row per response (of one wave or all), anonymised."""
    columns = survey_columns(list(selectors.survey_items(survey)))
    responses = Response.objects.filter(wave__survey=survey).select_related("wave", "municipality")
    if wave is not None:
        responses = responses.filter(wave=wave)
    responses = responses.order_by("wave__position", "wave__pk", "pk")
    answers: dict[int, dict[int, list[Answer]]] = defaultdict(lambda: defaultdict(list))
    for answer in Answer.objects.filter(response__in=responses).select_related("option"):
        answers[answer.response_id][answer.item_id].append(answer)
    rows: list[list[Cell]] = []
    for response in responses:
        given = answers[response.pk]
        row: list[Cell] = [
            response.wave.key,
            "",
            response.municipality.code if response.municipality else "",
            response.age_group,
            response.gender,
        ]
        for column in columns[len(BACKGROUND_COLUMNS) :]:
            assert column.item is not None  # noqa: S101 (only background columns lack one)
            row.append(_export_cell(column, given.get(column.item.pk, [])))
        rows.append(row)
    return [column.name for column in columns], rows


def _export_cell(column: Column, answers: list[Answer]) -> Cell:
    item = column.item
    assert item is not None  # noqa: S101
    if not answers:
        return ""
    if column.option is not None:
        return int(any(answer.option_id == column.option.pk for answer in answers))
    answer = answers[0]
    if item.type == ItemType.SCALE_1_5:
        return answer.option.value if answer.option and answer.option.value is not None else ""
    if item.type == ItemType.SINGLE:
        return answer.option.key if answer.option else ""
    if item.type == ItemType.NUMBER:
        return answer.number.normalize() if answer.number is not None else ""
    return neutralise(answer.text)


def write_csv(header: Sequence[str], rows: Sequence[Sequence[Cell]]) -> bytes:
    return csv_bytes(header, rows)


def write_xlsx(header: Sequence[str], rows: Sequence[Sequence[Cell]]) -> bytes:
    return xlsx_bytes(header, rows, title="responses")


# Reading a file --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    number: int  # as a spreadsheet shows it, the header being 1
    cells: list[str]


def _refuse(*messages: str) -> ImportRefused:
    return ImportRefused([_("Tuontia ei tehty, eikä mitään tallennettu."), *messages])


def read_lines(file_name: str, data: bytes) -> list[Line]:
    """The non-empty rows of a CSV or XLSX file as text cells."""
    name = file_name.lower()
    if not name.endswith((".csv", ".xlsx")):
        raise _refuse(_("Tiedosto ei ole taulukko. Tuo CSV- tai XLSX-tiedosto."))
    if len(data) > MAX_IMPORT_BYTES:
        raise _refuse(_("Tiedosto on liian suuri (enintään 10 Mt)."))
    if not data.strip():
        raise _refuse(_("Tiedosto on tyhjä."))
    try:
        rows = table_rows(name, data, max_rows=MAX_IMPORT_ROWS)
    except UnreadableTable as error:
        raise _refuse(error.message) from None
    if len(rows) > MAX_IMPORT_ROWS + 1:
        raise _refuse(
            _("Tiedostossa on liian monta riviä (enintään %(max)s).") % {"max": MAX_IMPORT_ROWS}
        )
    lines = [Line(number, cells) for number, cells in enumerate(rows, start=1) if any(cells)]
    if not lines:
        raise _refuse(_("Tiedosto on tyhjä."))
    return lines


# Checking and importing ------------------------------------------------------------------------


#: One checked row, ready to be written by ``services.responses_create``.
Parsed = services.NewResponse


class _Problems:
    def __init__(self) -> None:
        self.messages: list[str] = []

    def add(self, line: int, column: str, problem: str) -> None:
        self.messages.append(
            _("Rivi %(line)s, sarake %(column)s: %(problem)s.")
            % {"line": line, "column": column, "problem": problem}
        )

    def raise_if_any(self) -> None:
        if not self.messages:
            return
        shown = self.messages[:MAX_MESSAGES]
        if len(self.messages) > MAX_MESSAGES:
            shown.append(
                _("… ja %(count)s muuta virhettä.") % {"count": len(self.messages) - MAX_MESSAGES}
            )
        raise _refuse(*shown)


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _header_columns(header: Line, items: Sequence[Item]) -> list[Column | None]:
    """The column of each header cell (``None`` for a blank name with no values)."""
    known = {column.name: column for column in survey_columns(items)}
    by_key = {item.key: item for item in items}
    problems = _Problems()
    columns: list[Column | None] = []
    seen: set[str] = set()
    for name in header.cells:
        name = name.strip()
        column = known.get(name)
        if not name:
            columns.append(None)
            continue
        if name in seen:
            problems.add(header.number, name, _("sarake on tiedostossa kahdesti"))
        elif column is None:
            item_key, separator, option_key = name.partition("__")
            item = by_key.get(item_key)
            if not separator:
                problems.add(header.number, name, _("tuntematon sarake tai kysymys"))
            elif item is None:
                problems.add(
                    header.number, name, _("tuntematon kysymys %(item)s") % {"item": item_key}
                )
            elif item.type != ItemType.MULTIPLE:
                problems.add(
                    header.number,
                    name,
                    _("kysymys %(item)s ei ole monivalinta; käytä saraketta %(item)s")
                    % {"item": item_key},
                )
            else:
                problems.add(
                    header.number,
                    name,
                    _("kysymyksellä %(item)s ei ole vaihtoehtoa %(option)s")
                    % {"item": item_key, "option": _short(option_key)},
                )
        seen.add(name)
        columns.append(column)
    if "wave" not in seen:
        problems.add(header.number, "wave", _("sarake puuttuu"))
    problems.raise_if_any()
    return columns


def _parse_number(value: str) -> Decimal | None:
    text = value.replace(" ", "").replace("\u00a0", "").replace(",", ".")
    if not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", text):
        return None
    try:
        number = Decimal(text)
    except InvalidOperation:  # pragma: no cover (the pattern already rules it out)
        return None
    return number


def _unneutralise(text: str) -> str:
    """Undo ``neutralise``: an apostrophe put before formula-like text on export."""
    if text.startswith("'") and text[1:].lstrip(" ").startswith(FORMULA_START):
        return text[1:]
    return text


def check_lines(survey: Survey, lines: list[Line]) -> list[Parsed]:
    """Every data row checked and turned into unsaved responses and answers, or
    ``ImportRefused`` naming every faulty row and column."""
    items = list(selectors.survey_items(survey))
    header, *data = lines
    columns = _header_columns(header, items)
    if not data:
        raise _refuse(_("Tiedostossa on vain otsikkorivi, ei yhtään vastausta."))
    waves = {wave.key: wave for wave in survey.waves.all()}
    used_hashes: dict[str, dict[str, int]] = defaultdict(dict)  # wave key -> hash -> line (0: db)
    for wave_key, existing in (
        Response.objects.filter(wave__survey=survey)
        .exclude(pairing_hash="")
        .values_list("wave__key", "pairing_hash")
    ):
        used_hashes[wave_key][existing] = 0
    codes = {
        line.cells[index].strip()
        for line in data
        for index, column in enumerate(columns)
        if column is not None and column.name == "municipality" and index < len(line.cells)
    }
    municipalities = {m.code: m for m in Municipality.objects.filter(code__in=codes - {""})}
    problems = _Problems()
    parsed: list[Parsed] = []
    for line in data:
        values: dict[str, str] = {}
        for index, cell in enumerate(line.cells):
            column = columns[index] if index < len(columns) else None
            if column is None:
                if cell:
                    problems.add(line.number, str(index + 1), _("arvo sarakkeessa ilman nimeä"))
                continue
            values[column.name] = cell
        before = len(problems.messages)
        row = _check_row(line.number, values, columns, waves, municipalities, used_hashes, problems)
        if row is not None and len(problems.messages) == before:
            parsed.append(row)
    problems.raise_if_any()
    return parsed


def _check_row(
    number: int,
    values: dict[str, str],
    columns: list[Column | None],
    waves: dict[str, Wave],
    municipalities: dict[str, Municipality],
    used_hashes: dict[str, dict[str, int]],
    problems: _Problems,
) -> Parsed | None:
    wave_key = values.get("wave", "")
    wave = waves.get(wave_key)
    if not wave_key:
        problems.add(number, "wave", _("kierros puuttuu"))
    elif wave is None:
        problems.add(
            number,
            "wave",
            _("kierrosta ”%(wave)s” ei ole; kyselyn kierrokset: %(waves)s")
            % {"wave": _short(wave_key), "waves": ", ".join(waves) or "–"},
        )
    pairing = services.pairing_hash(values.get("pairing_code", ""))
    if pairing and wave is not None:
        first = used_hashes[wave.key].get(pairing)
        if first == 0:
            problems.add(
                number,
                "pairing_code",
                _("parikoodilla on jo vastaus kierroksella %(wave)s") % {"wave": wave.key},
            )
        elif first is not None:
            problems.add(
                number,
                "pairing_code",
                _("sama parikoodi on jo rivillä %(line)s samalla kierroksella") % {"line": first},
            )
        else:
            used_hashes[wave.key][pairing] = number
    code = values.get("municipality", "")
    municipality = municipalities.get(code) if code else None
    if code and municipality is None:
        problems.add(
            number, "municipality", _("tuntematon kuntanumero ”%(code)s”") % {"code": _short(code)}
        )
    background = {}
    for name, choices in (("age_group", AgeGroup), ("gender", Gender)):
        value = values.get(name, "")
        if value and value not in choices.values:
            problems.add(
                number,
                name,
                _("arvo ”%(value)s” ei ole sallittu (%(allowed)s)")
                % {"value": _short(value), "allowed": ", ".join(choices.values)},
            )
        background[name] = value
    answers: list[Answer] = []
    for column in columns:
        if column is None or column.item is None:
            continue
        value = values.get(column.name, "")
        if not value:
            continue
        answer = _check_answer(column, value)
        if isinstance(answer, str):
            problems.add(number, column.name, answer)
        elif answer is not None:
            answers.append(answer)
    if wave is None:
        return None
    return Parsed(
        wave=wave,
        pairing_hash=pairing,
        municipality=municipality,
        age_group=background["age_group"],
        gender=background["gender"],
        answers=answers,
    )


def _check_answer(column: Column, value: str) -> Answer | str | None:
    """The unsaved answer of one cell, ``None`` for no answer, or what is wrong with it."""
    item = column.item
    assert item is not None  # noqa: S101
    if column.option is not None:
        if value not in ("0", "1"):
            return _("arvo ”%(value)s” ei ole sallittu (0 tai 1)") % {"value": _short(value)}
        return Answer(item=item, option=column.option) if value == "1" else None
    if item.type == ItemType.SCALE_1_5:
        by_value = {str(option.value): option for option in item.options.all()}
        option = by_value.get(value)
        if option is None:
            allowed = sorted(o.value for o in item.options.all() if o.value is not None)
            span = f"{allowed[0]}–{allowed[-1]}" if allowed else "–"
            return _("arvo %(value)s ei ole sallittu (%(allowed)s)") % {
                "value": _short(value),
                "allowed": span,
            }
        return Answer(item=item, option=option)
    if item.type == ItemType.SINGLE:
        by_key = {option.key: option for option in item.options.all()}
        if value not in by_key:
            return _("vaihtoehtoa ”%(value)s” ei ole (sallitut: %(allowed)s)") % {
                "value": _short(value),
                "allowed": ", ".join(by_key),
            }
        return Answer(item=item, option=by_key[value])
    if item.type == ItemType.NUMBER:
        number = _parse_number(value)
        if number is None:
            return _("arvo ”%(value)s” ei ole luku") % {"value": _short(value)}
        if number != number.quantize(Decimal("0.01")):
            return _("luvussa %(value)s on yli kaksi desimaalia") % {"value": _short(value)}
        if abs(number) >= NUMBER_LIMIT:
            return _("luku %(value)s on liian suuri") % {"value": _short(value)}
        return Answer(item=item, number=number)
    return Answer(item=item, text=_unneutralise(value))


def import_file(survey: Survey, file_name: str, data: bytes) -> ImportResult:
    """Create every response of the file, or raise ``ImportRefused`` and create none."""
    lines = read_lines(file_name, data)
    with transaction.atomic():
        parsed = check_lines(survey, lines)
        try:
            services.responses_create(responses=parsed)
        except services.PairingCodeTaken:
            # Another import or a respondent saved the same pairing code meanwhile.
            raise _refuse(
                _("Samalla parikoodilla tallennettiin juuri vastaus. Yritä uudelleen.")
            ) from None
        per_wave: dict[str, int] = defaultdict(int)
        for row in parsed:
            per_wave[row.wave.key] += 1
        return ImportResult(
            responses=len(parsed),
            answers=sum(len(row.answers) for row in parsed),
            per_wave=dict(per_wave),
        )
