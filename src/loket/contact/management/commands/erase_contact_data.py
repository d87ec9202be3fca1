from django.core.management.base import BaseCommand, CommandError, CommandParser

from loket.audit import actions as audit
from loket.contact import actions
from loket.contact.models import Case


class Command(BaseCommand):
    help = "Delete every case of one e-mail address, with its mail and attachments (a request to be forgotten)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email")
        parser.add_argument("--yes", action="store_true", help="do it; without this, only say what would go")

    def handle(self, *args: object, **options: object) -> None:
        cases = Case.objects.filter(email__iexact=str(options["email"]))
        if not options["yes"]:
            references = ", ".join(cases.values_list("reference", flat=True)) or "none"
            raise CommandError(f"Would delete these cases: {references}. Add --yes to delete them.")
        count = actions.erase_contact_data(str(options["email"]), **audit.operator())
        self.stdout.write(f"{count} case(s) deleted.")
