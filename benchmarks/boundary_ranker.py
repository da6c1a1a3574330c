"""PolNeAR content ends: how much a better end could give, and how much a learned ranker of ends takes.

For each quotation the quote stage finds on a PolNeAR split, the candidate ends are every token from the start of
its content's last piece to the end of that piece's sentence, and the end of the next sentence when it is in the
same paragraph (candidates with the same letters and digits are one). The *oracle* takes, for each quotation,
the candidate that overlaps best the gold content the quotation overlaps most; the *oracle of starts* does the
same with candidate starts (every token from the start of the first piece's sentence, or of the sentence before
in the same paragraph, to the end of the first piece), the end kept. The *ranker* is a conditional
logit over each quotation's candidates (features: the token after the end and the last token, the stretch a new
end adds or cuts, the quotation's kind and act), trained to pick the gold content's end; it moves an end only
when its pick is more likely than the current end by ``margin``. Train is scored out of fold (five folds over
articles), dev by the ranker fitted on all of train. Content F1 as ``corridor eval polnear`` counts it.

    .venv/bin/python benchmarks/boundary_ranker.py --cache /tmp/polnear-parses

Needs scipy (installed with scikit-learn, the ``train`` extra). Results: ``docs/quotes-history.md``.
"""

from __future__ import annotations

import argparse
import bisect
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from corridor.eval.polnear import load_docs, match, overlap, parse_docs, pred_spans, significant
from corridor.linear_model import document_folds
from corridor.model import Article, Quote
from corridor.pipeline import Pipeline, PipelineConfig, load_nlp

FUNCTION_POS = {"CCONJ", "SCONJ", "ADP", "PRON", "DET", "PART", "AUX", "ADV"}
QUOTE_MARKS = {'"', "“", "”", "'", "‘", "’"}
MARGINS = (0.0, 0.2, 0.4, 0.6, 0.8)


@dataclass
class Group:
    """One quotation's candidate ends: their content sets, features and labels; which one is the current end."""

    quote: int
    sets: list[frozenset[int]] = field(default_factory=list)
    feats: list[list[str]] = field(default_factory=list)
    labels: list[int] = field(default_factory=list)
    current: int = 0


@dataclass
class ArticleRun:
    text: str
    preds: list[frozenset[int]]
    golds: list[frozenset[int]]
    groups: list[Group]
    start_groups: list[Group] = field(default_factory=list)  # candidate starts (sets only: for the oracle)


def distance(d: int) -> str:
    if d == 0:
        return "0"
    a = abs(d)
    return ("+" if d > 0 else "-") + ("1" if a == 1 else "2" if a <= 3 else "4" if a <= 7 else "8" if a <= 15 else "16")


def end_features(doc: Any, quote: Quote, k: int, current: int, first: int, cues: list[tuple[int, int]]) -> list[str]:
    """What tells an end after token ``k`` from the current one after token ``current``."""
    feats = []
    sent_end = doc[k].sent.end
    if k + 1 < sent_end:
        nxt = doc[k + 1]
        feats += ["next_pos=" + nxt.pos_, "next_dep=" + nxt.dep_]
        if nxt.is_punct or nxt.pos_ in FUNCTION_POS:
            feats.append("next_word=" + nxt.lower_)
    else:
        feats.append("next=END")
    last = doc[k]
    feats += ["last_pos=" + last.pos_, "last_dep=" + last.dep_]
    if last.is_punct or last.pos_ in FUNCTION_POS:
        feats.append("last_word=" + last.lower_)
    if k == current:
        return ["current", "current|" + quote.kind, "current|" + quote.act] + ["current|" + f for f in feats]
    step = distance(k - current)
    side = "add" if k > current else "cut"
    lo, hi = (current + 1, k) if k > current else (k + 1, current)
    region = set(range(lo, hi + 1))
    toks = [doc[i] for i in range(lo, hi + 1)]
    feats += ["step=" + step, side + "|" + quote.kind, side + "|" + quote.act, side + "|len=" + distance(len(toks))]
    for name, test in (
        ("comma", lambda t: t.lower_ == ","),
        ("qmark", lambda t: t.text in QUOTE_MARKS),
        ("verb", lambda t: t.pos_ == "VERB"),
        ("wh", lambda t: t.tag_ in {"WDT", "WP", "WRB"}),
    ):
        if any(test(t) for t in toks):
            feats.append(f"{side}|{name}")
    word = next((t for t in toks if not t.is_punct), None)
    if word is not None:
        feats.append(f"{side}|first_pos={word.pos_}")
        if word.pos_ in FUNCTION_POS:
            feats.append(f"{side}|first_word={word.lower_}")
    tops = [t for t in toks if not t.is_punct and (t.head.i not in region or t.head.i == t.i)]
    if tops:
        top, head = tops[0], tops[0].head
        own_cue = quote.cue is not None and quote.cue.start <= head.idx < quote.cue.end
        where = "in" if first <= head.i <= current else "cue" if own_cue else "out"
        feats += [f"{side}|top={top.dep_}", f"{side}|top={top.dep_}|{where}", f"{side}|top={top.dep_}|{step}"]
    start, end = doc[lo].idx, doc[hi].idx + len(doc[hi])
    if any(start <= c0 < end for c0, _ in cues if quote.cue is None or c0 != quote.cue.start):
        feats.append(side + "|other_cue")
    return feats


def token_at(starts: list[int], char: int) -> int:
    """The token that holds ``char`` (``starts``: each token's first character)."""
    return max(bisect.bisect_right(starts, char) - 1, 0)


def end_candidates(
    doc: Any, text: str, starts: list[int], qi: int, spans: list[tuple[int, int]]
) -> tuple[Group, list[int], int]:
    """A quotation's candidate ends (the module doc): its group (content sets, which one is the current end),
    the last token of each set, and the first token of the content's last piece."""
    a, b = spans[-1]
    first, last = token_at(starts, a), token_at(starts, b - 1)
    while last > first and doc[last].is_punct:
        last -= 1
    sent_end = doc[last].sent.end
    ends = list(range(first, sent_end))
    if sent_end < len(doc) and "\n" not in text[doc[sent_end - 1].idx : doc[sent_end].idx]:
        ends.append(doc[sent_end].sent.end - 1)
    group = Group(quote=qi)
    seen: dict[frozenset[int], int] = {}
    current_set = significant(text, spans)
    for k in ends:
        s = significant(text, [*spans[:-1], (a, doc[k].idx + len(doc[k]))])
        if s and s not in seen:
            seen[s] = k
            group.sets.append(s)
    if current_set not in seen:
        seen[current_set] = last
        group.sets.append(current_set)
    group.current = group.sets.index(current_set)
    return group, [seen[s] for s in group.sets], first


def candidate_group(
    doc: Any, text: str, starts: list[int], qi: int, quote: Quote, cues: list[tuple[int, int]]
) -> Group:
    group, tokens, first = end_candidates(doc, text, starts, qi, pred_spans(quote))
    current = tokens[group.current]
    group.feats = [end_features(doc, quote, k, current, first, cues) for k in tokens]
    return group


def start_group(doc: Any, text: str, starts: list[int], qi: int, quote: Quote) -> Group:
    """Candidate starts: every token from the start of the first piece's sentence (or of the sentence before,
    in the same paragraph) to the end of the first piece."""
    spans = pred_spans(quote)
    a, b = spans[0]
    first, last = token_at(starts, a), token_at(starts, b - 1)
    sent_start = doc[first].sent.start
    if sent_start > 0 and "\n" not in text[doc[sent_start - 1].idx : doc[sent_start].idx]:
        sent_start = doc[sent_start - 1].sent.start
    group = Group(quote=qi)
    current = significant(text, spans)
    sets = {significant(text, [(doc[k].idx, b), *spans[1:]]) for k in range(sent_start, last + 1)} | {current}
    group.sets = sorted((s for s in sets if s), key=len)
    group.current = group.sets.index(current)
    return group


def label(run: ArticleRun) -> None:
    """A candidate is right when its last letter or digit is the gold's (the gold its quotation overlaps most)."""
    for g in run.groups:
        pred = run.preds[g.quote]
        best = max(((overlap(pred, gold), j) for j, gold in enumerate(run.golds) if pred & gold), default=None)
        g.labels = [int(best is not None and max(s) == max(run.golds[best[1]])) for s in g.sets]


def collect(data: Path, split: str, cache: Path | None) -> list[ArticleRun]:
    nlp = load_nlp()
    docs = load_docs(data / split)
    parsed = parse_docs(nlp, docs, cache, split)
    pipe = Pipeline(PipelineConfig(stages=("actors", "quotes")), nlp=nlp)
    runs = []
    for gold, doc in zip(docs, parsed, strict=True):
        analysis = pipe.analyse_doc(Article(text=gold.text, doc_id=gold.slug, date=gold.date), doc)
        quotes = [q for q in analysis.quotes if significant(gold.text, pred_spans(q))]
        cues = [(q.cue.start, q.cue.end) for q in quotes if q.cue is not None]
        starts = [t.idx for t in doc]
        run = ArticleRun(
            text=gold.text,
            preds=[significant(gold.text, pred_spans(q)) for q in quotes],
            golds=[significant(gold.text, g.content) for g in gold.attributions],
            groups=[candidate_group(doc, gold.text, starts, i, q, cues) for i, q in enumerate(quotes)],
            start_groups=[start_group(doc, gold.text, starts, i, q) for i, q in enumerate(quotes)],
        )
        label(run)
        runs.append(run)
    return runs


def f1(runs: list[ArticleRun], choice: dict[tuple[int, int], int], starts: bool = False) -> tuple[float, int, int]:
    """Content F1 (overlap at least half, one to one), matched and false positives, with the chosen ends (or
    starts)."""
    tp = fp = fn = 0
    for ai, run in enumerate(runs):
        preds = list(run.preds)
        for gi, g in enumerate(run.start_groups if starts else run.groups):
            if (ai, gi) in choice:
                preds[g.quote] = g.sets[choice[(ai, gi)]]
        m = len(match(preds, run.golds, 0.5))
        tp, fp, fn = tp + m, fp + len(preds) - m, fn + len(run.golds) - m
    p, r = tp / (tp + fp), tp / (tp + fn)
    return 2 * p * r / (p + r), tp, fp


def oracle(runs: list[ArticleRun], starts: bool = False) -> dict[tuple[int, int], int]:
    choice = {}
    for ai, run in enumerate(runs):
        for gi, g in enumerate(run.start_groups if starts else run.groups):
            pred = run.preds[g.quote]
            best = max(((overlap(pred, gold), j) for j, gold in enumerate(run.golds) if pred & gold), default=None)
            if best is not None:
                gold = run.golds[best[1]]
                choice[(ai, gi)] = max(range(len(g.sets)), key=lambda i, gold=gold: overlap(g.sets[i], gold))
    return choice


class Ranker:
    """A conditional logit: softmax over one quotation's candidates of a linear score of their features."""

    def __init__(self, vocab: dict[str, int], weights: np.ndarray) -> None:
        self.vocab, self.weights = vocab, weights

    def probabilities(self, group: Group) -> np.ndarray:
        scores = np.array([sum(self.weights[self.vocab[f]] for f in set(fs) if f in self.vocab) for fs in group.feats])
        e = np.exp(scores - scores.max())
        return e / e.sum()

    @classmethod
    def fit(cls, groups: list[Group], c: float = 1.0, min_count: int = 3) -> Ranker:
        from scipy.optimize import minimize
        from scipy.sparse import csr_matrix

        groups = [g for g in groups if any(g.labels)]
        counts = Counter(f for g in groups for fs in g.feats for f in set(fs))
        vocab = {f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= min_count))}
        indices: list[int] = []
        indptr, owner, y = [0], [], []
        for gi, g in enumerate(groups):
            for fs, lab in zip(g.feats, g.labels, strict=True):
                indices.extend(sorted({vocab[f] for f in fs if f in vocab}))
                indptr.append(len(indices))
                owner.append(gi)
                y.append(lab)
        x = csr_matrix((np.ones(len(indices)), indices, indptr), shape=(len(owner), len(vocab)))
        gid, yv = np.array(owner), np.array(y, dtype=float)
        firsts = np.r_[0, np.flatnonzero(np.diff(gid)) + 1]

        def loss_and_grad(w: np.ndarray) -> tuple[float, np.ndarray]:
            s = x @ w
            e = np.exp(s - np.maximum.reduceat(s, firsts)[gid])
            p = e / np.add.reduceat(e, firsts)[gid]
            right = np.add.reduceat(p * yv, firsts)
            q = p * yv / right[gid]
            return float(-np.log(right + 1e-12).sum() + 0.5 / c * w @ w), x.T @ (p - q) + w / c

        w = minimize(loss_and_grad, np.zeros(len(vocab)), jac=True, method="L-BFGS-B", options={"maxiter": 500}).x
        return cls(vocab, w)

    def choose(self, runs: list[ArticleRun], articles: list[int], margin: float) -> dict[tuple[int, int], int]:
        choice = {}
        for ai in articles:
            for gi, g in enumerate(runs[ai].groups):
                p = self.probabilities(g)
                best = int(np.argmax(p))
                if best != g.current and p[best] - p[g.current] > margin:
                    choice[(ai, gi)] = best
        return choice


def show(name: str, result: tuple[float, int, int], changed: int | None = None) -> None:
    more = "" if changed is None else f", {changed:,} ends moved"
    print(f"{name}: content F1 {result[0]:.4f} ({result[1]:,} matched, {result[2]:,} false positives{more})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared/corpora/polnear")
    ap.add_argument("--cache", type=Path, default=None, help="folder for the parses (as `corridor eval polnear`)")
    ap.add_argument("--folds", type=int, default=5)
    args = ap.parse_args()
    if not (args.data / "train").is_dir() or not (args.data / "dev").is_dir():
        raise SystemExit(f"{args.data}: no PolNeAR train/ and dev/ folders here (give --data)")
    train, dev = collect(args.data, "train", args.cache), collect(args.data, "dev", args.cache)
    sizes = [len(g.sets) for run in train for g in run.groups]
    print(f"{len(sizes):,} train quotations, {np.mean(sizes):.1f} candidate ends each")
    for name, runs in (("train", train), ("dev", dev)):
        show(f"{name} rules", f1(runs, {}))
        show(f"{name} oracle", f1(runs, oracle(runs)))
        show(f"{name} oracle of starts", f1(runs, oracle(runs, starts=True), starts=True))
    folds = document_folds(list(range(len(train))), args.folds, 0)
    chosen: dict[float, dict[tuple[int, int], int]] = {m: {} for m in MARGINS}
    for k in range(args.folds):
        fit_on = [g for ai, run in enumerate(train) if folds[ai] != k for g in run.groups]
        ranker = Ranker.fit(fit_on)
        held = [ai for ai in range(len(train)) if folds[ai] == k]
        for m in MARGINS:
            chosen[m].update(ranker.choose(train, held, m))
    for m in MARGINS:
        show(f"train ranker out of fold, margin {m}", f1(train, chosen[m]), len(chosen[m]))
    ranker = Ranker.fit([g for run in train for g in run.groups])
    for m in MARGINS:
        pick = ranker.choose(dev, list(range(len(dev))), m)
        show(f"dev ranker, margin {m}", f1(dev, pick), len(pick))


if __name__ == "__main__":
    main()
