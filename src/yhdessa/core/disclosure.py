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
    counts: Mapping[K, int], *, threshold: int | None = None, with_total: bool = True
) -> ProtectedCounts[K]:
    """Hide small cells of a one-way table, and enough others that none can be recovered."""
    limit = min_cell_size() if threshold is None else threshold
    if any(value < 0 for value in counts.values()):
        raise ValueError("Counts cannot be negative.")
    total = sum(counts.values())
    if is_small(total, limit):
        # The whole table is about fewer people than the threshold: publish nothing of it.
        return ProtectedCounts(dict.fromkeys(counts), None, limit)

    hidden = {key for key, value in counts.items() if is_small(value, limit)}
    if with_total and len(hidden) == 1:
        # One hidden cell equals the total minus the others: hide the next smallest too.
        candidates = sorted(
            (value, index, key)
            for index, (key, value) in enumerate(counts.items())
            if key not in hidden and value > 0
        )
        if candidates:
            hidden.add(candidates[0][2])
    cells = {key: (None if key in hidden else value) for key, value in counts.items()}
    return ProtectedCounts(cells, total if with_total else None, limit)


R = TypeVar("R", bound=Hashable)
C = TypeVar("C", bound=Hashable)


def protect_table(
    counts: Mapping[tuple[R, C], int],
    *,
    threshold: int | None = None,
    also_hide: Iterable[tuple[R, C]] = (),
) -> dict[tuple[R, C], int | None]:
    """Hide small cells of a two-way table whose row and column totals are published.

    A breakdown (answers by age group, say) is published next to the overall figures, so each
    row total and each column total is known. A hidden cell that is the only hidden one in its
    row or column could be worked out by subtraction; the classic remedy, used here, hides the
    smallest other non-zero cell of that row or column as well, and repeats until every row and
    column with a hidden cell has at least two (or no other non-zero cell to hide).
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
            if sum(1 for key in line if key in hidden) != 1:
                continue
            candidates = sorted(
                (counts[key], index, key)
                for index, key in enumerate(line)
                if key not in hidden and counts[key] > 0
            )
            if candidates:
                hidden.add(candidates[0][2])
                changed = True
    return {key: (None if key in hidden else value) for key, value in counts.items()}
