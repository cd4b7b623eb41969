from django.core.management.base import BaseCommand, CommandError, CommandParser

from yhdessa.accounts.models import User
from yhdessa.accounts.services import api_token_create


class Command(BaseCommand):
    help = "Create a personal API token for a user and print it once."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email")
        parser.add_argument("name", help="What the token is for, e.g. 'reporting script'.")

    def handle(self, *args: object, email: str, name: str, **options: object) -> None:
        user = User.objects.filter(email__iexact=email, is_active=True).first()
        if user is None:
            raise CommandError(f"No active user with the e-mail address {email}.")
        _token, raw = api_token_create(user=user, name=name)
        self.stdout.write(raw)
