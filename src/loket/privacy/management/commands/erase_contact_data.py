from django.core.management.base import BaseCommand, CommandError, CommandParser

from loket.privacy import cli


class Command(BaseCommand):
    help = "Old name of `loket privacy erase EMAIL --yes`, kept for this release only: use that instead."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email")
        parser.add_argument("--yes", action="store_true", help="do it; without this, only list what would go")

    def handle(self, *args: object, **options: object) -> None:
        self.stderr.write("erase_contact_data is now `loket privacy erase`; this name goes in the next release.")
        if cli.call(["erase", str(options["email"]), *(["--yes"] if options["yes"] else [])], self.stdout):
            raise CommandError("Nothing erased yet: add --yes to erase it.")
