"""The demo's report texts: the seed report's prose, without its small counts."""

import pytest

from yhdessa import demo
from yhdessa.reports.models import SectionText

pytestmark = pytest.mark.django_db


def test_the_report_texts_are_the_seeds_prose_and_load_again_without_duplicates():
    demo.load_all(password="demo-salasana-1")
    demo.load_all(password="demo-salasana-1")
    texts = dict(SectionText.objects.values_list("section", "text_fi"))
    assert set(texts) == {
        "trainings",
        "peer_meetings",
        "partner_feedback",
        "evaluation",
        "interviews",
    }
    assert "kokemuspuheenvuorot täydensivät valmennusten teemaa" in texts["trainings"]
    assert "kyläneuvostojen" in texts["partner_feedback"]
    assert (
        "Parhaiten arvioidut elämän osa-alueet: turvallisuuden tunne ja elinympäristö."
        in (texts["evaluation"])
    )
    # The report's "Kaksi vastaajaa …" and "Puolet vastaajista (3)" are small counts.
    assert "Kaksi" not in texts["partner_feedback"]
    assert "Puolet" not in texts["partner_feedback"]
    assert all(text.endswith("(Hankkeen loppuraportista.)") for text in texts.values())
