"""Logging for `kb serve`: plain lines by default; with ``KB_LOG_FORMAT=json`` one JSON object per line, and one
record per request (method, route template, status, duration: never a query, a body or question text)."""

from __future__ import annotations

import logging

from pythonjsonlogger.json import JsonFormatter

from ingest.settings import Settings

JSON_FIELDS = "%(asctime)s %(levelname)s %(name)s %(message)s"


def configure_logging(settings: Settings) -> None:
    if settings.log_format != "json":
        return  # main() set plain WARNING lines; requests are not logged
    handler = logging.StreamHandler()
    handler.setFormatter(JsonFormatter(JSON_FIELDS, rename_fields={"asctime": "time", "levelname": "level",
                                                                   "name": "logger"}))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.WARNING)
    logging.getLogger("kb.request").setLevel(logging.INFO)
