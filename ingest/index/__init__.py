"""The index interface and its two engines (embedded Qdrant Edge, Qdrant server via qdrant-client)."""
