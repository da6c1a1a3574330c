"""Coding on a Dask distributed cluster: chunks of articles as futures, results in input order.

Reads :class:`~corridor.model.Article` records from an iterable; yields
:class:`~corridor.model.CodedArticle` records in the same order. Connects to a running scheduler
(``scheduler="tcp://host:8786"``, e.g. one started by dask-jobqueue's ``SLURMCluster``) or starts a
``LocalCluster`` of worker processes with one thread each. Each worker process builds its pipeline once
(the per-process cache of :func:`corridor.api.get_pipeline`). With ``parquet_dir`` (a folder every worker
can write, e.g. on a shared file system) each chunk is written there as one partition by the worker that
coded it: ``events/*.parquet`` (flat events) and ``articles/*.jsonl`` (coded articles, loadable into the
store). Needs the ``distributed`` package (``pip install "dask[distributed]"``).
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

from corridor.dist.parallel import ChunkSpec, WorkerCrashedError, chunked, code_chunk
from corridor.model import Article, CodedArticle

_LOCK = threading.Lock()  # one chunk at a time per worker process, whatever its thread count


class DaskUnavailableError(RuntimeError):
    """The dask engine was asked for but ``distributed`` is not installed."""


def _dask_chunk(index: int, articles: list[Article], spec: ChunkSpec) -> list[CodedArticle]:
    """The task run on a worker: code one chunk with the worker process's cached pipeline."""
    with _LOCK:
        return code_chunk(index, articles, spec)


def _client(scheduler: str | None, workers: int) -> tuple[Any, Any]:
    """A ``Client`` on ``scheduler``, or on a new ``LocalCluster`` (returned too, to be closed)."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise DaskUnavailableError(
            'the dask engine needs the distributed package: pip install "dask[distributed]"'
        ) from exc
    if scheduler:
        try:
            return Client(scheduler, timeout="30s"), None
        except OSError as exc:
            raise ConnectionError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
    cluster = LocalCluster(
        n_workers=max(1, workers),
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        silence_logs=logging.ERROR,
    )
    try:
        return Client(cluster), cluster
    except BaseException:
        cluster.close()
        raise


def code_dask(
    items: Iterable[Article],
    spec: ChunkSpec,
    *,
    workers: int = 2,
    scheduler: str | None = None,
    chunk_size: int = 16,
    max_in_flight: int | None = None,
) -> Iterator[CodedArticle]:
    """Code ``items`` on a Dask cluster; yields coded articles in input order.

    At most ``max_in_flight`` chunks (default: twice the cluster's worker threads) are submitted and not
    yet yielded. An exception in a task is raised here; a chunk whose workers kept dying raises
    :class:`~corridor.dist.parallel.WorkerCrashedError`.
    """
    client, cluster = _client(scheduler, workers)
    pending: deque[tuple[Any, list[Article]]] = deque()
    try:
        from distributed import KilledWorker

        window = _Window(client, workers, max_in_flight)
        for index, chunk in enumerate(chunked(items, chunk_size)):
            fut = client.submit(_dask_chunk, index, chunk, spec, pure=False, key=f"corridor-{spec.run_id}-{index}")
            pending.append((fut, chunk))
            while pending and (len(pending) >= window.size() or pending[0][0].done()):
                yield from _collect(pending.popleft(), KilledWorker)
        while pending:
            yield from _collect(pending.popleft(), KilledWorker)
    finally:
        if pending:
            client.cancel([f for f, _ in pending], force=True)
        client.close()
        if cluster is not None:
            cluster.close()


class _Window:
    """How many tasks may be in flight: ``max_in_flight``, else twice the cluster's worker threads, looked
    up again every few seconds (workers of a batch-queue cluster join while the run goes on)."""

    def __init__(self, client: Any, workers: int, fixed: int | None, every: float = 5.0) -> None:
        self.client, self.workers, self.fixed, self.every = client, workers, fixed, every
        self._size, self._at = 0, -every

    def size(self) -> int:
        if self.fixed:
            return self.fixed
        now = time.monotonic()
        if now - self._at >= self.every:
            threads = sum(self.client.nthreads().values())
            self._size = 2 * max(1, threads or self.workers)
            self._at = now
        return self._size


def _collect(entry: tuple[Any, list[Article]], killed: type[BaseException]) -> list[CodedArticle]:
    fut, chunk = entry
    try:
        coded: list[CodedArticle] = fut.result()
    except killed as exc:
        first = chunk[0].doc_id if chunk else "?"
        raise WorkerCrashedError(
            f"Dask workers kept dying while coding the chunk starting at {first!r} ({exc}); "
            "rerun with --resume to go on from there"
        ) from exc
    for c, art in zip(coded, chunk, strict=True):
        c.text = art.text
    return coded
