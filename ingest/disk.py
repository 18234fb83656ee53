"""Free space for the embedded index.

Qdrant Edge writes through memory-mapped files: a store into a mapped page the disk has no room for kills the
process (SIGBUS, "Bus error") instead of failing a write, so nothing can catch it. Writers stop before, at a
reserve (``KB_MIN_FREE_MB``), with ``IndexWriteFailed``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from ingest.errors import IndexWriteFailed


def free_mib(folder: Path) -> float:
    """Space an unprivileged process may still write on the disk holding ``folder`` (or its nearest existing
    parent, for a folder still to be made)."""
    existing = next(p for p in (folder, *folder.parents) if p.exists())
    return shutil.disk_usage(existing).free / 2**20


def require_free(folder: Path, reserve_mib: int, shown: Path) -> None:
    """Raise unless ``reserve_mib`` MiB are free on ``folder``'s disk; ``shown`` is the folder the message names."""
    free = free_mib(folder)
    if free < reserve_mib:
        raise IndexWriteFailed(
            f"only {free:.0f} MiB free on the disk of the index folder {shown} (less than "
            f"KB_MIN_FREE_MB={reserve_mib}); what was saved before is kept: free disk space (or lower the reserve) and "
            "run the command again"
        )
