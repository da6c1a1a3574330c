"""Re-coding the example article three times leaves exactly the events of one run (CLI, real text)."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from corridor.cli import app
from corridor.pipeline import Pipeline
from corridor.store import open_store

runner = CliRunner()


def test_recoding_three_times_keeps_one_run(pipeline: Pipeline, example_path: Path, tmp_path: Path) -> None:
    db = tmp_path / "corridor.duckdb"
    res = runner.invoke(app, ["code", str(example_path), "--db", str(db), "-o", str(tmp_path / "once.jsonl")])
    assert res.exit_code == 0, res.output
    once = open_store(str(db)).counts()
    ids_once = open_store(str(db)).query("SELECT event_id FROM mentions ORDER BY event_id").to_pylist()
    assert once["mentions"] > 0 and once["articles"] == 1
    for _ in range(2):
        res = runner.invoke(app, ["code", str(example_path), "--db", str(db), "-o", str(tmp_path / "again.jsonl")])
        assert res.exit_code == 0, res.output
    store = open_store(str(db))
    assert store.counts() == once
    assert store.query("SELECT event_id FROM mentions ORDER BY event_id").to_pylist() == ids_once
