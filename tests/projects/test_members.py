"""The project admin gives people roles; new people get an invitation e-mail."""

from django.core import mail

from tests.conftest import Actor
from yhdessa.accounts.models import Membership, Role, User
from yhdessa.core.models import AuditLogEntry

URL = "/staff/projects/yhdessa-osallisuutta/members/"


def test_admin_sees_project_and_partner_municipality_staff(client_as, world):
    page = client_as(Actor.PROJECT_ADMIN).get(URL).content.decode()
    for email in ["coordinator@example.fi", "other.coordinator@example.fi", "viewer@example.fi"]:
        assert email in page
    assert "outsider@example.fi" not in page


def test_admin_invites_a_new_coordinator(client_as, world, django_capture_on_commit_callbacks):
    data = {
        "email": "Uusi.Koordinaattori@Nivala.example",
        "first_name": "Uusi",
        "role": "coordinator",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client_as(Actor.PROJECT_ADMIN).post(
            URL, data | {"municipality": world.nivala.pk}
        )
    assert response.status_code == 302
    user = User.objects.get(email="uusi.koordinaattori@nivala.example")
    assert not user.has_usable_password()
    assert Membership.objects.filter(
        user=user, role=Role.COORDINATOR, municipality=world.nivala
    ).exists()
    (message,) = mail.outbox
    assert message.to == ["uusi.koordinaattori@nivala.example"]
    assert "/accounts/password/reset/" in message.body
    assert AuditLogEntry.objects.filter(action="accounts.membership.granted").exists()


def test_the_invitation_link_lets_the_person_set_a_password_and_log_in(
    client, client_as, world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client_as(Actor.PROJECT_ADMIN).post(
            URL, {"email": "uusi@example.fi", "role": "viewer", "municipality": ""}
        )
    link = next(line for line in mail.outbox[0].body.splitlines() if "/password/reset/" in line)
    client.logout()
    form_page = client.get(link.removeprefix("http://testserver"), follow=True)
    new_password = "Pitka-ja-hyva-salasana-42"
    client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": new_password, "new_password2": new_password},
    )
    assert client.login(username="uusi@example.fi", password=new_password)


def test_existing_user_gets_the_role_without_a_new_account(client_as, world):
    client_as(Actor.PROJECT_ADMIN).post(
        URL, {"email": "OUTSIDER@example.fi", "role": "organiser", "municipality": ""}
    )
    assert User.objects.filter(email__iexact="outsider@example.fi").count() == 1
    assert Membership.objects.filter(
        user=world.users[Actor.OUTSIDER], role=Role.ORGANISER, project=world.project
    ).exists()
    assert not mail.outbox


def test_coordinator_without_municipality_is_refused_with_a_message(client_as, world):
    response = client_as(Actor.PROJECT_ADMIN).post(
        URL, {"email": "x@example.fi", "role": "coordinator", "municipality": ""}
    )
    assert response.status_code == 400
    assert "Valitse kunta, jota koordinaattori edustaa." in response.content.decode()
    assert not User.objects.filter(email="x@example.fi").exists()


def test_only_partner_municipalities_can_be_chosen(client_as, world):
    from tests.factories import MunicipalityFactory

    elsewhere = MunicipalityFactory(code="091", name_fi="Helsinki")
    response = client_as(Actor.PROJECT_ADMIN).post(
        URL, {"email": "x@example.fi", "role": "coordinator", "municipality": elsewhere.pk}
    )
    assert response.status_code == 400
    assert not Membership.objects.filter(municipality=elsewhere).exists()


def test_organiser_cannot_grant_roles(client_as, world):
    response = client_as(Actor.ORGANISER).post(
        URL, {"email": "x@example.fi", "role": "project_admin", "municipality": ""}
    )
    assert response.status_code == 403
    assert not User.objects.filter(email="x@example.fi").exists()


def test_admin_takes_a_role_away_and_it_is_logged(client_as, world):
    viewer = world.users[Actor.VIEWER]
    membership = viewer.memberships.get()
    response = client_as(Actor.PROJECT_ADMIN).post(f"{URL}{membership.pk}/revoke/")
    assert response.status_code == 302
    assert not viewer.memberships.exists()
    assert User.objects.filter(pk=viewer.pk).exists()
    entry = AuditLogEntry.objects.get(action="accounts.membership.revoked")
    assert entry.data["role"] == "viewer"


def test_roles_outside_the_project_cannot_be_revoked_through_it(client_as, world):
    from tests.factories import MembershipFactory, MunicipalityFactory

    elsewhere = MembershipFactory(role="coordinator", municipality=MunicipalityFactory(code="091"))
    response = client_as(Actor.PROJECT_ADMIN).post(f"{URL}{elsewhere.pk}/revoke/")
    assert response.status_code == 404
    assert Membership.objects.filter(pk=elsewhere.pk).exists()
