"""Writes ``MODEL_CARD.md`` for a trained relation classifier from its ``meta.json`` content.

Reads the metadata dict that :func:`corridor.classify.train.fit` builds (training data counts, settings,
cross-validation scores, calibration) and writes a Markdown model card. Speed and memory figures are
added when the caller passes them (the shipped card takes them from ``benchmarks/bench_classify.py``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

__all__ = ["render_model_card", "write_model_card"]


def _pct(v: Any) -> str:
    return f"{float(v):.3f}" if isinstance(v, int | float) else "n/a"


def render_model_card(meta: dict[str, Any], bench: dict[str, Any] | None = None) -> str:
    cv = meta.get("cv") or {}
    cfg = meta.get("config") or {}
    n_train = meta.get("n_train") or {}
    lines = [
        "# PLOVER relation classifier",
        "",
        "Classifies the relation between a marked source and a marked target in one English sentence into one",
        "of 15 PLOVER root labels (AGREE, CONSULT, SUPPORT, COOPERATE, AID, YIELD, REQUEST, ACCUSE, REJECT,",
        "THREATEN, PROTEST, SANCTION, MOBILIZE, COERCE, ASSAULT), with calibrated probabilities and, where the",
        "model knows one, a PLOVER mode.",
        "",
        "## Method",
        "",
        "A linear support-vector model over two blocks of features, followed by softmax temperature scaling:",
        "",
        "- sparse binary features: the words of the sentence with source and target replaced by placeholders",
        "  (unigrams and bigrams), the words between the spans, words next to each span, the words of each span,",
        "  and from the spaCy dependency parse the lemmas and verbs on the path between the two spans, the",
        "  governing verb and its complements, negation, each span's dependency role and preposition;",
        "- dense features: static sub-word embeddings (WordPiece vocabulary, one vector per sub-word, distilled",
        "  from the all-MiniLM-L6-v2 sentence encoder by averaging its contextual token vectors over a corpus)",
        "  mean-pooled over the whole sentence, the source, the target and the words between them.",
        "",
        "The mode is the first mode of the predicted label whose cue words occur in the sentence (`modes.yaml`).",
        "Inference needs numpy and spaCy only (no deep-learning runtime, no network); the spaCy pipeline runs",
        "without its entity recognizer, attribute ruler and lemmatizer (POS from the tagger's tags, lemmas from",
        "the rule lemmatizer with a cache).",
        "",
        f"Settings: C = {cfg.get('c')}, dense block scale = {cfg.get('dense_scale')}, seed = {cfg.get('seed')},"
        f" extra training sets = {', '.join(cfg.get('extra') or []) or 'none'}"
        f" (weight {cfg.get('extra_weight')}), {meta.get('n_features')} sparse features,"
        f" embedding dimension {meta.get('embedding_dim')}, spaCy pipeline {meta.get('spacy_model')},"
        f" feature version {meta.get('feature_version')}.",
        "",
        "## Training data",
        "",
        f"- PLV training split (Zero-Shot-PLOVER, `zsp-plv/datasets__PLV_train.tsv`): {n_train.get('plv', 0)}"
        " marked (sentence, source, target) rows with a gold PLOVER root label. Licence: not stated by its authors.",
        f"- PLOVER gold-standard records (`plover/gold_standard_records__PLOVER_GSR_CAMEO.txt`, CC BY-SA 4.0):"
        f" {n_train.get('plover', 0)} records with a source and target found in the text; old labels mapped"
        " (DEMAND -> REQUEST, DISAPPROVE and INVESTIGATE -> ACCUSE, FIGHT -> ASSAULT, CONCEDE and RETREAT -> YIELD).",
        f"- NGEC synthetic headlines (`ngec-synthetic`, licence unclear): {n_train.get('ngec', 0)} distinct"
        " filled-in headline prompts with two actors (first = source, second = target) and the story's"
        " pseudo-label and mode; CONCEDE and RETREAT mapped to YIELD.",
        "",
        "The corpora are read at training time only; no sentence from them is stored in this folder.",
        "The static embeddings derive from all-MiniLM-L6-v2 (Apache-2.0) and its WordPiece vocabulary.",
        "",
        "## Cross-validation (PLV training split)",
        "",
        f"{cv.get('folds', 'n/a')}-fold cross-validation over the PLV rows, grouped by sentence and stratified by"
        " label; the extra sets join every training fold and never a test fold.",
        "",
        f"- macro-F1: **{_pct(cv.get('macro_f1'))}**",
        f"- accuracy: {_pct(cv.get('accuracy'))}",
        "",
        "| label | precision | recall | F1 | support |",
        "|---|---|---|---|---|",
    ]
    for lab, row in (cv.get("per_class") or {}).items():
        lines.append(
            f"| {lab} | {_pct(row.get('precision'))} | {_pct(row.get('recall'))} | {_pct(row.get('f1'))}"
            f" | {int(row.get('support', 0))} |"
        )
    lines += [
        "",
        "## Calibration",
        "",
        f"Softmax temperature T = {_pct(meta.get('temperature'))}, fitted on the out-of-fold scores by"
        " negative log-likelihood. Expected calibration error (top label, 15 bins) of the out-of-fold"
        " predictions, each fold scaled with a temperature fitted on the other folds:"
        f" **{_pct(cv.get('ece_calibrated'))}** (before scaling, T = 1: {_pct(cv.get('ece_uncalibrated'))});"
        f" negative log-likelihood {_pct(cv.get('nll_calibrated'))}.",
        "",
    ]
    if bench:
        lines += [
            "## Speed and memory",
            "",
            f"Batches of {bench.get('batch_size', 'n/a')} PLV-style sentences, process pinned to"
            f" {bench.get('cores', 2)} cores ({bench.get('machine', '')}):"
            f" {bench.get('cpu_rate', 'n/a')} classifications per CPU-second, spaCy parse included"
            f" ({bench.get('rate', 'n/a')} per wall-clock second at load average {bench.get('load_avg', 'n/a')});"
            f" peak resident memory {bench.get('rss_mb', 'n/a')} MB. Command: `{bench.get('command', '')}`."
            " Loading takes about a second. See `docs/classifier.md`.",
            "",
        ]
    lines += [
        "## Limitations",
        "",
        "- One sentence, one source and one target at a time; English only.",
        "- Trained on about a thousand news sentences plus synthetic headlines: rare classes (COOPERATE,",
        "  MOBILIZE, PROTEST) have few examples and lower F1; the test distribution may differ.",
        "- YIELD is the legacy label that merges PLOVER's CONCEDE and RETREAT; the model does not split it.",
        "- Modes come from cue word lists (`modes.yaml`, written for corridor), not from a trained model: given",
        "  the right label they name a mode for about 70% of the NGEC headlines and PLOVER gold records that have",
        "  one, and that mode is right about 83% of the time; they are None when no cue is found.",
        "- Every input gets one of the 15 labels: there is no 'no event' class.",
        "- The labels and features depend on the spaCy parse; another parser version can shift predictions.",
        "",
    ]
    return "\n".join(lines)


def write_model_card(path: Path, meta: dict[str, Any], bench: dict[str, Any] | None = None) -> None:
    path.write_text(render_model_card(meta, bench), encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    """Re-render ``MODEL_CARD.md`` of a model folder from its ``meta.json`` and a benchmark JSON file."""
    import argparse
    import json

    ap = argparse.ArgumentParser(description="Re-render a classifier's MODEL_CARD.md.")
    ap.add_argument("model_dir", type=Path)
    ap.add_argument("--bench", type=Path, default=None, help="JSON written by benchmarks/bench_classify.py --json")
    args = ap.parse_args(argv)
    meta = json.loads((args.model_dir / "meta.json").read_text(encoding="utf-8"))
    bench = json.loads(args.bench.read_text(encoding="utf-8")) if args.bench else None
    write_model_card(args.model_dir / "MODEL_CARD.md", meta, bench)


if __name__ == "__main__":
    main()
