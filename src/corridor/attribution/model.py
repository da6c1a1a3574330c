"""The attribution-cue model at run time: logistic regression over sparse binary features, numpy only.

A model folder (by default ``corridor/data/models/attribution_cues``) holds

* ``weights.npz`` - one weight per feature (``coef``, in the order of the vocabulary) and the ``intercept``;
* ``vocab.json`` - the feature strings and the feature version;
* ``meta.json`` - the content-construction table (see :mod:`corridor.attribution.content`), the training
  settings and the cross-validation figures.

Nothing here needs scikit-learn.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from corridor.attribution.features import FEATURE_VERSION

__all__ = ["META_FILE", "VOCAB_FILE", "WEIGHTS_FILE", "CueModel", "load_model", "packaged_model_dir"]

WEIGHTS_FILE = "weights.npz"
VOCAB_FILE = "vocab.json"
META_FILE = "meta.json"


def packaged_model_dir() -> Path:
    from importlib import resources

    return Path(str(resources.files("corridor") / "data" / "models" / "attribution_cues"))


@dataclass
class CueModel:
    """Linear weights over named binary features, and the content-construction table."""

    vocab: dict[str, int]
    coef: np.ndarray
    intercept: float
    table: dict[str, str] = field(default_factory=dict)
    meta: dict[str, Any] = field(default_factory=dict)

    def score(self, feats: Iterable[str]) -> float:
        """The probability that the candidate with these features is a cue."""
        idx = [self.vocab[f] for f in set(feats) if f in self.vocab]
        z = self.intercept + (float(self.coef[idx].sum()) if idx else 0.0)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def score_many(self, rows: Sequence[Iterable[str]]) -> list[float]:
        return [self.score(r) for r in rows]

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        names = sorted(self.vocab, key=self.vocab.__getitem__)
        np.savez_compressed(
            folder / WEIGHTS_FILE,
            coef=self.coef.astype(np.float32),
            intercept=np.array(self.intercept, dtype=np.float64),
        )
        (folder / VOCAB_FILE).write_text(
            json.dumps({"feature_version": FEATURE_VERSION, "features": names}, ensure_ascii=False) + "\n",
            encoding="utf-8",
        )
        meta = dict(self.meta)
        meta["table"] = dict(sorted(self.table.items()))
        (folder / META_FILE).write_text(json.dumps(meta, indent=1, sort_keys=True) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, folder: Path) -> CueModel:
        vocab_data = json.loads((folder / VOCAB_FILE).read_text(encoding="utf-8"))
        version = int(vocab_data.get("feature_version", 0))
        if version != FEATURE_VERSION:
            raise ValueError(f"{folder}: feature version {version}, this code computes {FEATURE_VERSION}; retrain")
        names = [str(n) for n in vocab_data["features"]]
        with np.load(folder / WEIGHTS_FILE, allow_pickle=False) as z:
            coef = np.asarray(z["coef"], dtype=np.float32)
            intercept = float(z["intercept"])
        if coef.shape[0] != len(names):
            raise ValueError(f"{folder}: {coef.shape[0]} weights for {len(names)} features")
        meta_path = folder / META_FILE
        meta: dict[str, Any] = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
        table = {str(k): str(v) for k, v in (meta.pop("table", None) or {}).items()}
        return cls(vocab={n: i for i, n in enumerate(names)}, coef=coef, intercept=intercept, table=table, meta=meta)


@lru_cache(maxsize=4)
def load_model(folder: str | None = None) -> CueModel:
    """The packaged model (or the one in ``folder``), loaded once."""
    return CueModel.load(Path(folder) if folder else packaged_model_dir())
