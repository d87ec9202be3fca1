"""The agents' console: e-mail cases and chats. Thin views over contact's and chat's actions and queries; the chats
themselves run over the console's WebSocket (loket/chat/consumers.py)."""

from collections.abc import Callable

from django.conf import settings
from django.core.paginator import Paginator
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render, resolve_url
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from loket.audit import actions as audit
from loket.console.forms import TextForm, UpdateForm
from loket.contact import actions, queries
from loket.contact.models import Attachment, CannedAnswer, Case, Topic
from loket.parsing import whole_number
from loket.security import client_address
from loket.staff.decorators import staff_page

_agent_view = staff_page("contact.change_case")  # agents only: signed in, and allowed to work on cases


@_agent_view
def case_list(request: HttpRequest) -> HttpResponse:
    filters = {name: request.GET.get(name, "") for name in ("status", "topic", "assignee", "search")}
    found = queries.cases(**filters, agent=request.user)  # type: ignore[arg-type]
    page = Paginator(found, 25).get_page(request.GET.get("page"))
    return render(
        request,
        "console/case_list.html",
        {
            "section": "cases",
            "page": page,
            "filters": filters,
            "statuses": Case.Status.choices,
            "topics": Topic.objects.all(),
            "agents": queries.agents(),
        },
    )


def _in_pane(request: HttpRequest) -> bool:
    """The workspace loads a case into its middle pane (`?pane=1`): the case without the page around it."""
    return request.GET.get("pane") == "1"


def _case_page(request: HttpRequest, case: Case, status: int = 200, done: str = "", **forms: object) -> HttpResponse:
    thread = [
        (entry, *queries.split_quoted(entry.text)) for entry in case.messages.prefetch_related("attachments", "author")
    ]
    chosen = request.GET.get("canned", "")
    canned = CannedAnswer.objects.filter(pk=number).first() if (number := whole_number(chosen)) is not None else None
    pane = _in_pane(request)
    context = {
        "section": "cases",
        "case": case,
        "pane": pane,
        "done": done,
        "thread": thread,
        "question_attachments": case.attachments.filter(message=None),
        "canned_answers": CannedAnswer.objects.all(),
        "answer_form": TextForm(prefix="answer", initial={"text": canned.text_for(case.language) if canned else ""}),
        "note_form": TextForm(prefix="note"),
        "update_form": UpdateForm(initial={"status": case.status, "assignee": case.assignee}),
        **forms,
    }
    template = "console/case_pane.html" if pane else "console/case_detail.html"
    return render(request, template, context, status=status)


def _done(request: HttpRequest, reference: str, message: str) -> HttpResponse:
    """After a change: back to the case page, or (in the workspace's pane) the case again as it is now."""
    if _in_pane(request):
        case = get_object_or_404(Case.objects.select_related("topic", "assignee"), reference=reference)
        return _case_page(request, case, done=message)
    return redirect("console:case", reference=reference)


@_agent_view
def case_detail(request: HttpRequest, reference: str) -> HttpResponse:
    case = get_object_or_404(Case.objects.select_related("topic", "assignee"), reference=reference)
    audit.record_view("case.opened", request=request, subject=case)
    return _case_page(request, case)


def _add_to_thread(request: HttpRequest, reference: str, prefix: str, action: Callable[..., object]) -> HttpResponse:
    """An answer or a note: done and back to the case, or the case again with the message and the text kept."""
    case = get_object_or_404(Case, reference=reference)
    form = TextForm(request.POST, prefix=prefix)
    if not form.is_valid():
        return _case_page(request, case, 400, "", **{f"{prefix}_form": form})
    action(case=case, agent=request.user, text=form.cleaned_data["text"], address=client_address(request))
    return _done(request, reference, _("The answer was sent.") if prefix == "answer" else _("The note was added."))


@_agent_view
@require_POST
def case_answer(request: HttpRequest, reference: str) -> HttpResponse:
    return _add_to_thread(request, reference, "answer", actions.answer_case)


@_agent_view
@require_POST
def case_note(request: HttpRequest, reference: str) -> HttpResponse:
    return _add_to_thread(request, reference, "note", actions.add_note)


@_agent_view
@require_POST
def case_update(request: HttpRequest, reference: str) -> HttpResponse:
    case = get_object_or_404(Case, reference=reference)
    form = UpdateForm(request.POST)
    if form.is_valid():
        actions.update_case(
            case=case, status=form.cleaned_data["status"], assignee=form.cleaned_data["assignee"],
            agent=request.user, address=client_address(request),  # type: ignore[arg-type]
        )  # fmt: skip
        return _done(request, reference, _("Saved."))
    return _case_page(request, case, 400, update_form=form)


@_agent_view
def attachment(request: HttpRequest, pk: int) -> FileResponse:
    """Attachments are never public media: only agents download them, never inline."""
    found = get_object_or_404(Attachment.objects.select_related("case"), pk=pk)
    audit.record("attachment.downloaded", request=request, subject=found.case, attachment=found.name)
    return FileResponse(found.file.open("rb"), as_attachment=True, filename=found.name, content_type=found.content_type)


def _workspace_strings() -> dict[str, str]:
    """Every sentence console.js shows, in the agent's language."""
    return {
        "workspace": _("Workspace"),
        "board": _("Board"),
        "new_chat": _("New chat"),
        "new_chat_with": _("New chat: %(name)s (%(topic)s)"),
        "new_message_from": _("New message from %(name)s"),
        "new_case": _("New e-mail case"),
        "new_case_about": _("New e-mail case: %(subject)s (%(topic)s)"),
        "case_reply": _("The visitor replied to case %(reference)s."),
        "mentions_case": _("Mentions case %(reference)s"),
        "waiting": _("%(count)s waiting"),
        "longest": _("longest %(minutes)s min"),
        "nobody_waiting": _("Nobody is waiting."),
        "no_chats": _("No open chats. With status “Available”, chats start here by themselves."),
        "no_cases": _("No open cases here."),
        "visitor": _("Visitor"),
        "you": _("You"),
        "system": _("Loket"),
        "note": _("Note"),
        "typing": _("The visitor is typing…"),
        "read": _("Read"),
        "delivered": _("Delivered"),
        "ended": _("The visitor has left the chat."),
        "chat_ended": _("This chat has ended."),
        "ended_short": _("ended"),
        "watching_short": _("watching"),
        "joined_short": _("joined"),
        "unread": _("%(count)s unread"),
        "waits": _("waits %(time)s"),
        "reconnecting": _("Connection lost. Reconnecting…"),
        "connected": _("Connected."),
        "came_from": _("Came from"),
        "topic": _("Topic"),
        "language": _("Language"),
        "email": _("E-mail address"),
        "name": _("Name"),
        "started": _("Started"),
        "no_email": _("No e-mail address known: no earlier contacts to show."),
        "no_earlier": _("None."),
        "confirm_close": _("Close the chat with %(name)s?"),
        "close": _("Close chat"),
        "confirm_take": _("Take over the chat with %(name)s from %(agent)s?"),
        "take": _("Take over"),
        "notifications_on": _("Desktop notifications are on."),
        "agent_status": _("You are %(status)s, for up to %(capacity)s chats at once."),
        "status_set_by": _("%(name)s set your status to %(status)s: %(reason)s"),
        "available": _("available"),
        "away": _("away"),
        "offline": _("offline"),
        "no_unread": _("No chat has unread messages."),
        "nothing_open": _("Open a chat or a case first."),
        "canned_count": _("%(count)s canned answers: up and down arrows to choose, Enter to insert, Escape to close."),
        "canned_none": _("No canned answer matches."),
        "canned_inserted": _("Canned answer inserted."),
        "link_inserted": _("Link inserted into the answer."),
        "insert_link": _("Insert link"),
        "insert_link_to": _("into the answer: %(title)s"),
        "searching": _("Searching…"),
        "results": _("%(count)s pages found."),
        "no_results": _("No pages found."),
        "search_failed": _("The search did not work. Try again."),
        "loading": _("Loading…"),
        "load_failed": _("This could not be loaded. Try again."),
        "case_changed": _("This case changed."),
        "show_changes": _("Show the changes"),
        "seconds": _("%(s)s s"),
        "minutes": _("%(m)s min"),
        "hours": _("%(h)s h %(m)s min"),
        "since": _("since %(time)s"),
        "as_of": _("As of %(time)s."),
        "no_answer_yet": _("no answer yet"),
        "visitor_waits": _("the visitor waits"),
        "reason_required": _("Give a reason (at most 200 characters)."),
        "watch": _("Watch"),
        "join": _("Join"),
        "move": _("Move to a queue…"),
        "set_away": _("Set away or offline…"),
        "watching_note": _("You are watching this chat. The visitor is not told."),
        "joined_note": _("You joined this chat: the visitor and the agent see that you did."),
        "connected_yes": _("console open"),
        "connected_no": _("console closed"),
        "load": _("%(open)s of %(capacity)s"),
        "today": _("available %(available)s, away %(away)s, offline %(offline)s"),
        "estimate": _("%(low)s to %(high)s min"),
        "no_estimate": _("no estimate yet"),
        "assigned_to": _("assigned to %(name)s"),
        "unassigned": _("unassigned"),
        "watchers": _("watched by %(count)s"),
        "answer_to": _("to %(name)s"),
        "me": _("me"),
        "sending": _("sending…"),
        "chat_gone": _("The chat with %(name)s is no longer yours: someone else took it over or transferred it."),
        "chat_requeued": _("The chat with %(name)s went back to a queue."),
        "chat_closed": _("Someone else closed the chat with %(name)s."),
        "set_status_of": _("Set %(name)s away or offline"),
        "set_status_title": _("Set an agent away or offline"),
    }


def _canned_answers() -> list[dict[str, object]]:
    return [
        {"id": answer.pk, "title": answer.title, "nl": answer.text_for("nl"), "en": answer.text_for("en")}
        for answer in CannedAnswer.objects.select_related("page")
    ]


def _workspace(request: HttpRequest, view: str) -> HttpResponse:
    supervisor = request.user.has_perm("chat.supervise")
    today = timezone.localdate()
    context = {
        "section": "workspace" if view == "work" else "board",
        "view": view,
        "supervisor": supervisor,
        "config": {
            "websocket": "/ws/console/",
            "user": request.user.pk,
            "language": request.LANGUAGE_CODE,
            "search": "/api/search",
            "workspace_url": reverse("console:workspace"),
            "board_url": reverse("console:board"),
            "login_url": resolve_url(settings.LOGIN_URL),
            "logout_url": reverse("account_logout"),
        },
        "strings": _workspace_strings(),
        "canned": _canned_answers(),
        "statuses": [("available", _("Available")), ("away", _("Away")), ("offline", _("Offline"))],
        "case_statuses": [(value, label) for value, label in Case.Status.choices if value != Case.Status.CLOSED],
        "languages": settings.LANGUAGES,
        "month_start": today.replace(day=1).isoformat(),
        "today": today.isoformat(),
    }
    return render(request, "console/workspace.html", context)


@_agent_view
def workspace(request: HttpRequest) -> HttpResponse:
    """The agents' workspace: the inbox (chats, queues, cases), the open conversation, its context."""
    return _workspace(request, "work")


@_agent_view
@staff_page("chat.supervise")
def board(request: HttpRequest) -> HttpResponse:
    """The same workspace with the supervisors' board in front (it runs over the same WebSocket)."""
    return _workspace(request, "board")


@_agent_view
def chat(request: HttpRequest) -> HttpResponse:
    """The chats moved into the workspace."""
    return redirect("console:workspace")
