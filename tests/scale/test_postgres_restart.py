"""PostgreSQL stopped and started again under two `loket web` processes with a chat going on: during the outage
pages answer 503 with a page that says to try again, the API a 503 problem, and a chat frame an error frame on a
connection that stays; afterwards the pools recover by themselves and the chat goes on, without restarting Loket
(fault test of docs/operations.md, "Many nodes")."""

import asyncio
import concurrent.futures
import json
import time
import urllib.error
import urllib.request

from tests.scale.clients import SETUP, Client, start_chat
from tests.scale.conftest import web_processes
from tests.services import private_postgres, private_redis, run_python


def get(url: str) -> tuple[int, str, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - our own test server
            return response.status, response.headers.get("Retry-After", ""), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Retry-After", ""), error.read().decode()


def test_a_postgres_restart_gives_503s_meanwhile_and_the_chat_goes_on_after(tmp_path):
    with private_postgres() as postgres, private_redis() as redis_url:
        env = {"DATABASE_URL": postgres.url, "REDIS_URL": redis_url, "LOKET_VAR_DIR": str(tmp_path)}
        setup = run_python(SETUP, env, tmp_path)
        assert setup.returncode == 0, setup.stderr
        session, topic = setup.stdout.split()
        with web_processes({**env, "LOKET_CHAT_HEARTBEAT": "1"}, "one", "two") as servers:
            ports = {name: port for name, (port, _) in servers.items()}
            with concurrent.futures.ThreadPoolExecutor(1) as pool:  # (Playwright's loop may hold the main thread)
                pool.submit(asyncio.run, _scenario(ports, session, int(topic), postgres)).result()


async def _scenario(ports, session, topic, postgres):
    one, two = ports["one"], ports["two"]
    agent = await Client(two, "/ws/console/", f"sessionid={session}").open()
    await agent.wait_for(lambda f: f["type"] == "hello")
    chat = start_chat(one, topic, "Amal")
    amal = await Client(one, "/ws/chat/nl/").open()
    await amal.send({"type": "resume", "token": chat["token"], "last_seq": 0})
    await amal.wait_for(lambda f: f["type"] == "state")  # joined: a chat that starts from now on says so in a frame
    await agent.send({"type": "status", "status": "available", "capacity": 1})
    await amal.wait_for(lambda f: f["type"] == "started")

    postgres.stop()
    status, retry_after, page = await asyncio.to_thread(get, f"http://127.0.0.1:{one}/contact/email/")
    assert (status, retry_after) == (503, "30") and "Even niet bereikbaar" in page
    status, _, body = await asyncio.to_thread(get, f"http://127.0.0.1:{two}/api/search?q=premie&language=en")
    assert status == 503 and json.loads(body)["code"] == "unavailable"
    question = {"type": "message", "text": "Zijn jullie er nog?", "client_id": "amal-1"}
    await amal.send(question)
    error = await amal.wait_for(lambda f: f["type"] in ("error", "ack"), timeout=30)
    assert (error["type"], error["code"], error["ref"]) == ("error", "server-error", "amal-1")
    await amal.send({"type": "ping"})
    await amal.wait_for(lambda f: f["type"] == "pong")  # the connection stays

    postgres.start()
    deadline = time.monotonic() + 30
    while (await asyncio.to_thread(get, f"http://127.0.0.1:{one}/contact/email/"))[0] != 200:
        assert time.monotonic() < deadline, "the site did not come back after the database did"
        await asyncio.sleep(0.5)
    await amal.send(question)  # sent again, as the error said
    ack = await amal.wait_for(lambda f: f["type"] in ("ack", "error"), timeout=30)
    assert ack["type"] == "ack" and ack["client_id"] == "amal-1"
    delivered = await agent.wait_for(lambda f: f["type"] == "message" and f.get("client_id") == "amal-1", timeout=15)
    assert delivered["seq"] == ack["seq"]
    assert (await asyncio.to_thread(get, f"http://127.0.0.1:{two}/api/search?q=premie"))[0] == 200
    for client in (agent, amal):
        await client.socket.close()
