"""``yhdessa report``: the files it writes and its errors."""

import json

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def test_writes_the_json_document(demo_project, tmp_path):
    path = tmp_path / "raportti.json"
    call_command("report", demo_project.slug, "--format", "json", "-o", str(path))
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["meta"]["project"] == demo_project.slug
    assert {"trainings", "costs", "evaluation", "discrepancies"} <= set(document)


def test_writes_a_municipal_report_in_swedish(demo_project, tmp_path):
    path = tmp_path / "nivala.json"
    call_command(
        "report",
        demo_project.slug,
        "--format",
        "json",
        "--lang",
        "sv",
        "--municipality",
        "535",
        "-o",
        str(path),
    )
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["meta"] | {"generated_at": None} == document["meta"] | {
        "generated_at": None,
        "municipality": "535",
        "language": "sv",
    }


def test_writes_the_pdf_under_its_own_name(demo_project, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    call_command("report", demo_project.slug, "--format", "pdf")
    (written,) = tmp_path.iterdir()
    assert written.name == "yhdessa-osallisuutta-loppuraportti-fi.pdf"
    assert written.read_bytes().startswith(b"%PDF")


def test_an_unknown_project_is_named_with_the_known_ones(demo_project):
    with pytest.raises(
        CommandError, match=r"Hanketta 'ei-ole' ei ole\. Hankkeet: yhdessa-osallisuutta"
    ):
        call_command("report", "ei-ole", "--format", "json")


def test_an_unknown_municipality_lists_the_partners(demo_project, tmp_path):
    with pytest.raises(CommandError, match=r"Kunta '091' ei ole .* Kumppanikunnat: .*535 Nivala"):
        call_command(
            "report", demo_project.slug, "--municipality", "091", "-o", str(tmp_path / "x.pdf")
        )
    assert not (tmp_path / "x.pdf").exists()
