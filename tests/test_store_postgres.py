"""The PostgreSQL event store gives the same rows, events and analytics as the DuckDB store.

Runs when ``CORRIDOR_TEST_POSTGRES`` holds a PostgreSQL URL (e.g.
``postgresql://postgres@/corridor_test?host=/tmp&port=5432``) and psycopg 3 is installed; each test works
in a fresh schema of that database, dropped afterwards. Skipped otherwise.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from corridor.store import StoreBusyError, analytics, open_store
from corridor.store.base import Store

URL = os.environ.get("CORRIDOR_TEST_POSTGRES", "")
psycopg = pytest.importorskip("psycopg", reason="psycopg 3 is not installed") if URL else None
pytestmark = pytest.mark.skipif(not URL, reason="CORRIDOR_TEST_POSTGRES is not set")

from test_store import one_event, small_corpus  # noqa: E402  (shared synthetic articles)


@pytest.fixture()
def pg_url() -> Iterator[str]:
    assert psycopg is not None
    name = f"corridor_t_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(URL, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {name}")
    sep = "&" if "?" in URL else "?"
    try:
        yield f"{URL}{sep}options=-csearch_path%3D{name}"
    finally:
        with psycopg.connect(URL, autocommit=True) as admin:
            admin.execute(f"DROP SCHEMA {name} CASCADE")


def plain(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows with floats rounded (the backends may sum in a different order)."""
    return [{k: round(v, 9) if isinstance(v, float) else v for k, v in r.items()} for r in rows]


def both(pg_url: str, tmp_path: Path, articles: list[Any]) -> tuple[Store, Store]:
    pg = open_store(pg_url)
    dk = open_store(tmp_path / "d.duckdb")
    pg.load(articles)
    dk.load(articles)
    return pg, dk


def test_same_rows_and_events(pg_url: str, tmp_path: Path) -> None:
    failed = small_corpus()
    failed[0].errors = ["quotes: ValueError: a message", "events: KeyError: 'x'"]
    pg, dk = both(pg_url, tmp_path, failed)
    assert pg.counts() == dk.counts()
    sql = (
        "SELECT doc_id, event_id, event_key, date, source_code, target_code, goldstein "
        "FROM mentions ORDER BY doc_id, event_id"
    )
    assert pg.query(sql).to_pylist() == dk.query(sql).to_pylist()
    sql = (
        "SELECT event_key, date, date_end, mention_count, source_count, article_count, first_doc_id "
        "FROM events ORDER BY event_key"
    )
    assert pg.query(sql).to_pylist() == dk.query(sql).to_pylist()
    sql = "SELECT doc_id, n_errors, errors FROM articles ORDER BY doc_id"
    assert pg.query(sql).to_pylist() == dk.query(sql).to_pylist()
    ev = pg.query("SELECT evidence FROM events WHERE mention_count = 2").to_pylist()[0]["evidence"]
    assert [e["doc_id"] for e in ev] == ["d1", "d2"]


def test_same_analytics(pg_url: str, tmp_path: Path) -> None:
    pg, dk = both(pg_url, tmp_path, small_corpus())
    calls = [
        lambda s: analytics.dyad_timeline(s, "USAGOV", "RUSGOV", "week"),
        lambda s: analytics.dyad_timeline(s, "USAGOV", "RUSGOV", "day", directed=False, level="mentions"),
        lambda s: analytics.actor_ranking(s, quad_class=[1, 2]),
        lambda s: analytics.dyad_ranking(s, directed=False, start="2021-01-05"),
        lambda s: analytics.actor_network(s, country="RUS"),
        lambda s: analytics.quotes_by_speaker(s),
        lambda s: analytics.quotes_of(s, "USAGOV"),
    ]
    for call in calls:
        assert plain(call(pg).to_pylist()) == plain(call(dk).to_pylist())


def test_fold_reload_delete_match_duckdb(pg_url: str, tmp_path: Path) -> None:
    arts = [
        one_event("a", "P1", "2021-05-10", (7, "Gaza")),
        one_event("b", "P2", "2021-05-11"),
        one_event("c", "P3", "2021-05-11", (8, "Rafah")),
        one_event("d", "P1", "2021-05-12"),
        one_event("e", "P1", "2021-05-13", src="EGYGOV"),
    ]
    pg, dk = both(pg_url, tmp_path, arts)
    for s in (pg, dk):
        s.load([one_event("b", "P2", "2021-05-20")])
        assert s.delete(["d"]) == 1
        s.load(arts[:2])  # b back to its first version
    sql = "SELECT event_key, date, place_key, mention_count, source_count FROM events ORDER BY event_key"
    assert pg.query(sql).to_pylist() == dk.query(sql).to_pylist()
    assert pg.counts() == dk.counts()


def test_second_writer_waits_then_fails_clearly(pg_url: str) -> None:
    assert psycopg is not None
    store = open_store(pg_url, timeout=1)
    store.load(small_corpus())
    with psycopg.connect(pg_url, autocommit=True) as other:
        other.execute("BEGIN")
        other.execute("SELECT pg_advisory_xact_lock(%s)", [0x636F72726964])
        with pytest.raises(StoreBusyError, match="busy"):
            store.load(small_corpus())
        assert store.counts()["articles"] == 4  # readers do not wait
        other.execute("ROLLBACK")
    assert store.load(small_corpus()).replaced == 4


def test_export_parquet(pg_url: str, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    pg = open_store(pg_url)
    pg.load(small_corpus())
    counts = pg.export_parquet(tmp_path / "pq")
    assert counts["mentions"] == 6
    assert (tmp_path / "pq" / "mentions" / "year=2021" / "month=1").is_dir()
    assert pq.read_table(tmp_path / "pq" / "events").num_rows == 5
