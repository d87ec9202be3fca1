"""Thin views of the e-mail channel."""

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from loket.contact import actions
from loket.contact.forms import EmailContactForm
from loket.contact.models import Case
from loket.parsing import whole_number
from loket.security import rate_limited

# The references this browser sent, in a signed cookie: the thank-you page is shown to that browser only, without
# a session row written (and read back) on every submission.
SENT_COOKIE = "loket_sent"
SENT_SALT = "loket.contact.sent"
SENT_MAX_AGE = 24 * 3600


def _sent_references(request: HttpRequest) -> list[str]:
    value = request.get_signed_cookie(SENT_COOKIE, default="", salt=SENT_SALT, max_age=SENT_MAX_AGE)
    return value.split(",") if value else []


@require_http_methods(["GET", "POST"])
def email_form(request: HttpRequest) -> HttpResponse:
    form = EmailContactForm(request.POST or None, initial=_prefill(request))
    status = 200
    if request.method == "POST" and form.is_valid():
        address = form.cleaned_data["email"].lower()
        if rate_limited(request, "contact") or rate_limited(request, "contact-address", key=address):
            form.add_error(None, _("We received many messages from you in a short time. Please try again later."))
            status = 429
        elif form.is_bot():
            form.add_error(None, _("Your message could not be sent. Please try again."))
        else:
            data = {k: v for k, v in form.cleaned_data.items() if k != "website"}
            case = actions.submit_email_question(**data, language=get_language())
            response = redirect("contact:email-sent", reference=case.reference)
            sent = ",".join([*_sent_references(request), case.reference][-20:])
            response.set_signed_cookie(
                SENT_COOKIE, sent, salt=SENT_SALT, max_age=SENT_MAX_AGE, httponly=True, samesite="Lax",
                secure=settings.SESSION_COOKIE_SECURE,
            )  # fmt: skip
            return response
    if form.errors and status == 200:
        status = 400
    return render(request, "contact/email_form.html", {"form": form}, status=status)


def _prefill(request: HttpRequest) -> dict[str, object]:
    """What a visitor typed elsewhere (the chat, when it is closed or they would rather write) comes along."""
    message = request.GET.get("message", "")[:5000]
    first_line = message.strip().splitlines()[0] if message.strip() else ""
    initial: dict[str, object] = {"name": request.GET.get("name", "")[:100].replace("\n", " "), "message": message}
    if first_line:
        initial["subject"] = first_line if len(first_line) <= 80 else first_line[:79] + "…"
    if (topic := whole_number(request.GET.get("topic"))) is not None:
        initial["topic"] = topic
    return initial


def email_sent(request: HttpRequest, reference: str) -> HttpResponse:
    # Only the browser that sent it sees the confirmation: a reference alone reveals nothing.
    if reference not in _sent_references(request):
        messages.info(request, _("This confirmation is only shown in the browser that sent the message."))
        return redirect("contact:email")
    case = get_object_or_404(Case, reference=reference)
    return render(request, "contact/email_sent.html", {"case": case})
