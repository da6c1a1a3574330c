"""Training of the quote-confidence model on PolNeAR's training split (needs scikit-learn, the train extra).

Parses the train and dev texts (or reads the parses cached in ``--cache``), runs the actor and quote stages,
and labels every quotation by whether its content matches a gold content (at least half overlap, one to
one, as ``corridor eval polnear`` matches). A logistic regression over :func:`quote_features` seen at least
``--min-count`` times is fitted on train; dev is scored once for the model card (ranking quality and
calibration). Writes ``weights.npz``, ``vocab.json``, ``meta.json`` and ``MODEL_CARD.md``; the same data,
seed and settings give the same weights.

    python -m corridor.quoting.train_confidence --data ../shared/corpora --out src/corridor/data/models/quote_confidence
"""

from __future__ import annotations

import argparse
import datetime as _dt
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from corridor.eval.polnear import calibration, load_docs, match, parse_docs, pred_spans, significant
from corridor.linear_model import document_folds
from corridor.model import Article
from corridor.quoting.confidence import FEATURE_VERSION, ConfidenceModel, quote_features

__all__ = ["examples", "fit", "main"]

MODEL_CARD = "MODEL_CARD.md"
THRESHOLDS = [round(0.05 * k, 2) for k in range(13)]  # 0.00 .. 0.60


def examples(
    folder: Path, nlp: Any, cache: Path | None, split: str
) -> tuple[list[list[str]], list[int], list[float], int, list[int]]:
    """Features, labels and the rules' fixed confidences of every quotation the quote stage finds in one
    split, the number of gold contents, and each quotation's document (its index in the split)."""
    from corridor.pipeline import Pipeline, PipelineConfig

    docs = load_docs(folder)
    parsed = parse_docs(nlp, docs, cache, split)
    options = {"quote_confidence": "rules", "quote_min_confidence": 0.0}
    pipe = Pipeline(PipelineConfig(stages=("actors", "quotes"), options=options), nlp=nlp)
    rows: list[list[str]] = []
    labels: list[int] = []
    fixed: list[float] = []
    groups: list[int] = []
    n_gold = 0
    for doc_i, (gold, doc) in enumerate(zip(docs, parsed, strict=True)):
        analysis = pipe.analyse_doc(Article(text=gold.text, doc_id=gold.slug, date=gold.date), doc)
        quotes = [q for q in analysis.quotes if significant(gold.text, pred_spans(q))]
        p_sets = [significant(gold.text, pred_spans(q)) for q in quotes]
        g_sets = [significant(gold.text, g.content) for g in gold.attributions]
        matched = {i for i, _ in match(p_sets, g_sets, 0.5)}
        rows += [quote_features(analysis.doc, q, analysis.quotes) for q in quotes]
        labels += [int(i in matched) for i in range(len(quotes))]
        fixed += [q.confidence for q in quotes]
        groups += [doc_i] * len(quotes)
        n_gold += len(g_sets)
    return rows, labels, fixed, n_gold, groups


def fit(rows: Sequence[list[str]], labels: Sequence[int], c: float, min_count: int, seed: int) -> ConfidenceModel:
    """L2-regularized logistic regression (liblinear) over the features seen at least ``min_count`` times."""
    return ConfidenceModel.fit(rows, labels, c=c, min_count=min_count, seed=seed)


def out_of_fold(
    rows: Sequence[list[str]], labels: Sequence[int], groups: Sequence[int], args: argparse.Namespace, seed: int
) -> list[float]:
    """Each quotation's probability from a model fitted on the other folds (documents shuffled by ``seed``)."""
    fold_of = document_folds(sorted(set(groups)), args.folds, seed)
    probs = [0.0] * len(rows)
    for k in range(args.folds):
        train = [i for i, g in enumerate(groups) if fold_of[g] != k]
        model = fit([rows[i] for i in train], [labels[i] for i in train], args.c, args.min_count, args.seed)
        held = [i for i, g in enumerate(groups) if fold_of[g] == k]
        for i, p in zip(held, model.score_many([rows[i] for i in held]), strict=True):
            probs[i] = p
    return probs


def f1_curve(probs: Sequence[float], labels: Sequence[int], n_gold: int) -> dict[str, float]:
    """The content F1 of the quotations kept at each threshold, each counted right or wrong by its label
    (as the one-to-one matching mostly does)."""
    curve = {}
    for t in THRESHOLDS:
        tp = sum(y for p, y in zip(probs, labels, strict=True) if p >= t)
        kept = sum(1 for p in probs if p >= t)
        curve[f"{t:.2f}"] = 2 * tp / (kept + n_gold) if kept + n_gold else 0.0
    return curve


def choose_threshold(curves: Sequence[dict[str, float]]) -> dict[str, Any]:
    """The emit threshold with the best mean F1 over ``curves`` (one per shuffling of the folds; the lower
    threshold on a tie), with the mean F1 at every threshold tried."""
    mean = {k: round(sum(c[k] for c in curves) / len(curves), 4) for k in curves[0]}
    best = max(mean, key=lambda k: (mean[k], -float(k)))
    return {"min_confidence": float(best), "f1_by_threshold": mean}


def render_card(meta: dict[str, Any]) -> str:
    dev = meta["dev"]
    rules = dev["rules_confidence"]
    lines = [
        "# Quote confidence model",
        "",
        "Logistic regression over binary features of a finished quotation (`corridor.quoting.confidence`):",
        "its kind, content length, first word and root, place in its sentence and quotations around it,",
        "the cue's lemma, role and clause (modal, question, mark, distance), the speaker's kind.",
        "`Quote.confidence` is its estimate that the content matches a PolNeAR annotator's (at least half of",
        "the longer of the two shared).",
        "",
        "## Training",
        "",
        f"PolNeAR train split: {meta['n_train']} quotations found by the rules of the quote stage, "
        f"{meta['n_train_pos']} of them right; {meta['n_features']} features seen at least "
        f"{meta['config']['min_count']} times; C = {meta['config']['c']}, seed {meta['config']['seed']}; "
        f"spaCy pipeline {meta['spacy_model']}; trained {meta['trained']}.",
        "",
        "    python -m corridor.quoting.train_confidence --data ../shared/corpora --out DIR",
        "",
        "## Dev split (held out)",
        "",
        f"{dev['n']} quotations. Ranking (probability that a right quotation scores above a wrong one): "
        f"**{dev['auc']}** (the rules' fixed confidences: {rules['auc']}). Brier score {dev['brier']} "
        f"(rules' confidences: {rules['brier']}).",
        "",
        "| confidence | quotations | mean confidence | share right |",
        "|---|---:|---:|---:|",
    ]
    lines += [f"| {b['bin']} | {b['n']} | {b['mean_confidence']} | {b['observed']} |" for b in dev["bins"]]
    lines += ["", "| kept | share of quotations | precision | recall |", "|---|---:|---:|---:|"]
    lines += [f"| confidence {k} | {v['share']} | {v['precision']} | {v['recall']} |" for k, v in dev["at"].items()]
    cv = meta.get("train_cv")
    if cv:
        best = meta["min_confidence"]
        lines += [
            "",
            "## Emit threshold",
            "",
            f"The quote stage drops quotations below **{best:.2f}** (option `quote_min_confidence`; 0 keeps",
            f"all). Chosen by {meta['config']['folds']}-fold cross-validation over train documents: each",
            "quotation scored by a model fitted on the other folds, the content F1 of the quotations kept at",
            f"each threshold counted from their labels ({cv['n_gold']} gold contents), averaged over",
            f"{meta['config'].get('repeats', 1)} shufflings of the documents into folds:",
            "",
            "| threshold | " + " | ".join(cv["f1_by_threshold"]) + " |",
            "|---|" + "---:|" * len(cv["f1_by_threshold"]),
            "| F1 | " + " | ".join(f"{v:.4f}" for v in cv["f1_by_threshold"].values()) + " |",
        ]
    lines += [
        "",
        "## Limits",
        "",
        "Trained and measured on US political news of 2015-2016 and PolNeAR's notion of an attribution;",
        "on other text the ranking should hold better than the exact probabilities. The features read the",
        "quote stage's output, so retrain after changing its rules.",
        "",
    ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, required=True, help="the corpora folder (holding polnear/)")
    ap.add_argument("--out", type=Path, required=True, help="the model folder to write")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--c", type=float, default=0.1)
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--folds", type=int, default=5, help="cross-validation folds for the emit threshold")
    ap.add_argument("--repeats", type=int, default=5, help="shufflings of the folds the F1 is averaged over")
    ap.add_argument("--cache", type=Path, default=None, help="a folder to keep the spaCy parses in")
    args = ap.parse_args(argv)
    from corridor.pipeline import load_nlp

    t0 = time.perf_counter()
    nlp = load_nlp()
    rows, labels, _, n_gold, groups = examples(args.data / "polnear" / "train", nlp, args.cache, "train")
    model = fit(rows, labels, args.c, args.min_count, args.seed)
    seeds = range(args.seed, args.seed + args.repeats)
    cv = choose_threshold([f1_curve(out_of_fold(rows, labels, groups, args, s), labels, n_gold) for s in seeds])
    dev_rows, dev_labels, rules_conf, dev_gold, _ = examples(args.data / "polnear" / "dev", nlp, args.cache, "dev")
    probs = model.score_many(dev_rows)
    meta: dict[str, Any] = {
        "config": {
            "c": args.c,
            "min_count": args.min_count,
            "seed": args.seed,
            "folds": args.folds,
            "repeats": args.repeats,
        },
        "min_confidence": cv["min_confidence"],
        "train_cv": {"n_gold": n_gold, "f1_by_threshold": cv["f1_by_threshold"]},
        "feature_version": FEATURE_VERSION,
        "n_train": len(labels),
        "n_train_pos": int(sum(labels)),
        "n_features": len(model.vocab),
        "spacy_model": f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}-{nlp.meta.get('version')}",
        "trained": _dt.date.today().isoformat(),
        "dev": {
            "n": len(dev_labels),
            **calibration(probs, dev_labels, dev_gold),
            "rules_confidence": calibration(rules_conf, dev_labels, dev_gold),
        },
    }
    model.meta = meta
    model.save(args.out)
    (args.out / MODEL_CARD).write_text(render_card(meta), encoding="utf-8")
    print(
        f"dev: auc {meta['dev']['auc']} (rules {meta['dev']['rules_confidence']['auc']}), brier {meta['dev']['brier']}"
    )
    print(f"wrote {args.out} in {time.perf_counter() - t0:.0f} s")


if __name__ == "__main__":
    main()
