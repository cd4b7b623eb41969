"""Invitation and reminder e-mails: one message per address, each with its own link.

Only the tokens' hashes are stored with the invitations; the links themselves live in the
outbox (``yhdessa.mail``) until the message is sent, and are blanked from it then. The language
is chosen by the person who sends, since the invitees' own language is not known; the link
opens the form in it.
"""

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from yhdessa.core.links import absolute_url
from yhdessa.mail.services import Message, emails_queue
from yhdessa.surveys.models import Invitation, Wave

#: (invitation id, e-mail address, token)
Recipient = tuple[int, str, str]


def invitation_url(token: str) -> str:
    """The absolute link of a token, in the active language (reverse adds /sv/ or /en/)."""
    return absolute_url(reverse("surveys:invitation", kwargs={"token": token}))


def queue_invitations(
    *, wave: Wave, recipients: list[Recipient], language: str, reminder: bool
) -> None:
    """Queue the messages in the caller's transaction: a rolled-back send mails nobody."""
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
            messages.append(Message(to=email, subject=subject, body=body))
    emails_queue(messages=messages, purpose=f"surveys.{template}", project=wave.survey.project)
    Invitation.objects.filter(pk__in=[pk for pk, _email, _token in recipients]).update(
        sent_at=timezone.now()
    )
