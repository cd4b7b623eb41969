from ninja import Router, Schema

from yhdessa.api.auth import SESSION_OR_TOKEN
from yhdessa.api.schemas import Message

router = Router(tags=["accounts"])


class MembershipOut(Schema):
    role: str
    project: str | None
    municipality: str | None
    organisation: str | None

    @staticmethod
    def resolve_project(membership) -> str | None:
        return membership.project.slug if membership.project else None

    @staticmethod
    def resolve_municipality(membership) -> str | None:
        return membership.municipality.code if membership.municipality else None

    @staticmethod
    def resolve_organisation(membership) -> str | None:
        return membership.organisation.slug if membership.organisation else None


class MeOut(Schema):
    email: str
    first_name: str
    last_name: str
    memberships: list[MembershipOut]

    @staticmethod
    def resolve_memberships(user) -> list:
        return list(user.memberships.select_related("project", "municipality", "organisation"))


@router.get("/me", response={200: MeOut, 401: Message}, auth=SESSION_OR_TOKEN)
def me(request):
    """The caller's own account and roles: needs a session or an API token."""
    return request.auth
