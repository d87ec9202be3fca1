import json

from django.core.management.base import BaseCommand, CommandParser

from loket.audit import actions as audit
from loket.contact import actions, queries


class Command(BaseCommand):
    help = "Print, as JSON, everything held about one e-mail address (a data subject's access request)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email")

    def handle(self, *args: object, **options: str) -> None:
        held = queries.everything_about(options["email"])
        audit.record("privacy.exported", subject=actions.address_mark(options["email"]), **audit.operator())
        self.stdout.write(json.dumps(held, indent=2, ensure_ascii=False, default=str))
