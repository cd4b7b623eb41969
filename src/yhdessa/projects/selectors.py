from django.db.models import Prefetch, QuerySet

from yhdessa.directory.models import Organisation
from yhdessa.projects.models import Project


def public_projects() -> QuerySet[Project]:
    return Project.objects.filter(is_public=True)


def project_page(slug: str) -> QuerySet[Project]:
    """A public project with everything its page shows, in a fixed number of queries."""
    organisations = Organisation.objects.select_related("municipality").order_by("name")
    return (
        public_projects()
        .filter(slug=slug)
        .select_related("region")
        .prefetch_related(
            "target_groups",
            "work_packages",
            "partner_municipalities",
            Prefetch("implementers", queryset=organisations),
            Prefetch("funders", queryset=organisations),
        )
    )
