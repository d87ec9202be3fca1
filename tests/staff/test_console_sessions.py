"""Signing out closes the consoles opened with that session (and only those); an expired session's console closes
at its next frame after the check interval."""

import time

import pytest
from channels.testing import WebsocketCommunicator
from django.test import Client

from loket.asgi import application
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


def _idle(client: Client, idle_seconds: float) -> None:
    session = client.session
    session[SEEN] = time.time() - idle_seconds  # the session row is still there
    session.save()


async def test_a_console_whose_session_idled_out_closes_at_the_hubs_next_check(hub, settings):
    await in_thread(make_staff)("ann", "agent")
    desk = Client()
    await in_thread(sign_in)(desk, "ann")
    console = await signed_in_console(desk)
    await hub.check_consoles()
    assert await console.receive_nothing(timeout=0.2)  # alive: stays
    await in_thread(_idle)(desk, settings.LOKET_STAFF_SESSION_IDLE + 1)
    await hub.check_consoles()  # the heartbeat's check, however quiet the console is
    frame, code = await closed_with(console)
    assert frame["type"] == "signed-out" and code == 4401


async def test_a_session_idle_too_long_opens_no_console(settings):
    await in_thread(make_staff)("ann", "agent")
    desk = Client()
    await in_thread(sign_in)(desk, "ann")
    await in_thread(_idle)(desk, settings.LOKET_STAFF_SESSION_IDLE + 1)
    cookie = f"sessionid={desk.cookies['sessionid'].value}".encode()
    socket = WebsocketCommunicator(
        application, "/ws/console/", headers=[(b"origin", b"http://localhost"), (b"cookie", cookie)]
    )
    connected, code = await socket.connect()
    assert not connected and code == 4403


async def test_staff_disabled_where_no_event_reaches_the_console_is_closed_at_the_next_check(hub, monkeypatch):
    """`loket staff disable` in another process without Redis: no event arrives, the heartbeat's check closes the
    console, and meanwhile the disabled person cannot make themselves available."""
    from loket.chat import events
    from loket.staff import actions as staff_actions

    user = await in_thread(make_staff)("ann", "agent")
    desk = Client()
    await in_thread(sign_in)(desk, "ann")
    console = await signed_in_console(desk)
    with monkeypatch.context() as elsewhere:
        elsewhere.setattr(events, "publish", lambda event: None)
        await in_thread(staff_actions.disable_staff)(user)
    await console.send_json_to({"type": "status", "status": "available", "client_id": "s1"})
    while (answer := await console.receive_json_from(timeout=5))["type"] != "error":
        pass
    assert answer["code"] == "not-allowed" and answer["ref"] == "s1"
    await hub.check_consoles()
    frame, code = await closed_with(console)
    assert frame["session"] is None and code == 4401


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
