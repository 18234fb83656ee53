"""Rate limits on what a client may store (feedback) or change (the library), through the ``limits`` library:
a moving window per client and action, kept in memory (one service process; replicas each keep their own)."""

from __future__ import annotations

from limits import RateLimitItem, parse
from limits.storage import MemoryStorage
from limits.strategies import MovingWindowRateLimiter

from ingest.errors import TooManyRequests, UsageError


class RateLimit:
    def __init__(self, rule: str, action: str) -> None:
        try:
            self.item: RateLimitItem = parse(rule)
        except ValueError:
            raise UsageError(f"'{rule}' is not a rate such as '10/minute' (for {action})") from None
        self.action = action
        self.limiter = MovingWindowRateLimiter(MemoryStorage())

    def check(self, client: str) -> None:
        """Count one more for ``client``; TooManyRequests once the window is full (nothing is done then)."""
        if not self.limiter.hit(self.item, self.action, client):
            raise TooManyRequests(f"too many {self.action} requests from this client (at most {self.item}); "
                                  "try again later")
