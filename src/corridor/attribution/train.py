"""Training of the attribution-cue model on PolNeAR's training split (needs scikit-learn, the train extra).

Reads ``polnear/train`` (and, with ``--dev``, ``polnear/dev`` for one final figure) under the corpora
folder, parses the texts with corridor's spaCy pipeline (or reads the parses cached in ``--cache``), runs
the actor and quote stages on them, and writes a model folder: ``weights.npz``, ``vocab.json``,
``meta.json`` and ``MODEL_CARD.md``.

* Examples: every candidate token (:func:`corridor.attribution.features.is_candidate`) of a training text;
  positive when it is the head of a gold Cue span. Other tokens of a multi-word cue are left out.
* Model: L2-regularized logistic regression (liblinear) over the binary features seen at least
  ``min_count`` times.
* Content table: for each gold cue, the construction (:mod:`corridor.attribution.content`) whose content
  overlaps the gold content most (at least half); per signature the most frequent one is kept.
* Threshold: 5-fold cross-validation over training documents; each fold's model and table score the
  held-out documents, which are then coded end to end (quote stage + this model) and scored as
  ``corridor eval polnear`` scores them; the threshold with the best content F1 (>= 50% overlap) is chosen.

Everything is seeded: the same data, seed and settings give the same weights.

    python -m corridor.attribution.train --data ../shared/corpora --out DIR --seed 0
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import random
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from corridor.attribution.content import CONSTRUCTIONS, constructions, signature
from corridor.attribution.features import FEATURE_VERSION, DocContext, is_candidate, token_features
from corridor.attribution.model import CueModel
from corridor.eval.base import prf, share
from corridor.eval.polnear import (
    GoldDoc,
    gold_antecedent,
    load_docs,
    match,
    overlap,
    parse_docs,
    pred_spans,
    significant,
    speaker_ok,
)
from corridor.linear_model import document_folds, logit
from corridor.model import Article, Quote
from corridor.pipeline import Analysis

__all__ = ["TrainConfig", "fit_model", "fit_table", "main", "prepare", "score_quotes"]

MODEL_CARD = "MODEL_CARD.md"
THRESHOLDS = tuple(round(0.05 * k, 2) for k in range(4, 20))
LOWEST = 0.1  # proposals below this probability are never kept
LEMMA_FLOOR = 0.4  # a lemma none of whose training candidates scores this much is not scored at run time


@dataclass
class TrainConfig:
    seed: int = 0
    folds: int = 5
    c: float = 0.3
    min_count: int = 5
    max_overlap: float = 0.0
    min_words: int = 2

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass
class DocData:
    """One training text: gold, the analysis after the actor and quote stages, the candidate rows."""

    gold: GoldDoc
    analysis: Analysis
    ctx: DocContext
    rows: list[tuple[int, list[str], int]] = field(default_factory=list)  # token, features, label
    cue_heads: list[tuple[int, int]] = field(default_factory=list)  # (token, gold attribution index)


def _cue_head(doc: Any, spans: list[tuple[int, int]]) -> int | None:
    toks = [t for t in doc if any(s <= t.idx < e for s, e in spans) and not t.is_space]
    ids = {t.i for t in toks}
    roots = [t for t in toks if t.head.i not in ids or t.head.i == t.i]
    for t in roots + toks:
        if is_candidate(t):
            return int(t.i)
    return None


_NLP: list[Any] = []


def _shared_nlp(loader: Any) -> Any:
    """One spaCy pipeline for every parse and stage of a run (their vocabularies must agree)."""
    if not _NLP:
        _NLP.append(loader())
    return _NLP[0]


def prepare(folder: Path, cache: Path | None = None, split: str = "train", limit: int | None = None) -> list[DocData]:
    """Gold, parses, rule-stage analyses and candidate rows of one PolNeAR split folder."""
    from corridor.pipeline import Pipeline, PipelineConfig, load_nlp
    from corridor.stages.attributions import doc_context

    gold_docs = load_docs(folder, limit)
    nlp = _shared_nlp(load_nlp)
    parsed = parse_docs(nlp, gold_docs, cache, split if limit is None else f"{split}-{limit}")
    pipe = Pipeline(PipelineConfig(stages=("actors", "quotes")), nlp=nlp)
    out: list[DocData] = []
    for g, doc in zip(gold_docs, parsed, strict=True):
        analysis = pipe.analyse_doc(Article(text=g.text, doc_id=g.slug, date=g.date), doc)
        ctx = doc_context(analysis)
        data = DocData(gold=g, analysis=analysis, ctx=ctx)
        heads: dict[int, int] = {}
        other_cue_tokens: set[int] = set()
        for j, a in enumerate(g.attributions):
            if not a.cue:
                continue
            h = _cue_head(doc, a.cue)
            if h is not None:
                heads.setdefault(h, j)
                other_cue_tokens |= {t.i for t in doc if any(s <= t.idx < e for s, e in a.cue)}
        data.cue_heads = sorted(heads.items())
        for tok in doc:
            if not is_candidate(tok) or (tok.i in other_cue_tokens and tok.i not in heads):
                continue
            data.rows.append((tok.i, token_features(tok, ctx), int(tok.i in heads)))
        out.append(data)
    return out


def fit_table(docs: Sequence[DocData]) -> tuple[dict[str, str], dict[str, Any]]:
    """The construction table (signature -> construction) from the gold cues of ``docs``."""
    fine: dict[str, Counter[str]] = defaultdict(Counter)
    coarse: dict[str, Counter[str]] = defaultdict(Counter)
    hits: Counter[str] = Counter()
    total = 0
    for d in docs:
        text = d.gold.text
        for tok_i, j in d.cue_heads:
            tok = d.analysis.doc[tok_i]
            options = constructions(tok)
            if not options:
                continue
            total += 1
            g = significant(text, d.gold.attributions[j].content)
            best, best_ov = "", 0.5
            for name in CONSTRUCTIONS:
                if name in options:
                    ids = options[name]
                    spans = [(d.analysis.doc[i].idx, d.analysis.doc[i].idx + len(d.analysis.doc[i])) for i in ids]
                    ov = overlap(significant(text, spans), g)
                    if ov >= best_ov + 1e-9 or (ov >= 0.5 and not best):
                        best, best_ov = name, ov
            key_c, key_f = signature(tok, options)
            if best:
                hits[best] += 1
                fine[key_f][best] += 1
                coarse[key_c][best] += 1
    table: dict[str, str] = {}
    for counts in (coarse, fine):
        for key, c in counts.items():
            if sum(c.values()) >= 3:
                table[key] = sorted(c.items(), key=lambda kv: (-kv[1], CONSTRUCTIONS.index(kv[0])))[0][0]
    return table, {"gold_cues": total, "matched_by": dict(hits.most_common())}


def fit_model(docs: Sequence[DocData], config: TrainConfig) -> CueModel:
    """Logistic regression on the candidate rows of ``docs`` and the construction table."""
    rows = [feats for d in docs for _, feats, _ in d.rows]
    labels = [label for d in docs for _, _, label in d.rows]
    model = CueModel.fit(rows, labels, c=config.c, min_count=config.min_count, seed=config.seed)
    table, table_stats = fit_table(docs)
    model.table = table
    model.cue_lemmas = frozenset(cue_lemmas(model, rows))
    model.meta = {
        "n_cue_lemmas": len(model.cue_lemmas),
        "n_rows": len(labels),
        "n_pos": int(sum(labels)),
        "n_features": len(model.vocab),
        "table_stats": table_stats,
    }
    return model


def cue_lemmas(model: CueModel, rows: Sequence[list[str]]) -> list[str]:
    """The lemmas of the training candidates that ``model`` scores at least ``LEMMA_FLOOR``: the stage
    scores only words with one of them (thresholds start at 0.5, so the rest would hardly ever be kept)."""
    out: set[str] = set()
    for feats, prob in zip(rows, model.score_many(rows), strict=True):
        if prob >= LEMMA_FLOOR:
            out.update(f[4:] for f in feats if f.startswith("lem="))
    return sorted(out)


def score_quotes(gold_docs: Sequence[GoldDoc], quotes_per_doc: Sequence[Sequence[Quote]]) -> dict[str, float]:
    """Content P/R/F1 (exact and >= 50% overlap) and speaker accuracy, as ``corridor eval polnear`` counts."""
    exact = [0, 0, 0]
    over = [0, 0, 0]
    right = scored = 0
    for doc, quotes in zip(gold_docs, quotes_per_doc, strict=True):
        text = doc.text
        pairs_q = [(q, significant(text, pred_spans(q))) for q in quotes]
        pairs_q = [(q, s) for q, s in pairs_q if s]
        p_sets = [s for _, s in pairs_q]
        g_sets = [significant(text, g.content) for g in doc.attributions]
        ex = [(i, j) for i, j in match(p_sets, g_sets, 1.0) if p_sets[i] == g_sets[j]]
        exact = [exact[0] + len(ex), exact[1] + len(p_sets) - len(ex), exact[2] + len(g_sets) - len(ex)]
        pairs = match(p_sets, g_sets, 0.5)
        over = [over[0] + len(pairs), over[1] + len(p_sets) - len(pairs), over[2] + len(g_sets) - len(pairs)]
        for i, j in pairs:
            gold = doc.attributions[j]
            if gold.source:
                scored += 1
                right += speaker_ok(text, pairs_q[i][0], gold, gold_antecedent(text, doc, gold))
    out: dict[str, float] = {}
    for name, (tp, fp, fn) in (("", over), ("_exact", exact)):
        scores = prf(tp, fp, fn)
        out[f"f1{name}"], out[f"p{name}"], out[f"r{name}"] = scores["f1"], scores["precision"], scores["recall"]
    out["speaker_accuracy"] = share(right, scored)
    return out


def _proposals(docs: Sequence[DocData], models: Sequence[CueModel], min_prob: float) -> list[list[Any]]:
    from corridor.stages.attributions import propose

    return [propose(d.analysis, m, min_prob=min_prob, ctx=d.ctx) for d, m in zip(docs, models, strict=True)]


def _code(
    docs: Sequence[DocData],
    props: Sequence[list[Any]],
    threshold: float,
    config: TrainConfig,
    by_how: dict[str, float] | None = None,
) -> list[list[Quote]]:
    """The quote stage's quotes plus the accepted proposals, per document."""
    from corridor.stages.attributions import select, to_quotes

    out: list[list[Quote]] = []
    for d, p in zip(docs, props, strict=True):
        kept = select(d.analysis, p, threshold, config.max_overlap, config.min_words, by_how)
        out.append(list(d.analysis.quotes) + to_quotes(d.analysis, kept))
    return out


def _hits(docs: Sequence[DocData], props: Sequence[list[Any]], config: TrainConfig) -> list[tuple[str, float, bool]]:
    """For each proposal kept at the lowest threshold: its construction, probability and whether it matches
    a gold content the quote stage missed."""
    from corridor.stages.attributions import select

    items: list[tuple[str, float, bool]] = []
    for d, p in zip(docs, props, strict=True):
        text = d.gold.text
        doc = d.analysis.doc
        kept = select(d.analysis, p, LOWEST, config.max_overlap, config.min_words)
        rule_sets = [significant(text, pred_spans(q)) for q in d.analysis.quotes]
        g_sets = [significant(text, g.content) for g in d.gold.attributions]
        free = set(range(len(g_sets))) - {j for _, j in match(rule_sets, g_sets, 0.5)}
        for k in kept:
            chars = significant(text, [(doc[i].idx, doc[i].idx + len(doc[i])) for i in sorted(k.content)])
            hit = next((j for j in sorted(free) if overlap(chars, g_sets[j]) >= 0.5), None)
            if hit is not None:
                free.discard(hit)
            items.append((k.how, k.prob, hit is not None))
    return items


def tune_thresholds(
    items: Sequence[tuple[str, float, bool]], rules_tp: int, rules_pred: int, n_gold: int
) -> tuple[float, dict[str, float]]:
    """The global threshold, then one per construction (coordinate ascent), that maximize content F1
    counted from the out-of-fold proposals (each proposal adds a true or a false positive)."""

    def f1(by: dict[str, float]) -> float:
        tp = rules_tp + sum(1 for h, p, hit in items if hit and p >= by[h])
        pred = rules_pred + sum(1 for h, p, _ in items if p >= by[h])
        return 2 * tp / (pred + n_gold) if pred + n_gold else 0.0

    def uniform(t: float) -> dict[str, float]:
        return {h: t for h in CONSTRUCTIONS}

    glob = max(THRESHOLDS, key=lambda t: (f1(uniform(t)), t))
    by = uniform(glob)
    grid: tuple[float, ...] = (*THRESHOLDS, 1.01)
    for _ in range(3):
        for h in CONSTRUCTIONS:
            scores = {t: f1({**by, h: t}) for t in grid}
            by[h] = max(grid, key=lambda t: (scores[t], t))
    return glob, by


def fit_calibration(kept: Sequence[tuple[float, bool]], seed: int = 0) -> dict[str, float]:
    """Platt scaling of the cue probability into the probability that the quote's content is right, from the
    out-of-fold proposals the thresholds keep: ``sigmoid(a * logit(p) + b)``."""
    from sklearn.linear_model import LogisticRegression

    if len({hit for _, hit in kept}) < 2:
        return {}
    x = np.array([[logit(p)] for p, _ in kept])
    y = np.array([int(hit) for _, hit in kept])
    clf = LogisticRegression(C=100.0, random_state=seed).fit(x, y)
    return {
        "a": round(float(clf.coef_[0][0]), 4),
        "b": round(float(clf.intercept_[0]), 4),
        "n": len(kept),
        "share_right": round(float(y.mean()), 4),
        "mean_cue_probability": round(float(np.mean([p for p, _ in kept])), 4),
    }


def cross_validate(docs: Sequence[DocData], config: TrainConfig) -> dict[str, Any]:
    """Thresholds chosen on the training documents, each coded by a model fitted on the other folds."""
    fold_of = document_folds(range(len(docs)), config.folds, config.seed)
    models: list[CueModel | None] = [None] * len(docs)
    for k in range(config.folds):
        model = fit_model([d for i, d in enumerate(docs) if fold_of[i] != k], config)
        for i in range(len(docs)):
            if fold_of[i] == k:
                models[i] = model
    fold_models = [m for m in models if m is not None]
    gold = [d.gold for d in docs]
    rule_counts = [0, 0]
    for d in docs:
        text = d.gold.text
        rule_sets = [s for s in (significant(text, pred_spans(q)) for q in d.analysis.quotes) if s]
        g_sets = [significant(text, g.content) for g in d.gold.attributions]
        rule_counts[0] += len(match(rule_sets, g_sets, 0.5))
        rule_counts[1] += len(rule_sets)
    n_gold = sum(len(g.attributions) for g in gold)
    rules = score_quotes(gold, [d.analysis.quotes for d in docs])
    props = _proposals(docs, fold_models, LOWEST)
    items = _hits(docs, props, config)
    glob, by = tune_thresholds(items, rule_counts[0], rule_counts[1], n_gold)
    one = score_quotes(gold, _code(docs, props, glob, config))
    per = score_quotes(gold, _code(docs, props, glob, config, by))
    chosen = "per_construction" if per["f1"] > one["f1"] else "global"
    kept = [(p, hit) for how, p, hit in items if p >= (by[how] if chosen == "per_construction" else glob)]
    return {
        "calibration": fit_calibration(kept, config.seed),
        "folds": config.folds,
        "rules": rules,
        "threshold": glob,
        "global": one,
        "construction_thresholds": by,
        "per_construction": per,
        "chosen": chosen,
        "best": per if chosen == "per_construction" else one,
    }


def _calibration_text(cal: dict[str, Any]) -> str:
    if "a" not in cal:
        return "A quote's confidence is the cue probability (no calibration was fitted)."
    return (
        "A quote's confidence is the cue probability mapped by Platt scaling, sigmoid(a * logit(p) + b) with"
        f" a = {cal['a']}, b = {cal['b']}, fitted on the {cal['n']} out-of-fold proposals the thresholds keep:"
        f" {cal['share_right']:.0%} of them match a gold content the rules missed, while their mean cue"
        f" probability is {cal['mean_cue_probability']:.2f}."
    )


def render_card(meta: dict[str, Any]) -> str:
    cv = meta.get("cv") or {}
    dev = meta.get("dev") or {}
    cfg = meta.get("config") or {}

    def row(name: str, s: dict[str, Any]) -> str:
        return (
            f"| {name} | {s.get('f1', 0):.3f} | {s.get('p', 0):.3f} | {s.get('r', 0):.3f} | "
            f"{s.get('f1_exact', 0):.3f} | {s.get('speaker_accuracy', 0):.3f} |"
        )

    lines = [
        "# Attribution-cue model",
        "",
        'Scores each candidate word of a spaCy parse (verbs, clause-heading auxiliaries, nouns, "according" in',
        '"according to") for whether it is an attribution cue: a word that reports what someone said, wrote,',
        "thinks, wants or found. The `attributions` stage (`corridor.stages.attributions`) adds a quotation for",
        "each accepted cue the quote stage did not use, with the content built from the parse.",
        "",
        "## Method",
        "",
        "L2-regularized logistic regression (scikit-learn liblinear at training time, numpy at run time) over",
        "binary features of our own design (`corridor/attribution/features.py`): the lemma with its part of",
        "speech, tag and dependency label; the complements it governs (ccomp, xcomp, a that-clause, an object,",
        "its prepositions and particle); negation and auxiliaries; its subject (none, a pronoun by person, a",
        "noun or name, its entity label, whether the actor stage coded it); the head it hangs from; neighbouring",
        "lemmas; its relative position in the sentence and adjacent punctuation; whether it lies inside",
        "quotation marks; its classes in the quote stage's cue lexicon (`speech.yaml`).",
        "",
        "The content of a cue is one of a few parse constructions (complement clause, infinitive, prepositional",
        "object, direct object, the clause the cue interrupts, the rest or the start of the sentence, the clause",
        'an "according to" phrase modifies); `meta.json` holds a table from the cue\'s signature (constructions',
        "available, dependency label, part of speech) to the construction that most often matched the gold",
        "content on the training split.",
        "",
        f"Settings: C = {cfg.get('c')}, min feature count = {cfg.get('min_count')}, seed = {cfg.get('seed')},"
        f" {meta.get('n_features')} features, feature version {FEATURE_VERSION},"
        f" spaCy pipeline {meta.get('spacy_model')}; trained {meta.get('trained')}.",
        "",
        "## Training data",
        "",
        f"PolNeAR v1.0.0 training split (`polnear/train`, {meta.get('n_docs')} texts, one annotation file per",
        f"text): {meta.get('n_rows')} candidate tokens, {meta.get('n_pos')} of them heads of a gold Cue span.",
        "PolNeAR states no licence (article texts belong to their publishers); the texts are read at training",
        "time only, and no text from them is stored in this folder (the vocabulary holds feature names: lemmas,",
        "tags and labels).",
        "",
        "## Figures",
        "",
        "Content F1 at >= 50% overlap (P, R), exact-match F1 and speaker accuracy, scored as",
        "`corridor eval polnear` scores them, with the stages `actors, quotes` (rules alone) and",
        "`actors, quotes, attributions` (rules + learned).",
        "",
        "| setting | F1 | P | R | F1 exact | speaker acc. |",
        "|---|---|---|---|---|---|",
    ]
    if cv:
        lines.append(row("train, 5-fold CV: rules alone", cv.get("rules", {})))
        lines.append(row(f"train, 5-fold CV: rules + learned (threshold {cv.get('threshold')})", cv.get("global", {})))
        if cv.get("per_construction"):
            lines.append(row("train, 5-fold CV: rules + learned (per-construction thresholds)", cv["per_construction"]))
    if dev:
        lines.append(row("dev: rules alone", dev.get("rules", {})))
        how = (
            "per-construction thresholds" if dev.get("construction_thresholds") else f"threshold {dev.get('threshold')}"
        )
        lines.append(row(f"dev: rules + learned ({how})", dev.get("learned", {})))
    lines += [
        "",
        "The thresholds are the ones with the best cross-validated content F1 on the training documents (each",
        "fold coded by a model and table fitted on the other folds): one for all cues, then one per content",
        "construction by coordinate ascent, kept when it beats the single one; the dev split was scored once.",
        f"Shipped: threshold {meta.get('threshold')}, per construction {meta.get('construction_thresholds') or 'none'}"
        " (`data/lexicons/attributions.yaml`).",
        "The rule figures depend on the quote stage's version at training time.",
        "",
        "## Confidence",
        "",
        _calibration_text(meta.get("calibration") or {}),
        "",
        "## Size and speed",
        "",
        f"{meta.get('n_features')} float32 weights and their names; the folder is about"
        f" {meta.get('size_kb', 0) / 1024:.1f} MB. Scoring is a dictionary lookup and a sum per candidate word,",
        f"and only words with one of the {meta.get('n_cue_lemmas', 0)} lemmas that some training candidate scored at"
        f" least {LEMMA_FLOOR} are scored (`cue_lemmas` in `meta.json`); the stage takes about 2.5 ms per BBC article",
        "after the parse and the quote stage, on one core (`benchmarks/bench_stages.py --n 100 --stages",
        "actors,quotes,attributions`; 5.8 ms in the same conditions when it scored every candidate).",
        "",
        "## Limits",
        "",
        "- Trained on US political news of 2015-16; other genres and regions are untested.",
        "- The cue model decides *whether* a word is a cue; the content comes from parse rules and is only as",
        '  good as the small English spaCy parse. PolNeAR\'s long tail of multi-word cues ("made the case",',
        '  "was optimistic about") is mostly out of reach.',
        "- Speakers are the cue's subject, resolved through the actor stage; unresolved pronouns take the last",
        "  quotation's speaker.",
        "",
    ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, required=True, help="the corpora folder (holding polnear/)")
    ap.add_argument("--out", type=Path, required=True, help="the model folder to write")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--c", type=float, default=TrainConfig.c)
    ap.add_argument("--min-count", type=int, default=TrainConfig.min_count)
    ap.add_argument("--folds", type=int, default=TrainConfig.folds, help="0: no cross-validation")
    ap.add_argument("--cache", type=Path, default=None, help="a folder to keep the spaCy parses in")
    ap.add_argument("--dev", action="store_true", help="score the dev split once with the chosen threshold")
    ap.add_argument("--limit", type=int, default=None, help="use only the first N training texts")
    args = ap.parse_args(argv)
    config = TrainConfig(seed=args.seed, folds=args.folds, c=args.c, min_count=args.min_count)
    random.seed(config.seed)
    np.random.seed(config.seed)
    t0 = time.perf_counter()
    docs = prepare(args.data / "polnear" / "train", args.cache, "train", args.limit)
    print(f"prepared {len(docs)} training texts in {time.perf_counter() - t0:.0f} s", flush=True)
    meta: dict[str, Any] = {}
    if config.folds > 1:
        meta["cv"] = cross_validate(docs, config)
        print(json.dumps(meta["cv"]), flush=True)
    model = fit_model(docs, config)
    threshold = float(meta["cv"]["threshold"]) if "cv" in meta else 0.5
    by_how: dict[str, float] = {}
    if "cv" in meta and meta["cv"]["chosen"] == "per_construction":
        by_how = dict(meta["cv"]["construction_thresholds"])
    from corridor.pipeline import load_nlp

    nlp_meta = _shared_nlp(load_nlp).meta
    model.meta.update(meta)
    if "cv" in meta:
        model.meta["calibration"] = meta["cv"]["calibration"]
    model.meta.update(
        {
            "config": config.to_dict(),
            "threshold": threshold,
            "construction_thresholds": by_how,
            "n_docs": len(docs),
            "feature_version": FEATURE_VERSION,
            "spacy_model": f"{nlp_meta.get('lang')}_{nlp_meta.get('name')}-{nlp_meta.get('version')}",
            "trained": _dt.date.today().isoformat(),
        }
    )
    if args.dev:
        dev_docs = prepare(args.data / "polnear" / "dev", args.cache, "dev")
        gold = [d.gold for d in dev_docs]
        lowest = min([threshold, *by_how.values()])
        dev_props = _proposals(dev_docs, [model] * len(dev_docs), lowest)
        model.meta["dev"] = {
            "threshold": threshold,
            "construction_thresholds": by_how,
            "rules": score_quotes(gold, [d.analysis.quotes for d in dev_docs]),
            "learned": score_quotes(gold, _code(dev_docs, dev_props, threshold, config, by_how)),
        }
        print(json.dumps(model.meta["dev"]))
    model.save(args.out)
    model.meta["size_kb"] = round(sum(p.stat().st_size for p in args.out.iterdir() if p.is_file()) / 1024)
    (args.out / MODEL_CARD).write_text(render_card(model.meta), encoding="utf-8")
    print(f"wrote {args.out} in {time.perf_counter() - t0:.0f} s")


if __name__ == "__main__":
    main()
