"""Throughput benchmark: corridor's full pipeline against bare spaCy parsing, same model, same processes.

Reads the BBC News corpus (``../shared/corpora/bbc-news/bbc/<category>/*.txt``, or ``--corpus``); writes
nothing but its report: a markdown table (articles/s, words/s, CPU seconds per article, peak resident
memory per worker) with the command and the machine, then a profile of the pipeline by spaCy component
and corridor stage on a subset, in one process. ``--json FILE`` also writes the figures as JSON.

    python benchmarks/bench_throughput.py                 # the whole corpus, 2 processes
    python benchmarks/bench_throughput.py --limit 400     # a documented subset (every k-th article)
"""

from __future__ import annotations

import argparse
import cProfile
import json
import multiprocessing
import os
import platform
import pstats
import resource
import shlex
import sys
import threading
import time
from collections import defaultdict
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from machine import cores, cpu_model, load_average, memory

from corridor.dist import run_coding
from corridor.dist.parallel import chunked
from corridor.io.readers import Reader
from corridor.model import Article

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "bbc-news" / "bbc"
CATEGORIES = ("business", "entertainment", "politics", "sport", "tech")


# -- machine and memory --------------------------------------------------------------------------------


def machine() -> dict[str, str]:
    import spacy

    return {
        "nproc": str(cores()),
        "ram": memory(),
        "cpu": cpu_model(),
        "python": platform.python_version(),
        "spacy": spacy.__version__,
        "load": load_average(),
    }


class RssWatch:
    """Peak resident memory of each child process, sampled by a thread (needs psutil; else nothing)."""

    def __init__(self, interval: float = 0.2) -> None:
        self.interval = interval
        self.peaks: dict[int, int] = defaultdict(int)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def __enter__(self) -> RssWatch:
        try:
            import psutil
        except ImportError:
            return self
        me = psutil.Process()

        def poll() -> None:
            while not self._stop.is_set():
                for child in me.children(recursive=True):
                    try:
                        rss = child.memory_info().rss
                    except psutil.Error:
                        continue
                    self.peaks[child.pid] = max(self.peaks[child.pid], rss)
                self._stop.wait(self.interval)

        self._thread = threading.Thread(target=poll, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()

    def worker_peak_mb(self, min_mb: float = 100.0) -> float | None:
        """The largest peak among children big enough to be coding workers (not helper processes)."""
        big = [v / 2**20 for v in self.peaks.values() if v / 2**20 >= min_mb]
        return max(big) if big else None


def children_cpu() -> float:
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


# -- the two runs ---------------------------------------------------------------------------------------

_NLP: Any = None


def _bare_init(model: str | None) -> None:
    global _NLP
    from corridor.pipeline import load_nlp

    _NLP = load_nlp(model)


def _bare_chunk(texts: list[str], batch_size: int) -> int:
    return sum(len(doc) for doc in _NLP.pipe(texts, batch_size=batch_size))


def run_bare(articles: list[Article], workers: int, batch_size: int, model: str | None) -> dict[str, Any]:
    """spaCy's ``nlp.pipe`` alone, in ``workers`` spawned processes, chunks of ``batch_size`` texts."""
    cpu0, t0 = children_cpu(), time.perf_counter()
    tokens = 0
    with RssWatch() as watch:
        ctx = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(workers, mp_context=ctx, initializer=_bare_init, initargs=(model,)) as pool:
            futs = [pool.submit(_bare_chunk, [a.text for a in c], batch_size) for c in chunked(articles, batch_size)]
            first = None
            for f in futs:
                tokens += f.result()
                first = first or time.perf_counter()
    wall = time.perf_counter() - t0
    return {
        "wall": wall,
        "first": (first or t0) - t0,
        "cpu": children_cpu() - cpu0,
        "rss_mb": watch.worker_peak_mb(),
        "tokens": tokens,
    }


def run_corridor(articles: list[Article], workers: int, batch_size: int, model: str | None) -> dict[str, Any]:
    """:func:`corridor.dist.run_coding` with ``workers`` processes, each result serialized to JSON."""
    cpu0, t0 = children_cpu(), time.perf_counter()
    events = nbytes = 0
    first = None
    with RssWatch() as watch:
        for coded in run_coding(articles, workers=workers, batch_size=batch_size, model=model):
            events += len(coded.events)
            nbytes += len(json.dumps(coded.to_dict(), ensure_ascii=False))
            first = first or time.perf_counter()
    wall = time.perf_counter() - t0
    return {
        "wall": wall,
        "first": (first or t0) - t0,
        "cpu": children_cpu() - cpu0,
        "rss_mb": watch.worker_peak_mb(),
        "events": events,
        "json_mb": nbytes / 2**20,
    }


# -- profile -------------------------------------------------------------------------------------------


def profile(articles: list[Article], model: str | None, top: int) -> dict[str, Any]:
    """Seconds per spaCy component and per corridor stage, in this process (a timing pass), then the
    hottest functions of the stages (a second pass under cProfile, so its overhead is not in the times)."""
    from corridor.api import get_pipeline
    from corridor.pipeline import Analysis

    pipe = get_pipeline(model=model)
    nlp = pipe.nlp
    times: dict[str, float] = defaultdict(float)
    t = time.perf_counter()
    docs = [nlp.make_doc(a.text) for a in articles]
    times["spacy:tokenizer"] += time.perf_counter() - t
    for name, proc in nlp.pipeline:
        t = time.perf_counter()
        docs = list(proc.pipe(docs, batch_size=16)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
        times[f"spacy:{name}"] += time.perf_counter() - t
    stages = list(zip(pipe.stage_names, pipe.stages, strict=True))
    for art, doc in zip(articles, docs, strict=True):
        analysis = Analysis(article=art, doc=doc)
        for stage_name, stage in stages:
            t = time.perf_counter()
            stage(analysis)
            times[f"stage:{stage_name}"] += time.perf_counter() - t
        t = time.perf_counter()
        json.dumps(analysis.to_coded().to_dict(), ensure_ascii=False)
        times["output:to_dict+json"] += time.perf_counter() - t
    prof = cProfile.Profile()
    for art, doc in zip(articles, docs, strict=True):
        analysis = Analysis(article=art, doc=doc)
        prof.enable()
        for _, stage in stages:
            stage(analysis)
        prof.disable()
    raw: dict[Any, Any] = pstats.Stats(prof).stats  # type: ignore[attr-defined]
    rows = []
    for (path, line, func), (_cc, nc, tt, ct, _callers) in raw.items():
        short = path.split("site-packages/")[-1].split("src/")[-1]
        rows.append({"where": f"{short}:{line}({func})", "calls": nc, "tottime": tt, "cumtime": ct})
    own = sorted(rows, key=lambda h: -h["tottime"])[:top]
    ours = [r for r in rows if r["where"].startswith("corridor/") and "/pipeline.py" not in r["where"]]
    cum = sorted(ours, key=lambda h: -h["cumtime"])[:top]
    return {"n": len(articles), "seconds": dict(times), "hot": own, "hot_cumulative": cum}


# -- main ----------------------------------------------------------------------------------------------


def read_corpus(corpus: Path) -> list[Article]:
    folders = [str(corpus / c) for c in CATEGORIES if (corpus / c).is_dir()] or [str(corpus)]
    out = []
    for item in Reader().read(folders):
        if isinstance(item, Article):
            out.append(item)
    return out


def subset(articles: list[Article], n: int | None) -> list[Article]:
    """Every k-th article, so that a subset spans every category."""
    if not n or n >= len(articles):
        return articles
    step = len(articles) / n
    return [articles[int(i * step)] for i in range(n)]


def fmt_rate(n: float, s: float) -> str:
    return f"{n / s:,.1f}" if s > 0 else "n/a"


def report(args: argparse.Namespace, info: dict[str, str], res: dict[str, Any]) -> Iterator[str]:
    n, words = res["articles"], res["words"]
    bares, fulls = res["bare"], res["corridor"]
    yield f"Command: `{res['command']}`  "
    yield (
        f"Machine: {info['nproc']} CPUs ({info['cpu']}), {info['ram']} RAM, Python {info['python']}, "
        f"spaCy {info['spacy']}; load average at start {res['load_start']}, at end {res['load_end']}  "
    )
    yield (
        f"Corpus: {n:,} articles, {words:,} words ({res['corpus_note']}); "
        f"{args.workers} processes, batch {args.batch_size}; {len(bares)} round(s), the two runs alternating"
    )
    yield ""
    yield (
        "| run | round | wall s | articles/s | words/s | worker CPU s | CPU ms/article | first result s "
        "| peak RSS/worker |"
    )
    yield "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
    for name, runs in (("bare spaCy nlp.pipe", bares), ("corridor full pipeline", fulls)):
        for i, r in enumerate(runs, start=1):
            rss = f"{r['rss_mb']:.0f} MB" if r["rss_mb"] else "n/a"
            yield (
                f"| {name} | {i} | {r['wall']:.1f} | {fmt_rate(n, r['wall'])} | {fmt_rate(words, r['wall'])} | "
                f"{r['cpu']:.1f} | {1000 * r['cpu'] / n:.1f} | {r['first']:.1f} | {rss} |"
            )
    best_wall = min(r["wall"] for r in bares) / min(r["wall"] for r in fulls)
    best_cpu = min(r["cpu"] for r in bares) / min(r["cpu"] for r in fulls)
    yield ""
    yield (
        f"Ratio corridor / bare spaCy (best round of each): wall-clock throughput {best_wall:.3f}, "
        f"CPU throughput {best_cpu:.3f} (bar: 0.80); {fulls[0]['events']:,} events, "
        f"{fulls[0]['json_mb']:.1f} MB of JSON"
    )
    prof = res.get("profile")
    if prof:
        total = sum(prof["seconds"].values())
        yield ""
        yield f"Profile, one process, {prof['n']} articles (every k-th of the corpus):"
        yield ""
        yield "| part | seconds | ms/article | share |"
        yield "|---|---:|---:|---:|"
        for part, s in sorted(prof["seconds"].items(), key=lambda kv: -kv[1]):
            yield f"| {part} | {s:.2f} | {1000 * s / prof['n']:.1f} | {100 * s / total:.1f}% |"
        yield f"| total | {total:.2f} | {1000 * total / prof['n']:.1f} | 100% |"
        for title, key in (
            ("Hottest functions under the stages, by own time (cProfile pass)", "hot"),
            ("corridor functions by cumulative time (cProfile pass)", "hot_cumulative"),
        ):
            yield ""
            yield f"{title}:"
            yield ""
            yield "| function | calls | own s | cumulative s |"
            yield "|---|---:|---:|---:|"
            for h in prof[key]:
                yield f"| `{h['where']}` | {h['calls']:,} | {h['tottime']:.2f} | {h['cumtime']:.2f} |"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of BBC category folders")
    ap.add_argument("--limit", type=int, help="only this many articles (every k-th, all categories)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--model", help="spaCy pipeline (default: corridor's)")
    ap.add_argument("--rounds", type=int, default=1, help="alternate the two runs this many times")
    ap.add_argument("--profile-n", type=int, default=200, help="articles for the stage profile (0: none)")
    ap.add_argument("--top", type=int, default=15, help="hottest functions listed")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    args = ap.parse_args()
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    info = machine()
    allarts = read_corpus(args.corpus)
    articles = subset(allarts, args.limit)
    words = sum(len(a.text.split()) for a in articles)
    note = "whole corpus" if len(articles) == len(allarts) else f"subset: every k-th of {len(allarts):,}"
    res: dict[str, Any] = {
        "command": "python " + " ".join(shlex.quote(a) for a in sys.argv),
        "articles": len(articles),
        "words": words,
        "corpus_note": note,
        "load_start": info["load"],
    }
    res["bare"], res["corridor"] = [], []
    for r in range(1, args.rounds + 1):
        print(f"round {r}: bare spaCy on {len(articles)} articles ...", file=sys.stderr)
        res["bare"].append(run_bare(articles, args.workers, args.batch_size, args.model))
        print(f"round {r}: corridor on {len(articles)} articles ...", file=sys.stderr)
        res["corridor"].append(run_corridor(articles, args.workers, args.batch_size, args.model))
    if args.profile_n:
        print(f"profile on {args.profile_n} articles ...", file=sys.stderr)
        res["profile"] = profile(subset(allarts, args.profile_n), args.model, args.top)
    res["load_end"] = " ".join(f"{x:.2f}" for x in os.getloadavg())
    res["machine"] = info
    print("\n".join(report(args, info, res)))
    if args.json:
        args.json.write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
