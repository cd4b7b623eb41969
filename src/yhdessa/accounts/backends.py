from typing import Any

from django.contrib.auth.backends import BaseBackend

from yhdessa.accounts.rules import RULES


class MembershipBackend(BaseBackend):
    """Object permissions that follow from memberships (``user.has_perm(perm, obj)``).

    Authentication is left to ModelBackend; this backend only answers permission questions.
    """

    def has_perm(self, user_obj: Any, perm: str, obj: Any = None) -> bool:
        if obj is None or not user_obj.is_active:
            return False
        rule = RULES.get(perm)
        return rule is not None and rule(user_obj, obj)
