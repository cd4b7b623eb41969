"""Cooperation structures of municipalities (public parts)."""

from ninja import Router

router = Router(tags=["cooperation"])
