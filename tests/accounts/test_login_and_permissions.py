import pytest

from tests.conftest import Actor
from yhdessa.accounts import selectors


def test_log_in_by_email_in_any_letter_case(client, world):
    response = client.post(
        "/accounts/login/", {"username": "Coordinator@Example.FI", "password": "salasana-123"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/staff/"


def test_wrong_password_gets_a_finnish_message(client, world):
    response = client.post(
        "/accounts/login/", {"username": "coordinator@example.fi", "password": "väärä"}
    )
    assert response.status_code == 200
    assert "syötä kelvollinen sähköposti ja salasana" in response.content.decode()


def test_dashboard_leads_a_coordinator_to_own_municipality_only(client_as, world):
    page = client_as(Actor.COORDINATOR).get("/staff/").content.decode()
    assert "/staff/municipalities/535/" in page
    assert "/staff/municipalities/746/" not in page


def test_dashboard_leads_the_project_admin_to_people_and_all_partners(client_as, world):
    page = client_as(Actor.PROJECT_ADMIN).get("/staff/").content.decode()
    assert "/staff/projects/yhdessa-osallisuutta/members/" in page
    assert "/staff/municipalities/535/" in page and "/staff/municipalities/746/" in page


@pytest.mark.parametrize(
    ("actor", "may_edit"),
    [
        (Actor.OUTSIDER, False),
        (Actor.VIEWER, False),
        (Actor.ORGANISER, False),
        (Actor.OTHER_COORDINATOR, False),
        (Actor.COORDINATOR, True),
        (Actor.PROJECT_ADMIN, True),
    ],
)
def test_permission_backend_and_selector_agree(world, actor, may_edit):
    user = world.users[actor]
    assert user.has_perm("directory.change_organisation", world.nivala_org) is may_edit
    editable = selectors.organisations_editable_by(user)
    assert editable.filter(pk=world.nivala_org.pk).exists() is may_edit


def test_organisation_member_may_edit_own_organisation(world):
    from tests.factories import MembershipFactory

    user = world.users[Actor.OUTSIDER]
    MembershipFactory(user=user, role="organiser", organisation=world.sievi_org)
    assert user.has_perm("directory.change_organisation", world.sievi_org)
    assert not user.has_perm("directory.change_organisation", world.nivala_org)


def test_unknown_permissions_and_inactive_users_get_nothing(world):
    admin = world.users[Actor.PROJECT_ADMIN]
    assert not admin.has_perm("directory.no_such_permission", world.nivala_org)
    admin.is_active = False
    assert not admin.has_perm("directory.change_organisation", world.nivala_org)
    assert not selectors.municipalities_for_staff(admin).exists()
