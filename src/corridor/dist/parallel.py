"""Multi-process coding on one machine: chunks of articles coded by N worker processes, in input order.

Reads :class:`~corridor.model.Article` records from an iterable; yields
:class:`~corridor.model.CodedArticle` records in the same order. Each worker process (started with the
``spawn`` method by default) builds its pipeline once with :func:`corridor.api.get_pipeline` and codes
whole chunks with :meth:`~corridor.pipeline.Pipeline.pipe` (spaCy's batched ``nlp.pipe``). At most
``max_in_flight`` chunks are submitted and not yet yielded, so memory does not grow with the corpus.
When ``parquet_dir`` is given, every chunk is also written there as one partition
(:func:`write_partition`): flat events as Parquet and the coded articles as JSONL.
"""

from __future__ import annotations

import gc
import importlib
import json
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from corridor.model import Article, CodedArticle

START_METHODS = ("spawn", "forkserver")


class WorkerCrashedError(RuntimeError):
    """A coding worker process died (killed, out of memory, a crash in native code)."""


@dataclass(frozen=True)
class ChunkSpec:
    """What a worker needs to code a chunk: the pipeline settings and where partitions go."""

    model: str | None = None
    options: dict[str, Any] = field(default_factory=dict)
    batch_size: int = 16
    preload: tuple[str, ...] = ()
    parquet_dir: str | None = None
    run_id: str = "run"


def chunked(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    """Consecutive lists of at most ``size`` articles."""
    it = iter(items)
    while True:
        chunk = list(islice(it, size))
        if not chunk:
            return
        yield chunk


def new_run_id() -> str:
    """A name for this run's partitions, unique across runs (so a resumed run never overwrites one)."""
    return time.strftime("%Y%m%dT%H%M%S") + f"-{os.getpid()}-{os.urandom(3).hex()}"


def preload_modules(modules: Sequence[str]) -> None:
    """Import modules that register extra stages (a spawned worker does not inherit the parent's)."""
    for name in modules:
        importlib.import_module(name)


def code_chunk(index: int, articles: list[Article], spec: ChunkSpec) -> list[CodedArticle]:
    """Code one chunk with this process's cached pipeline; write its partition if asked.

    The returned articles carry no text (``text=None``): the caller still has it and puts it back, which
    spares sending every text back over the process boundary.
    """
    from corridor.api import get_pipeline

    preload_modules(spec.preload)
    pipeline = get_pipeline(model=spec.model, **dict(spec.options))
    coded = list(pipeline.pipe(articles, batch_size=spec.batch_size))
    if spec.parquet_dir:
        write_partition(spec.parquet_dir, spec.run_id, index, coded)
    for c in coded:
        c.text = None
    return coded


# -- partitions -------------------------------------------------------------------------------------


def _flat_schema() -> Any:
    import pyarrow as pa

    from corridor.io.writers import FLAT_COLUMNS

    floats = {"goldstein", "location_lat", "location_lon", "confidence"}
    ints = {"quad_class", "location_geonameid", "trigger_start", "trigger_end"}
    return pa.schema(
        [(c, pa.float64() if c in floats else pa.int64() if c in ints else pa.string()) for c in FLAT_COLUMNS]
    )


def write_partition(parquet_dir: str | Path, run_id: str, index: int, coded: Sequence[CodedArticle]) -> None:
    """Write one partition: ``events/part-<run>-<index>.parquet`` (the flat event rows of
    :func:`corridor.io.writers.flat_event`) and ``articles/part-<run>-<index>.jsonl`` (one ``corridor/1``
    coded article a line, loadable with ``corridor load`` or ``Store.load_jsonl``).

    Each file is written under a temporary name and renamed, so a killed worker leaves no partial file.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    from corridor.io.writers import flat_event

    root = Path(parquet_dir)
    name = f"part-{run_id}-{index:06d}"
    ev_dir, art_dir = root / "events", root / "articles"
    ev_dir.mkdir(parents=True, exist_ok=True)
    art_dir.mkdir(parents=True, exist_ok=True)
    rows = [flat_event(a, ev) for a in coded for ev in a.events]
    table = pa.Table.from_pylist(rows, schema=_flat_schema())
    tmp = ev_dir / f".{name}.parquet.tmp"
    pq.write_table(table, tmp)
    os.replace(tmp, ev_dir / f"{name}.parquet")
    tmp = art_dir / f".{name}.jsonl.tmp"
    with open(tmp, "w", encoding="utf-8") as fh:
        for a in coded:
            fh.write(json.dumps(a.to_dict(), ensure_ascii=False) + "\n")
    os.replace(tmp, art_dir / f"{name}.jsonl")


# -- worker processes -------------------------------------------------------------------------------


def _watch_parent(parent: int) -> None:
    """Exit when the parent process is gone (a SIGKILLed parent cannot stop its workers)."""
    while True:
        time.sleep(1.0)
        if os.getppid() != parent:
            os._exit(1)


_INIT_ERROR: BaseException | None = None


def _init_worker(spec: ChunkSpec, parent: int) -> None:
    """Run once in each worker: ignore Ctrl-C (the parent stops us), watch the parent, load the pipeline.

    A failure to load (model missing, bad option) is kept and raised by the first chunk, so that the
    parent sees the real error rather than a broken pool.
    """
    global _INIT_ERROR
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True, name="corridor-parent-watch").start()
    try:
        from corridor.api import get_pipeline

        preload_modules(spec.preload)
        get_pipeline(model=spec.model, **dict(spec.options))
    except Exception as exc:  # re-raised in _worker_chunk
        _INIT_ERROR = exc
    # the lexicons, gazetteer and models live as long as the worker: moved out of the collector's sight,
    # its full collections no longer walk them again and again (about 0.5 ms per article)
    gc.collect()
    gc.freeze()


def _worker_chunk(index: int, articles: list[Article], spec: ChunkSpec) -> list[CodedArticle]:
    if _INIT_ERROR is not None:
        raise _INIT_ERROR
    return code_chunk(index, articles, spec)


def _describe(chunk: list[Article]) -> str:
    if not chunk:
        return "an empty chunk"
    first, last = chunk[0].doc_id, chunk[-1].doc_id
    return f"the chunk of {len(chunk)} article(s) {first!r}" + (f" .. {last!r}" if last != first else "")


def _stop_pool(pool: ProcessPoolExecutor) -> None:
    """Cancel what is queued and end the workers now (used on Ctrl-C, errors and early close)."""
    terminate = getattr(pool, "terminate_workers", None)  # Python 3.14+
    if terminate is not None:
        try:
            terminate()
        except Exception:  # already stopped
            pool.shutdown(wait=False, cancel_futures=True)
        return
    procs = list((getattr(pool, "_processes", None) or {}).values())  # taken before shutdown clears it
    pool.shutdown(wait=False, cancel_futures=True)
    for proc in procs:
        if proc.is_alive():
            proc.terminate()
    for proc in procs:
        proc.join(timeout=5)


def code_parallel(
    items: Iterable[Article],
    spec: ChunkSpec,
    *,
    workers: int = 2,
    chunk_size: int = 16,
    max_in_flight: int | None = None,
    start_method: str = "spawn",
) -> Iterator[CodedArticle]:
    """Code ``items`` with ``workers`` processes; yields coded articles in input order.

    ``max_in_flight`` (default ``2 * workers``) bounds the chunks submitted and not yet yielded: results
    that finish early wait in that window (the reorder buffer), and reading the input pauses while it is
    full. A worker that dies raises :class:`WorkerCrashedError`; an exception inside a worker (including
    a pipeline that cannot load) is raised here as it was raised there.
    """
    if workers < 1:
        raise ValueError("workers must be at least 1")
    if start_method not in START_METHODS:
        raise ValueError(f"start method must be one of {START_METHODS}")
    window = max_in_flight or 2 * workers
    ctx = multiprocessing.get_context(start_method)
    pool = ProcessPoolExecutor(
        max_workers=workers, mp_context=ctx, initializer=_init_worker, initargs=(spec, os.getpid())
    )
    pending: deque[tuple[Future[list[CodedArticle]], list[Article]]] = deque()
    chunks = chunked(items, chunk_size)
    clean = False
    try:
        for index, chunk in enumerate(chunks):
            pending.append((pool.submit(_worker_chunk, index, chunk, spec), chunk))
            while pending and (len(pending) >= window or pending[0][0].done()):
                yield from _collect(pending.popleft())
        while pending:
            yield from _collect(pending.popleft())
        clean = True
    finally:
        if clean:
            pool.shutdown(wait=True)
        else:
            _stop_pool(pool)


def _collect(entry: tuple[Future[list[CodedArticle]], list[Article]]) -> list[CodedArticle]:
    fut, chunk = entry
    try:
        coded = fut.result()
    except BrokenProcessPool as exc:
        raise WorkerCrashedError(
            "a coding worker process died (killed, out of memory, or a crash in native code); coding stopped at "
            f"{_describe(chunk)}, and every article before it was coded. Rerun with --resume to go on from there."
        ) from exc
    if len(coded) != len(chunk):  # pragma: no cover - a broken stage that drops articles
        raise RuntimeError(f"a worker returned {len(coded)} articles for {_describe(chunk)}")
    for c, art in zip(coded, chunk, strict=True):
        c.text = art.text
    return coded
