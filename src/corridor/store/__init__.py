"""The corridor event store: coded articles in DuckDB (or PostgreSQL), de-duplicated events, analytics.

Reads coded articles (``CodedArticle`` objects or ``corridor/1`` JSON dicts); writes the store tables
documented in ``docs/store.md``. Start with :func:`open_store`; the analytics live in
:mod:`corridor.store.analytics`.
"""

from __future__ import annotations

from pathlib import Path

from corridor.store.base import LoadStats, Store, StoreBusyError, StoreError
from corridor.store.rows import read_jsonl

__all__ = [
    "LoadStats",
    "Store",
    "StoreBusyError",
    "StoreError",
    "open_store",
    "read_jsonl",
]


def open_store(path_or_url: str | Path, *, read_only: bool = False, timeout: float = 30.0) -> Store:
    """Open (and create or migrate, unless ``read_only``) an event store.

    ``path_or_url`` is a DuckDB file path, or a ``postgresql://`` URL for the PostgreSQL backend.
    ``timeout`` is how long an operation waits for another process's lock before
    :class:`StoreBusyError`.
    """
    s = str(path_or_url)
    if s.startswith(("postgresql://", "postgres://")):
        from corridor.store.postgres_store import PostgresStore

        return PostgresStore(s, read_only=read_only, timeout=timeout)
    from corridor.store.duckdb_store import DuckDBStore

    return DuckDBStore(s, read_only=read_only, timeout=timeout)
