"""A project's hand-entered printed figures (``ReportedFigure``) beside the computed ones."""

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from yhdessa.projects.models import Project, ReportedFigure


@dataclass(frozen=True)
class Comparison:
    """A figure printed in a report beside the same figure counted from the records."""

    key: str
    label: str
    printed: Decimal
    #: A count or a sum of money; ``None`` when it is hidden (small-number protection).
    records: int | Decimal | None
    source: str = ""

    @property
    def difference(self) -> Decimal | None:
        """Printed minus records: 235 printed, 213 counted → 22."""
        return None if self.records is None else self.printed - self.records

    @property
    def differs(self) -> bool:
        return self.difference is not None and self.difference != 0


def reported_beside(
    project: Project, computed: Mapping[str, int | Decimal | None]
) -> list[Comparison]:
    """The project's stored printed figures of these keys, each beside its computed value."""
    stored = ReportedFigure.objects.filter(project=project, key__in=computed).order_by("key")
    return [
        Comparison(
            key=figure.key,
            label=figure.label,
            printed=figure.value,
            records=computed[figure.key],
            source=figure.source,
        )
        for figure in stored
    ]
