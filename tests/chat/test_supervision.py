"""Supervision and the status history, as actions: who may do what, and what everyone else then sees."""

import datetime
import zoneinfo

import pytest

from loket.audit.models import AuditEntry
from loket.chat import actions, queries
from loket.chat.actions import ChatError
from loket.chat.models import Agent, Conversation, Message, StatusChange
from loket.contact.models import OutgoingMail
from tests.chat.conftest import enqueue_visitor, make_agent, make_supervisor

BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")


def at(day: int, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime(2026, 11, day, hour, minute, tzinfo=BRUSSELS)


@pytest.fixture
def ongoing(topic, team):
    """Ann has a chat with Vera; Sam supervises."""
    ann = make_agent("ann", team)
    chat = enqueue_visitor(topic, "Vera", text="Hallo")
    assert chat.agent_id == ann.pk
    return ann, make_supervisor("sam", team), chat


def texts(chat: Conversation) -> list[str]:
    return list(Message.objects.filter(conversation=chat).values_list("text", flat=True))


def test_every_change_of_status_is_kept_with_who_and_why(team):
    ann, sam = make_agent("ann", team, status=Agent.Status.OFFLINE), make_supervisor("sam", team)
    actions.set_availability(agent=ann, status="available", now=at(2, 9))
    actions.set_availability(agent=ann, status="available", capacity=2, now=at(2, 9, 5))  # no change of status
    actions.set_status_of(
        supervisor=sam, agent_id=ann.pk, status="away", reason="Went home, console open", now=at(2, 17)
    )
    actions.set_status_of(supervisor=sam, agent_id=ann.pk, status="away", reason="Again", now=at(2, 18))  # no change
    history = list(StatusChange.objects.filter(agent=ann).values_list("old", "new", "at", "by__username", "reason"))
    assert history == [
        ("offline", "available", at(2, 9), None, ""),
        ("available", "away", at(2, 17), "sam", "Went home, console open"),
    ]
    ann.refresh_from_db()
    assert (ann.status, ann.status_since) == ("away", at(2, 17))
    entry = AuditEntry.objects.get(event="agent.status-set")
    assert (entry.actor.username, entry.details["reason"]) == ("sam", "Went home, console open")


def test_time_per_status_is_cut_at_midnight(team, settings):
    settings.TIME_ZONE = "Europe/Brussels"
    ann = make_agent("ann", team, status=Agent.Status.OFFLINE)
    actions.set_availability(agent=ann, status="available", now=at(2, 22))
    actions.set_availability(agent=ann, status="away", now=at(3, 1, 30))
    actions.set_availability(agent=ann, status="offline", now=at(3, 2))
    by_name = lambda day, now: {a.user.username: s for a, s in queries.status_durations(day, now)}  # noqa: E731
    assert by_name(datetime.date(2026, 11, 2), at(4, 0))["ann"] == {"available": 7200, "away": 0, "offline": 79200}
    assert by_name(datetime.date(2026, 11, 3), at(4, 0))["ann"] == {"available": 5400, "away": 1800, "offline": 79200}
    # Today counts up to now, not to midnight.
    assert by_name(datetime.date(2026, 11, 3), at(3, 3))["ann"] == {"available": 5400, "away": 1800, "offline": 3600}


def test_the_history_export_is_for_supervisors(client, team, settings):
    settings.TIME_ZONE = "Europe/Brussels"
    ann, sam = make_agent("ann", team, status=Agent.Status.OFFLINE), make_supervisor("sam", team)
    actions.set_availability(agent=ann, status="available", now=at(2, 22))
    client.force_login(ann.user)
    assert client.get("/console/board/history.csv?from=2026-11-02").status_code == 403
    client.force_login(sam.user)
    response = client.get("/console/board/history.csv?from=2026-11-02&to=2026-11-03")
    assert response["Content-Type"].startswith("text/csv")
    rows = response.content.decode().splitlines()
    assert rows[0] == "agent,name,day,available,away,offline"
    assert "ann,Ann,2026-11-02,7200,0,79200" in rows and "ann,Ann,2026-11-03,86400,0,0" in rows
    for bad in ("from=2026-11-30&to=2026-11-01", "from=2025-01-01&to=2026-11-01", "from=2026-02-30", "to=x",
                "from=%D9%A2%D9%A0%D9%A2%D9%A6-11-01", "from=9999-12-31", "from=0001-01-01&to=0001-01-02"):  # fmt: skip
        assert client.get(f"/console/board/history.csv?{bad}").status_code == 400, bad


def test_a_supervisor_sets_a_gone_agent_offline_and_their_chats_go_back_to_the_front(ongoing, team):
    ann, sam, chat = ongoing
    with pytest.raises(ChatError) as refused:
        actions.set_status_of(supervisor=sam, agent_id=ann.pk, status="offline", reason="  ")
    assert refused.value.code == "bad-reason"
    with pytest.raises(ChatError) as refused:
        actions.set_status_of(supervisor=sam, agent_id=ann.pk, status="available", reason="Back")
    assert refused.value.code == "bad-status"
    with pytest.raises(ChatError) as refused:
        actions.set_status_of(supervisor=sam, agent_id=999_999, status="away", reason="?")
    assert refused.value.code == "unknown-agent"
    actions.set_status_of(supervisor=sam, agent_id=ann.pk, status="offline", reason="Left at noon")
    chat.refresh_from_db()
    assert (chat.status, chat.agent) == (Conversation.Status.WAITING, None)
    assert queries.position(chat) == 1


def test_a_supervisor_joins_a_chat_and_the_visitor_sees_it(ongoing):
    _ann, sam, chat = ongoing
    with pytest.raises(ChatError):  # not yet joined: a supervisor cannot write in someone's chat
        actions.post_message(conversation_id=chat.pk, author="agent", text="Hallo", agent=sam)
    actions.join(supervisor=sam, conversation_id=chat.pk)
    actions.join(supervisor=sam, conversation_id=chat.pk)  # once is enough
    actions.post_message(conversation_id=chat.pk, author="agent", text="Ik kijk even mee", agent=sam)
    assert texts(chat)[-2:] == ["Sam (supervisor) neemt deel aan het gesprek.", "Ik kijk even mee"]  # in Dutch
    assert AuditEntry.objects.filter(event="chat.joined", actor=sam.user).count() == 1


def test_watching_tells_the_visitor_nothing_and_is_in_the_audit_trail(ongoing):
    _ann, sam, chat = ongoing
    before = texts(chat)
    actions.watch(supervisor=sam, conversation_id=chat.pk)
    assert texts(chat) == before
    assert AuditEntry.objects.filter(event="chat.monitored", actor=sam.user).exists()


def test_a_supervisor_takes_over_whatever_their_capacity(ongoing, topic):
    ann, sam, chat = ongoing
    sam.capacity = 1
    sam.save()
    other = enqueue_visitor(topic, "Wim")  # Ann is full; Wim waits
    actions.take_over(supervisor=sam, conversation_id=chat.pk)
    chat.refresh_from_db()
    assert chat.agent_id == sam.pk
    assert texts(chat)[-1] == "U praat nu met Sam."
    other.refresh_from_db()
    assert other.agent_id == ann.pk  # Ann had room again and took the next visitor
    with pytest.raises(ChatError):  # Ann's chat is no longer hers
        actions.post_message(conversation_id=chat.pk, author="agent", text="Nog iets?", agent=ann)


def test_supervisors_move_and_close_anyones_chat_and_agents_only_their_own(ongoing, team, topic):
    _ann, sam, chat = ongoing
    bob = make_agent("bob", team)
    with pytest.raises(ChatError):
        actions.transfer(conversation_id=chat.pk, agent=bob, to_team=team.pk)
    with pytest.raises(ChatError):
        actions.end_conversation(conversation_id=chat.pk, ending="agent", agent=bob)
    actions.transfer(conversation_id=chat.pk, agent=sam, to_team=team.pk, supervisor=True)
    chat.refresh_from_db()
    assert chat.status == Conversation.Status.ACTIVE  # back at the front, and taken at once: there was room
    assert AuditEntry.objects.filter(event="chat.transferred", actor=sam.user).exists()
    actions.end_conversation(conversation_id=chat.pk, ending="agent", agent=sam, supervisor=True)
    chat.refresh_from_db()
    assert chat.status == Conversation.Status.ENDED


def test_notes_are_for_staff_only(ongoing):
    ann, sam, chat = ongoing
    note = actions.add_note(conversation_id=chat.pk, agent=ann, text="Vaste klant, is boos", client_id="n1")
    assert actions.add_note(conversation_id=chat.pk, agent=ann, text="Vaste klant, is boos", client_id="n1") == note
    bob = make_agent("bob")
    with pytest.raises(ChatError):
        actions.add_note(conversation_id=chat.pk, agent=bob, text="Hm")
    actions.add_note(conversation_id=chat.pk, agent=sam, text="Ik volg mee", supervisor=True)
    assert "Vaste klant" not in " ".join(texts(chat))
    actions.email_transcript(conversation_id=chat.pk, email="vera@example.org")
    transcript = OutgoingMail.objects.get(kind=OutgoingMail.Kind.TRANSCRIPT).body
    assert "Hallo" in transcript and "Vaste klant" not in transcript and "Ik volg mee" not in transcript


def test_a_conversation_shows_its_topic_in_its_own_language(topic, away_agent):
    from django.utils import translation

    from loket.chat import protocol

    chat = actions.start_conversation(topic=topic, language="en")
    with translation.override("nl"):
        assert protocol.conversation_data(chat)["topic"] == "Housing"
