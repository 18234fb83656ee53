"""Service layer: retrieval, cited answers, the library's rules and the HTTP API's routers.

Imports `ingest`; never `ui`, `eval` or `app` (the entry points above it).
"""
