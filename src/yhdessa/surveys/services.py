"""Every write to instruments, responses, and the pairing and invitation secrets.

A published instrument version is frozen: answers already given refer to its items, so the
content services here refuse to touch it and ``new_version_from`` makes an editable copy.

Responses are written in one place, ``responses_create``, by the public form
(``response_submit``) and by the file import alike: a response gets its wave, the date, the
keyed pairing hash and the background answers, and nothing that could point at a person.
"""

import datetime
import enum
import hashlib
import secrets
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from yhdessa.core.audit import log_action
from yhdessa.directory.models import Municipality
from yhdessa.surveys.models import (
    Answer,
    InstrumentVersion,
    Invitation,
    Item,
    Option,
    Response,
    Section,
    Wave,
)

PAIRING_SALT = "yhdessa.surveys.pairing_hash"


def normalise_pairing_code(code: str) -> str:
    """Codes are written by hand on phones and cards: ignore case, width and all whitespace."""
    code = unicodedata.normalize("NFKC", code).casefold()
    return "".join(code.split())


def pairing_hash(code: str, *, secret: str | None = None) -> str:
    """Keyed HMAC-SHA256 of the normalised code ("" for no code); the code itself is never
    stored, and without the server's secret the hash cannot be tested against guesses."""
    normalised = normalise_pairing_code(code)
    if not normalised:
        return ""
    key = secret if secret is not None else settings.SECRET_KEY
    return salted_hmac(PAIRING_SALT, normalised, secret=key, algorithm="sha256").hexdigest()


def ensure_editable(version: InstrumentVersion) -> None:
    if version.is_published:
        raise ValidationError(
            _("Julkaistua versiota ei voi muuttaa. Tee siitä uusi versio."), code="published"
        )


@transaction.atomic
def version_publish(*, version: InstrumentVersion) -> InstrumentVersion:
    version = InstrumentVersion.objects.select_for_update().get(pk=version.pk)
    ensure_editable(version)
    if not version.items.exists():
        raise ValidationError(_("Versiossa ei ole yhtään kysymystä."), code="empty")
    version.published_at = timezone.now()
    version.save(update_fields=["published_at"])
    return version


@transaction.atomic
def new_version_from(*, version: InstrumentVersion) -> InstrumentVersion:
    """An unpublished copy of ``version`` (sections, items, options) with the next number."""
    instrument = version.instrument
    last = instrument.versions.aggregate(n=Max("number"))["n"] or 0
    copy = InstrumentVersion.objects.create(instrument=instrument, number=last + 1)
    sections = {}
    for section in version.sections.all():
        old_pk = section.pk
        section.pk = None
        section.version = copy
        section.save()
        sections[old_pk] = section
    for item in version.items.prefetch_related("options"):
        options = list(item.options.all())
        item.pk = None
        item.version = copy
        item.section = sections.get(item.section_id) if item.section_id else None
        item.save()
        for option in options:
            option.pk = None
            option.item = item
        Option.objects.bulk_create(options)
    return copy


@transaction.atomic
def section_create(*, version: InstrumentVersion, **fields: Any) -> Section:
    ensure_editable(version)
    return Section.objects.create(version=version, **fields)


@transaction.atomic
def item_create(*, version: InstrumentVersion, **fields: Any) -> Item:
    ensure_editable(version)
    item = Item(version=version, **fields)
    item.full_clean()
    item.save()
    return item


@transaction.atomic
def item_change(*, item: Item, **fields: Any) -> Item:
    ensure_editable(item.version)
    for name, value in fields.items():
        setattr(item, name, value)
    item.full_clean()
    item.save()
    return item


@transaction.atomic
def item_delete(*, item: Item) -> None:
    ensure_editable(item.version)
    item.delete()


@transaction.atomic
def option_create(*, item: Item, **fields: Any) -> Option:
    ensure_editable(item.version)
    option = Option(item=item, **fields)
    option.full_clean()
    option.save()
    return option


def invitation_token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _new_token() -> tuple[str, str]:
    """A one-time token and the hash that is stored in its place."""
    token = secrets.token_urlsafe(32)
    return token, invitation_token_hash(token)


@transaction.atomic
def invitation_create(*, wave: Wave, email: str) -> tuple[Invitation, str]:
    """The invitation and its one-time token; only the token's hash is stored."""
    token, token_hash = _new_token()
    invitation = Invitation.objects.create(wave=wave, email=email, token_hash=token_hash)
    return invitation, token


@transaction.atomic
def invitation_use(*, token: str, wave: Wave | None = None) -> Invitation:
    """Marks the link used, in the transaction that saves the response (``response_submit``):
    opening the link does not use it, since mail scanners open links before people do.

    Only the day is kept, like the response's date: with a time of day, the order in which
    links were used could be matched with the order in which responses were saved.
    """
    try:
        invitation = Invitation.objects.select_for_update().get(
            token_hash=invitation_token_hash(token)
        )
    except Invitation.DoesNotExist:
        raise ValidationError(_("Kutsulinkki ei kelpaa."), code="invalid") from None
    if wave is not None and invitation.wave_id != wave.pk:
        raise ValidationError(_("Kutsulinkki ei kelpaa."), code="invalid")
    if invitation.is_used:
        raise ValidationError(_("Kutsulinkki on jo käytetty."), code="used")
    invitation.is_used = True
    invitation.save(update_fields=["is_used"])
    return invitation


# Responses -------------------------------------------------------------------------------------


class WaveState(enum.Enum):
    NOT_YET_OPEN = "not_yet_open"
    OPEN = "open"
    CLOSED = "closed"


def wave_state(wave: Wave, now: datetime.datetime) -> WaveState:
    """The same rule as ``selectors.open_waves``, for a wave already at hand."""
    if now < wave.opens_at:
        return WaveState.NOT_YET_OPEN
    if wave.closes_at is not None and now >= wave.closes_at:
        return WaveState.CLOSED
    return WaveState.OPEN


def check_wave_open(wave: Wave, now: datetime.datetime) -> None:
    state = wave_state(wave, now)
    if state is WaveState.NOT_YET_OPEN:
        raise ValidationError(_("Kysely ei ole vielä avoinna."), code="not_yet_open")
    if state is WaveState.CLOSED:
        raise ValidationError(_("Kysely on sulkeutunut."), code="closed")


@dataclass
class NewResponse:
    """A response to be saved: exactly what a ``Response`` may hold, and its unsaved answers."""

    wave: Wave
    pairing_hash: str = ""
    municipality: Municipality | None = None
    age_group: str = ""
    gender: str = ""
    answers: list[Answer] = field(default_factory=list)


class PairingCodeTaken(ValidationError):
    """The pairing code has already answered the wave."""


def _pairing_taken_error() -> PairingCodeTaken:
    return PairingCodeTaken(
        _(
            "Tällä parikoodilla on jo vastattu tähän kyselyyn. Jos et ole vastannut aiemmin, "
            "valitse toinen koodi."
        ),
        code="pairing_taken",
    )


def responses_create(*, responses: Sequence[NewResponse]) -> list[Response]:
    """Save the responses and their answers (all or none), dated today.

    A pairing code may answer a wave once. The database constraint decides, so that two
    simultaneous submissions with the same code cannot both get in: if it refuses the rows,
    ``PairingCodeTaken`` is raised and nothing is saved.
    """
    pairs = [(row.wave.pk, row.pairing_hash) for row in responses if row.pairing_hash]
    if len(pairs) != len(set(pairs)):
        raise _pairing_taken_error()
    today = timezone.localdate()
    rows = [
        Response(
            wave=row.wave,
            submitted_on=today,
            pairing_hash=row.pairing_hash,
            municipality=row.municipality,
            age_group=row.age_group,
            gender=row.gender,
        )
        for row in responses
    ]
    try:
        with transaction.atomic():
            if connection.features.can_return_rows_from_bulk_insert:
                Response.objects.bulk_create(rows)
            else:  # SQLite before 3.35 gives no ids back, and the answers need them
                for response in rows:
                    response.save(force_insert=True)
            answers = []
            for response, row in zip(rows, responses, strict=True):
                for answer in row.answers:
                    answer.response = response
                    answers.append(answer)
            Answer.objects.bulk_create(answers)
    except IntegrityError:
        taken = Q()
        for wave_id, pairing in pairs:
            taken |= Q(wave_id=wave_id, pairing_hash=pairing)
        if pairs and Response.objects.filter(taken).exists():
            raise _pairing_taken_error() from None
        raise
    return rows


def _check_answers_belong(wave: Wave, answers: Sequence[Answer]) -> None:
    version_id = wave.survey.instrument_version_id
    for answer in answers:
        if answer.item.version_id != version_id or (
            answer.option is not None and answer.option.item_id != answer.item.pk
        ):
            raise ValueError(f"answer to {answer.item.key} is not of this survey")


def response_submit(
    *,
    wave: Wave,
    answers: Sequence[Answer],
    pairing_code: str = "",
    municipality: Municipality | None = None,
    age_group: str = "",
    gender: str = "",
    invitation_token: str | None = None,
    now: datetime.datetime | None = None,
) -> Response:
    """Save one respondent's answers from the public form, and use their invitation link in
    the same transaction: if the answers are refused, the link still works.

    Raises ``ValidationError`` with the code ``not_yet_open`` or ``closed`` (the wave),
    ``invalid`` or ``used`` (the invitation), or ``pairing_taken`` (``PairingCodeTaken``).
    The survey's own municipality, if it has one, is the response's municipality.
    """
    _check_answers_belong(wave, answers)
    if wave.survey.municipality_id is not None:
        municipality = wave.survey.municipality
    with transaction.atomic():
        check_wave_open(wave, now or timezone.now())
        if invitation_token is not None:
            invitation_use(token=invitation_token, wave=wave)
        (response,) = responses_create(
            responses=[
                NewResponse(
                    wave=wave,
                    pairing_hash=pairing_hash(pairing_code),
                    municipality=municipality,
                    age_group=age_group,
                    gender=gender,
                    answers=list(answers),
                )
            ]
        )
    return response


# Invitations -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class InvitationsSent:
    sent: int
    #: Addresses already invited to the wave, which got nothing now.
    skipped: list[str]


def _wave_for_sending(wave: Wave) -> Wave:
    """The wave, locked so that two people sending at once cannot invite an address twice."""
    wave = Wave.objects.select_for_update().select_related("survey").get(pk=wave.pk)
    if wave_state(wave, timezone.now()) is WaveState.CLOSED:
        raise ValidationError(
            _("Kierros on jo sulkeutunut, joten siihen ei voi enää kutsua."), code="closed"
        )
    return wave


@transaction.atomic
def invitations_send(
    *, actor: Any, wave: Wave, emails: Sequence[str], language: str
) -> InvitationsSent:
    """Invite each new address to the wave with its own single-use link, e-mailed after the
    transaction commits. Addresses are compared in lower case; the audit log gets counts
    only."""
    wave = _wave_for_sending(wave)
    wanted = list(dict.fromkeys(email.strip().lower() for email in emails if email.strip()))
    already = set(
        Invitation.objects.filter(wave=wave, email__in=wanted).values_list("email", flat=True)
    )
    skipped = [email for email in wanted if email in already]
    tokens: list[str] = []
    invitations: list[Invitation] = []
    for email in wanted:
        if email in already:
            continue
        token, token_hash = _new_token()
        tokens.append(token)
        invitations.append(Invitation(wave=wave, email=email, token_hash=token_hash))
    Invitation.objects.bulk_create(invitations)
    log_action(
        actor=actor,
        action="surveys.invitations.sent",
        target=wave,
        data={"count": len(invitations), "skipped": len(skipped), "language": language},
    )
    if invitations:
        recipients = [
            (inv.pk, inv.email, token) for inv, token in zip(invitations, tokens, strict=True)
        ]
        _email_in_transaction(wave, recipients, language=language, reminder=False)
    return InvitationsSent(sent=len(invitations), skipped=skipped)


def _email_in_transaction(
    wave: Wave, recipients: list[tuple[int, str, str]], *, language: str, reminder: bool
) -> None:
    """Queue the links with the tokens' hashes: a rolled-back send mails nobody."""
    from yhdessa.surveys import notifications

    notifications.queue_invitations(
        wave=wave, recipients=recipients, language=language, reminder=reminder
    )


@transaction.atomic
def invitations_remind(*, actor: Any, wave: Wave, language: str) -> int:
    """Send a new link to everyone invited to the wave who has not answered. The new token
    replaces the old hash, so the earlier link stops working. Returns how many were sent."""
    wave = _wave_for_sending(wave)
    waiting = list(
        Invitation.objects.select_for_update()
        .filter(wave=wave, is_used=False)
        .exclude(email="")  # blanked after the wave closed (surveys/privacy.py)
        .order_by("pk")
    )
    recipients = []
    for invitation in waiting:
        token, invitation.token_hash = _new_token()
        recipients.append((invitation.pk, invitation.email, token))
    Invitation.objects.bulk_update(waiting, ["token_hash"])
    log_action(
        actor=actor,
        action="surveys.invitations.reminded",
        target=wave,
        data={"count": len(waiting), "language": language},
    )
    if recipients:
        _email_in_transaction(wave, recipients, language=language, reminder=True)
    return len(waiting)
