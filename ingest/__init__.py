"""Ingestion layer: guidance documents -> chunks -> embeddings -> Qdrant index.

The lowest layer. It never imports `service`, `ui` or `eval`.
"""
