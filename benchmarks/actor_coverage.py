"""Actor coverage: how many actors and events of a corpus carry a country, and how each code was found.

Reads a folder of plain-text articles (by default the BBC politics articles,
``../shared/corpora/bbc-news/bbc/politics/*.txt``, which carry no date line: ``--date`` gives them one);
writes nothing but its report, a markdown table with the command and the machine. There is no gold here:
the figures say how much of a corpus is coded, not how much is right (the ``plover-actors`` suite scores
that); read a sample with ``--show N``.

    python benchmarks/actor_coverage.py                          # BBC politics, dated 2005-03-01
    python benchmarks/actor_coverage.py --corpus DIR --date ''   # any folder, undated
"""

from __future__ import annotations

import argparse
import random
import shlex
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from machine import cores, cpu_model, memory

import corridor
from corridor.model import Article

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "bbc-news" / "bbc" / "politics"


def read(folder: Path, date: str | None) -> list[Article]:
    files = sorted(folder.glob("*.txt"))
    if not files:
        sys.exit(f"no .txt articles in {folder}")
    return [
        Article(text=f.read_text(encoding="utf-8", errors="replace"), doc_id=f.name, date=date or None) for f in files
    ]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--date", default="2005-03-01", help="date given to every article ('' for none)")
    ap.add_argument("--show", type=int, default=0, help="print this many random actors found by article context")
    args = ap.parse_args()

    coded = list(corridor.code_articles(read(args.corpus, args.date)))
    actors = [a for c in coded for a in c.actors]
    events = [e for c in coded for e in c.events]
    known = [a for a in actors if a.country or (a.code and not a.code.startswith("---"))]
    by_how = Counter(a.resolved_by for a in actors)
    with_source = [e for e in events if e.source is not None]
    source_country = [e for e in with_source if e.source and not e.source.code.startswith("---")]

    def share(part: Sequence[object] | int, whole: Sequence[object]) -> str:
        n = part if isinstance(part, int) else len(part)
        return f"{n:,} ({n / max(1, len(whole)):.1%})"

    print(f"command: python benchmarks/actor_coverage.py {shlex.join(sys.argv[1:])}".rstrip())
    print(f"machine: {cpu_model()}, {cores()} cores, {memory()} RAM")
    print(f"corpus: {args.corpus} ({len(coded):,} articles, date {args.date or 'none'})\n")
    print("| measure | value |")
    print("|---|---|")
    print(f"| actors | {len(actors):,} |")
    print(f"| actors with a country | {share(known, actors)} |")
    print(f"| events | {len(events):,} |")
    print(f"| events with a source | {share(with_source, events)} |")
    print(f"| events whose source has a country | {share(source_country, events)} |")
    for how, n in by_how.most_common():
        print(f"| resolved_by `{how}` | {share(n, actors)} |")
    if args.show:
        sample = [(c.doc_id, a) for c in coded for a in c.actors if a.resolved_by == "article"]
        random.Random(0).shuffle(sample)
        for doc_id, a in sample[: args.show]:
            print(f"{doc_id}\t{a.text}\t{a.code}")


if __name__ == "__main__":
    main()
