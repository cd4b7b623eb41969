"""Forms of the cooperation directory: the public search, a coordinator's entry (only the
fields its kind uses, the kind being part of the address so no JavaScript is needed), and a
project's cooperation and support activity."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from yhdessa.directory.cooperation_models import (
    KIND_FIELDS,
    KIND_REQUIRED,
    KIND_SUBTYPES,
    CooperationKind,
    CooperationStructure,
    CooperationSubtype,
)
from yhdessa.directory.models import Municipality
from yhdessa.projects.models import Project, ProjectActivity

COMMON_FIELDS = ("title_fi", "title_sv", "description_fi", "description_sv", "link")
DATE_FIELDS = ("starts_on", "ends_on", "next_date")
TEXTAREAS = ("description_fi", "description_sv", "contact", "accessibility", "booking")

#: Labels that depend on the kind: the same column means different things for different kinds.
KIND_LABELS: dict[str, dict[str, Any]] = {
    CooperationKind.AGREEMENT: {
        "starts_on": _("Voimassa alkaen"),
        "ends_on": _("Voimassa asti"),
        "link": _("Linkki asiakirjaan"),
    },
    CooperationKind.GRANT: {
        "starts_on": _("Haku alkaa"),
        "ends_on": _("Haku päättyy"),
        "link": _("Linkki hakuohjeisiin"),
    },
    CooperationKind.LIAISON: {
        "title_fi": _("Tehtävänimike suomeksi"),
        "title_sv": _("Tehtävänimike ruotsiksi"),
    },
}


def _date_input() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class CooperationFilterForm(forms.Form):
    """The search across municipalities (a GET form that works without JavaScript)."""

    q = forms.CharField(label=_("Hakusana"), required=False, max_length=100)
    kind = forms.ChoiceField(
        label=_("Laji"),
        choices=[("", _("Kaikki lajit")), *CooperationKind.choices],
        required=False,
    )
    municipality = forms.ModelChoiceField(
        label=_("Kunta"),
        queryset=Municipality.objects.all(),
        to_field_name="code",
        required=False,
        empty_label=_("Kaikki kunnat"),
    )


class CooperationForm(forms.ModelForm):
    """One entry of a municipality; built per kind by :func:`cooperation_form_class`."""

    kind: str = ""

    class Meta:
        model = CooperationStructure
        fields: tuple[str, ...] = COMMON_FIELDS
        labels = {
            "title_fi": _("Nimi suomeksi"),
            "title_sv": _("Nimi ruotsiksi"),
            "description_fi": _("Kuvaus suomeksi"),
            "description_sv": _("Kuvaus ruotsiksi"),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["title_fi"].required = True
        for name, field in self.fields.items():
            if name in DATE_FIELDS:
                field.widget = _date_input()
            elif name in TEXTAREAS:
                field.widget = forms.Textarea(attrs={"rows": 3})
            if name in KIND_REQUIRED.get(self.kind, ()):
                field.required = True
        if self.kind != CooperationKind.LIAISON:
            self.fields["title_fi"].help_text = self.fields["title_sv"].help_text = ""
        for name, label in KIND_LABELS.get(self.kind, {}).items():
            if name in self.fields:
                self.fields[name].label = label
        if "subtype" in self.fields:
            allowed = KIND_SUBTYPES.get(self.kind, ())
            subtype = self.fields["subtype"]
            assert isinstance(subtype, forms.ChoiceField)  # noqa: S101 (a model choice field)
            subtype.choices = [("", "---------")] + [
                (value, label) for value, label in CooperationSubtype.choices if value in allowed
            ]
        for name, autocomplete in (("email", "email"), ("phone", "tel"), ("link", "url")):
            if name in self.fields:
                self.fields[name].widget.attrs["autocomplete"] = autocomplete


def cooperation_form_class(kind: str) -> type[CooperationForm]:
    """The form of one kind: the common fields and those the kind uses."""
    meta = type("Meta", (CooperationForm.Meta,), {"fields": (*COMMON_FIELDS, *KIND_FIELDS[kind])})
    return type(f"{kind.title()}CooperationForm", (CooperationForm,), {"Meta": meta, "kind": kind})


class ActivityForm(forms.ModelForm):
    """A project's regional cooperation or support entry."""

    class Meta:
        model = ProjectActivity
        fields = ["kind", "title", "description", "starts_on", "ends_on", "municipalities"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "starts_on": _date_input(),
            "ends_on": _date_input(),
            "municipalities": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args: Any, project: Project, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        municipalities = self.fields["municipalities"]
        assert isinstance(municipalities, forms.ModelMultipleChoiceField)  # noqa: S101
        municipalities.queryset = project.partner_municipalities.order_by("name")
        self.instance.project = project
