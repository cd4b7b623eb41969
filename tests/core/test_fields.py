import pytest

from yhdessa.core.fields import WebAddressField

MESSAGE = "Anna verkko-osoite, joka alkaa http:// tai https://."


@pytest.mark.parametrize("typed", ["ftp://nivala.fi/sopimus.pdf", "javascript:alert(1)"])
def test_only_web_addresses_are_accepted_with_a_message_saying_so(typed):
    field = WebAddressField().formfield()
    with pytest.raises(Exception) as raised:
        field.clean(typed)
    assert MESSAGE in raised.value.messages


def test_an_address_without_a_scheme_gets_https():
    assert WebAddressField().formfield().clean("nivala.fi") == "https://nivala.fi"
