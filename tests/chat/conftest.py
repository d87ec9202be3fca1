import pytest
from django.contrib.auth.models import Group, User
from django.utils import timezone

from loket.chat import actions
from loket.chat.models import Agent, Conversation, Team
from loket.contact.models import Topic


@pytest.fixture
def team(db):
    team = Team.objects.create(name_nl="Team A", name_en="Team A", sort_order=0)
    Team.objects.exclude(pk=team.pk).update(sort_order=10)
    return team


@pytest.fixture
def topic(team):
    topic = Topic.objects.create(name_nl="Wonen", name_en="Housing")
    team.topics.add(topic)
    return topic


def make_agent(name: str, *teams: Team, status: str = Agent.Status.AVAILABLE, capacity: int = 1) -> Agent:
    user = User.objects.create_user(name, password="agent-password-123", first_name=name.title())
    user.groups.add(Group.objects.get(name="Agent"))
    agent = Agent.objects.create(user=user, status=status, capacity=capacity, seen_at=timezone.now())
    agent.teams.set(teams)
    return agent


@pytest.fixture
def away_agent(team):
    """Present but away: visitors may queue, nobody is served yet."""
    return make_agent("ann", team, status=Agent.Status.AWAY)


def enqueue_visitor(topic: Topic, name: str = "", **kwargs) -> Conversation:
    return actions.start_conversation(topic=topic, visitor_name=name, language="nl", **kwargs)


def make_supervisor(name: str, *teams: Team, status: str = Agent.Status.OFFLINE) -> Agent:
    user = User.objects.create_user(name, password="supervisor-password-123", first_name=name.title())
    user.groups.add(Group.objects.get(name="Supervisor"))
    agent = Agent.objects.create(user=user, status=status, capacity=1, seen_at=timezone.now())
    agent.teams.set(teams)
    return agent
