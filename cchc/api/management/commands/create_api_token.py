"""Issue an API token acting as a user, and print it (the only time it can be seen)."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from cchc.api.services import api_token_create
from cchc.core.errors import RuleViolation
from cchc.org.models import User


class Command(BaseCommand):
    help = "Issue an API token that acts as USERNAME; the token is printed once."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("name", help="which system will use the token")

    def handle(self, *args: Any, **options: Any) -> None:
        user = User.objects.filter(username=options["username"]).first()
        if user is None:
            raise CommandError(_("No user has the username %(username)s.") % {"username": options["username"]})
        try:
            token, raw = api_token_create(user=user, name=options["name"])
        except RuleViolation as exc:
            raise CommandError(exc.message) from exc
        self.stderr.write(
            _("Token “%(name)s” for %(username)s. Copy it now; it will not be shown again:")
            % {"name": token.name, "username": user.username}
        )
        self.stdout.write(raw)
