"""The chat's database threads and the connection pool together: a burst of chats, messages and pages larger than
the pool, on a real `loket web` over PostgreSQL, all completes (nothing waits for a connection that never comes)."""

import asyncio
import concurrent.futures
import json
import urllib.request

from tests.scale.clients import MESSAGES, SETUP, Client, start_chat
from tests.scale.conftest import web_processes
from tests.services import run_python

VISITORS = 40
EACH = 3  # messages per visitor, sent without waiting for the acks


def get(port: int, path: str) -> int:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=30) as response:
        return response.status


def test_a_burst_bigger_than_the_pool_completes(database, tmp_path):
    env = {
        "DATABASE_URL": database, "LOKET_VAR_DIR": str(tmp_path),
        "LOKET_DB_POOL_SIZE": "4",  # so 2 chat threads, and pages share the other connections
        "LOKET_RATE_LIMITS": "chat-start=1000/60,search=1000/60",  # all from one address
    }  # fmt: skip
    setup = run_python(SETUP, env, tmp_path)
    assert setup.returncode == 0, setup.stderr
    _session, topic = setup.stdout.split()
    with web_processes(env, "one") as servers:
        port = servers["one"][0]
        with concurrent.futures.ThreadPoolExecutor(24) as pool:
            chats = list(pool.map(lambda n: start_chat(port, int(topic), f"Bezoeker {n}"), range(VISITORS)))
            pages = [pool.submit(get, port, path) for path in ("/healthz", "/", "/zoeken/?q=melding") * 8]
            # In a thread of its own: the browser tests' Playwright keeps an event loop running in the main thread.
            with concurrent.futures.ThreadPoolExecutor(1) as runner:
                acks = runner.submit(asyncio.run, _burst(port, chats)).result()
            assert {page.result() for page in pages} == {200}
        assert sorted(acks) == sorted(f"{chat['conversation']}-{n}" for chat in chats for n in range(EACH))
        for chat in chats[:3]:
            stored = run_python(MESSAGES.format(id=chat["conversation"]), env, tmp_path)
            seqs, client_ids = (json.loads(line) for line in stored.stdout.splitlines())
            assert len(client_ids) == EACH and seqs == list(range(seqs[0], seqs[0] + len(seqs)))


async def _burst(port: int, chats: list[dict]) -> list[str]:
    async def one(chat: dict) -> list[str]:
        client = await Client(port, "/ws/chat/nl/").open()
        await client.send({"type": "resume", "token": chat["token"], "last_seq": 0})
        await client.wait_for(lambda f: f["type"] == "state", timeout=60)
        for n in range(EACH):
            await client.send({"type": "message", "text": f"vraag {n}", "client_id": f"{chat['conversation']}-{n}"})
        acked = []
        while len(acked) < EACH:
            frame = await client.wait_for(lambda f: f["type"] in ("ack", "error"), timeout=60)
            assert frame["type"] == "ack", frame
            acked.append(frame["client_id"])
        await client.socket.close()
        return acked

    results = await asyncio.gather(*(one(chat) for chat in chats))
    return [client_id for acked in results for client_id in acked]
