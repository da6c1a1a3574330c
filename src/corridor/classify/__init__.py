"""PLOVER relation classifier: label the relation between a source and a target span of a sentence.

Reads the shipped model folder ``corridor/data/models/plover_classifier`` (or one written by
``corridor train-classifier``) and the spaCy English pipeline; writes :class:`Prediction` records
(label, mode or None, calibrated probabilities over the 15 PLV labels).

Example::

    from corridor.classify import load_classifier
    clf = load_classifier()
    clf.predict("Rebels fired rockets at the base.", "Rebels", "the base").label   # 'ASSAULT'
"""

from __future__ import annotations

import functools
from pathlib import Path

from spacy.language import Language

from corridor.classify.features import Item, MarkupError, make_item, parse_marked
from corridor.classify.model import LABELS, ModelWeights, Prediction, RelationClassifier

__all__ = [
    "LABELS",
    "Item",
    "MarkupError",
    "Prediction",
    "RelationClassifier",
    "default_model_dir",
    "load_classifier",
    "make_item",
    "parse_marked",
]


def default_model_dir() -> Path:
    """The packaged model folder."""
    from corridor.classify.train import packaged_model_dir

    return packaged_model_dir()


@functools.lru_cache(maxsize=4)
def _cached(path: str | None, model: str | None) -> RelationClassifier:
    from corridor.pipeline import load_nlp

    folder = Path(path) if path else default_model_dir()
    weights = ModelWeights.load(folder)
    return RelationClassifier(weights, load_nlp(model))


def load_classifier(
    path: str | Path | None = None, nlp: Language | None = None, model: str | None = None
) -> RelationClassifier:
    """The relation classifier (cached per model folder and spaCy model name).

    ``path`` is a model folder (default: the packaged one); ``nlp`` an already loaded spaCy pipeline to
    share (then nothing is cached); ``model`` the spaCy pipeline name (default: corridor's).
    """
    if nlp is not None:
        folder = Path(path) if path else default_model_dir()
        return RelationClassifier(ModelWeights.load(folder), nlp)
    return _cached(str(path) if path else None, model)
