"""Benchmark of the event store: bulk load rate, incremental re-load, and analytics query times.

Reads nothing but its arguments; writes synthetic coded articles (``gen_events.py``) to a temporary JSONL
file, loads them into fresh DuckDB stores, runs the analytics, and prints a markdown table with the
command and the machine (cores, memory, CPU model, load average).

    python benchmarks/bench_store.py --n 1000000
"""

from __future__ import annotations

import argparse
import json
import platform
import shlex
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gen_events import generate
from machine import cores, cpu_model, load_average, memory

from corridor.store import analytics, open_store, read_jsonl


def machine() -> dict[str, str]:
    import duckdb
    import pyarrow

    return {
        "nproc": str(cores()),
        "memory": memory(),
        "cpu": cpu_model(),
        "load average (1/5/15 min, at start)": load_average(),
        "python": platform.python_version(),
        "duckdb": duckdb.__version__,
        "pyarrow": pyarrow.__version__,
    }


def timed(fn: Callable[[], Any], repeat: int) -> tuple[float, float, Any]:
    """(first call seconds, median of the following calls, last result)."""
    t = time.perf_counter()
    result = fn()
    first = time.perf_counter() - t
    rest = []
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        rest.append(time.perf_counter() - t)
    return first, statistics.median(rest) if rest else first, result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1_000_000, help="event mentions to generate and load")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=5, help="query repetitions after the first call")
    ap.add_argument("--modes", default="jsonl,objects", help="load paths to measure: jsonl, objects")
    ap.add_argument("--workdir", default=None, help="folder for the JSONL file and stores (default: temp)")
    args = ap.parse_args(argv)
    info = machine()
    work = Path(args.workdir or tempfile.mkdtemp(prefix="corridor-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    src = work / "events.jsonl"

    t = time.perf_counter()
    n_articles = 0
    with open(src, "w", encoding="utf-8") as fh:
        for art in generate(args.n, seed=args.seed):
            fh.write(json.dumps(art) + "\n")
            n_articles += 1
    gen_s = time.perf_counter() - t

    rows: list[tuple[str, str, str]] = []
    rows.append(("generate + write JSONL (not part of the store)", f"{gen_s:.1f} s", f"{n_articles:,} articles"))
    db_for_queries: Path | None = None
    for mode in [m.strip() for m in args.modes.split(",") if m.strip()]:
        db = work / f"store-{mode}.duckdb"
        for p in (db, Path(str(db) + ".wal")):
            p.unlink(missing_ok=True)
        store = open_store(db)
        if mode == "jsonl":
            stats = store.load_jsonl(src)
            label = "`Store.load_jsonl` (Arrow JSON reader)"
        elif mode == "objects":
            stats = store.load(read_jsonl(src))
            label = "`Store.load` (dicts from `json.loads`)"
        else:
            raise SystemExit(f"unknown mode {mode}")
        rate = stats.mentions / stats.seconds
        rows.append(
            (
                f"bulk load, {label}",
                f"{stats.seconds:.1f} s (fold {stats.fold_seconds:.1f} s)",
                f"**{rate:,.0f} events/s**; {stats.mentions:,} mentions -> {stats.events:,} events",
            )
        )
        db_for_queries = db_for_queries or db

    assert db_for_queries is not None
    store = open_store(db_for_queries)
    counts = store.counts()
    again = [a for _, a in zip(range(1000), read_jsonl(src), strict=False)]
    stats = store.load(again)
    rows.append(
        (
            "re-load 1,000 articles into the full store (incremental fold)",
            f"{stats.seconds:.2f} s (fold {stats.fold_seconds:.2f} s)",
            f"{stats.replaced} replaced; counts unchanged: {store.counts() == counts}",
        )
    )

    reader = open_store(db_for_queries, read_only=True)
    top = analytics.dyad_ranking(reader, 1).to_pylist()[0]
    a, b = top["source"], top["target"]
    for freq in ("day", "week", "month"):
        first, med, res = timed(lambda f=freq: analytics.dyad_timeline(reader, a, b, f), args.repeat)  # type: ignore[misc]
        bar = " (bar < 1 s)" if freq == "day" else ""
        rows.append(
            (
                f"dyad timeline {a}->{b}, {freq}{bar}",
                f"{med * 1000:.0f} ms (first {first * 1000:.0f} ms)",
                f"{res.num_rows} periods",
            )
        )
    first, med, res = timed(lambda: analytics.dyad_ranking(reader, 10), args.repeat)
    rows.append(
        ("top-10 dyads (bar < 2 s)", f"{med * 1000:.0f} ms (first {first * 1000:.0f} ms)", f"{res.num_rows} rows")
    )
    first, med, res = timed(lambda: analytics.dyad_ranking(reader, 10, directed=False, quad_class=[3, 4]), args.repeat)
    rows.append(("top-10 undirected conflict dyads", f"{med * 1000:.0f} ms (first {first * 1000:.0f} ms)", ""))
    first, med, res = timed(lambda: analytics.actor_ranking(reader, 10), args.repeat)
    rows.append(("top-10 actors", f"{med * 1000:.0f} ms (first {first * 1000:.0f} ms)", ""))
    first, med, res = timed(lambda: analytics.actor_network(reader), args.repeat)
    rows.append(
        ("actor network (all edges)", f"{med * 1000:.0f} ms (first {first * 1000:.0f} ms)", f"{res.num_rows:,} edges")
    )
    first, med, res = timed(lambda: analytics.quotes_by_speaker(reader, 10), args.repeat)
    rows.append(("quotes by speaker, top 10", f"{med * 1000:.0f} ms (first {first * 1000:.0f} ms)", ""))

    size = db_for_queries.stat().st_size / 1024 / 1024
    print(f"Command: `{' '.join(shlex.quote(x) for x in ['python', 'benchmarks/bench_store.py', *sys.argv[1:]])}`\n")
    print("| machine | |\n| --- | --- |")
    for k, v in info.items():
        print(f"| {k} | {v} |")
    print(f"| store file | {size:,.0f} MiB, {counts['mentions']:,} mentions, {counts['events']:,} events |")
    print("\n| step | time | result |\n| --- | --- | --- |")
    for r in rows:
        print(f"| {r[0]} | {r[1]} | {r[2]} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
