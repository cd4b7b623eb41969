from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from yhdessa.accounts import selectors as access
from yhdessa.core import health
from yhdessa.core.http import AuthenticatedHttpRequest
from yhdessa.events.selectors import projects_for_event_staff
from yhdessa.projects.selectors import public_projects


def home(request: HttpRequest) -> HttpResponse:
    projects = public_projects().prefetch_related("partner_municipalities")
    return render(request, "core/home.html", {"projects": projects})


@login_required
def dashboard(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The signed-in user's workspace: their roles and where each of them leads."""
    user = request.user
    context = {
        "memberships": user.memberships.select_related("project", "municipality", "organisation"),
        # Their own projects, and those their municipality is a partner in.
        "projects": (access.projects_for_staff(user) | projects_for_event_staff(user)).distinct(),
        "administered": set(access.projects_administered_by(user).values_list("pk", flat=True)),
        "staff_of": set(access.projects_for_staff(user).values_list("pk", flat=True)),
        "municipalities": access.municipalities_for_staff(user).prefetch_related("projects"),
    }
    return render(request, "core/dashboard.html", context)


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """For load balancers and monitoring: 200 when the database, the cache and the task queue
    answer, 503 naming the part that does not (yhdessa.core.health)."""
    healthy, checks = health.run_checks()
    return JsonResponse(
        {"status": "ok" if healthy else "error", "checks": checks},
        status=200 if healthy else 503,
    )
