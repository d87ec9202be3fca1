"""Metrics for operators: `/metrics` in Prometheus' text format, behind `LOKET_METRICS_TOKEN` (docs/operations.md).

Two kinds of figures, each where it is right whatever process answers the scrape:

- Events (requests, messages, mails, waits) and the WebSocket connections a process holds are counted by the process
  where they happen, in prometheus-client's multiprocess mode: every process on the machine (web workers, the task
  worker, `loket mail-in`) writes its values into files under PROMETHEUS_MULTIPROC_DIR (the settings point it at
  LOKET_METRICS_DIR before prometheus_client is first imported), and a scrape adds them up.
- The state of the desk (who waits, which agents, the outbox, the task queue, today's service level) is read from the
  database when scraped, so it never drifts from the truth and is the same from every process.

Every metric is defined here once; the apps only call the small helpers below.
"""

import datetime
import glob
import hmac
import logging
import os
import re
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, cast

from asgiref.sync import iscoroutinefunction, markcoroutinefunction
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import DatabaseError, transaction
from django.db.models import Count, Exists, F, OuterRef, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Gauge, Histogram, generate_latest, values
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.multiprocess import MultiProcessCollector, mark_process_dead
from prometheus_client.registry import Collector

log = logging.getLogger(__name__)


def _directory() -> str:
    return os.environ["PROMETHEUS_MULTIPROC_DIR"]


if not getattr(values.ValueClass, "_multiprocess", False):  # each process would count alone, and scrapes miss it
    raise ImproperlyConfigured("prometheus_client was imported before Loket's settings set PROMETHEUS_MULTIPROC_DIR")

# A process that reuses the pid of a dead one must not start from that one's connection count: forget it before this
# process's gauges open their file. (Counters carry on from the file: adding to them keeps every total right.)
mark_process_dead(os.getpid(), _directory())

HTTP_REQUESTS = Counter("loket_http_requests", "HTTP requests answered, by method and status", ["method", "status"])
HTTP_DURATION = Histogram(
    "loket_http_request_duration_seconds",
    "Time to produce an HTTP response, by method and route (the URL pattern's name, never the path)",
    ["method", "route"],
)
CHAT_WAIT = Histogram(
    "loket_chat_wait_seconds",
    "How long visitors waited in a team's queue before an agent took their chat",
    ["team"],
    buckets=(5, 10, 20, 30, 60, 120, 300, 600, 1200, 1800, 3600),
)
CHAT_MESSAGES = Counter("loket_chat_messages", "Chat messages stored, by author", ["author"])
CHAT_CONNECTIONS = Gauge(
    "loket_chat_connections",
    "Open chat WebSocket connections (visitor, console), summed over the live processes",
    ["kind"],
    multiprocess_mode="livesum",
)
MAIL_SENT = Counter("loket_mail_sent", "Mails the SMTP server accepted")
MAIL_RECEIVED = Counter("loket_mail_received", "Incoming mails stored in a case")
MAILBOX_ERRORS = Counter(
    "loket_mailbox_errors", "Failed connections to or sessions with an IMAP mailbox (each one retried)", ["mailbox"]
)

METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})


# --- What the apps call ---------------------------------------------------------------------------------------------


def chat_taken_on_commit(*, team_id: int, waited: datetime.timedelta) -> None:
    """A chat was taken from a queue; counted once the transaction that took it commits."""
    seconds = max(waited.total_seconds(), 0.0)
    transaction.on_commit(lambda: CHAT_WAIT.labels(team=str(team_id)).observe(seconds))


def message_stored_on_commit(author: str) -> None:
    transaction.on_commit(CHAT_MESSAGES.labels(author=author).inc)


def mail_received_on_commit() -> None:
    transaction.on_commit(MAIL_RECEIVED.inc)


def mailbox_failed(mailbox: str) -> None:
    MAILBOX_ERRORS.labels(mailbox=mailbox).inc()


@contextmanager
def connection_open(kind: str) -> Iterator[None]:
    """Around a WebSocket connection's whole life: whatever ends it (a close, an error, a cancelled task), the count
    goes down exactly once."""
    gauge = CHAT_CONNECTIONS.labels(kind=kind)
    gauge.inc()
    try:
        yield
    finally:
        gauge.dec()


class RequestMetricsMiddleware:
    """Counts every HTTP response and how long it took. The route is the resolved URL pattern's name: a path would
    give every page, search and made-up URL a series of its own."""

    sync_capable = True
    async_capable = True

    def __init__(self, get_response: Callable[[HttpRequest], Any]) -> None:
        self.get_response = get_response
        self.is_async = iscoroutinefunction(get_response)
        if self.is_async:
            markcoroutinefunction(self)

    def __call__(self, request: HttpRequest) -> Any:
        if self.is_async:
            return self._acall(request)
        started = time.perf_counter()
        response = self.get_response(request)
        _count(request, response, time.perf_counter() - started)
        return response

    async def _acall(self, request: HttpRequest) -> HttpResponseBase:
        started = time.perf_counter()
        response = await self.get_response(request)
        _count(request, response, time.perf_counter() - started)
        return response


def _count(request: HttpRequest, response: HttpResponseBase, seconds: float) -> None:
    method = request.method if request.method in METHODS else "other"
    match = getattr(request, "resolver_match", None)
    if request.path_info.startswith(settings.STATIC_URL):
        route = "static"  # served by WhiteNoise before any URL is resolved
    elif match is not None:
        route = match.view_name or "unnamed"
    else:
        route = "unmatched"
    HTTP_REQUESTS.labels(method=method, status=str(response.status_code)).inc()
    HTTP_DURATION.labels(method=method, route=route).observe(seconds)


# --- The state of the desk, read at scrape time -------------------------------------------------------------------


class DeskCollector(Collector):
    """Gauges read from the database for every scrape: the same answer from every process."""

    def __init__(self, now: datetime.datetime | None = None) -> None:
        self.now = now  # (tests fix the moment; a scrape reads the clock)

    def collect(self) -> Iterator[Metric]:
        """Without the database, the scrape still brings every process's counters (the 503s among them)."""
        families: list[Metric] = []
        try:
            families = list(self._desk(self.now or timezone.now()))
        except DatabaseError as error:
            log.warning("metrics: the database cannot be read (%s)", error.__class__.__name__)
        yield from families
        up = GaugeMetricFamily("loket_database_up", "1 when this scrape could read the database, else 0")
        up.add_metric([], 1 if families else 0)
        yield up

    def _desk(self, now: datetime.datetime) -> Iterator[Metric]:
        from django_tasks_db.models import DBTaskResult

        from loket.chat.models import Agent, Conversation, QueueEntry, Team
        from loket.contact.models import OutgoingMail

        teams = list(Team.objects.order_by("pk").values_list("pk", "name_nl"))
        info = GaugeMetricFamily(
            "loket_chat_team_info", "A team's name, for joining on the team label", labels=["team", "name"]
        )
        for pk, name in teams:
            info.add_metric([str(pk), name], 1)
        yield info

        waiting = _per_team(teams, QueueEntry.objects.filter(left_at=None).values("team_id"))
        yield _family("loket_chat_waiting", "Visitors waiting in a team's queue now", waiting)
        active = _per_team(teams, Conversation.objects.filter(status=Conversation.Status.ACTIVE).values("team_id"))
        yield _family("loket_chat_active", "Chats in progress with an agent now, by team", active)

        agents = GaugeMetricFamily(
            "loket_chat_agents",
            "Agents of a team by status; one whose console stopped beating past the grace period counts as offline",
            labels=["team", "status"],
        )
        present_since = now - datetime.timedelta(seconds=settings.LOKET_CHAT_AGENT_GRACE)
        counts = {(str(pk), status): 0 for pk, _ in teams for status in Agent.Status.values}
        for team_id, status, seen_at in Agent.teams.through.objects.values_list(
            "team_id", "agent__status", "agent__seen_at"
        ):
            if seen_at is None or seen_at < present_since:
                status = Agent.Status.OFFLINE
            counts[(str(team_id), status)] = counts.get((str(team_id), status), 0) + 1
        for (team, status), count in sorted(counts.items()):
            agents.add_metric([team, status], count)
        yield agents

        counted, in_time = _service_level(QueueEntry, now)
        ratio = GaugeMetricFamily(
            "loket_chat_service_level_ratio",
            f"Share of today's chats answered within {settings.LOKET_SERVICE_LEVEL_SECONDS} s, short abandons "
            "excluded (absent while none counts)",
            labels=["team"],
        )
        chats = GaugeMetricFamily(
            "loket_chat_service_level_chats", "The chats today's service level counts, by team", labels=["team"]
        )
        for pk, _name in teams:
            team = str(pk)
            chats.add_metric([team], counted.get(pk, 0))
            if counted.get(pk):
                ratio.add_metric([team], in_time.get(pk, 0) / counted[pk])
        yield ratio
        yield chats

        outbox = GaugeMetricFamily("loket_mail_outbox", "Outgoing mails not sent, by state", labels=["state"])
        states = dict(
            OutgoingMail.objects.filter(status__in=[OutgoingMail.Status.PENDING, OutgoingMail.Status.FAILED])
            .values_list("status")
            .annotate(n=Count("pk"))
            .values_list("status", "n")
        )
        for state in (OutgoingMail.Status.PENDING, OutgoingMail.Status.FAILED):
            outbox.add_metric([str(state)], states.get(state, 0))
        yield outbox

        yield from _mailboxes()

        yield GaugeMetricFamily(
            "loket_tasks_pending",
            "Background tasks due and waiting for a worker",
            value=DBTaskResult.objects.ready().count(),
        )


def _mailboxes() -> Iterator[Metric]:
    """The IMAP mailboxes of LOKET_IMAP_URL, as /healthz shows them (none configured: no series)."""
    from loket.contact.imap import mailbox_states

    states = mailbox_states() if settings.LOKET_IMAP_URL else []
    connected = GaugeMetricFamily(
        "loket_mailbox_connected",
        "1 while a worker is connected to the mailbox and checked it within three poll intervals",
        labels=["mailbox"],
    )
    checked = GaugeMetricFamily(
        "loket_mailbox_last_check_timestamp_seconds",
        "When the mailbox was last checked successfully (Unix time; absent before the first check)",
        labels=["mailbox"],
    )
    waiting = GaugeMetricFamily(
        "loket_mailbox_waiting", "Mails in the mailbox not stored yet at the last check", labels=["mailbox"]
    )
    failing = GaugeMetricFamily(
        "loket_mailbox_error", "1 while the mailbox's last connection or check ended in an error", labels=["mailbox"]
    )
    for state in states:
        name = str(state["mailbox"])
        connected.add_metric([name], 1 if state["connected"] else 0)
        if state["last_check"]:
            checked.add_metric([name], datetime.datetime.fromisoformat(str(state["last_check"])).timestamp())
        waiting.add_metric([name], cast(int, state["waiting"] or 0))
        failing.add_metric([name], 1 if state["error"] else 0)
    yield from (connected, checked, waiting, failing)


def _per_team(teams: list[tuple[int, str]], rows: Any) -> dict[str, int]:
    found = dict(rows.annotate(n=Count("pk")).values_list("team_id", "n"))
    return {str(pk): found.get(pk, 0) for pk, _ in teams}


def _family(name: str, documentation: str, values: dict[str, int]) -> GaugeMetricFamily:
    family = GaugeMetricFamily(name, documentation, labels=["team"])
    for team, value in values.items():
        family.add_metric([team], value)
    return family


def _service_level(queue_entry: Any, now: datetime.datetime) -> tuple[dict[int, int], dict[int, int]]:
    """Today's queue entries (Loket's time zone) per team: those that count and those answered in time.

    Counted: taken, or left after the short-abandon threshold, or still waiting past the target (already missed); a
    wait still within the target is not decided yet. Answered in time: taken within the target."""
    target = datetime.timedelta(seconds=settings.LOKET_SERVICE_LEVEL_SECONDS)
    short = datetime.timedelta(seconds=settings.LOKET_SHORT_ABANDON_SECONDS)
    midnight = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)
    served = Q(outcome=queue_entry.Outcome.SERVED)
    counts = Q(served | Q(left_at__isnull=False, left_at__gte=F("joined_at") + short))
    counts |= Q(left_at=None, joined_at__lt=now - target)
    # A chat moved back to a queue is offered once: only its first entry counts. That one is made with the
    # conversation, whose indexed creation time finds today's without reading a year of entries.
    again = queue_entry.objects.filter(conversation=OuterRef("conversation"), pk__lt=OuterRef("pk"))
    rows = (
        queue_entry.objects.filter(~Exists(again), conversation__created_at__gte=midnight)
        .values("team_id")
        .annotate(
            counted=Count("pk", filter=counts),
            in_time=Count("pk", filter=served & Q(left_at__lte=F("joined_at") + target)),
        )
        .values_list("team_id", "counted", "in_time")
    )
    counted, in_time = {}, {}
    for team_id, n, good in rows:
        counted[team_id], in_time[team_id] = n, good
    return counted, in_time


# --- The endpoint -----------------------------------------------------------------------------------------------


PID_FILE = re.compile(r"gauge_live[a-z]+_(\d+)\.db$")


def forget_dead_processes(directory: str) -> None:
    """A process that died without a word (killed, crashed) must not keep its connections in the sum. Its counters
    stay: they are part of the totals. The directory holds the processes of this machine only (pids are local)."""
    for path in glob.glob(os.path.join(directory, "gauge_live*_*.db")):
        found = PID_FILE.search(os.path.basename(path))
        if found is None:
            continue
        pid = int(found.group(1))
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            mark_process_dead(pid, directory)
        except PermissionError:  # alive, someone else's
            pass


def render(directory: str | None = None) -> bytes:
    """One scrape: every process's counters from the directory, and the desk's state from the database."""
    directory = directory or _directory()
    forget_dead_processes(directory)
    registry = CollectorRegistry()
    MultiProcessCollector(registry, path=directory)
    registry.register(DeskCollector())
    return generate_latest(registry)


def _token_matches(request: HttpRequest, token: str) -> bool | None:
    """None: no bearer token at all; else whether it is the right one (compared in constant time)."""
    scheme, _, given = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        return None
    return hmac.compare_digest(given.strip().encode(), token.encode())


@never_cache
@require_safe
def metrics_view(request: HttpRequest) -> HttpResponse:
    """For Prometheus. Without LOKET_METRICS_TOKEN there is nothing here (404); without the token, 401; a wrong one,
    403."""
    token = settings.LOKET_METRICS_TOKEN
    if not token:
        raise Http404
    matches = _token_matches(request, token)
    if not matches:
        response = HttpResponse(
            "A bearer token is required.\n" if matches is None else "This token is not allowed here.\n",
            status=401 if matches is None else 403,
            content_type="text/plain; charset=utf-8",
        )
        if matches is None:
            response["WWW-Authenticate"] = 'Bearer realm="loket-metrics"'
        return response
    return HttpResponse(render(), content_type=CONTENT_TYPE_LATEST)
