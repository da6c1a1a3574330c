"""The DuckDB event store: one database file holding articles, mentions, events, actors, quotes, places.

Reads coded articles (``CodedArticle`` objects or ``corridor/1`` dicts) and SQL queries; writes the tables
described in ``docs/store.md`` into the DuckDB file, and Parquet files on export.

Concurrency: DuckDB lets one process open a file read-write, and other processes open it read-only only
while no process holds it read-write. This store therefore opens the file per operation: a load holds it
read-write for the load only, a query holds it read-only for the query only. An operation that finds the
file locked retries until ``timeout`` seconds have passed, then raises :class:`StoreBusyError`.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from corridor.store import dedup, schema
from corridor.store.base import (
    LoadStats,
    Progress,
    Store,
    StoreBusyError,
    StoreError,
    count_removed,
    take_batch,
)
from corridor.store.rows import TABLES

BACKEND = "duckdb"


def _day(expr: str) -> str:
    """SQL for the DATE of an ISO date string (its first 10 characters), NULL when it is not one."""
    return f"TRY_CAST(substr({expr}, 1, 10) AS DATE)"


def _actor_cols(prefix: str, expr: str) -> str:
    return ", ".join(f"{expr}.{f} AS {prefix}_{f}" for f in ("code", "country", "agent", "name", "text"))


# Flatten the registered batch ``_b`` (one nested row per article) into the store tables.
_INSERTS: dict[str, str] = {
    "articles": f"""
        INSERT INTO articles BY NAME
        SELECT doc_id, content_hash, {_day("date")} AS date, date AS date_raw,
               coalesce(date_missing, false) AS date_missing, title, url, source,
               coalesce(schema, 'corridor/1') AS schema,
               coalesce(len(actors), 0) AS n_actors, coalesce(len(events), 0) AS n_events,
               coalesce(len(quotes), 0) AS n_quotes, coalesce(len(places), 0) AS n_places,
               coalesce(len(times), 0) AS n_times, coalesce(len(errors), 0) AS n_errors,
               CASE WHEN len(errors) > 0 THEN array_to_string(errors, chr(10)) END AS errors,
               text, current_timestamp AS loaded_at
        FROM _b""",
    "mentions": f"""
        INSERT INTO mentions BY NAME
        SELECT doc_id, e.event_id,
               coalesce({_day("e.date")}, {_day("adate")}) AS date, e.date AS date_raw,
               e.date_precision, e.date_source, {_day("adate")} AS article_date, publisher,
               {_actor_cols("source", "e.source")}, {_actor_cols("target", "e.target")},
               e.cameo, e.cameo_root, e.plover, e.plover_mode, e.goldstein, e.quad_class,
               coalesce(e.modality, 'asserted') AS modality, coalesce(e.negated, false) AS negated,
               e.reported_by.code AS reported_by_code,
               CASE WHEN e.location.geonameid IS NOT NULL THEN 'g' || e.location.geonameid
                    WHEN coalesce(e.location.name, e.location.text) IS NOT NULL
                    THEN 'n:' || lower(trim(coalesce(e.location.name, e.location.text))) END AS place_key,
               e.location.text AS place_text, e.location.name AS place_name, e.location.geonameid,
               e.location.country AS place_country, e.location.lat, e.location.lon,
               e.sentence, e.trigger.text AS trigger_text, e.trigger.start AS trigger_start,
               e.trigger."end" AS trigger_end, e.evidence.text AS evidence_text,
               e.evidence.start AS evidence_start, e.evidence."end" AS evidence_end,
               coalesce(e.confidence, 1.0) AS confidence, e.coded_by, e.pattern
        FROM (SELECT doc_id, date AS adate, source AS publisher, unnest(events) AS e FROM _b)""",
    "actors": f"""
        INSERT INTO actors BY NAME
        SELECT doc_id, idx, a.text, a.start AS start_char, a."end" AS end_char, a.code, a.country,
               a.agent, a.name, a.resolved_by, a.confidence, a.entity,
               CASE WHEN len(a.members) > 0 THEN [x.code FOR x IN a.members] END AS member_codes,
               {_day("adate")} AS article_date
        FROM (SELECT doc_id, date AS adate, unnest(range(len(actors))) AS idx, unnest(actors) AS a FROM _b)""",
    "quotes": f"""
        INSERT INTO quotes BY NAME
        SELECT doc_id, idx, q.kind, q.act, q.text, coalesce({_day("q.date")}, {_day("adate")}) AS date,
               q.date AS date_raw, {_actor_cols("speaker", "q.speaker")},
               q.addressee.code AS addressee_code,
               CASE WHEN len(q.reported_by) > 0 THEN [x.code FOR x IN q.reported_by] END
                   AS reported_by_codes,
               q.cue.text AS cue_text, q.spans, q.confidence
        FROM (SELECT doc_id, date AS adate, unnest(range(len(quotes))) AS idx, unnest(quotes) AS q FROM _b)""",
    "places": f"""
        INSERT INTO places BY NAME
        SELECT doc_id, idx, p.text, p.start AS start_char, p."end" AS end_char, p.name, p.geonameid,
               p.country, p.lat, p.lon, p.feature_class, p.feature_code, p.confidence,
               {_day("adate")} AS article_date
        FROM (SELECT doc_id, date AS adate, unnest(range(len(places))) AS idx, unnest(places) AS p FROM _b)""",
    "times": f"""
        INSERT INTO times BY NAME
        SELECT doc_id, idx, t.text, t.start AS start_char, t."end" AS end_char, t.type, t.value,
               t.precision, t.resolved_by, {_day("adate")} AS article_date
        FROM (SELECT doc_id, date AS adate, unnest(range(len(times))) AS idx, unnest(times) AS t FROM _b)""",
}

_BATCH_KEYS = """
    INSERT INTO _fold_keys
    SELECT DISTINCT coalesce(e.source.code, ''), coalesce(e.target.code, ''), coalesce(e.cameo_root, '')
    FROM (SELECT unnest(events) AS e FROM _b)"""

# The date column each table is partitioned by on Parquet export.
EXPORT_DATE: dict[str, str] = {
    "articles": "date",
    "mentions": "date",
    "events": "date",
    "actors": "article_date",
    "quotes": "date",
    "places": "article_date",
    "times": "article_date",
}

_PID = re.compile(r"\(PID (\d+)\)")


def _arrow(rel: Any) -> pa.Table:
    fetch = getattr(rel, "to_arrow_table", None) or rel.fetch_arrow_table
    table: pa.Table = fetch()
    return table


def _scalar(con: duckdb.DuckDBPyConnection, sql: str) -> int:
    rows = con.execute(sql).fetchall()
    return int(rows[0][0]) if rows and rows[0][0] is not None else 0


def _is_lock_error(exc: Exception) -> bool:
    msg = str(exc).lower()
    return "could not set lock" in msg or "conflicting lock" in msg or "different configuration" in msg


class DuckDBStore(Store):
    """An event store in one DuckDB file (see the module docstring for the concurrency model)."""

    def __init__(self, path: str | Path, *, read_only: bool = False, timeout: float = 30.0) -> None:
        self.path = Path(path)
        self.url = str(self.path)
        self.read_only = read_only
        self.timeout = timeout
        self._checked = False
        if read_only:
            if not self.path.exists():
                raise StoreError(f"no event store at {self.path}")
        else:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self._connect(write=True) as con:
                schema.migrate(con, BACKEND)
            self._checked = True

    # -- connections -------------------------------------------------------------------------------

    def _busy_message(self, exc: Exception, write: bool) -> str:
        m = _PID.search(str(exc))
        holder = f"another process (PID {m.group(1)})" if m else "another process"
        want = "write to" if write else "read"
        how = "for writing" if not write else "(a load, or a query still running)"
        return (
            f"event store {self.path} is busy: {holder} holds it {how}; could not {want} it within "
            f"{self.timeout:g} s. Retry when that process is done, or pass a longer timeout."
        )

    @contextmanager
    def _connect(self, write: bool, timeout: float | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
        """Open the file for one operation, retrying while another process holds a conflicting lock."""
        if write and self.read_only:
            raise StoreError(f"event store {self.path} was opened read-only")
        wait = self.timeout if timeout is None else timeout
        deadline = time.monotonic() + wait
        delay = 0.02
        while True:
            try:
                con = duckdb.connect(str(self.path), read_only=not write)
                break
            except (duckdb.IOException, duckdb.ConnectionException) as exc:
                if not _is_lock_error(exc):
                    if not write and not self.path.exists():
                        raise StoreError(f"no event store at {self.path}") from exc
                    raise StoreError(f"cannot open event store {self.path}: {exc}") from exc
                left = deadline - time.monotonic()
                if left <= 0:
                    raise StoreBusyError(self._busy_message(exc, write)) from exc
                time.sleep(min(delay, left))
                delay = min(delay * 2, 0.25)
        try:
            if not write and not self._checked:
                have = schema.current_version(con)
                want = schema.latest_version(BACKEND)
                schema.check_readable(have, want, str(self.path))
                self._checked = True
            yield con
        finally:
            con.close()

    # -- writing -----------------------------------------------------------------------------------

    def _load_tables(self, tables: Iterable[pa.Table], progress: Progress | None) -> LoadStats:
        t0 = time.perf_counter()
        stats = LoadStats()
        note = progress or (lambda stage, n: None)
        with self._connect(write=True) as con:
            con.execute("SET preserve_insertion_order = false")
            con.execute(dedup.FOLD_KEYS_DDL)
            con.execute("DELETE FROM _fold_keys")
            con.execute("BEGIN TRANSACTION")
            try:
                note("begin", 0)
                incremental = _scalar(con, "SELECT count(*) FROM articles") > 0
                written: set[str] = set()
                for table in tables:
                    self._write_batch(con, table, stats, written, incremental)
                    note("batch", stats.articles)
                note("fold", 0)
                t1 = time.perf_counter()
                dedup.fold(con, incremental)
                stats.fold_seconds = time.perf_counter() - t1
                stats.events = _scalar(con, "SELECT count(*) FROM events")
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise
            note("commit", stats.articles)
            con.execute("CHECKPOINT")
        stats.seconds = time.perf_counter() - t0
        return stats

    def _write_batch(
        self,
        con: duckdb.DuckDBPyConnection,
        table: pa.Table,
        stats: LoadStats,
        written: set[str],
        incremental: bool,
    ) -> None:
        table, doc_ids = take_batch(table, stats)
        con.register("_b", table)
        try:
            self._write_registered(con, doc_ids, stats, written, incremental)
        finally:
            con.unregister("_b")

    def _write_registered(
        self,
        con: duckdb.DuckDBPyConnection,
        doc_ids: list[str],
        stats: LoadStats,
        written: set[str],
        incremental: bool,
    ) -> None:
        """Write the registered batch ``_b``: remove the stored versions of its articles, insert its rows,
        and (for an incremental fold) note the partitions it touches."""
        if incremental or written:
            old = con.execute(
                """SELECT doc_id FROM articles
                   WHERE doc_id IN (SELECT doc_id FROM _b)
                      OR content_hash IN (SELECT content_hash FROM _b WHERE content_hash IS NOT NULL)"""
            ).fetchall()
            if old:
                gone = [r[0] for r in old]
                self._remove(con, gone)
                count_removed(gone, written, stats)
        for t in TABLES:
            con.execute(_INSERTS[t])
        if incremental:
            con.execute(_BATCH_KEYS)
        written.update(doc_ids)
        stats.articles += len(doc_ids)

    @staticmethod
    def _remove(con: duckdb.DuckDBPyConnection, doc_ids: Sequence[str]) -> None:
        """Delete the rows of ``doc_ids`` from every table, noting their partitions for the fold."""
        con.register("_gone", pa.table({"doc_id": pa.array(list(doc_ids), pa.string())}))
        try:
            con.execute(
                f"INSERT INTO _fold_keys SELECT DISTINCT {dedup.PARTITION_EXPR} FROM mentions "
                "WHERE doc_id IN (SELECT doc_id FROM _gone)"
            )
            for t in TABLES:
                con.execute(f"DELETE FROM {t} WHERE doc_id IN (SELECT doc_id FROM _gone)")
        finally:
            con.unregister("_gone")

    def delete(self, doc_ids: Sequence[str]) -> int:
        with self._connect(write=True) as con:
            con.execute(dedup.FOLD_KEYS_DDL)
            con.execute("DELETE FROM _fold_keys")
            con.execute("BEGIN TRANSACTION")
            try:
                con.register("_ask", pa.table({"doc_id": pa.array(list(doc_ids), pa.string())}))
                found = [
                    r[0]
                    for r in con.execute(
                        "SELECT doc_id FROM articles WHERE doc_id IN (SELECT doc_id FROM _ask)"
                    ).fetchall()
                ]
                con.unregister("_ask")
                if found:
                    self._remove(con, found)
                    dedup.fold(con, incremental=True)
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise
            con.execute("CHECKPOINT")
        return len(found)

    # -- reading -----------------------------------------------------------------------------------

    def query(self, sql: str, params: Sequence[Any] | None = None) -> pa.Table:
        with self._connect(write=False) as con:
            return _arrow(con.sql(sql, params=list(params) if params else None))

    def schema_version(self) -> int:
        with self._connect(write=False) as con:
            return schema.current_version(con)

    def export_parquet(self, directory: str | Path) -> dict[str, int]:
        out = Path(directory)
        out.mkdir(parents=True, exist_ok=True)
        counts: dict[str, int] = {}
        with self._connect(write=False) as con:
            for t, col in EXPORT_DATE.items():
                target = out / t
                rel = f"SELECT *, year({col}) AS year, month({col}) AS month FROM {t}"
                counts[t] = _scalar(con, f"SELECT count(*) FROM {t}")
                if counts[t] == 0:
                    continue
                path = str(target).replace("'", "''")
                con.execute(
                    f"COPY ({rel}) TO '{path}' (FORMAT PARQUET, PARTITION_BY (year, month), "
                    "OVERWRITE, FILENAME_PATTERN 'part_{i}')"
                )
        return counts

    def __repr__(self) -> str:
        mode = "read-only" if self.read_only else "read-write"
        return f"DuckDBStore({str(self.path)!r}, {mode}, pid={os.getpid()})"
