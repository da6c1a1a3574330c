"""Coding a corpus at scale: several processes, a Dask cluster, and resumable runs.

:func:`run_coding` reads :class:`~corridor.model.Article` records and yields
:class:`~corridor.model.CodedArticle` records in input order, streaming (a bounded number of chunks in
flight), on this process (``workers=1``), on N local worker processes (``workers=N``) or on a Dask
cluster (``engine="dask"``). It skips the articles whose ``(doc_id, content_hash)`` is in ``resume_ids``
(see :mod:`corridor.dist.resume`). With ``parquet_dir`` each chunk is also written there as a partition
(flat events as Parquet, coded articles as JSONL). See ``docs/scale.md``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from corridor.dist.parallel import ChunkSpec, WorkerCrashedError, code_chunk, code_parallel, new_run_id
from corridor.dist.resume import DoneIds, ResumeError, backfill_store, done_ids, repair_jsonl
from corridor.model import Article, CodedArticle
from corridor.pipeline import content_hash

ENGINES = ("local", "dask")

__all__ = [
    "ENGINES",
    "ResumeError",
    "WorkerCrashedError",
    "backfill_store",
    "done_ids",
    "repair_jsonl",
    "run_coding",
    "skip_done",
]


def skip_done(items: Iterable[Article], resume_ids: DoneIds | None) -> Iterator[Article]:
    """The articles whose ``(doc_id, content_hash(text))`` is not in ``resume_ids``."""
    if not resume_ids:
        yield from items
        return
    for art in items:
        if (art.doc_id, content_hash(art.text)) not in resume_ids:
            yield art


def run_coding(
    items: Iterable[Article],
    *,
    workers: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    batch_size: int = 16,
    model: str | None = None,
    pipeline_options: dict[str, Any] | None = None,
    resume_ids: DoneIds | None = None,
    parquet_dir: str | None = None,
    chunk_size: int | None = None,
    max_in_flight: int | None = None,
    preload: Sequence[str] = (),
    start_method: str = "spawn",
) -> Iterator[CodedArticle]:
    """Code ``items``, yielding coded articles in input order (skipping those in ``resume_ids``).

    ``workers``: processes (local engine; 1 codes in this process) or LocalCluster workers (dask engine
    without ``scheduler``). ``engine``: ``"local"`` or ``"dask"``; ``scheduler``: a Dask scheduler
    address (dask engine only). ``batch_size``: spaCy's ``nlp.pipe`` batch; ``chunk_size`` (default
    ``batch_size``): articles per task; ``max_in_flight`` (default twice the workers): tasks submitted
    and not yet yielded, which bounds memory. ``model`` and ``pipeline_options`` go to
    :func:`corridor.api.get_pipeline` (e.g. ``{"stages": ("actors", "events"), "keep_negated": True}``).
    ``preload``: modules each worker imports first (custom stages registered by a module of yours).
    ``parquet_dir``: also write each chunk there as a partition. Raises
    :class:`WorkerCrashedError` when a worker process dies.
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    if scheduler and engine != "dask":
        raise ValueError("a scheduler address needs engine='dask'")
    if workers < 1:
        raise ValueError("workers must be at least 1")
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    options = dict(pipeline_options or {})
    if isinstance(options.get("stages"), list):  # get_pipeline caches by a hashable key
        options["stages"] = tuple(options["stages"])
    spec = ChunkSpec(
        model=model,
        options=options,
        batch_size=batch_size,
        preload=tuple(preload),
        parquet_dir=str(Path(parquet_dir).resolve()) if parquet_dir else None,  # workers may run elsewhere
        run_id=new_run_id(),
    )
    todo = skip_done(items, resume_ids)
    size = chunk_size or batch_size
    if engine == "dask":
        from corridor.dist.dask_engine import code_dask

        return code_dask(todo, spec, workers=workers, scheduler=scheduler, chunk_size=size, max_in_flight=max_in_flight)
    if workers == 1:
        return _code_here(todo, spec, size)
    return code_parallel(
        todo, spec, workers=workers, chunk_size=size, max_in_flight=max_in_flight, start_method=start_method
    )


def _code_here(items: Iterable[Article], spec: ChunkSpec, chunk_size: int) -> Iterator[CodedArticle]:
    """One process: stream through the cached pipeline (chunked only when partitions are written)."""
    from corridor.api import get_pipeline
    from corridor.dist.parallel import chunked, preload_modules

    preload_modules(spec.preload)
    if not spec.parquet_dir:
        pipeline = get_pipeline(model=spec.model, **dict(spec.options))
        yield from pipeline.pipe(items, batch_size=spec.batch_size)
        return
    for index, chunk in enumerate(chunked(items, chunk_size)):
        coded = code_chunk(index, chunk, spec)
        for c, art in zip(coded, chunk, strict=True):
            c.text = art.text
        yield from coded
