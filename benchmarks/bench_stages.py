"""Time of each pipeline stage against spaCy parsing alone, on BBC News articles (one process).

Usage: ``.venv/bin/python benchmarks/bench_stages.py [--n 300] [--rounds 1] [--clock wall|cpu]
[--corpus ../shared/corpora/bbc-news/bbc]``. Parses the articles once with ``nlp.pipe`` (timed), then runs
each stage over the parsed docs (each timed on its own), and prints a markdown table: seconds, ms per article
and share of the parse time. The actor stage's bar: at most 10% of the parse time. With ``--rounds N`` the
stages run N times over the same parsed docs (each round on fresh analyses) and each stage's best round is
kept: on a shared machine that is the steadier figure, and ``--clock cpu`` (this process's CPU time) steadier
still. To compare two commits, run the script from a checkout of each, alternating.
"""

from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

from machine import describe

from corridor.model import Article
from corridor.pipeline import Analysis, Pipeline, PipelineConfig

ROOT = Path(__file__).resolve().parents[1]


def load(corpus: Path, n: int) -> list[Article]:
    files = sorted(corpus.rglob("*.txt"))
    # spread over the categories: every k-th file
    step = max(1, len(files) // n)
    out = []
    for f in files[::step][:n]:
        text = f.read_text(encoding="utf-8", errors="replace")
        out.append(Article(text=text, doc_id=f.stem, date="2005-01-01"))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared/corpora/bbc-news/bbc"))
    ap.add_argument("--stages", default=None, help="comma-separated stages (default: the default pipeline)")
    ap.add_argument("--rounds", type=int, default=1, help="run the stages this many times; keep each one's best")
    ap.add_argument("--clock", choices=("wall", "cpu"), default="wall", help="wall-clock or this process's CPU time")
    args = ap.parse_args()
    arts = load(Path(args.corpus), args.n)
    if not arts:
        raise SystemExit(f"no .txt articles under {args.corpus}: give the BBC corpus folder with --corpus")
    words = sum(len(a.text.split()) for a in arts)
    stages = tuple(args.stages.split(",")) if args.stages else None
    pipe = Pipeline(PipelineConfig(stages=stages))
    for art in arts[:5]:  # warm up: the parser, and each stage's lazily loaded tables (not timed)
        pipe(art)
    clock = time.process_time if args.clock == "cpu" else time.perf_counter
    t0 = clock()
    docs = list(pipe.nlp.pipe([a.text for a in arts], batch_size=16))
    parse = clock() - t0
    best = {name: float("inf") for name in pipe.stage_names}
    for _ in range(max(1, args.rounds)):
        analyses = [Analysis(article=a, doc=d) for a, d in zip(arts, docs, strict=True)]
        for name, stage in zip(pipe.stage_names, pipe.stages, strict=True):
            t0 = clock()
            for an in analyses:
                stage(an)
            best[name] = min(best[name], clock() - t0)
    rows = list(best.items())
    total = sum(best.values())
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"command: python benchmarks/bench_stages.py --n {args.n} --rounds {args.rounds} --clock {args.clock}")
    print(f"machine: {describe()}; model {pipe.nlp.meta.get('name')} {pipe.nlp.meta.get('version')}")
    print(f"articles {len(arts)}, words {words:,}, peak RSS {rss:.0f} MB\n")
    print("| step | seconds | ms / article | share of parse |")
    print("|---|---|---|---|")
    print(f"| spaCy parse (nlp.pipe) | {parse:.2f} | {1000 * parse / len(arts):.1f} | 100% |")
    for name, secs in rows:
        print(f"| stage `{name}` | {secs:.2f} | {1000 * secs / len(arts):.1f} | {100 * secs / parse:.1f}% |")
    print(f"| all stages | {total:.2f} | {1000 * total / len(arts):.1f} | {100 * total / parse:.1f}% |")


if __name__ == "__main__":
    main()
