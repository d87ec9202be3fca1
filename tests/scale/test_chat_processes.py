"""Two real server processes on PostgreSQL and Redis: a visitor on one, the agent on the other; then one dies."""

import asyncio
import concurrent.futures
import json
import signal
from pathlib import Path

import pytest
from websockets.exceptions import ConnectionClosed

from tests.scale.clients import MESSAGES, SETUP, Client, start_chat
from tests.scale.conftest import web_processes
from tests.services import private_redis, run_python


@pytest.fixture
def cluster(database, tmp_path):
    with private_redis() as redis_url:
        env = {"DATABASE_URL": database, "REDIS_URL": redis_url, "LOKET_VAR_DIR": str(tmp_path)}
        setup = run_python(SETUP, env, tmp_path)
        assert setup.returncode == 0, setup.stderr
        session, topic = setup.stdout.split()
        with web_processes({**env, "LOKET_CHAT_HEARTBEAT": "1"}, "one", "two") as servers:
            yield {"servers": servers, "session": session, "topic": int(topic), "env": env, "folder": tmp_path}


def test_positions_and_messages_survive_across_processes_and_the_loss_of_one(cluster):
    one, two = cluster["servers"]["one"][0], cluster["servers"]["two"][0]
    topic = cluster["topic"]
    # In a thread of its own: the browser tests' Playwright keeps an event loop running in the main thread.
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, _scenario(cluster, one, two, topic)).result()


async def _scenario(cluster, one, two, topic):
    agent = await Client(two, "/ws/console/", f"sessionid={cluster['session']}").open()
    assert (await agent.wait_for(lambda f: True))["type"] == "hello"
    chats = [start_chat(one, topic, name) for name in ("Amal", "Bert", "Cas")]
    amal = await Client(one, "/ws/chat/nl/").open()
    bert = await Client(two, "/ws/chat/nl/").open()
    cas = await Client(one, "/ws/chat/nl/").open()
    for client, chat in zip((amal, bert, cas), chats, strict=True):
        await client.send({"type": "resume", "token": chat["token"], "last_seq": 0})
    await amal.wait_for(lambda f: f["type"] == "state")  # joined: a chat that starts from now on says so in a frame
    await bert.position(2)
    await cas.position(3)

    await agent.send({"type": "status", "status": "available", "capacity": 1})
    await amal.wait_for(lambda f: f["type"] == "started")
    await bert.position(1)  # on the other process than the one that served Amal
    await cas.position(2)

    acked = []
    for number in range(3):
        await amal.send({"type": "message", "text": f"vraag {number}", "client_id": f"amal-{number}"})
        acked.append((await amal.wait_for(lambda f: f["type"] == "ack"))["client_id"])
    await agent.wait_for(lambda f: f["type"] == "message" and f.get("client_id") == "amal-2")
    await agent.send(
        {"type": "message", "conversation": chats[0]["conversation"], "text": "Ik kijk het na", "client_id": "ann-0"}
    )
    await amal.wait_for(lambda f: f["type"] == "message" and f["text"] == "Ik kijk het na")
    last_seen = max(f["seq"] for f in amal.frames if f["type"] == "message")

    _, process_one = cluster["servers"]["one"]
    process_one.send_signal(signal.SIGKILL)  # mid-chat: Amal's and Cas's process is gone
    process_one.wait(10)
    with pytest.raises(ConnectionClosed):
        await amal.wait_for(lambda f: False, timeout=5)
    await agent.send(
        {"type": "message", "conversation": chats[0]["conversation"], "text": "Bent u er nog?", "client_id": "ann-1"}
    )
    await agent.wait_for(lambda f: f["type"] == "ack" and f["client_id"] == "ann-1")

    # The clients reconnect, through the load balancer, to the process that is left.
    amal = await Client(two, "/ws/chat/nl/").open()
    await amal.send({"type": "resume", "token": chats[0]["token"], "last_seq": last_seen})
    state = await amal.wait_for(lambda f: f["type"] == "state")
    assert state["status"] == "active"
    missed = await amal.wait_for(lambda f: f["type"] == "message")
    assert (missed["seq"], missed["text"]) == (last_seen + 1, "Bent u er nog?")
    cas = await Client(two, "/ws/chat/nl/").open()
    await cas.send({"type": "resume", "token": chats[2]["token"], "last_seq": 0})
    await cas.position(2)
    await amal.send({"type": "message", "text": "Ja, nog hier", "client_id": "amal-3"})
    acked.append((await amal.wait_for(lambda f: f["type"] == "ack"))["client_id"])
    await agent.wait_for(lambda f: f["type"] == "message" and f.get("client_id") == "amal-3")

    stored = run_python(
        MESSAGES.replace("{id}", str(chats[0]["conversation"])), cluster["env"], Path(cluster["folder"])
    )
    seqs, client_ids = (json.loads(line) for line in stored.stdout.splitlines())
    assert seqs == list(range(1, len(seqs) + 1))  # numbered without gaps or doubles
    assert set(acked) <= set(client_ids)  # nothing acknowledged was lost
    for client in (agent, amal, bert, cas):
        await client.socket.close()
