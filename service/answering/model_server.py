"""A local GGUF model served beside the service, never inside it.

llama.cpp runs in a child process (llama-cpp-python's OpenAI-compatible server); the service talks to it over
loopback HTTP like any other OpenAI-style endpoint. A crash in the model (a segfault in llama.cpp on some CPU)
ends that child, not the service: the question being answered falls back to the extractive answer with a
notice, and the next question starts the model again.
"""

from __future__ import annotations

import logging
import socket
import subprocess
import sys
import threading
import time
from typing import Any

import httpx

from ingest.errors import LLMUnavailable

log = logging.getLogger(__name__)
READY_S = 120.0  # loading a small GGUF takes seconds; a large one on a slow disk, longer
CONTEXT_TOKENS = 4096


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class LocalModelServer:
    """The child process, started on first use and again whenever it has stopped."""

    def __init__(self, model_path: str, context_tokens: int = CONTEXT_TOKENS, ready_s: float = READY_S) -> None:
        self.model_path = model_path
        self.context_tokens = context_tokens
        self.ready_s = ready_s
        self.proc: subprocess.Popen[bytes] | None = None
        self.url = ""
        self.starts = 0
        self.lock = threading.Lock()

    def base_url(self) -> str:
        """The running server's OpenAI-style base URL; starts (or restarts) it when it is not running."""
        with self.lock:
            if self.proc is None or self.proc.poll() is not None:
                if self.proc is not None:
                    log.warning("the local model server stopped (exit code %s); starting it again", self.proc.returncode)
                self._start()
            return self.url

    def _start(self) -> None:
        port = free_port()
        command = [sys.executable, "-m", "llama_cpp.server", "--model", self.model_path, "--host", "127.0.0.1",
                   "--port", str(port), "--n_ctx", str(self.context_tokens), "--chat_format", "chatml"]
        self.proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                     start_new_session=True)  # a Ctrl-C meant for the service reaches it through close()
        self.url = f"http://127.0.0.1:{port}/v1"
        self.starts += 1
        if not self._ready():
            self.close()
            raise LLMUnavailable(f"the local model server did not start within {self.ready_s:g} s ({self.model_path})")

    def _ready(self) -> bool:
        deadline = time.monotonic() + self.ready_s
        while time.monotonic() < deadline and self.proc is not None and self.proc.poll() is None:
            try:
                if httpx.get(f"{self.url}/models", timeout=2, trust_env=False).status_code == 200:
                    return True
            except httpx.HTTPError:
                time.sleep(0.25)
        return False

    def close(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=30)


class SupervisedLLM:
    """A llama-index LLM on the supervised server: each call asks the supervisor for a live server first."""

    def __init__(self, server: LocalModelServer, make: Any) -> None:
        self.server = server
        self.make = make  # url -> a llama-index LLM for that OpenAI-style endpoint
        self._llm: Any = None
        self._url = ""
        threading.Thread(target=self._warm, name="model-server", daemon=True).start()  # the first question need not wait

    def _warm(self) -> None:
        try:
            self.server.base_url()
        except Exception as err:  # said again, and answered by the extractive path, at the first question
            log.warning("the local model server did not start: %s", err)

    def chat(self, messages: Any) -> Any:
        return self._live().chat(messages)

    def stream_chat(self, messages: Any) -> Any:
        return self._live().stream_chat(messages)

    def _live(self) -> Any:
        url = self.server.base_url()
        if url != self._url:
            self._llm, self._url = self.make(url), url
        return self._llm

    def close(self) -> None:
        self.server.close()
