from io import StringIO

from django.core.management import call_command

from yhdessa.accounts.models import Membership, Role, User
from yhdessa.directory.models import Municipality, Organisation
from yhdessa.projects.models import Project


def run_demo() -> str:
    out = StringIO()
    call_command("demo", password="demo-salasana-1", stdout=out)
    return out.getvalue()


def test_demo_loads_the_seed_project_with_its_partner_municipalities(db):
    output = run_demo()
    project = Project.objects.get(slug="yhdessa-osallisuutta")
    codes = dict(project.partner_municipalities.values_list("name_fi", "code"))
    assert codes == {
        "Haapavesi": "071",
        "Nivala": "535",
        "Raahe": "678",
        "Reisjärvi": "691",
        "Sievi": "746",
        "Utajärvi": "889",
    }
    assert {o.name for o in project.funders.all()} == {
        "Euroopan sosiaalirahasto (ESR)",
        "Sosiaali- ja terveysjärjestöjen avustuskeskus (STEA)",
    }
    assert project.implementers.count() == 2
    assert "koordinaattori.nivala@yhdessa.example" in output
    assert "demo-salasana-1" in output


def test_invented_organisations_are_marked_as_demo(db):
    run_demo()
    local = Organisation.objects.filter(municipality__isnull=False)
    assert local.count() >= 4 * Municipality.objects.count()
    assert not local.filter(is_demo=False).exists()


def test_demo_accounts_have_their_roles_and_can_log_in(db, client):
    run_demo()
    coordinator = User.objects.get(email="koordinaattori.nivala@yhdessa.example")
    assert Membership.objects.filter(
        user=coordinator, role=Role.COORDINATOR, municipality__code="535"
    ).exists()
    assert client.login(
        username="koordinaattori.nivala@yhdessa.example", password="demo-salasana-1"
    )


def test_demo_can_be_loaded_again_without_duplicates(db):
    run_demo()
    counts = [Organisation.objects.count(), User.objects.count(), Membership.objects.count()]
    run_demo()
    assert [
        Organisation.objects.count(),
        User.objects.count(),
        Membership.objects.count(),
    ] == counts
