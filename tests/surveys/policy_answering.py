"""Access policies of the survey answering pages and API (merged into tests/access_policy.py).

The survey is the test world's Nivala survey (tests/surveys/world.py): its project is public,
so anyone may answer its open ``start`` wave, with or without an invitation.
"""

from tests.conftest import Actor
from tests.harness.access import Outcome, Policy

A = Actor
O = Outcome  # noqa: E741

PUBLIC = dict.fromkeys(Actor, O.OK)
# The survey's staff (project members and Nivala's coordinator) may read response rates;
# people outside the survey never learn that the page exists.
SURVEY_STAFF = dict.fromkeys(Actor, O.NOT_FOUND) | {
    A.ANONYMOUS: O.LOGIN,
    A.VIEWER: O.OK,
    A.ORGANISER: O.OK,
    A.COORDINATOR: O.OK,
    A.PROJECT_ADMIN: O.OK,
}
# Sending invitations (e-mail addresses) is for its managers: the project's admins and the
# coordinator of the survey's municipality. Other staff are refused (403).
SURVEY_MANAGERS_POST = SURVEY_STAFF | {
    A.VIEWER: O.FORBIDDEN,
    A.ORGANISER: O.FORBIDDEN,
    A.COORDINATOR: O.REDIRECT,
    A.PROJECT_ADMIN: O.REDIRECT,
}


def start_wave(world):
    from tests.surveys.world import nivala_survey

    return {"pk": nivala_survey(world).pk, "wave": "start"}


def survey(world):
    from tests.surveys.world import nivala_survey

    return {"pk": nivala_survey(world).pk}


def invitation_token(world):
    from tests.surveys.world import nivala_survey
    from yhdessa.surveys.services import invitation_create

    wave = nivala_survey(world).waves.get(key="start")
    _invitation, token = invitation_create(wave=wave, email="kutsuttu@example.fi")
    return {"token": token}


ANSWER = {"q_life_whole": "good", "q_comments": "Hyvä ilta"}

ANSWERING_POLICIES: dict[str, Policy] = {
    "surveys:answer": Policy(PUBLIC, kwargs=start_wave),
    "surveys:answer#post": Policy(
        dict.fromkeys(Actor, O.REDIRECT), kwargs=start_wave, method="post", data=ANSWER
    ),
    "surveys:answer_thanks": Policy(PUBLIC, kwargs=start_wave),
    # Opening the link does not use it, so everyone sees the form.
    "surveys:invitation": Policy(PUBLIC, kwargs=invitation_token),
    # The link works once: the first to post (anonymous, first in the table) answers and is
    # sent to the thanks page; everyone after them is told it has already been used.
    "surveys:invitation#post": Policy(
        PUBLIC | {A.ANONYMOUS: O.REDIRECT},
        kwargs=invitation_token,
        method="post",
        data=ANSWER,
    ),
    "surveys:invitations": Policy(SURVEY_STAFF, kwargs=survey),
    "surveys:invitations#post": Policy(
        SURVEY_MANAGERS_POST,
        kwargs=survey,
        method="post",
        data={
            "action": "send",
            "wave": "start",
            "language": "fi",
            "emails": "asukas@example.fi",
        },
    ),
}
