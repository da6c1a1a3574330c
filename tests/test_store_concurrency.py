"""Event store under concurrency and faults: a killed load, a second writer, readers during a load."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from corridor.store import StoreBusyError, open_store

SRC = str(Path(__file__).resolve().parents[1] / "src")

# Runs in a child process: loads a JSONL file; with PAUSE_AT set, after the batch that reaches that many
# articles it prints "paused" and waits until the file named by GO exists (or forever).
CHILD = r"""
import os, sys, time
from corridor.store import open_store, read_jsonl
db, src, batch = sys.argv[1], sys.argv[2], int(sys.argv[3])
pause_at = int(os.environ.get("PAUSE_AT", "0"))
go = os.environ.get("GO", "")
def progress(stage, n):
    print(stage, n, flush=True)
    if stage == "batch" and pause_at and n >= pause_at:
        print("paused", flush=True)
        while not (go and os.path.exists(go)):
            time.sleep(0.01)
store = open_store(db, timeout=60)
stats = store.load(read_jsonl(src), batch_size=batch, progress=progress)
print("done", stats.articles, flush=True)
"""

# Holds the store open for writing until stdin closes.
HOLDER = r"""
import sys
from corridor.store import open_store
store = open_store(sys.argv[1])
with store._connect(write=True):
    print("holding", flush=True)
    sys.stdin.read()
"""


def synthetic(n: int, offset: int = 0) -> list[dict[str, Any]]:
    """n coded-article dicts; every third re-reports the event of the article before it (folding work)."""
    out = []
    for i in range(offset, offset + n):
        base = i - 1 if i % 3 == 2 else i
        day = 1 + base % 27
        out.append(
            {
                "doc_id": f"doc{i:05d}",
                "date": f"2022-03-{day:02d}",
                "source": f"pub{i % 5}",
                "content_hash": f"h{i:05d}",
                "actors": [{"text": "A", "start": 0, "end": 1, "code": f"C{base % 11:02d}GOV"}],
                "events": [
                    {
                        "event_id": "e1",
                        "trigger": {"text": "hit", "start": 2, "end": 5},
                        "cameo": "190",
                        "cameo_root": "19",
                        "quad_class": 4,
                        "goldstein": -10.0,
                        "date": f"2022-03-{day:02d}",
                        "source": {"text": "A", "start": 0, "end": 1, "code": f"C{base % 11:02d}GOV", "country": "AAA"},
                        "target": {"text": "B", "start": 6, "end": 7, "code": f"C{base % 7:02d}MIL", "country": "BBB"},
                    }
                ],
            }
        )
    return out


def write_jsonl(path: Path, arts: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(a) + "\n" for a in arts), encoding="utf-8")
    return path


def child(args: list[str], **env: str) -> subprocess.Popen[str]:
    full_env = {**os.environ, "PYTHONPATH": SRC + os.pathsep + os.environ.get("PYTHONPATH", ""), **env}
    return subprocess.Popen(
        [sys.executable, "-c", *args],
        stdout=subprocess.PIPE,
        stdin=subprocess.PIPE,
        text=True,
        env=full_env,
    )


def wait_for(proc: subprocess.Popen[str], word: str) -> list[str]:
    seen = []
    assert proc.stdout is not None
    for line in proc.stdout:
        seen.append(line.strip())
        if line.strip() == word:
            return seen
    raise AssertionError(f"child ended without printing {word!r}: {seen}")


def snapshot(db: Path) -> dict[str, Any]:
    store = open_store(db, read_only=True)
    return {
        "counts": store.counts(),
        "events": store.query(
            "SELECT event_key, date, mention_count, source_count FROM events ORDER BY event_key"
        ).to_pylist(),
        "mentions": store.query("SELECT doc_id, event_id, event_key FROM mentions ORDER BY doc_id").to_pylist(),
    }


def test_killed_load_leaves_store_as_before_and_rerun_completes(tmp_path: Path) -> None:
    first = synthetic(200)
    everything = synthetic(600)  # re-loads the first 200 and adds 400
    src = write_jsonl(tmp_path / "all.jsonl", everything)

    reference = tmp_path / "reference.duckdb"
    ref = open_store(reference)
    ref.load(first)
    ref.load(everything)

    db = tmp_path / "store.duckdb"
    open_store(db).load(first)
    before = snapshot(db)

    proc = child([CHILD, str(db), str(src), "100"], PAUSE_AT="300")
    lines = wait_for(proc, "paused")
    assert "begin 0" in lines and "batch 300" in lines
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL

    assert snapshot(db) == before  # nothing of the killed transaction is visible

    rerun = child([CHILD, str(db), str(src), "100"])
    assert wait_for(rerun, "done 600")
    assert rerun.wait() == 0
    assert snapshot(db) == snapshot(reference)
    assert snapshot(db)["counts"]["articles"] == 600


def test_second_writer_gets_a_clear_error(tmp_path: Path) -> None:
    db = tmp_path / "store.duckdb"
    store = open_store(db, timeout=0.2)
    store.load(synthetic(10))
    holder = child([HOLDER, str(db)])
    try:
        wait_for(holder, "holding")
        with pytest.raises(StoreBusyError) as err:
            store.load(synthetic(5, offset=100))
        msg = str(err.value)
        assert str(db) in msg and "another process" in msg and f"PID {holder.pid}" in msg
        with pytest.raises(StoreBusyError):
            open_store(db, timeout=0.1)
        with pytest.raises(StoreBusyError, match="busy"):  # readers cannot get in while a writer holds it
            open_store(db, read_only=True, timeout=0.1).counts()
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait()
    assert store.counts()["articles"] == 10  # the failed load wrote nothing
    assert store.load(synthetic(5, offset=100)).articles == 5  # and the store works once it is free


def test_reader_waits_for_the_writer_and_sees_the_commit(tmp_path: Path) -> None:
    db = tmp_path / "store.duckdb"
    open_store(db).load(synthetic(50))
    src = write_jsonl(tmp_path / "more.jsonl", synthetic(200, offset=50))
    go = tmp_path / "go"
    writer = child([CHILD, str(db), str(src), "50"], PAUSE_AT="100", GO=str(go))
    results: dict[str, Any] = {}
    try:
        wait_for(writer, "paused")  # the writer holds the file, mid-transaction

        def read() -> None:
            try:
                results["counts"] = open_store(db, read_only=True, timeout=120).counts()
            except Exception as exc:  # reported below
                results["error"] = exc

        readers = [threading.Thread(target=read) for _ in range(3)]
        for t in readers:
            t.start()
        go.touch()
        assert wait_for(writer, "done 200")
        for t in readers:
            t.join()
    finally:
        go.touch()
        writer.wait()
    assert "error" not in results, results.get("error")
    # the readers started while the writer held the file, so they can only have read after its commit
    assert results["counts"]["articles"] == 250
    assert results["counts"]["mentions"] == 250
