"""Staff sessions: the idle timeout, the second factor that must be set up first, and the language of staff pages."""

import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.http.response import HttpResponseBase
from django.urls import Resolver404, resolve, reverse
from django.utils import translation
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from loket.audit import actions as audit
from loket.security import STAFF_SEEN, idle_too_long
from loket.staff import queries

TOUCH_EVERY = 60  # seconds: the idle clock is this exact, and a session is saved at most this often
# The session itself lasts this much longer than the idle period, so that the next request can still tell the person
# why they were signed out (and the trail can say so); past the idle period it signs nobody in.
SAYS_WHY_FOR = 24 * 3600
STAFF_PATHS = ("/staff/", "/console/")  # Loket's own staff pages; /admin/ is Wagtail's, in its own language
# Requests a page makes by itself (Wagtail's editing-session ping every few seconds) are not activity.
PASSIVE_PATHS = ("/admin/editing-sessions/",)


def _is_staff_page(path: str) -> bool:
    return path.startswith(STAFF_PATHS)


class StaffSessionMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if _is_staff_page(request.path_info):
            _activate_staff_language(request)
        if request.user.is_authenticated:
            if idle_too_long(request.session.get(STAFF_SEEN)):
                return _signed_out_idle(request)
            if queries.owes_second_factor(request) and not _open_while_owing(request.path_info):
                return _to_second_factor_setup(request)
        response = self.get_response(request)
        if request.user.is_authenticated and not request.path_info.startswith(PASSIVE_PATHS):
            touch(request)
        return response


# While a second factor is owed, only what it takes to set one up (or to leave) opens.
OPEN_WHILE_OWING = {"staff:security", "staff:keepalive", "account_logout", "account_reauthenticate", "set_language"}


def _open_while_owing(path: str) -> bool:
    try:
        name = resolve(path).view_name
    except Resolver404:
        return False
    return name in OPEN_WHILE_OWING or name.startswith("mfa_")


def touch(request: HttpRequest) -> int:
    """Activity: the session lasts the idle period from now (saved at most once a minute). Seconds left."""
    now = time.time()
    seen = request.session.get(STAFF_SEEN)
    if seen is None or now - seen > TOUCH_EVERY:
        request.session[STAFF_SEEN] = now
        request.session.set_expiry(settings.LOKET_STAFF_SESSION_IDLE + SAYS_WHY_FOR)
        seen = now
    return int(seen + settings.LOKET_STAFF_SESSION_IDLE - now)


def _wants_json(request: HttpRequest) -> bool:
    return request.path_info.startswith("/api/") or "application/json" in request.headers.get("Accept", "")


def _signed_out_idle(request: HttpRequest) -> HttpResponse:
    hours = settings.LOKET_STAFF_SESSION_IDLE / 3600
    audit.record("signout.idle", request=request, idle_seconds=settings.LOKET_STAFF_SESSION_IDLE)
    logout(request)
    if _wants_json(request):
        return JsonResponse(
            {"code": "signed-out", "detail": _("Your session ended after a while without activity.")}, status=401
        )
    messages.info(
        request,
        _("You were signed out after %(hours)s hours without activity. Sign in again to go on.")
        % {"hours": f"{hours:g}"},
    )
    return HttpResponseRedirect(f"{reverse('account_login')}?{urlencode({'next': request.get_full_path()})}")


def _to_second_factor_setup(request: HttpRequest) -> HttpResponse:
    if _wants_json(request):
        return JsonResponse(
            {"code": "second-factor-required", "detail": _("Set up a second factor first.")}, status=403
        )
    return HttpResponseRedirect(reverse("staff:security"))


def _activate_staff_language(request: HttpRequest) -> None:
    """Staff pages have no /en/ prefix: the language chosen on them (a cookie), else the browser's, else Dutch."""
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
    language = chosen if chosen in dict(settings.LANGUAGES) else None
    if language is None:
        from_browser = translation.get_language_from_request(request)  # cookie, then Accept-Language
        language = from_browser if from_browser in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
    translation.activate(language)
    request.LANGUAGE_CODE = language


class WebsocketUser:
    """For staff's WebSockets what Django's AuthenticationMiddleware and StaffSessionMiddleware do for pages, in one
    trip to the database: `scope["user"]` is the session's user, or nobody for a session idle too long or whoever
    still owes a second factor.
    (Channels' AuthMiddleware would take a trip of its own, with database_sync_to_async: see loket.db.in_thread.)"""

    def __init__(self, inner: Any) -> None:
        self.inner = inner

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> Any:
        from loket.db import in_thread

        scope = {**scope, "user": await in_thread(_websocket_user)(scope["session"])}
        return await self.inner(scope, receive, send)


def _websocket_user(session: Any) -> Any:
    from django.contrib.auth import get_user
    from django.contrib.auth.models import AnonymousUser

    request = HttpRequest()
    request.session = session
    request.user = get_user(request)  # checks the session's password hash as for pages
    if request.user.is_authenticated and (
        idle_too_long(session.get(STAFF_SEEN)) or queries.owes_second_factor(request)
    ):
        return AnonymousUser()
    return request.user
