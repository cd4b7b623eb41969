import pytest
from django.core.exceptions import ValidationError

from yhdessa.directory.validators import validate_business_id


@pytest.mark.parametrize("value", ["0201256-6", "1572860-0", "0245437-2"])
def test_real_business_ids_are_accepted(value):
    validate_business_id(value)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("0201256-5", "tarkistusnumero"),
        ("201256-6", "muodossa 1234567-8"),
        ("02012566", "muodossa 1234567-8"),
    ],
)
def test_wrong_business_ids_get_a_finnish_message(value, message):
    with pytest.raises(ValidationError, match=message):
        validate_business_id(value)
