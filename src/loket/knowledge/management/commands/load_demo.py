from django.core.management.base import BaseCommand

from loket.knowledge import demo


class Command(BaseCommand):
    help = "Load Loket's demo pages and documents into an empty database (does nothing otherwise)."

    def handle(self, *args: object, **options: object) -> None:
        if not demo.database_is_empty():
            self.stdout.write("The database already has a home page: nothing loaded.")
            return
        demo.load_demo_content()
        self.stdout.write(self.style.SUCCESS("Demo content loaded."))
