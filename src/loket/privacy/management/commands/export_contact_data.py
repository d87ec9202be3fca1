from django.core.management.base import BaseCommand, CommandParser

from loket.privacy import cli


class Command(BaseCommand):
    help = "Old name of `loket privacy export EMAIL`, kept for this release only: use that instead."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email")
        parser.add_argument("--out", help="the zip to write")

    def handle(self, *args: object, **options: object) -> None:
        self.stderr.write("export_contact_data is now `loket privacy export`; this name goes in the next release.")
        cli.call(
            ["export", str(options["email"]), *(["--out", str(options["out"])] if options["out"] else [])], self.stdout
        )
