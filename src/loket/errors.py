"""Answers for requests that failed on the server's side. While the database cannot be reached (a restart, a
failover), people get a 503 that says to try again shortly, not a 500, and nothing here needs the database."""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.views.defaults import server_error as django_server_error

RETRY_AFTER = "30"  # seconds: about as long as a database restart or failover takes

UNAVAILABLE = {
    "nl": "Loket is even niet bereikbaar. Probeer het over een halve minuut opnieuw.",
    "en": "Loket is briefly unavailable. Please try again in half a minute.",
}


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500: Django calls it inside the `except` of whatever failed (a view or a middleware)."""
    # Only the database being out of reach: a query that fails (a bug) stays a 500 and is logged as one.
    if not isinstance(sys.exc_info()[1], (OperationalError, InterfaceError)):
        return django_server_error(request)
    language = "en" if translation.get_language() == "en" else "nl"
    if request.path.startswith("/api/"):
        response: HttpResponse = JsonResponse({"code": "unavailable", "detail": UNAVAILABLE[language]}, status=503)
    else:
        page = render_to_string("unavailable.html", {"language": language, "message": UNAVAILABLE[language]})
        response = HttpResponse(page, status=503)
    response["Retry-After"] = RETRY_AFTER
    return response
