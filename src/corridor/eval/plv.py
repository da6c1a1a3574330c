"""The relation classifier on PLV-format data (``corridor eval plv``).

Without ``--data``: the shipped training recipe's 5-fold cross-validation on the PLV training split
(grouped by sentence, stratified by label, seed 0; the extra training sets join the training folds only),
re-run from the corpora: macro-F1, accuracy and per-label figures (needs scikit-learn, the ``train`` extra).

With ``--data FILE``: the shipped classifier scored on any TSV in the PLV layout (a ``marked_sentence``
column with ``<s>...</s>`` and ``<t>...</t>``, and the gold label in ``gold_root`` or ``label``), e.g. a
held-out test split.
"""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

from corridor.eval.base import EvalArgs, EvalDataError, Report, corpora_dir, default_data, register_suite


def _macro(gold: list[str], pred: list[str]) -> tuple[dict[str, float], dict[str, dict[str, float]]]:
    labels = sorted(set(gold) | set(pred))
    per: dict[str, dict[str, float]] = {}
    for lab in labels:
        tp = sum(g == lab and p == lab for g, p in zip(gold, pred, strict=True))
        fp = sum(g != lab and p == lab for g, p in zip(gold, pred, strict=True))
        fn = sum(g == lab and p != lab for g, p in zip(gold, pred, strict=True))
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        per[lab] = {
            "precision": round(prec, 4),
            "recall": round(rec, 4),
            "f1": round(f1, 4),
            "support": gold.count(lab),
        }
    gold_labels = [lab for lab in labels if lab in set(gold)]
    macro = sum(per[lab]["f1"] for lab in gold_labels) / len(gold_labels) if gold_labels else 0.0
    acc = sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold) if gold else 0.0
    return {"macro_f1": round(macro, 4), "accuracy": round(acc, 4)}, per


def _score_file(path: Path, args: EvalArgs) -> Report:
    from corridor.classify import MarkupError, load_classifier, parse_marked
    from corridor.classify.corpora import map_label

    items, gold = [], []
    skipped = 0
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            raw = row.get("gold_root") or row.get("label") or ""
            label = map_label(raw)
            if label is None or "marked_sentence" not in row:
                skipped += 1
                continue
            try:
                items.append(parse_marked(row["marked_sentence"]))
            except MarkupError:
                skipped += 1
                continue
            gold.append(label)
            if args.limit and len(items) >= args.limit:
                break
    if not items:
        raise EvalDataError(f"{path}: no row with a marked_sentence and a known gold label")
    preds = load_classifier(model=args.model).predict_items(items)
    overall, per = _macro(gold, [p.label for p in preds])
    return Report(
        suite="plv", n=len(items), overall=overall, per_label=per, extra={"data": str(path), "skipped": skipped}
    )


def _cross_validate(args: EvalArgs) -> Report:
    try:
        import sklearn  # noqa: F401
    except ImportError:
        raise EvalDataError(
            "the cross-validation needs scikit-learn (pip install 'corridor[train]'); "
            "or score a labelled file with --data FILE"
        ) from None
    from corridor.classify.train import EMBEDDINGS_FILE, StaticEmbeddings, TrainConfig, fit, packaged_model_dir
    from corridor.pipeline import load_nlp

    default_data(args, "zsp-plv")  # a clear message when the corpora are missing
    config = TrainConfig(limit=args.limit)
    result = fit(
        corpora_dir(), load_nlp(args.model), StaticEmbeddings.load(packaged_model_dir() / EMBEDDINGS_FILE), config
    )
    cv = result.cv
    per = {lab: {k: float(v) for k, v in vals.items()} for lab, vals in cv.get("per_class", {}).items()}
    counts = Counter({lab: int(v.get("support", 0)) for lab, v in per.items()})
    return Report(
        suite="plv",
        n=int(cv.get("n", sum(counts.values()))),
        overall={"macro_f1": float(cv["macro_f1"]), "accuracy": float(cv["accuracy"])},
        per_label=per,
        extra={
            "method": f"{cv.get('folds', 5)}-fold cross-validation of the shipped recipe on the PLV training split",
            "ece_calibrated": cv.get("ece_calibrated"),
        },
    )


@register_suite("plv")
def plv(args: EvalArgs) -> Report:
    if args.data is not None:
        if not args.data.is_file():
            raise EvalDataError(f"{args.data}: a PLV-format TSV file is expected")
        return _score_file(args.data, args)
    return _cross_validate(args)
