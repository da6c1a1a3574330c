"""Run every ``corridor eval`` suite on the shared gold data and write ``docs/evaluation.md``.

Usage: ``.venv/bin/python benchmarks/run_evals.py [--suites te3,geo,...] [--out docs/evaluation.md]``.
Each suite's full JSON report goes to ``benchmarks/results/eval-SUITE.json``.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from machine import describe

from corridor.eval.base import EvalArgs, EvalDataError, run_suite, suites

ROOT = Path(__file__).resolve().parents[1]
HEADLINE = {
    "case2021": ["accuracy", "coarse_accuracy", "macro_f1", "false_alarm"],
    "petrarch-unit": ["exact_recall", "precision", "spurious"],
    "plover-gsr": ["accuracy", "macro_f1"],
    "plover-actors": ["accuracy", "found_accuracy", "coverage"],
    "plv": ["macro_f1", "accuracy"],
    "polnear": ["content_f1", "content_f1_exact", "speaker_accuracy", "confidence_auc"],
    "polnear-agreement": ["annotators_f1", "corridor_f1", "annotators_f1_exact", "corridor_f1_exact"],
    "te3": ["f1", "precision", "recall", "extent_f1_strict"],
    "geo": ["resolution_acc161", "recognition_overlap_f1", "e2e_acc161"],
}


PER_LABEL_ROWS = {"geo"}  # suites whose per-corpus figures get their own rows


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--suites", default=",".join(suites()))
    ap.add_argument("--out", default=str(ROOT / "docs" / "evaluation.md"))
    args = ap.parse_args()
    results_dir = ROOT / "benchmarks" / "results"
    results_dir.mkdir(parents=True, exist_ok=True)
    rows = []
    for name in args.suites.split(","):
        t0 = time.perf_counter()
        try:
            rep = run_suite(name, EvalArgs())
        except (EvalDataError, KeyError) as exc:
            rows.append(f"| `{name}` | not run: {exc} | | |")
            continue
        secs = time.perf_counter() - t0
        rep.extra.pop("per_article", None)  # keyed by the corpus's file names (its headlines): not kept in the repo
        (results_dir / f"eval-{name}.json").write_text(rep.to_json() + "\n", encoding="utf-8")
        keys = [k for k in HEADLINE.get(name, []) if k in rep.overall] or list(rep.overall)[:4]
        figures = ", ".join(f"{k} {rep.overall[k]:.3f}" for k in keys if isinstance(rep.overall[k], (int, float)))
        rows.append(f"| `{name}` | {figures} | {rep.n} | {secs:.0f} s |")
        if name in PER_LABEL_ROWS:
            for label, vals in sorted(rep.per_label.items()):
                sub = ", ".join(f"{k} {vals[k]:.3f}" for k in keys if isinstance(vals.get(k), (int, float)))
                rows.append(f"| `{name}` {label} | {sub} | | |")
        print(name, figures, flush=True)
    run = set(args.suites.split(","))
    kept = [r for r in _existing_rows(Path(args.out)) if r.split("`")[1] not in run]
    rows = sorted(kept + rows, key=lambda r: r.split("`")[1])  # suites not run keep their last figures
    text = EVAL_DOC.format(machine=describe(), date=time.strftime("%Y-%m-%d"), rows="\n".join(rows))
    Path(args.out).write_text(text, encoding="utf-8")


def _existing_rows(path: Path) -> list[str]:
    """The suite rows of the page as last written (empty when there is none)."""
    if not path.exists():
        return []
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("| `")]


EVAL_DOC = """# Evaluation

Every figure below is produced by one command, from a clone with the shared gold data beside it
(`../shared/corpora`, or `CORRIDOR_CORPORA=/path/to/corpora`):

```bash
.venv/bin/python benchmarks/run_evals.py            # all suites; rewrites this page (--suites a,b: those rows)
.venv/bin/corridor eval SUITE --report out.json     # one suite, with its per-label table
```

Full reports (per label, errors) are in `benchmarks/results/eval-SUITE.json`.
Last run: {date}, on {machine}.

| suite | headline figures | n | time |
|---|---|---|---|
{rows}

## What each suite measures

- `petrarch-unit`: PETRARCH 2's unit-test records coded with their own dictionaries (`docs/petrarch.md`):
  exact match of (source, target, event code); `spurious_rate` is the share of no-event records where an
  event was produced.
- `plover-gsr`: PLOVER gold-standard records coded with the built-in lexicon: event category accuracy
  (`docs/events.md`).
- `plover-actors`: the same records: the share of gold source and target actors carrying a country code whose
  country we got right (a missed actor counts as wrong); `found_accuracy` over the actors we found.
- `plv`: the relation classifier's cross-validated macro-F1 on the PLV training split (`docs/classifier.md`).
- `polnear`: quotation content spans (exact and 50%-overlap F1) and speaker accuracy on PolNeAR dev
  (`docs/quotes.md`); `confidence_auc`: how well `Quote.confidence` ranks right quotations above wrong ones.
- `polnear-agreement`: on the 18 PolNeAR articles (train and dev) that five or six people annotated, the
  same content F1 between every two annotators, and corridor's against each annotator: how close the
  quote stage comes to human agreement.
- `te3`: TempEval-3 platinum time expressions, value F1 (`docs/time.md`); dateparser alone is in the report.
- `geo`: GeoWebNews and LGL toponym resolution within 161 km given gold spans, and end-to-end recognition
  (`docs/places.md`).
"""

if __name__ == "__main__":
    main()
