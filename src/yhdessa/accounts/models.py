from typing import Any

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def get_by_natural_key(self, username: str | None) -> "User":
        # E-mail addresses are compared without regard to case: people type them both ways.
        return self.get(email__iexact=username)

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> "User":
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> "User":
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self.create_user(email, password, **extra)


class User(AbstractUser):
    """A person who logs in: staff of a project, a municipality or an organisation.

    Residents and registrants never need an account.
    """

    username = None  # type: ignore[assignment]
    email = models.EmailField(_("sähköposti"), unique=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []  # type: ignore[misc]

    objects = UserManager()  # type: ignore[assignment, misc]

    class Meta:
        verbose_name = _("käyttäjä")
        verbose_name_plural = _("käyttäjät")
        ordering = ["last_name", "first_name", "email"]

    def __str__(self) -> str:
        return self.get_full_name() or self.email


class Role(models.TextChoices):
    PROJECT_ADMIN = "project_admin", _("Hankkeen pääkäyttäjä")
    COORDINATOR = "coordinator", _("Koordinaattori")
    ORGANISER = "organiser", _("Järjestäjä")
    VIEWER = "viewer", _("Katselija")


class Membership(models.Model):
    """A user's role in exactly one scope: a project, a municipality or an organisation."""

    user = models.ForeignKey(
        User, verbose_name=_("käyttäjä"), on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("rooli"), max_length=20, choices=Role.choices)
    project = models.ForeignKey(
        "projects.Project",
        verbose_name=_("hanke"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    municipality = models.ForeignKey(
        "directory.Municipality",
        verbose_name=_("kunta"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    organisation = models.ForeignKey(
        "directory.Organisation",
        verbose_name=_("organisaatio"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("jäsenyys")
        verbose_name_plural = _("jäsenyydet")
        constraints = [
            models.CheckConstraint(
                name="membership_exactly_one_scope",
                condition=(
                    Q(project__isnull=False, municipality__isnull=True, organisation__isnull=True)
                    | Q(project__isnull=True, municipality__isnull=False, organisation__isnull=True)
                    | Q(project__isnull=True, municipality__isnull=True, organisation__isnull=False)
                ),
            ),
            *(
                models.UniqueConstraint(
                    fields=["user", "role", scope],
                    condition=Q(**{f"{scope}__isnull": False}),
                    name=f"membership_unique_role_in_{scope}",
                )
                for scope in ("project", "municipality", "organisation")
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} – {self.scope}"

    @property
    def scope(self) -> models.Model:
        # membership_exactly_one_scope guarantees that one of them is set.
        return self.project or self.municipality or self.organisation  # type: ignore[return-value]


class ApiToken(models.Model):
    """A personal API token. Only its SHA-256 hash is stored; the token is shown once."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("nimi"), max_length=100)
    prefix = models.CharField(max_length=8, editable=False)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("API-avain")
        verbose_name_plural = _("API-avaimet")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"
