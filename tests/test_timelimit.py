"""The stage time limit stops a stuck stage in any thread (main, Dask worker, HTTP server) and never fires
outside its block. The stuck stage ("test_stuck") is conftest's."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from corridor.model import Article
from corridor.pipeline import Pipeline, PipelineConfig
from corridor.timelimit import StageTimeout, time_limit


def _spin(seconds: float) -> int:
    """A loop in Python code, as a stage caught in a bug would run; returns its count if it ends."""
    end = time.monotonic() + seconds
    n = 0
    while time.monotonic() < end:
        n += 1
    return n


def _stopped_after(limit: float, spin: float) -> float | None:
    """Seconds until the limit stopped the loop, or None if the loop ended on its own."""
    t0 = time.monotonic()
    try:
        with time_limit(limit):
            _spin(spin)
    except StageTimeout:
        return time.monotonic() - t0
    return None


def test_a_loop_in_the_main_thread_is_stopped() -> None:
    took = _stopped_after(0.3, 30)
    assert took is not None and 0.3 <= took < 5


def test_a_loop_in_another_thread_is_stopped_and_the_others_are_not() -> None:
    with ThreadPoolExecutor(3) as pool:
        stuck = pool.submit(_stopped_after, 0.3, 30)
        quick = [pool.submit(_stopped_after, 10, 0.2) for _ in range(2)]
        assert stuck.result(timeout=20) is not None
        assert [q.result(timeout=20) for q in quick] == [None, None]


def test_no_limit_and_a_block_that_ends_in_time() -> None:
    assert _stopped_after(0, 0.2) is None
    assert _stopped_after(5, 0.05) is None


def test_the_limit_never_fires_after_its_block() -> None:
    """Blocks that end right about their deadline: the exception is raised inside the block or not at all."""
    outcomes = {"stopped": 0, "ended": 0}
    for _ in range(60):
        try:
            with time_limit(0.01):
                _spin(0.01)
            outcomes["ended"] += 1
        except StageTimeout:
            outcomes["stopped"] += 1
        _spin(0.02)  # a late exception would land here, outside any handler, and fail the test
    assert sum(outcomes.values()) == 60


def test_blocks_do_not_nest() -> None:
    with time_limit(5), pytest.raises(RuntimeError, match="do not nest"), time_limit(5):
        pass


def test_the_pipeline_stops_a_stuck_stage_in_a_server_thread() -> None:
    """As the HTTP server and Dask code articles: in a thread that is not the main one."""
    pipe = Pipeline(PipelineConfig(stages=("test_stuck", "actors"), options={"stage_time_limit": 0.5}))
    art = Article(text="This one is stuck. Iran condemned Israel on Monday.", doc_id="s1", date="2021-10-28")
    result: dict[str, object] = {}
    worker = threading.Thread(target=lambda: result.update(coded=pipe(art)))
    worker.start()
    worker.join(30)
    assert not worker.is_alive()
    coded = result["coded"]
    assert coded.errors == ["test_stuck: StageTimeout: took longer than 0.5 s (option stage_time_limit)"]  # type: ignore[attr-defined]
    assert {a.code for a in coded.actors} >= {"IRN", "ISR"}  # type: ignore[attr-defined]
