from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from yhdessa.accounts.forms import QueuedPasswordResetForm
from yhdessa.core import ratelimits
from yhdessa.core.ratelimits import limited

app_name = "accounts"

urlpatterns = [
    path(
        "login/",
        auth_views.LoginView.as_view(redirect_authenticated_user=True),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "password/change/",
        auth_views.PasswordChangeView.as_view(
            success_url=reverse_lazy("accounts:password_change_done")
        ),
        name="password_change",
    ),
    path(
        "password/change/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path(
        "password/reset/",
        limited(ratelimits.PASSWORD_RESET)(
            limited(ratelimits.PASSWORD_RESET_PER_ADDRESS, key="post:email")(
                auth_views.PasswordResetView.as_view(
                    success_url=reverse_lazy("accounts:password_reset_done"),
                    email_template_name="registration/password_reset_email.txt",
                    form_class=QueuedPasswordResetForm,
                )
            )
        ),
        name="password_reset",
    ),
    path(
        "password/reset/done/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "password/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            success_url=reverse_lazy("accounts:password_reset_complete")
        ),
        name="password_reset_confirm",
    ),
    path(
        "password/reset/complete/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]
