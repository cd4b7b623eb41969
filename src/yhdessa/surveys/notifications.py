"""Invitation and reminder e-mails: one message per address, each with its own link.

Called from ``transaction.on_commit`` with the tokens in memory: only their hashes are ever
stored, so the links exist nowhere but in the messages. The language is chosen by the person
who sends, since the invitees' own language is not known; the link opens the form in it.
"""

from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from yhdessa.events.notifications import site_url
from yhdessa.surveys.models import Invitation, Wave

#: (invitation id, e-mail address, token)
Recipient = tuple[int, str, str]


def invitation_url(token: str) -> str:
    """The absolute link of a token, in the active language (reverse adds /sv/ or /en/)."""
    return site_url() + reverse("surveys:invitation", kwargs={"token": token})


def send_invitations(
    *, wave_id: int, recipients: list[Recipient], language: str, reminder: bool
) -> None:
    wave = Wave.objects.select_related("survey").get(pk=wave_id)
    template = "reminder" if reminder else "invitation"
    messages = []
    with translation.override(language):
        for _pk, email, token in recipients:
            context = {
                "survey": wave.survey,
                "wave": wave,
                "url": invitation_url(token),
                "closes_at": timezone.localtime(wave.closes_at) if wave.closes_at else None,
            }
            subject = render_to_string(f"surveys/email/{template}_subject.txt", context).strip()
            body = render_to_string(f"surveys/email/{template}.txt", context)
            messages.append(EmailMessage(subject, body, to=[email]))
    get_connection().send_messages(messages)
    Invitation.objects.filter(pk__in=[pk for pk, _email, _token in recipients]).update(
        sent_at=timezone.now()
    )
