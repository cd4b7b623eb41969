from typing import Any

from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination

MAX_LIMIT = 100
MAX_OFFSET = 1_000_000


class BoundedPagination(LimitOffsetPagination):
    """Limit/offset paging with bounds: a huge offset would overflow SQLite's integers
    (schemathesis found this), and a huge limit would let one request read everything."""

    class Input(Schema):
        limit: int = Field(25, ge=1, le=MAX_LIMIT)
        offset: int = Field(0, ge=0, le=MAX_OFFSET)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(max_limit=MAX_LIMIT, **kwargs)
