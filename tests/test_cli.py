"""The command line, run in-process: each input format, each bad-input case, each output format."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner, Result

from corridor import cli
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
    # every quote says what it reports; the demo's are all words said, one a statement in marks
    assert {q["act"] for q in art["quotes"]} == {"statement"} and any(q["kind"] == "direct" for q in art["quotes"])


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
    missing = tmp_path / "missing.txt"
    line = _one_line_error(runner.invoke(app, ["dict", "check", str(missing)]))  # a usage error, as a folder is
    assert line == f"error: {missing}: no such file"


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
    src.write_text(json.dumps({"id": "q1", "date": "2024-05-02", "text": "They may vote for them."}))
    default = runner.invoke(app, ["code", str(src), "--quiet"])
    keep_all = runner.invoke(app, ["code", str(src), "--quiet", "--quote-min-confidence", "0"])
    assert default.exit_code == 0 and keep_all.exit_code == 0, default.output + keep_all.output
    [art] = _jsonl(default.stdout)
    [art_all] = _jsonl(keep_all.stdout)
    assert art["quotes"] == [] and [q["cue"]["text"] for q in art_all["quotes"]] == ["vote for"]
    bad = runner.invoke(app, ["code", str(src), "--quiet", "--quote-min-confidence", "2"])
    assert bad.exit_code != 0 and "Traceback" not in bad.output


def _one_line_error(res: Result, code: int = 2) -> str:
    """The run failed with ``code`` and one error line on stderr, not an exception; that line."""
    assert res.exit_code == code, res.output
    assert res.exception is None or isinstance(res.exception, SystemExit), res.exception
    lines = [ln for ln in res.stderr.splitlines() if ln.startswith("error:")]
    assert len(lines) == 1 and "Traceback" not in res.output, res.output
    return lines[0]


def test_an_output_that_is_an_input_is_refused(tmp_path: Path) -> None:
    rec = json.dumps({"id": "a1", "date": "2021-10-28", "text": "China praised Pakistan."}) + "\n"
    src = tmp_path / "same.jsonl"
    src.write_text(rec, encoding="utf-8")
    line = _one_line_error(runner.invoke(app, ["code", str(src), "-o", str(src), "-q"]))
    assert "-o" in line and "input file" in line
    assert src.read_text(encoding="utf-8") == rec  # not emptied
    line = _one_line_error(runner.invoke(app, ["code", str(src), "--rejects", str(src), "-q"]))
    assert "--rejects" in line and src.read_text(encoding="utf-8") == rec
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.jsonl").write_text(rec, encoding="utf-8")
    line = _one_line_error(runner.invoke(app, ["code", str(corpus), "-o", str(corpus / "a.jsonl"), "-q"]))
    assert "input file" in line and (corpus / "a.jsonl").read_text(encoding="utf-8") == rec
    line = _one_line_error(runner.invoke(app, ["code", str(corpus), "-o", str(corpus / "coded.jsonl"), "-q"]))
    assert "inside the input folder" in line and not (corpus / "coded.jsonl").exists()
    line = _one_line_error(runner.invoke(app, ["code", str(corpus), "--parquet-dir", str(corpus / "pq"), "-q"]))
    assert "--parquet-dir" in line and "inside the input folder" in line


def test_bad_leaders_output_folder_and_parquet_to_stdout_are_one_line_usage_errors(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text("date 2022-02-24\nRussia invaded Ukraine.\n", encoding="utf-8")
    missing = tmp_path / "nosuch.tsv"
    line = _one_line_error(runner.invoke(app, ["code", str(src), "--leaders", str(missing), "-q"]))
    assert str(missing) in line and "no such file" in line
    cols = tmp_path / "cols.tsv"
    cols.write_text("who\tcountry\nJane Doe\tFRE\n", encoding="utf-8")
    line = _one_line_error(runner.invoke(app, ["code", str(src), "--leaders", str(cols), "-q"]))
    assert str(cols) in line and "missing column(s) name, iso3" in line
    dates = tmp_path / "dates.tsv"
    dates.write_text("name\tiso3\tstart\nJane Doe\tFRA\t2020-13\n", encoding="utf-8")
    line = _one_line_error(runner.invoke(app, ["code", str(src), "--leaders", str(dates), "-q"]))
    assert f"{dates}:2: field 'start'" in line
    out = tmp_path / "nonexistent" / "dir" / "x.jsonl"
    line = _one_line_error(runner.invoke(app, ["code", str(src), "-o", str(out), "-q"]))
    assert str(out.parent) in line and "does not exist" in line
    line = _one_line_error(runner.invoke(app, ["code", str(src), "--format", "parquet", "-q"]))
    assert line == "error: Parquet output needs a file: use -o FILE.parquet"


def test_stages_run_in_their_order_and_a_missing_one_is_warned_about(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text("date 2022-02-24\nRussia invaded Ukraine on Thursday.\n", encoding="utf-8")
    canonical = runner.invoke(app, ["code", str(src), "-q", "--stages", "actors,events"])
    reversed_ = runner.invoke(app, ["code", str(src), "-q", "--stages", "events,actors"])
    assert canonical.exit_code == 0 and reversed_.exit_code == 0, canonical.output + reversed_.output
    [a], [b] = _jsonl(canonical.stdout), _jsonl(reversed_.stdout)
    assert a["events"] and a["events"] == b["events"]
    alone = runner.invoke(app, ["code", str(src), "--stages", "events"])
    assert alone.exit_code == 0, alone.output
    warnings = [ln for ln in alone.stderr.splitlines() if ln.startswith("warning:")]
    assert len(warnings) == 1 and "'events' needs 'actors'" in warnings[0]
    assert not [ln for ln in reversed_.stderr.splitlines() if ln.startswith("warning:")]


def test_csv_on_stdin_is_read_as_csv() -> None:
    res = runner.invoke(app, ["code", "-", "-q"], input="id,date,text\nq1,2021-10-28,China praised Pakistan.\n")
    assert res.exit_code == 0, res.output
    [art] = _jsonl(res.stdout)
    assert art["doc_id"] == "q1" and art["date"] == "2021-10-28"


def test_gdelt_lines_end_in_newline_and_event_ids_are_stable_integers(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text("date 2022-02-24\nRussia invaded Ukraine. The United States imposed sanctions on Russia.\n")
    first, second = tmp_path / "1.tsv", tmp_path / "2.tsv"
    for out in (first, second):
        res = runner.invoke(app, ["code", str(src), "-o", str(out), "-q"])
        assert res.exit_code == 0, res.output
    data = first.read_bytes()
    assert b"\r" not in data
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8")), delimiter="\t"))
    assert len(rows) >= 2 and all(r["GLOBALEVENTID"].isdigit() for r in rows)
    assert len({r["GLOBALEVENTID"] for r in rows}) == len(rows)
    assert second.read_bytes() == data


def test_an_empty_or_header_only_input_is_named(tmp_path: Path) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    header = tmp_path / "header.csv"
    header.write_text("id,date,text\n", encoding="utf-8")
    for path in (empty, header):
        line = _one_line_error(runner.invoke(app, ["code", str(path), "-q"]), code=1)
        assert str(path) in line and "no record could be read" in line


def test_html_character_references_are_decoded_before_coding(tmp_path: Path) -> None:
    src = tmp_path / "web.jsonl"
    text = "The governor said &quot;the dam will hold&quot; &amp; left. Caf&#233 owners cheered."
    src.write_text(json.dumps({"id": "w1", "date": "2023-04-11", "text": text}) + "\n", encoding="utf-8")
    res = runner.invoke(app, ["code", str(src), "-q", "--include-text"])
    assert res.exit_code == 0, res.output
    [art] = _jsonl(res.stdout)
    assert art["text"] == 'The governor said "the dam will hold" & left. Caf\u00e9 owners cheered.'
    [quote] = art["quotes"]
    assert "the dam will hold" in quote["text"]
    assert all(art["text"][a:b] in quote["text"] for a, b in quote["spans"])


def test_a_bad_choice_is_a_one_line_usage_error(tmp_path: Path) -> None:
    db = str(tmp_path / "none.duckdb")
    line = _one_line_error(runner.invoke(app, ["query", "actors", "--by", "nope", "--db", db]))
    assert all(word in line for word in ("--by", "nope", "code", "country")), line
    line = _one_line_error(runner.invoke(app, ["query", "actors", "--format", "xml", "--db", db]))
    assert all(word in line for word in ("--format", "xml", "table", "csv", "json")), line
    line = _one_line_error(runner.invoke(app, ["query", "actors", "--level", "all", "--db", db]))
    assert all(word in line for word in ("--level", "all", "events", "mentions")), line
    assert not (tmp_path / "none.duckdb").exists()


def test_other_command_line_mistakes_are_one_line_usage_errors(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text("date 2022-02-24\nRussia invaded Ukraine.\n", encoding="utf-8")
    line = _one_line_error(runner.invoke(app, ["code", str(src), "--workers", "0"]))
    assert "--workers" in line
    line = _one_line_error(runner.invoke(app, ["code", str(src), "--no-such-option"]))
    assert "--no-such-option" in line and "corridor code --help" in line
    line = _one_line_error(runner.invoke(app, ["code"]))
    assert "paths" in line.lower()
    line = _one_line_error(runner.invoke(app, ["no-such-command"]))
    assert "no-such-command" in line
    assert "\u256d" not in runner.invoke(app, ["query", "actors", "--by", "nope"]).output  # no boxed panel


def test_help_is_still_typers_own() -> None:
    res = runner.invoke(app, ["query", "actors", "--help"], terminal_width=200)
    assert res.exit_code == 0 and "Usage" in res.stdout and "--by" in res.stdout and "country" in res.stdout
    res = runner.invoke(app, ["--help"], terminal_width=200)
    assert res.exit_code == 0 and all(name in res.stdout for name in ("code", "query", "serve", "dict"))


def test_a_broken_optional_command_module_does_not_stop_the_cli(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    real_import = cli.importlib.import_module

    def broken_store(name: str, package: str | None = None) -> object:
        if name == "corridor.store.cli":
            raise RuntimeError("the store module is broken")
        return real_import(name, package)

    monkeypatch.setattr(cli.importlib, "import_module", broken_store)
    test_app = typer.Typer(cls=cli.CorridorGroup, no_args_is_help=True)
    test_app.command("version")(cli.version_cmd)
    cli._mount_optional(test_app)  # no exception, and nothing said until the command is used
    assert capsys.readouterr() == ("", "")
    monkeypatch.undo()
    res = runner.invoke(test_app, ["version"])
    assert res.exit_code == 0 and "corridor" in res.stdout and not res.stderr
    for args in (["query", "stats", "--db", "x.duckdb"], ["load", "--help"]):
        line = _one_line_error(runner.invoke(test_app, args), code=1)
        name = args[0]
        assert f"'{name}' command is unavailable" in line, line
        assert "corridor.store.cli" in line and "RuntimeError: the store module is broken" in line
    res = runner.invoke(test_app, ["--help"], terminal_width=200)
    assert res.exit_code == 0 and "serve" in res.stdout and "query" not in res.stdout
    assert runner.invoke(test_app, ["serve", "--help"]).exit_code == 0
