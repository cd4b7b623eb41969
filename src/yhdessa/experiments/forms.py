"""Staff forms of experiments, cost lines, headcounts, the decision and cost parameters.

The forms validate (the models' ``clean`` gives the messages); every write goes through
``services.py``. A cost line and a cost parameter show only the fields their kind needs: the
kind is chosen first (``?kind=…`` in the address), so the pages work without JavaScript.
"""

from decimal import Decimal
from typing import Any

from django import forms
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from yhdessa.directory.models import Municipality, Organisation
from yhdessa.events.forms import EventForm
from yhdessa.events.models import BackgroundCategory, Event
from yhdessa.experiments.models import (
    AnonymousHeadcount,
    CostKind,
    CostLine,
    CostParameter,
    Decision,
    Experiment,
    ExperimentStatus,
    ParameterKind,
)
from yhdessa.projects.models import Project
from yhdessa.surveys.models import Survey


def _date_input() -> forms.DateInput:
    # A native date picker that needs no JavaScript.
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _choice(form: forms.BaseForm, name: str) -> forms.ModelChoiceField:
    field = form.fields[name]
    assert isinstance(field, forms.ModelChoiceField)  # noqa: S101 (declared in Meta)
    return field


def _decimal(form: forms.BaseForm, *names: str) -> None:
    """Decimal fields accept the Finnish decimal comma ("12,5") and offer a number keypad."""
    for name in names:
        if name in form.fields:
            field = form.fields[name]
            field.localize = True
            field.widget = forms.TextInput(attrs={"inputmode": "decimal"})
            field.widget.is_localized = True


def _plain(value: Decimal) -> Decimal:
    """A stored decimal without its trailing zeros (and without an exponent)."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


class DecimalField(forms.DecimalField):
    """Accepts the Finnish way: a decimal comma, and spaces between thousands ("3 040,50")."""

    def to_python(self, value: Any) -> Decimal | None:  # type: ignore[override]
        if isinstance(value, str):
            value = "".join(value.split())
        return super().to_python(value)


class SessionField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.title}, {date_format(timezone.localtime(obj.starts_at), 'j.n.Y')}"


TRANSLATED_TITLES = ("title_fi", "title_sv", "title_en")
TRANSLATED_DESCRIPTIONS = ("description_fi", "description_sv", "description_en")
MULTIPLE_HELP = _("Voit valita useita pitämällä Ctrl-näppäintä (Macissa Cmd) pohjassa.")


class ExperimentForm(forms.ModelForm):
    class Meta:
        model = Experiment
        fields = [
            *TRANSLATED_TITLES,
            *TRANSLATED_DESCRIPTIONS,
            "municipality",
            "partners",
            "target_group",
            "starts_on",
            "ends_on",
            "status",
            "sessions",
            "survey",
        ]
        field_classes = {"sessions": SessionField}
        # The title and description in three languages are labelled and sized as an event's.
        widgets = {
            **{name: EventForm.Meta.widgets[name] for name in TRANSLATED_DESCRIPTIONS},
            "starts_on": _date_input(),
            "ends_on": _date_input(),
        }
        labels = {
            **{
                name: EventForm.Meta.labels[name]
                for name in (*TRANSLATED_TITLES, *TRANSLATED_DESCRIPTIONS)
            },
            "municipality": _("Kunta"),
            "partners": _("Kumppaniorganisaatiot"),
            "target_group": _("Kohderyhmä"),
            "starts_on": _("Alkaa"),
            "ends_on": _("Päättyy"),
            "status": _("Vaihe"),
            "sessions": _("Tapaamiset"),
            "survey": _("Arviointikysely"),
        }

    def __init__(
        self, *args: Any, project: Project, municipalities: QuerySet[Municipality], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["title_fi"].required = True
        municipality = _choice(self, "municipality")
        municipality.queryset = municipalities
        municipality.empty_label = str(_("Valitse kunta"))
        if self.instance.pk is None and len(only := list(municipalities[:2])) == 1:
            self.initial["municipality"] = only[0].pk  # a coordinator need not choose
        partners = _choice(self, "partners")
        partners.queryset = Organisation.objects.filter(
            Q(municipality__in=project.partner_municipalities.all())
            | Q(implemented_projects=project)
        ).distinct()
        partners.help_text = MULTIPLE_HELP
        target_group = _choice(self, "target_group")
        target_group.queryset = project.target_groups.all()
        target_group.empty_label = str(_("Ei kohderyhmää"))
        self._sessions(project, municipalities)
        survey = _choice(self, "survey")
        survey.queryset = Survey.objects.filter(project=project).order_by("-created_at", "pk")
        survey.empty_label = str(_("Ei kyselyä"))
        self._status()

    def _sessions(self, project: Project, municipalities: QuerySet[Municipality]) -> None:
        sessions = _choice(self, "sessions")
        chosen = self.instance.sessions.all() if self.instance.pk else Event.objects.none()
        where = Q(municipality__isnull=True) | Q(municipality__in=municipalities)
        sessions.queryset = Event.objects.filter(
            Q(where, project=project, kind=Event.Kind.EXPERIMENT_SESSION) | Q(pk__in=chosen)
        ).order_by("-starts_at", "pk")
        sessions.help_text = _(
            "Hankkeen tapahtumat, joiden tyyppi on Kokeilun tapaaminen. Niiden läsnäolijat "
            "lasketaan kokeilun osallistujiksi."
        )

    def _status(self) -> None:
        status = self.fields["status"]
        assert isinstance(status, forms.ChoiceField)  # noqa: S101 (declared in Meta)
        if self.instance.is_frozen:
            status.disabled = True
            status.help_text = _("Kokeilu on päätetty, joten sen vaihetta ei voi enää muuttaa.")
            return
        status.choices = [
            choice for choice in ExperimentStatus.choices if choice[0] != ExperimentStatus.DECIDED
        ]
        status.help_text = _("Päätös kirjataan omalla sivullaan, kun kokeilu on arvioitu.")

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        municipality = cleaned.get("municipality")
        elsewhere = [
            event.title
            for event in cleaned.get("sessions") or []
            if municipality and event.municipality_id not in (None, municipality.pk)
        ]
        if elsewhere:
            self.add_error(
                "sessions",
                _("Tapaaminen on eri kunnassa kuin kokeilu: %(titles)s.")
                % {"titles": ", ".join(elsewhere)},
            )
        survey = cleaned.get("survey")
        if municipality and survey and survey.municipality_id not in (None, municipality.pk):
            self.add_error("survey", _("Kysely on eri kunnassa kuin kokeilu."))
        return cleaned

    def service_fields(self) -> dict[str, Any]:
        """The cleaned data as ``services.experiment_create/update`` take it."""
        data = dict(self.cleaned_data)
        if self.instance.is_frozen:
            data.pop("status", None)
        return data


#: What each kind of cost line asks (the others stay empty, see ``CostLine.clean``).
COST_LINE_FIELDS: dict[str, list[str]] = {
    CostKind.STAFF_TIME: ["description", "job_title", "hours", "year", "divisor_name"],
    CostKind.VOLUNTEER_TIME: ["description", "hours", "year"],
    CostKind.PURCHASE: ["description", "amount", "vat_treatment", "vat_pct"],
    CostKind.IN_KIND: ["description", "amount"],
}
COST_LINE_HELP = {
    "job_title": _("Nimike, jolle hankkeella on kuukausipalkka tälle vuodelle."),
    "hours": _("Käytetyt tunnit, esimerkiksi 7,5."),
    "year": _("Vuosi, jonka palkoilla ja indeksillä työaika lasketaan."),
    "divisor_name": _("Yleistyöaika 163 h/kk tai toimistotyöaika 152 h/kk (KVTES)."),
    "amount": _("Euroina, esimerkiksi 250,00."),
    "vat_pct": _("Vain jos summa on veroton ja vero lisätään, esimerkiksi 24."),
}


def unused_by(kind: str) -> dict[str, Any]:
    """Empty values for the fields that ``kind`` does not use (``CostLine.clean`` refuses
    them filled): a line whose kind changes leaves its old figures behind."""
    every = {name for names in COST_LINE_FIELDS.values() for name in names}
    return {
        name: None if getattr(CostLine._meta.get_field(name), "null", False) else ""
        for name in every - set(COST_LINE_FIELDS[kind])
    }


class KindChoiceForm(forms.Form):
    """The first step of a new cost line or parameter: which kind (a GET form)."""

    kind = forms.ChoiceField(label=_("Laji"))

    def __init__(self, *args: Any, choices: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["kind"]
        assert isinstance(field, forms.ChoiceField)  # noqa: S101 (declared above)
        field.choices = choices


class CostLineForm(forms.ModelForm):
    """The fields of ``instance.kind`` only; the instance carries the kind."""

    class Meta:
        model = CostLine
        fields = ["description", "job_title", "hours", "year", "divisor_name"]
        fields += ["amount", "vat_treatment", "vat_pct"]
        help_texts = COST_LINE_HELP
        field_classes = dict.fromkeys(["hours", "amount", "vat_pct"], DecimalField)

    def __init__(self, *args: Any, job_titles: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        wanted = COST_LINE_FIELDS[self.instance.kind]
        for name in list(self.fields):
            if name not in wanted:
                del self.fields[name]
        for name in wanted:
            self.fields[name].required = name not in ("description", "vat_pct")
        _decimal(self, "hours", "amount", "vat_pct")
        if "year" in self.fields:
            self.fields["year"].widget.attrs["inputmode"] = "numeric"
        if "job_title" in self.fields and job_titles:
            self.fields["job_title"].widget.attrs["list"] = "job-titles"
        self.job_titles = job_titles

    def service_fields(self) -> dict[str, Any]:
        """Every field of a line, the ones its kind does not use emptied."""
        return {"kind": self.instance.kind, **unused_by(self.instance.kind), **self.cleaned_data}


class HeadcountForm(forms.ModelForm):
    class Meta:
        model = AnonymousHeadcount
        fields = ["date", "count", "background", "note"]
        widgets = {"date": _date_input()}
        labels = {
            "date": _("Päivä"),
            "count": _("Osallistujia"),
            "background": _("Taustaryhmä"),
            "note": _("Huomautus"),
        }
        help_texts = {
            "count": _("Ihmisiä, joiden nimiä ei kirjattu, esimerkiksi bussiretken matkustajat."),
        }

    def __init__(self, *args: Any, experiment: Experiment, **kwargs: Any) -> None:
        kwargs.setdefault("instance", AnonymousHeadcount(experiment=experiment))
        super().__init__(*args, **kwargs)
        background = _choice(self, "background")
        background.queryset = BackgroundCategory.objects.filter(project=experiment.project_id)
        background.empty_label = str(_("Ei taustaryhmää"))
        self.fields["count"].widget.attrs["inputmode"] = "numeric"


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(label=_("Päätös"), choices=[("", _("Valitse")), *Decision.choices])
    reason = forms.CharField(
        label=_("Perustelu"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
        help_text=_("Miksi kokeilu otetaan käyttöön, sitä muokataan tai se lopetetaan."),
    )


#: What each kind of parameter names besides its year and value.
PARAMETER_QUALIFIER = {
    ParameterKind.MONTHLY_WAGE: "job_title",
    ParameterKind.MONTHLY_HOURS_DIVISOR: "divisor_name",
}
PARAMETER_UNITS = {
    ParameterKind.MONTHLY_WAGE: "€/kk",
    ParameterKind.EMPLOYER_SIDE_COST_PCT: "%",
    ParameterKind.MONTHLY_HOURS_DIVISOR: "h",
    ParameterKind.EARNINGS_LEVEL_INDEX: "1964 = 100",
    ParameterKind.VOLUNTEER_HOUR_VALUE: "€/h",
}


class CostParameterForm(forms.ModelForm):
    """A new parameter of ``instance.kind``, or the value and citation of an existing one
    (its kind, year and qualifier stay: the experiments' figures refer to them)."""

    class Meta:
        model = CostParameter
        fields = ["year", "job_title", "divisor_name", "value", "unit", "source", "source_url"]
        labels = {
            "year": _("Vuosi"),
            "job_title": _("Ammattinimike"),
            "divisor_name": _("Tuntijakajan nimi"),
            "value": _("Arvo"),
            "unit": _("Yksikkö"),
            "source": _("Lähde"),
            "source_url": _("Lähteen verkko-osoite"),
        }
        field_classes = {"value": DecimalField}
        help_texts = {
            "year": _(
                "Tilaston vuosi; vapaaehtoistyön arvolle perusvuosi, tuntijakajalle "
                "vuosi, josta alkaen se on voimassa."
            ),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        kind = self.instance.kind
        qualifier = PARAMETER_QUALIFIER.get(kind)
        fixed = {"year", "job_title", "divisor_name"} if self.instance.pk else set()
        fixed |= {"job_title", "divisor_name"} - {qualifier}
        for name in fixed:
            del self.fields[name]
        if qualifier in self.fields:
            self.fields[qualifier].required = True
        _decimal(self, "value")
        if self.instance.pk is not None:  # 3040, not 3040,0000
            self.initial["value"] = _plain(self.instance.value)
        if "year" in self.fields:
            self.fields["year"].widget.attrs["inputmode"] = "numeric"
        if self.instance.pk is None:
            self.initial.setdefault("unit", PARAMETER_UNITS.get(kind, ""))

    def service_fields(self) -> dict[str, Any]:
        return {"kind": self.instance.kind, **self.cleaned_data}
