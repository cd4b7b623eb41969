"""Background tasks of the reports (run by ``yhdessa db_worker``)."""

from django_tasks import task

from yhdessa.reports import published


@task()
def build_edition(
    *, project_id: int, municipality_id: int | None, language: str, kind: str
) -> None:
    """Build one kept copy of a report (``published.Edition``)."""
    published.build(published.Edition(project_id, municipality_id, language, kind))
