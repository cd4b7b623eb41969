"""Uploaded public images (the logo, the front-page image, events' images).

Every upload is checked before anything is stored: a JPEG, PNG or WebP file that Pillow can
read, of at most MAX_IMAGE_BYTES and MAX_SIDE pixels a side. Stored names are random and end
with the real format's extension, so the media view can tell the content type from the name
alone. Files go through Django's storage API only (``default_storage``): the storage may be a
directory or an S3-compatible bucket.
"""

import uuid
from pathlib import PurePosixPath
from typing import Any

from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

MAX_IMAGE_BYTES = 3 * 1024 * 1024
MAX_SIDE = 4000
MIN_SIDE = 16
#: Pillow's format name → the extension of the stored file.
FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
#: The extension of a stored file → the content type it is served with.
CONTENT_TYPES = {"jpg": "image/jpeg", "png": "image/png", "webp": "image/webp"}
ACCEPT = "image/jpeg,image/png,image/webp"
WRONG_TYPE = _("Kuvan tyyppiä ei tunnistettu. Valitse JPEG-, PNG- tai WebP-kuva.")


def _random_name(folder: str, filename: str) -> str:
    extension = PurePosixPath(filename).suffix.lower().lstrip(".")
    if extension not in CONTENT_TYPES:
        raise ValueError(f"not a checked image: {filename}")
    return f"{folder}/{uuid.uuid4().hex}.{extension}"


def branding_upload_to(instance: Any, filename: str) -> str:
    return _random_name("branding", filename)


def event_image_upload_to(instance: Any, filename: str) -> str:
    return _random_name("events", filename)


def public_image_url(name: str) -> str:
    """Always through the media view, whatever the storage: the CSP allows images from this
    site only, and the view serves only the images that public pages refer to."""
    return reverse("public_image", kwargs={"name": name})


def content_type_of(name: str) -> str | None:
    return CONTENT_TYPES.get(PurePosixPath(name).suffix.lower().lstrip("."))


class PublicImageField(forms.ImageField):
    """An image that will be shown to everyone, refused with a clear message when it is not
    a JPEG, PNG or WebP image of a sensible size."""

    default_error_messages = {"invalid_image": WRONG_TYPE}

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("widget", forms.ClearableFileInput(attrs={"accept": ACCEPT}))
        kwargs.setdefault(
            "help_text",
            _("JPEG, PNG tai WebP, enintään %(size)s Mt ja %(side)s × %(side)s kuvapistettä.")
            % {"size": MAX_IMAGE_BYTES // (1024 * 1024), "side": MAX_SIDE},
        )
        super().__init__(**kwargs)

    def to_python(self, data: Any) -> Any:
        if data is not None and getattr(data, "size", 0) > MAX_IMAGE_BYTES:
            raise forms.ValidationError(
                _("Kuva on liian suuri. Suurin sallittu koko on %(size)s Mt.")
                % {"size": MAX_IMAGE_BYTES // (1024 * 1024)},
                code="too_large",
            )
        upload = super().to_python(data)
        if upload is None:
            return None
        image = upload.image  # type: ignore[attr-defined]  # set by ImageField.to_python
        if image.format not in FORMATS:
            raise forms.ValidationError(WRONG_TYPE, code="file_type")
        width, height = image.size
        if max(width, height) > MAX_SIDE or min(width, height) < MIN_SIDE:
            raise forms.ValidationError(
                _(
                    "Kuvan koko on %(width)s × %(height)s kuvapistettä. Sivun pitää olla "
                    "%(min)s–%(max)s kuvapistettä."
                )
                % {"width": width, "height": height, "min": MIN_SIDE, "max": MAX_SIDE},
                code="dimensions",
            )
        upload.name = f"image.{FORMATS[image.format]}"
        return upload
