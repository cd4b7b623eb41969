"""Test answers by item key: ``respond(wave, life_work=3, change_areas=["work"])``."""

import random
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.utils import timezone

from yhdessa.directory.models import Municipality
from yhdessa.surveys import services
from yhdessa.surveys.models import Answer, Item, Response, Wave


def respond(
    wave: Wave,
    *,
    code: str = "",
    municipality: Municipality | None = None,
    age_group: str = "",
    gender: str = "",
    **answers: Any,
) -> Response:
    """One response: scale items take the point (1–5), single choice an option key, multiple
    choice a list of option keys, number items a number and text items a string."""
    response = Response.objects.create(
        wave=wave,
        submitted_on=timezone.localdate(),
        pairing_hash=services.pairing_hash(code),
        municipality=municipality,
        age_group=age_group,
        gender=gender,
    )
    items = {
        item.key: item
        for item in Item.objects.filter(
            version=wave.survey.instrument_version_id, key__in=answers
        ).prefetch_related("options")
    }
    rows = []
    for key, value in answers.items():
        item = items[key]
        options = {option.key: option for option in item.options.all()}
        by_value = {option.value: option for option in item.options.all()}
        if item.type == Item.Type.SCALE_1_5:
            rows.append(Answer(response=response, item=item, option=by_value[value]))
        elif item.type == Item.Type.SINGLE:
            rows.append(Answer(response=response, item=item, option=options[value]))
        elif item.type == Item.Type.MULTIPLE:
            rows += [Answer(response=response, item=item, option=options[k]) for k in value]
        elif item.type == Item.Type.NUMBER:
            rows.append(Answer(response=response, item=item, number=Decimal(value)))
        else:
            rows.append(Answer(response=response, item=item, text=value))
    Answer.objects.bulk_create(rows)
    return response


def respond_many(wave: Wave, count: int, **kwargs: Any) -> list[Response]:
    return [respond(wave, **kwargs) for _ in range(count)]


def random_answers(
    rng: random.Random, items: Iterable[Item], *, blank: float = 0.1
) -> dict[str, Any]:
    """Random answers to the given items (each left blank with probability ``blank``)."""
    answers: dict[str, Any] = {}
    for item in items:
        if rng.random() < blank:
            continue
        options = [option.key for option in item.options.all()]
        if item.type == Item.Type.SCALE_1_5:
            answers[item.key] = rng.randint(1, 5)
        elif item.type == Item.Type.SINGLE:
            answers[item.key] = rng.choice(options)
        elif item.type == Item.Type.MULTIPLE:
            answers[item.key] = rng.sample(options, rng.randint(1, min(3, len(options))))
        elif item.type == Item.Type.TEXT:
            answers[item.key] = rng.choice(["Hyvä", "Lisää kerhoja", "Kiitos"])
    return answers
