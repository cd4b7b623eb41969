import pytest
from hypothesis import given
from hypothesis import strategies as st

from yhdessa.core.disclosure import protect_count, protect_counts, protect_table


def test_small_cells_are_hidden_and_a_second_cell_protects_them():
    table = protect_counts({"kunta": 30, "järjestö": 3, "muu": 12}, threshold=5)
    assert table.cells == {"kunta": 30, "järjestö": None, "muu": None}
    assert table.total == 45


def test_zero_is_shown_because_it_reveals_nobody():
    table = protect_counts({"a": 10, "b": 0, "c": 7}, threshold=5)
    assert table.cells == {"a": 10, "b": 0, "c": 7}
    assert not table.suppressed


def test_a_table_about_fewer_people_than_the_threshold_shows_nothing():
    table = protect_counts({"a": 2, "b": 1}, threshold=5)
    assert table.cells == {"a": None, "b": None}
    assert table.total is None


def test_threshold_comes_from_settings(settings):
    settings.YHDESSA_MIN_CELL_SIZE = 10
    assert protect_count(7) is None
    assert protect_count(10) == 10


def test_negative_counts_are_refused():
    with pytest.raises(ValueError, match="negative"):
        protect_counts({"a": -1})


@given(
    counts=st.dictionaries(st.text(min_size=1, max_size=3), st.integers(0, 40), max_size=8),
    threshold=st.integers(2, 11),
)
def test_no_hidden_cell_can_be_worked_out_from_what_is_shown(counts, threshold):
    table = protect_counts(counts, threshold=threshold)
    shown = {key: value for key, value in table.cells.items() if value is not None}
    hidden = [key for key, value in table.cells.items() if value is None]
    # Every shown value is true and none is a small number.
    assert all(counts[key] == value for key, value in shown.items())
    assert not any(0 < value < threshold for value in shown.values())
    # With the total shown, a single hidden cell would be total minus the rest.
    if table.total is not None:
        assert table.total == sum(counts.values())
        assert len([key for key in hidden if counts[key] > 0]) != 1
        # What the hidden cells add up to (total minus the shown) is not a small number
        # either, unless there was nothing left to hide.
        if any(value for value in shown.values()):
            assert not 0 < sum(counts[key] for key in hidden) < threshold


def test_a_breakdown_hides_a_partner_cell_in_the_row_and_in_the_column():
    # Answers by gender: "big" among men is 3. The row total (9 overall) and the column total
    # (men who answered) are published elsewhere, so one more cell must go in each.
    counts = {
        ("big", "woman"): 6,
        ("big", "man"): 3,
        ("small", "woman"): 12,
        ("small", "man"): 11,
    }
    cells = protect_table(counts, threshold=5)
    assert cells[("big", "man")] is None
    assert cells[("big", "woman")] is None  # the row partner
    assert cells[("small", "man")] is None  # the column partner
    assert cells[("small", "woman")] is None  # and then its own row and column need a partner


@given(
    counts=st.dictionaries(
        st.tuples(st.integers(0, 3), st.integers(0, 3)), st.integers(0, 30), max_size=16
    ),
    threshold=st.integers(2, 8),
)
def test_no_row_or_column_of_a_breakdown_has_a_lone_hidden_cell(counts, threshold):
    cells = protect_table(counts, threshold=threshold)
    assert not any(0 < value < threshold for value in cells.values() if value is not None)
    assert all(cells[key] in (None, counts[key]) for key in counts)
    for axis in (0, 1):
        for line_key in {key[axis] for key in counts}:
            line = [key for key in counts if key[axis] == line_key]
            hidden = [key for key in line if cells[key] is None]
            shown_non_zero = [key for key in line if cells[key] not in (None, 0)]
            # A single hidden cell, or hidden cells adding up to a small number, only when
            # nothing else could be hidden with them.
            assert len(hidden) != 1 or not shown_non_zero
            hidden_sum = sum(counts[key] for key in hidden)
            assert not 0 < hidden_sum < threshold or not shown_non_zero
