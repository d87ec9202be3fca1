"""/metrics for operators: behind its token, in Prometheus' text format, the desk's state read from the database, the
events counted where they happen, and the counts of several processes added up in one scrape."""

import datetime
import json
import os
import signal
import urllib.error
import urllib.request
from email.message import EmailMessage

import pytest
from django.db import connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max
from prometheus_client import CollectorRegistry, generate_latest
from prometheus_client.multiprocess import MultiProcessCollector
from prometheus_client.parser import text_string_to_metric_families
from websockets.sync.client import connect

from loket import metrics
from loket.chat import actions as chat_actions
from loket.chat.models import Agent, Conversation, Message, QueueEntry, Team
from loket.contact import actions as contact_actions
from loket.contact.models import OutgoingMail, Topic
from tests.chat.conftest import enqueue_visitor, make_agent
from tests.scale.conftest import web_processes

TOKEN = "a-long-random-token-for-prometheus-0123456789"
BEARER = {"HTTP_AUTHORIZATION": f"Bearer {TOKEN}"}


def parse(text: str) -> dict[tuple[str, frozenset], float]:
    """Every sample by name and labels."""
    return {
        (sample.name, frozenset(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


def value(samples: dict, metric: str, /, **labels: str) -> float:
    return samples.get((metric, frozenset(labels.items())), 0.0)


@pytest.fixture
def token(settings):
    settings.LOKET_METRICS_TOKEN = TOKEN


def scrape(client) -> dict:
    response = client.get("/metrics", **BEARER)
    assert response.status_code == 200
    return parse(response.content.decode())


def this_process() -> dict:
    """The counters and live gauges of every process of this test run, without the database."""
    registry = CollectorRegistry()
    MultiProcessCollector(registry, path=os.environ["PROMETHEUS_MULTIPROC_DIR"])
    return parse(generate_latest(registry).decode())


# --- The door ---------------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_without_a_configured_token_there_is_no_metrics_page(client, settings):
    settings.LOKET_METRICS_TOKEN = ""
    assert client.get("/metrics").status_code == 404
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer ").status_code == 404


@pytest.mark.django_db
def test_a_missing_or_wrong_token_is_refused(client, token):
    missing = client.get("/metrics")
    assert missing.status_code == 401
    assert missing["WWW-Authenticate"].startswith("Bearer")
    assert client.get("/metrics", HTTP_AUTHORIZATION=f"Basic {TOKEN}").status_code == 401
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer").status_code == 401
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer not-the-token").status_code == 403
    assert client.get("/metrics", HTTP_AUTHORIZATION=f"Bearer {TOKEN[:-1]}").status_code == 403
    assert client.get("/metrics", HTTP_AUTHORIZATION=f"Bearer {TOKEN}x").status_code == 403
    assert b"loket_" not in missing.content


@pytest.mark.django_db
def test_with_the_token_the_metrics_come_in_prometheus_text_and_are_never_cached(client, token):
    response = client.get("/metrics", **BEARER)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain; version=")
    assert "no-store" in response["Cache-Control"]
    names = {family.name for family in text_string_to_metric_families(response.content.decode())}
    assert {
        "loket_chat_waiting", "loket_chat_agents", "loket_chat_active", "loket_chat_service_level_chats",
        "loket_mail_outbox", "loket_tasks_pending", "loket_chat_team_info",
        "loket_database_up",
    } <= names  # fmt: skip
    assert value(parse(response.content.decode()), "loket_database_up") == 1
    assert client.post("/metrics", **BEARER).status_code == 405


# --- The desk's state, read from the database ------------------------------------------------------------------


@pytest.fixture
def desk(db):
    """Team A with a topic, Team B; Ann (away) in A, Bob (available) in A and B, Cas available but gone in B."""
    Team.objects.all().delete()
    a = Team.objects.create(name_nl="Wonen", name_en="Housing")
    b = Team.objects.create(name_nl="Werk", name_en="Work")
    topic = Topic.objects.create(name_nl="Huur", name_en="Rent")
    a.topics.add(topic)
    ann = make_agent("ann", a, status=Agent.Status.AWAY)
    make_agent("bob", a, b, status=Agent.Status.OFFLINE)
    cas = make_agent("cas", b, status=Agent.Status.AVAILABLE)
    Agent.objects.filter(pk=cas.pk).update(seen_at=timezone.now() - datetime.timedelta(hours=1))
    return {"a": a, "b": b, "topic": topic, "ann": ann}


def test_the_gauges_show_who_waits_who_is_served_and_which_agents_are_there(client, token, desk):
    a, b = str(desk["a"].pk), str(desk["b"].pk)
    for name in ("Amal", "Bert", "Cas"):
        enqueue_visitor(desk["topic"], name)
    chat_actions.set_availability(agent=desk["ann"], status=Agent.Status.AVAILABLE, capacity=1)

    samples = scrape(client)
    assert value(samples, "loket_chat_waiting", team=a) == 2
    assert value(samples, "loket_chat_waiting", team=b) == 0
    assert ("loket_chat_waiting", frozenset({("team", b)})) in samples  # a quiet team is there, at 0
    assert value(samples, "loket_chat_active", team=a) == 1
    assert value(samples, "loket_chat_agents", team=a, status="available") == 1  # Ann
    assert value(samples, "loket_chat_agents", team=a, status="offline") == 1  # Bob
    assert value(samples, "loket_chat_agents", team=b, status="offline") == 2  # Bob, and Cas whose console is gone
    assert value(samples, "loket_chat_agents", team=b, status="available") == 0
    assert value(samples, "loket_chat_team_info", team=a, name="Wonen") == 1


def test_the_outbox_and_the_task_queue_count_what_still_has_to_go(client, token, db):
    for number, status in enumerate(["pending", "pending", "failed", "sent"]):
        OutgoingMail.objects.create(
            kind=OutgoingMail.Kind.COPY, to="an@example.org", subject="-", body="-", message_id=f"<{number}@t>",
            status=status,
        )  # fmt: skip
    task = {"args_kwargs": {"args": [], "kwargs": {}}, "task_path": "loket.daily.x", "backend_name": "default"}
    DBTaskResult.objects.create(**task, run_after=get_date_max())  # due now
    DBTaskResult.objects.create(**task, run_after=timezone.now() - datetime.timedelta(minutes=1))  # overdue
    DBTaskResult.objects.create(**task, run_after=timezone.now() + datetime.timedelta(hours=1))  # a later retry
    DBTaskResult.objects.create(**task, run_after=get_date_max(), status="RUNNING")

    samples = scrape(client)
    assert value(samples, "loket_mail_outbox", state="pending") == 2
    assert value(samples, "loket_mail_outbox", state="failed") == 1
    assert value(samples, "loket_tasks_pending") == 2


def test_the_service_level_counts_todays_first_waits_with_short_abandons_aside(desk, settings):
    settings.LOKET_SERVICE_LEVEL_SECONDS, settings.LOKET_SHORT_ABANDON_SECONDS = 60, 10
    team, topic = desk["a"], desk["topic"]
    noon = timezone.localtime().replace(hour=12, minute=0, second=0, microsecond=0)

    def entry(joined_seconds_ago: float, waited: float | None, outcome: str = "", conversation=None) -> Conversation:
        joined = noon - datetime.timedelta(seconds=joined_seconds_ago)
        if conversation is None:
            conversation = Conversation.objects.create(team=team, topic=topic, language="nl")
            Conversation.objects.filter(pk=conversation.pk).update(created_at=joined)
        found = QueueEntry.objects.create(conversation=conversation, team=team, ticket=conversation.pk)
        left = joined + datetime.timedelta(seconds=waited) if waited is not None else None
        QueueEntry.objects.filter(pk=found.pk).update(joined_at=joined, left_at=left, outcome=outcome)
        return conversation

    moved = entry(3000, 20, "served")  # answered in time
    entry(2000, 200, "served", conversation=moved)  # moved back to the queue and taken late: not offered again
    entry(2500, 90, "served")  # answered late
    entry(2400, 5, "left")  # a short abandon: not counted
    entry(2300, 30, "left")  # abandoned: counted, not answered
    entry(120, None)  # still waiting past the target: missed already
    entry(10, None)  # still waiting within the target: not decided yet
    entry(13 * 3600, 5, "served")  # yesterday

    registry = CollectorRegistry()
    registry.register(metrics.DeskCollector(now=noon))
    samples = parse(generate_latest(registry).decode())
    assert value(samples, "loket_chat_service_level_chats", team=str(team.pk)) == 4
    assert value(samples, "loket_chat_service_level_ratio", team=str(team.pk)) == 0.25
    # Team B had no chat today: no ratio at all (an alert then stays quiet), and 0 chats.
    assert ("loket_chat_service_level_ratio", frozenset({("team", str(desk["b"].pk))})) not in samples
    assert value(samples, "loket_chat_service_level_chats", team=str(desk["b"].pk)) == 0


# --- Events, counted where they happen -------------------------------------------------------------------------


def test_a_taken_chat_and_its_messages_are_counted_once_committed(desk, django_capture_on_commit_callbacks):
    team = str(desk["a"].pk)
    before = this_process()
    with django_capture_on_commit_callbacks(execute=True):
        conversation = enqueue_visitor(desk["topic"], "Amal", text="Hallo")
    with django_capture_on_commit_callbacks(execute=True):
        chat_actions.set_availability(agent=desk["ann"], status=Agent.Status.AVAILABLE, capacity=1)
    with django_capture_on_commit_callbacks(execute=True):
        chat_actions.post_message(
            conversation_id=conversation.pk, author=Message.Author.AGENT, text="Dag", agent=desk["ann"]
        )
    with django_capture_on_commit_callbacks(execute=True):
        chat_actions.post_message(conversation_id=conversation.pk, author=Message.Author.VISITOR, text="Dank")
    with django_capture_on_commit_callbacks(execute=False) as rolled_back:  # never committed: never counted
        chat_actions.post_message(conversation_id=conversation.pk, author=Message.Author.VISITOR, text="Weg")
    assert rolled_back

    after = this_process()

    def more(name: str, **labels: str) -> float:
        return value(after, name, **labels) - value(before, name, **labels)

    assert more("loket_chat_messages_total", author="visitor") == 2  # "Hallo" and "Dank"
    assert more("loket_chat_messages_total", author="agent") == 1
    assert more("loket_chat_messages_total", author="system") == 1  # "You are now talking to Ann."
    assert more("loket_chat_wait_seconds_count", team=team) == 1
    assert more("loket_chat_wait_seconds_bucket", team=team, le="+Inf") == 1


def test_sent_and_received_mail_are_counted(smtp, db, django_capture_on_commit_callbacks):
    before = this_process()
    topic = Topic.objects.create(name_nl="Huur", name_en="Rent")
    with django_capture_on_commit_callbacks(execute=True):
        contact_actions.submit_email_question(
            email="an@example.org", name="An", topic=topic, subject="Huur", message="Mijn vraag", language="nl"
        )
    assert len(smtp.messages) == 2  # to the service, and the copy
    mail = EmailMessage()
    mail["From"], mail["To"], mail["Subject"] = "Bert <bert@example.org>", "1700@loket.localhost", "Een vraag"
    mail["Message-ID"] = "<vraag-1@example.org>"
    mail.set_content("Hoe zit het?")
    with django_capture_on_commit_callbacks(execute=True):
        contact_actions.receive_mail(mail.as_bytes())
    after = this_process()
    assert value(after, "loket_mail_sent_total") - value(before, "loket_mail_sent_total") == 2
    assert value(after, "loket_mail_received_total") - value(before, "loket_mail_received_total") == 1


@pytest.mark.django_db
def test_http_answers_are_counted_by_method_status_and_route_never_by_path(client):
    before = this_process()
    client.get("/healthz")
    client.generic("BREW", "/healthz")
    assert client.get("/static/loket/favicon.svg").status_code == 200
    after = this_process()

    def more(name: str, **labels: str) -> float:
        return value(after, name, **labels) - value(before, name, **labels)

    assert more("loket_http_requests_total", method="GET", status="200") == 2
    assert more("loket_http_request_duration_seconds_count", method="GET", route="healthz") == 1
    assert more("loket_http_request_duration_seconds_count", method="other", route="healthz") == 1
    assert more("loket_http_request_duration_seconds_count", method="GET", route="static") == 1
    routes = {dict(labels).get("route") for name, labels in after if name.startswith("loket_http_request_duration")}
    assert not any(route and "/" in route for route in routes)


def test_a_connection_that_fails_still_leaves_the_count_right():
    gauge = ("loket_chat_connections", frozenset({("kind", "visitor")}))
    before = this_process().get(gauge, 0.0)
    with pytest.raises(RuntimeError), metrics.connection_open("visitor"):
        assert this_process()[gauge] == before + 1
        raise RuntimeError("connect failed")
    assert this_process()[gauge] == before


# --- Several processes ------------------------------------------------------------------------------------------


def _database_url_of_this_test() -> str:
    """The test database, for `loket web` processes started by the test."""
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{os.path.abspath(settings['NAME'])}"
    password = f":{settings['PASSWORD']}" if settings.get("PASSWORD") else ""
    return f"postgres://{settings['USER']}{password}@{settings['HOST']}:{settings['PORT']}/{settings['NAME']}"


def _get(port: int, path: str, token: str = "") -> tuple[int, str]:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - our own test server
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


@pytest.mark.django_db(transaction=True)
def test_two_processes_add_up_in_one_scrape_and_a_killed_one_leaves_no_connections_behind(tmp_path):
    env = {
        "DATABASE_URL": _database_url_of_this_test(),
        "LOKET_VAR_DIR": str(tmp_path),
        "PROMETHEUS_MULTIPROC_DIR": str(tmp_path / "metrics"),
        "LOKET_METRICS_TOKEN": TOKEN,
    }
    with web_processes(env, "one", "two") as servers:
        (one, _), (two, second) = servers["one"], servers["two"]
        for port, times in ((one, 5), (two, 3)):
            for _ in range(times):
                assert _get(port, "/healthz")[0] == 200
        with (
            connect(f"ws://127.0.0.1:{one}/ws/chat/nl/", origin=f"http://localhost:{one}"),
            connect(f"ws://127.0.0.1:{two}/ws/chat/nl/", origin=f"http://localhost:{two}"),
        ):
            status, text = _get(one, "/metrics", TOKEN)
            assert status == 200, text
            samples = parse(text)
            assert value(samples, "loket_http_requests_total", method="GET", status="200") == 8
            assert value(samples, "loket_chat_connections", kind="visitor") == 2

            second.send_signal(signal.SIGKILL)  # no disconnect runs: its socket is never counted down
            second.wait(10)
            samples = parse(_get(one, "/metrics", TOKEN)[1])
            assert value(samples, "loket_chat_connections", kind="visitor") == 1
            # Its counters stay in the totals: 8 health checks and the first scrape.
            assert value(samples, "loket_http_requests_total", method="GET", status="200") == 9
        assert json.loads(_get(one, "/healthz")[1])["database"] == "ok"


def test_without_the_database_a_scrape_still_brings_the_counters_and_says_so(tmp_path):
    env = {
        "DATABASE_URL": f"sqlite:///{tmp_path}/no-such-folder/loket.sqlite3",  # cannot be opened
        "LOKET_VAR_DIR": str(tmp_path),
        "PROMETHEUS_MULTIPROC_DIR": str(tmp_path / "metrics"),
        "LOKET_METRICS_TOKEN": TOKEN,
    }
    with web_processes(env, "alone") as servers:
        port = servers["alone"][0]
        assert _get(port, "/healthz")[0] == 503
        status, text = _get(port, "/metrics", TOKEN)
    assert status == 200, text
    samples = parse(text)
    assert value(samples, "loket_database_up") == 0
    assert value(samples, "loket_http_requests_total", method="GET", status="503") == 1
    assert not any(name == "loket_chat_waiting" for name, _ in samples)
