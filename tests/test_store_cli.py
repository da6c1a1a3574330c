"""The store's command-line front: ``load`` and the ``query`` sub-commands, run through Typer."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
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
    # these records carry no act (written before quotes had one): they count as statements
    res = runner.invoke(app, ["query", "quotes", "--db", str(db), "--act", "belief,intention", "-f", "json"])
    assert res.exit_code == 0 and res.stdout == ""
    res = runner.invoke(app, ["query", "quotes", "--db", str(db), "--act", "statement", "--speaker", "ETHGOV"])
    assert res.exit_code == 0 and "We agree." in res.stdout
    res = runner.invoke(app, ["query", "quotes", "--db", str(db), "--act", "gossip"])
    assert res.exit_code == 2 and "unknown quote act 'gossip'" in res.output

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


def _one_line_error(res: Any, *needles: str) -> None:
    """A usage error: exit 2, one ``error:`` line on stderr naming ``needles``, no traceback."""
    assert res.exit_code == 2, (res.exit_code, res.output, res.exception)
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), res.stderr
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])
    assert "Traceback" not in res.output


@pytest.fixture
def store_db(tmp_path: Path) -> Path:
    src = tmp_path / "coded.jsonl"
    arts = [
        coded("a", "2022-01-03", "KENGOV", "ETHGOV", "04", 1, "P1"),
        coded("c", "2022-01-20", "KENGOV", "ETHGOV", "19", 4, "P1"),
    ]
    src.write_text("".join(json.dumps(a) + "\n" for a in arts), encoding="utf-8")
    db = tmp_path / "s.duckdb"
    assert CliRunner().invoke(app, ["load", str(src), "--db", str(db)]).exit_code == 0
    return db


@pytest.mark.parametrize(
    ("args", "needles"),
    [
        (["dyads", "--top", "-3"], ["--top", "-3"]),
        (["actors", "--top", "0"], ["--top"]),
        (["quotes", "--top", "-1"], ["--top"]),
        (["network", "--min-events", "0"], ["--min-events"]),
        (["timeline", "KENGOV", "ETHGOV", "--start", "2021-13-45"], ["--start", "2021-13-45", "month"]),
        (["actors", "--end", "soon"], ["--end", "soon"]),
        (["dyads", "--start", "2022-02-01", "--end", "2022-01-01"], ["--start", "--end"]),
        (["dyads", "--quad", "7"], ["--quad", "7"]),
        (["quotes", "--min-confidence", "3"], ["--min-confidence"]),
    ],
)
def test_bad_query_options_are_one_line_errors(store_db: Path, args: list[str], needles: list[str]) -> None:
    res = CliRunner().invoke(app, ["query", *args, "--db", str(store_db)])
    _one_line_error(res, *needles)


def test_load_refuses_records_that_are_not_coded_articles(tmp_path: Path) -> None:
    runner = CliRunner()
    db = str(tmp_path / "s.duckdb")
    art = coded("a", "2022-01-03", "KENGOV", "ETHGOV", "04", 1, "P1")
    flat = tmp_path / "flat.jsonl"  # what `corridor code --flat` writes: one event a line, with its doc_id
    flat.write_text(json.dumps({"event_id": "e1", "doc_id": "a", "source_code": "KENGOV", "cameo": "040"}) + "\n")
    _one_line_error(runner.invoke(app, ["load", str(flat), "--db", db]), f"{flat}:1:", "--flat")
    raw = tmp_path / "news.jsonl"  # input for `corridor code`, not its output
    raw.write_text(json.dumps(art) + "\n" + json.dumps({"id": "n1", "date": "2022-01-03", "text": "Hi."}) + "\n")
    _one_line_error(runner.invoke(app, ["load", str(raw), "--db", db]), f"{raw}:2:", "raw input", "corridor code")
    cut = tmp_path / "cut.jsonl"  # the last line cut short
    lines = [json.dumps(coded(d, "2022-01-03", "KENGOV", "ETHGOV", "04", 1, "P1")) for d in "abc"]
    cut.write_text("\n".join(lines)[:-40], encoding="utf-8")
    _one_line_error(runner.invoke(app, ["load", str(cut), "--db", db]), f"{cut}:3:", "truncated")
    text = tmp_path / "article.txt"
    text.write_text("China and Pakistan agreed to cooperate.\n", encoding="utf-8")
    _one_line_error(runner.invoke(app, ["load", str(text), "--db", db]), f"{text}:1:", "not a coded-article JSONL")
    res = runner.invoke(app, ["load", "-", "--db", db], input=flat.read_text())
    _one_line_error(res, "<stdin>:1:", "--flat")
    res = runner.invoke(app, ["query", "stats", "--db", db, "-f", "csv"])
    assert "articles,0" in res.stdout.splitlines()  # nothing was written


def test_load_summary_reports_duplicates(tmp_path: Path) -> None:
    src = tmp_path / "coded.jsonl"
    arts = [coded(d, "2022-01-03", "KENGOV", "ETHGOV", "04", 1, "P1") for d in ("a", "b", "c", "d")]
    for a in arts[1:3]:
        a["content_hash"] = arts[3]["content_hash"]  # b and c: the same text as d, under other ids
    src.write_text("".join(json.dumps(a) + "\n" for a in arts), encoding="utf-8")
    res = CliRunner().invoke(app, ["load", str(src), "--db", str(tmp_path / "s.duckdb")])
    assert res.exit_code == 0, res.output
    assert f"{src}: 2 articles (0 replaced, 2 duplicates of a later record skipped)," in res.stderr


def test_actor_codes_are_upper_cased_and_unknown_ones_named(store_db: Path) -> None:
    runner = CliRunner()
    res = runner.invoke(app, ["query", "timeline", "kengov", "ethgov", "--db", str(store_db), "-f", "json"])
    assert res.exit_code == 0, res.output
    assert sum(json.loads(x)["events"] for x in res.stdout.splitlines()) == 2
    res = runner.invoke(app, ["query", "timeline", "XXXYYY", "ethgov", "--db", str(store_db)])
    assert res.exit_code == 0
    assert "no events with actor XXXYYY in this store" in res.stderr and "ETHGOV" not in res.stderr
    res = runner.invoke(app, ["query", "quotes", "--speaker", "nobody", "--db", str(store_db)])
    assert res.exit_code == 0 and "no quotes with speaker NOBODY" in res.stderr
    res = runner.invoke(app, ["query", "quotes", "--speaker", "kengov", "--db", str(store_db), "-f", "json"])
    assert len(res.stdout.splitlines()) == 2
    res = runner.invoke(app, ["query", "dyads", "--country", "zzz", "--db", str(store_db)])
    assert res.exit_code == 0 and "no events with country ZZZ" in res.stderr


def test_delete_names_the_ids_it_did_not_find(store_db: Path) -> None:
    res = CliRunner().invoke(app, ["query", "delete", "a", "nosuchdoc", "--db", str(store_db)])
    assert res.exit_code == 0, res.output
    assert "removed 1 articles; not in the store: nosuchdoc" in res.stderr


def test_export_to_a_file_is_a_one_line_error(store_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "taken.txt"
    target.write_text("keep me\n", encoding="utf-8")
    res = CliRunner().invoke(app, ["query", "export", str(target), "--db", str(store_db)])
    _one_line_error(res, str(target), "is a file")
    assert target.read_text(encoding="utf-8") == "keep me\n"
