"""The project team's own words in its final report: the texts the seed report gives in
prose, where the records hold no figures for them.

Taken from the report (``facts.yaml``), except that the partner survey's findings are told
without their small counts ("three respondents", "two respondents"): a text written by the
team goes out as it is, so the demo shows how to write it without them. Loading again
updates the same rows.
"""

from typing import Any

from yhdessa.projects.models import Project
from yhdessa.reports.models import SectionText

SOURCE = "(Hankkeen loppuraportista.)"


def load(facts: dict[str, Any], *, project: Project) -> None:
    for section, text in _texts(facts).items():
        SectionText.objects.update_or_create(
            project=project,
            municipality=None,
            section=section,
            defaults={"included": True, "text_fi": f"{text}\n\n{SOURCE}"},
        )


def _texts(facts: dict[str, Any]) -> dict[str, str]:
    texts = {}
    if feedback := facts.get("trainings", {}).get("feedback_fi"):
        texts["trainings"] = "Palautteen mukaan: " + "; ".join(_lower(f) for f in feedback) + "."
    if purpose := facts.get("peer_meetings", {}).get("purpose_fi"):
        texts["peer_meetings"] = f"Vertaistapaamisten tarkoitus: {_lower(purpose)}."
    if survey := facts.get("partner_feedback_survey"):
        plain = [one for one in survey.get("findings_fi", []) if isinstance(one, str)]
        texts["partner_feedback"] = (
            "Kumppanikunnille loppuvuodesta 2022 tehdyn kyselyn vastaajien mukaan "
            + ", ".join(plain)
            + ". Osa vastaajista koki saaneensa uutta tietoa osallisuuden edistämisestä ja "
            "oppineensa lisää osallisuuden arvioinnista."
        )
    evaluation = facts.get("evaluation_survey", {})
    if evaluation.get("best_areas_fi") and evaluation.get("worst_areas_fi"):
        texts["evaluation"] = (
            "Parhaiten arvioidut elämän osa-alueet: "
            + " ja ".join(_lower(area) for area in evaluation["best_areas_fi"])
            + ". Heikoimmin arvioidut: "
            + " ja ".join(_lower(area) for area in evaluation["worst_areas_fi"])
            + "."
        )
    interviews = facts.get("interviews", {})
    if interviews.get("key_finding_fi"):
        texts["interviews"] = interviews["key_finding_fi"]
        if interviews.get("disagreement_fi"):
            texts["interviews"] += "\n\nNäkemykset erosivat siinä, " + _lower(
                interviews["disagreement_fi"]
            )
    return texts


def _lower(text: str) -> str:
    return text[:1].lower() + text[1:]
