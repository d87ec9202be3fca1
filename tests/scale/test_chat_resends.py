"""A client that resends a message it got no ack for may reach another process than the first time (a reconnect
behind a load balancer). The same `client_id` sent to two `loket web` processes at the same moment is stored once,
both are acknowledged with its number, and the numbers stay without gaps."""

import asyncio
import concurrent.futures
import json

from tests.scale.clients import MESSAGES, SETUP, Client, start_chat
from tests.scale.conftest import web_processes
from tests.services import run_python

ROUNDS = 25


def test_one_message_sent_to_two_processes_at_once_is_stored_once(database, tmp_path):
    env = {
        "DATABASE_URL": database, "LOKET_VAR_DIR": str(tmp_path), "LOKET_RATE_LIMITS": "chat-message=1000/60",
    }  # fmt: skip
    setup = run_python(SETUP, env, tmp_path)
    assert setup.returncode == 0, setup.stderr
    _session, topic = setup.stdout.split()
    with web_processes(env, "one", "two") as servers:
        ports = [servers["one"][0], servers["two"][0]]
        chat = start_chat(ports[0], int(topic), "Bezoeker")
        # In a thread of its own: the browser tests' Playwright keeps an event loop running in the main thread.
        with concurrent.futures.ThreadPoolExecutor(1) as runner:
            acks = runner.submit(asyncio.run, _twice(ports, chat)).result()
    for first, second in acks:
        assert first["type"] == second["type"] == "ack", (first, second)
        assert first["seq"] == second["seq"]
    stored = run_python(MESSAGES.format(id=chat["conversation"]), env, tmp_path)
    seqs, client_ids = (json.loads(line) for line in stored.stdout.splitlines())
    assert sorted(client_ids) == sorted(f"m{n}" for n in range(ROUNDS))  # each once
    assert seqs == list(range(1, len(seqs) + 1))  # no number lost to a resend
    assert [first["seq"] for first, _ in acks] == sorted(first["seq"] for first, _ in acks)


async def _twice(ports: list[int], chat: dict) -> list[tuple[dict, dict]]:
    clients = [await Client(port, "/ws/chat/nl/").open() for port in ports]
    for client in clients:
        await client.send({"type": "resume", "token": chat["token"], "last_seq": 0})
        await client.wait_for(lambda f: f["type"] == "state")
    acks = []
    for n in range(ROUNDS):
        frame = {"type": "message", "text": f"vraag {n}", "client_id": f"m{n}"}
        await asyncio.gather(*(client.send(frame) for client in clients))
        answers = await asyncio.gather(
            *(client.wait_for(lambda f, n=n: f.get("client_id", f.get("ref")) == f"m{n}")
              for client in clients)
        )  # fmt: skip
        acks.append((answers[0], answers[1]))
    for client in clients:
        await client.socket.close()
    return acks
