"""The relation classifier at run time: numpy inference over stored linear weights.

Reads a model folder (by default ``corridor/data/models/plover_classifier``) holding

* ``weights.npz`` - the feature vocabulary, the linear weights over the sparse features and the pooled
  sub-word embeddings, the intercepts and the softmax temperature;
* ``embeddings.npz`` - the WordPiece vocabulary and the static sub-word embedding table;
* ``meta.json`` - labels, feature version, training settings and cross-validation scores;
* ``modes.yaml`` - mode cue words per label (optional; the packaged one is used when absent);

and writes predictions: a PLOVER label, a mode where the model knows one, and calibrated
probabilities. Nothing here touches the network; scikit-learn is not needed at run time.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc

from corridor.classify.features import (
    FEATURE_VERSION,
    Item,
    MarkupError,
    SentenceParser,
    SpanSpec,
    extract,
    make_item,
)
from corridor.classify.modes import MODES_FILE, ModeRules
from corridor.classify.wordpiece import WordPiece

__all__ = [
    "EMBEDDINGS_FILE",
    "LABELS",
    "META_FILE",
    "WEIGHTS_FILE",
    "ModelWeights",
    "Prediction",
    "RelationClassifier",
    "StaticEmbeddings",
    "encode_sparse",
]

LABELS: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "COOPERATE",
    "AID",
    "YIELD",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)

WEIGHTS_FILE = "weights.npz"
EMBEDDINGS_FILE = "embeddings.npz"
META_FILE = "meta.json"
N_PARTS = 4  # sentence, source, target, words between


@dataclass(frozen=True, slots=True)
class Prediction:
    """A classifier output: the label, the mode (or None) and a probability for every label."""

    label: str
    mode: str | None
    probs: dict[str, float]

    def to_dict(self) -> dict[str, Any]:
        return {"label": self.label, "mode": self.mode, "probs": self.probs}


class StaticEmbeddings:
    """Static sub-word embeddings, pooled over the sentence, each span and the words between them."""

    def __init__(self, vocab: Sequence[str], table: np.ndarray) -> None:
        if table.shape[0] != len(vocab):
            raise ValueError(f"embedding table has {table.shape[0]} rows for {len(vocab)} tokens")
        self.wordpiece = WordPiece(vocab)
        self.vocab = list(vocab)
        self.table = np.ascontiguousarray(table, dtype=np.float32)

    @property
    def dim(self) -> int:
        return int(self.table.shape[1])

    @classmethod
    def load(cls, path: Path) -> StaticEmbeddings:
        with np.load(path, allow_pickle=False) as z:
            return cls([str(t) for t in z["vocab"]], z["table"])

    def save(self, path: Path) -> None:
        np.savez_compressed(path, vocab=np.array(self.vocab), table=self.table.astype(np.float16))

    def pooled(self, item: Item) -> np.ndarray:
        """Unit-length mean embeddings of the sentence, source, target and between parts, concatenated."""
        toks = self.wordpiece.tokenize(item.sentence)
        dim = self.dim
        out = np.zeros(N_PARTS * dim, dtype=np.float32)
        if not toks:
            return out
        ids = np.fromiter((t[0] for t in toks), dtype=np.int64, count=len(toks))
        starts = np.fromiter((t[1] for t in toks), dtype=np.int64, count=len(toks))
        ends = np.fromiter((t[2] for t in toks), dtype=np.int64, count=len(toks))
        masks: list[np.ndarray | None] = [None]
        for span in (item.source, item.target):
            masks.append(None if span is None else (starts < span[1]) & (ends > span[0]))
        if item.source is not None and item.target is not None:
            lo = min(item.source[1], item.target[1])
            hi = max(item.source[0], item.target[0])
            masks.append((starts >= lo) & (ends <= hi) if hi > lo else None)
        else:
            masks.append(None)
        vecs = self.table[ids]
        for k, mask in enumerate(masks):
            if k == 0:
                v = vecs.mean(axis=0)
            elif mask is None or not mask.any():
                continue
            else:
                v = vecs[mask].mean(axis=0)
            norm = float(np.linalg.norm(v))
            if norm > 0:
                out[k * dim : (k + 1) * dim] = v / norm
        return out


def encode_sparse(feats: Iterable[str], vocab: Mapping[str, int]) -> np.ndarray:
    """Sorted unique column indices of the known features (binary bag of features)."""
    idx = {vocab[f] for f in feats if f in vocab}
    return np.array(sorted(idx), dtype=np.int64)


@dataclass
class LinearHead:
    """Scores = sparse part (binary, unit length) @ coef_sparse + dense part @ coef_dense + intercept."""

    classes: tuple[str, ...]
    coef_sparse: np.ndarray
    coef_dense: np.ndarray
    intercept: np.ndarray

    def scores(self, sparse: Sequence[np.ndarray], dense: np.ndarray) -> np.ndarray:
        out = dense @ self.coef_dense + self.intercept
        for i, idx in enumerate(sparse):
            if len(idx):
                out[i] += self.coef_sparse[idx].sum(axis=0) / math.sqrt(len(idx))
        return np.asarray(out)


@dataclass
class ModelWeights:
    """Everything a :class:`RelationClassifier` needs besides the spaCy parser."""

    vocab: dict[str, int]
    head: LinearHead
    dense_scale: float
    temperature: float
    embeddings: StaticEmbeddings
    modes: ModeRules | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def labels(self) -> tuple[str, ...]:
        return self.head.classes

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        vocab_arr = np.array(sorted(self.vocab, key=self.vocab.__getitem__))
        arrays: dict[str, np.ndarray] = {
            "vocab": vocab_arr,
            "labels": np.array(self.head.classes),
            "coef_sparse": self.head.coef_sparse.astype(np.float16),
            "coef_dense": self.head.coef_dense.astype(np.float32),
            "intercept": self.head.intercept.astype(np.float32),
            "dense_scale": np.array(self.dense_scale, dtype=np.float64),
            "temperature": np.array(self.temperature, dtype=np.float64),
        }
        np.savez_compressed(folder / WEIGHTS_FILE, **arrays)  # type: ignore[arg-type]
        self.embeddings.save(folder / EMBEDDINGS_FILE)
        src_modes = _packaged_file(MODES_FILE)
        if src_modes.exists() and not (folder / MODES_FILE).exists():
            (folder / MODES_FILE).write_text(src_modes.read_text(encoding="utf-8"), encoding="utf-8")
        (folder / META_FILE).write_text(json.dumps(self.meta, indent=2, sort_keys=True) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, folder: Path, embeddings: StaticEmbeddings | None = None) -> ModelWeights:
        wpath = folder / WEIGHTS_FILE
        if not wpath.exists():
            raise FileNotFoundError(f"no classifier weights at {wpath}")
        meta_path = folder / META_FILE
        meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
        if int(meta.get("feature_version", FEATURE_VERSION)) != FEATURE_VERSION:
            raise ValueError(
                f"classifier at {folder} was trained with feature version {meta.get('feature_version')},"
                f" this code extracts version {FEATURE_VERSION}; retrain it with `corridor train-classifier`"
            )
        if embeddings is None:
            embeddings = StaticEmbeddings.load(folder / EMBEDDINGS_FILE)
        modes_path = folder / MODES_FILE
        if not modes_path.exists():
            modes_path = _packaged_file(MODES_FILE)
        with np.load(wpath, allow_pickle=False) as z:
            vocab = {str(f): i for i, f in enumerate(z["vocab"])}
            head = LinearHead(
                tuple(str(x) for x in z["labels"]),
                z["coef_sparse"].astype(np.float32),
                z["coef_dense"].astype(np.float32),
                z["intercept"].astype(np.float32),
            )
            return cls(
                vocab=vocab,
                head=head,
                dense_scale=float(z["dense_scale"]),
                temperature=float(z["temperature"]),
                embeddings=embeddings,
                modes=ModeRules.load(modes_path) if modes_path.exists() else None,
                meta=meta,
            )


def _packaged_file(name: str) -> Path:
    from importlib import resources

    return Path(str(resources.files("corridor") / "data" / "models" / "plover_classifier" / name))


def softmax(scores: np.ndarray, temperature: float) -> np.ndarray:
    z = scores / max(temperature, 1e-6)
    z = z - z.max(axis=-1, keepdims=True)
    e = np.exp(z)
    return np.asarray(e / e.sum(axis=-1, keepdims=True))


BatchEntry = Item | Mapping[str, Any] | tuple[str, SpanSpec, SpanSpec]


def _to_item(entry: BatchEntry) -> Item:
    if isinstance(entry, Item):
        return entry
    if isinstance(entry, Mapping):
        return make_item(entry["sentence"], entry["source"], entry["target"])
    sentence, source, target = entry
    return make_item(sentence, source, target)


class RelationClassifier:
    """Classifies the relation between a source and a target span of a sentence into a PLOVER label."""

    def __init__(self, weights: ModelWeights, nlp: Language | None) -> None:
        self.weights = weights
        self.nlp = nlp
        self.parser = SentenceParser(nlp) if nlp is not None else None
        self.labels = weights.labels

    # -- features ---------------------------------------------------------------------------------
    def _parse(self, sentences: Sequence[str], batch_size: int = 256) -> list[Doc | None]:
        if self.parser is None:
            return [None] * len(sentences)
        return list(self.parser.parse(sentences, batch_size=batch_size))

    def featurize(
        self, items: Sequence[Item], docs: Sequence[Doc | None] | None = None
    ) -> tuple[list[np.ndarray], np.ndarray]:
        """Sparse column indices and dense pooled-embedding rows for ``items``."""
        if docs is None:
            docs = self._parse([it.sentence for it in items])
        lemma = self.parser.lemma if self.parser is not None else None
        sparse = [
            encode_sparse(extract(it, doc, lemma), self.weights.vocab) for it, doc in zip(items, docs, strict=True)
        ]
        emb = self.weights.embeddings
        dense = np.zeros((len(items), N_PARTS * emb.dim), dtype=np.float32)
        for i, it in enumerate(items):
            dense[i] = emb.pooled(it)
        return sparse, dense * self.weights.dense_scale

    # -- prediction -------------------------------------------------------------------------------
    def predict_proba(self, items: Sequence[Item], docs: Sequence[Doc | None] | None = None) -> np.ndarray:
        """Calibrated probabilities, one row per item, columns in ``self.labels`` order."""
        if not items:
            return np.zeros((0, len(self.labels)))
        sparse, dense = self.featurize(items, docs)
        return softmax(self.weights.head.scores(sparse, dense), self.weights.temperature)

    def predict_items(self, items: Sequence[Item], docs: Sequence[Doc | None] | None = None) -> list[Prediction]:
        """Predictions for prepared items; ``docs`` may hold their spaCy parses to skip re-parsing."""
        if not items:
            return []
        sparse, dense = self.featurize(items, docs)
        probs = softmax(self.weights.head.scores(sparse, dense), self.weights.temperature)
        out: list[Prediction] = []
        for i in range(len(items)):
            best = int(np.argmax(probs[i]))
            label = self.labels[best]
            modes = self.weights.modes
            mode = modes.mode(label, items[i].sentence) if modes is not None else None
            out.append(
                Prediction(label, mode, {lab: round(float(p), 6) for lab, p in zip(self.labels, probs[i], strict=True)})
            )
        return out

    def predict(self, sentence: str, source: SpanSpec, target: SpanSpec) -> Prediction:
        """Label the relation from ``source`` to ``target`` (character spans or span texts) in ``sentence``."""
        return self.predict_items([make_item(sentence, source, target)])[0]

    def predict_batch(self, items: Iterable[BatchEntry]) -> list[Prediction]:
        """Predictions in input order for ``(sentence, source, target)`` tuples, dicts or :class:`Item` s.

        Raises :class:`~corridor.classify.features.MarkupError` naming the first bad entry.
        """
        prepared: list[Item] = []
        for n, entry in enumerate(items):
            try:
                prepared.append(_to_item(entry))
            except MarkupError as exc:
                raise MarkupError(f"item {n}: {exc}") from exc
            except (KeyError, TypeError, ValueError) as exc:
                raise MarkupError(f"item {n}: not a (sentence, source, target) entry: {exc}") from exc
        return self.predict_items(prepared)
