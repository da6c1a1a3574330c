"""The store's command-line front: ``load`` and the ``query`` sub-commands, run through Typer."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import typer
from typer.testing import CliRunner

from corridor.store.cli import load_cmd, query_app

app = typer.Typer()
app.command("load")(load_cmd)
app.add_typer(query_app, name="query")


def coded(doc: str, day: str, src: str, tgt: str, root: str, quad: int, publisher: str) -> dict[str, object]:
    actor = {"text": src, "start": 0, "end": 3, "code": src, "country": src[:3]}
    return {
        "schema": "corridor/1",
        "doc_id": doc,
        "date": day,
        "source": publisher,
        "content_hash": f"h-{doc}",
        "actors": [actor],
        "events": [
            {
                "event_id": "e1",
                "trigger": {"text": "x", "start": 0, "end": 1},
                "cameo": root + "0",
                "cameo_root": root,
                "quad_class": quad,
                "goldstein": 2.0 if quad < 3 else -5.0,
                "date": day,
                "source": actor,
                "target": {"text": tgt, "start": 5, "end": 8, "code": tgt, "country": tgt[:3]},
            }
        ],
        "quotes": [
            {
                "kind": "direct",
                "text": "We agree.",
                "spans": [[0, 9]],
                "speaker": actor,
                "date": day,
                "confidence": 0.5 if quad == 4 else 1.0,
            }
        ],
    }


def test_load_and_query_commands(tmp_path: Path) -> None:
    src = tmp_path / "coded.jsonl"
    arts = [
        coded("a", "2022-01-03", "KENGOV", "ETHGOV", "04", 1, "P1"),
        coded("b", "2022-01-04", "KENGOV", "ETHGOV", "04", 1, "P2"),  # folds with a
        coded("c", "2022-01-20", "KENGOV", "ETHGOV", "19", 4, "P1"),
        coded("d", "2022-02-02", "ETHGOV", "SOMREB", "19", 4, "P3"),
    ]
    src.write_text("".join(json.dumps(a) + "\n" for a in arts), encoding="utf-8")
    db = tmp_path / "s.duckdb"
    runner = CliRunner()
    res = runner.invoke(app, ["load", str(src), "--db", str(db)])
    assert res.exit_code == 0, res.output
    assert "4 articles" in res.output and "3 events in store" in res.output

    res = runner.invoke(
        app, ["query", "timeline", "KENGOV", "ETHGOV", "--db", str(db), "--freq", "month", "-f", "json"]
    )
    assert res.exit_code == 0, res.output
    got = [json.loads(line) for line in res.stdout.splitlines()]
    assert [(r["period"], r["events"], r["mentions"], r["conflict"]) for r in got] == [("2022-01-01", 2, 3, 1)]

    res = runner.invoke(app, ["query", "dyads", "--db", str(db), "--top", "1", "-f", "csv"])
    assert res.stdout.splitlines()[1].startswith("KENGOV,ETHGOV,2,1,1,")

    res = runner.invoke(app, ["query", "actors", "--db", str(db), "--quad", "4"])
    lines = res.stdout.splitlines()
    assert lines[0].split()[:3] == ["actor", "events", "as_source"]
    assert lines[1].split()[:2] == ["ETHGOV", "2"]

    res = runner.invoke(app, ["query", "quotes", "--db", str(db), "-f", "json"])
    assert [json.loads(x)["quotes"] for x in res.stdout.splitlines()] == [3, 1]
    res = runner.invoke(app, ["query", "quotes", "--db", str(db), "--min-confidence", "0.95", "-f", "json"])
    assert [json.loads(x)["quotes"] for x in res.stdout.splitlines()] == [2]  # the two at confidence 1.0 (KENGOV's)

    gm = tmp_path / "n.graphml"
    res = runner.invoke(app, ["query", "network", "--db", str(db), "--graphml", str(gm)])
    assert res.exit_code == 0, res.output
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    assert len(ET.parse(gm).getroot().findall("g:graph/g:edge", ns)) == 2

    res = runner.invoke(app, ["query", "sql", "SELECT count(*) AS n FROM mentions", "--db", str(db), "-f", "csv"])
    assert res.stdout.splitlines() == ["n", "4"]

    res = runner.invoke(app, ["query", "stats", "--db", str(db), "-f", "csv"])
    assert "events,3" in res.stdout.splitlines()

    res = runner.invoke(app, ["query", "export", str(tmp_path / "pq"), "--db", str(db)])
    assert res.exit_code == 0 and (tmp_path / "pq" / "events" / "year=2022" / "month=2").is_dir()

    res = runner.invoke(app, ["query", "delete", "d", "--db", str(db)])
    assert res.exit_code == 0 and "removed 1" in res.output


def test_missing_store_is_a_clean_error(tmp_path: Path) -> None:
    res = CliRunner().invoke(app, ["query", "stats", "--db", str(tmp_path / "none.duckdb")])
    assert res.exit_code == 2
    assert "no event store" in res.output
