"""Small-number protection (statistical disclosure control) for every output.

Every count about people that leaves the system — a page, a PDF, a spreadsheet, the API —
passes through :func:`protect_counts`. A count from 1 to ``threshold - 1`` is hidden, and
when a table shows its total, a second cell is hidden as well (complementary suppression)
so that the hidden one cannot be worked out by subtraction. Zero is shown: it says that
nobody is in the cell, which reveals nothing about a person.
"""

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from typing import Generic, TypeVar

from django.conf import settings

K = TypeVar("K", bound=Hashable)


@dataclass(frozen=True)
class ProtectedCounts(Generic[K]):
    """Counts safe to publish: ``None`` marks a hidden value."""

    cells: dict[K, int | None]
    total: int | None
    threshold: int

    @property
    def suppressed(self) -> bool:
        return self.total is None or any(value is None for value in self.cells.values())


def min_cell_size() -> int:
    return int(settings.YHDESSA_MIN_CELL_SIZE)


def is_small(count: int, threshold: int | None = None) -> bool:
    limit = min_cell_size() if threshold is None else threshold
    return 0 < count < limit


def protect_count(count: int, threshold: int | None = None) -> int | None:
    """A single published count (no table around it)."""
    return None if is_small(count, threshold) else count


def protect_counts(
    counts: Mapping[K, int],
    *,
    threshold: int | None = None,
    with_total: bool = True,
    also_hide: Iterable[K] = (),
) -> ProtectedCounts[K]:
    """Hide small cells of a one-way table, and enough others that none can be recovered.

    ``also_hide`` names cells that must be hidden for the caller's own reasons (a cell that
    would give away a small one in another published table, say); they are protected by a
    partner cell like small ones.
    """
    limit = min_cell_size() if threshold is None else threshold
    if any(value < 0 for value in counts.values()):
        raise ValueError("Counts cannot be negative.")
    total = sum(counts.values())
    if is_small(total, limit):
        # The whole table is about fewer people than the threshold: publish nothing of it.
        return ProtectedCounts(dict.fromkeys(counts), None, limit)

    hidden = {key for key, value in counts.items() if is_small(value, limit)}
    hidden |= {key for key in also_hide if counts[key] > 0}
    if with_total:
        _widen(list(counts), counts, hidden, limit)
    cells = {key: (None if key in hidden else value) for key, value in counts.items()}
    return ProtectedCounts(cells, total if with_total else None, limit)


R = TypeVar("R", bound=Hashable)
C = TypeVar("C", bound=Hashable)


def _widen(line: list[K], counts: Mapping[K, int], hidden: set[K], limit: int) -> bool:
    """Hide more cells of a line whose total is published until it has no hidden cell, or at
    least two that add up to at least ``limit`` (or none is left to hide). The hidden sum is
    the total minus the shown cells: one hidden cell alone would be given away, and a small
    sum is a small count itself ("the other groups together") that narrows each hidden cell
    to a few values. Returns whether anything was added."""
    added = False
    while True:
        hidden_here = [counts[key] for key in line if key in hidden and counts[key] > 0]
        if len(hidden_here) != 1 and not is_small(sum(hidden_here), limit):
            return added
        candidates = sorted(
            (counts[key], index, key)
            for index, key in enumerate(line)
            if key not in hidden and counts[key] > 0
        )
        if not candidates:
            return added
        hidden.add(candidates[0][2])
        added = True


def protect_table(
    counts: Mapping[tuple[R, C], int],
    *,
    threshold: int | None = None,
    also_hide: Iterable[tuple[R, C]] = (),
) -> dict[tuple[R, C], int | None]:
    """Hide small cells of a two-way table whose row and column totals are published.

    A breakdown (answers by age group, say) is published next to the overall figures, so each
    row total and each column total is known, and so is the sum of the hidden cells of every
    row and column. The smallest other non-zero cells of a row or column are hidden as well
    until that sum is not small (:func:`_widen`), repeating until no row or column changes.
    ``also_hide`` names cells that must be hidden for reasons of the caller's own (a group
    too small to show at all, say); they take part in the partner search like small cells.
    """
    limit = min_cell_size() if threshold is None else threshold
    if any(value < 0 for value in counts.values()):
        raise ValueError("Counts cannot be negative.")
    hidden = {key for key, value in counts.items() if is_small(value, limit)}
    hidden |= {key for key in also_hide if counts[key] > 0}
    lines: list[list[tuple[R, C]]] = []
    for axis in (0, 1):
        groups: dict[Hashable, list[tuple[R, C]]] = {}
        for key in counts:
            groups.setdefault(key[axis], []).append(key)
        lines.extend(groups.values())
    changed = True
    while changed:
        changed = False
        for line in lines:
            changed |= _widen(line, counts, hidden, limit)
    return {key: (None if key in hidden else value) for key, value in counts.items()}
