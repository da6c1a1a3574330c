"""Direct quotations: corridor's quote stage side by side with textacy's ``direct_quotations``.

Reads a PolNeAR split (default: the dev split under the corpora folder; ``--data`` for another folder in
the same layout), parses every article once with the project's spaCy pipeline, runs both extractors on
the same parsed ``Doc`` and prints a markdown table: precision, recall and F1 on *direct* quotation content
spans (gold attributions whose content is quoted piece by piece, see ``corridor.eval.polnear``), matched
one-to-one at overlap >= 0.5 and exactly, speaker accuracy on the matches, and extraction speed in
documents per second (parsing excluded, reported on its own line).

textacy is not a dependency of corridor: ``pip install textacy`` to run this script.

    PYTHONPATH=src .venv/bin/python benchmarks/bench_quotes_textacy.py [--split dev] [--limit N]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc

from corridor.eval.base import EvalArgs, prf
from corridor.eval.polnear import GoldDoc, load_docs, match, resolve_split, significant, speaker_ok
from corridor.model import Actor, Article, Quote
from corridor.pipeline import Analysis, load_nlp
from corridor.quoting.lexicon import load_lexicon
from corridor.stages.quotes import extract_quotes


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    exact: int = 0
    spk_right: int = 0
    spk_total: int = 0
    seconds: float = 0.0
    errors: int = 0


def corridor_direct(doc: Doc, article: Article) -> list[Quote]:
    analysis = Analysis(article=article, doc=doc)
    return [q for q in extract_quotes(analysis, load_lexicon()) if q.kind == "direct"]


def textacy_direct(doc: Doc, article: Article) -> list[Quote]:
    from textacy.extract import triples

    out: list[Quote] = []
    for tri in triples.direct_quotations(doc):
        content = tri.content
        speaker = None
        if tri.speaker:
            s, e = tri.speaker[0].idx, tri.speaker[-1].idx + len(tri.speaker[-1].text)
            speaker = Actor(text=doc.text[s:e], start=s, end=e, code="", resolved_by="unresolved")
        out.append(
            Quote(
                kind="direct",
                text=content.text,
                spans=[(content.start_char, content.end_char)],
                speaker=speaker,
            )
        )
    return out


def score(
    name: str,
    extract: Callable[[Doc, Article], list[Quote]],
    parsed: list[tuple[GoldDoc, Doc]],
    tally: Tally,
) -> None:
    for gold_doc, doc in parsed:
        article = Article(text=gold_doc.text, doc_id=gold_doc.slug, date=gold_doc.date)
        t0 = time.perf_counter()
        try:
            quotes = extract(doc, article)
        except Exception as exc:  # an extractor failing on one article is counted, not fatal
            print(f"{name}: {gold_doc.slug}: {exc}", file=sys.stderr)
            tally.errors += 1
            quotes = []
        tally.seconds += time.perf_counter() - t0
        text = gold_doc.text
        golds = [g for g in gold_doc.attributions if g.kind == "direct"]
        p_sets = [significant(text, q.spans) for q in quotes]
        g_sets = [significant(text, g.content) for g in golds]
        pairs = match(p_sets, g_sets, 0.5)
        tally.tp += len(pairs)
        tally.fp += len(p_sets) - len(pairs)
        tally.fn += len(g_sets) - len(pairs)
        tally.exact += sum(1 for i, j in pairs if p_sets[i] == g_sets[j])
        for i, j in pairs:
            if golds[j].source:
                tally.spk_total += 1
                tally.spk_right += speaker_ok(text, quotes[i], golds[j])


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=None)
    ap.add_argument("--split", default="dev")
    ap.add_argument("--limit", type=int, default=None)
    ns = ap.parse_args(argv)
    try:
        import textacy
    except ImportError:
        sys.exit("textacy is not installed: pip install textacy")

    path = resolve_split(EvalArgs(data=ns.data, options={"split": ns.split}))
    docs = load_docs(path, ns.limit)
    nlp = load_nlp()
    t0 = time.perf_counter()
    parsed = [(d, nlp(d.text)) for d in docs]
    parse_s = time.perf_counter() - t0

    rows: list[tuple[str, Tally]] = []
    for name, fn in (("corridor quotes", corridor_direct), (f"textacy {textacy.__version__}", textacy_direct)):
        tally = Tally()
        score(name, fn, parsed, tally)
        rows.append((name, tally))

    n_gold = rows[0][1].tp + rows[0][1].fn
    print(f"PolNeAR {path.name}: {len(docs)} articles, {n_gold} direct-quote attributions")
    print(f"spaCy parse (shared by both): {len(docs) / parse_s:.1f} docs/s\n")
    print("| extractor | P | R | F1 | F1 exact | speaker acc. | docs/s | errors |")
    print("|---|---|---|---|---|---|---|---|")
    for name, t in rows:
        ov = prf(t.tp, t.fp, t.fn)
        ex = prf(t.exact, t.tp + t.fp - t.exact, t.tp + t.fn - t.exact)
        spk = t.spk_right / t.spk_total if t.spk_total else 0.0
        speed = len(docs) / t.seconds if t.seconds else float("inf")
        print(
            f"| {name} | {ov['precision']:.3f} | {ov['recall']:.3f} | {ov['f1']:.3f} | {ex['f1']:.3f} "
            f"| {spk:.3f} | {speed:.0f} | {t.errors} |"
        )


if __name__ == "__main__":
    main()
