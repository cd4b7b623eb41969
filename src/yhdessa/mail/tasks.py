"""Background tasks of the outbox (run by ``yhdessa db_worker``)."""

from django_tasks import task

from yhdessa.mail import services


@task()
def deliver_emails(*, email_ids: list[int]) -> None:
    services.emails_deliver(email_ids=email_ids)
