from django.db import models
from django.utils.translation import gettext_lazy as _


class OutgoingEmail(models.Model):
    """One message on its way out (a transactional outbox).

    The row is written in the same transaction as what the message tells about, so a rolled
    back sign-up mails nobody and a committed one is never forgotten; a background task sends
    it and retries with back-off while the mail server is away. Once sent, the body and the
    attachments are blanked: they may carry single-use links. ``yhdessa anonymise`` deletes
    the rows (and their addresses) after the retention period.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("odottaa lähetystä")
        SENT = "sent", _("lähetetty")
        FAILED = "failed", _("lähetys epäonnistui")

    created_at = models.DateTimeField(_("luotu"), auto_now_add=True, db_index=True)
    purpose = models.CharField(_("viestin laji"), max_length=60)
    project = models.ForeignKey(
        "projects.Project",
        verbose_name=_("hanke"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    to = models.EmailField(_("vastaanottaja"))
    subject = models.CharField(_("aihe"), max_length=255)
    body = models.TextField(_("viesti"), blank=True)
    # [{"filename": …, "content": …, "mimetype": …}]: text attachments (calendar files).
    attachments = models.JSONField(default=list, blank=True)
    status = models.CharField(
        _("tila"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(_("yrityksiä"), default=0)
    last_error = models.CharField(_("viimeisin virhe"), max_length=300, blank=True)
    next_attempt_at = models.DateTimeField(_("seuraava yritys"), null=True, blank=True)
    sent_at = models.DateTimeField(_("lähetetty"), null=True, blank=True)

    class Meta:
        verbose_name = _("lähtevä sähköposti")
        verbose_name_plural = _("lähtevät sähköpostit")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.subject} → {self.to}"
