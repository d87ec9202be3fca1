"""The queue without sockets: fairness, one agent per visitor, positions, estimates, grace periods, opening hours."""

import datetime
import threading

import pytest
from django.db import connection
from django.utils import timezone

from loket.chat import actions, queries
from loket.chat.models import Agent, Conversation, Message, OpeningHours, QueueEntry
from loket.privacy import actions as privacy
from tests.chat.conftest import enqueue_visitor, make_agent


def test_second_visitor_moves_up_when_the_first_is_served(topic, away_agent):
    first, second = enqueue_visitor(topic), enqueue_visitor(topic)
    assert (queries.position(first), queries.position(second)) == (1, 2)
    actions.set_availability(agent=away_agent, status=Agent.Status.AVAILABLE)
    first.refresh_from_db()
    assert first.status == Conversation.Status.ACTIVE and first.agent == away_agent
    assert queries.position(second) == 2 - 1


def test_the_visitor_who_waited_longest_is_served_first(topic, team, away_agent):
    visitors = [enqueue_visitor(topic, f"v{i}") for i in range(4)]
    away_agent.capacity = 2
    away_agent.save()
    actions.set_availability(agent=away_agent, status=Agent.Status.AVAILABLE)
    served = Conversation.objects.filter(status=Conversation.Status.ACTIVE).order_by("started_at", "pk")
    assert [c.visitor_name for c in served] == ["v0", "v1"]
    assert [queries.position(v) for v in visitors[2:]] == [1, 2]


def test_a_chat_starts_by_itself_when_an_agent_has_room(topic, team):
    make_agent("bob", team, capacity=1)
    first = enqueue_visitor(topic)
    assert first.status == Conversation.Status.ACTIVE  # nobody waiting and room: served on arrival
    second = enqueue_visitor(topic)
    assert second.status == Conversation.Status.WAITING
    actions.end_conversation(conversation_id=first.pk, ending=Conversation.Ending.VISITOR)
    second.refresh_from_db()
    assert second.status == Conversation.Status.ACTIVE  # room appeared: no polling timer needed


def test_agents_share_the_queue_least_busy_first(topic, team):
    ann = make_agent("ann", team, status=Agent.Status.AWAY, capacity=3)
    make_agent("bob", team, capacity=3)
    enqueue_visitor(topic)
    actions.set_availability(agent=ann, status=Agent.Status.AVAILABLE)
    for _ in range(3):
        enqueue_visitor(topic)
    counts = sorted(Conversation.objects.filter(status="active").values_list("agent__user__username", flat=True))
    assert counts == ["ann", "ann", "bob", "bob"]


def test_a_visitor_who_leaves_the_queue_moves_everyone_behind_up(topic, away_agent):
    first, second, third = enqueue_visitor(topic), enqueue_visitor(topic), enqueue_visitor(topic)
    actions.end_conversation(conversation_id=second.pk, ending=Conversation.Ending.VISITOR)
    second.refresh_from_db()
    assert second.ending == Conversation.Ending.LEFT_QUEUE
    assert (queries.position(first), queries.position(third)) == (1, 2)


def test_messages_are_numbered_and_a_resend_is_stored_once(topic, away_agent):
    conversation = enqueue_visitor(topic, text="Hallo")
    first = actions.post_message(conversation_id=conversation.pk, author="visitor", text="Nog iets", client_id="c-1")
    again = actions.post_message(conversation_id=conversation.pk, author="visitor", text="Nog iets", client_id="c-1")
    assert (first.seq, again.seq, again.pk) == (2, 2, first.pk)
    assert [m.seq for m in queries.messages_after(conversation.pk, 1)] == [2]


def test_an_agent_cannot_write_in_someone_elses_chat(topic, team):
    make_agent("ann", team)
    other = make_agent("bob", team, status=Agent.Status.AWAY)
    conversation = enqueue_visitor(topic)
    with pytest.raises(actions.ChatError) as error:
        actions.post_message(conversation_id=conversation.pk, author="agent", text="Hi", agent=other)
    assert error.value.code == "not-yours"


def test_no_chat_without_a_present_agent_nor_outside_opening_hours(topic, team):
    with pytest.raises(actions.ChatUnavailable) as error:
        enqueue_visitor(topic)
    assert error.value.code == "no-agent"
    make_agent("ann", team)
    monday_noon = timezone.make_aware(datetime.datetime(2026, 11, 23, 12, 0))
    OpeningHours.objects.create(weekday=0, opens=datetime.time(9), closes=datetime.time(17))
    assert queries.is_open(monday_noon)
    assert not queries.is_open(monday_noon + datetime.timedelta(hours=6))  # 18:00
    assert not queries.is_open(monday_noon + datetime.timedelta(days=1))  # Tuesday: no hours set
    christmas = timezone.make_aware(datetime.datetime(2028, 12, 25, 12, 0))  # a Monday, and a public holiday
    assert christmas.weekday() == 0 and not queries.is_open(christmas)
    assert queries.unavailable_reason(team, monday_noon + datetime.timedelta(hours=6)) == "closed"


def test_a_full_queue_turns_new_visitors_away(topic, team, away_agent):
    team.queue_limit = 2
    team.save()
    enqueue_visitor(topic), enqueue_visitor(topic)
    with pytest.raises(actions.ChatUnavailable) as error:
        enqueue_visitor(topic)
    assert error.value.code == "queue-full"


def test_the_estimate_follows_the_known_service_rate(topic, team, away_agent):
    """12 chats taken in the last 30 minutes: 0.4 per minute. The 4th in line waits 10 minutes on average; the
    range is ±1.28 standard deviations of a Poisson process: (4 ± 1.28·2) / 0.4 = 3.6 to 16.4 minutes."""
    now = timezone.now()
    for i in range(12):
        done = enqueue_visitor(topic)
        QueueEntry.objects.filter(conversation=done).update(
            left_at=now - datetime.timedelta(minutes=2 * i + 1), outcome=QueueEntry.Outcome.SERVED
        )
    assert queries.service_rate(team.pk, now) == pytest.approx(0.4)
    estimate = queries.estimate(4, queries.service_rate(team.pk, now))
    assert (estimate.low, estimate.high) == (3, 17)
    assert queries.estimate(1, 0.4).low == 0


def test_without_history_the_estimate_comes_from_the_agents_capacity(team, away_agent):
    assert queries.service_rate(team.pk) is None  # nobody available: no estimate rather than a made-up one
    away_agent.status, away_agent.capacity = Agent.Status.AVAILABLE, 3
    away_agent.save()
    assert queries.service_rate(team.pk) == pytest.approx(3 / queries.DEFAULT_HANDLING_MINUTES)


def test_a_visitor_keeps_the_place_during_the_grace_period_then_leaves(topic, away_agent, settings):
    settings.LOKET_CHAT_VISITOR_GRACE = 120
    settings.LOKET_CHAT_AGENT_GRACE = 10**6
    conversation, behind = enqueue_visitor(topic), enqueue_visitor(topic)
    later = timezone.now() + datetime.timedelta(seconds=60)
    actions.touch(conversation_ids=[behind.pk], agent_ids=[], now=later)
    actions.expire_absent(now=later)
    assert queries.position(conversation) == 1
    actions.expire_absent(now=later + datetime.timedelta(seconds=90))
    conversation.refresh_from_db()
    assert conversation.status == Conversation.Status.ENDED and conversation.ending == Conversation.Ending.GONE
    assert queries.position(behind) == 1


def test_a_chat_of_an_agent_who_dropped_goes_back_to_the_head_of_the_queue(topic, team, settings):
    settings.LOKET_CHAT_AGENT_GRACE = 60
    ann = make_agent("ann", team)
    chat = enqueue_visitor(topic)
    bob = make_agent("bob", team, status=Agent.Status.AWAY)
    newer = enqueue_visitor(topic)
    later = timezone.now() + datetime.timedelta(seconds=90)
    actions.touch(conversation_ids=[chat.pk, newer.pk], agent_ids=[bob.pk], now=later)
    actions.expire_absent(now=later)
    ann.refresh_from_db()
    chat.refresh_from_db()
    assert ann.status == Agent.Status.OFFLINE
    assert chat.status == Conversation.Status.WAITING and chat.agent is None
    assert (queries.position(chat), queries.position(newer)) == (1, 2)
    assert chat.messages.filter(author=Message.Author.SYSTEM).count() == 2


def test_transfer_to_a_team_puts_the_chat_at_the_front(topic, team):
    from loket.chat.models import Team

    ann = make_agent("ann", team, capacity=1)
    chat = enqueue_visitor(topic)
    other = Team.objects.create(name_nl="B", name_en="B")
    make_agent("carl", other, status=Agent.Status.AWAY)
    actions.transfer(conversation_id=chat.pk, agent=ann, to_team=other.pk)
    chat.refresh_from_db()
    assert (chat.status, chat.team, queries.position(chat)) == (Conversation.Status.WAITING, other, 1)


def test_a_rating_comes_once_and_only_at_the_end(topic, away_agent):
    chat = enqueue_visitor(topic)
    with pytest.raises(actions.ChatError):
        actions.rate(conversation_id=chat.pk, score=5)
    actions.end_conversation(conversation_id=chat.pk, ending=Conversation.Ending.VISITOR)
    actions.rate(conversation_id=chat.pk, score=4, comment="Vlot")
    with pytest.raises(actions.ChatError) as error:
        actions.rate(conversation_id=chat.pk, score=1)
    assert error.value.code == "rated"
    chat.refresh_from_db()
    assert (chat.rating, chat.rating_comment) == (4, "Vlot")


@pytest.mark.django_db(transaction=True)
def test_each_visitor_gets_exactly_one_agent_under_concurrent_assignment(topic_committed):
    """Eight agents with room, twenty visitors, all assigning at once from threads (own connections)."""
    topic, team = topic_committed
    agents = [make_agent(f"agent{i}", team, status=Agent.Status.AWAY, capacity=2) for i in range(8)]
    visitors = [enqueue_visitor(topic) for _ in range(20)]
    Agent.objects.update(status=Agent.Status.AVAILABLE)
    barrier = threading.Barrier(len(agents))
    errors = []

    def work(agent):
        try:
            barrier.wait()
            while actions.assign_next_visitor(agent_id=agent.pk):
                pass
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=work, args=(agent,)) for agent in agents]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    served = Conversation.objects.filter(pk__in=[v.pk for v in visitors], status=Conversation.Status.ACTIVE)
    assert served.count() == 16  # every slot filled, nobody twice
    assert QueueEntry.objects.filter(outcome=QueueEntry.Outcome.SERVED).count() == 16
    for agent in agents:
        assert agent.conversations.filter(status=Conversation.Status.ACTIVE).count() == 2
    waiting = sorted(v.pk for v in visitors if not served.filter(pk=v.pk).exists())
    assert waiting == sorted(v.pk for v in visitors)[-4:]  # the four who came last still wait


@pytest.fixture
def topic_committed(transactional_db):
    from loket.chat.models import Team
    from loket.contact.models import Topic

    team = Team.objects.create(name_nl="T", name_en="T")
    topic = Topic.objects.create(name_nl="Wonen", name_en="Housing")
    team.topics.add(topic)
    return topic, team


def test_transfer_to_a_present_colleague_with_room(topic, team):
    ann = make_agent("ann", team, capacity=1)
    chat = enqueue_visitor(topic)
    bob = make_agent("bob", team, capacity=1)
    actions.set_availability(agent=bob, status=Agent.Status.AWAY)
    with pytest.raises(actions.ChatError) as error:
        actions.transfer(conversation_id=chat.pk, agent=ann, to_agent=bob.pk)
    assert error.value.code == "colleague-unavailable"  # away: not taking chats
    actions.set_availability(agent=bob, status=Agent.Status.AVAILABLE)
    actions.transfer(conversation_id=chat.pk, agent=ann, to_agent=bob.pk)
    chat.refresh_from_db()
    assert (chat.agent, chat.status) == (bob, Conversation.Status.ACTIVE)
    assert chat.messages.last().text == "U praat nu met Bob."


def test_the_transcript_is_mailed_through_the_outbox(topic, team, smtp):
    make_agent("ann", team)
    chat = enqueue_visitor(topic, "Vera", text="Waar vind ik mijn aanslag?")
    actions.post_message(conversation_id=chat.pk, author="agent", text="Op MyMinfin.", agent=chat.agent)
    actions.email_transcript(conversation_id=chat.pk, email="vera@example.org")
    [mail] = smtp.to("vera@example.org")
    body = mail.get_body().get_content()
    assert mail["Subject"] == "Uw chatgesprek met de informatiedienst"
    assert "U: Waar vind ik mijn aanslag?" in body and "Ann: Op MyMinfin." in body
    with pytest.raises(actions.ChatError) as error:
        actions.email_transcript(conversation_id=chat.pk, email="not-an-address")
    assert error.value.code == "bad-email"


def test_ended_chats_are_deleted_after_the_retention_period(topic, away_agent, settings):
    settings.LOKET_RETENTION_DAYS = 30
    old, recent, waiting = enqueue_visitor(topic, text="Oud"), enqueue_visitor(topic), enqueue_visitor(topic)
    for chat in (old, recent):
        actions.end_conversation(conversation_id=chat.pk, ending=Conversation.Ending.VISITOR)
    Conversation.objects.filter(pk=old.pk).update(ended_at=timezone.now() - datetime.timedelta(days=31))
    assert privacy.purge()["chat.conversation"] >= 1
    assert set(Conversation.objects.values_list("pk", flat=True)) == {recent.pk, waiting.pk}
    assert not Message.objects.filter(conversation_id=old.pk).exists()
