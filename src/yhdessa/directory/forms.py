from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from yhdessa.directory.models import Municipality, Organisation, OrganisationKind

validate_postal_code = RegexValidator(r"^\d{5}$", _("Postinumerossa on viisi numeroa."))


class OrganisationForm(forms.ModelForm):
    """Details that a coordinator keeps current for an organisation of their municipality."""

    class Meta:
        model = Organisation
        fields = [
            "name",
            "kind",
            "business_id",
            "email",
            "phone",
            "website",
            "street_address",
            "postal_code",
            "post_office",
            "description_fi",
            "description_sv",
            "description_en",
        ]
        labels = {
            "description_fi": _("Kuvaus suomeksi"),
            "description_sv": _("Kuvaus ruotsiksi"),
            "description_en": _("Kuvaus englanniksi"),
        }
        widgets = {
            "description_fi": forms.Textarea(attrs={"rows": 4}),
            "description_sv": forms.Textarea(attrs={"rows": 4}),
            "description_en": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["postal_code"].validators.append(validate_postal_code)
        self.fields["description_fi"].required = False
        for name in ("email", "phone", "website", "street_address"):
            self.fields[name].widget.attrs["autocomplete"] = {
                "email": "email",
                "phone": "tel",
                "website": "url",
                "street_address": "street-address",
            }[name]


class OrganisationFilterForm(forms.Form):
    """The search of the public organisation directory (a GET form that works without JS)."""

    q = forms.CharField(label=_("Hae nimellä tai kuvauksella"), required=False, max_length=100)
    municipality = forms.ModelChoiceField(
        label=_("Kunta"),
        queryset=Municipality.objects.all(),
        to_field_name="code",
        required=False,
        empty_label=_("Kaikki kunnat"),
    )
    kind = forms.ChoiceField(
        label=_("Tyyppi"),
        choices=[("", _("Kaikki tyypit")), *OrganisationKind.choices],
        required=False,
    )
