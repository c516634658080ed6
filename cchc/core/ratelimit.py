"""A small fixed-window rate limiter on the cache (shared between processes when the cache is Redis)."""

from django.core.cache import cache
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    return str(request.META.get("REMOTE_ADDR", "unknown"))


def allow(key: str, *, limit: int, window_seconds: int) -> bool:
    """Count one hit on `key`; False once more than `limit` hits fell in the current window."""
    cache_key = f"ratelimit:{key}"
    if cache.add(cache_key, 1, timeout=window_seconds):
        return True
    try:
        hits = cache.incr(cache_key)
    except ValueError:  # expired between add() and incr()
        cache.add(cache_key, 1, timeout=window_seconds)
        return True
    return hits <= limit
