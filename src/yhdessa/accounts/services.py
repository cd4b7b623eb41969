"""Every write to users, memberships and API tokens."""

import hashlib
import secrets

from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from yhdessa.accounts.models import ApiToken, Membership, User
from yhdessa.core.audit import log_action
from yhdessa.core.links import absolute_url
from yhdessa.directory.models import Municipality, Organisation
from yhdessa.mail.services import Message, emails_queue
from yhdessa.projects.models import Project

TOKEN_PREFIX = "yh_"  # noqa: S105 (a public marker, not a secret)


def hash_api_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


@transaction.atomic
def api_token_create(*, user: User, name: str) -> tuple[ApiToken, str]:
    """Make a token and return it with its raw value, which is never stored or shown again."""
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user, name=name, prefix=raw[len(TOKEN_PREFIX) :][:8], key_hash=hash_api_token(raw)
    )
    log_action(actor=user, action="accounts.api_token.created", target=token)
    return token, raw


def api_token_authenticate(raw: str) -> User | None:
    token = (
        ApiToken.objects.select_related("user")
        .filter(key_hash=hash_api_token(raw), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token.user


@transaction.atomic
def membership_grant(
    *,
    actor: User | None,
    email: str,
    first_name: str = "",
    last_name: str = "",
    role: str,
    project: Project | None = None,
    municipality: Municipality | None = None,
    organisation: Organisation | None = None,
    invite: bool = False,
    invited_to: Project | None = None,
) -> Membership:
    """Give a person a role, creating their account if needed.

    A new account has no password; with ``invite``, the person gets an e-mail with a link to
    set one (queued in this transaction; ``invited_to`` is the project whose staff see it if
    it cannot be delivered).
    """
    email = User.objects.normalize_email(email).lower()
    user = User.objects.filter(email__iexact=email).first()
    created = user is None
    if user is None:
        user = User.objects.create_user(email, None, first_name=first_name, last_name=last_name)
    membership, _ = Membership.objects.get_or_create(
        user=user, role=role, project=project, municipality=municipality, organisation=organisation
    )
    log_action(
        actor=actor,
        action="accounts.membership.granted",
        target=membership,
        data={"email": email, "role": role, "account_created": created},
    )
    if created and invite:
        _queue_invitation(user, membership, invited_to or project)
    return membership


@transaction.atomic
def membership_revoke(*, actor: User | None, membership: Membership) -> None:
    """Take a role away. The account stays: the person may have other roles, and the audit
    log keeps pointing at them."""
    log_action(
        actor=actor,
        action="accounts.membership.revoked",
        target=membership.user,
        data={"role": membership.role, "scope": str(membership.scope)},
    )
    membership.delete()


def _queue_invitation(user: User, membership: Membership, project: Project | None) -> None:
    path = reverse(
        "accounts:password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    context = {"user": user, "membership": membership, "link": absolute_url(path)}
    subject = render_to_string("accounts/email/invitation_subject.txt", context).strip()
    body = render_to_string("accounts/email/invitation.txt", context)
    emails_queue(
        messages=[Message(to=user.email, subject=subject, body=body)],
        purpose="accounts.invitation",
        project=project,
    )
