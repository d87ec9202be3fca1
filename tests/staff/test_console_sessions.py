"""Signing out closes the consoles opened with that session (and only those); an expired session's console closes
at its next frame after the check interval."""

import time

import pytest
from channels.testing import WebsocketCommunicator
from django.test import Client

from loket.asgi import application
from loket.chat import consumers
from loket.db import in_thread
from loket.security import STAFF_SEEN as SEEN
from tests.staff.conftest import make_staff, sign_in

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("hub", "optional_2fa")]


async def signed_in_console(client: Client) -> WebsocketCommunicator:
    cookie = f"sessionid={client.cookies['sessionid'].value}".encode()
    socket = WebsocketCommunicator(
        application, "/ws/console/", headers=[(b"origin", b"http://localhost"), (b"cookie", cookie)]
    )
    connected, _ = await socket.connect()
    assert connected
    assert (await socket.receive_json_from())["type"] == "hello"
    return socket


async def closed_with(socket: WebsocketCommunicator) -> tuple[dict, int]:
    frame = await socket.receive_json_from(timeout=10)
    while frame["type"] != "signed-out":
        frame = await socket.receive_json_from(timeout=10)
    closing = await socket.receive_output(timeout=10)
    return frame, closing.get("code")


async def test_signing_out_closes_that_sessions_console_and_not_the_other_desks():
    await in_thread(make_staff)("ann", "agent")
    desk, laptop = Client(), Client()
    for browser in (desk, laptop):
        await in_thread(sign_in)(browser, "ann")
    on_desk, on_laptop = await signed_in_console(desk), await signed_in_console(laptop)
    await in_thread(laptop.post)("/staff/logout/")
    frame, code = await closed_with(on_laptop)
    assert frame["session"] and code == 4401
    await on_desk.send_json_to({"type": "ping"})
    assert (await on_desk.receive_json_from())["type"] == "pong"  # the desk's console is still open
    await on_desk.disconnect()


async def test_signing_out_everywhere_closes_every_console():
    await in_thread(make_staff)("ann", "agent")
    desk, laptop = Client(), Client()
    for browser in (desk, laptop):
        await in_thread(sign_in)(browser, "ann")
    on_desk, on_laptop = await signed_in_console(desk), await signed_in_console(laptop)
    await in_thread(desk.post)("/staff/sign-out-everywhere/")
    for socket in (on_desk, on_laptop):
        frame, code = await closed_with(socket)
        assert frame["session"] is None and code == 4401


async def test_a_console_whose_session_expired_closes_at_its_next_frame(monkeypatch, settings):
    monkeypatch.setattr(consumers, "SESSION_CHECK_EVERY", 0)
    await in_thread(make_staff)("ann", "agent")
    desk = Client()
    await in_thread(sign_in)(desk, "ann")
    console = await signed_in_console(desk)

    def expire() -> None:
        session = desk.session
        session[SEEN] = time.time() - settings.LOKET_STAFF_SESSION_IDLE - 1  # idle too long, session row still there
        session.save()

    await in_thread(expire)()
    await console.send_json_to({"type": "ping"})
    frame, code = await closed_with(console)
    assert frame["type"] == "signed-out" and code == 4401


async def test_a_console_signed_out_twice_at_once_hears_it_once_and_closes():
    """Signing out everywhere ends every session and, for the browser that asked, its own as well: two events, one
    frame, then the close (a second frame after it raced the close)."""
    await in_thread(make_staff)("ann", "agent")
    desk = Client()
    await in_thread(sign_in)(desk, "ann")
    on_desk = await signed_in_console(desk)
    await in_thread(desk.post)("/staff/sign-out-everywhere/")
    outputs = []
    while not outputs or outputs[-1]["type"] != "websocket.close":
        outputs.append(await on_desk.receive_output(timeout=10))
    assert [o["type"] for o in outputs] == ["websocket.send", "websocket.close"]
    assert await on_desk.receive_nothing(timeout=0.5)
