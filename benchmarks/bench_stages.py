"""Time of each pipeline stage against spaCy parsing alone, on BBC News articles (one process).

Usage: ``.venv/bin/python benchmarks/bench_stages.py [--n 300] [--corpus ../shared/corpora/bbc-news/bbc]``.
Parses the articles once with ``nlp.pipe`` (timed), then runs each stage over the parsed docs (each
timed on its own), and prints a markdown table: seconds, ms per article and share of the parse time.
The actor stage's bar: at most 10% of the parse time.
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
    args = ap.parse_args()
    arts = load(Path(args.corpus), args.n)
    if not arts:
        raise SystemExit(f"no .txt articles under {args.corpus}: give the BBC corpus folder with --corpus")
    words = sum(len(a.text.split()) for a in arts)
    stages = tuple(args.stages.split(",")) if args.stages else None
    pipe = Pipeline(PipelineConfig(stages=stages))
    for art in arts[:5]:  # warm up: the parser, and each stage's lazily loaded tables (not timed)
        pipe(art)
    t0 = time.perf_counter()
    docs = list(pipe.nlp.pipe([a.text for a in arts], batch_size=16))
    parse = time.perf_counter() - t0
    analyses = [Analysis(article=a, doc=d) for a, d in zip(arts, docs, strict=True)]
    rows = []
    total = 0.0
    for name, stage in zip(pipe.stage_names, pipe.stages, strict=True):
        t0 = time.perf_counter()
        for an in analyses:
            stage(an)
        secs = time.perf_counter() - t0
        total += secs
        rows.append((name, secs))
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"command: python benchmarks/bench_stages.py --n {args.n}")
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
