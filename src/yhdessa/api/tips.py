"""Tip lists (public) and checklists (staff)."""

from ninja import Router

router = Router(tags=["toolkit"])
