"""Training and cross-validation of the relation classifier (needs scikit-learn, a training-only extra).

Reads the corpora folder (see :mod:`corridor.classify.corpora`) and the static sub-word embeddings
(``embeddings.npz``, by default the packaged one), and writes a model folder: ``weights.npz``,
``embeddings.npz``, ``meta.json`` and ``MODEL_CARD.md`` with the 5-fold cross-validated macro-F1,
per-class F1 and calibration error on the PLV training split.

Cross-validation folds hold PLV sentences only (grouped by sentence, stratified by label); the extra
PLOVER gold and synthetic NGEC examples are added to every training fold and never to a test fold.
Everything is seeded: the same data, seed and settings give the same weights.
"""

from __future__ import annotations

import datetime as _dt
import itertools
import math
import platform
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from spacy.language import Language

from corridor.classify import corpora as _corpora
from corridor.classify.corpora import Example
from corridor.classify.features import FEATURE_VERSION, SentenceParser, extract_many
from corridor.classify.model import (
    EMBEDDINGS_FILE,
    LABELS,
    N_PARTS,
    LinearHead,
    ModelWeights,
    StaticEmbeddings,
    encode_sparse,
    softmax,
)

__all__ = [
    "TrainConfig",
    "TrainResult",
    "cross_validate",
    "fit",
    "load_examples",
    "packaged_model_dir",
    "train",
]

MODEL_CARD = "MODEL_CARD.md"


def packaged_model_dir() -> Path:
    from importlib import resources

    return Path(str(resources.files("corridor") / "data" / "models" / "plover_classifier"))


@dataclass
class TrainConfig:
    """Training settings; the defaults are the shipped model's."""

    seed: int = 0
    folds: int = 5
    c: float = 1.0
    dense_scale: float = 0.5
    extra: tuple[str, ...] = ("plover", "ngec")
    extra_weight: float = 1.0
    min_count: int = 1
    limit: int | None = None  # use only the first N PLV examples (for quick checks)

    def to_dict(self) -> dict[str, Any]:
        return {
            "seed": self.seed,
            "folds": self.folds,
            "c": self.c,
            "dense_scale": self.dense_scale,
            "extra": list(self.extra),
            "extra_weight": self.extra_weight,
            "min_count": self.min_count,
            "limit": self.limit,
        }


@dataclass
class TrainResult:
    weights: ModelWeights
    cv: dict[str, Any] = field(default_factory=dict)


@dataclass
class _Featurized:
    examples: list[Example]
    feats: list[list[str]]
    dense: np.ndarray


def load_examples(corpora: Path, config: TrainConfig) -> tuple[list[Example], list[Example]]:
    """PLV examples and the extra examples named in ``config.extra``."""
    plv_path = corpora / _corpora.PLV_FILE
    if not plv_path.exists():
        raise FileNotFoundError(f"PLV training split not found at {plv_path}")
    plv = _corpora.read_plv(corpora)
    if config.limit is not None:
        plv = plv[: config.limit]
    extra: list[Example] = []
    if "plover" in config.extra:
        extra += _corpora.read_plover_gold(corpora)
    if "ngec" in config.extra:
        extra += _corpora.read_ngec(corpora)
    return plv, extra


def _featurize(examples: list[Example], nlp: Language | None, emb: StaticEmbeddings) -> _Featurized:
    feats = extract_many([e.item for e in examples], SentenceParser(nlp) if nlp is not None else None)
    dense = np.zeros((len(examples), N_PARTS * emb.dim), dtype=np.float32)
    for i, e in enumerate(examples):
        dense[i] = emb.pooled(e.item)
    return _Featurized(examples, feats, dense)


def _build_vocab(feats: Sequence[Sequence[str]], min_count: int) -> dict[str, int]:
    counts: Counter[str] = Counter()
    for f in feats:
        counts.update(set(f))
    kept = sorted(k for k, c in counts.items() if c >= min_count)
    return {k: i for i, k in enumerate(kept)}


def _design(feats: Sequence[Sequence[str]], dense: np.ndarray, vocab: dict[str, int], scale: float) -> Any:
    import scipy.sparse as sp

    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    for i, f in enumerate(feats):
        idx = encode_sparse(f, vocab)
        if len(idx):
            rows.extend([i] * len(idx))
            cols.extend(idx.tolist())
            vals.extend([1.0 / math.sqrt(len(idx))] * len(idx))
    xs = sp.csr_matrix((vals, (rows, cols)), shape=(len(feats), len(vocab)), dtype=np.float64)
    return sp.hstack([xs, sp.csr_matrix(dense.astype(np.float64) * scale)]).tocsr()


def _fit_head(
    feats: Sequence[Sequence[str]],
    dense: np.ndarray,
    labels: Sequence[str],
    sample_weight: np.ndarray,
    config: TrainConfig,
    classes: Sequence[str] | None = None,
) -> tuple[dict[str, int], LinearHead]:
    from sklearn.svm import LinearSVC

    vocab = _build_vocab(feats, config.min_count)
    x = _design(feats, dense, vocab, config.dense_scale)
    clf = LinearSVC(C=config.c, random_state=config.seed, max_iter=20000)
    clf.fit(x, np.array(labels), sample_weight=sample_weight)
    fitted = [str(c) for c in clf.classes_]
    coef = np.asarray(clf.coef_, dtype=np.float64)
    intercept = np.asarray(clf.intercept_, dtype=np.float64)
    if len(fitted) == 2:  # binary LinearSVC keeps one row: score for classes_[1]
        coef = np.vstack([-coef[0] / 2, coef[0] / 2])
        intercept = np.array([-intercept[0] / 2, intercept[0] / 2])
    order = list(classes) if classes is not None else fitted
    full_coef = np.full((len(order), coef.shape[1]), 0.0)
    full_int = np.full(len(order), -10.0)  # a class missing from this training set is never chosen
    for j, cls in enumerate(fitted):
        k = order.index(cls)
        full_coef[k] = coef[j]
        full_int[k] = intercept[j]
    n_sparse = len(vocab)
    head = LinearHead(
        tuple(order),
        np.ascontiguousarray(full_coef[:, :n_sparse].T, dtype=np.float32),
        np.ascontiguousarray(full_coef[:, n_sparse:].T, dtype=np.float32),
        full_int.astype(np.float32),
    )
    return vocab, head


def _scores(
    head: LinearHead, vocab: dict[str, int], feats: Sequence[Sequence[str]], dense: np.ndarray, scale: float
) -> np.ndarray:
    sparse = [encode_sparse(f, vocab) for f in feats]
    return head.scores(sparse, dense * scale)


def fit_temperature(scores: np.ndarray, gold: np.ndarray) -> float:
    """The softmax temperature that minimises the negative log-likelihood of ``gold`` (class indices)."""

    def nll(log_t: float) -> float:
        p = softmax(scores, math.exp(log_t))
        return float(-np.mean(np.log(np.clip(p[np.arange(len(gold)), gold], 1e-12, None))))

    lo, hi = math.log(1e-3), math.log(1e2)
    phi = (math.sqrt(5) - 1) / 2
    a, b = hi - phi * (hi - lo), lo + phi * (hi - lo)
    fa, fb = nll(a), nll(b)
    for _ in range(80):
        if fa < fb:
            hi, b, fb = b, a, fa
            a = hi - phi * (hi - lo)
            fa = nll(a)
        else:
            lo, a, fa = a, b, fb
            b = lo + phi * (hi - lo)
            fb = nll(b)
    return math.exp((lo + hi) / 2)


def expected_calibration_error(probs: np.ndarray, gold: np.ndarray, bins: int = 15) -> float:
    """Top-label expected calibration error with equal-width confidence bins."""
    conf = probs.max(axis=1)
    correct = (probs.argmax(axis=1) == gold).astype(np.float64)
    edges = np.linspace(0.0, 1.0, bins + 1)
    ece = 0.0
    for lo, hi in itertools.pairwise(edges):
        sel = (conf > lo) & (conf <= hi)
        if sel.any():
            ece += float(sel.mean()) * abs(float(correct[sel].mean()) - float(conf[sel].mean()))
    return ece


def _f1_table(gold: Sequence[str], pred: Sequence[str], labels: Sequence[str]) -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    for lab in labels:
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == lab and p == lab)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if g != lab and p == lab)
        fn = sum(1 for g, p in zip(gold, pred, strict=True) if g == lab and p != lab)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        out[lab] = {"precision": prec, "recall": rec, "f1": f1, "support": float(tp + fn)}
    return out


def cross_validate(plv: _Featurized, extra: _Featurized | None, config: TrainConfig) -> dict[str, Any]:
    """Grouped, stratified k-fold CV over PLV; extra examples join every training fold."""
    from sklearn.model_selection import StratifiedGroupKFold

    labels = [e.label for e in plv.examples]
    groups = [e.group for e in plv.examples]
    n_folds = min(config.folds, min(Counter(labels).values())) if labels else 0
    n_folds = max(2, min(config.folds, len(set(groups)), max(n_folds, 2)))
    splitter = StratifiedGroupKFold(n_splits=n_folds, shuffle=True, random_state=config.seed)
    scores = np.zeros((len(labels), len(LABELS)))
    fold_of = np.zeros(len(labels), dtype=np.int64)
    for k, (tr, te) in enumerate(splitter.split(np.zeros(len(labels)), labels, groups)):
        feats = [plv.feats[i] for i in tr]
        dense = plv.dense[tr]
        ys = [labels[i] for i in tr]
        sw = [1.0] * len(tr)
        if extra is not None and extra.examples:
            feats += extra.feats
            dense = np.vstack([dense, extra.dense])
            ys += [e.label for e in extra.examples]
            sw += [config.extra_weight] * len(extra.examples)
        vocab, head = _fit_head(feats, dense, ys, np.array(sw), config, classes=LABELS)
        scores[te] = _scores(head, vocab, [plv.feats[i] for i in te], plv.dense[te], config.dense_scale)
        fold_of[te] = k
    gold = np.array([LABELS.index(g) for g in labels])
    pred = [LABELS[i] for i in scores.argmax(axis=1)]
    table = _f1_table(labels, pred, LABELS)
    present = [lab for lab in LABELS if table[lab]["support"] > 0]
    macro = sum(table[lab]["f1"] for lab in present) / max(1, len(present))
    accuracy = float(np.mean([g == p for g, p in zip(labels, pred, strict=True)]))
    # Calibration: each fold's temperature is fitted on the other folds' out-of-fold scores.
    cal = np.zeros_like(scores)
    for k in range(n_folds):
        held = fold_of == k
        t_k = fit_temperature(scores[~held], gold[~held])
        cal[held] = softmax(scores[held], t_k)
    temperature = fit_temperature(scores, gold)
    raw = softmax(scores, 1.0)
    return {
        "folds": n_folds,
        "n": len(labels),
        "macro_f1": macro,
        "accuracy": accuracy,
        "per_class": table,
        "temperature": temperature,
        "ece_calibrated": expected_calibration_error(cal, gold),
        "ece_uncalibrated": expected_calibration_error(raw, gold),
        "nll_calibrated": float(-np.mean(np.log(np.clip(cal[np.arange(len(gold)), gold], 1e-12, None)))),
    }


def fit(
    corpora: Path,
    nlp: Language | None,
    embeddings: StaticEmbeddings,
    config: TrainConfig | None = None,
    run_cv: bool = True,
) -> TrainResult:
    """Cross-validate on PLV (optionally) and fit the final model on all PLV + extra examples."""
    config = config or TrainConfig()
    plv_ex, extra_ex = load_examples(corpora, config)
    plv = _featurize(plv_ex, nlp, embeddings)
    extra = _featurize(extra_ex, nlp, embeddings) if extra_ex else None
    cv = cross_validate(plv, extra, config) if run_cv else {}
    feats = list(plv.feats)
    dense = plv.dense
    ys = [e.label for e in plv.examples]
    sw = [1.0] * len(ys)
    if extra is not None:
        feats += extra.feats
        dense = np.vstack([dense, extra.dense])
        ys += [e.label for e in extra.examples]
        sw += [config.extra_weight] * len(extra.examples)
    vocab, head = _fit_head(feats, dense, ys, np.array(sw), config, classes=LABELS)
    temperature = float(cv.get("temperature", 1.0)) if cv else 1.0
    meta: dict[str, Any] = {
        "labels": list(LABELS),
        "feature_version": FEATURE_VERSION,
        "spacy_model": (
            f"{nlp.meta.get('lang', '')}_{nlp.meta.get('name', '')}-{nlp.meta.get('version', '')}"
            if nlp is not None
            else None
        ),
        "config": config.to_dict(),
        "n_train": {"plv": len(plv_ex), **Counter(e.origin for e in extra_ex)},
        "n_features": len(vocab),
        "embedding_dim": embeddings.dim,
        "temperature": temperature,
        "trained": _dt.date.today().isoformat(),
        "python": platform.python_version(),
        "cv": _round(cv),
    }
    weights = ModelWeights(
        vocab=vocab,
        head=head,
        dense_scale=config.dense_scale,
        temperature=temperature,
        embeddings=embeddings,
        meta=meta,
    )
    return TrainResult(weights, cv)


def _round(obj: Any) -> Any:
    if isinstance(obj, float):
        return round(obj, 4)
    if isinstance(obj, dict):
        return {k: _round(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_round(v) for v in obj]
    return obj


def train(
    corpora: Path,
    out: Path,
    nlp: Language | None,
    embeddings_path: Path | None = None,
    config: TrainConfig | None = None,
    run_cv: bool = True,
) -> TrainResult:
    """Train, then write the model folder (weights, embeddings, meta.json, MODEL_CARD.md) to ``out``."""
    from corridor.classify.card import write_model_card

    config = config or TrainConfig()
    emb_path = embeddings_path or packaged_model_dir() / EMBEDDINGS_FILE
    embeddings = StaticEmbeddings.load(emb_path)
    result = fit(corpora, nlp, embeddings, config, run_cv=run_cv)
    result.weights.save(out)
    write_model_card(out / MODEL_CARD, result.weights.meta)
    return result
