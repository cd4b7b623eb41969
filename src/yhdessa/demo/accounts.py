"""Demo log-in accounts: a project admin, a coordinator per municipality, an organiser…"""

from typing import Any

from yhdessa.accounts.models import Membership, Role, User
from yhdessa.demo import DemoAccount
from yhdessa.demo.directory import Places, _slug
from yhdessa.projects.models import Project

DOMAIN = "yhdessa.example"


def _user(email: str, first_name: str, last_name: str, password: str, **flags: bool) -> User:
    user, _ = User.objects.update_or_create(
        email=email, defaults={"first_name": first_name, "last_name": last_name, **flags}
    )
    user.set_password(password)
    user.save(update_fields=["password"])
    return user


def load(*, project: Project, places: Places, password: str) -> list[DemoAccount]:
    accounts: list[DemoAccount] = []

    def grant(user: User, role: Role, label: str, **scope: Any) -> None:
        Membership.objects.get_or_create(user=user, role=role, **scope)
        accounts.append(DemoAccount(user.email, label))

    grant(
        _user(f"paakayttaja@{DOMAIN}", "Demo", "Pääkäyttäjä", password),
        Role.PROJECT_ADMIN,
        "hankkeen pääkäyttäjä",
        project=project,
    )
    for name, municipality in places.municipalities.items():
        grant(
            _user(
                f"koordinaattori.{_slug(name)}@{DOMAIN}",
                "Demo",
                f"Koordinaattori ({name})",
                password,
            ),
            Role.COORDINATOR,
            f"koordinaattori, {name}",
            municipality=municipality,
        )
    grant(
        _user(f"jarjestaja@{DOMAIN}", "Demo", "Järjestäjä", password),
        Role.ORGANISER,
        "valmennusten järjestäjä",
        project=project,
    )
    grant(
        _user(f"katselija@{DOMAIN}", "Demo", "Katselija", password),
        Role.VIEWER,
        "katselija (ei henkilötietoja)",
        project=project,
    )
    admin = _user(
        f"yllapito@{DOMAIN}", "Demo", "Ylläpitäjä", password, is_staff=True, is_superuser=True
    )
    accounts.append(DemoAccount(admin.email, "palvelun ylläpitäjä (Django-ylläpito)"))
    return accounts
