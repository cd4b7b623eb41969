"""Signed links that let a registrant cancel without an account."""

from django.core import signing

SALT = "yhdessa.events.cancel"


def cancel_token(registration_id: int) -> str:
    return signing.dumps(registration_id, salt=SALT, compress=True)


def registration_id_from(token: str, max_age_days: int = 400) -> int | None:
    """The registration the token was made for; None for a forged or expired token."""
    try:
        value = signing.loads(token, salt=SALT, max_age=max_age_days * 24 * 3600)
    except signing.BadSignature:
        return None
    return value if isinstance(value, int) else None
