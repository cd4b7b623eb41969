import io

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from tests.factories import UserFactory


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    """Uploads go to a directory of the test, through the storage API like in production."""
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def site_admin(db):
    return UserFactory(is_superuser=True, is_staff=True)


@pytest.fixture
def profile_editor(db):
    """Not a superuser: given the model's change permission in the Django admin."""
    user = UserFactory()
    user.user_permissions.add(Permission.objects.get(codename="change_siteprofile"))
    return user


def image_file(name="kuva.png", fmt="PNG", size=(64, 48), colour="#005a78") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, format=fmt)
    content_type = {"PNG": "image/png", "JPEG": "image/jpeg", "GIF": "image/gif"}.get(fmt, "")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=content_type)
