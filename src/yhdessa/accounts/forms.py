from django.contrib.auth.forms import PasswordResetForm
from django.template.loader import render_to_string

from yhdessa.core.links import site_url
from yhdessa.mail.services import Message, emails_queue


class QueuedPasswordResetForm(PasswordResetForm):
    """Django's reset form whose message goes through the outbox (a mail server that is away
    never fails the request) with its link on the service's public address."""

    def send_mail(
        self,
        subject_template_name: str,
        email_template_name: str,
        context: dict,
        from_email: str | None,
        to_email: str,
        html_email_template_name: str | None = None,
    ) -> None:
        protocol, _, domain = site_url().partition("://")
        context = {**context, "protocol": protocol, "domain": domain}
        subject = "".join(render_to_string(subject_template_name, context).splitlines())
        body = render_to_string(email_template_name, context)
        emails_queue(
            messages=[Message(to=to_email, subject=subject, body=body)],
            purpose="accounts.password_reset",
        )
