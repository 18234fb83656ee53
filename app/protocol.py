"""uvicorn's h11 protocol with a deadline for a new connection's request head.

uvicorn times out an idle keep-alive connection, but not a new one whose client sends its headers a byte at a
time (slowloris): such a connection holds a slot for ever. Here the first request head must be complete within
``seconds`` of connecting, or the connection is closed. A stalled body is the web guard's (408).
"""

from __future__ import annotations

import asyncio

from uvicorn.protocols.http.h11_impl import H11Protocol


def header_deadline(seconds: float) -> type[H11Protocol]:
    class HeaderDeadline(H11Protocol):
        _deadline: asyncio.TimerHandle | None = None

        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            self._deadline = self.loop.call_later(seconds, self._head_late)

        def handle_events(self) -> None:
            super().handle_events()
            if self.cycle is not None and self._deadline is not None:  # a request head arrived whole
                self._deadline.cancel()
                self._deadline = None

        def connection_lost(self, exc: Exception | None) -> None:
            if self._deadline is not None:
                self._deadline.cancel()
            super().connection_lost(exc)

        def _head_late(self) -> None:
            self._deadline = None
            if self.cycle is None and not self.transport.is_closing():
                self.transport.close()

    return HeaderDeadline
