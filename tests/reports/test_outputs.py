"""The report's four outputs from one hand-made report: the page, the PDF, the workbook, JSON.

The report is built from the document classes, not from records, so that every check names
the value it expects: a figure in euros, a percentage, a hidden count, a table with a year
column and a row link, a chart drawn from that table, a list, and an empty section.
"""

import datetime
import io
import json
import re
from decimal import Decimal

import openpyxl
import pytest
from django.contrib.auth.models import AnonymousUser
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import translation
from django.utils.safestring import mark_safe

from yhdessa.core.charts import Series, grouped_bars
from yhdessa.reports import outputs, published
from yhdessa.reports.document import Chart, Figure, ItemList, Report, Section, Table
from yhdessa.reports.templatetags.report_values import value_text

NBSP = "\u00a0"
PRESENT_URL = "/staff/events/7/attendance/"
YEAR_URL = "/staff/events/?year=2021"
CHART_TEXT = "Läsnä: 80 ja piilotettu"
LONG_TITLE = "Kustannus osallistujaa kohti kunnittain ja kokeiluittain"


def per_year_table() -> Table:
    return Table(
        key="per_year",
        title="Valmennukset vuosittain",
        columns=["Vuosi", "Valmennuksia", "Ilmoittautuneita", "Läsnä"],
        rows=[[2021, 4, 1120, 80], [2022, 6, 200, None]],
        row_urls=[YEAR_URL, ""],
    )


def costs_table(key: str, municipality: str) -> Table:
    return Table(
        key=key,
        title=LONG_TITLE,
        columns=["Kunta", "Kustannus (€)", "Osallistujia"],
        rows=[[municipality, Decimal("8581.76"), 107], ['=HYPERLINK("x")\x07', Decimal("1.50"), 3]],
    )


def hand_made_report(**changes) -> Report:
    table = per_year_table()
    chart = grouped_bars(
        [str(row[0]) for row in table.rows],
        [Series("Läsnä", [row[3] for row in table.rows])],
        value_label="Henkilöä",
    )
    trainings = Section(
        key="trainings",
        title="Valmennukset",
        narrative="Ensimmäinen kappale.\n\nToinen <b>kappale</b>.",
        figures=[
            Figure("present", "Läsnä yhteensä", 213, source_url=PRESENT_URL),
            Figure("small_group", "Pienen ryhmän osallistujat", None),
        ],
        tables=[table],
        charts=[
            Chart("per_year", "Läsnä vuosittain", chart, "per_year", "Läsnä: 80 ja piilotettu")
        ],
    )
    costs = Section(
        key="costs",
        title="Kokeilujen kustannukset",
        figures=[
            Figure("per_participant", "Kustannus osallistujaa kohti", Decimal("8581.755"), "€"),
            Figure("share", "Naisten osuus", 28.0, "%"),
        ],
        tables=[costs_table("by_municipality", "Nivala"), costs_table("by_experiment", "Sievi")],
    )
    project = Section(
        key="project",
        title="Hankkeen tiivistelmä",
        figures=[
            Figure("goal", "Tavoite", "Edistää osallisuutta."),
            Figure("trainings", "Valmennuksia", 9),
        ],
        lists=[
            ItemList("implementers", "Toteuttajat", ["Diakonia-ammattikorkeakoulu (Diak)"]),
            ItemList("funders", "Rahoittajat", ["Euroopan sosiaalirahasto (ESR)"]),
        ],
    )
    vision = Section(key="vision", title="Visio", empty_message="Visiota ei ole kirjattu.")
    fields = {
        "project_slug": "yhdessa-osallisuutta",
        "project_name": "Yhdessä osallisuutta – Osallisuutta paikallisesti -hanke",
        "title": "Loppuraportti",
        "subtitle": "Yhdessä osallisuutta 1.8.2021–30.9.2023",
        "language": "fi",
        "generated_at": datetime.datetime(2026, 11, 30, 10, 0, tzinfo=datetime.UTC),
        "sections": [project, trainings, costs, vision],
    }
    return Report(**(fields | changes))


@pytest.fixture
def report() -> Report:
    return hand_made_report()


# --- Values ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "value", "unit", "shown"),
    [
        ("fi", Decimal("8581.755"), "€", f"8{NBSP}581,76{NBSP}€"),
        ("fi", 28.0, "%", f"28,0{NBSP}%"),
        ("fi", 1234, "", f"1{NBSP}234"),
        ("fi", Decimal("235"), "", "235"),
        ("fi", datetime.date(2023, 9, 30), "", "30.9.2023"),
        ("fi", None, "€", "piilotettu"),
        ("sv", 28.0, "%", f"28,0{NBSP}%"),
        ("en", Decimal("8581.76"), "€", f"8,581.76{NBSP}€"),
        ("en", 3.25, "", "3.25"),
    ],
)
def test_values_are_written_as_the_language_writes_them(language, value, unit, shown):
    with translation.override(language):
        assert value_text(value, unit) == shown


# --- The web page ----------------------------------------------------------------------------


def page_html(report: Report, **context) -> str:
    request = RequestFactory().get("/projects/yhdessa-osallisuutta/report/")
    request.user = AnonymousUser()
    with translation.override(report.language):
        sections = mark_safe(published.render_sections(report))  # noqa: S308 (as the worker does)
        context = {"report": report, "sections": sections, **context}
        return render_to_string("reports/report.html", context, request)


def test_the_page_has_one_heading_per_section_and_accessible_tables(report):
    html = page_html(report)
    assert html.count("<h1") == 1
    for section in report.sections:
        assert f'aria-labelledby="section-{section.key}-heading"' in html
        assert f'<h2 id="section-{section.key}-heading">{section.title}</h2>' in html
    assert '<caption id="table-trainings-per_year">Valmennukset vuosittain</caption>' in html
    assert '<th scope="col" class="number">Ilmoittautuneita</th>' in html
    assert '<th scope="row">2021</th>' in html  # a year, not "2 021"
    assert f'<td class="number">1{NBSP}120</td>' in html
    assert 'role="region" aria-labelledby="table-trainings-per_year" tabindex="0"' in html
    assert "<p>Toinen &lt;b&gt;kappale&lt;/b&gt;.</p>" in html  # the team's text, escaped
    assert "Visiota ei ole kirjattu." in html


def test_facts_in_words_are_a_list_of_facts_and_counts_are_key_figures(report):
    html = page_html(report)
    facts = html.index('<dl class="facts report-facts">')
    figures = html.index('<dl class="key-figures">', facts)
    assert facts < html.index("<dt>Tavoite</dt>\n    <dd>Edistää osallisuutta.</dd>") < figures
    assert html.index("<dt>Valmennuksia</dt>") > figures


def test_the_chart_is_an_image_with_a_text_alternative_and_its_table_below(report):
    html = page_html(report)
    image = re.search(r'<img src="data:image/svg\+xml;base64,[^"]+" alt="([^"]*)">', html)
    assert image is not None and image.group(1) == "Läsnä: 80 ja piilotettu"
    chart = image.start()
    assert html.index("<figcaption>Läsnä vuosittain", chart) < html.index(
        '<caption id="table-trainings-per_year">', chart
    )
    assert html.count('id="table-trainings-per_year"') == 1  # drawn once, under its chart


def test_a_hidden_value_is_the_hidden_marker_and_never_a_number(report):
    html = page_html(report)
    figure = re.search(r"<dt>Pienen ryhmän osallistujat</dt>\s*<dd[^>]*>(.*?)</dd>", html, re.S)
    assert figure is not None
    assert figure.group(1) == '<span class="hidden-value">piilotettu</span>'
    hidden_cell = '<td class="number"><span class="hidden-value">piilotettu</span></td>'
    assert hidden_cell in html


def test_figures_and_rows_link_to_their_records_on_the_page_only(report):
    html = page_html(report)
    assert f'<a class="source-link" href="{PRESENT_URL}">' in html
    assert f'<a class="source-link" href="{YEAR_URL}">' in html
    assert '<th scope="col">Lähde</th>' in html
    printed = outputs.print_html(report)
    assert PRESENT_URL not in printed and YEAR_URL not in printed


def test_the_page_offers_the_downloads_and_the_text_editing_when_given(report):
    downloads = [{"label": "PDF (tulostettava)", "url": "/r/pdf/", "format": "pdf"}]
    html = page_html(report, downloads=downloads, edit_url="/texts/")
    assert '<a class="button report-download report-download--pdf" href="/r/pdf/">' in html
    assert '<a href="/texts/">Muokkaa raportin tekstejä</a>' in html
    assert "Muokkaa raportin tekstejä" not in page_html(report)


# --- The PDF ---------------------------------------------------------------------------------


def page_texts(report: Report) -> list[str]:
    """The text of each page of the PDF as WeasyPrint lays it out (no PDF reader needed)."""
    from weasyprint import HTML

    document = HTML(string=outputs.print_html(report)).render()
    texts = []
    for page in document.pages:
        boxes = page._page_box.descendants()
        texts.append(" ".join(box.text for box in boxes if hasattr(box, "text")))
    return texts


def test_the_pdf_has_a_cover_contents_with_page_numbers_and_the_sections(report):
    assert outputs.as_pdf(report).startswith(b"%PDF-")
    cover, contents, *pages = page_texts(report)
    assert "Yhdessä osallisuutta" in cover and "LOPPURAPORTTI" in cover  # set in capitals
    assert "1.8.2021–30.9.2023" in cover
    assert "Diakonia-ammattikorkeakoulu (Diak)" in cover
    assert "Euroopan sosiaalirahasto (ESR)" in cover
    assert "Sisällys" in contents
    body = " ".join(pages)
    for section in report.sections:
        assert section.title in body
        first_page = next(i for i, text in enumerate(pages, start=3) if section.title in text)
        assert re.search(rf"{re.escape(section.title)}[ .]*{first_page}\b", contents)
    assert f"8{NBSP}581,76{NBSP}€" in body and f"28,0{NBSP}%" in body
    assert "piilotettu" in body


def test_the_print_page_is_in_the_reports_language_whatever_the_active_one():
    report = hand_made_report(language="en")
    with translation.override("fi"):
        printed = outputs.print_html(report)
    assert '<html lang="en">' in printed
    assert f"8,581.76{NBSP}€" in printed and "8{NBSP}581,76" not in printed


def test_a_municipal_report_says_so_on_its_cover_and_in_its_file_name():
    report = hand_made_report(
        title="Kuntakohtaiset tulokset: Nivala", municipality_code="535", municipality_name="Nivala"
    )
    assert "KUNTAKOHTAISET TULOKSET: NIVALA" in page_texts(report)[0]
    assert outputs.filename(report, "pdf") == "yhdessa-osallisuutta-kunta-535-fi.pdf"


def test_file_names_name_the_project_and_the_language(report):
    assert outputs.filename(report, "xlsx") == "yhdessa-osallisuutta-loppuraportti-fi.xlsx"
    report.language = "sv"
    assert outputs.filename(report, "json") == "yhdessa-osallisuutta-loppuraportti-sv.json"


# --- The workbook ----------------------------------------------------------------------------


def workbook(report: Report) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(outputs.as_xlsx(report)))


def test_the_workbook_has_a_summary_and_one_sheet_per_table(report):
    book = workbook(report)
    assert book.sheetnames == [
        "Tiedot",
        "Valmennukset vuosittain",
        "Kustannus osallistujaa kohti…",
        "Kustannus osallistujaa… (2)",
    ]
    assert all(len(name) <= 31 for name in book.sheetnames)


def test_each_table_sheet_has_a_bold_frozen_header_and_numbers_as_numbers(report):
    sheet = workbook(report)["Valmennukset vuosittain"]
    assert [cell.value for cell in sheet[1]] == [
        "Vuosi",
        "Valmennuksia",
        "Ilmoittautuneita",
        "Läsnä",
    ]
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert [cell.value for cell in sheet[2]] == [2021, 4, 1120, 80]
    assert sheet["A2"].number_format == "0" and sheet["C2"].number_format == "#,##0"
    assert sheet["D3"].value == "piilotettu" and sheet["D3"].font.italic


def test_text_cells_stay_text_without_control_characters(report):
    sheet = workbook(report)["Kustannus osallistujaa kohti…"]
    assert sheet["A3"].value == '=HYPERLINK("x")' and sheet["A3"].data_type == "s"
    assert sheet["B2"].value == pytest.approx(8581.76)
    assert sheet["B2"].number_format == "#,##0.00"  # the column says "(€)"


def test_the_summary_sheet_has_every_figure_with_its_unit(report):
    sheet = workbook(report)["Tiedot"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    figures = {
        row[1]: row[2:4] for row in rows if row[0] in {"Valmennukset", "Kokeilujen kustannukset"}
    }
    assert figures["Läsnä yhteensä"] == [213, None]
    assert figures["Pienen ryhmän osallistujat"] == ["piilotettu", None]
    assert figures["Kustannus osallistujaa kohti"] == [pytest.approx(8581.76), "€"]
    assert figures["Naisten osuus"] == [28.0, "%"]
    assert ["Hanke", report.project_name] in [row[:2] for row in rows]
    index = next(row for row in rows if row[2] == "Kustannus osallistujaa kohti…")
    assert index[:2] == ["Kokeilujen kustannukset", LONG_TITLE]  # the full title


def test_times_are_in_the_services_time_zone_in_the_page_and_the_workbook():
    moment = datetime.datetime(2026, 11, 30, 10, 0, tzinfo=datetime.UTC)  # 12.00 in Helsinki
    table = Table("saved", "Tallennettu", ["Mitä", "Milloin"], [["Palaute", moment]])
    report = hand_made_report(sections=[Section("log", "Loki", tables=[table])])
    assert "<td>30.11.2026 12.00</td>" in page_html(report)
    cell = workbook(report)["Tallennettu"]["B2"]
    assert cell.value == datetime.datetime(2026, 11, 30, 12, 0)


# --- JSON ------------------------------------------------------------------------------------


def test_the_json_file_is_the_report_document_in_readable_utf8(report):
    content = outputs.json_bytes(report)
    assert json.loads(content) == report.as_json()
    assert "Läsnä yhteensä".encode() in content
    assert json.loads(content)["trainings"]["figures"] == {"present": 213, "small_group": None}
