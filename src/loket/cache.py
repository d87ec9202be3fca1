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
        shared: Callable[..., Any] = getattr(super(), name)
        try:
            result = shared(*args, **kwargs)
        except (RedisError, OSError):
            if not self.failing:
                log.warning("Redis unreachable: rate limits count in this process until it answers again")
                self.failing = True
            return getattr(self.fallback, name)(*args, **kwargs)
        if self.failing:
            log.warning("Redis answers again: rate limits count across processes")
            self.failing = False
        return result

    def add(self, *args: Any, **kwargs: Any) -> Any:
        return self._either("add", *args, **kwargs)

    def get(self, *args: Any, **kwargs: Any) -> Any:
        return self._either("get", *args, **kwargs)

    def set(self, *args: Any, **kwargs: Any) -> Any:
        return self._either("set", *args, **kwargs)

    def touch(self, *args: Any, **kwargs: Any) -> Any:
        return self._either("touch", *args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        return self._either("delete", *args, **kwargs)

    def get_many(self, *args: Any, **kwargs: Any) -> Any:
        return self._either("get_many", *args, **kwargs)

    def set_many(self, *args: Any, **kwargs: Any) -> Any:
        return self._either("set_many", *args, **kwargs)

    def delete_many(self, *args: Any, **kwargs: Any) -> Any:
        return self._either("delete_many", *args, **kwargs)

    def has_key(self, *args: Any, **kwargs: Any) -> Any:
        return self._either("has_key", *args, **kwargs)

    def incr(self, *args: Any, **kwargs: Any) -> Any:
        return self._either("incr", *args, **kwargs)

    def clear(self) -> Any:
        return self._either("clear")
