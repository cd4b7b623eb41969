from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from yhdessa.events import privacy
from yhdessa.mail.services import emails_purge
from yhdessa.surveys import privacy as survey_privacy


class Command(BaseCommand):
    help = (
        "Blank the names, e-mail addresses, organisations and free texts of registrations to "
        "events that ended, and the e-mail addresses of survey invitations of waves that "
        "closed, more than YHDESSA_ANONYMISE_AFTER_DAYS days ago, and delete the outgoing "
        "e-mails older than that. For cron; running it again changes nothing."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--days",
            type=int,
            help="Days after the end of an event (default: YHDESSA_ANONYMISE_AFTER_DAYS, "
            f"now {privacy.anonymise_after_days()}).",
        )

    def handle(self, *args: object, **options: object) -> None:
        days = options["days"]
        if days is not None and (not isinstance(days, int) or days < 0):
            raise CommandError("--days must be zero or a positive whole number.")
        count = privacy.registrations_anonymise(days=days)
        self.stdout.write(_("Anonymisoitiin %(count)s ilmoittautumista.") % {"count": count})
        count = survey_privacy.invitations_anonymise(days=days)
        self.stdout.write(
            ngettext(
                "Poistettiin %(count)s kyselykutsun sähköpostiosoite.",
                "Poistettiin %(count)s kyselykutsun sähköpostiosoitteet.",
                count,
            )
            % {"count": count}
        )
        count = emails_purge(days=privacy.anonymise_after_days() if days is None else days)
        self.stdout.write(
            ngettext(
                "Poistettiin %(count)s vanha lähtevä sähköposti.",
                "Poistettiin %(count)s vanhaa lähtevää sähköpostia.",
                count,
            )
            % {"count": count}
        )
