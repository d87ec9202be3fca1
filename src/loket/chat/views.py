"""The visitor's chat page, on its own and inside the embeddable widget's frame."""

from csp.decorators import csp_replace
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_exempt

from loket.chat import actions, queries
from loket.contact.models import Topic
from loket.i18n import content_language
from loket.parsing import whole_number


def _strings() -> dict[str, str]:
    """What the page's script says, in the page's language."""
    return {
        "determining": _("Please wait, your position in the queue is being determined."),
        "position": _("You are number %(position)s in the queue."),
        "estimate": _("Estimated wait: %(low)s to %(high)s minutes."),
        "estimate_short": _("Estimated wait: under %(high)s minutes."),
        "no_estimate": _("We cannot estimate the wait yet."),
        "started": _("You are now chatting with %(name)s."),
        "requeued": _("We are connecting you with another agent. You keep your place at the front."),
        "ended": _("The chat has ended."),
        "left": _("You left the queue."),
        "gone": _("The chat was closed because the connection was lost for too long."),
        "reconnecting": _("Connection lost. Reconnecting…"),
        "connected": _("Connected again."),
        "typing": _("%(name)s is typing…"),
        "agent": _("Agent"),
        "you": _("You"),
        "service": _("Loket"),
        "sending": _("Sending…"),
        "delivered": _("Delivered"),
        "read": _("Read"),
        "unknown": _("This chat no longer exists. Start a new one."),
        "error": _("Something went wrong. Please try again."),
        "thanks": _("Thank you for your rating."),
        "transcript_sent": _("We are sending the conversation to %(email)s."),
        "leave_queue": _("Leave the queue"),
        "end_chat": _("End the chat"),
        "confirm_end": _("Do you want to end the chat?"),
    }


def _chat_page(request: HttpRequest, *, embedded: bool) -> HttpResponse:
    topics = Topic.objects.filter(active=True)
    chosen = request.GET.get("topic", "")
    topic = topics.filter(pk=number).first() if (number := whole_number(chosen)) is not None else None
    reason = queries.unavailable_anywhere()
    context = {
        "topics": topics,
        "chosen_topic": topic,
        "unavailable": str(actions.ChatUnavailable.MESSAGES[reason]) if reason else "",
        "strings": _strings(),
        "embedded": embedded,
        "language": content_language(),
        "source_url": request.GET.get("from", "")[:500] or request.META.get("HTTP_REFERER", "")[:500],
        "max_length": 2000,
        "rating_labels": [
            (1, _("Very dissatisfied")),
            (2, _("Dissatisfied")),
            (3, _("Neutral")),
            (4, _("Satisfied")),
            (5, _("Very satisfied")),
        ],
        "websocket_path": f"/ws/chat/{get_language()[:2]}/",
    }
    return render(request, "chat/chat.html", context)


def chat(request: HttpRequest) -> HttpResponse:
    return _chat_page(request, embedded=False)


@xframe_options_exempt
@csp_replace({"frame-ancestors": settings.LOKET_CHAT_EMBED_ORIGINS})
def chat_embedded(request: HttpRequest) -> HttpResponse:
    """The widget's frame: the same chat without the site around it. Which sites may frame it is configurable."""
    return _chat_page(request, embedded=True)
