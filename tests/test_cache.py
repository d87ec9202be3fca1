"""The shared cache while Redis is away: rate limits go on in the process's memory, and back to Redis after."""

from loket.cache import ResilientRedisCache
from tests.services import free_port, private_redis


def test_without_redis_the_cache_counts_in_memory_and_uses_redis_again_once_it_answers(caplog):
    port = free_port()
    cache = ResilientRedisCache(f"redis://127.0.0.1:{port}/0", {})
    assert cache.add("rate:x", 1, timeout=60) is True  # nothing listens: counted here, no error
    assert cache.incr("rate:x") == 2 and cache.get("rate:x") == 2
    assert "Redis unreachable" in caplog.text
    with private_redis(port):
        assert cache.add("rate:x", 1, timeout=60) is True  # Redis's own count starts afresh
        assert cache.incr("rate:x") == 2
        cache.fallback.clear()
        assert cache.get("rate:x") == 2  # from Redis, not from memory
    assert "Redis answers again" in caplog.text


def test_pages_with_a_rate_limit_work_while_redis_is_down(client, site, settings):
    nowhere = f"redis://127.0.0.1:{free_port()}/0"
    settings.CACHES = {"default": {"BACKEND": "loket.cache.ResilientRedisCache", "LOCATION": nowhere}}
    assert client.get("/zoeken/", {"q": "sociale media"}).status_code == 200
    assert client.post("/api/guidance/check", {"text": "Hallo"}, content_type="application/json").status_code == 200
