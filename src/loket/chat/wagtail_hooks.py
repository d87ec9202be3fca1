"""The chat in the admin: teams and their topics, opening hours, agents, and the conversations with their ratings."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from loket.chat.models import Agent, Conversation, OpeningHours, Team


class TeamViewSet(ModelViewSet):
    url_prefix = "chat/teams"
    url_namespace = "chat_teams"
    model = Team
    icon = "group"
    form_fields = ["name_nl", "name_en", "topics", "queue_limit", "sort_order"]
    list_display = ["name_nl", "name_en", "queue_limit"]


class OpeningHoursViewSet(ModelViewSet):
    url_prefix = "chat/opening-hours"
    url_namespace = "chat_opening_hours"
    model = OpeningHours
    icon = "time"
    form_fields = ["weekday", "opens", "closes"]
    list_display = ["__str__"]


class AgentViewSet(ModelViewSet):
    url_prefix = "chat/agents"
    url_namespace = "chat_agents"
    model = Agent
    icon = "user"
    form_fields = ["teams", "capacity"]
    list_display = ["user", "status", "capacity", "seen_at"]
    list_filter = ["status", "teams"]


class ConversationViewSet(ModelViewSet):
    url_prefix = "chat/conversations"
    url_namespace = "chat_conversations"
    model = Conversation
    icon = "comment"
    form_fields = ["status"]
    list_display = ["__str__", "visitor_name", "team", "topic", "status", "ending", "agent", "rating", "created_at"]
    list_filter = ["status", "ending", "team", "rating"]
    search_fields = ["visitor_name", "rating_comment"]
    inspect_view_enabled = True
    copy_view_enabled = False


class ChatGroup(ViewSetGroup):
    items = (ConversationViewSet, TeamViewSet, AgentViewSet, OpeningHoursViewSet)
    menu_icon = "comment"
    menu_label = _("Chat")
    menu_name = "chat"


@hooks.register("register_admin_viewset")
def register_chat_viewsets() -> ChatGroup:
    return ChatGroup()
