"""The real URLs plus one page that leaks a municipality's staff list to anyone signed in."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import path

from yhdessa.accounts.models import Membership
from yhdessa.directory.models import Municipality
from yhdessa.urls import urlpatterns as real_urlpatterns


@login_required
def leaky_municipality_staff(request, code):
    municipality = get_object_or_404(Municipality, code=code)  # forgets the tenancy selector
    emails = Membership.objects.filter(municipality=municipality).values_list("user__email")
    return HttpResponse(", ".join(email for (email,) in emails))


urlpatterns = [
    path("leaky/<str:code>/", leaky_municipality_staff, name="leaky"),
    *real_urlpatterns,
]
