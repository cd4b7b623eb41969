from collections.abc import Mapping
from typing import Any

from django import template
from django.conf import settings
from django.forms import BoundField
from django.urls import translate_url
from django.utils.safestring import SafeString
from django.utils.translation import get_language, gettext

register = template.Library()

#: Each language's link text in that language itself, so that a reader finds their own.
LANGUAGE_LINK_TEXT = {"fi": "Suomeksi", "sv": "På svenska", "en": "In English"}


@register.simple_tag(takes_context=True)
def language_links(context: dict[str, Any]) -> list[dict[str, Any]]:
    request = context.get("request")
    path = request.get_full_path() if request else "/"
    current = get_language()
    return [
        {
            "code": code,
            "text": LANGUAGE_LINK_TEXT.get(code, code),
            "url": translate_url(path, code),
            "current": code == current,
        }
        for code, _name in settings.LANGUAGES
    ]


@register.simple_tag
def field_widget(field: BoundField) -> SafeString:
    """The widget with its help text and errors tied to it for screen readers."""
    described_by = []
    if field.help_text:
        described_by.append(f"{field.auto_id}_helptext")
    # Django autofocuses the log-in form's first field, which skips the skip link and the
    # page's introduction for screen-reader and keyboard users.
    attrs: dict[str, str | bool] = {"autofocus": False}
    if field.errors:
        described_by.append(f"{field.auto_id}_error")
        attrs["aria-invalid"] = "true"
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    return field.as_widget(attrs=attrs)


@register.filter
def count_or_hidden(value: int | None) -> str:
    """Show a count that went through small-number protection. A hidden cell is not always
    small: it may hide a small one next to it, so it says only that it is hidden."""
    return gettext("piilotettu") if value is None else str(value)


@register.filter
def get_item(mapping: Mapping[str, Any], key: str) -> Any:
    """``mapping|get_item:key`` — look a value up by a key held in a variable."""
    return mapping.get(key)
