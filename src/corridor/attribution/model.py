"""The attribution-cue model at run time: a :class:`~corridor.linear_model.LinearModel` over the cue
features, with the content-construction table.

A model folder (by default ``corridor/data/models/attribution_cues``) holds ``weights.npz`` and
``vocab.json`` (see :mod:`corridor.linear_model`) and ``meta.json``: the lemmas worth scoring, the
content-construction table (see :mod:`corridor.attribution.content`), the training settings and the
cross-validation figures.

Nothing here needs scikit-learn.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, ClassVar, Self

import numpy as np

from corridor.attribution.features import FEATURE_VERSION
from corridor.linear_model import META_FILE, VOCAB_FILE, WEIGHTS_FILE, LinearModel

__all__ = ["META_FILE", "VOCAB_FILE", "WEIGHTS_FILE", "CueModel", "load_model", "packaged_model_dir"]


def packaged_model_dir() -> Path:
    from importlib import resources

    return Path(str(resources.files("corridor") / "data" / "models" / "attribution_cues"))


@dataclass
class CueModel(LinearModel):
    """The probability that a candidate word is an attribution cue, and the construction table."""

    table: dict[str, str] = field(default_factory=dict)
    cue_lemmas: frozenset[str] = frozenset()  # the lemmas worth scoring; empty: every candidate

    features_of: ClassVar[str] = "attribution cue"
    feature_version: ClassVar[int] = FEATURE_VERSION

    def meta_to_save(self) -> dict[str, Any]:
        meta = dict(self.meta)
        meta["table"] = dict(sorted(self.table.items()))
        if self.cue_lemmas:
            meta["cue_lemmas"] = sorted(self.cue_lemmas)
        return meta

    @classmethod
    def from_parts(cls, vocab: dict[str, int], coef: np.ndarray, intercept: float, meta: dict[str, Any]) -> Self:
        table = {str(k): str(v) for k, v in (meta.pop("table", None) or {}).items()}
        lemmas = frozenset(str(x) for x in meta.pop("cue_lemmas", None) or ())
        return cls(vocab=vocab, coef=coef, intercept=intercept, meta=meta, table=table, cue_lemmas=lemmas)


@lru_cache(maxsize=4)
def load_model(folder: str | None = None) -> CueModel:
    """The packaged model (or the one in ``folder``), loaded once."""
    return CueModel.load(Path(folder) if folder else packaged_model_dir())
