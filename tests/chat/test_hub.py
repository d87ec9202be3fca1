"""Each process's picture of a queue, rebuilt from events: the same whatever the order or repetition."""

import asyncio
import itertools

from loket.chat.hub import Hub, TeamQueue


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
