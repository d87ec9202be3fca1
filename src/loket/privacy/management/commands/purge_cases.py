from django.core.management.base import BaseCommand

from loket.privacy import cli


class Command(BaseCommand):
    help = "Old name of `loket privacy purge`, kept for this release only: use that instead."

    def handle(self, *args: object, **options: object) -> None:
        self.stderr.write("purge_cases is now `loket privacy purge`; this name goes in the next release.")
        cli.call(["purge"], self.stdout)
