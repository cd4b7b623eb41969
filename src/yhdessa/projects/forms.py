from django import forms
from django.utils.translation import gettext_lazy as _

from yhdessa.accounts.models import Role
from yhdessa.directory.models import Municipality
from yhdessa.projects.models import Project


class MemberInviteForm(forms.Form):
    """Give a person a role in the project or in one of its partner municipalities."""

    email = forms.EmailField(label=_("Sähköposti"))
    first_name = forms.CharField(label=_("Etunimi"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Sukunimi"), max_length=150, required=False)
    role = forms.ChoiceField(label=_("Rooli"), choices=[("", _("Valitse rooli")), *Role.choices])
    municipality = forms.ModelChoiceField(
        label=_("Kunta"),
        queryset=Municipality.objects.none(),
        required=False,
        empty_label=_("Koko hanke"),
        help_text=_("Koordinaattori on aina jonkin kunnan koordinaattori."),
    )

    def __init__(self, *args, project: Project, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        municipality = self.fields["municipality"]
        assert isinstance(municipality, forms.ModelChoiceField)  # noqa: S101 (narrows the type)
        municipality.queryset = project.partner_municipalities.all()
        self.fields["email"].widget.attrs["autocomplete"] = "off"

    def clean(self) -> dict:
        cleaned = super().clean() or {}
        role, municipality = cleaned.get("role"), cleaned.get("municipality")
        if role == Role.COORDINATOR and municipality is None:
            self.add_error("municipality", _("Valitse kunta, jota koordinaattori edustaa."))
        if role == Role.PROJECT_ADMIN and municipality is not None:
            self.add_error(
                "municipality", _("Pääkäyttäjä on koko hankkeen rooli: jätä kunta tyhjäksi.")
            )
        return cleaned
