"""The GET forms that choose what a results page shows: wave(s), subgroup and breakdown."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from yhdessa.surveys.models import AgeGroup, Gender, Survey, Wave
from yhdessa.surveys.results import ALL_WAVES, DIMENSIONS, Filters


class SubgroupForm(forms.Form):
    municipality = forms.ChoiceField(label=_("Kunta"), required=False)
    age_group = forms.ChoiceField(
        label=_("Ikäryhmä"), required=False, choices=[("", _("Kaikki")), *AgeGroup.choices]
    )
    gender = forms.ChoiceField(
        label=_("Sukupuoli"), required=False, choices=[("", _("Kaikki")), *Gender.choices]
    )

    def __init__(self, *args: Any, survey: Survey, waves: list[Wave], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.survey = survey
        self.waves = waves
        municipalities = survey.project.partner_municipalities.order_by("name")
        if survey.municipality_id is not None:
            del self.fields["municipality"]
        else:
            self.choice_field("municipality").choices = [
                ("", _("Kaikki kunnat")),
                *((m.code, m.name) for m in municipalities),
            ]

    def choice_field(self, name: str) -> forms.ChoiceField:
        field = self.fields[name]
        assert isinstance(field, forms.ChoiceField)  # noqa: S101 (declared above)
        return field

    def wave_choices(self) -> list[tuple[str, str]]:
        return [(wave.key, wave.label) for wave in self.waves]

    def filters(self) -> Filters:
        data = self.cleaned_data
        return Filters(
            municipality=data.get("municipality", ""),
            age_group=data.get("age_group", ""),
            gender=data.get("gender", ""),
        )

    def wave_by_key(self, key: str) -> Wave:
        return next(wave for wave in self.waves if wave.key == key)


class ResultsForm(SubgroupForm):
    wave = forms.ChoiceField(label=_("Kyselykierros"))
    by = forms.ChoiceField(
        label=_("Jaottele taustan mukaan"),
        required=False,
        choices=[("", _("Ei jaottelua")), *DIMENSIONS.items()],
    )
    field_order = ["wave", "municipality", "age_group", "gender", "by"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = self.wave_choices()
        if len(choices) > 1:
            choices.append((ALL_WAVES, str(_("Kaikki kierrokset yhdessä"))))
        self.choice_field("wave").choices = choices
        if self.waves:
            self.fields["wave"].initial = self.waves[0].key


class ComparisonForm(SubgroupForm):
    # "from" is a Python keyword, so the fields are named after the waves' roles.
    before = forms.ChoiceField(label=_("Alkutilanne"))
    after = forms.ChoiceField(label=_("Lopputilanne"))
    field_order = ["before", "after", "municipality", "age_group", "gender"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = self.wave_choices()
        self.choice_field("before").choices = choices
        self.choice_field("after").choices = choices
        if len(self.waves) >= 2:
            self.fields["before"].initial = self.waves[0].key
            self.fields["after"].initial = self.waves[-1].key

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("before") and data.get("before") == data.get("after"):
            self.add_error("after", _("Valitse vertailuun kaksi eri kyselykierrosta."))
        return data


def bound(form_class: type[SubgroupForm], request_get: Any, **kwargs: Any) -> SubgroupForm:
    """The form bound to the query string, with the defaults filled in for missing fields.

    A first visit has no query string; the defaults (first wave, everyone) must then count as
    the submitted values so that the page shows results straight away.
    """
    unbound = form_class(**kwargs)
    data = {name: unbound[name].initial or "" for name in unbound.fields}
    data.update({key: value for key, value in request_get.items() if key in unbound.fields})
    return form_class(data, **kwargs)
