"""Redis stopped for 10 s and started again under two `loket web` processes with chats going on: every client is
told to resync, nothing acknowledged before or during the outage is lost or stored twice, and positions are right
afterwards (fault test of docs/operations.md, "Redis")."""

import asyncio
import concurrent.futures
import json
import time
from contextlib import ExitStack
from pathlib import Path

from tests.scale.clients import MESSAGES, SETUP, Client, start_chat
from tests.scale.conftest import web_processes
from tests.services import free_port, private_redis, run_python

OUTAGE = 10  # seconds


def test_a_redis_restart_costs_the_chats_nothing(database, tmp_path):
    port = free_port()
    with ExitStack() as stack:
        redis = ExitStack()
        redis_url = redis.enter_context(private_redis(port))
        env = {"DATABASE_URL": database, "REDIS_URL": redis_url, "LOKET_VAR_DIR": str(tmp_path)}
        setup = run_python(SETUP, env, tmp_path)
        assert setup.returncode == 0, setup.stderr
        session, topic = setup.stdout.split()
        servers = stack.enter_context(web_processes({**env, "LOKET_CHAT_HEARTBEAT": "1"}, "one", "two"))
        ports = {name: port for name, (port, _) in servers.items()}

        def stop_redis() -> None:
            redis.close()

        def start_redis() -> None:
            stack.enter_context(private_redis(port))

        with concurrent.futures.ThreadPoolExecutor(1) as pool:  # (Playwright's loop may hold the main thread)
            pool.submit(asyncio.run, _scenario(ports, session, int(topic), stop_redis, start_redis)).result()
        stored = run_python(MESSAGES.replace("{id}", str(_scenario.first_chat)), env, Path(tmp_path))
        seqs, client_ids = (json.loads(line) for line in stored.stdout.splitlines())
        assert seqs == list(range(1, len(seqs) + 1))  # numbered without gaps or doubles
        assert sorted(client_ids) == sorted(set(client_ids))  # nothing stored twice
        assert set(_scenario.acked) <= set(client_ids)  # nothing acknowledged was lost


def _last_shown(client: Client) -> int:
    """The highest seq a client written from the document shows: it skips a message more than one above what it
    showed (and resumes instead), so the first gap ends what it has."""
    seqs, last = _shown(client), 0
    while last + 1 in seqs:
        last += 1
    return last


def _shown(client: Client, conversation: int | None = None) -> set[int]:
    return {
        f["seq"]
        for f in client.frames
        if f["type"] == "message" and (conversation is None or f["conversation"] == conversation)
    }


async def _scenario(ports, session, topic, stop_redis, start_redis):
    one, two = ports["one"], ports["two"]
    agent = await Client(two, "/ws/console/", f"sessionid={session}").open()
    await agent.wait_for(lambda f: f["type"] == "hello")
    chats = [start_chat(one, topic, name) for name in ("Amal", "Bert", "Cas")]
    _scenario.first_chat = chats[0]["conversation"]
    amal, bert, cas = [await Client(port, "/ws/chat/nl/").open() for port in (one, one, two)]
    for client, chat in zip((amal, bert, cas), chats, strict=True):
        await client.send({"type": "resume", "token": chat["token"], "last_seq": 0})
        await client.wait_for(lambda f: f["type"] == "state")  # joined: what happens from now on comes as frames
    await agent.send({"type": "status", "status": "available", "capacity": 1})
    await amal.wait_for(lambda f: f["type"] == "started")
    await cas.position(2)
    acked = _scenario.acked = []

    async def say(client: Client, frame: dict) -> None:
        await client.send(frame)
        acked.append(
            (await client.wait_for(lambda f: f["type"] == "ack" and f["client_id"] == frame["client_id"]))["client_id"]
        )

    await say(amal, {"type": "message", "text": "voor", "client_id": "amal-0"})
    conversation = chats[0]["conversation"]

    stop_redis()
    down_since = time.monotonic()
    # During the outage: messages on both sides are stored and acknowledged, and Bert leaves the queue (Cas, on
    # the other process, only hears of it once Redis is back).
    await say(amal, {"type": "message", "text": "tijdens 1", "client_id": "amal-1"})
    await say(agent, {"type": "message", "conversation": conversation, "text": "antwoord", "client_id": "ann-1"})
    await say(amal, {"type": "message", "text": "tijdens 2", "client_id": "amal-2"})
    await bert.send({"type": "leave"})
    await bert.wait_for(lambda f: f["type"] == "ended")
    await asyncio.sleep(max(0.0, OUTAGE - (time.monotonic() - down_since)))
    start_redis()

    for client in (amal, cas, agent):  # told that events may have been missed...
        await client.wait_for(lambda f: f["type"] == "resync", timeout=30)
    await amal.send({"type": "resume", "token": chats[0]["token"], "last_seq": _last_shown(amal)})  # ...catch up
    await cas.send({"type": "resume", "token": chats[2]["token"], "last_seq": _last_shown(cas)})
    await agent.send({"type": "resume", "conversation": conversation, "last_seq": 0})
    await cas.position(1)  # Bert left during the outage: Cas moved up
    await say(amal, {"type": "message", "text": "na", "client_id": "amal-3"})
    await agent.wait_for(lambda f: f["type"] == "message" and f.get("client_id") == "amal-3", timeout=15)
    await amal.wait_for(lambda f: f["type"] == "message" and f.get("client_id") == "amal-3")
    every = set(range(1, max(_shown(amal)) + 1))
    assert _shown(amal) == every  # the visitor has every message (duplicates are ignored by seq, as documented)
    assert _shown(agent, conversation) == every  # and so has the agent, on the other process
    for client in (agent, amal, bert, cas):
        await client.socket.close()
