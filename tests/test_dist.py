"""Scale tests: several worker processes, resumable runs (simulated and with a real SIGKILL), a Dask
LocalCluster, and a worker that dies. The articles are short texts written for these tests."""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from corridor.dist import WorkerCrashedError, backfill_store, done_ids, repair_jsonl, run_coding
from corridor.dist.resume import ResumeError
from corridor.io.readers import Reader
from corridor.model import Article, CodedArticle
from corridor.pipeline import ModelNotFoundError, Pipeline, PipelineConfig, content_hash

ROOT = Path(__file__).resolve().parents[1]

TEXTS = [
    "France condemned Russia on Monday for the missile strike on the port.",
    "The Japanese prime minister met the Indian president in Tokyo on Tuesday.",
    "Kenyan police arrested twelve protesters in Nairobi on Friday.",
    "Germany promised to send humanitarian aid to Sudan next month.",
    "Brazil accused Venezuela of violating its border on Sunday.",
    "The United Nations urged Israel and Iran to avoid further escalation.",
    "China and Vietnam signed a trade agreement in Hanoi on Wednesday.",
    "Turkish troops attacked Kurdish fighters near the Syrian border.",
    "Canada expelled two Iranian diplomats on Thursday, the foreign ministry said.",
    "The president of Egypt praised Saudi Arabia for its support.",
    "Pakistan rejected India's proposal for new talks over Kashmir.",
    "South Korea threatened North Korea with sanctions after the test.",
]


def make_articles() -> list[Article]:
    return [Article(text=t, doc_id=f"a{i:02d}", date=f"2024-03-{i + 1:02d}") for i, t in enumerate(TEXTS)]


def as_json(coded: Any) -> list[dict[str, Any]]:
    return [c.to_dict(include_text=True) for c in coded]


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    return make_articles()


@pytest.fixture(scope="module")
def coded_one(articles: list[Article]) -> list[dict[str, Any]]:
    """The reference: one process, the default pipeline."""
    return as_json(run_coding(articles, workers=1))


def no_children_left(wait: float = 20.0) -> bool:
    """True once no worker process is left; a pool's manager thread ends its workers asynchronously."""
    deadline = time.monotonic() + wait
    while multiprocessing.active_children() and time.monotonic() < deadline:
        time.sleep(0.2)
    return multiprocessing.active_children() == []


def test_single_process_codes_the_articles(coded_one: list[dict[str, Any]]) -> None:
    assert [c["doc_id"] for c in coded_one] == [f"a{i:02d}" for i in range(12)]
    assert all(c["text"] == t for c, t in zip(coded_one, TEXTS, strict=True))
    first = coded_one[0]["events"]
    assert any(e["source"] and e["source"]["code"].startswith("FRA") for e in first)
    assert sum(1 for c in coded_one if c["events"]) >= 8


def test_two_workers_equal_one(articles: list[Article], coded_one: list[dict[str, Any]]) -> None:
    # chunks of 2 articles, at most 3 in flight: the reorder buffer is exercised
    coded_two = as_json(run_coding(articles, workers=2, batch_size=2, max_in_flight=3))
    assert coded_two == coded_one
    assert no_children_left()


# -- resume -----------------------------------------------------------------------------------------


def _lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def test_resume_after_truncated_output(
    tmp_path: Path, articles: list[Article], coded_one: list[dict[str, Any]]
) -> None:
    out = tmp_path / "out.jsonl"
    full = [json.dumps({k: v for k, v in c.items() if k != "text"}, ensure_ascii=False) for c in coded_one]
    # an interrupted run: six whole records, then half of the seventh
    out.write_text("\n".join(full[:6]) + "\n" + full[6][: len(full[6]) // 2], encoding="utf-8")
    assert len(done_ids(str(out), None)) == 6  # the partial line does not count
    assert repair_jsonl(out) == 6
    assert out.read_text(encoding="utf-8").endswith("}\n")
    done = done_ids(str(out), None)
    assert done == {(c["doc_id"], c["content_hash"]) for c in coded_one[:6]}
    with open(out, "a", encoding="utf-8") as fh:
        resumed = list(run_coding(articles, resume_ids=done))
        for c in resumed:
            fh.write(json.dumps(c.to_dict(), ensure_ascii=False) + "\n")
    assert [c.doc_id for c in resumed] == [f"a{i:02d}" for i in range(6, 12)]
    got = _lines(out)
    assert [g["doc_id"] for g in got] == [c["doc_id"] for c in coded_one]
    assert got == [{k: v for k, v in c.items() if k != "text"} for c in coded_one]


def test_repair_jsonl_keeps_a_whole_last_record(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text('{"doc_id": "x", "content_hash": "1"}\n{"doc_id": "y", "content_hash": "2"}', encoding="utf-8")
    assert repair_jsonl(out) == 2
    assert out.read_text(encoding="utf-8").endswith('"2"}\n')
    assert repair_jsonl(tmp_path / "missing.jsonl") == 0
    (tmp_path / "empty.jsonl").write_text("", encoding="utf-8")
    assert repair_jsonl(tmp_path / "empty.jsonl") == 0
    one = tmp_path / "one.jsonl"
    one.write_text('{"doc_id": "x", "conte', encoding="utf-8")
    assert repair_jsonl(one) == 0
    assert one.read_text(encoding="utf-8") == ""


def test_resume_refuses_files_it_cannot_trust(tmp_path: Path) -> None:
    flat = tmp_path / "flat.jsonl"
    flat.write_text('{"event_id": "e1", "doc_id": "a"}\n', encoding="utf-8")
    with pytest.raises(ResumeError, match="article JSONL"):
        done_ids(str(flat), None)
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"doc_id": "a", "content_hash": "1"}\n{"doc_id": \n{"doc_id": "b", "content_hash": "2"}\n')
    with pytest.raises(ResumeError, match=":2:"):
        done_ids(str(bad), None)


def test_resume_from_store(tmp_path: Path, articles: list[Article], coded_one: list[dict[str, Any]]) -> None:
    from corridor.store import open_store

    db = str(tmp_path / "events.duckdb")
    assert done_ids(None, db) == set()  # no store yet: nothing done
    open_store(db).load(coded_one[:4])
    assert done_ids(None, db) == {(c["doc_id"], c["content_hash"]) for c in coded_one[:4]}
    # the file ran ahead of the store (killed between the two): the store is caught up
    out = tmp_path / "out.jsonl"
    out.write_text("".join(json.dumps(c) + "\n" for c in coded_one[:7]), encoding="utf-8")
    assert backfill_store(out, db) == 3
    assert done_ids(str(out), db) == done_ids(None, db)
    todo = list(run_coding(articles, resume_ids=done_ids(str(out), db)))
    assert [c.doc_id for c in todo] == [f"a{i:02d}" for i in range(7, 12)]
    assert all(c.content_hash == content_hash(c.text or "") for c in todo)


# -- a real SIGKILL, then --resume --------------------------------------------------------------------


def _corpus(folder: Path, copies: int) -> list[str]:
    folder.mkdir()
    ids = []
    for k in range(copies):
        for i, text in enumerate(TEXTS):
            doc = f"c{k}-a{i:02d}"
            body = text if k == 0 else f"{text} Officials gave no further details in update {k}."
            (folder / f"{doc}.txt").write_text(f"date 2024-03-{i + 1:02d}\n{body}\n", encoding="utf-8")
            ids.append(doc)
    return sorted(ids)


# Loaded by every Python process started with this folder on its path (the run and its workers): with
# CORRIDOR_TEST_GATE set to a folder, one article goes through and every other one waits as long as that
# folder exists, so that a signal sent after the first output line always finds the run busy, however
# loaded the machine (a run slowed by a fixed delay could still finish first when the test's own polling
# lags behind).
GATE_SITE = """
import faulthandler, os, signal, time
faulthandler.register(signal.SIGUSR1, all_threads=True)  # the test asks a hung run for its stacks
if os.environ.get("CORRIDOR_TEST_GATE"):
    from corridor.pipeline import Pipeline

    _analyse_doc = Pipeline.analyse_doc

    def _gated(self, article, doc):
        gate = os.environ["CORRIDOR_TEST_GATE"]
        try:
            os.close(os.open(os.path.join(gate, "passed"), os.O_CREAT | os.O_EXCL))
        except FileExistsError:  # another article went through: wait while the gate stands
            deadline = time.monotonic() + 300
            while os.path.isdir(gate) and time.monotonic() < deadline:
                time.sleep(0.05)
        return _analyse_doc(self, article, doc)

    Pipeline.analyse_doc = _gated
"""


def _runner(args: list[str], cwd: Path, gate: Path | None = None) -> subprocess.Popen[bytes]:
    env = dict(os.environ)
    site = cwd / "site"
    site.mkdir(exist_ok=True)
    (site / "sitecustomize.py").write_text(GATE_SITE, encoding="utf-8")
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), str(site), env.get("PYTHONPATH", "")])
    env.pop("CORRIDOR_TEST_GATE", None)
    if gate is not None:
        gate.mkdir()
        env["CORRIDOR_TEST_GATE"] = str(gate)
    return subprocess.Popen(
        [sys.executable, "-m", "corridor.dist", *args],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group, workers included
        # Ctrl-C as in a terminal: a test run started in the background (`pytest &`) ignores SIGINT, and
        # its children would inherit that and never see the interrupt
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )


def _complete_lines(path: Path) -> int:
    if not path.exists():
        return 0
    return path.read_bytes().count(b"\n")


def _wait_for_lines(proc: subprocess.Popen[bytes], path: Path, n: int, limit: float = 120) -> None:
    deadline = time.monotonic() + limit
    while _complete_lines(path) < n:
        if proc.poll() is not None:
            _, err = proc.communicate()
            pytest.fail(f"the run ended (rc {proc.returncode}) before {n} lines: {err.decode()[-2000:]}")
        if time.monotonic() > deadline:
            os.killpg(proc.pid, signal.SIGKILL)
            pytest.fail(f"no {n} output lines within {limit} s")
        time.sleep(0.02)


def test_sigkill_then_resume(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    ids = _corpus(corpus, copies=3)
    out = tmp_path / "out.jsonl"
    args = [str(corpus), "-o", str(out), "--workers", "2", "--batch-size", "1", "-q"]

    # the first two runs let one article through and hold the others at a gate (see GATE_SITE), so each
    # is still busy when its signal comes
    first = _runner(args, tmp_path, gate=tmp_path / "gate1")
    _wait_for_lines(first, out, 1)
    os.killpg(first.pid, signal.SIGKILL)
    first.wait(timeout=30)
    assert first.returncode == -signal.SIGKILL
    killed_at = _complete_lines(out)
    assert killed_at == 1

    # Ctrl-C on the resumed run: it stops cleanly (exit 130), no hang
    second = _runner([*args, "--resume"], tmp_path, gate=tmp_path / "gate2")
    _wait_for_lines(second, out, killed_at + 1)
    os.killpg(second.pid, signal.SIGINT)
    try:
        _, err = second.communicate(timeout=60)
    except subprocess.TimeoutExpired:  # a hang: show where each thread of the run stands, then stop it
        os.kill(second.pid, signal.SIGUSR1)
        time.sleep(2)
        os.killpg(second.pid, signal.SIGKILL)
        _, err = second.communicate(timeout=30)
        pytest.fail(f"the run did not stop within 60 s of Ctrl-C:\n{err.decode()[-6000:]}")
    assert second.returncode == 130, err.decode()[-2000:]
    assert _complete_lines(out) == 2

    third = _runner([*args, "--resume"], tmp_path)
    _, err = third.communicate(timeout=180)
    assert third.returncode == 0, err.decode()[-2000:]

    got = _lines(out)
    assert sorted(g["doc_id"] for g in got) == ids  # every article once: no duplicates, no losses
    expected = {c.doc_id: c.to_dict() for c in run_coding(_read(corpus))}
    assert all(g == expected[g["doc_id"]] for g in got)


def _read(folder: Path) -> Iterator[Article]:
    for item in Reader().read([str(folder)]):
        assert isinstance(item, Article)
        yield item


# -- errors -----------------------------------------------------------------------------------------

CRASHY = """
import os
from typing import ClassVar
from corridor.pipeline import register_stage

@register_stage("crashy")
class Crashy:
    name: ClassVar[str] = "crashy"

    def __init__(self, config):
        pass

    def __call__(self, analysis):
        if analysis.article.doc_id == "a05":
            os._exit(7)
"""


def test_worker_crash_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, articles: list[Article]) -> None:
    (tmp_path / "corridor_test_crashy.py").write_text(CRASHY, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))  # the spawned workers get this path too
    got: list[str] = []
    with pytest.raises(WorkerCrashedError, match="worker process died"):
        for c in run_coding(
            articles,
            workers=2,
            batch_size=1,
            pipeline_options={"stages": ("crashy",)},
            preload=("corridor_test_crashy",),
        ):
            got.append(c.doc_id)
    assert got == [f"a{i:02d}" for i in range(len(got))]  # what came out is an in-order prefix
    assert len(got) <= 5
    assert no_children_left()


FAILING = """
from typing import ClassVar
from corridor.pipeline import register_stage

@register_stage("failing")
class Failing:
    name: ClassVar[str] = "failing"

    def __init__(self, config):
        pass

    def __call__(self, analysis):
        if analysis.article.doc_id == "a03":
            raise ValueError("cannot read this one")
"""


def _two_workers_with_stage(
    source: str,
    stage: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    articles: list[Article],
    engine: str = "local",
    **options: Any,
) -> list[CodedArticle]:
    """Code ``articles`` with 2 workers (processes, or a Dask cluster's) running the stage defined by
    ``source``, then actors."""
    (tmp_path / f"corridor_test_{stage}.py").write_text(source, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))  # the spawned workers get this path too
    return list(
        run_coding(
            articles,
            workers=2,
            batch_size=2,
            engine=engine,
            pipeline_options={"stages": (stage, "actors"), **options},
            preload=(f"corridor_test_{stage}",),
        )
    )


def test_stage_error_is_recorded_on_its_article_and_the_run_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, articles: list[Article]
) -> None:
    coded = _two_workers_with_stage(FAILING, "failing", tmp_path, monkeypatch, articles)
    assert [c.doc_id for c in coded] == [a.doc_id for a in articles]  # nothing lost
    failed = {c.doc_id: c.errors for c in coded if c.errors}
    assert failed == {"a03": ["failing: ValueError: cannot read this one"]}
    assert next(c for c in coded if c.doc_id == "a03").actors  # the later stage still ran
    assert CodedArticle.from_dict(json.loads(json.dumps(coded[3].to_dict()))).errors == failed["a03"]
    assert no_children_left()


STUCK = (
    FAILING.replace('"failing"', '"stuck"')
    .replace("class Failing", "class Stuck")
    .replace('raise ValueError("cannot read this one")', "while True:\n                pass")
)


def test_a_stuck_stage_in_a_worker_is_stopped_by_the_time_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, articles: list[Article]
) -> None:
    coded = _two_workers_with_stage(STUCK, "stuck", tmp_path, monkeypatch, articles, stage_time_limit=0.5)
    assert [c.doc_id for c in coded] == [a.doc_id for a in articles]
    failed = {c.doc_id: c.errors for c in coded if c.errors}
    assert failed == {"a03": ["stuck: StageTimeout: took longer than 0.5 s (option stage_time_limit)"]}
    assert no_children_left()


def test_a_stuck_stage_in_a_dask_worker_thread_is_stopped_by_the_time_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, articles: list[Article]
) -> None:
    """Dask runs tasks in worker threads, where no signal can reach: the watchdog thread stops the stage."""
    pytest.importorskip("distributed", reason="the dask engine needs dask[distributed]")
    coded = _two_workers_with_stage(
        STUCK, "stuck", tmp_path, monkeypatch, articles, engine="dask", stage_time_limit=0.5
    )
    assert [c.doc_id for c in coded] == [a.doc_id for a in articles]
    failed = {c.doc_id: c.errors for c in coded if c.errors}
    assert failed == {"a03": ["stuck: StageTimeout: took longer than 0.5 s (option stage_time_limit)"]}


def test_stage_error_can_be_raised(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, articles: list[Article]) -> None:
    (tmp_path / "corridor_test_failing.py").write_text(FAILING, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    import importlib

    importlib.import_module("corridor_test_failing")
    pipe = Pipeline(PipelineConfig(stages=("failing",), options={"on_stage_error": "raise"}))
    with pytest.raises(ValueError, match="cannot read this one"):
        pipe(articles[3])
    with pytest.raises(ValueError, match="on_stage_error"):
        Pipeline(PipelineConfig(stages=("failing",), options={"on_stage_error": "ignore"}))


def test_pipeline_error_in_worker_is_raised_as_is(articles: list[Article]) -> None:
    with pytest.raises(ModelNotFoundError, match="no_such_pipeline"):
        list(run_coding(articles, workers=2, model="no_such_pipeline"))


def test_bad_arguments(articles: list[Article]) -> None:
    with pytest.raises(ValueError, match="engine"):
        run_coding(articles, engine="spark")
    with pytest.raises(ValueError, match="dask"):
        run_coding(articles, scheduler="tcp://127.0.0.1:8786")
    with pytest.raises(ValueError, match="workers"):
        run_coding(articles, workers=0)


# -- Dask -------------------------------------------------------------------------------------------


def test_dask_local_cluster_equals_one_process(
    tmp_path: Path, articles: list[Article], coded_one: list[dict[str, Any]]
) -> None:
    pytest.importorskip("distributed", reason="the dask engine needs dask[distributed]")
    import pyarrow.parquet as pq

    from corridor.store import open_store

    parts = tmp_path / "parts"
    coded = as_json(run_coding(articles, workers=2, engine="dask", batch_size=3, parquet_dir=str(parts)))
    assert coded == coded_one
    events = pq.read_table(parts / "events")
    assert events.num_rows == sum(len(c["events"]) for c in coded_one)
    assert sorted(set(events.column("doc_id").to_pylist())) == sorted(c["doc_id"] for c in coded_one if c["events"])
    jsonls = sorted((parts / "articles").glob("*.jsonl"))
    assert len(jsonls) == 4  # 12 articles in chunks of 3
    store = open_store(str(tmp_path / "events.duckdb"))
    for f in jsonls:
        store.load_jsonl(f)
    assert store.counts()["articles"] == 12
