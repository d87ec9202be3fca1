import json

from django.core.management.base import BaseCommand, CommandParser

from loket.contact import queries


class Command(BaseCommand):
    help = "Print, as JSON, everything held about one e-mail address (a data subject's access request)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email")

    def handle(self, *args: object, **options: str) -> None:
        self.stdout.write(
            json.dumps(queries.everything_about(options["email"]), indent=2, ensure_ascii=False, default=str)
        )
