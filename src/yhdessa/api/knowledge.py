"""Publications, lessons and vision words (public); interviews (staff)."""

from ninja import Router

router = Router(tags=["knowledge"])
