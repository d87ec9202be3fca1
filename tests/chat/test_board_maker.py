"""One board for every supervisor, whatever process they are connected to: with Redis one process makes it and the
others only pass it on; without Redis, or with Redis gone, each process makes its own."""

import asyncio
from typing import Any

import pytest

from loket.chat import hub as chat_hub
from loket.chat.models import Agent, Team
from loket.contact.models import Topic
from loket.db import in_thread
from tests.chat.conftest import enqueue_visitor, make_agent
from tests.services import free_port, private_redis

pytestmark = pytest.mark.django_db(transaction=True)


class Supervisor:
    """A supervisor's console as the hub sees it."""

    def __init__(self, agent_id: int) -> None:
        self.agent_id, self.team_ids, self.supervisor = agent_id, frozenset(), True
        self.frames: list[dict[str, Any]] = []
        self.arrived = asyncio.Event()

    def push(self, frame: dict[str, Any], encoded: str | None = None) -> None:
        self.frames.append(frame)
        self.arrived.set()

    def boards(self) -> list[dict[str, Any]]:
        return [frame for frame in self.frames if frame["type"] == "board"]

    async def board_where(self, test) -> dict[str, Any]:
        while True:
            for board in self.boards():
                if test(board):
                    return board
            self.arrived.clear()
            await asyncio.wait_for(self.arrived.wait(), 10)


def waiting(board: dict[str, Any], team: Team) -> int:
    return next(row["waiting"] for row in board["teams"] if row["id"] == team.pk)


@pytest.fixture(autouse=True)
def boards_for_queues(monkeypatch):
    """A queue change brings a board in a second, as a chat's does (not five): these tests change only queues."""
    monkeypatch.setattr(chat_hub, "BOARD_QUIET_EVERY", chat_hub.BOARD_EVERY)


@pytest.fixture
def made(monkeypatch) -> list[str]:
    """The `at` of every board made, in any hub of this test."""
    made: list[str] = []
    real = chat_hub.Hub._board

    async def counted(self):
        frame = await real(self)
        made.append(frame["at"])
        return frame

    monkeypatch.setattr(chat_hub.Hub, "_board", counted)
    return made


@pytest.fixture
def team(transactional_db) -> tuple[Team, Topic]:
    team = Team.objects.create(name_nl="Wonen", name_en="Housing")
    topic = Topic.objects.create(name_nl="Premie", name_en="Grant")
    team.topics.add(topic)
    make_agent("ann", team, status=Agent.Status.AWAY)  # present: visitors may queue, nobody is served
    return team, topic


async def started(*hubs: chat_hub.Hub) -> None:
    for hub in hubs:
        await hub.start()
    for hub in hubs:
        await asyncio.wait_for(hub.ready.wait(), 10)


async def test_with_redis_one_process_makes_the_board_for_the_supervisors_of_all(settings, team, made):
    team, topic = team
    with private_redis() as url:
        settings.REDIS_URL = url
        loop = asyncio.get_running_loop()
        one, two = chat_hub.Hub(loop), chat_hub.Hub(loop)  # two processes' hubs, as Redis sees them
        await started(one, two)
        try:
            ann, bob = Supervisor(1), Supervisor(2)
            one.add_console(ann)
            two.add_console(bob)
            for visitor in ("Vera", "Wim", "Xan"):
                await in_thread(enqueue_visitor)(topic, visitor)
            shown = [await supervisor.board_where(lambda b: waiting(b, team) == 3) for supervisor in (ann, bob)]
            assert shown[0]["at"] == shown[1]["at"]  # the same board, made once
            seen = {board["at"] for supervisor in (ann, bob) for board in supervisor.boards()}
            assert len(made) == len(seen)  # every board made reached both; none was made twice

            # The maker's last supervisor goes: the other process takes over at the next change.
            holder = (await one._redis().get(chat_hub.BOARD_MAKER)).decode()
            maker, other, watcher = (one, two, bob) if holder == one.token else (two, one, ann)
            assert holder == maker.token
            maker.remove_console(ann if maker is one else bob)
            await asyncio.sleep(0.1)  # its resignation reaches Redis
            await in_thread(enqueue_visitor)(topic, "Yara")
            board = await watcher.board_where(lambda b: waiting(b, team) == 4)
            assert board["at"] in made and other.board == board
            assert (await one._redis().get(chat_hub.BOARD_MAKER)).decode() == other.token
        finally:
            await one.stop()
            await two.stop()


async def test_a_supervisor_who_arrives_gets_the_last_board_at_once(settings, team, made):
    team, topic = team
    with private_redis() as url:
        settings.REDIS_URL = url
        loop = asyncio.get_running_loop()
        one, two = chat_hub.Hub(loop), chat_hub.Hub(loop)
        await started(one, two)
        try:
            ann = Supervisor(1)
            one.add_console(ann)
            await in_thread(enqueue_visitor)(topic, "Vera")
            await ann.board_where(lambda b: waiting(b, team) == 1)
            await asyncio.sleep(0.2)  # the board reached the other hub too
            bob = Supervisor(2)
            two.add_console(bob)
            assert bob.boards() and waiting(bob.boards()[0], team) == 1  # before anything else happens
        finally:
            await one.stop()
            await two.stop()


async def test_with_redis_gone_each_process_makes_its_own_board(settings, team, made):
    team, topic = team
    settings.REDIS_URL = f"redis://127.0.0.1:{free_port()}/0"  # nobody listens there
    loop = asyncio.get_running_loop()
    hub = chat_hub._hubs[loop] = chat_hub.Hub(loop)  # where an unpublished event is delivered
    await hub._load()  # what the subscription would do once it worked
    hub.tasks.append(asyncio.get_running_loop().create_task(hub._boards()))
    try:
        ann = Supervisor(1)
        hub.add_console(ann)
        await in_thread(enqueue_visitor)(topic, "Vera")  # its event, unpublished, is delivered here
        board = await ann.board_where(lambda b: waiting(b, team) == 1)
        assert board["at"] in made
    finally:
        await hub.stop()
