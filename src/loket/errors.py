"""Loket's answers for requests that went wrong: a page in Loket's own layout, in the visitor's language, with the
right status, a search box and a way home, for 400, 403 (and a refused CSRF token), 404 and 500.

While the database cannot be reached (a restart, a failover), people get a 503 that says to try again shortly, not a
500, and nothing on that page needs the database. An ordinary 500 is a full Loket page; should rendering that fail in
its turn (the fault may sit in a template or a context processor), a bare page in the same words takes its place."""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from loket.problems import request_language

log = logging.getLogger(__name__)

RETRY_AFTER = "30"  # seconds: about as long as a database restart or failover takes

UNAVAILABLE = {
    "nl": "Loket is even niet bereikbaar. Probeer het over een halve minuut opnieuw.",
    "en": "Loket is briefly unavailable. Please try again in half a minute.",
}


def _language() -> str:
    return "en" if (translation.get_language() or "nl").startswith("en") else "nl"


def _texts(status: int) -> tuple[str, str]:
    """The title and the explanation for a status, in the active language."""
    if status == 400:
        return _("This request could not be read"), _(
            "Something in the address or in what was sent is not right. Check the address, or start again from the "
            "home page."
        )
    if status == 403:
        return _("You do not have access to this page"), _(
            "This page is not open to you. If you think it should be, contact us."
        )
    if status == 404:
        return _("Page not found"), _(
            "This page does not exist (any more). It may have moved, or the address may contain a typing mistake."
        )
    return _("Something went wrong on our side"), _(
        "We could not show this page. The error has been noted; please try again in a moment."
    )


def _csrf_texts() -> tuple[str, str]:
    return _("Your form has expired"), _(
        "For your safety a form only works for a while, and only with cookies allowed. Go back, reload the page and "
        "send the form again; what you typed may still be there after going back."
    )


def _error_page(request: HttpRequest, status: int, title: str = "", message: str = "") -> HttpResponse:
    if request.path.startswith("/api/"):
        return _api_problem(request, status, title)
    if not title:
        title, message = _texts(status)
    context = {"status": status, "error_title": title, "error_message": message}
    try:
        return render(request, "error.html", context, status=status)
    except Exception:  # the layout itself failed (a template, a context processor, the database): a bare page
        log.exception("the %s page could not be rendered in Loket's layout", status)
        page = render_to_string("error_bare.html", {**context, "language": _language()})
        return HttpResponse(page, status=status)


def _api_problem(request: HttpRequest, status: int, title: str) -> HttpResponse:
    """The API's one error form (loket.problems) for what Django itself answers: a documented code, and a sentence in
    the request's language; anything unforeseen is a 500 `server-error`."""
    with translation.override(request_language(request)):
        if status == 500:
            detail = _("Something went wrong on our side. The error has been noted; please try again in a moment.")
        else:
            detail = title or _texts(status)[0]
    code = {400: "bad-request", 403: "forbidden", 404: "not-found"}.get(status, "server-error")
    return JsonResponse({"code": code, "detail": str(detail)}, status=status)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """handler400"""
    return _error_page(request, 400)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """handler403"""
    return _error_page(request, 403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """handler404"""
    return _error_page(request, 404)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """CSRF_FAILURE_VIEW: a 403 that says what happened (an expired or missing token) and what to do."""
    return _error_page(request, 403, *_csrf_texts())


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500: Django calls it inside the `except` of whatever failed (a view or a middleware)."""
    # Only the database being out of reach is a 503: a query that fails (a bug) stays a 500 and is logged as one.
    if not isinstance(sys.exc_info()[1], (OperationalError, InterfaceError)):
        return _error_page(request, 500)
    if request.path.startswith("/api/"):
        language = request_language(request)
        response: HttpResponse = JsonResponse({"code": "unavailable", "detail": UNAVAILABLE[language]}, status=503)
    else:
        language = _language()
        page = render_to_string("unavailable.html", {"language": language, "message": UNAVAILABLE[language]})
        response = HttpResponse(page, status=503)
    response["Retry-After"] = RETRY_AFTER
    return response
