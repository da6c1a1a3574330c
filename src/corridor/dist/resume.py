"""Resuming an interrupted run: which articles are already coded, by ``(doc_id, content_hash)``.

Reads a ``corridor/1`` article JSONL output file (a run killed with SIGKILL may have left a partial last
line, which :func:`repair_jsonl` cuts off) and/or an event store (its ``articles`` table, read-only).
Writes only the repaired output file, and the store when :func:`backfill_store` is asked to catch it up.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

DoneIds = set[tuple[str, str]]


class ResumeError(ValueError):
    """An output file that cannot be resumed from (not article JSONL, or damaged before its last line)."""


def repair_jsonl(path: str | Path) -> int:
    """Make ``path`` end with a complete record; return the number of complete records in it.

    A last line without its newline is what a killed writer leaves: if it is a whole JSON object the
    newline is added, otherwise the partial line is truncated away. A missing file counts as 0 records.
    """
    p = Path(path)
    if not p.exists():
        return 0
    with open(p, "r+b") as fh:
        size = fh.seek(0, os.SEEK_END)
        if size:
            tail_start = _last_line_start(fh, size)
            fh.seek(tail_start)
            tail = fh.read()
            if not tail.endswith(b"\n"):
                if _is_record(tail):
                    fh.seek(0, os.SEEK_END)
                    fh.write(b"\n")
                else:
                    fh.truncate(tail_start)
    count = 0
    with open(p, "rb") as fh:
        for line in fh:
            if line.strip():
                count += 1
    return count


def _last_line_start(fh: Any, size: int, block: int = 1 << 16) -> int:
    """Offset just after the last newline that is not the file's final byte (0 if none)."""
    end = size - 1  # a final newline ends the last line; look before it
    pos = end
    while pos > 0:
        start = max(0, pos - block)
        fh.seek(start)
        data = fh.read(pos - start)
        i = data.rfind(b"\n")
        if i >= 0:
            return start + i + 1
        pos = start
    return 0


def _is_record(raw: bytes) -> bool:
    try:
        return isinstance(json.loads(raw), dict)
    except (ValueError, UnicodeDecodeError):
        return False


def _records(path: Path) -> Iterator[tuple[int, dict[str, Any] | None, bool]]:
    """(line number, record or None if unreadable, whether the line was complete) for each non-blank line."""
    with open(path, "rb") as fh:
        for n, raw in enumerate(fh, start=1):
            if not raw.strip():
                continue
            complete = raw.endswith(b"\n")
            try:
                rec = json.loads(raw)
            except (ValueError, UnicodeDecodeError):
                rec = None
            yield n, rec if isinstance(rec, dict) else None, complete


def ids_in_output(path: str | Path) -> DoneIds:
    """The ``(doc_id, content_hash)`` pairs of a coded-article JSONL file; a partial last line is ignored."""
    p = Path(path)
    done: DoneIds = set()
    if not p.exists():
        return done
    for n, rec, complete in _records(p):
        if rec is None:
            if not complete:  # the partial line a killed run leaves
                continue
            raise ResumeError(f"{p}:{n}: not a JSON record; cannot resume from this file")
        doc_id, chash = rec.get("doc_id"), rec.get("content_hash")
        if not doc_id or not chash:
            raise ResumeError(
                f"{p}:{n}: no doc_id and content_hash; resuming needs the article JSONL output "
                "(--format jsonl), not flat event rows"
            )
        done.add((str(doc_id), str(chash)))
    return done


def _is_url(db: str) -> bool:
    return db.startswith(("postgresql://", "postgres://"))


def ids_in_store(db: str) -> DoneIds:
    """The ``(doc_id, content_hash)`` pairs of the articles in an event store (empty if it does not exist).

    Uses the store's read-only :meth:`~corridor.store.Store.query` on its ``articles`` table.
    """
    if not _is_url(db) and not Path(db).exists():
        return set()
    from corridor.store import open_store

    table = open_store(db, read_only=True).query(
        "SELECT doc_id, content_hash FROM articles WHERE content_hash IS NOT NULL"
    )
    ids = table.column("doc_id").to_pylist()
    hashes = table.column("content_hash").to_pylist()
    return {(str(d), str(h)) for d, h in zip(ids, hashes, strict=True)}


def done_ids(output_path: str | None, db: str | None = None) -> DoneIds:
    """Articles already coded: those in ``output_path`` (a coded-article JSONL) and/or in the store ``db``.

    Tolerates a partial last line in the output (it does not count); call :func:`repair_jsonl` before
    appending to the file. With both, the union: call :func:`backfill_store` first so that articles in
    the file but not yet in the store get there.
    """
    done: DoneIds = set()
    if output_path:
        done |= ids_in_output(output_path)
    if db:
        done |= ids_in_store(db)
    return done


def backfill_store(output_path: str | Path, db: str, batch_size: int = 5000) -> int:
    """Load into the store ``db`` the records of ``output_path`` that it lacks; returns how many.

    A run writing both a file and a store and killed between the two leaves the file ahead of the store;
    this catches the store up so that resuming from the union of both loses nothing.
    """
    p = Path(output_path)
    if not p.exists():
        return 0
    have = ids_in_store(db)
    loaded = 0

    def missing() -> Iterator[dict[str, Any]]:
        nonlocal loaded
        for _, rec, complete in _records(p):
            if rec is None or not complete:
                continue
            key = (str(rec.get("doc_id")), str(rec.get("content_hash")))
            if key not in have:
                have.add(key)
                loaded += 1
                yield rec

    from corridor.store import open_store

    gen = missing()
    first = next(gen, None)
    if first is None:
        return 0
    open_store(db).load(_chain(first, gen), batch_size=batch_size)
    return loaded


def _chain(first: dict[str, Any], rest: Iterator[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    yield first
    yield from rest
