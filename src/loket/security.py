"""Security pieces shared by every app: the Content-Security-Policy and rate limits."""

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


def client_address(request: HttpRequest) -> str:
    """The client's address; behind a proxy that sets X-Forwarded-For, its last hop is the one we trust."""
    if settings.PRODUCTION and (forwarded := request.META.get("HTTP_X_FORWARDED_FOR")):
        return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def client_address_of(scope: dict[str, Any]) -> str:
    """The same for a WebSocket connection's scope."""
    headers = dict(scope.get("headers") or [])
    if settings.PRODUCTION and (forwarded := headers.get(b"x-forwarded-for")):
        return forwarded.decode("latin-1").split(",")[-1].strip()
    client = scope.get("client") or ("",)
    return str(client[0])


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
        return False
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.add(key, 1, timeout=window)
        return False
    return count > limit
