from django.conf import settings
from django.core.management.base import BaseCommand

from loket.chat.actions import purge_expired_conversations
from loket.contact import actions


class Command(BaseCommand):
    help = "Delete cases closed and chats ended longer ago than LOKET_RETENTION_DAYS, with their mail and files."

    def handle(self, *args: object, **options: object) -> None:
        cases = actions.purge_expired_cases()
        chats = purge_expired_conversations()
        days = settings.LOKET_RETENTION_DAYS
        self.stdout.write(f"{cases} case(s) closed and {chats} chat(s) ended more than {days} days ago deleted.")
