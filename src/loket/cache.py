"""The shared cache (Redis), which carries rate limits and lockouts across processes, but that never takes the site
down with it: while Redis cannot be reached, each process counts in its own memory (limits then hold per process,
not per cluster), and goes back to Redis by itself once it answers again."""

import logging
from collections.abc import Callable
from typing import Any

from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

log = logging.getLogger(__name__)


def _either_way(name: str) -> Callable[..., Any]:
    def method(self: "ResilientRedisCache", *args: Any, **kwargs: Any) -> Any:
        return self._either(name, *args, **kwargs)

    method.__name__ = name
    return method


class ResilientRedisCache(RedisCache):
    def __init__(self, server: str, params: dict[str, Any]) -> None:
        options = params.setdefault("OPTIONS", {})
        # An unreachable or hanging Redis answers within a second, not after the kernel's TCP timeout.
        options.setdefault("socket_connect_timeout", 1)
        options.setdefault("socket_timeout", 1)
        super().__init__(server, params)
        self.fallback = LocMemCache(f"loket-fallback-{server}", {"TIMEOUT": params.get("TIMEOUT", 300)})
        self.failing = False

    def _either(self, name: str, *args: Any, **kwargs: Any) -> Any:
        shared: Callable[..., Any] = getattr(RedisCache, name)
        try:
            result = shared(self, *args, **kwargs)
        except (RedisError, OSError):
            if not self.failing:
                log.warning("Redis unreachable: rate limits count in this process until it answers again")
                self.failing = True
            return getattr(self.fallback, name)(*args, **kwargs)
        if self.failing:
            log.warning("Redis answers again: rate limits count across processes")
            self.failing = False
        return result

    add = _either_way("add")
    get = _either_way("get")
    set = _either_way("set")
    touch = _either_way("touch")
    delete = _either_way("delete")
    get_many = _either_way("get_many")
    set_many = _either_way("set_many")
    delete_many = _either_way("delete_many")
    has_key = _either_way("has_key")
    incr = _either_way("incr")
    clear = _either_way("clear")
