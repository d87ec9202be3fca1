"""The console's live side over the real ASGI application: supervision, the board, cases and colleagues arriving
without a reload, and frames about chats that are not yours."""

import pytest
from django.test import Client

from loket.chat import hub as chat_hub
from loket.chat.models import Agent, Conversation, Team
from loket.contact import actions as contact_actions
from loket.contact.models import Case, Topic
from loket.db import in_thread
from tests.chat.conftest import enqueue_visitor, make_agent, make_supervisor
from tests.chat.test_consumers import agent_console, frames_until, visitor

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def teams(transactional_db):
    housing, taxes = (
        Team.objects.create(name_nl="Wonen", name_en="Housing"),
        Team.objects.create(name_nl="Belastingen", name_en="Taxes", sort_order=1),
    )
    topic = Topic.objects.create(name_nl="Premie", name_en="Grant")
    housing.topics.add(topic)
    other = Topic.objects.create(name_nl="Aanslag", name_en="Assessment")
    taxes.topics.add(other)
    return housing, taxes, topic, other


async def hello(agent: Agent):
    console = await agent_console(agent)
    first = await console.receive_json_from()
    assert first["type"] == "hello"
    return console, first


async def drain(socket) -> list[dict]:
    """Every frame that has arrived so far."""
    seen = []
    while not await socket.receive_nothing(timeout=0.2):
        seen.append(await socket.receive_json_from())
    return seen


async def still_open(console) -> None:
    await console.send_json_to({"type": "ping"})
    assert (await frames_until(console, "pong"))[-1] == {"type": "pong"}


async def test_a_supervisor_watches_a_chat_without_the_visitor_being_told(hub, teams):
    housing, _, topic, _ = teams
    ann = await in_thread(make_agent)("ann", housing)
    sam = await in_thread(make_supervisor)("sam", housing)
    chat = await in_thread(enqueue_visitor)(topic, "Vera", text="Hallo")
    socket, state = await visitor(chat.token)
    assert state["status"] == "active"
    await drain(socket)
    supervisor, greeting = await hello(sam)
    assert greeting["supervisor"] is True
    await supervisor.send_json_to({"type": "watch", "conversation": chat.pk})
    watching = (await frames_until(supervisor, "watching"))[-1]
    assert watching["details"]["visitor_name"] == "Vera"
    assert next(m["text"] for m in watching["messages"]) == "Hallo"
    await supervisor.send_json_to({"type": "note", "conversation": chat.pk, "text": "Let op", "client_id": "n1"})
    assert (await frames_until(supervisor, "ack"))[-1]["note"] > 0
    assert (await frames_until(supervisor, "note"))[-1]["text"] == "Let op"
    assert await drain(socket) == []  # the visitor hears nothing of the watching, nor of the note

    await socket.send_json_to({"type": "message", "text": "Nog een vraag", "client_id": "v2"})
    said = [f for f in await frames_until(supervisor, "message") if f["type"] == "message"][-1]
    assert said["text"] == "Nog een vraag"
    ann_console, ann_hello = await hello(ann)
    assert [n["text"] for n in ann_hello["conversations"][0]["notes"]] == ["Let op"]

    await supervisor.send_json_to({"type": "take", "conversation": chat.pk})
    assert (await frames_until(supervisor, "started"))[-1]["conversation"] == chat.pk
    assert (await frames_until(ann_console, "removed"))[-1]["conversation"] == chat.pk
    assert "Sam" in (await frames_until(socket, "started"))[-1]["agent_name"]
    for connection in (socket, supervisor, ann_console):
        await connection.disconnect()


async def test_agents_may_not_supervise_and_their_console_stays(hub, teams):
    housing, _, topic, _ = teams
    ann = await in_thread(make_agent)("ann", housing)
    bob = await in_thread(make_agent)("bob", housing)
    chat = await in_thread(enqueue_visitor)(topic, "Vera")
    assert chat.agent_id == ann.pk
    console, greeting = await hello(bob)
    assert greeting["supervisor"] is False
    for frame in (
        {"type": "watch", "conversation": chat.pk},
        {"type": "join", "conversation": chat.pk},
        {"type": "take", "conversation": chat.pk},
        {"type": "set-status", "agent": ann.pk, "status": "away", "reason": "x"},
    ):
        await console.send_json_to(frame)
        assert (await frames_until(console, "error"))[-1]["code"] == "not-allowed"
    for frame in (  # someone else's chat, or none at all: an error frame, and the console goes on
        {"type": "message", "conversation": chat.pk, "text": "Hallo", "client_id": "b1"},
        {"type": "resume", "conversation": chat.pk, "last_seq": 0},
        {"type": "close", "conversation": chat.pk},
        {"type": "note", "conversation": chat.pk, "text": "x", "client_id": "b2"},
        {"type": "context", "conversation": chat.pk},
        {"type": "message", "conversation": 2_000_000_000, "text": "Hallo", "client_id": "b3"},
        {"type": "resume", "conversation": 2_000_000_000, "last_seq": 0},
        {"type": "transfer", "conversation": 2_000_000_000, "team": housing.pk},
        {"type": "context", "case": "2026-999999"},
    ):
        await console.send_json_to(frame)
        error = (await frames_until(console, "error"))[-1]
        assert error["code"] in ("not-yours", "unknown-case"), frame
    await still_open(console)
    await console.disconnect()


async def test_the_board_follows_the_queue_and_statuses(hub, teams, monkeypatch):
    """A queue's or an agent's change reaches a supervisor at once (`queues`, `colleague`); the next board agrees."""
    monkeypatch.setattr(chat_hub, "BOARD_QUIET_EVERY", 0.5)
    housing, _, topic, _ = teams
    ann = await in_thread(make_agent)("ann", housing, status=Agent.Status.AWAY)
    sam = await in_thread(make_supervisor)("sam", housing)
    supervisor, _ = await hello(sam)
    board = (await frames_until(supervisor, "board"))[-1]
    [team] = [t for t in board["teams"] if t["id"] == housing.pk]
    assert team["waiting"] == 0
    await in_thread(enqueue_visitor)(topic, "Vera")
    summary = (await frames_until(supervisor, "queues"))[-1]["queues"][str(housing.pk)]
    assert summary["waiting"] == 1 and summary["oldest"] is not None
    assert summary["estimate"] is None  # Ann is away: no basis for an estimate yet
    while team["waiting"] != 1:
        board = (await frames_until(supervisor, "board"))[-1]
        [team] = [t for t in board["teams"] if t["id"] == housing.pk]
    assert team == {"id": housing.pk, "name": "Wonen", **summary}

    agent_console_, _ = await hello(ann)
    await supervisor.send_json_to({"type": "set-status", "agent": ann.pk, "status": "offline", "reason": "Weg"})
    told = (await frames_until(agent_console_, "agent"))[-1]
    assert (told["agent"]["status"], told["by"], told["reason"]) == ("offline", "Sam", "Weg")
    colleague = (await frames_until(supervisor, "colleague"))[-1]
    assert colleague["agent"] == told["agent"]
    while True:
        board = (await frames_until(supervisor, "board"))[-1]
        [row] = [a for a in board["agents"] if a["id"] == ann.pk]
        if row["status"] == "offline":
            break
    assert row["since"] == told["agent"]["since"]
    for connection in (supervisor, agent_console_):
        await connection.disconnect()


async def test_a_colleagues_status_change_reaches_the_other_consoles(hub, teams):
    housing, _, _, _ = teams
    ann = await in_thread(make_agent)("ann", housing)
    bob = await in_thread(make_agent)("bob", housing)
    ann_console, _ = await hello(ann)
    bob_console, _ = await hello(bob)
    await ann_console.send_json_to({"type": "status", "status": "away"})
    colleague = (await frames_until(bob_console, "colleague"))[-1]
    assert (colleague["agent"]["id"], colleague["agent"]["status"]) == (ann.pk, "away")
    for connection in (ann_console, bob_console):
        await connection.disconnect()


async def test_a_case_from_the_email_form_reaches_the_open_consoles_of_its_team(hub, teams):
    housing, taxes, topic, _other = teams
    ann = await in_thread(make_agent)("ann", housing, status=Agent.Status.OFFLINE)
    tom = await in_thread(make_agent)("tom", taxes, status=Agent.Status.OFFLINE)
    sam = await in_thread(make_supervisor)("sam", taxes)
    consoles = {name: (await hello(agent))[0] for name, agent in (("ann", ann), ("tom", tom), ("sam", sam))}
    response = await in_thread(Client().post)(
        "/contact/email/",
        {"email": "vera@example.org", "name": "Vera", "topic": topic.pk, "subject": "Premie", "message": "Hoe?"},
    )
    assert response.status_code == 302
    case = await in_thread(Case.objects.get)()
    for name in ("ann", "sam"):  # the topic's team, and every supervisor
        frame = (await frames_until(consoles[name], "case"))[-1]
        assert (frame["change"], frame["case"]["reference"], frame["case"]["status"]) == (
            "created",
            case.reference,
            "new",
        )
    assert await consoles["tom"].receive_nothing(timeout=0.3)  # another team's agent: not theirs

    await in_thread(contact_actions.update_case)(case=case, status=Case.Status.OPEN, assignee=tom.user)
    frame = (await frames_until(consoles["ann"], "case"))[-1]
    assert (frame["change"], frame["case"]["status"], frame["case"]["assignee"]["name"]) == ("updated", "open", "Tom")
    for connection in consoles.values():
        await connection.disconnect()


async def test_context_lists_earlier_cases_and_chats_from_the_same_address(hub, teams):
    housing, _, topic, _ = teams
    ann = await in_thread(make_agent)("ann", housing)
    earlier = await in_thread(contact_actions.submit_email_question)(
        email="Vera@Example.org", name="Vera", topic=topic, subject="Vorige vraag", message="…", language="nl"
    )
    chat = await in_thread(enqueue_visitor)(topic, "Vera", visitor_email="vera@example.org")
    console, greeting = await hello(ann)
    assert greeting["conversations"][0]["visitor_email"] == "vera@example.org"
    assert [c["reference"] for c in greeting["cases"]] == [earlier.reference]
    await console.send_json_to({"type": "context", "conversation": chat.pk})
    context = (await frames_until(console, "context"))[-1]
    assert [c["reference"] for c in context["cases"]] == [earlier.reference] and context["conversations"] == []
    await console.send_json_to({"type": "context", "case": earlier.reference})
    context = (await frames_until(console, "context"))[-1]
    assert context["cases"] == [] and [c["id"] for c in context["conversations"]] == [chat.pk]
    await console.disconnect()


async def test_a_joined_supervisor_writes_in_the_chat(hub, teams):
    housing, _, topic, _ = teams
    await in_thread(make_agent)("ann", housing)
    sam = await in_thread(make_supervisor)("sam", housing)
    chat = await in_thread(enqueue_visitor)(topic, "Vera")
    socket, _ = await visitor(chat.token)
    await drain(socket)
    supervisor, _ = await hello(sam)
    await supervisor.send_json_to({"type": "join", "conversation": chat.pk})
    await frames_until(supervisor, "watching")
    joined = [f for f in await frames_until(socket, "message") if f["type"] == "message"][-1]
    assert joined["author"] == "system" and "Sam" in joined["text"]
    await supervisor.send_json_to(
        {"type": "message", "conversation": chat.pk, "text": "Ik help mee", "client_id": "s1"}
    )
    assert (await frames_until(supervisor, "ack"))[-1]["seq"] > 0
    said = [f for f in await frames_until(socket, "message") if f["type"] == "message"][-1]
    assert (said["text"], said["name"]) == ("Ik help mee", "Sam")
    assert (await in_thread(Conversation.objects.get)(pk=chat.pk)).status == "active"
    for connection in (socket, supervisor):
        await connection.disconnect()


async def test_a_refused_join_leaves_an_earlier_watch_in_place(hub, teams):
    housing, _, topic, _ = teams
    await in_thread(make_agent)("ann", housing, status=Agent.Status.AWAY)
    sam = await in_thread(make_supervisor)("sam", housing)
    chat = await in_thread(enqueue_visitor)(topic, "Vera")  # waiting: watchable, not joinable
    socket, _ = await visitor(chat.token)
    supervisor, _ = await hello(sam)
    await supervisor.send_json_to({"type": "watch", "conversation": chat.pk})
    await frames_until(supervisor, "watching")
    await supervisor.send_json_to({"type": "join", "conversation": chat.pk})
    assert (await frames_until(supervisor, "error"))[-1]["code"] == "not-started"
    await socket.send_json_to({"type": "message", "text": "Is er iemand?", "client_id": "v1"})
    said = [f for f in await frames_until(supervisor, "message") if f["type"] == "message"][-1]
    assert said["text"] == "Is er iemand?"
    for connection in (socket, supervisor):
        await connection.disconnect()


async def test_a_supervisor_whose_role_was_taken_elsewhere_is_refused_at_once(hub, teams):
    """Without Redis a `loket staff set-roles` in another process sends no event: the database is asked."""
    housing, _, topic, _ = teams
    sam = await in_thread(make_supervisor)("sam", housing)
    await in_thread(make_agent)("ann", housing)
    chat = await in_thread(enqueue_visitor)(topic, "Vera")
    supervisor, _ = await hello(sam)

    def demote() -> None:
        from django.contrib.auth.models import Group

        sam.user.groups.set([Group.objects.get(name="Agent")])

    await in_thread(demote)()
    await supervisor.send_json_to({"type": "watch", "conversation": chat.pk})
    assert (await frames_until(supervisor, "error"))[-1]["code"] == "not-allowed"
    await supervisor.disconnect()


async def test_without_redis_a_change_made_elsewhere_reaches_the_clients_at_the_next_heartbeat(hub, teams, settings):
    settings.REDIS_URL = ""
    housing, _, topic, _ = teams
    await in_thread(make_agent)("ann", housing, status=Agent.Status.AWAY)
    chat = await in_thread(enqueue_visitor)(topic, "Vera")
    socket, _ = await visitor(chat.token)
    await drain(socket)

    def elsewhere() -> None:  # as another process would: written, but no event reaches this one
        from loket.chat.models import QueueEntry

        QueueEntry.objects.filter(conversation=chat).update(ticket=chat.pk + 1000)

    await in_thread(elsewhere)()
    await hub._catch_up()
    assert (await frames_until(socket, "resync"))[-1] == {"type": "resync"}
    assert hub.queues[housing.pk].entries[0][0] == chat.pk + 1000
    await socket.disconnect()
