import re

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

validate_municipality_code = RegexValidator(
    r"^\d{3}$", _("Kuntanumerossa on kolme numeroa, esimerkiksi 535.")
)

_BUSINESS_ID = re.compile(r"^(\d{7})-(\d)$")
_BUSINESS_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2)


def validate_business_id(value: str) -> None:
    """Finnish business ID (Y-tunnus): seven digits, a hyphen and a mod-11 check digit."""
    match = _BUSINESS_ID.match(value)
    if not match:
        raise ValidationError(
            _("Y-tunnus kirjoitetaan muodossa 1234567-8."), code="business_id_format"
        )
    digits, check = match.groups()
    remainder = sum(int(d) * w for d, w in zip(digits, _BUSINESS_ID_WEIGHTS, strict=True)) % 11
    expected = 0 if remainder == 0 else 11 - remainder
    if remainder == 1 or expected != int(check):
        raise ValidationError(
            _("Y-tunnuksen tarkistusnumero ei täsmää. Tarkista tunnus."), code="business_id_check"
        )
