"""Object permissions, each answered by the selector that lists the same objects."""

from collections.abc import Callable
from typing import Any

from yhdessa.accounts import selectors
from yhdessa.accounts.models import User


def _in(selector: Callable[[User], Any]) -> Callable[[User, Any], bool]:
    def rule(user: User, obj: Any) -> bool:
        return bool(selector(user).filter(pk=obj.pk).exists())

    rule.__doc__ = f"True when the object is in {selector.__name__}(user)."
    return rule


RULES: dict[str, Callable[[User, Any], bool]] = {
    "projects.view_staff_pages": _in(selectors.projects_for_staff),
    "projects.manage_members": _in(selectors.projects_administered_by),
    "directory.view_municipality_staff": _in(selectors.municipalities_for_staff),
    "directory.add_organisation": _in(selectors.municipalities_for_staff),
    "directory.change_organisation": _in(selectors.organisations_editable_by),
}
