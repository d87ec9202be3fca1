"""The wallboard's live socket over the real ASGI application: today's figures change on the screen when a chat is
offered, answered or abandoned, and only those who may see the reports get them."""

import datetime
from unittest import mock

import pytest
from channels.testing import WebsocketCommunicator
from django.contrib.auth.models import Group, User
from django.test import Client

from loket.asgi import application
from loket.chat import actions as chat_actions
from loket.chat.models import Agent, Conversation
from loket.db import in_thread
from loket.reports import live
from tests.chat.conftest import enqueue_visitor, make_agent
from tests.reports.conftest import make_user

pytestmark = pytest.mark.django_db(transaction=True)
ORIGIN = (b"origin", b"http://localhost")


@pytest.fixture(autouse=True)
def quick_counts(monkeypatch):
    """Today's counts at most every 5 s in production; here as soon as a board comes."""
    monkeypatch.setattr(live, "COUNT_EVERY", 0.05)


async def socket_of(user: User) -> WebsocketCommunicator:
    client = Client()
    await in_thread(client.force_login)(user)
    cookie = f"sessionid={client.cookies['sessionid'].value}".encode()
    return WebsocketCommunicator(application, "/ws/wallboard/", headers=[ORIGIN, (b"cookie", cookie)])


async def wallboard(user: User) -> WebsocketCommunicator:
    socket = await socket_of(user)
    connected, _ = await socket.connect()
    assert connected
    return socket


async def figures_until(socket: WebsocketCommunicator, **wanted) -> dict:
    """Wallboard frames until one shows `wanted` (each frame differs from the one before)."""
    while True:
        frame = await socket.receive_json_from(timeout=5)
        assert frame["type"] == "wallboard"
        if all(frame[key] == value for key, value in wanted.items()):
            return frame


async def test_the_wallboard_shows_a_chat_offered_answered_and_abandoned_as_it_happens(hub, team, topic):
    ann = await in_thread(make_agent)("ann", team, status=Agent.Status.AWAY)
    screen = await wallboard(await in_thread(make_user)("sam", "Supervisor"))
    first = await figures_until(screen)
    assert (first["offered"], first["answered"], first["abandoned"]) == (0, 0, 0)
    assert (first["longest_wait"], first["agents_available"], first["service_level"]) == (None, 0, None)

    vera = await in_thread(enqueue_visitor)(topic, "Vera")
    waiting = await figures_until(screen, offered=1)
    assert waiting["longest_wait"] is not None and waiting["answered"] == 0

    await in_thread(chat_actions.set_availability)(agent=ann, status=Agent.Status.AVAILABLE)
    answered = await figures_until(screen, answered=1)
    assert (answered["offered"], answered["longest_wait"], answered["agents_available"]) == (1, None, 1)
    assert answered["service_level"] == 100

    wim = await in_thread(enqueue_visitor)(topic, "Wim")  # Ann has room for one: Wim waits
    assert (await in_thread(Conversation.objects.get)(pk=wim.pk)).status == Conversation.Status.WAITING
    await figures_until(screen, offered=2)
    await in_thread(chat_actions.end_conversation)(conversation_id=wim.pk, ending=Conversation.Ending.VISITOR)
    gone = await figures_until(screen, abandoned=1)
    assert (gone["offered"], gone["answered"], gone["longest_wait"]) == (2, 1, None)
    assert vera.pk != wim.pk
    await screen.disconnect()


async def test_an_administrator_without_an_agent_gets_the_wallboard_and_stays_no_agent(hub, team):
    admin = await in_thread(make_user)("ada", "Administrator")
    screen = await wallboard(admin)
    assert (await figures_until(screen))["agents_available"] == 0
    assert not await in_thread(Agent.objects.filter(user=admin).exists)()  # a screen is nobody at the desk
    await screen.disconnect()


async def test_whoever_may_not_see_the_reports_gets_no_wallboard(hub, team):
    agent = await in_thread(make_agent)("ann", team)  # may work on chats, not see the reports
    editor = await in_thread(make_user)("eddy", "Editor")
    for user in (agent.user, editor):
        connected, code = await (await socket_of(user)).connect()
        assert (connected, code) == (False, 4403)
    anonymous = WebsocketCommunicator(application, "/ws/wallboard/", headers=[ORIGIN])
    assert await anonymous.connect() == (False, 4403)


async def test_a_screen_whose_person_loses_the_reports_is_signed_out_at_the_next_check(hub, team):
    sam = await in_thread(make_user)("sam", "Supervisor")
    screen = await wallboard(sam)
    await figures_until(screen)
    await in_thread(sam.groups.set)([await in_thread(Group.objects.get)(name="Agent")])
    await live.feed().check_screens()
    assert await screen.receive_json_from(timeout=5) == {"type": "signed-out"}
    assert (await screen.receive_output(timeout=5))["code"] == 4401


def test_the_figures_url_still_answers_for_the_fallback(db):
    supervisor, agent = Client(), Client()
    supervisor.force_login(make_user("sam", "Supervisor"))
    agent.force_login(make_user("ann", "Agent"))
    figures = supervisor.get("/console/reports/wallboard/figures").json()
    assert set(figures) == {
        "at",
        "offered",
        "answered",
        "abandoned",
        "service_level",
        "longest_wait",
        "agents_available",
    }
    assert agent.get("/console/reports/wallboard/figures").status_code == 403
    page = supervisor.get("/console/reports/wallboard/").content.decode()
    assert 'data-socket="/ws/wallboard/"' in page and 'role="status"' in page


def test_a_screen_that_comes_later_gets_the_latest_frame_with_the_longest_wait_grown_since():
    made = datetime.datetime(2026, 11, 30, 10, 0, 0, tzinfo=datetime.UTC)
    frame = {"type": "wallboard", "at": made.isoformat(), "offered": 3, "longest_wait": 44}
    with mock.patch("django.utils.timezone.now", return_value=made + datetime.timedelta(seconds=30.7)):
        assert live.Feed.caught_up(frame) == {**frame, "at": "2026-11-30T10:00:30.700000+00:00", "longest_wait": 74}
        assert live.Feed.caught_up({**frame, "longest_wait": None})["longest_wait"] is None


def test_between_boards_the_screens_follow_the_queues_and_the_agents_statuses():
    class Screen:
        def __init__(self) -> None:
            self.frames: list[dict] = []

        def push(self, frame, encoded=None):
            self.frames.append(frame)

    feed, screen = live.Feed(), Screen()
    feed.screens.add(screen)
    feed.counts = {"offered": 3}
    ann = {"id": 4, "name": "Ann", "status": "available", "since": None, "capacity": 2, "connected": True}
    feed.push({"type": "board", "teams": [{"id": 1, "waiting": 0, "oldest": None}], "agents": [ann], "chats": []})
    assert (screen.frames[-1]["agents_available"], screen.frames[-1]["longest_wait"]) == (1, None)
    feed.push({"type": "colleague", "agent": {**ann, "status": "away", "since": "2026-12-01T10:00:00+00:00"}})
    assert screen.frames[-1]["agents_available"] == 0
    feed.push({"type": "queues", "queues": {"1": {"waiting": 1, "oldest": 1000.0, "estimate": None}}})
    assert screen.frames[-1]["longest_wait"] > 0 and len(screen.frames) == 3
    feed.push({"type": "queues", "queues": {"2": {"waiting": 1, "oldest": 50.0, "estimate": None}}})  # not a team
    assert len(screen.frames) == 3  # of the board: nothing changed
