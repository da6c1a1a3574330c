"""Schema migrations of the event store.

Reads the ordered SQL files ``corridor/data/store/migrations/<backend>/NNNN_name.sql``; writes the tables
they create and one row per applied file into ``schema_version`` (version, name, applied_at). A store is at
version N when files 1..N are applied; opening it for writing applies the missing ones, each in its own
transaction. Files are never edited once released: a change is a new file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

from corridor.store.base import StoreError

_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")

VERSION_DDL = (
    "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, name VARCHAR NOT NULL, "
    "applied_at TIMESTAMP NOT NULL)"
)


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str

    def statements(self) -> list[str]:
        """The file's statements (split on ``;`` at line ends; ``--`` comment lines dropped)."""
        lines = [ln for ln in self.sql.splitlines() if not ln.strip().startswith("--")]
        parts = re.split(r";\s*$", "\n".join(lines), flags=re.M)
        return [p.strip() for p in parts if p.strip()]


def migrations(backend: str) -> list[Migration]:
    """The migrations of ``backend`` (``duckdb`` or ``postgres``), in version order."""
    folder = resources.files("corridor") / "data" / "store" / "migrations" / backend
    found: list[Migration] = []
    for entry in folder.iterdir():
        m = _NAME.match(entry.name)
        if m:
            found.append(Migration(int(m.group(1)), m.group(2), entry.read_text(encoding="utf-8")))
    found.sort(key=lambda x: x.version)
    for i, mig in enumerate(found, start=1):
        if mig.version != i:
            raise RuntimeError(f"store migrations for {backend} are not numbered 1..N (found {mig.version})")
    return found


def latest_version(backend: str) -> int:
    return len(migrations(backend))


def current_version(con: Any) -> int:
    """The version recorded in ``schema_version`` (0 for a store without that table)."""
    try:
        rows = con.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchall()
    except Exception:  # the table does not exist yet
        return 0
    return int(rows[0][0]) if rows else 0


def check_readable(have: int, want: int, where: str) -> None:
    """Refuse to read a store whose schema is older (not migrated yet) or newer than this corridor's."""
    if have < want:
        raise StoreError(
            f"event store {where} has schema version {have}, this corridor needs {want}: "
            "open it for writing once to migrate"
        )
    if have > want:
        raise StoreError(f"event store {where} has schema version {have}, newer than this corridor ({want}): upgrade")


def migrate(con: Any, backend: str, placeholder: str = "?") -> int:
    """Apply the missing migrations on a read-write connection; returns the resulting version.

    ``placeholder`` is the connection's parameter marker (``?`` for DuckDB, ``%s`` for psycopg)."""
    con.execute(VERSION_DDL)
    have = current_version(con)
    all_migs = migrations(backend)
    if have > len(all_migs):
        raise StoreError(
            f"store schema version {have} is newer than this corridor knows ({len(all_migs)}); upgrade corridor"
        )
    for mig in all_migs[have:]:
        con.execute("BEGIN TRANSACTION")
        try:
            for stmt in mig.statements():
                con.execute(stmt)
            con.execute(
                f"INSERT INTO schema_version VALUES ({placeholder}, {placeholder}, current_timestamp)",
                [mig.version, mig.name],
            )
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
    return len(all_migs)
