"""Public reads of the directory. Organisation contact details are organisational, not
personal data, so the directory is open to everyone."""

from django.db.models import Count, Prefetch, QuerySet

from yhdessa.directory.models import Municipality, Organisation


def municipalities_with_counts() -> QuerySet[Municipality]:
    return Municipality.objects.select_related("region", "wellbeing_services_county").annotate(
        organisation_count=Count("organisations")
    )


def municipality_by_code(code: str) -> QuerySet[Municipality]:
    return Municipality.objects.select_related("region", "wellbeing_services_county").filter(
        code=code
    )


def organisations_search(
    *, q: str = "", municipality: Municipality | None = None, kind: str = ""
) -> QuerySet[Organisation]:
    organisations = Organisation.objects.select_related("municipality")
    if q:
        for word in q.casefold().split():
            organisations = organisations.filter(search_text__contains=word)
    if municipality is not None:
        organisations = organisations.filter(municipality=municipality)
    if kind:
        organisations = organisations.filter(kind=kind)
    return organisations


def organisations_of_municipality(municipality: Municipality) -> QuerySet[Organisation]:
    return municipality.organisations.order_by("kind", "name")


def municipality_with_projects(code: str) -> QuerySet[Municipality]:
    from yhdessa.projects.selectors import public_projects

    return municipality_by_code(code).prefetch_related(
        Prefetch("projects", queryset=public_projects())
    )
