"""Each definition of docs/reports.md, on a hand-made day of chats."""

import datetime

import pytest

from loket.chat import actions as chat_actions
from loket.chat.models import Agent, Conversation, QueueEntry
from loket.reports import actions, definitions, queries
from loket.reports.models import ChatAgentDay, ChatDay, TurnedAway
from tests.reports.conftest import local, make_chat

DAY = datetime.date(2026, 11, 2)


@pytest.fixture
def history(team, other_team, topic, agent):
    """Monday 2 November 2026 in team A."""
    nine = local(2026, 11, 2, 9, 0)
    return {
        "short": make_chat(team, topic, nine, ended=5, ending=Conversation.Ending.LEFT_QUEUE),
        "abandoned": make_chat(team, topic, nine, ended=30, ending=Conversation.Ending.LEFT_QUEUE),
        "quick": make_chat(team, topic, nine, taken=20, reply=35, ended=320, ending="visitor", rating=5, agent=agent),
        "slow": make_chat(team, topic, nine, taken=90, reply=100, ended=400, ending="agent", rating=2, agent=agent),
        # Taken after 40 s, moved to team B's queue, taken there again: offered once, answered once, one transfer.
        "transferred": make_chat(
            team,
            topic,
            nine,
            taken=40,
            requeued=100,
            taken_again=130,
            to_team=other_team,
            ended=600,
            ending="agent",
            agent=agent,
            transfers=1,
        ),
        "expired": make_chat(team, topic, nine, ended=200, ending=Conversation.Ending.GONE),
    }


def test_each_chat_gets_exactly_one_outcome(history):
    found = sorted(definitions.outcome(chat) for chat in queries.histories(*queries.bounds(DAY, DAY)))
    assert found == ["abandoned", "abandoned", "answered", "answered", "answered", "expired"]


def test_the_day_adds_up_as_the_definitions_say(history, team):
    total = queries.figures(r for r in queries.count_days(DAY, DAY) if r.team_id == team.pk)
    assert total.offered == 6  # the transferred chat once, though it joined two queues
    assert total.answered == 3  # and once answered, though taken twice
    assert (total.abandoned, total.short_abandoned, total.expired) == (2, 1, 1)
    # Answered within 60 s: quick (20 s) and transferred (40 s) of 6 offered less 1 short abandon.
    assert total.service_level == 40.0
    assert total.waits == {20: 1, 40: 1, 90: 1}  # answered only: joined → first taken
    assert (total.wait_p50, total.wait_p90) == (40, 90)
    assert total.first_responses == {15: 1, 10: 1}  # taken → the agent's first message
    assert total.handle_times == {300: 1, 310: 1, 560: 1}  # taken → ended
    assert total.transfers == 1
    assert total.ratings == {5: 1, 2: 1}
    assert (total.rating_average, total.rating_count, total.response_rate) == (3.5, 2, 66.7)


def test_short_abandon_and_service_level_follow_their_settings(history, team, settings):
    settings.LOKET_SHORT_ABANDON_SECONDS = 31  # now the 30 s abandon is short too
    settings.LOKET_SERVICE_LEVEL_SECONDS = 90  # and the 90 s answer is in time
    total = queries.figures(r for r in queries.count_days(DAY, DAY) if r.team_id == team.pk)
    assert total.short_abandoned == 2
    assert total.service_level == 75.0  # 3 in time of 6 - 2


def test_a_visitor_turned_away_is_counted_once_and_never_offered(team, topic):
    # Nobody is available: the chat refuses the visitor, who is offered e-mail.
    with pytest.raises(chat_actions.ChatUnavailable):
        chat_actions.start_conversation(topic=topic, language="en")
    refusal = TurnedAway.objects.get()
    assert (refusal.team_id, refusal.topic_id, refusal.language, refusal.reason) == (
        team.pk,
        topic.pk,
        "en",
        "no-agent",
    )
    total = queries.figures(queries.count_days(queries.today(), queries.today()))
    assert (total.turned_away, total.offered) == (1, 0)


def test_a_chat_served_through_the_real_actions_counts_as_answered(team, topic, agent):
    agent.status = Agent.Status.AVAILABLE
    agent.save()
    chat_actions.set_availability(agent=agent, status=Agent.Status.AVAILABLE)
    conversation = chat_actions.start_conversation(topic=topic, language="nl", text="Hallo")
    assert conversation.status == Conversation.Status.ACTIVE
    chat_actions.post_message(conversation_id=conversation.pk, author="agent", text="Dag!", agent=agent)
    chat_actions.end_conversation(conversation_id=conversation.pk, ending="visitor")
    chat_actions.rate(conversation_id=conversation.pk, score=4)
    total = queries.figures(queries.count_days(queries.today(), queries.today()))
    assert (total.offered, total.answered, total.abandoned, total.rating_count) == (1, 1, 0, 1)
    assert sum(total.first_responses.values()) == 1  # the system line "You are now talking to…" does not count
    assert QueueEntry.objects.get().outcome == QueueEntry.Outcome.SERVED


def test_a_chat_still_waiting_is_offered_without_an_outcome(team, topic):
    make_chat(team, topic, local(2026, 11, 2, 10, 0))
    total = queries.figures(queries.count_days(DAY, DAY))
    assert (total.offered, total.answered, total.abandoned, total.expired) == (1, 0, 0, 0)
    assert total.service_level == 0.0


def test_rebuild_replaces_the_days_rows_and_keeps_the_others(history, team):
    assert actions.rebuild(first=DAY, last=DAY) > 0
    kept = ChatDay.objects.create(day=DAY + datetime.timedelta(days=1), language="nl", offered=7)
    actions.rebuild(first=DAY, last=DAY)  # again: the same rows, not twice as many
    total = queries.figures(ChatDay.objects.filter(day=DAY, team_id=team.pk))
    assert (total.offered, total.answered) == (6, 3)
    assert ChatDay.objects.filter(pk=kept.pk).exists()


def test_percentiles_are_nearest_rank_over_whole_seconds():
    assert definitions.percentile({}, 50) is None
    assert definitions.percentile({7: 1}, 90) == 7
    assert definitions.percentile({1: 1, 2: 1, 3: 1, 4: 1}, 50) == 2
    assert definitions.percentile({1: 9, 100: 1}, 90) == 1
    assert definitions.percentile({1: 9, 100: 1}, 91) == 100
    assert (
        definitions.seconds(local(2026, 1, 1, 0, 0), local(2026, 1, 1, 0, 1) - datetime.timedelta(microseconds=1)) == 59
    )


def test_a_chat_taken_then_moved_back_to_a_queue_and_ended_there_stays_its_agents(team, other_team, topic, agent):
    """Its agent is the one who last had it (docs/reports.md), not "not answered": moving it to a team's queue
    clears the conversation's agent, so the report reads who took it from the audit trail."""
    chat_actions.set_availability(agent=agent, status=Agent.Status.AVAILABLE)
    conversation = chat_actions.start_conversation(topic=topic, language="nl", text="Hallo")
    assert conversation.agent_id == agent.pk
    chat_actions.transfer(conversation_id=conversation.pk, agent=agent, to_team=other_team.pk)
    assert Conversation.objects.get(pk=conversation.pk).agent_id is None
    chat_actions.end_conversation(conversation_id=conversation.pk, ending=Conversation.Ending.VISITOR)
    current = queries.today()
    per_agent = queries.chat_figures(current, current, ("agent_id",), per_agent=True)
    assert list(per_agent) == [(agent.pk,)]
    assert (per_agent[(agent.pk,)].offered, per_agent[(agent.pk,)].answered) == (1, 1)
    actions.rebuild(first=current, last=current)  # the stored rows say the same
    assert {row.agent_id for row in ChatAgentDay.objects.filter(day=current)} == {agent.pk}
