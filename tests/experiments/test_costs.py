"""The cost model with hand-computed cases, without a database."""

from decimal import Decimal

import pytest

from yhdessa.experiments.costs import (
    CostTotals,
    LineCost,
    LineData,
    MissingParameter,
    Parameter,
    ParameterSet,
    cost_per_participant,
    experiment_costs,
    line_cost,
    money,
    project_costs,
    purchase_cost,
    staff_hour_cost,
    summarise,
    volunteer_hour_value,
)
from yhdessa.experiments.models import CostKind, DivisorName, ParameterKind, VatTreatment

D = Decimal
TITLE = "Kunnan työntekijä (mediaani)"


def spaces(text: str) -> str:
    """Thousands separators and the space before € as plain spaces, for readable asserts."""
    return text.replace("\u00a0", " ").replace("\u202f", " ")


@pytest.fixture
def parameters() -> ParameterSet:
    return ParameterSet(
        [
            Parameter(
                ParameterKind.MONTHLY_WAGE,
                2021,
                D("3040"),
                "€/kk",
                "Tilastokeskus",
                job_title=TITLE,
            ),
            Parameter(ParameterKind.EMPLOYER_SIDE_COST_PCT, 2021, D("24.5"), "%", "Kuntaliitto"),
            Parameter(
                ParameterKind.MONTHLY_HOURS_DIVISOR,
                2021,
                D("163"),
                "h",
                "KVTES",
                divisor_name=DivisorName.GENERAL,
            ),
            Parameter(
                ParameterKind.MONTHLY_HOURS_DIVISOR,
                2021,
                D("152"),
                "h",
                "KVTES",
                divisor_name=DivisorName.OFFICE,
            ),
            Parameter(ParameterKind.EARNINGS_LEVEL_INDEX, 2010, D("2781"), "", "Tilastokeskus"),
            Parameter(ParameterKind.EARNINGS_LEVEL_INDEX, 2021, D("3393"), "", "Tilastokeskus"),
            Parameter(ParameterKind.VOLUNTEER_HOUR_VALUE, 2010, D("15.00"), "€/h", "Oletus"),
        ]
    )


def test_staff_hour_cost_3040_with_24_5_pct_over_163_hours(parameters):
    figure = staff_hour_cost(
        parameters, job_title=TITLE, year=2021, divisor_name=DivisorName.GENERAL
    )
    # 3040 × 1.245 = 3784.80; / 163 = 23.2196…
    assert figure.value == D("3784.800") / D("163")
    assert str(figure.value).startswith("23.21963190")
    assert spaces(figure.calculation) == "3 040,00 € × (1 + 24,5 %) / 163 h = 23,22 €/h"
    assert [p.kind for p in figure.parameters] == [
        ParameterKind.MONTHLY_WAGE,
        ParameterKind.EMPLOYER_SIDE_COST_PCT,
        ParameterKind.MONTHLY_HOURS_DIVISOR,
    ]
    assert "Kuntaliitto" in figure.explanation()
    assert "2021" in figure.explanation()


def test_office_divisor_gives_a_higher_hour_cost(parameters):
    figure = staff_hour_cost(
        parameters, job_title=TITLE.upper(), year=2021, divisor_name=DivisorName.OFFICE
    )
    assert figure.value == D("3784.800") / D("152")
    assert money(figure.value) == "24,90\u00a0€"


def test_volunteer_value_is_raised_with_the_earnings_level_index_2010_to_2021(parameters):
    figure = volunteer_hour_value(parameters, year=2021)
    assert figure.value == D("15.00") * D("3393") / D("2781")
    assert str(figure.value).startswith("18.30097087378")
    assert spaces(figure.calculation) == "15,00 € × 3 393 / 2 781 = 18,30 €/h"
    assert {p.year for p in figure.parameters} == {2010, 2021}


def test_time_lines_multiply_unrounded_hour_rates(parameters):
    staff = line_cost(
        LineData(CostKind.STAFF_TIME, job_title=TITLE, hours=D("10"), year=2021), parameters
    )
    volunteer = line_cost(LineData(CostKind.VOLUNTEER_TIME, hours=D("3"), year=2021), parameters)
    assert staff.value == D("10") * D("3784.800") / D("163")
    assert money(staff.value) == "232,20\u00a0€"
    # 3 × 18.30097… = 54.9029…, not 3 × 18.30 = 54.90
    assert volunteer.value == D("3") * (D("15.00") * D("3393") / D("2781"))
    assert money(volunteer.value) == "54,90\u00a0€"
    assert volunteer.hour_rate is not None


@pytest.mark.parametrize(
    ("treatment", "pct", "expected"),
    [
        (VatTreatment.EXCLUDED, D("24"), D("124.0000")),
        (VatTreatment.EXCLUDED, D("25.5"), D("125.5000")),
        (VatTreatment.INCLUDED, None, D("100.00")),
        (VatTreatment.NOT_APPLICABLE, None, D("100.00")),
    ],
)
def test_purchase_adds_vat_only_when_the_amount_excludes_it(treatment, pct, expected):
    figure = purchase_cost(D("100.00"), treatment, pct)
    assert figure.value == expected


def test_vat_calculation_is_explained():
    figure = purchase_cost(D("1000.00"), VatTreatment.EXCLUDED, D("25.5"))
    assert spaces(figure.calculation) == "1 000,00 € × (1 + 25,5 %) = 1 255,00 €"


def test_in_kind_is_its_value(parameters):
    assert line_cost(LineData(CostKind.IN_KIND, amount=D("250")), parameters).value == D("250")


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            LineData(CostKind.VOLUNTEER_TIME, hours=D("1"), year=2025),
            "Vuodelle 2025 ei ole ansiotasoindeksiä.",
        ),
        (
            LineData(CostKind.STAFF_TIME, job_title="Sosiaaliohjaaja", hours=D("1"), year=2021),
            "Vuodelle 2021 ei ole kuukausipalkkaa ammattinimikkeelle Sosiaaliohjaaja.",
        ),
        (
            LineData(CostKind.STAFF_TIME, job_title=TITLE, hours=D("1"), year=2022),
            f"Vuodelle 2022 ei ole kuukausipalkkaa ammattinimikkeelle {TITLE}.",
        ),
        (
            LineData(CostKind.VOLUNTEER_TIME, hours=D("1"), year=2009),
            "Vapaaehtoistyön tunnin arvoa ei ole vuodelle 2009 eikä sitä aiemmille vuosille.",
        ),
    ],
)
def test_a_missing_parameter_is_named(parameters, line, message):
    with pytest.raises(MissingParameter) as raised:
        line_cost(line, parameters)
    assert raised.value.messages == [message]


def test_missing_side_cost_and_divisor_are_named():
    only_wage = ParameterSet(
        [Parameter(ParameterKind.MONTHLY_WAGE, 2021, D("3040"), job_title=TITLE)]
    )
    with pytest.raises(MissingParameter, match="ei ole työnantajan sivukuluprosenttia"):
        staff_hour_cost(only_wage, job_title=TITLE, year=2021, divisor_name=DivisorName.GENERAL)
    with_side = ParameterSet(
        [*only_wage, Parameter(ParameterKind.EMPLOYER_SIDE_COST_PCT, 2021, D("24.5"))]
    )
    with pytest.raises(MissingParameter, match=r"Tuntijakajaa \(toimistotyöaika\) ei ole"):
        staff_hour_cost(with_side, job_title=TITLE, year=2021, divisor_name=DivisorName.OFFICE)


def test_zero_participants_give_no_cost_per_participant_but_a_reason():
    figure = cost_per_participant(D("500"), 0)
    assert figure.value is None
    assert "Osallistujia ei ole" in figure.calculation


def test_experiment_totals_by_kind_and_per_participant(parameters):
    lines = [
        LineData(CostKind.STAFF_TIME, job_title=TITLE, hours=D("10"), year=2021),
        LineData(
            CostKind.PURCHASE, amount=D("100"), vat_treatment=VatTreatment.EXCLUDED, vat_pct=D("24")
        ),
        LineData(CostKind.IN_KIND, amount=D("50")),
    ]
    totals = experiment_costs(lines, parameters, participants=7)
    staff = D("10") * D("3784.800") / D("163")
    assert totals.total == staff + D("124") + D("50")
    assert totals.by_kind == {
        CostKind.STAFF_TIME: staff,
        CostKind.VOLUNTEER_TIME: D(0),
        CostKind.PURCHASE: D("124"),
        CostKind.IN_KIND: D("50"),
    }
    assert totals.per_participant.value == totals.total / 7
    assert set(totals.used_parameters()) == {
        f"{ParameterKind.MONTHLY_WAGE}:2021:{TITLE.casefold()}:",
        f"{ParameterKind.EMPLOYER_SIDE_COST_PCT}:2021::",
        f"{ParameterKind.MONTHLY_HOURS_DIVISOR}:2021::{DivisorName.GENERAL}",
    }


def _costing(total: str, participants: int) -> CostTotals:
    line = LineData(CostKind.IN_KIND, amount=D(total))
    return CostTotals(
        lines=(LineCost(line=line, total=purchase_cost(D(total), "", None)),),
        participants=participants,
    )


def test_project_cost_per_participant_is_pooled_not_the_mean_of_municipalities():
    costs = project_costs(
        [
            ("Haapavesi", [_costing("300", 3)]),  # 100 € per participant
            ("Utajärvi", [_costing("60", 2), _costing("40", 8)]),  # 100 / 10 = 10 €
        ]
    )
    assert [row.cost_per_participant.value for row in costs.municipalities] == [D(100), D(10)]
    assert costs.total.total_cost == D(400)
    assert costs.total.participants == 13
    assert costs.pooled_cost_per_participant.value == D(400) / 13
    assert costs.mean_of_municipal_costs_per_participant.value == D(55)
    assert costs.cost_share_pct(costs.municipalities[0]) == D(75)
    assert costs.participant_share_pct(costs.municipalities[1]) == D(1000) / 13


def test_the_seed_total_over_its_participants_is_79_47():
    total = summarise("Yhdessä osallisuutta", [_costing("8503.38", 107)])
    assert money(total.cost_per_participant.value) == "79,47\u00a0€"


def test_a_municipality_without_participants_is_left_out_of_the_mean():
    costs = project_costs([("A", [_costing("100", 4)]), ("B", [_costing("100", 0)])])
    assert costs.mean_of_municipal_costs_per_participant.value == D(25)
    assert costs.pooled_cost_per_participant.value == D(50)


def test_frozen_snapshot_round_trips(parameters):
    line = LineData(CostKind.VOLUNTEER_TIME, hours=D("2"), year=2021)
    before = experiment_costs([line], parameters, participants=1)
    frozen = ParameterSet.from_snapshot(before.used_parameters())
    assert len(frozen) == 3
    assert experiment_costs([line], frozen, participants=1).total == before.total


@pytest.mark.parametrize(
    ("value", "shown"),
    [(D("0.005"), "0,01"), (D("1234567.891"), "1\u00a0234\u00a0567,89"), (D("-0"), "0,00")],
)
def test_money_rounds_half_up_only_for_display(value, shown):
    assert money(value) == f"{shown}\u00a0€"
