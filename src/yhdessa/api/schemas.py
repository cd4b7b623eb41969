from typing import Any

from ninja import Schema


class Message(Schema):
    detail: str


class ValidationErrors(Schema):
    """422: one entry per invalid field; ``loc`` names the field, ``msg`` says what is wrong."""

    detail: list[dict[str, Any]]


NOT_FOUND = {404: Message}
#: Over a rate limit (yhdessa/core/ratelimits.py); Retry-After says how many seconds to wait.
RATE_LIMITED = {429: Message}
INVALID = {422: ValidationErrors}
