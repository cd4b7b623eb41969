"""Forms of the operational model description pages: the public search, the staff form and
the choice of where to adopt a model."""

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from yhdessa.directory.models import Municipality
from yhdessa.experiments.models import WRITTEN_SECTIONS, ModelDescription
from yhdessa.projects.models import Project


class ModelFilterForm(forms.Form):
    """The search of published descriptions (a GET form that works without JS)."""

    q = forms.CharField(label=_("Hae nimellä tai kuvauksella"), required=False, max_length=100)
    municipality = forms.ModelChoiceField(
        label=_("Kunta"),
        queryset=Municipality.objects.none(),
        to_field_name="code",
        required=False,
        empty_label=_("Kaikki kunnat"),
    )
    project = forms.ModelChoiceField(
        label=_("Hanke"),
        queryset=Project.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=_("Kaikki hankkeet"),
    )

    def __init__(
        self,
        *args: Any,
        municipalities: QuerySet[Municipality],
        projects: QuerySet[Project],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = municipalities  # type: ignore[attr-defined]
        self.fields["project"].queryset = projects  # type: ignore[attr-defined]
        self.fields["project"].label_from_instance = lambda project: project.short_name  # type: ignore[attr-defined]

    def filters(self) -> dict[str, str]:
        data = self.cleaned_data
        return {
            "text": data.get("q") or "",
            "municipality": data["municipality"].code if data.get("municipality") else "",
            "project": data["project"].slug if data.get("project") else "",
        }


#: The staff form's fields (Finnish text; Swedish and English are added in the admin for now).
BASIC_FIELDS = [
    "name_fi",
    "summary_fi",
    "municipalities",
    "region_fi",
    "funder_fi",
    "authors",
    "starts_on",
    "ends_on",
    "more_info_url",
]
SECTION_FIELDS = [f"{name}_fi" for name, _heading in WRITTEN_SECTIONS]

LABELS = {
    "name_fi": _("Nimi"),
    "summary_fi": _("Lyhyt kuvaus"),
    "municipalities": _("Toteutuskunnat"),
    "region_fi": _("Alue"),
    "funder_fi": _("Rahoittaja"),
    "authors": _("Tekijät"),
    "starts_on": _("Alkaen"),
    "ends_on": _("Päättyen"),
    "more_info_url": _("Lisätietoja verkossa"),
} | {f"{name}_fi": heading for name, heading in WRITTEN_SECTIONS}

HELP = {
    "summary_fi": _("Kaksi tai kolme virkettä: mikä malli on ja kenelle. Pakollinen julkaisuun."),
    "municipalities": _("Kunnat, joissa mallia on toteutettu."),
    "more_info_url": _("Osoite, joka alkaa http:// tai https://."),
}


class ModelDescriptionForm(forms.ModelForm):
    class Meta:
        model = ModelDescription
        fields = BASIC_FIELDS + SECTION_FIELDS
        labels = LABELS
        help_texts = HELP
        widgets = {
            "municipalities": forms.CheckboxSelectMultiple,
            "summary_fi": forms.Textarea(attrs={"rows": 3}),
            "authors": forms.Textarea(attrs={"rows": 2}),
            # A native date picker that needs no JavaScript.
            "starts_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "ends_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            **{name: forms.Textarea(attrs={"rows": 5}) for name in SECTION_FIELDS},
        }

    def __init__(self, *args: Any, project: Project, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["name_fi"].required = True
        self.fields["name_fi"].error_messages["required"] = _("Anna mallille nimi.")
        self.fields["municipalities"].queryset = project.partner_municipalities.order_by("name")  # type: ignore[attr-defined]
        self.fields["more_info_url"].error_messages["invalid"] = _(
            "Anna verkko-osoite, joka alkaa http:// tai https://."
        )

    def basic(self) -> list[forms.BoundField]:
        return [self[name] for name in BASIC_FIELDS]

    def sections(self) -> list[forms.BoundField]:
        return [self[name] for name in SECTION_FIELDS]

    def fields_to_save(self) -> dict[str, Any]:
        return {
            name: self.cleaned_data[name]
            for name in BASIC_FIELDS + SECTION_FIELDS
            if name != "municipalities"
        }


class AdoptForm(forms.Form):
    """Where to start an experiment from the model: one of the user's (project, municipality)."""

    place = forms.ChoiceField(label=_("Kunta, johon kokeilu tehdään"))

    def __init__(
        self, *args: Any, places: list[tuple[Project, Municipality]], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.places = {f"{p.pk}-{m.pk}": (p, m) for p, m in places}
        self.fields["place"].choices = [  # type: ignore[attr-defined]
            (key, f"{m.name} – {p.short_name}") for key, (p, m) in self.places.items()
        ]
        self.fields["place"].error_messages["invalid_choice"] = _("Valitse kunta listalta.")
        self.fields["place"].error_messages["required"] = _("Valitse kunta.")

    def chosen(self) -> tuple[Project, Municipality]:
        return self.places[self.cleaned_data["place"]]
