"""Each process's picture of a queue, rebuilt from events: the same whatever the order or repetition; and what the
hub passes on of it to consoles and boards."""

import asyncio
import itertools
import time

from loket.chat import hub as hub_module
from loket.chat.hub import Hub, TeamQueue


class Link:
    """A connection as the hub sees it: what was pushed to it, in order."""

    def __init__(self, agent_id: int = 0, supervisor: bool = False) -> None:
        self.agent_id, self.supervisor = agent_id, supervisor
        self.frames: list[dict] = []

    def push(self, frame, encoded=None):
        self.frames.append(frame)


def ready_hub() -> Hub:
    """A hub with its queues loaded and team 1's service rate known (none yet: no estimate), so nothing it does
    goes to the database."""
    hub = Hub(asyncio.get_running_loop())
    hub.rates[1] = (time.monotonic(), None)
    hub.ready.set()
    return hub


def test_positions_come_from_the_tickets_ahead():
    queue = TeamQueue()
    for ticket, entry in ((10, 1), (12, 2), (15, 3)):
        queue.join(ticket, entry, 0.0)
    assert [queue.position(t) for t in (10, 12, 15, 99)] == [1, 2, 3, None]
    queue.leave(10, 1)
    assert [queue.position(t) for t in (12, 15)] == [1, 2]
    queue.join(11, 4, 0.0)  # back from an agent who dropped: an old ticket goes in ahead
    assert [queue.position(t) for t in (11, 12, 15)] == [1, 2, 3]


def test_events_applied_twice_or_in_any_order_give_the_same_queue():
    events = [("join", 10, 1), ("join", 12, 2), ("leave", 10, 1), ("join", 10, 3), ("leave", 12, 2)]
    outcomes = set()
    for order in itertools.permutations(events):
        queue = TeamQueue()
        for kind, ticket, entry in [*order, *order]:  # every event twice
            queue.join(ticket, entry, 0.0) if kind == "join" else queue.leave(ticket, entry)
        outcomes.add(tuple(queue.entries))
    assert outcomes == {((10, 3),)}


async def test_what_the_hub_heard_during_a_resumes_read_is_kept_until_that_resume_asked():
    hub = Hub(asyncio.get_running_loop())
    event = {"kind": "conversation", "conversation": 7, "agent": None, "frame": {"type": "typing"}}
    early = hub.start_reading()
    hub.handle(event)
    late = hub.start_reading()
    assert hub.heard_since(7, early) and not hub.heard_since(7, late) and not hub.heard_since(8, early)
    hub._forget_heard()
    assert hub.heard_since(7, early)  # still asked about by the early resume
    hub.done_reading(early)
    hub._forget_heard()
    assert hub.heard == {} and not hub.heard_since(7, late)
    hub._tell_everyone({"type": "resync"})  # a gap in the subscription: any read under way may lack anything
    assert hub.heard_since(8, late)
    hub.done_reading(late)
    assert not hub.reading


async def test_a_board_made_before_a_change_does_not_take_it_back():
    """A board can arrive after the `queues` and `colleague` frames of changes it does not have yet (made in another
    process, or read before a status was stored): the process brings it up to what it heard."""
    hub = ready_hub()
    screen = Link()
    hub.watch_board(screen)
    hub.handle({"kind": "queue", "team": 1, "left": [], "joined": [[10, 1, 1000.0]]})
    away = {"id": 4, "name": "Ann", "status": "away", "capacity": 2, "since": "2026-12-01T10:00:05+00:00"}
    hub.handle({"kind": "agent", "agent": 4, "frame": {"type": "agent", "agent": away}, "colleague": away})
    assert screen.frames[-1] == {"type": "colleague", "agent": away}
    old = {
        "type": "board", "at": "2026-12-01T10:00:04+00:00",
        "teams": [{"id": 1, "name": "A", "waiting": 0, "oldest": None, "estimate": None}, {"id": 2, "name": "B"}],
        "agents": [{"id": 4, "name": "Ann", "status": "available", "since": "2026-12-01T09:00:00+00:00",
                    "capacity": 1, "open": 0}],
        "chats": [],
    }  # fmt: skip
    hub.handle({"kind": "board", "frame": old})
    board = screen.frames[-1]
    assert board["teams"] == [
        {"id": 1, "name": "A", "waiting": 1, "oldest": 1000.0, "estimate": None},
        {"id": 2, "name": "B"},  # no queue heard of: as the board says
    ]
    assert board["agents"] == [{**old["agents"][0], "status": "away", "since": away["since"], "capacity": 2}]
    later = {**old["agents"][0], "since": "2026-12-01T10:00:09.5+00:00"}  # she came back before this board was made
    hub.handle({"kind": "board", "frame": {**old, "agents": [later]}})
    assert screen.frames[-1]["agents"] == [later]
    for task in hub.tasks:
        task.cancel()


async def test_agents_get_the_queues_at_most_once_a_second_supervisors_at_every_change(monkeypatch):
    """Agents' inboxes show counts: with many agents and busy queues, a frame per change to each was most of what
    their consoles cost. A supervisor's board shows every change."""
    monkeypatch.setattr(hub_module, "QUEUES_EVERY", 3600.0)  # after the first frame, the next is not due in this test
    hub = ready_hub()
    agent, supervisor = Link(1), Link(2, supervisor=True)
    hub.consoles = {1: {agent}, 2: {supervisor}}  # (as add_console keeps them, without the board)
    for ticket in (10, 11, 12):
        hub.handle({"kind": "queue", "team": 1, "left": [], "joined": [[ticket, ticket, 1000.0]]})
        await asyncio.sleep(hub_module.FLUSH_DELAY * 3)  # each change flushed on its own
    assert [f["queues"]["1"]["waiting"] for f in supervisor.frames] == [1, 2, 3]
    assert [f["queues"]["1"]["waiting"] for f in agent.frames] == [1]  # the first at once; the next not yet due
    for task in hub.tasks:
        task.cancel()  # the agents' next frame, waiting for its time
    await asyncio.sleep(0)
    assert not hub.agents_summaries_due
    monkeypatch.setattr(hub_module, "QUEUES_EVERY", 0.0)
    await hub._summaries_to_agents()  # when it is due: the queues as they are then
    assert [f["queues"]["1"]["waiting"] for f in agent.frames] == [1, 3]


async def test_a_board_that_caught_a_passing_visitor_is_followed_by_the_queue_without_them():
    """A visitor taken within a flush of joining changes no `queues` frame; a board made meanwhile shows them
    waiting, and the next `queues` frame must put that right rather than leave it to the next board."""
    hub = ready_hub()
    supervisor = Link(2, supervisor=True)
    hub.consoles = {2: {supervisor}}
    hub.supervisors = {supervisor}
    hub.handle({"kind": "queue", "team": 1, "left": [], "joined": [[10, 10, 1000.0]]})
    hub.handle({"kind": "queue", "team": 1, "left": [[10, 10]], "joined": []})
    await asyncio.sleep(hub_module.FLUSH_DELAY * 3)
    assert [f["queues"]["1"]["waiting"] for f in supervisor.frames] == [0]
    hub.handle({"kind": "queue", "team": 1, "left": [], "joined": [[11, 11, 1001.0]]})  # joins ...
    board = {"type": "board", "at": "…", "teams": [{"id": 1, "name": "A"}], "agents": [], "chats": []}
    hub.handle({"kind": "board", "frame": board})  # ... is on a board ...
    hub.handle({"kind": "queue", "team": 1, "left": [[11, 11]], "joined": []})  # ... and is taken, in one flush
    await asyncio.sleep(hub_module.FLUSH_DELAY * 3)
    assert supervisor.frames[-2]["teams"][0]["waiting"] == 1
    empty = {"waiting": 0, "oldest": None, "estimate": None}
    assert supervisor.frames[-1] == {"type": "queues", "queues": {"1": empty}}
    for task in hub.tasks:
        task.cancel()
