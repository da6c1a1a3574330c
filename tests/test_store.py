"""Event store: loading, idempotency, de-duplication, analytics, exports (synthetic coded articles)."""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from corridor.model import Actor, CodedArticle, Event, Place, Quote, Span
from corridor.store import StoreError, analytics, open_store
from corridor.store.base import Store
from corridor.store.schema import VERSION_DDL, latest_version, migrations

D = dt.date


def actor(code: str) -> Actor:
    return Actor(text=code.title(), start=0, end=len(code), code=code, country=code[:3], agent=code[3:] or None)


def event(
    eid: str,
    src: str | None,
    tgt: str | None,
    cameo: str,
    date: str | None,
    goldstein: float,
    quad: int,
    place: tuple[int | None, str] | None = None,
    evidence: str | None = None,
) -> Event:
    loc = None
    if place is not None:
        loc = Place(text=place[1], start=0, end=len(place[1]), name=place[1], geonameid=place[0])
    return Event(
        event_id=eid,
        trigger=Span("met", 0, 3),
        sentence=0,
        cameo=cameo,
        cameo_root=cameo[:2],
        source=actor(src) if src else None,
        target=actor(tgt) if tgt else None,
        goldstein=goldstein,
        quad_class=quad,
        date=date,
        date_precision="day" if date else None,
        location=loc,
        evidence=Span(evidence or f"{src} {cameo} {tgt}", 0, 10),
    )


def article(
    doc_id: str,
    date: str | None,
    publisher: str | None,
    events: list[Event],
    quotes: list[Quote] | None = None,
    content_hash: str | None = None,
) -> CodedArticle:
    actors = [a for e in events for a in (e.source, e.target) if a is not None]
    return CodedArticle(
        doc_id=doc_id,
        date=date,
        source=publisher,
        title=f"Title {doc_id}",
        actors=actors,
        events=events,
        quotes=quotes or [],
        places=[e.location for e in events if e.location is not None],
        content_hash=content_hash or f"hash-{doc_id}",
        text=f"Text of {doc_id}.",
    )


def quote(
    kind: str, text: str, speaker: str, date: str | None = None, confidence: float = 0.9, act: str = "statement"
) -> Quote:
    return Quote(
        kind=kind,
        text=text,
        spans=[(0, len(text))],
        cue=Span("said", 0, 4),
        speaker=actor(speaker),
        date=date,
        confidence=confidence,
        act=act,
    )


def rows(store: Store, sql: str) -> list[dict[str, Any]]:
    result: list[dict[str, Any]] = store.query(sql).to_pylist()
    return result


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    return tmp_path / "events.duckdb"


# -- loading and idempotency -------------------------------------------------------------------------


def small_corpus() -> list[CodedArticle]:
    """Five events (no two fold) plus one re-report; quotes by two speakers."""
    return [
        article(
            "d1",
            "2021-01-04",
            "Gazette",
            [
                event("e1", "USAGOV", "RUSGOV", "042", "2021-01-04", 1.9, 1),
                event("e2", "RUSGOV", "USAGOV", "111", "2021-01-05", -2.0, 3),
            ],
            quotes=[
                quote("direct", "We will talk.", "USAGOV"),
                quote("indirect", "talks would go on", "USAGOV", confidence=0.4, act="belief"),
            ],
        ),
        article(
            "d2",
            "2021-01-06",
            "Herald",
            [
                event("e1", "USAGOV", "RUSGOV", "190", "2021-01-06", -10.0, 4),
                event("e2", "USAGOV", "RUSGOV", "042", "2021-01-05", 1.9, 1),  # re-report of d1/e1
            ],
            quotes=[quote("direct", "No comment.", "RUSGOV")],
        ),
        article(
            "d3",
            "2021-01-12",
            "Gazette",
            [event("e1", "USAGOV", "RUSGOV", "057", "2021-01-12", 8.0, 1)],
        ),
        article(
            "d4",
            "2021-02-01",
            "Courier",
            [event("e1", "USAGOV", "CHNGOV", "061", "2021-02-01", 6.4, 2)],
        ),
    ]


def test_load_twice_keeps_row_counts(db: Path) -> None:
    store = open_store(db)
    first = store.load(small_corpus())
    counts = store.counts()
    assert counts == {
        "articles": 4,
        "mentions": 6,
        "events": 5,
        "actors": 12,
        "quotes": 3,
        "places": 0,
        "times": 0,
    }
    assert (first.articles, first.replaced, first.mentions) == (4, 0, 6)
    keys = rows(store, "SELECT event_key, mention_count FROM events ORDER BY event_key")
    second = store.load(small_corpus())
    assert (second.articles, second.replaced) == (4, 4)
    assert store.counts() == counts
    assert rows(store, "SELECT event_key, mention_count FROM events ORDER BY event_key") == keys


def test_same_content_hash_replaces_other_doc_id(db: Path) -> None:
    store = open_store(db)
    store.load(
        [article("old", "2021-03-01", "A", [event("e1", "FRAGOV", "DEUGOV", "040", None, 1.0, 1)], content_hash="h")]
    )
    stats = store.load(
        [article("new", "2021-03-01", "A", [event("e1", "FRAGOV", "DEUGOV", "040", None, 1.0, 1)], content_hash="h")]
    )
    assert stats.replaced == 1
    assert [r["doc_id"] for r in rows(store, "SELECT doc_id FROM articles")] == ["new"]
    assert rows(store, "SELECT doc_id, date FROM mentions") == [{"doc_id": "new", "date": D(2021, 3, 1)}]


def test_duplicates_within_one_load_keep_the_last(db: Path) -> None:
    store = open_store(db)
    a1 = article("x", "2021-03-01", "A", [event("e1", "FRAGOV", "DEUGOV", "040", None, 1.0, 1)])
    a2 = article("x", "2021-03-09", "A", [event("e1", "FRAGOV", "DEUGOV", "040", None, 1.0, 1)])
    stats = store.load([a1, a2], batch_size=1)  # the two copies land in different batches
    assert (stats.articles, stats.superseded) == (1, 1)
    stats = store.load([a1, a2])  # ... and in one batch
    assert (stats.articles, stats.superseded, stats.replaced) == (1, 1, 1)
    assert rows(store, "SELECT date FROM mentions") == [{"date": D(2021, 3, 9)}]


def test_dicts_and_jsonl_load_like_objects(db: Path, tmp_path: Path) -> None:
    corpus = small_corpus()
    by_obj = open_store(tmp_path / "a.duckdb")
    by_obj.load(corpus)
    by_dict = open_store(tmp_path / "b.duckdb")
    by_dict.load([a.to_dict(include_text=True) for a in corpus])
    jsonl = tmp_path / "coded.jsonl"
    jsonl.write_text("".join(json.dumps(a.to_dict()) + "\n" for a in corpus), encoding="utf-8")
    by_file = open_store(tmp_path / "c.duckdb")
    by_file.load_jsonl(jsonl)
    sql = "SELECT * EXCLUDE (loaded_at, text) FROM articles ORDER BY doc_id"
    assert rows(by_obj, sql) == rows(by_dict, sql) == rows(by_file, sql)
    sql = "SELECT * FROM mentions ORDER BY doc_id, event_id"
    assert rows(by_obj, sql) == rows(by_dict, sql) == rows(by_file, sql)
    sql = "SELECT * FROM events ORDER BY event_key"
    assert rows(by_obj, sql) == rows(by_file, sql)


def test_load_jsonl_names_the_line_that_is_not_a_coded_article(db: Path, tmp_path: Path) -> None:
    store = open_store(db)
    store.load(small_corpus())
    before = store.counts()
    good = [json.dumps(a.to_dict()) for a in small_corpus()[:2]]
    cases = {
        "flat": (json.dumps({"event_id": "e1", "doc_id": "d9", "source_code": "USAGOV"}), ":4: an event record"),
        "raw": (json.dumps({"id": "n1", "text": "Talks."}), ":4: raw input"),
        "type": (json.dumps({"doc_id": "d9", "events": [{"quad_class": "four"}]}), ":4: a field does not fit"),
        "json": ('{"doc_id": "d9", "events": [', ":4: not JSON"),
    }
    for name, (line, message) in cases.items():
        path = tmp_path / f"{name}.jsonl"
        path.write_text("\n".join([good[0], "", good[1], line]) + "\n", encoding="utf-8")  # line 2 is blank
        with pytest.raises(ValueError) as info:
            store.load_jsonl(path)
        assert str(info.value).startswith(f"{path}{message}"), str(info.value)
        assert "in row" not in str(info.value)
    assert store.counts() == before


def test_mention_columns(db: Path) -> None:
    store = open_store(db)
    store.load(small_corpus())
    m = rows(store, "SELECT * FROM mentions WHERE doc_id = 'd2' AND event_id = 'e2'")[0]
    assert m["source_code"] == "USAGOV" and m["source_country"] == "USA" and m["source_agent"] == "GOV"
    assert m["target_code"] == "RUSGOV"
    assert (m["cameo"], m["cameo_root"], m["quad_class"], m["goldstein"]) == ("042", "04", 1, 1.9)
    assert m["date"] == D(2021, 1, 5) and m["article_date"] == D(2021, 1, 6)
    assert m["publisher"] == "Herald"
    assert m["evidence_text"] == "USAGOV 042 RUSGOV"
    q = rows(store, "SELECT speaker_code, kind, text, date FROM quotes WHERE doc_id = 'd1' ORDER BY idx")
    assert q[0] == {"speaker_code": "USAGOV", "kind": "direct", "text": "We will talk.", "date": D(2021, 1, 4)}


def test_failed_load_leaves_store_unchanged(db: Path) -> None:
    store = open_store(db)
    store.load(small_corpus())
    before = store.counts()
    bad = {"doc_id": "bad", "date": "2021-05-01", "events": [{"event_id": "e1", "quad_class": "not a number"}]}
    good = article("new", "2021-05-01", "A", [event("e1", "FRAGOV", "DEUGOV", "040", None, 1.0, 1)])
    with pytest.raises(ValueError, match="corridor/1"):
        store.load([good, *small_corpus(), bad], batch_size=2)
    assert store.counts() == before
    assert rows(store, "SELECT count(*) AS n FROM articles WHERE doc_id = 'new'") == [{"n": 0}]


def test_schema_version_and_migrations(db: Path) -> None:
    store = open_store(db)
    assert store.schema_version() == latest_version("duckdb") == len(migrations("duckdb")) >= 1
    again = open_store(db)  # opening again applies nothing twice
    assert rows(again, "SELECT count(*) AS n FROM schema_version") == [{"n": latest_version("duckdb")}]
    with pytest.raises(StoreError, match="no event store"):
        open_store(db.parent / "missing.duckdb", read_only=True)


def test_stage_errors_are_kept(db: Path) -> None:
    failed = article("f1", "2021-02-01", "Gazette", [event("e1", "FRAGOV", "DEUGOV", "040", None, 1.0, 1)])
    failed.errors = ["quotes: ValueError: min() arg is an empty sequence", "events: KeyError: 'x'"]
    store = open_store(db)
    store.load([failed, *small_corpus()])
    got = rows(store, "SELECT doc_id, n_errors, errors FROM articles WHERE doc_id IN ('f1', 'd1') ORDER BY doc_id")
    assert got == [
        {"doc_id": "d1", "n_errors": 0, "errors": None},
        {"doc_id": "f1", "n_errors": 2, "errors": "\n".join(failed.errors)},
    ]
    out = db.parent / "coded.jsonl"  # the JSONL path reads the same field
    out.write_text(json.dumps(failed.to_dict()) + "\n", encoding="utf-8")
    other = open_store(db.parent / "other.duckdb")
    other.load_jsonl(out)
    assert rows(other, "SELECT n_errors FROM articles") == [{"n_errors": 2}]


def test_a_version_1_store_migrates_and_keeps_its_rows(db: Path) -> None:
    import duckdb

    con = duckdb.connect(str(db))
    con.execute(VERSION_DDL)
    for stmt in migrations("duckdb")[0].statements():
        con.execute(stmt)
    con.execute("INSERT INTO schema_version VALUES (1, 'initial', current_timestamp)")
    con.execute("INSERT INTO articles (doc_id, title) VALUES ('old', 'An old row')")
    con.close()
    store = open_store(db)
    assert store.schema_version() == latest_version("duckdb") >= 2
    assert rows(store, "SELECT doc_id, n_errors, errors FROM articles") == [
        {"doc_id": "old", "n_errors": None, "errors": None}
    ]


def test_reader_refuses_an_old_schema(db: Path) -> None:
    import duckdb

    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE schema_version (version INTEGER, name VARCHAR, applied_at TIMESTAMP)")
    con.close()
    with pytest.raises(StoreError, match="schema version 0"):
        open_store(db, read_only=True).counts()
    assert open_store(db).schema_version() == latest_version("duckdb")  # a writer migrates it


# -- de-duplication ----------------------------------------------------------------------------------


def one_event(
    doc: str, publisher: str, day: str, place: tuple[int | None, str] | None = None, **kw: Any
) -> CodedArticle:
    ev = event("e1", kw.get("src", "ISRMIL"), kw.get("tgt", "PSEREB"), kw.get("cameo", "190"), day, -10.0, 4, place)
    return article(doc, day, publisher, [ev])


def test_two_mentions_a_day_apart_fold_into_one_event(db: Path) -> None:
    store = open_store(db)
    store.load([one_event("a", "Gazette", "2021-05-10"), one_event("b", "Herald", "2021-05-11")])
    ev = rows(store, "SELECT * FROM events")
    assert len(ev) == 1
    e = ev[0]
    assert (e["mention_count"], e["source_count"], e["article_count"]) == (2, 2, 2)
    assert (e["date"], e["date_end"]) == (D(2021, 5, 10), D(2021, 5, 11))
    assert (e["source_code"], e["target_code"], e["cameo_root"]) == ("ISRMIL", "PSEREB", "19")
    assert [(x["doc_id"], x["publisher"]) for x in e["evidence"]] == [("a", "Gazette"), ("b", "Herald")]
    assert e["first_doc_id"] == "a"
    keys = {r["event_key"] for r in rows(store, "SELECT event_key FROM mentions")}
    assert keys == {e["event_key"]}


def test_fold_rule_edges(db: Path) -> None:
    store = open_store(db)
    store.load(
        [
            # two days apart: two events
            one_event("a1", "P1", "2021-06-01"),
            one_event("a2", "P2", "2021-06-03", src="EGYGOV"),
            # same publisher twice: one source
            one_event("b1", "P1", "2021-07-01", src="JORGOV"),
            one_event("b2", "P1", "2021-07-01", src="JORGOV"),
            # different CAMEO roots: two events
            one_event("c1", "P1", "2021-08-01", src="TURGOV", cameo="190"),
            one_event("c2", "P2", "2021-08-01", src="TURGOV", cameo="180"),
            # different places: two events; a placeless mention joins the bigger placed one
            one_event("d1", "P1", "2021-09-01", (101, "Gaza"), src="LBNGOV"),
            one_event("d2", "P2", "2021-09-01", (101, "Gaza"), src="LBNGOV"),
            one_event("d3", "P3", "2021-09-01", (202, "Rafah"), src="LBNGOV"),
            one_event("d4", "P4", "2021-09-02", None, src="LBNGOV"),
            # a run of consecutive days is cut into two-day windows: [1, 2] and [3]
            one_event("e1", "P1", "2021-10-01", src="SYRGOV"),
            one_event("e2", "P2", "2021-10-02", src="SYRGOV"),
            one_event("e3", "P3", "2021-10-03", src="SYRGOV"),
        ]
    )
    got = {
        (r["source_code"], r["cameo_root"], r["place_key"], r["date"]): (r["mention_count"], r["source_count"])
        for r in rows(store, "SELECT * FROM events")
    }
    assert got == {
        ("ISRMIL", "19", None, D(2021, 6, 1)): (1, 1),
        ("EGYGOV", "19", None, D(2021, 6, 3)): (1, 1),
        ("JORGOV", "19", None, D(2021, 7, 1)): (2, 1),
        ("TURGOV", "19", None, D(2021, 8, 1)): (1, 1),
        ("TURGOV", "18", None, D(2021, 8, 1)): (1, 1),
        ("LBNGOV", "19", "g101", D(2021, 9, 1)): (3, 3),
        ("LBNGOV", "19", "g202", D(2021, 9, 1)): (1, 1),
        ("SYRGOV", "19", None, D(2021, 10, 1)): (2, 2),
        ("SYRGOV", "19", None, D(2021, 10, 3)): (1, 1),
    }


def test_undated_mentions_stay_apart(db: Path) -> None:
    store = open_store(db)
    store.load([one_event("u1", "P1", None), one_event("u2", "P2", None)])  # type: ignore[arg-type]
    assert rows(store, "SELECT mention_count, date FROM events ORDER BY first_doc_id") == [
        {"mention_count": 1, "date": None},
        {"mention_count": 1, "date": None},
    ]


def test_fold_stays_correct_after_reload_and_delete(db: Path) -> None:
    store = open_store(db)
    store.load(
        [
            one_event("a", "Gazette", "2021-05-10"),
            one_event("b", "Herald", "2021-05-11"),
            one_event("c", "Post", "2021-05-10"),
        ]
    )
    assert rows(store, "SELECT mention_count, source_count FROM events") == [{"mention_count": 3, "source_count": 3}]
    # b is corrected: its event happened a week later; it must leave the folded event
    store.load([one_event("b", "Herald", "2021-05-18")])
    got = rows(store, "SELECT date, mention_count, source_count FROM events ORDER BY date")
    assert got == [
        {"date": D(2021, 5, 10), "mention_count": 2, "source_count": 2},
        {"date": D(2021, 5, 18), "mention_count": 1, "source_count": 1},
    ]
    assert store.counts()["mentions"] == 3
    # other partitions are untouched by an incremental fold, and deleting refolds
    assert store.delete(["a", "zzz"]) == 1
    assert rows(store, "SELECT date, mention_count, first_doc_id FROM events ORDER BY date") == [
        {"date": D(2021, 5, 10), "mention_count": 1, "first_doc_id": "c"},
        {"date": D(2021, 5, 18), "mention_count": 1, "first_doc_id": "b"},
    ]
    assert rows(store, "SELECT count(*) AS n FROM mentions WHERE event_key IS NULL") == [{"n": 0}]


def test_incremental_fold_equals_full_fold(tmp_path: Path) -> None:
    arts = [
        one_event(f"a{i}", f"P{i % 3}", f"2021-05-{1 + i % 9:02d}", src=("USAGOV", "RUSGOV")[i % 2]) for i in range(40)
    ]
    one = open_store(tmp_path / "one.duckdb")
    one.load(arts)
    parts = open_store(tmp_path / "parts.duckdb")
    for i in range(0, 40, 7):
        parts.load(arts[i : i + 7])
    parts.load(arts[5:12])  # reloads
    sql = "SELECT event_key, date, date_end, mention_count, source_count, article_count FROM events ORDER BY event_key"
    assert rows(one, sql) == rows(parts, sql)


# -- analytics ---------------------------------------------------------------------------------------


@pytest.fixture()
def loaded(db: Path) -> Store:
    store = open_store(db)
    store.load(small_corpus())
    return store


def test_dyad_timeline_weekly(loaded: Store) -> None:
    t = analytics.dyad_timeline(loaded, "USAGOV", "RUSGOV", "week").to_pylist()
    assert [r["period"] for r in t] == [D(2021, 1, 4), D(2021, 1, 11)]
    w1, w2 = t
    assert (w1["events"], w1["mentions"], w1["verbal_coop"], w1["material_conflict"]) == (2, 3, 1, 1)
    assert (w1["cooperation"], w1["conflict"]) == (1, 1)
    assert w1["goldstein_sum"] == pytest.approx(-8.1)
    assert w1["goldstein_mean"] == pytest.approx(-4.05)
    assert (w2["events"], w2["verbal_coop"], w2["goldstein_sum"]) == (1, 1, 8.0)


def test_dyad_timeline_daily_fill_undirected_and_levels(loaded: Store) -> None:
    t = analytics.dyad_timeline(loaded, "USAGOV", "RUSGOV", "day").to_pylist()
    assert len(t) == 9  # 4 Jan .. 12 Jan
    assert [r["events"] for r in t] == [1, 0, 1, 0, 0, 0, 0, 0, 1]
    assert t[1]["goldstein_mean"] is None
    und = analytics.dyad_timeline(loaded, "RUSGOV", "USAGOV", "month", directed=False).to_pylist()
    assert [(r["period"], r["events"], r["verbal_conflict"]) for r in und] == [(D(2021, 1, 1), 4, 1)]
    men = analytics.dyad_timeline(loaded, "USAGOV", "RUSGOV", "month", level="mentions").to_pylist()
    assert [(r["events"], r["mentions"]) for r in men] == [(4, 4)]
    by_country = analytics.dyad_timeline(loaded, "USA", "RUS", "year", by="country").to_pylist()
    assert [r["events"] for r in by_country] == [3]
    ranged = analytics.dyad_timeline(loaded, "USAGOV", "RUSGOV", "day", start="2021-01-03", end="2021-01-05")
    assert ranged.column("events").to_pylist() == [0, 1, 0]


def test_actor_ranking(loaded: Store) -> None:
    r = analytics.actor_ranking(loaded).to_pylist()
    assert [(x["actor"], x["events"], x["as_source"], x["as_target"], x["cooperation"], x["conflict"]) for x in r] == [
        ("USAGOV", 5, 4, 1, 3, 2),
        ("RUSGOV", 4, 1, 3, 2, 2),
        ("CHNGOV", 1, 0, 1, 1, 0),
    ]
    assert r[0]["material_coop"] == 1 and r[0]["verbal_conflict"] == 1
    top1 = analytics.actor_ranking(loaded, 1, quad_class=[3, 4]).to_pylist()
    assert [(x["actor"], x["events"]) for x in top1] == [("RUSGOV", 2)]
    chn = analytics.actor_ranking(loaded, country="CHN").to_pylist()
    assert [(x["actor"], x["events"]) for x in chn] == [("CHNGOV", 1), ("USAGOV", 1)]
    late = analytics.actor_ranking(loaded, start="2021-01-06").to_pylist()
    assert [(x["actor"], x["events"]) for x in late] == [("USAGOV", 3), ("RUSGOV", 2), ("CHNGOV", 1)]


def test_dyad_ranking(loaded: Store) -> None:
    r = analytics.dyad_ranking(loaded).to_pylist()
    assert [(x["source"], x["target"], x["events"], x["cooperation"], x["conflict"]) for x in r] == [
        ("USAGOV", "RUSGOV", 3, 2, 1),
        ("RUSGOV", "USAGOV", 1, 0, 1),
        ("USAGOV", "CHNGOV", 1, 1, 0),
    ]
    und = analytics.dyad_ranking(loaded, directed=False).to_pylist()
    assert [(x["source"], x["target"], x["events"]) for x in und] == [("RUSGOV", "USAGOV", 4), ("CHNGOV", "USAGOV", 1)]
    assert und[0]["goldstein_sum"] == pytest.approx(1.9 - 2.0 - 10.0 + 8.0)
    men = analytics.dyad_ranking(loaded, 1, level="mentions").to_pylist()
    assert [(x["source"], x["target"], x["events"]) for x in men] == [("USAGOV", "RUSGOV", 4)]
    with pytest.raises(ValueError, match="quad_class"):
        analytics.dyad_ranking(loaded, quad_class=7)


def test_network_graphml_and_gexf(loaded: Store, tmp_path: Path) -> None:
    edges = analytics.actor_network(loaded)
    assert edges.num_rows == 3
    gm = analytics.write_graphml(edges, tmp_path / "n.graphml")
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    root = ET.parse(gm).getroot()
    graph = root.find("g:graph", ns)
    assert graph is not None and graph.get("edgedefault") == "directed"
    assert sorted(n.get("id") or "" for n in graph.findall("g:node", ns)) == ["CHNGOV", "RUSGOV", "USAGOV"]
    keys = {k.get("attr.name"): k.get("id") for k in root.findall("g:key", ns)}
    found = {}
    for e in graph.findall("g:edge", ns):
        data = {d.get("key"): d.text for d in e.findall("g:data", ns)}
        found[(e.get("source"), e.get("target"))] = (
            float(data[keys["weight"]] or 0),
            int(data[keys["cooperation"]] or 0),
            int(data[keys["conflict"]] or 0),
        )
    assert found == {
        ("USAGOV", "RUSGOV"): (3.0, 2, 1),
        ("RUSGOV", "USAGOV"): (1.0, 0, 1),
        ("USAGOV", "CHNGOV"): (1.0, 1, 0),
    }
    gx = analytics.write_gexf(edges, tmp_path / "n.gexf")
    xs = {"x": "http://gexf.net/1.3"}
    groot = ET.parse(gx).getroot()
    nodes = groot.findall("x:graph/x:nodes/x:node", xs)
    gedges = groot.findall("x:graph/x:edges/x:edge", xs)
    assert sorted(n.get("label") or "" for n in nodes) == ["CHNGOV", "RUSGOV", "USAGOV"]
    assert {(e.get("source"), e.get("target"), e.get("weight")) for e in gedges} == {
        ("USAGOV", "RUSGOV", "3.0"),
        ("RUSGOV", "USAGOV", "1.0"),
        ("USAGOV", "CHNGOV", "1.0"),
    }
    assert analytics.actor_network(loaded, min_events=2).num_rows == 1
    nodes_info = {n["id"]: n for n in analytics.network_nodes(edges)}
    assert (nodes_info["USAGOV"]["events"], nodes_info["USAGOV"]["conflict"]) == (5, 2)


def test_quotes_by_speaker(loaded: Store) -> None:
    r = analytics.quotes_by_speaker(loaded).to_pylist()
    assert [(x["speaker"], x["quotes"], x["direct"], x["indirect"], x["articles"]) for x in r] == [
        ("USAGOV", 2, 1, 1, 1),
        ("RUSGOV", 1, 1, 0, 1),
    ]
    assert r[1]["first_date"] == D(2021, 1, 6)
    assert [x["speaker"] for x in analytics.quotes_by_speaker(loaded, country="RUS").to_pylist()] == ["RUSGOV"]
    q = analytics.quotes_of(loaded, "USAGOV").to_pylist()
    assert [x["text"] for x in q] == ["We will talk.", "talks would go on"]
    assert [x["confidence"] for x in q] == pytest.approx([0.9, 0.4])


def test_quotes_filtered_by_confidence(loaded: Store) -> None:
    r = analytics.quotes_by_speaker(loaded, min_confidence=0.5).to_pylist()
    assert [(x["speaker"], x["quotes"], x["indirect"]) for x in r] == [("RUSGOV", 1, 0), ("USAGOV", 1, 0)]
    everyone = analytics.quotes_of(loaded, None, min_confidence=0.5).to_pylist()
    assert sorted(x["text"] for x in everyone) == ["No comment.", "We will talk."]
    assert len(analytics.quotes_of(loaded, None).to_pylist()) == 3
    with pytest.raises(ValueError, match="min_confidence"):
        analytics.quotes_of(loaded, "USAGOV", min_confidence=1.5)


def test_quotes_filtered_by_act(loaded: Store) -> None:
    said = analytics.quotes_of(loaded, None, acts=["statement"]).to_pylist()
    assert sorted((x["text"], x["act"]) for x in said) == [("No comment.", "statement"), ("We will talk.", "statement")]
    assert [x["text"] for x in analytics.quotes_of(loaded, "USAGOV", acts=["belief"]).to_pylist()] == [
        "talks would go on"
    ]
    r = analytics.quotes_by_speaker(loaded, acts=["belief", "intention"]).to_pylist()
    assert [(x["speaker"], x["quotes"]) for x in r] == [("USAGOV", 1)]
    with pytest.raises(ValueError, match="unknown quote act 'rumour'"):
        analytics.quotes_of(loaded, None, acts=["rumour"])


def test_analytics_match_codes_in_upper_case(loaded: Store) -> None:
    lower = analytics.dyad_timeline(loaded, "usagov", "rusgov", "week").to_pylist()
    assert lower == analytics.dyad_timeline(loaded, "USAGOV", "RUSGOV", "week").to_pylist() != []
    assert analytics.dyad_timeline(loaded, "usa", "rus", "year", by="country").column("events").to_pylist() == [3]
    assert analytics.dyad_ranking(loaded, 1, country="usa").column("events").to_pylist() == [3]
    assert analytics.quotes_of(loaded, "usagov").num_rows == analytics.quotes_of(loaded, "USAGOV").num_rows > 0


def test_analytics_accept_a_path(loaded: Store, db: Path) -> None:
    assert analytics.dyad_ranking(db, 1).column("events").to_pylist() == [3]


def test_export_parquet_partitions(loaded: Store, tmp_path: Path) -> None:
    out = tmp_path / "pq"
    counts = loaded.export_parquet(out)
    assert counts["mentions"] == 6 and counts["events"] == 5
    assert (out / "mentions" / "year=2021" / "month=1").is_dir()
    assert (out / "events" / "year=2021" / "month=2").is_dir()
    table = pq.read_table(out / "mentions")
    assert table.num_rows == 6
    assert sorted(set(table.column("month").to_pylist())) == [1, 2]
    loaded.export_parquet(out)  # exporting again replaces, never appends
    assert pq.read_table(out / "mentions").num_rows == 6


def test_group_actor_members_and_times(db: Path) -> None:
    from corridor.model import TimeExpr

    group = Actor(text="the two sides", start=0, end=13, code="MULTI", members=[actor("ARMGOV"), actor("AZEGOV")])
    art = article("g", "2021-04-01", "P", [event("e1", "ARMGOV", "AZEGOV", "036", "2021-04", 4.0, 1)])
    art.actors.append(group)
    art.times.append(TimeExpr(text="April", start=20, end=25, value="2021-04", precision="month"))
    store = open_store(db)
    store.load([art])
    assert rows(store, "SELECT member_codes FROM actors WHERE code = 'MULTI'") == [
        {"member_codes": ["ARMGOV", "AZEGOV"]}
    ]
    assert rows(store, "SELECT value, precision, article_date FROM times") == [
        {"value": "2021-04", "precision": "month", "article_date": D(2021, 4, 1)}
    ]
    # a month-precise event date falls back to the article date for folding and analytics
    assert rows(store, "SELECT date, date_raw FROM mentions") == [{"date": D(2021, 4, 1), "date_raw": "2021-04"}]


def test_store_from_a_newer_corridor_is_refused(db: Path) -> None:
    open_store(db)
    import duckdb

    con = duckdb.connect(str(db))
    con.execute("INSERT INTO schema_version VALUES (999, 'future', current_timestamp)")
    con.close()
    with pytest.raises(StoreError, match="newer"):
        open_store(db)
    with pytest.raises(StoreError, match="newer"):
        open_store(db, read_only=True).counts()
