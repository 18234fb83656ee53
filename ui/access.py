"""Who may change the library from the UI: the same rule as the API's write endpoints."""

from __future__ import annotations

import hmac

from ingest.settings import Settings


def writes_allowed(settings: Settings, key: str | None) -> bool:
    """Writes must be on, and the admin key must match when one is configured (constant-time compare)."""
    if settings.disable_writes:
        return False
    if not settings.api_key:
        return True
    return hmac.compare_digest((key or "").encode(), settings.api_key.encode())
