"""The common report shape and the suite registry behind ``corridor eval SUITE``.

Every suite is a function ``(EvalArgs) -> Report`` registered with :func:`register_suite`. A suite finds
its default data under the corpora folder (``$CORRIDOR_CORPORA``, else ``../shared/corpora`` beside the
working directory or the repository), and ``--data`` points it at any file or folder of the same format.
"""

from __future__ import annotations

import importlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SUITE_MODULES: dict[str, str] = {
    "case2021": "corridor.eval.case2021",
    "petrarch-unit": "corridor.eval.petrarch_unit",
    "plover-gsr": "corridor.eval.plover_gsr",
    "plover-actors": "corridor.eval.plover_gsr",
    "plv": "corridor.eval.plv",
    "polnear": "corridor.eval.polnear",
    "polnear-agreement": "corridor.eval.polnear",
    "te3": "corridor.eval.te3",
    "geo": "corridor.eval.geo",
}


class EvalDataError(RuntimeError):
    """The suite's data is missing or not in the expected format."""


@dataclass
class EvalArgs:
    data: Path | None = None
    dictionaries: Path | None = None
    model: str | None = None
    limit: int | None = None
    options: dict[str, Any] = field(default_factory=dict)


@dataclass
class Report:
    suite: str
    n: int
    overall: dict[str, float]
    per_label: dict[str, dict[str, float]] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "suite": self.suite,
            "n": self.n,
            "overall": self.overall,
            "per_label": self.per_label,
            "extra": self.extra,
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False)


Suite = Callable[[EvalArgs], Report]
_SUITES: dict[str, Suite] = {}


def register_suite(name: str) -> Callable[[Suite], Suite]:
    def deco(fn: Suite) -> Suite:
        _SUITES[name] = fn
        return fn

    return deco


def suites() -> list[str]:
    return sorted(SUITE_MODULES)


def run_suite(name: str, args: EvalArgs) -> Report:
    if name not in SUITE_MODULES:
        raise KeyError(f"unknown suite {name!r}; known: {', '.join(suites())}")
    if name not in _SUITES:
        try:
            importlib.import_module(SUITE_MODULES[name])
        except ModuleNotFoundError as exc:
            raise EvalDataError(f"suite {name!r} is not available in this build: {exc}") from exc
    return _SUITES[name](args)


def corpora_dir() -> Path:
    """Where the public gold data lives: $CORRIDOR_CORPORA, else a ../shared/corpora that exists."""
    env = os.environ.get("CORRIDOR_CORPORA")
    if env:
        return Path(env)
    here = Path(__file__).resolve()
    for base in (Path.cwd(), *here.parents):
        cand = base.parent / "shared" / "corpora"
        if cand.is_dir():
            return cand
    return Path.cwd().parent / "shared" / "corpora"


def default_data(args: EvalArgs, relative: str) -> Path:
    """``args.data`` if given, else ``relative`` under the corpora folder; a clear error when absent."""
    path = args.data if args.data is not None else corpora_dir() / relative
    if not path.exists():
        raise EvalDataError(f"data not found: {path} (give --data PATH or set CORRIDOR_CORPORA)")
    return path


def label_scores(gold: list[str], pred: list[str], labels: list[str]) -> dict[str, dict[str, float]]:
    """Per label: :func:`prf` of the predictions against the gold labels, with the gold count as ``support``."""
    out: dict[str, dict[str, float]] = {}
    for lab in labels:
        tp = sum(g == lab and p == lab for g, p in zip(gold, pred, strict=True))
        fp = sum(g != lab and p == lab for g, p in zip(gold, pred, strict=True))
        fn = sum(g == lab and p != lab for g, p in zip(gold, pred, strict=True))
        out[lab] = {**prf(tp, fp, fn), "support": float(tp + fn)}
    return out


def share(part: float, whole: float) -> float:
    """``part / whole`` to 4 decimals, 0.0 when ``whole`` is 0 (an empty test set scores 0, not an error)."""
    return round(part / whole, 4) if whole else 0.0


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    """Precision, recall and F1 from counts (0.0 where undefined)."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": tp, "fp": fp, "fn": fn}
