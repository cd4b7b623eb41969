"""The one table of who may open which URL. Every URL pattern must appear here.

The test world (tests/conftest.py) has a project with two partner municipalities; the URLs
point at Nivala's objects, so the coordinator of Sievi is the "other tenant".
"""

from collections.abc import Mapping

from tests.conftest import Actor
from tests.harness.access import Outcome, Policy

A = Actor
O = Outcome  # noqa: E741


def everyone(outcome: Outcome) -> dict[Actor, Outcome]:
    return dict.fromkeys(Actor, outcome)


def signed_in(outcome: Outcome = O.OK) -> dict[Actor, Outcome]:
    return everyone(outcome) | {A.ANONYMOUS: O.LOGIN}


PUBLIC = everyone(O.OK)
SIGNED_IN = signed_in()
# Personal data of a municipality: its coordinator and the project admin; everyone else 404.
NIVALA_STAFF = signed_in(O.NOT_FOUND) | {A.COORDINATOR: O.OK, A.PROJECT_ADMIN: O.OK}
# Project people: admins only; project members without the role are refused (403), outsiders
# and other tenants never learn that the staff page exists (404).
PROJECT_ADMIN_ONLY = signed_in(O.NOT_FOUND) | {
    A.VIEWER: O.FORBIDDEN,
    A.ORGANISER: O.FORBIDDEN,
    A.PROJECT_ADMIN: O.OK,
}


def nivala(world):
    return {"code": world.nivala.code}


def nivala_org(world):
    return {"slug": world.nivala_org.slug}


def project(world):
    return {"slug": world.project.slug}


def event(world):
    return {"pk": world.event.pk}


def registration_token(world):
    from yhdessa.events.tokens import cancel_token

    return {"token": cancel_token(world.registration.pk)}


# An event's registrations (personal data): the project's admins and organisers and the
# coordinator of the event's municipality.
EVENT_STAFF = NIVALA_STAFF | {A.ORGANISER: O.OK}


def _area_policies() -> dict[str, Policy]:
    # Each area keeps its rows in its own module, merged here into the one table.
    from tests.directory.policy_cooperation import COOPERATION_POLICIES
    from tests.events.policy_attendance import ATTENDANCE_POLICIES
    from tests.events.policy_stats import STATS_POLICIES
    from tests.experiments.policy_api import EXPERIMENT_API_POLICIES
    from tests.experiments.policy_model_descriptions import MODEL_DESCRIPTION_POLICIES
    from tests.experiments.policy_pages import EXPERIMENT_PAGE_POLICIES
    from tests.experiments.policy_staff import EXPERIMENT_STAFF_POLICIES
    from tests.reports.policy_reports import REPORT_POLICIES
    from tests.siteinfo.policy_siteinfo import SITEINFO_POLICIES
    from tests.surveys.policy_answering import ANSWERING_POLICIES
    from tests.surveys.policy_api import SURVEY_API_POLICIES
    from tests.surveys.policy_management import MANAGEMENT_POLICIES
    from tests.surveys.policy_results import RESULTS_POLICIES
    from tests.toolkit.policy_knowledge import KNOWLEDGE_POLICIES
    from tests.toolkit.policy_tips import TIP_POLICIES

    return {
        **ATTENDANCE_POLICIES,
        **STATS_POLICIES,
        **ANSWERING_POLICIES,
        **RESULTS_POLICIES,
        **SURVEY_API_POLICIES,
        **MANAGEMENT_POLICIES,
        **EXPERIMENT_API_POLICIES,
        **EXPERIMENT_PAGE_POLICIES,
        **EXPERIMENT_STAFF_POLICIES,
        **MODEL_DESCRIPTION_POLICIES,
        **TIP_POLICIES,
        **KNOWLEDGE_POLICIES,
        **COOPERATION_POLICIES,
        **REPORT_POLICIES,
        **SITEINFO_POLICIES,
    }


POLICIES: Mapping[str, Policy] = {
    "healthz": Policy(PUBLIC),
    "core:home": Policy(PUBLIC),
    "core:dashboard": Policy(SIGNED_IN),
    # Directory: public pages
    "directory:municipality_list": Policy(PUBLIC),
    "directory:municipality_detail": Policy(PUBLIC, kwargs=nivala),
    "directory:organisation_list": Policy(PUBLIC),
    "directory:organisation_detail": Policy(PUBLIC, kwargs=nivala_org),
    # Directory: a municipality's own workspace
    "directory:municipality_staff": Policy(NIVALA_STAFF, kwargs=nivala),
    "directory:organisation_create": Policy(NIVALA_STAFF, kwargs=nivala),
    "directory:organisation_edit": Policy(NIVALA_STAFF, kwargs=nivala_org),
    # Projects
    "projects:project_detail": Policy(PUBLIC, kwargs=project),
    "projects:project_members": Policy(PROJECT_ADMIN_ONLY, kwargs=project),
    "projects:membership_revoke": Policy(
        everyone(O.NOT_ALLOWED),
        kwargs=lambda world: project(world) | {"pk": world.users[A.VIEWER].memberships.get().pk},
    ),
    "projects:membership_revoke#post": Policy(
        PROJECT_ADMIN_ONLY | {A.PROJECT_ADMIN: O.REDIRECT},
        kwargs=lambda world: project(world) | {"pk": world.users[A.VIEWER].memberships.get().pk},
        method="post",
    ),
    # Outgoing e-mail that has not gone out (recipients are personal data)
    "mail:project_mail": Policy(PROJECT_ADMIN_ONLY, kwargs=project),
    "mail:project_mail_retry": Policy(everyone(O.NOT_ALLOWED), kwargs=project),
    "mail:project_mail_retry#post": Policy(
        PROJECT_ADMIN_ONLY | {A.PROJECT_ADMIN: O.REDIRECT}, kwargs=project, method="post"
    ),
    # Events: public pages and the registrant's own link
    "events:event_list": Policy(PUBLIC),
    "events:event_detail": Policy(PUBLIC, kwargs=event),
    "events:event_ics": Policy(PUBLIC, kwargs=event),
    "events:registration_manage": Policy(PUBLIC, kwargs=registration_token),
    "events:project_calendar": Policy(PUBLIC, kwargs=project),
    "events:municipality_calendar": Policy(PUBLIC, kwargs=nivala),
    # Events: staff
    "events:project_events": Policy(signed_in(O.OK) | {A.OUTSIDER: O.NOT_FOUND}, kwargs=project),
    "events:event_create": Policy(
        signed_in(O.OK) | {A.OUTSIDER: O.NOT_FOUND, A.VIEWER: O.NOT_FOUND}, kwargs=project
    ),
    "events:event_staff": Policy(EVENT_STAFF, kwargs=event),
    "events:event_edit": Policy(EVENT_STAFF, kwargs=event),
    "events:event_cancel": Policy(EVENT_STAFF, kwargs=event),
    "events:event_copy": Policy(everyone(O.NOT_ALLOWED), kwargs=event),
    "events:event_copy#post": Policy(
        {
            actor: (O.REDIRECT if outcome == O.OK else outcome)
            for actor, outcome in EVENT_STAFF.items()
        },
        kwargs=event,
        method="post",
    ),
    # Accounts
    "accounts:login": Policy(everyone(O.REDIRECT) | {A.ANONYMOUS: O.OK}),
    "accounts:logout": Policy(everyone(O.REDIRECT), method="post"),
    "accounts:password_change": Policy(SIGNED_IN),
    "accounts:password_change_done": Policy(SIGNED_IN),
    "accounts:password_reset": Policy(PUBLIC),
    "accounts:password_reset_done": Policy(PUBLIC),
    "accounts:password_reset_confirm": Policy(
        PUBLIC, kwargs=lambda world: {"uidb64": "MQ", "token": "vanhentunut-linkki"}
    ),
    "accounts:password_reset_complete": Policy(PUBLIC),
    # API: public reads, and the caller's own account
    "api:api-root": Policy(everyone(O.NOT_FOUND)),
    "api:openapi-json": Policy(PUBLIC),
    "api:openapi-view": Policy(PUBLIC),
    "api:list_projects": Policy(PUBLIC),
    "api:get_project": Policy(PUBLIC, kwargs=project),
    "api:list_municipalities": Policy(PUBLIC),
    "api:list_organisations": Policy(PUBLIC),
    "api:get_organisation": Policy(PUBLIC, kwargs=nivala_org),
    "api:me": Policy(everyone(O.OK) | {A.ANONYMOUS: O.UNAUTHORIZED}),
    # Django admin is for superusers only, for every model it will ever have; none of the
    # actors is one. Its log-in page answers everyone; its log-out sends them to the index.
    "admin:login": Policy(PUBLIC),
    "admin:logout": Policy(everyone(O.REDIRECT)),
    "admin:*": Policy(
        everyone(O.ADMIN_LOGIN),
        kwargs=lambda world: {
            "object_id": world.nivala_org.pk,
            "content_type_id": 1,
            "id": world.users[A.COORDINATOR].pk,
            "app_label": "directory",
            "url": "ei-ole/",
        },
    ),
    **_area_policies(),
}
