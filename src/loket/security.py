"""Security pieces shared by every app: the Content-Security-Policy, the client's address and rate limits."""

import ipaddress
import math
import time
from collections.abc import Callable
from dataclasses import asdict
from typing import Any

from csp.constants import UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.http.response import HttpResponseBase

ADMIN_PREFIXES = ("/admin/",)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """The strict policy everywhere, except Wagtail's editor, which still needs inline script and style."""

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if request.path_info.startswith(ADMIN_PREFIXES):
            update = dict(parts.update or {})
            update.update({"script-src": [UNSAFE_INLINE], "style-src": [UNSAFE_INLINE], "img-src": ["blob:"]})
            parts = PolicyParts(**{**asdict(parts), "update": update})
        return parts


# When a staff session last did something (seconds since the epoch), in the session. Past LOKET_STAFF_SESSION_IDLE it
# signs nobody in: the pages (loket/staff/middleware.py) and the console's socket (loket/chat/consumers.py) agree.
STAFF_SEEN = "loket_staff_seen"


def idle_too_long(seen: float | None) -> bool:
    return seen is not None and time.time() - seen > settings.LOKET_STAFF_SESSION_IDLE


def sessions_signed_in(sockets: list[tuple[str, int]]) -> list[bool]:
    """For each open staff socket (its session key, its person): is the session still that person's, not idled out,
    and made with their current password (the hash Django checks for pages)? Each session is read once."""
    from importlib import import_module

    from django.contrib.auth import HASH_SESSION_KEY, SESSION_KEY, get_user_model
    from django.utils.crypto import constant_time_compare

    users = get_user_model().objects.in_bulk({user_id for _, user_id in sockets})
    store = import_module(settings.SESSION_ENGINE).SessionStore
    sessions = {key: store(session_key=key).load() for key, _ in sockets if key}

    def signed_in(data: dict[str, Any], user_id: int) -> bool:
        user = users.get(user_id)
        if user is None or data.get(SESSION_KEY) != str(user_id) or idle_too_long(data.get(STAFF_SEEN)):
            return False
        stored = data.get(HASH_SESSION_KEY) or ""
        hashes = [user.get_session_auth_hash(), *user.get_session_auth_fallback_hash()]
        return any(constant_time_compare(stored, known) for known in hashes)

    return [signed_in(sessions.get(key, {}), user_id) for key, user_id in sockets]


FORWARDED_HEADERS = ("HTTP_X_FORWARDED_FOR", "HTTP_X_FORWARDED_PROTO", "HTTP_X_FORWARDED_HOST")


def trusted_proxy(address: str) -> bool:
    """Is this one of LOKET_TRUSTED_PROXIES (the reverse proxies in front of Loket)?"""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in settings.LOKET_TRUSTED_PROXIES)


def _client(peer: str, forwarded: str | None) -> str:
    """The peer; behind trusted proxies, the right-most address in X-Forwarded-For that is not one of them (each
    proxy appends the address it saw, so everything left of that is whatever the client claimed)."""
    if not forwarded or not trusted_proxy(peer):
        return peer
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    return next((hop for hop in reversed(hops) if not trusted_proxy(hop)), hops[0] if hops else peer)


def client_address(request: HttpRequest) -> str:
    return _client(request.META.get("REMOTE_ADDR", ""), request.META.get("HTTP_X_FORWARDED_FOR"))


def client_address_of(scope: dict[str, Any]) -> str:
    """The same for a WebSocket connection's scope."""
    forwarded = dict(scope.get("headers") or []).get(b"x-forwarded-for")
    client = scope.get("client") or ("",)
    return _client(str(client[0]), forwarded.decode("latin-1") if forwarded else None)


class TrustedProxyMiddleware:
    """First of all: forwarded headers (client address, scheme, host) count only when a trusted proxy sent them.

    The ASGI server passes them through untouched (`loket web` turns uvicorn's own proxy handling off), so this is
    the one place that decides."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if not trusted_proxy(request.META.get("REMOTE_ADDR", "")):
            for header in FORWARDED_HEADERS:
                request.META.pop(header, None)
        return self.get_response(request)


def rate_limited(request: HttpRequest, scope: str, key: str | None = None) -> bool:
    """Count this request against `scope`'s limit for the client (or for `key`); True when it is used up."""
    return limit_used_up(scope, key if key is not None else client_address(request))


def limit_used_up(scope: str, key: str) -> bool:
    """Count one against `scope`'s limit for `key`; True when it is used up.

    A fixed window in the shared cache (Redis when configured), so every process counts together.
    """
    limit, window = settings.LOKET_RATE_LIMITS[scope]
    key = f"rate:{scope}:{key}"
    if cache.add(key, 1, timeout=window):
        cache.set(f"{key}:ends", time.time() + window, timeout=window)  # for retry_after(); once a window
        return False
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.add(key, 1, timeout=window)
        cache.set(f"{key}:ends", time.time() + window, timeout=window)
        return False
    return count > limit


def retry_after(scope: str, key: str) -> int:
    """Whole seconds until `scope`'s window for `key` ends and the limit allows again (the whole window when the
    cache no longer knows when it began)."""
    window = settings.LOKET_RATE_LIMITS[scope][1]
    ends = cache.get(f"rate:{scope}:{key}:ends")
    if not isinstance(ends, (int, float)):
        return window
    return max(1, min(window, math.ceil(ends - time.time())))


_buckets: dict[tuple[str, str], tuple[float, float]] = {}  # (scope, key) -> (tokens left, when counted)
BUCKETS_KEPT = 100_000


def local_limit_used_up(scope: str, key: str) -> bool:
    """As `limit_used_up`, in this process's memory: a token bucket (`limit` at once, refilled over the window) with
    no round trip. For keys that live on one connection, such as a chat's side, and are checked on its event loop;
    a client with sockets in several processes has a budget in each, so at most the number of processes times it."""
    now = time.monotonic()
    tokens = _tokens((scope, key), now)
    if tokens < 1:
        return True
    if len(_buckets) > BUCKETS_KEPT:  # buckets that have filled up again tell nothing: forget them
        for full in [name for name in _buckets if _tokens(name, now) >= settings.LOKET_RATE_LIMITS[name[0]][0]]:
            del _buckets[full]
    _buckets[(scope, key)] = (tokens - 1, now)
    return False


def _tokens(name: tuple[str, str], now: float) -> float:
    limit, window = settings.LOKET_RATE_LIMITS[name[0]]
    left, then = _buckets.get(name, (float(limit), now))
    return min(float(limit), left + (now - then) * limit / window)


def forget_local_limits() -> None:
    _buckets.clear()
