"""The agents' console: e-mail cases and chats. Thin views over contact's and chat's actions and queries; the chats
themselves run over the console's WebSocket (loket/chat/consumers.py)."""

from collections.abc import Callable

from django.core.paginator import Paginator
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from loket.audit import actions as audit
from loket.chat.models import Team
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


def _case_page(request: HttpRequest, case: Case, status: int = 200, **forms: object) -> HttpResponse:
    thread = [
        (entry, *queries.split_quoted(entry.text)) for entry in case.messages.prefetch_related("attachments", "author")
    ]
    chosen = request.GET.get("canned", "")
    canned = CannedAnswer.objects.filter(pk=number).first() if (number := whole_number(chosen)) is not None else None
    context = {
        "section": "cases",
        "case": case,
        "thread": thread,
        "question_attachments": case.attachments.filter(message=None),
        "canned_answers": CannedAnswer.objects.all(),
        "answer_form": TextForm(prefix="answer", initial={"text": canned.text_for(case.language) if canned else ""}),
        "note_form": TextForm(prefix="note"),
        "update_form": UpdateForm(initial={"status": case.status, "assignee": case.assignee}),
        **forms,
    }
    return render(request, "console/case_detail.html", context, status=status)


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
        return _case_page(request, case, status=400, **{f"{prefix}_form": form})
    action(case=case, agent=request.user, text=form.cleaned_data["text"], address=client_address(request))
    return redirect("console:case", reference=reference)


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
    return redirect("console:case", reference=reference)


@_agent_view
def attachment(request: HttpRequest, pk: int) -> FileResponse:
    """Attachments are never public media: only agents download them, never inline."""
    found = get_object_or_404(Attachment.objects.select_related("case"), pk=pk)
    audit.record("attachment.downloaded", request=request, subject=found.case, attachment=found.name)
    return FileResponse(found.file.open("rb"), as_attachment=True, filename=found.name, content_type=found.content_type)


@_agent_view
def chat(request: HttpRequest) -> HttpResponse:
    canned = [
        {"id": answer.pk, "title": answer.title, "nl": answer.text_for("nl"), "en": answer.text_for("en")}
        for answer in CannedAnswer.objects.select_related("page")
    ]
    strings = {
        "new_chat": _("New chat"),
        "waiting": _("%(count)s waiting"),
        "longest": _("longest %(minutes)s min"),
        "nobody_waiting": _("Nobody is waiting."),
        "no_chats": _("No open chats. With status “Available”, chats start here by themselves."),
        "visitor": _("Visitor"),
        "you": _("You"),
        "typing": _("The visitor is typing…"),
        "read": _("Read"),
        "delivered": _("Delivered"),
        "ended": _("The visitor has left the chat."),
        "reconnecting": _("Connection lost. Reconnecting…"),
        "connected": _("Connected."),
        "came_from": _("Came from"),
        "confirm_close": _("Close this chat?"),
        "notifications_on": _("Desktop notifications are on."),
        "new_chat_with": _("New chat: %(name)s (%(topic)s)"),
        "agent_status": _("You are %(status)s, for up to %(capacity)s chats at once."),
        "available": _("available"),
        "away": _("away"),
        "offline": _("offline"),
    }
    context = {
        "section": "chat",
        "teams": Team.objects.all(),
        "canned": canned,
        "strings": strings,
        "statuses": [("available", _("Available")), ("away", _("Away")), ("offline", _("Offline"))],
    }
    return render(request, "console/chat.html", context)
