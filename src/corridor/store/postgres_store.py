"""The PostgreSQL event store: the same tables, folding and interface as the DuckDB store (psycopg 3).

Reads coded articles and SQL queries; writes the store tables (``migrations/postgres``) in a PostgreSQL
database, and Parquet files on export. Each batch of articles is flattened by an in-memory DuckDB
database with the very statements the DuckDB store uses, then copied into PostgreSQL with ``COPY``.

Concurrency: PostgreSQL serves many readers and writers at once; loads take a transaction-scoped
advisory lock so that they run one after the other (a fold must see every committed mention), waiting up
to ``timeout`` seconds before :class:`StoreBusyError`. Readers never wait.
"""

from __future__ import annotations

import decimal
import importlib
import re
import shutil
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

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
from corridor.store.duckdb_store import _INSERTS, EXPORT_DATE
from corridor.store.duckdb_store import BACKEND as DUCKDB_BACKEND
from corridor.store.rows import TABLES

BACKEND = "postgres"
ADVISORY_KEY = 0x636F72726964  # one lock for all corridor loads in a database

psycopg: Any
try:  # optional dependency
    psycopg = importlib.import_module("psycopg")
except ImportError:  # pragma: no cover - exercised where psycopg is absent
    psycopg = None


def _redact(url: str) -> str:
    return re.sub(r"://([^:/@]+):[^@]*@", r"://\1:***@", url)


def _qmarks(sql: str) -> str:
    """``?`` placeholders (the store's style) as psycopg's ``%s``."""
    return sql.replace("%", "%%").replace("?", "%s")


class _Flattener:
    """An in-memory DuckDB database that turns a nested batch into flat store rows."""

    def __init__(self) -> None:
        self.con = duckdb.connect(":memory:")
        schema.migrate(self.con, DUCKDB_BACKEND)
        self.columns: dict[str, list[str]] = {
            t: [r[0] for r in self.con.execute(f"DESCRIBE {t}").fetchall()] for t in TABLES
        }

    def flatten(self, table: pa.Table) -> dict[str, pa.Table]:
        self.con.register("_b", table)
        try:
            out: dict[str, pa.Table] = {}
            for t in TABLES:
                self.con.execute(f"DELETE FROM {t}")
                self.con.execute(_INSERTS[t])
                out[t] = self.con.sql(f"SELECT * FROM {t}").to_arrow_table()
            return out
        finally:
            self.con.unregister("_b")


def _arrow_from_cursor(cur: Any) -> pa.Table:
    names = [d.name for d in cur.description] if cur.description else []
    rows = cur.fetchall()
    cols: dict[str, list[Any]] = {n: [] for n in names}
    for row in rows:
        for n, v in zip(names, row, strict=True):
            cols[n].append(float(v) if isinstance(v, decimal.Decimal) else v)
    return pa.table({n: pa.array(v) for n, v in cols.items()}) if names else pa.table({})


class PostgresStore(Store):
    """An event store in a PostgreSQL database (``postgresql://`` URL)."""

    dialect = "postgres"

    def __init__(self, url: str, *, read_only: bool = False, timeout: float = 30.0) -> None:
        if psycopg is None:
            raise StoreError("the PostgreSQL backend needs psycopg 3: pip install 'psycopg[binary]'")
        self.url = url
        self.read_only = read_only
        self.timeout = timeout
        self._checked = False
        if not read_only:
            with self._connect(write=True) as con:
                con.execute("SELECT pg_advisory_lock(%s)", [ADVISORY_KEY])
                try:
                    schema.migrate(con, BACKEND, placeholder="%s")
                finally:
                    con.execute("SELECT pg_advisory_unlock(%s)", [ADVISORY_KEY])
            self._checked = True

    @contextmanager
    def _connect(self, write: bool) -> Iterator[Any]:
        if write and self.read_only:
            raise StoreError(f"event store {_redact(self.url)} was opened read-only")
        assert psycopg is not None
        try:
            con = psycopg.connect(self.url, autocommit=True, connect_timeout=max(1, int(self.timeout)))
        except psycopg.OperationalError as exc:
            raise StoreError(f"cannot connect to event store {_redact(self.url)}: {exc}") from exc
        try:
            if not write:
                con.execute("SET default_transaction_read_only = on")
                if not self._checked:
                    have = schema.current_version(con)
                    want = schema.latest_version(BACKEND)
                    schema.check_readable(have, want, _redact(self.url))
                    self._checked = True
            yield con
        finally:
            con.close()

    def _lock(self, con: Any) -> None:
        """Take the load lock for the current transaction, waiting up to ``timeout`` seconds."""
        assert psycopg is not None
        con.execute(f"SET LOCAL lock_timeout = '{max(1, int(self.timeout * 1000))}ms'")
        try:
            con.execute("SELECT pg_advisory_xact_lock(%s)", [ADVISORY_KEY])
        except psycopg.errors.LockNotAvailable as exc:
            raise StoreBusyError(
                f"event store {_redact(self.url)} is busy: another process holds its load lock; could not "
                f"write to it within {self.timeout:g} s. Retry when that load is done, or pass a longer timeout."
            ) from exc
        con.execute("SET LOCAL lock_timeout = 0")

    # -- writing -----------------------------------------------------------------------------------

    def _load_tables(self, tables: Iterable[pa.Table], progress: Progress | None) -> LoadStats:
        t0 = time.perf_counter()
        stats = LoadStats()
        note = progress or (lambda stage, n: None)
        flat = _Flattener()
        with self._connect(write=True) as con:
            con.execute("BEGIN")
            try:
                self._lock(con)
                con.execute(dedup.FOLD_KEYS_DDL)
                con.execute("DELETE FROM _fold_keys")
                note("begin", 0)
                incremental = self._scalar(con, "SELECT count(*) FROM articles") > 0
                written: set[str] = set()
                for table in tables:
                    self._write_batch(con, flat, table, stats, written, incremental)
                    note("batch", stats.articles)
                note("fold", 0)
                t1 = time.perf_counter()
                dedup.fold(con, incremental, self.dialect)
                stats.fold_seconds = time.perf_counter() - t1
                stats.events = self._scalar(con, "SELECT count(*) FROM events")
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise
            note("commit", stats.articles)
        stats.seconds = time.perf_counter() - t0
        return stats

    @staticmethod
    def _scalar(con: Any, sql: str, params: Sequence[Any] | None = None) -> int:
        row = con.execute(sql, params).fetchone()
        return int(row[0]) if row and row[0] is not None else 0

    def _write_batch(
        self,
        con: Any,
        flat: _Flattener,
        table: pa.Table,
        stats: LoadStats,
        written: set[str],
        incremental: bool,
    ) -> None:
        table, doc_ids = take_batch(table, stats)
        rows = flat.flatten(table)
        if incremental or written:
            hashes = [h for h in table.column("content_hash").to_pylist() if h]
            old = con.execute(
                "SELECT doc_id FROM articles WHERE doc_id = ANY(%s) OR content_hash = ANY(%s)", [doc_ids, hashes]
            ).fetchall()
            if old:
                gone = [r[0] for r in old]
                self._remove(con, gone)
                count_removed(gone, written, stats)
        for t in TABLES:
            names = flat.columns[t]
            data = rows[t].select(names).to_pylist()
            if not data:
                continue
            with con.cursor().copy(f"COPY {t} ({', '.join(names)}) FROM STDIN") as cp:
                for r in data:
                    cp.write_row([r[n] for n in names])
        if incremental:
            m = rows["mentions"]
            keys = {
                (s or "", t or "", r or "")
                for s, t, r in zip(
                    m.column("source_code").to_pylist(),
                    m.column("target_code").to_pylist(),
                    m.column("cameo_root").to_pylist(),
                    strict=True,
                )
            }
            if keys:
                con.cursor().executemany("INSERT INTO _fold_keys VALUES (%s, %s, %s)", sorted(keys))
        written.update(doc_ids)
        stats.articles += len(doc_ids)

    @staticmethod
    def _remove(con: Any, doc_ids: Sequence[str]) -> None:
        ids = list(doc_ids)
        con.execute(
            f"INSERT INTO _fold_keys SELECT DISTINCT {dedup.PARTITION_EXPR} FROM mentions WHERE doc_id = ANY(%s)",
            [ids],
        )
        for t in TABLES:
            con.execute(f"DELETE FROM {t} WHERE doc_id = ANY(%s)", [ids])

    def delete(self, doc_ids: Sequence[str]) -> int:
        with self._connect(write=True) as con:
            con.execute("BEGIN")
            try:
                self._lock(con)
                con.execute(dedup.FOLD_KEYS_DDL)
                con.execute("DELETE FROM _fold_keys")
                found = [
                    r[0]
                    for r in con.execute(
                        "SELECT doc_id FROM articles WHERE doc_id = ANY(%s)", [list(doc_ids)]
                    ).fetchall()
                ]
                if found:
                    self._remove(con, found)
                    dedup.fold(con, True, self.dialect)
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise
        return len(found)

    # -- reading -----------------------------------------------------------------------------------

    def query(self, sql: str, params: Sequence[Any] | None = None) -> pa.Table:
        with self._connect(write=False) as con:
            cur = con.execute(_qmarks(sql), list(params)) if params else con.execute(sql)
            return _arrow_from_cursor(cur)

    def schema_version(self) -> int:
        with self._connect(write=False) as con:
            return schema.current_version(con)

    def export_parquet(self, directory: str | Path) -> dict[str, int]:
        out = Path(directory)
        out.mkdir(parents=True, exist_ok=True)
        counts: dict[str, int] = {}
        for t, col in EXPORT_DATE.items():
            table = self.query(f"SELECT * FROM {t}")
            counts[t] = table.num_rows
            target = out / t
            if target.exists():
                shutil.rmtree(target)
            if not table.num_rows:
                continue
            dates = table.column(col)
            table = table.append_column("year", pc.year(dates)).append_column("month", pc.month(dates))
            pq.write_to_dataset(
                table,
                target,
                partition_cols=["year", "month"],
                basename_template="part_{i}.parquet",
            )
        return counts

    def __repr__(self) -> str:
        return f"PostgresStore({_redact(self.url)!r})"
