"""Logistic regression over named binary features, at run time with numpy only (fitting needs scikit-learn).

A model folder holds ``weights.npz`` (one weight per feature, ``coef``, in the order of the vocabulary,
and the ``intercept``), ``vocab.json`` (the feature names, what they describe and the version of the code
that computes them) and ``meta.json`` (training settings and figures). A folder written for other features
or another version of them is refused, since its weights would be read against the wrong features.
"""

from __future__ import annotations

import json
import math
import random
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar, Self

import numpy as np

__all__ = ["META_FILE", "VOCAB_FILE", "WEIGHTS_FILE", "LinearModel", "document_folds", "logit", "sigmoid"]

WEIGHTS_FILE = "weights.npz"
VOCAB_FILE = "vocab.json"
META_FILE = "meta.json"


def sigmoid(z: float) -> float:
    """The logistic function, with ``z`` clamped to +-30."""
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def logit(p: float) -> float:
    """The inverse of :func:`sigmoid`, with ``p`` clamped to [1e-6, 1 - 1e-6]."""
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


def document_folds(doc_ids: Sequence[int], folds: int, seed: int) -> dict[int, int]:
    """Cross-validation folds over documents: the ids shuffled by ``seed``, then dealt out in turn."""
    order = list(doc_ids)
    random.Random(seed).shuffle(order)
    return {doc: k % folds for k, doc in enumerate(order)}


@dataclass
class LinearModel:
    """Linear weights over named binary features, and the metadata of their training."""

    vocab: dict[str, int]
    coef: np.ndarray
    intercept: float
    meta: dict[str, Any] = field(default_factory=dict)

    features_of: ClassVar[str] = ""  # what the features describe ("attribution cue", "quote", ...)
    feature_version: ClassVar[int] = 0

    def score(self, feats: Iterable[str]) -> float:
        """The probability of the positive class for an example with these features."""
        # sorted: the sum in one order whatever the process's string hashing, so scores repeat bit for bit
        idx = sorted({self.vocab[f] for f in feats if f in self.vocab})
        z = self.intercept + (float(self.coef[idx].sum()) if idx else 0.0)
        return sigmoid(z)

    def score_many(self, rows: Sequence[Iterable[str]]) -> list[float]:
        return [self.score(r) for r in rows]

    def meta_to_save(self) -> dict[str, Any]:
        """What ``meta.json`` holds (subclasses add their own parts)."""
        return dict(self.meta)

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        names = sorted(self.vocab, key=self.vocab.__getitem__)
        np.savez_compressed(
            folder / WEIGHTS_FILE,
            coef=self.coef.astype(np.float32),
            intercept=np.array(self.intercept, dtype=np.float64),
        )
        (folder / VOCAB_FILE).write_text(
            json.dumps(
                {"features_of": self.features_of, "feature_version": self.feature_version, "features": names},
                ensure_ascii=False,
            )
            + "\n",
            encoding="utf-8",
        )
        (folder / META_FILE).write_text(
            json.dumps(self.meta_to_save(), indent=1, sort_keys=True) + "\n", encoding="utf-8"
        )

    @classmethod
    def fit(cls, rows: Sequence[Iterable[str]], labels: Sequence[int], *, c: float, min_count: int, seed: int) -> Self:
        """L2-regularized logistic regression (liblinear) over the features seen in at least ``min_count``
        rows (needs scikit-learn, the train extra); the same rows, labels and settings give the same weights."""
        from scipy.sparse import csr_matrix
        from sklearn.linear_model import LogisticRegression

        sets = [set(feats) for feats in rows]
        counts: Counter[str] = Counter()
        for feats in sets:
            counts.update(feats)
        vocab = {f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= min_count))}
        indptr, indices = [0], []
        for feats in sets:
            indices.extend(sorted(vocab[f] for f in feats if f in vocab))
            indptr.append(len(indices))
        x = csr_matrix((np.ones(len(indices), dtype=np.float32), indices, indptr), shape=(len(sets), len(vocab)))
        clf = LogisticRegression(C=c, solver="liblinear", random_state=seed, max_iter=2000)
        clf.fit(x, np.array(labels))
        return cls(vocab=vocab, coef=clf.coef_[0].astype(np.float32), intercept=float(clf.intercept_[0]))

    @classmethod
    def from_parts(cls, vocab: dict[str, int], coef: np.ndarray, intercept: float, meta: dict[str, Any]) -> Self:
        """The model from what ``load`` read (subclasses take their own parts out of ``meta``)."""
        return cls(vocab=vocab, coef=coef, intercept=intercept, meta=meta)

    @classmethod
    def load(cls, folder: Path) -> Self:
        vocab_data = json.loads((folder / VOCAB_FILE).read_text(encoding="utf-8"))
        kind = str(vocab_data.get("features_of", cls.features_of))
        if kind != cls.features_of:
            raise ValueError(f"{folder}: weights for features of a {kind}, not of a {cls.features_of}")
        version = int(vocab_data.get("feature_version", 0))
        if version != cls.feature_version:
            raise ValueError(f"{folder}: feature version {version}, this code computes {cls.feature_version}; retrain")
        names = [str(n) for n in vocab_data["features"]]
        with np.load(folder / WEIGHTS_FILE, allow_pickle=False) as z:
            coef = np.asarray(z["coef"], dtype=np.float32)
            intercept = float(z["intercept"])
        if coef.shape[0] != len(names):
            raise ValueError(f"{folder}: {coef.shape[0]} weights for {len(names)} features")
        meta_path = folder / META_FILE
        meta: dict[str, Any] = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
        return cls.from_parts({n: i for i, n in enumerate(names)}, coef, intercept, meta)
