"""Every write to the outbox: queue a message, deliver it, retry it.

Messages are queued in the caller's transaction and handed to a background task when it
commits (``tasks.deliver_emails``). Delivery never raises to the person who caused the
message: a mail server that is away is recorded on the row and tried again later with
back-off; an address the server refuses fails at once. Staff see what is waiting or failed
(``selectors.undelivered_emails``) and can send it again.
"""

import logging
import smtplib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from functools import partial

from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.utils import timezone

from yhdessa.core.audit import log_action
from yhdessa.mail.models import OutgoingEmail
from yhdessa.projects.models import Project

logger = logging.getLogger(__name__)

Status = OutgoingEmail.Status

#: Seconds to wait before each retry: a mail server that is down for a restart or an evening
#: gets the message when it is back; after the last one, staff are shown the failure.
RETRY_DELAYS = (60, 5 * 60, 30 * 60, 2 * 3600, 6 * 3600)


@dataclass(frozen=True)
class Attachment:
    filename: str
    content: str
    mimetype: str


@dataclass(frozen=True)
class Message:
    to: str
    subject: str
    body: str
    attachments: Sequence[Attachment] = field(default_factory=tuple)


def emails_queue(
    *, messages: Iterable[Message], purpose: str, project: Project | None = None
) -> list[OutgoingEmail]:
    """Store the messages and send them once the caller's transaction commits."""
    emails = OutgoingEmail.objects.bulk_create(
        OutgoingEmail(
            purpose=purpose,
            project=project,
            to=message.to,
            subject=message.subject[:255],
            body=message.body,
            attachments=[vars(attachment) for attachment in message.attachments],
        )
        for message in messages
    )
    if emails:
        _deliver_after_commit([email.pk for email in emails])
    return emails


def _deliver_after_commit(email_ids: list[int]) -> None:
    from yhdessa.mail.tasks import deliver_emails

    transaction.on_commit(partial(deliver_emails.enqueue, email_ids=email_ids))


def emails_deliver(*, email_ids: Sequence[int]) -> None:
    """Send the pending ones of these messages over one connection; record what happened."""
    emails = list(OutgoingEmail.objects.filter(pk__in=email_ids, status=Status.PENDING))
    if not emails:
        return
    retry: dict[int, list[int]] = defaultdict(list)
    connection = get_connection()  # opened by the first send, kept for the rest
    try:
        for email in emails:
            try:
                _as_message(email, connection).send()
            except smtplib.SMTPRecipientsRefused as error:
                _record_failure(email, error, final=True)
            except (smtplib.SMTPException, OSError) as error:
                if _record_failure(email, error, final=email.attempts + 1 > len(RETRY_DELAYS)):
                    retry[email.attempts].append(email.pk)
            else:
                _record_sent(email)
    finally:
        connection.close()
    for attempts, ids in retry.items():
        _schedule_retry(ids, delay=RETRY_DELAYS[attempts - 1])


def _as_message(email: OutgoingEmail, connection) -> EmailMessage:
    message = EmailMessage(email.subject, email.body, to=[email.to], connection=connection)
    for attachment in email.attachments:
        message.attach(attachment["filename"], attachment["content"], attachment["mimetype"])
    return message


def _record_sent(email: OutgoingEmail) -> None:
    OutgoingEmail.objects.filter(pk=email.pk).update(
        status=Status.SENT,
        sent_at=timezone.now(),
        attempts=email.attempts + 1,
        last_error="",
        next_attempt_at=None,
        body="",  # single-use links leave the system with the message
        attachments=[],
    )


def _record_failure(email: OutgoingEmail, error: Exception, *, final: bool) -> bool:
    """Note the failure; True when the message will be tried again."""
    email.attempts += 1
    email.last_error = f"{type(error).__name__}: {error}"[:300]
    email.status = Status.FAILED if final else Status.PENDING
    email.next_attempt_at = (
        None if final else timezone.now() + timedelta(seconds=RETRY_DELAYS[email.attempts - 1])
    )
    email.save(update_fields=["attempts", "last_error", "status", "next_attempt_at"])
    logger.warning(
        "E-mail %s (%s) not sent, attempt %s: %s",
        email.pk,
        email.purpose,
        email.attempts,
        type(error).__name__,
    )
    return not final


def _schedule_retry(email_ids: list[int], *, delay: int) -> None:
    from yhdessa.mail.tasks import deliver_emails

    if not deliver_emails.get_backend().supports_defer:
        return  # e.g. the immediate backend of the tests: staff can send them again
    run_after = timezone.now() + timedelta(seconds=delay)
    deliver_emails.using(run_after=run_after).enqueue(email_ids=email_ids)


@transaction.atomic
def emails_retry(*, actor, email_ids: Sequence[int]) -> int:
    """Staff's "send again": failed and waiting messages go out at once, with new attempts."""
    emails = OutgoingEmail.objects.select_for_update().filter(
        pk__in=email_ids, status__in=[Status.PENDING, Status.FAILED]
    )
    ids = list(emails.values_list("pk", flat=True))
    emails.update(status=Status.PENDING, attempts=0, next_attempt_at=None)
    if ids:
        log_action(actor=actor, action="mail.emails.retried", data={"count": len(ids)})
        _deliver_after_commit(ids)
    return len(ids)


def emails_purge(*, days: int) -> int:
    """Delete messages older than ``days`` (sent, failed or given up), with their addresses.

    Run by ``yhdessa anonymise``; the retries of a message end within hours, so nothing older
    is still on its way."""
    cutoff = timezone.now() - timedelta(days=days)
    count, _ = OutgoingEmail.objects.filter(created_at__lt=cutoff).delete()
    return count
