"""`kb serve`: refuses unsafe exposure, leaves a note for other commands, runs uvicorn."""

from __future__ import annotations

import signal
import sys

from rich.console import Console

from app.logs import configure_logging
from app.protocol import header_deadline
from app.running import write_note
from ingest.errors import UsageError
from ingest.settings import Settings
from service.library import is_loopback

# uvicorn's default of 5 s loses a race under a burst: the event loop runs late, the keep-alive timer fires
# before the client's next request on that connection is read, and the client gets a reset (seen at 50 clients).
KEEP_ALIVE_S = 60
MIN_KEY_CHARS = 16  # an admin key guarding a network-exposed service; shorter ones are guessable


def check_exposure(settings: Settings) -> None:
    """Write endpoints reachable from the network need a long admin key."""
    if is_loopback(settings.host) or settings.disable_writes:
        return
    if not settings.api_key:
        raise UsageError(
            f"refusing to serve on {settings.host} with write endpoints open and no admin key: "
            "set KB_API_KEY, or KB_DISABLE_WRITES=true, or bind to 127.0.0.1"
        )
    if len(settings.api_key) < MIN_KEY_CHARS:
        raise UsageError(
            f"refusing to serve on {settings.host}: KB_API_KEY is shorter than {MIN_KEY_CHARS} characters; "
            "use a long random key (e.g. `python -c 'import secrets; print(secrets.token_urlsafe(24))'`)"
        )


def run_serve(settings: Settings, err: Console) -> int:
    import uvicorn

    from app.web import create_app

    check_exposure(settings)
    configure_logging(settings)
    app = create_app(settings)
    url = f"http://{settings.host}:{settings.port}"
    note = write_note(settings, url)
    err.print(f"serving {url}  (UI {url}/ui, API docs {url}/docs)")
    # uvicorn stops on SIGTERM, then raises the signal again once its own handler is gone: with the default
    # handler the process would die there and skip the `finally`. Ours turns it into a normal exit.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        uvicorn.run(app, host=settings.host, port=settings.port, log_level="warning", access_log=False,
                    timeout_keep_alive=KEEP_ALIVE_S, http=header_deadline(settings.body_timeout_s),
                    proxy_headers=True, forwarded_allow_ips=settings.forwarded_allow_ips)
    finally:
        note.unlink(missing_ok=True)
    return 0
