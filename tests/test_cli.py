"""The command line, run in-process: each input format, each bad-input case, each output format."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from corridor.cli import app
from corridor.pipeline import Pipeline

runner = CliRunner()


@pytest.fixture(autouse=True)
def _warm(pipeline: Pipeline) -> None:
    """Load the model once for the whole session (the CLI reuses the cached pipeline)."""


def _jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_code_example_article_has_china_pakistan_event(example_path: Path) -> None:
    res = runner.invoke(app, ["code", str(example_path), "--quiet"])
    assert res.exit_code == 0, res.output
    [art] = _jsonl(res.stdout)
    assert art["schema"] == "corridor/1" and art["date"] == "2021-10-28"
    dyads = {(e["source"]["code"][:3], e["target"]["code"][:3]) for e in art["events"] if e["source"] and e["target"]}
    assert ("CHN", "PAK") in dyads or ("PAK", "CHN") in dyads


def test_jsonl_good_malformed_and_missing_text(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps({"id": "a1", "date": "2021-10-28", "text": "Iran condemned Israel on Monday."})
        + "\n{not json\n"
        + json.dumps({"id": "a3", "date": "2021-10-28"})
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    res = runner.invoke(app, ["code", str(src), "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert [a["doc_id"] for a in _jsonl(out.read_text())] == ["a1"]
    rejects = _jsonl((tmp_path / "out.jsonl.rejects.jsonl").read_text())
    assert [(r["line"], r["field"]) for r in rejects] == [(2, None), (3, "text")]
    assert "malformed JSON" in rejects[0]["reason"] and "missing field 'text'" in rejects[1]["reason"]
    assert f"{src}:2" in res.stderr and f"{src}:3" in res.stderr
    assert "read 3, coded 1, rejected 2" in res.stderr
    assert "Traceback" not in res.output


def test_csv_and_stdin_inputs(tmp_path: Path) -> None:
    src = tmp_path / "in.csv"
    src.write_text('id,date,text\nc1,2022-02-24,"Russian troops attacked Ukraine."\n', encoding="utf-8")
    res = runner.invoke(app, ["code", str(src), "-q"])
    assert res.exit_code == 0, res.output
    [art] = _jsonl(res.stdout)
    assert art["doc_id"] == "c1"
    assert any(e["cameo_root"] in {"18", "19"} for e in art["events"])
    res = runner.invoke(app, ["code", "-", "-q"], input="date 2022-02-24\nRussia invaded Ukraine.\n")
    assert res.exit_code == 0, res.output
    [art] = _jsonl(res.stdout)
    assert art["doc_id"] == "stdin" and art["date"] == "2022-02-24"


def test_output_formats(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text("date 2022-02-24\nRussia invaded Ukraine. The United States imposed sanctions on Russia.\n")
    flat = runner.invoke(app, ["code", str(src), "--flat", "-q"])
    rows = _jsonl(flat.stdout)
    assert rows and all("source_code" in r and "cameo" in r for r in rows)
    assert {"RUS", "USA"} <= {r["source_code"] for r in rows}
    c = runner.invoke(app, ["code", str(src), "--format", "csv", "-q"])
    table = list(csv.DictReader(io.StringIO(c.stdout)))
    assert len(table) == len(rows) and table[0]["event_id"]
    g = runner.invoke(app, ["code", str(src), "--format", "gdelt", "-q"])
    lines = g.stdout.splitlines()
    assert lines[0].split("\t")[:3] == ["GLOBALEVENTID", "SQLDATE", "Actor1Code"]
    assert lines[1].split("\t")[1] == "20220224"
    pq_path = tmp_path / "ev.parquet"
    p = runner.invoke(app, ["code", str(src), "-o", str(pq_path), "-q"])
    assert p.exit_code == 0, p.output
    import pyarrow.parquet as pq

    assert pq.read_table(pq_path).num_rows == len(rows)


def test_usage_errors_and_unreadable_input(tmp_path: Path) -> None:
    res = runner.invoke(app, ["code", str(tmp_path / "missing.txt")])
    assert res.exit_code == 1
    assert "no such file" in res.stderr and "Traceback" not in res.output
    res = runner.invoke(app, ["code", str(tmp_path), "--format", "xml"])
    assert res.exit_code == 2 and "unknown output format" in res.stderr
    empty = tmp_path / "empty"
    empty.mkdir()
    res = runner.invoke(app, ["code", str(empty)])
    assert res.exit_code == 1 and "no record could be read" in res.stderr
    res = runner.invoke(app, ["eval", "nonsense"])
    assert res.exit_code == 2 and "unknown suite" in res.stderr and "case2021" in res.stderr
    res = runner.invoke(app, ["eval", "--help"], terminal_width=200)
    assert res.exit_code == 0 and all(name in res.stdout for name in ("case2021", "polnear-agreement", "te3"))


def test_demo_runs() -> None:
    res = runner.invoke(app, ["demo", "--json"])
    assert res.exit_code == 0, res.output
    art = json.loads(res.stdout)
    assert art["doc_id"] == "demo-article" and art["events"]
    codes = {
        (e["source"]["code"], e["cameo"][:2], e["target"]["code"]) for e in art["events"] if e["source"] and e["target"]
    }
    assert ("IDNGOV", "04", "AUSGOV") in codes
    assert ("USA", "16", "MMR") in codes


def test_version() -> None:
    res = runner.invoke(app, ["version"])
    assert res.exit_code == 0 and "corridor/1" in res.stdout


def test_dict_check_reports_lines(tmp_path: Path) -> None:
    good = tmp_path / "actors.txt"
    good.write_text("FREEDONIA [FRE]\nSYLVANIA [SYL]\n", encoding="utf-8")
    res = runner.invoke(app, ["dict", "check", str(good)])
    assert res.exit_code == 0, res.output
    bad = tmp_path / "bad_actors.txt"
    bad.write_text("FREEDONIA [FRE]\nSYLVANIA [SYL >20XX0101]\n", encoding="utf-8")
    res = runner.invoke(app, ["dict", "check", str(bad)])
    assert res.exit_code == 1
    assert f"{bad}:2:" in res.stderr
    res = runner.invoke(app, ["dict", "check", str(tmp_path / "missing.txt")])
    assert res.exit_code == 1 and "no such file" in res.stderr


def test_stage_selection(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text("date 2022-02-24\nRussia invaded Ukraine on Thursday.\n")
    res = runner.invoke(app, ["code", str(src), "-q", "--stages", "actors,events"])
    assert res.exit_code == 0, res.output
    [art] = _jsonl(res.stdout)
    assert art["events"] and art["times"] == [] and art["places"] == []
    res = runner.invoke(app, ["code", str(src), "-q", "--stages", "actors,nonsense"])
    assert res.exit_code == 2 and "unknown stage" in res.stderr


def test_a_stage_past_its_time_limit_is_stopped_and_recorded(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    rows = [
        {"id": "a1", "date": "2021-10-28", "text": "This one is stuck. Iran condemned Israel on Monday."},
        {"id": "a2", "date": "2021-10-28", "text": "Iran condemned Israel on Monday."},
    ]
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    args = ["code", str(src), "--stages", "test_stuck,actors", "--stage-time-limit", "0.5", "--quiet"]
    res = runner.invoke(app, args)
    assert res.exit_code == 0, res.output
    stuck, fine = _jsonl(res.stdout)
    assert stuck["errors"] == ["test_stuck: StageTimeout: took longer than 0.5 s (option stage_time_limit)"]
    assert {a["code"] for a in stuck["actors"]} >= {"IRN", "ISR"}  # the later stage still ran
    assert fine["errors"] == [] and fine["actors"]


def test_quote_min_confidence_keeps_or_drops_the_least_likely_quotations(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "q1", "date": "2024-05-02", "text": "Voters in the county may vote for them."}))
    default = runner.invoke(app, ["code", str(src), "--quiet"])
    keep_all = runner.invoke(app, ["code", str(src), "--quiet", "--quote-min-confidence", "0"])
    assert default.exit_code == 0 and keep_all.exit_code == 0, default.output + keep_all.output
    [art] = _jsonl(default.stdout)
    [art_all] = _jsonl(keep_all.stdout)
    assert art["quotes"] == [] and [q["cue"]["text"] for q in art_all["quotes"]] == ["vote for"]
    bad = runner.invoke(app, ["code", str(src), "--quiet", "--quote-min-confidence", "2"])
    assert bad.exit_code != 0 and "Traceback" not in bad.output
