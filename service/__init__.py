"""Service layer: retrieval, cited answers, the HTTP API and the `kb` command line.

Imports `ingest`; never `ui` or `eval` (the CLI and app factory load those lazily as entry points).
"""
