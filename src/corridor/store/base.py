"""Backend-neutral parts of the event store: errors, load statistics and the ``Store`` interface.

Reads nothing; the backends (``duckdb_store``, ``postgres_store``) implement :class:`Store`.
"""

from __future__ import annotations

import abc
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa

from corridor.store.rows import ArticleLike, batches, jsonl_batches, latest_only, list_total

Progress = Callable[[str, int], None]


class StoreError(RuntimeError):
    """A store could not be opened or used."""


class StoreBusyError(StoreError):
    """Another process holds the store (for writing, or for reading while we want to write)."""


@dataclass
class LoadStats:
    """What one :meth:`Store.load` call did."""

    articles: int = 0  # articles written
    replaced: int = 0  # of those, articles that replaced a stored version (same doc_id or content_hash)
    superseded: int = 0  # articles dropped because a later copy in the same load replaced them
    mentions: int = 0
    actors: int = 0
    quotes: int = 0
    places: int = 0
    times: int = 0
    events: int = 0  # event-level rows in the store after the load
    seconds: float = 0.0
    fold_seconds: float = 0.0
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class Store(abc.ABC):
    """An event store. Every method opens the database for its own duration (see docs/store.md)."""

    url: str
    dialect: str = "duckdb"  # SQL dialect of query(): "duckdb" or "postgres"

    def load(
        self,
        articles: Iterable[ArticleLike],
        *,
        batch_size: int = 5000,
        progress: Progress | None = None,
    ) -> LoadStats:
        """Write ``articles`` in one transaction, replacing stored versions, then refold events.

        ``progress(stage, n)`` is called with ``("begin", 0)`` once the transaction is open,
        ``("batch", articles_so_far)`` after each batch, ``("fold", 0)`` before folding and
        ``("commit", articles)`` after the commit.
        """
        return self._load_tables(batches(articles, batch_size), progress)

    def load_jsonl(
        self, path: str | Path, *, progress: Progress | None = None, block_bytes: int = 16 << 20
    ) -> LoadStats:
        """Like :meth:`load` for a ``corridor/1`` JSONL file, parsed by Arrow without Python objects."""
        return self._load_tables(jsonl_batches(path, block_bytes), progress)

    @abc.abstractmethod
    def _load_tables(self, tables: Iterable[pa.Table], progress: Progress | None) -> LoadStats:
        """Write nested article batches (``corridor/1`` rows as Arrow tables) in one transaction."""

    @abc.abstractmethod
    def delete(self, doc_ids: Sequence[str]) -> int:
        """Remove articles (and their rows) by doc_id, refold, and return how many were removed."""

    @abc.abstractmethod
    def query(self, sql: str, params: Sequence[Any] | None = None) -> pa.Table:
        """Run a read-only SQL query (``?`` placeholders) and return an Arrow table."""

    @abc.abstractmethod
    def export_parquet(self, directory: str | Path) -> dict[str, int]:
        """Write every table as Parquet under ``directory/<table>/year=YYYY/month=M/``; returns row counts."""

    @abc.abstractmethod
    def schema_version(self) -> int:
        """The schema version of the store."""

    def counts(self) -> dict[str, int]:
        """Row counts of the main tables."""
        tables = ("articles", "mentions", "events", "actors", "quotes", "places", "times")
        sql = "SELECT " + ", ".join(f"(SELECT count(*) FROM {t}) AS {t}" for t in tables)
        row = self.query(sql).to_pylist()[0]
        return {t: int(row[t]) for t in tables}


def take_batch(table: pa.Table, stats: LoadStats) -> tuple[pa.Table, list[str]]:
    """Keep the latest copy of each article in ``table`` and count its rows into ``stats``."""
    given = table.num_rows
    table, doc_ids = latest_only(table)
    stats.superseded += given - len(doc_ids)
    stats.mentions += list_total(table, "events")
    stats.actors += list_total(table, "actors")
    stats.quotes += list_total(table, "quotes")
    stats.places += list_total(table, "places")
    stats.times += list_total(table, "times")
    return table, doc_ids


def count_removed(gone: Iterable[str], written: set[str], stats: LoadStats) -> None:
    """Count stored articles a batch replaced: earlier in this load (superseded) or before it (replaced)."""
    for d in gone:
        if d in written:
            written.discard(d)
            stats.superseded += 1
            stats.articles -= 1
        else:
            stats.replaced += 1
