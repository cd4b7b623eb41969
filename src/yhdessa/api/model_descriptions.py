"""Published operational model descriptions (toimintamallikuvaukset)."""

from ninja import Router

router = Router(tags=["models"])
