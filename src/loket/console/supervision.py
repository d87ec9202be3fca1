"""Supervisors' pages beside the live board (which runs over the console's WebSocket)."""

import csv
import datetime

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from loket.audit import actions as audit
from loket.chat import queries
from loket.parsing import iso_date
from loket.staff.decorators import staff_page

MAX_DAYS = 366
EARLIEST = datetime.date(2000, 1, 1)


@staff_page("chat.supervise")
def history_csv(request: HttpRequest) -> HttpResponse:
    """Time per status per agent per day, from `from` to `to` inclusive (default: today), cut at local midnight."""
    today = timezone.localdate()
    first = iso_date(request.GET["from"]) if "from" in request.GET else today
    last = iso_date(request.GET["to"]) if "to" in request.GET else first
    if first is None or last is None or not EARLIEST <= first <= last <= today + datetime.timedelta(days=MAX_DAYS):
        return HttpResponse(
            _("Give the days as YYYY-MM-DD, “from” before “to”."), status=400, content_type="text/plain; charset=utf-8"
        )
    if (last - first).days >= MAX_DAYS:
        return HttpResponse(
            _("Choose a period of at most %(days)d days, “from” before “to”.") % {"days": MAX_DAYS},
            status=400, content_type="text/plain; charset=utf-8",
        )  # fmt: skip
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="status-history-{first}-{last}.csv"'
    writer = csv.writer(response)
    writer.writerow(["agent", "name", "day", *queries.STATUSES])
    day = first
    while day <= last:
        for agent, seconds in queries.status_durations(day):
            times = [seconds[status] for status in queries.STATUSES]
            writer.writerow([agent.user.get_username(), agent.display_name, day.isoformat(), *times])
        day += datetime.timedelta(days=1)
    audit.record("agent.history-exported", request=request, first=first.isoformat(), last=last.isoformat())
    return response
