"""Is a change in PolNeAR content F1 larger than the choice of articles? Compares two `corridor eval polnear`
reports article by article (paired bootstrap over the articles both scored).

    .venv/bin/corridor eval polnear --report before.json      # at the old commit or settings
    .venv/bin/corridor eval polnear --report after.json       # at the new ones
    .venv/bin/python benchmarks/compare_polnear.py before.json after.json

Prints the two F1 figures, the change and its 95% interval; an interval that holds 0 means the articles cannot
tell the two runs apart.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from corridor.eval.base import EvalDataError
from corridor.eval.polnear import bootstrap_f1_change


def per_article(path: Path) -> dict[str, list[int]]:
    """The ``per_article`` counts of a saved polnear report."""
    try:
        report = json.loads(path.read_text(encoding="utf-8"))
        return dict(report["extra"]["per_article"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise EvalDataError(f"{path}: not a polnear report with per-article counts ({exc})") from None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("before", type=Path)
    ap.add_argument("after", type=Path)
    args = ap.parse_args(argv)
    try:
        res = bootstrap_f1_change(per_article(args.before), per_article(args.after))
    except EvalDataError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    lo, hi = res["change_ci95"]
    print(
        f"{res['articles']} articles: content F1 {res['before']:.4f} -> {res['after']:.4f}, change"
        f" {res['change']:+.4f} (95% interval {lo:+.4f} to {hi:+.4f})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
