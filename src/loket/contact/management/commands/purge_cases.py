from django.conf import settings
from django.core.management.base import BaseCommand

from loket.contact import actions


class Command(BaseCommand):
    help = "Delete cases closed longer ago than LOKET_RETENTION_DAYS, with their mail and attachments."

    def handle(self, *args: object, **options: object) -> None:
        count = actions.purge_expired_cases()
        self.stdout.write(f"{count} case(s) closed more than {settings.LOKET_RETENTION_DAYS} days ago deleted.")
