import io
from decimal import Decimal

import openpyxl
import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from tests.factories import MunicipalityFactory, ProjectFactory
from yhdessa.surveys import services, transfer
from yhdessa.surveys.instruments import load_instruments
from yhdessa.surveys.models import (
    Answer,
    Instrument,
    InstrumentVersion,
    Item,
    Response,
    Survey,
    Wave,
)

pytestmark = pytest.mark.django_db

HEADER = "wave;pairing_code;municipality;age_group;gender;life_work;need_for_change;"
HEADER += "change_areas__work;change_areas__income;comments"


@pytest.fixture
def survey(db) -> Survey:
    version = load_instruments()["arki-ja-elama"]
    MunicipalityFactory(code="208", name_fi="Kalajoki")
    survey = Survey.objects.create(
        project=ProjectFactory(), instrument_version=version, title_fi="Arki"
    )
    now = timezone.now()
    Wave.objects.create(survey=survey, key="start", label_fi="Alku", opens_at=now, position=0)
    Wave.objects.create(survey=survey, key="end", label_fi="Loppu", opens_at=now, position=1)
    return survey


def csv_bytes(*lines: str, bom: bool = True) -> bytes:
    return (("\ufeff" if bom else "") + "\r\n".join(lines) + "\r\n").encode()


SAMPLE = csv_bytes(
    HEADER,
    "start;kissa1;208;30_49;woman;2;small;1;0;=HYPERLINK(1)",
    "start;;;;;5;;;;",
    "end;Kissa 1;208;30_49;woman;1;none;0;1;hyvä, kiitos",
    "end;;;65_plus;man;;big;;;",
)


def snapshot(survey: Survey) -> list[tuple]:
    """The answers of the survey in a form independent of primary keys."""
    rows = []
    for response in Response.objects.filter(wave__survey=survey).order_by("pk"):
        answers = sorted(
            (a.item.key, a.option.key if a.option else "", str(a.number), a.text)
            for a in response.answers.select_related("item", "option")
        )
        rows.append(
            (
                response.wave.key,
                response.pairing_hash,
                response.municipality.code if response.municipality else "",
                response.age_group,
                response.gender,
                tuple(answers),
            )
        )
    return rows


def test_import_creates_responses_and_answers(survey):
    result = transfer.import_file(survey, "vastaukset.csv", SAMPLE)
    assert result.responses == 4
    assert result.per_wave == {"start": 2, "end": 2}
    first, _second, third, fourth = Response.objects.filter(wave__survey=survey).order_by("pk")
    assert first.pairing_hash == services.pairing_hash("kissa1")
    assert first.pairing_hash == third.pairing_hash  # codes are normalised
    assert first.municipality.code == "208"
    assert first.answers.get(item__key="life_work").option.value == 2
    assert set(
        first.answers.filter(item__key="change_areas").values_list("option__key", flat=True)
    ) == {"work"}
    assert first.answers.get(item__key="comments").text == "=HYPERLINK(1)"
    assert not fourth.answers.filter(item__key="life_work").exists()


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_export_import_round_trips(survey, file_format):
    transfer.import_file(survey, "a.csv", SAMPLE)
    before = snapshot(survey)
    header, rows = transfer.export_rows(survey)
    assert header[:5] == transfer.BACKGROUND_COLUMNS
    assert all(row[1] == "" for row in rows)  # pairing codes are never exported
    comments = header.index("comments")
    assert rows[0][comments] == "'=HYPERLINK(1)"  # formula neutralised
    write = transfer.write_csv if file_format == "csv" else transfer.write_xlsx
    content = write(header, rows)
    Response.objects.all().delete()
    transfer.import_file(survey, f"export.{file_format}", content)
    after = snapshot(survey)
    # The export has no pairing codes, otherwise the answers are the same.
    assert [row[:1] + row[2:] for row in after] == [row[:1] + row[2:] for row in before]


def test_export_one_wave_and_csv_shape(survey):
    transfer.import_file(survey, "a.csv", SAMPLE)
    end = survey.waves.get(key="end")
    header, rows = transfer.export_rows(survey, end)
    assert [row[0] for row in rows] == ["end", "end"]
    content = transfer.write_csv(header, rows)
    assert content.startswith("\ufeff".encode())
    assert content.decode("utf-8-sig").splitlines()[0].startswith("wave;pairing_code;")
    assert "change_areas__remote_services" in header
    assert "change_areas" not in header


def test_comma_csv_without_bom_imports(survey):
    data = csv_bytes(HEADER.replace(";", ","), 'end,,,18_29,other,3,big,1,1,"a, b"', bom=False)
    transfer.import_file(survey, "a.csv", data)
    response = Response.objects.get()
    assert response.answers.count() == 5
    assert response.answers.get(item__key="comments").text == "a, b"


def test_number_items_accept_comma_and_point(db):
    instrument = Instrument.objects.create(key="luku", name_fi="Luku")
    version = InstrumentVersion.objects.create(instrument=instrument, number=1)
    services.item_create(version=version, key="hours", text_fi="Tunteja?", type=Item.Type.NUMBER)
    survey = Survey.objects.create(
        project=ProjectFactory(), instrument_version=version, title_fi="L"
    )
    Wave.objects.create(survey=survey, key="start", label_fi="A", opens_at=timezone.now())
    transfer.import_file(survey, "l.csv", csv_bytes("wave;hours", "start;2,5", "start;10.25"))
    assert sorted(Answer.objects.values_list("number", flat=True)) == [
        Decimal("2.50"),
        Decimal("10.25"),
    ]
    header, rows = transfer.export_rows(survey)
    Response.objects.all().delete()
    transfer.import_file(survey, "l.xlsx", transfer.write_xlsx(header, rows))
    assert sorted(Answer.objects.values_list("number", flat=True)) == [
        Decimal("2.50"),
        Decimal("10.25"),
    ]
    with pytest.raises(transfer.ImportRefused) as refused:
        transfer.import_file(survey, "l.csv", csv_bytes("wave;hours", "start;x", "start;1,234"))
    assert "Rivi 2, sarake hours: arvo ”x” ei ole luku." in refused.value.messages
    assert "Rivi 3, sarake hours: luvussa 1,234 on yli kaksi desimaalia." in refused.value.messages


def refused(survey, data: bytes, name: str = "a.csv") -> list[str]:
    with pytest.raises(transfer.ImportRefused) as error:
        transfer.import_file(survey, name, data)
    assert not Response.objects.exists()
    assert error.value.messages[0] == "Tuontia ei tehty, eikä mitään tallennettu."
    return error.value.messages


ROW_OK = "start;;;;;1;none;;;"


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        (
            [HEADER + ";colour", ROW_OK + ";red"],
            "Rivi 1, sarake colour: tuntematon sarake tai kysymys.",
        ),
        (
            [HEADER + ";mood__happy", ROW_OK + ";1"],
            "Rivi 1, sarake mood__happy: tuntematon kysymys mood.",
        ),
        (
            [HEADER + ";change_areas__moon", ROW_OK + ";1"],
            "Rivi 1, sarake change_areas__moon: kysymyksellä change_areas ei ole vaihtoehtoa moon.",
        ),
        (
            [HEADER, ROW_OK, "start;;;;;7;;;;"],
            "Rivi 3, sarake life_work: arvo 7 ei ole sallittu (1–5).",
        ),
        (
            [HEADER, "start;;;;;;maybe;;;"],
            "Rivi 2, sarake need_for_change: vaihtoehtoa ”maybe” ei ole "
            "(sallitut: none, small, big).",
        ),
        (
            [HEADER, "start;;;;;;;2;;"],
            "Rivi 2, sarake change_areas__work: arvo ”2” ei ole sallittu (0 tai 1).",
        ),
        (
            [HEADER, "middle;;;;;1;;;;"],
            "Rivi 2, sarake wave: kierrosta ”middle” ei ole; kyselyn kierrokset: start, end.",
        ),
        ([HEADER, ";;;;;1;;;;"], "Rivi 2, sarake wave: kierros puuttuu."),
        (
            [HEADER, "start;;999;;;1;;;;"],
            "Rivi 2, sarake municipality: tuntematon kuntanumero ”999”.",
        ),
        (
            [HEADER, "start;;;99_100;;;;;;"],
            "Rivi 2, sarake age_group: arvo ”99_100” ei ole sallittu "
            "(18_29, 30_49, 50_64, 65_plus).",
        ),
        (
            [HEADER, "start;abc;;;;;;;;", "end;abc;;;;;;;;", "start;ABC;;;;;;;;"],
            "Rivi 4, sarake pairing_code: sama parikoodi on jo rivillä 2 samalla kierroksella.",
        ),
        (["life_work", "1"], "Rivi 1, sarake wave: sarake puuttuu."),
    ],
)
def test_bad_rows_are_refused_with_row_and_column(survey, lines, message):
    messages = refused(survey, csv_bytes(*lines))
    assert message in messages


def test_all_faulty_rows_are_reported_and_good_rows_not_saved(survey):
    messages = refused(
        survey, csv_bytes(HEADER, ROW_OK, "start;;;;;9;;;;", ROW_OK, "start;;;;nobody;;;;;")
    )
    assert len(messages) == 3
    assert messages[1].startswith("Rivi 3, sarake life_work:")
    assert messages[2].startswith("Rivi 5, sarake gender:")


def test_pairing_code_already_saved_in_the_wave_is_refused(survey):
    transfer.import_file(survey, "a.csv", csv_bytes(HEADER, "start;abc;;;;;;;;"))
    with pytest.raises(transfer.ImportRefused) as error:
        transfer.import_file(
            survey, "a.csv", csv_bytes(HEADER, "end;abc;;;;;;;;", "start;abc;;;;;;;;")
        )
    assert error.value.messages[1:] == [
        "Rivi 3, sarake pairing_code: parikoodilla on jo vastaus kierroksella start."
    ]
    assert Response.objects.count() == 1


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("a.csv", b"", "Tiedosto on tyhjä."),
        ("a.csv", b"\xef\xbb\xbf\r\n;;\r\n", "Tiedosto on tyhjä."),
        (
            "a.csv",
            HEADER.encode() + b"\r\nstart;;;;;;;;;K\xe4rs\xe4m\xe4t\xf6n\r\n",
            "Rivi 2: merkistö ei ole UTF-8. Tallenna tiedosto muodossa ”CSV UTF-8”.",
        ),
        ("a.pdf", b"%PDF-1.4", "Tiedosto ei ole taulukko. Tuo CSV- tai XLSX-tiedosto."),
        (
            "a.csv",
            b"PK\x03\x04\x00\x00",
            "Tiedosto ei ole CSV-tiedosto. Tuo CSV- tai XLSX-tiedosto.",
        ),
        (
            "a.xlsx",
            b"wave;life_work\r\nstart;1\r\n",
            "Tiedosto ei ole kelvollinen XLSX-tiedosto. Tuo CSV- tai XLSX-tiedosto.",
        ),
        ("a.csv", csv_bytes(HEADER), "Tiedostossa on vain otsikkorivi, ei yhtään vastausta."),
    ],
)
def test_bad_files_are_refused(survey, name, data, message):
    assert message in refused(survey, data, name)


def test_xlsx_with_numbers_as_numbers_imports(survey):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["wave", "municipality", "life_work", "change_areas__work"])
    sheet.append(["start", 208, 4, 1])
    buffer = io.BytesIO()
    workbook.save(buffer)
    transfer.import_file(survey, "a.xlsx", buffer.getvalue())
    response = Response.objects.get()
    assert response.municipality.code == "208"
    assert response.answers.count() == 2


def test_cli_export_and_import(survey, tmp_path):
    transfer.import_file(survey, "a.csv", SAMPLE)
    out = tmp_path / "out.xlsx"
    call_command(
        "survey", "export", str(survey.pk), "--wave", "start", "-o", str(out), stdout=io.StringIO()
    )
    Response.objects.all().delete()
    stdout = io.StringIO()
    call_command("survey", "import", str(survey.pk), str(out), stdout=stdout)
    assert "Tuotiin 2 vastausta" in stdout.getvalue()
    assert Response.objects.filter(wave__key="start").count() == 2
    csv_out = tmp_path / "out.csv"
    call_command("survey", "export", str(survey.pk), "-o", str(csv_out), stdout=io.StringIO())
    assert csv_out.read_bytes().startswith("\ufeff".encode())


def test_cli_refuses_bad_file_with_messages_and_error(survey, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_bytes(csv_bytes(HEADER, "start;;;;;7;;;;"))
    stderr = io.StringIO()
    with pytest.raises(CommandError):
        call_command("survey", "import", str(survey.pk), str(bad), stderr=stderr)
    assert "Rivi 2, sarake life_work: arvo 7 ei ole sallittu (1–5)." in stderr.getvalue()
    assert not Response.objects.exists()
    with pytest.raises(CommandError):
        call_command(
            "survey", "export", str(survey.pk), "--wave", "x", "-o", str(tmp_path / "o.csv")
        )
    with pytest.raises(CommandError):
        call_command("survey", "import", "999999", str(bad))
