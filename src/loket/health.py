"""/healthz: is this process able to reach what it depends on?"""

import redis
from django.conf import settings
from django.db import connection
from django.http import HttpRequest, JsonResponse


def _database() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception as error:  # any failure means "down"; the message says which
        return f"down: {error.__class__.__name__}"
    return "ok"


def _redis() -> str:
    if not settings.REDIS_URL:
        return "not configured"
    try:
        client = redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=1, socket_timeout=1)
        client.ping()
        client.close()
    except redis.RedisError as error:
        return f"down: {error.__class__.__name__}"
    return "ok"


def healthz(request: HttpRequest) -> JsonResponse:
    """503 only when this process cannot serve (no database). Without Redis it still serves everything (rate limits
    per process, chat events within the process until Redis is back): "degraded", 200, so that a load balancer
    does not take every node out at once because of Redis."""
    checks = {"database": _database(), "redis": _redis()}
    if checks["database"] != "ok":
        return JsonResponse({"status": "down", **checks}, status=503)
    status = "ok" if checks["redis"] in ("ok", "not configured") else "degraded"
    if settings.LOKET_IMAP_URL:  # mail waits in the mailbox while one is down: worth a look, not a 503
        from loket.contact.imap import mailbox_states

        mailboxes = mailbox_states()
        if status == "ok" and not all(box["connected"] for box in mailboxes):
            status = "degraded"
        return JsonResponse({"status": status, **checks, "mailboxes": mailboxes}, status=200)
    return JsonResponse({"status": status, **checks}, status=200)
