"""`loket manage reports_rebuild --from YYYY-MM-DD --to YYYY-MM-DD`: recount the daily rollup from the raw rows
(after an import, a change of LOKET_SERVICE_LEVEL_SECONDS, or to fill the days before the reports existed)."""

import datetime
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from loket.parsing import iso_date
from loket.reports import actions, queries


class Command(BaseCommand):
    help = "Recount the reports' daily rollup for a range of days (Europe/Brussels) from the raw rows."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--from", dest="first", required=True, help="first day, YYYY-MM-DD")
        parser.add_argument("--to", dest="last", help="last day, YYYY-MM-DD (default: the first)")

    def handle(self, *args: Any, first: str, last: str | None, **options: Any) -> None:
        start, end = iso_date(first), iso_date(last or first)
        if start is None or end is None or end < start:
            raise CommandError("give the days as YYYY-MM-DD, --from before --to")
        total, day = 0, start
        while day <= end:  # a month at a time: one transaction each, memory stays small on a large history
            chunk_end = min(end, day + datetime.timedelta(days=30))
            total += actions.rebuild(first=day, last=chunk_end) + actions.rebuild_email(first=day, last=chunk_end)
            day = chunk_end + datetime.timedelta(days=1)
        self.stdout.write(f"{total} rows for {len(queries.days(start, end))} days, {start} to {end}")
