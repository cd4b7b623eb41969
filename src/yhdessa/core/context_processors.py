from django.conf import settings
from django.http import HttpRequest


def site(request: HttpRequest) -> dict[str, object]:
    return {"MIN_CELL_SIZE": settings.YHDESSA_MIN_CELL_SIZE}
