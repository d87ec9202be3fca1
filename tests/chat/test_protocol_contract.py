"""What docs/chat-protocol.md promises where an outside client found the server saying otherwise: errors that carry
the frame's `client_id`, wrong types refused as `bad-frame`, a resume without duplicates while messages arrive,
unknown paths refused at the handshake, and the console's errors in the staff's language."""

import pytest
from channels.testing import WebsocketCommunicator
from django.test import Client

from loket.asgi import application
from loket.chat import actions, consumers
from loket.chat import hub as chat_hub
from loket.chat.models import Agent, Message, Team
from loket.db import in_thread
from tests.chat.conftest import enqueue_visitor, make_agent
from tests.chat.test_frames import _topic

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("hub")]
ORIGIN = (b"origin", b"http://localhost")


async def error_after(socket: WebsocketCommunicator, frame: dict) -> dict:
    await socket.send_json_to(frame)
    while (answer := await socket.receive_json_from(timeout=5))["type"] != "error":
        pass
    return answer


async def visitor(token: str = "") -> WebsocketCommunicator:
    socket = WebsocketCommunicator(application, "/ws/chat/en/", headers=[ORIGIN])
    assert (await socket.connect())[0]
    if token:
        await socket.send_json_to({"type": "resume", "token": token, "last_seq": 0})
        assert (await socket.receive_json_from(timeout=5))["type"] == "state"
    return socket


async def console(agent: Agent, *headers: tuple[bytes, bytes], cookies: str = "") -> WebsocketCommunicator:
    client = Client()
    await in_thread(client.force_login)(agent.user)
    cookie = f"sessionid={client.cookies['sessionid'].value}{cookies}".encode()
    socket = WebsocketCommunicator(application, "/ws/console/", headers=[ORIGIN, (b"cookie", cookie), *headers])
    assert (await socket.connect())[0]
    return socket


async def test_an_unknown_frame_type_answers_with_its_client_id():
    socket = await visitor()
    answer = await error_after(socket, {"type": "nope", "client_id": "REF-1"})
    assert (answer["code"], answer["ref"]) == ("unknown-type", "REF-1")
    await socket.disconnect()


async def test_a_resume_without_a_token_is_a_bad_frame_and_the_connection_stays():
    socket = await visitor()
    for frame in ({"type": "resume"}, {"type": "resume", "token": ""}):
        assert (await error_after(socket, frame))["code"] == "bad-frame"
    await socket.send_json_to({"type": "ping"})
    assert (await socket.receive_json_from(timeout=5))["type"] == "pong"
    await socket.disconnect()


async def test_fields_of_the_wrong_type_are_bad_frames():
    topic = await in_thread(_topic)()
    await in_thread(make_agent)("ann", *await in_thread(lambda: list(topic.teams.all()))(), status=Agent.Status.AWAY)
    chat = await in_thread(enqueue_visitor)(topic)
    socket = await visitor(chat.token)
    for wrong in ("yes", 1, None):
        assert (await error_after(socket, {"type": "typing", "active": wrong}))["code"] == "bad-frame"
    for wrong in (5, None, ["x"]):
        answer = await error_after(socket, {"type": "message", "text": wrong, "client_id": "m1"})
        assert (answer["code"], answer["ref"]) == ("bad-frame", "m1")
    answer = await error_after(socket, {"type": "message", "text": "   ", "client_id": "m2"})
    assert (answer["code"], answer["ref"]) == ("empty-message", "m2")
    await socket.disconnect()


@pytest.mark.parametrize("path", ["/ws/nope/", "/ws/chat/fr/", "/ws/chat/nl/extra/", "/ws/console/x/"])
async def test_an_unknown_path_is_refused_at_the_handshake(path):
    socket = WebsocketCommunicator(application, path, headers=[ORIGIN])
    connected, _ = await socket.connect()
    assert not connected


async def messages_seen(socket: WebsocketCommunicator) -> list[int]:
    seqs = []
    while not await socket.receive_nothing(timeout=0.5):
        frame = await socket.receive_json_from()
        if frame["type"] == "message":
            seqs.append(frame["seq"])
    return seqs


@pytest.mark.parametrize("written", ["before the read", "after the read"])
async def test_a_resume_while_the_agent_writes_shows_every_message_once(monkeypatch, written):
    """A resume reads its chat before its connection joins the hub. A message stored after the read, before the
    join, is read again once the hub has heard of it; one stored before the read of a connection that has joined
    already comes twice (the hub's event and the read) and is shown once."""
    topic = await in_thread(_topic)()
    teams = await in_thread(lambda: list(topic.teams.all()))()
    agent = await in_thread(make_agent)("ann", *teams)
    chat = await in_thread(enqueue_visitor)(topic)
    write = lambda text: actions.post_message(  # noqa: E731
        conversation_id=chat.pk, author=Message.Author.AGENT, text=text, agent=agent
    )
    await in_thread(write)("één")
    socket = WebsocketCommunicator(application, "/ws/chat/nl/", headers=[ORIGIN])
    assert (await socket.connect())[0]
    if written == "before the read":  # a second resume on a joined connection
        await socket.send_json_to({"type": "resume", "token": chat.token, "last_seq": 0})
        assert await messages_seen(socket) == [1, 2]  # the system's "Ann joins", then "één"
    read = consumers._resuming.function

    def read_while_the_agent_writes(wanted):
        if written == "before the read":
            write("twee")
            return read(wanted)
        found = read(wanted)
        write("twee")
        return found

    monkeypatch.setattr(consumers._resuming, "function", read_while_the_agent_writes)
    await socket.send_json_to({"type": "resume", "token": chat.token, "last_seq": 0})
    assert await messages_seen(socket) == [1, 2, 3]
    await socket.disconnect()


@pytest.mark.parametrize(
    ("headers", "cookies", "detail"),
    [
        ((), "", "Kies beschikbaar, afwezig of offline."),
        ((), "; django_language=en", "Choose available, away or offline."),
        (((b"accept-language", b"en-GB,en;q=0.8"),), "", "Choose available, away or offline."),
    ],
)
async def test_the_consoles_errors_speak_the_staff_pages_language(headers, cookies, detail):
    topic = await in_thread(_topic)()
    agent = await in_thread(make_agent)("ann", *await in_thread(lambda: list(topic.teams.all()))())
    socket = await console(agent, *headers, cookies=cookies)
    assert (await error_after(socket, {"type": "status", "status": "sleeping"}))["detail"] == detail
    await socket.disconnect()


async def test_a_requeue_heard_while_the_resume_places_the_visitor_is_followed(hub, monkeypatch):
    """The hub hears `requeued` (to another team) while the resume places the visitor in the team it read."""
    topic = await in_thread(_topic)()
    await in_thread(make_agent)("ann", *await in_thread(lambda: list(topic.teams.all()))(), status=Agent.Status.AWAY)
    chat = await in_thread(enqueue_visitor)(topic)
    other = await in_thread(lambda: Team.objects.create(name_nl="B", name_en="B"))()
    place = chat_hub.Hub.place

    async def place_while_requeued(self, team_id, ticket):
        frame = {"type": "requeued", "conversation": chat.pk, "team": other.pk}
        self.handle({"kind": "conversation", "conversation": chat.pk, "agent": None, "frame": frame})
        return await place(self, team_id, ticket)

    monkeypatch.setattr(chat_hub.Hub, "place", place_while_requeued)
    socket = await visitor()
    await socket.send_json_to({"type": "resume", "token": chat.token, "last_seq": 0})
    assert (await socket.receive_json_from(timeout=5))["type"] == "state"
    assert (await socket.receive_json_from(timeout=5))["type"] == "requeued"
    (link,) = hub.visitors[chat.pk]
    assert link.team_id == other.pk
    await socket.disconnect()


async def test_a_password_changed_elsewhere_closes_the_console_at_the_hubs_next_check(hub):
    topic = await in_thread(_topic)()
    agent = await in_thread(make_agent)("ann", *await in_thread(lambda: list(topic.teams.all()))())
    socket = await console(agent)
    await hub.check_consoles()
    while not await socket.receive_nothing(timeout=0.3):
        assert (await socket.receive_json_from())["type"] != "signed-out"

    def change_password() -> None:
        agent.user.set_password("a-new-one-after-a-leak")
        agent.user.save()

    await in_thread(change_password)()
    await hub.check_consoles()
    while (await socket.receive_json_from(timeout=5))["type"] != "signed-out":
        pass
    assert (await socket.receive_output(timeout=5))["code"] == 4401
