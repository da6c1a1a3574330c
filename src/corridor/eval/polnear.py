"""Score the quote stage against PolNeAR attribution relations (``corridor eval polnear``).

Reads a folder in PolNeAR's layout (``text/<slug>.txt`` beside ``attributions/<slug>_<annotator>.ann``, BRAT
standoff; default: the ``dev`` split under ``polnear/`` in the corpora folder, ``options["split"]`` may pick
``train``) and the optional ``metadata.tsv`` one level up (publication dates). Writes nothing; returns a
:class:`~corridor.eval.base.Report`.

Gold. Every ``E`` line with a ``Content`` argument is one attribution (``Content2``, a second content of
the same attribution, is added to it). Its content is the union of its (possibly discontinuous,
``start end;start end``) character spans; its source is the ``Source`` argument when there is one
(``Attribution-no-source`` relations have none). Articles annotated by several annotators are scored once,
against the annotation file that sorts first. The gold does not label direct and indirect speech; the
kind is derived from the content text: ``direct`` when, stripped of punctuation, it is enclosed in
quotation marks piece by piece, ``mixed`` when it contains a quoted stretch, else ``indirect``.

Matching. Spans are compared on their *significant characters*: the offsets of letters and digits inside
them, so that quotation marks, commas and spaces at the edges do not count. For a predicted content P and
a gold content G (sets of such offsets), ``overlap(P, G) = |P ∩ G| / max(|P|, |G|)``. A pair is an *exact*
match when P == G and an *overlap* match when ``overlap >= 0.5`` (so at least half of the longer of the
two is shared). Matching is one-to-one: candidate pairs are taken greedily by descending overlap.
Precision, recall and F1 follow from the matched, unmatched-predicted and unmatched-gold counts.

Speaker accuracy. Of the overlap-matched pairs whose gold attribution has a source, the fraction where
the predicted speaker is right: its span shares a significant character with the gold source span, or
the gold source names the same entity as our resolved speaker (the last capitalized word of the gold
source, e.g. a surname, occurs in our speaker's text or resolved name; this accepts a speaker found at a
different mention of the same person, or a pronoun we resolved to the person the gold names). A gold
source that is a pronoun is compared through its antecedent, taken as the nearest earlier gold source
that is a name. PolNeAR annotates only the outermost attribution of "X said that Y said ...", where we
give the quote to Y with X in ``reported_by``; such a quote counts as right when X is the gold source.

Interval. ``extra["content_f1_ci95"]`` is the 95% percentile interval of the overlap content F1 over
resamplings of the articles with replacement: the spread a figure on this many articles carries, so that a
change smaller than it is not read as a change.
"""

from __future__ import annotations

import csv
import itertools
import json
import re
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from corridor.eval.base import EvalArgs, EvalDataError, Report, corpora_dir, default_data, prf, register_suite, share
from corridor.model import Actor, Article, Quote
from corridor.quoting.base import alnum_chars

QUOTE_CHARS = "\"“”‘’'«»„‟`"
KINDS = ("direct", "indirect", "mixed")
CONFIDENCE_BINS = (0.0, 0.3, 0.5, 0.7, 0.85, 1.0)
BOOTSTRAP_ROUNDS = 2000  # resamplings of the articles for the content F1 interval
BOOTSTRAP_SEED = 0
CONFIDENCE_THRESHOLDS = (0.5, 0.7, 0.85)


@dataclass
class GoldAttribution:
    content: list[tuple[int, int]]
    source: list[tuple[int, int]] = field(default_factory=list)
    cue: list[tuple[int, int]] = field(default_factory=list)
    kind: str = "indirect"


@dataclass
class GoldDoc:
    slug: str
    text: str
    date: str | None
    attributions: list[GoldAttribution]


def _parse_offsets(field_text: str) -> tuple[str, list[tuple[int, int]]] | None:
    label, _, offs = field_text.partition(" ")
    spans: list[tuple[int, int]] = []
    for piece in offs.split(";"):
        parts = piece.split()
        if len(parts) != 2 or not (parts[0].isdigit() and parts[1].isdigit()):
            return None
        spans.append((int(parts[0]), int(parts[1])))
    return label, spans


def read_ann(path: Path) -> list[GoldAttribution]:
    """The attributions of one BRAT ``.ann`` file (span texts are not trusted: they may hold newlines)."""
    spans: dict[str, list[tuple[int, int]]] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        ident = parts[0]
        if re.fullmatch(r"T\d+", ident):
            parsed = _parse_offsets(parts[1])
            if parsed is not None:
                spans[ident] = parsed[1]
        elif re.fullmatch(r"E\d+", ident):
            args: dict[str, str] = {}
            for arg in parts[1].split():
                role, _, ref = arg.partition(":")
                args[role] = ref
            events.append(args)
    out: list[GoldAttribution] = []
    for args in events:
        content: list[tuple[int, int]] = []
        for role in ("Content", "Content2"):
            if args.get(role) in spans:
                content.extend(spans[args[role]])
        if not content:
            continue
        out.append(
            GoldAttribution(
                content=sorted(content),
                source=spans.get(args.get("Source", ""), []),
                cue=spans.get(args.get("Cue", ""), []),
            )
        )
    return out


def parse_docs(nlp: Any, docs: list[GoldDoc], cache: Path | None, split: str) -> list[Any]:
    """The spaCy parses of ``docs``, kept in ``cache`` (a folder, when given) as ``<split>.spacy`` beside the
    slugs they belong to, and read back from there while the slugs are the same (for training runs)."""
    from spacy.tokens import DocBin

    if cache is not None:
        bin_path, slug_path = cache / f"{split}.spacy", cache / f"{split}.slugs.json"
        fresh = bin_path.exists() and slug_path.exists()
        if fresh and json.loads(slug_path.read_text()) == [d.slug for d in docs]:
            return list(DocBin().from_disk(bin_path).get_docs(nlp.vocab))
    parsed = list(nlp.pipe((d.text for d in docs), batch_size=16))
    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)
        db = DocBin(store_user_data=False)
        for p in parsed:
            db.add(p)
        db.to_disk(cache / f"{split}.spacy")
        (cache / f"{split}.slugs.json").write_text(json.dumps([d.slug for d in docs]))
    return parsed


def gold_kind(text: str, spans: list[tuple[int, int]]) -> str:
    """direct / mixed / indirect from the quotation marks in the content text (see the module doc)."""
    pieces = [text[s:e].strip(" \t\n,.;:-—–()[]") for s, e in spans]
    pieces = [p for p in pieces if any(ch.isalnum() for ch in p)]
    if not pieces:
        return "indirect"
    if all(p[0] in QUOTE_CHARS and p[-1] in QUOTE_CHARS for p in pieces):
        return "direct"
    if any(re.search(r"[\"“”«»„]|(?:^|\W)['‘][A-Za-z]", p) for p in pieces):
        return "mixed"
    return "indirect"


def _metadata_dates(root: Path) -> dict[str, str]:
    for cand in (root / "metadata.tsv", root.parent / "metadata.tsv"):
        if cand.is_file():
            with cand.open(encoding="utf-8") as fh:
                return {
                    row["filename"]: row.get("publication_date", "")
                    for row in csv.DictReader(fh, delimiter="\t")
                    if row.get("filename")
                }
    return {}


def resolve_split(args: EvalArgs) -> Path:
    """The split folder: ``--data`` (a split folder, or PolNeAR's root with the split picked by option)."""
    split = str(args.options.get("split", "dev"))
    path = default_data(args, f"polnear/{split}" if args.data is None else "")
    if not (path / "attributions").is_dir() and (path / split / "attributions").is_dir():
        path = path / split
    if not (path / "attributions").is_dir() or not (path / "text").is_dir():
        raise EvalDataError(f"{path} is not in PolNeAR's layout (text/ and attributions/ folders)")
    return path


def load_docs(path: Path, limit: int | None = None) -> list[GoldDoc]:
    """The gold documents of one split folder, one annotation file per text, in name order."""
    dates = _metadata_dates(path.parent)
    by_slug: dict[str, Path] = {}
    for ann in sorted((path / "attributions").glob("*.ann")):
        slug = ann.stem.rsplit("_", 1)[0]
        if slug not in by_slug and (path / "text" / f"{slug}.txt").is_file():
            by_slug[slug] = ann
    docs: list[GoldDoc] = []
    for slug in sorted(by_slug):
        if limit is not None and len(docs) >= limit:
            break
        text = (path / "text" / f"{slug}.txt").read_text(encoding="utf-8")
        attrs = read_ann(by_slug[slug])
        for a in attrs:
            a.kind = gold_kind(text, a.content)
        docs.append(GoldDoc(slug=slug, text=text, date=dates.get(slug) or None, attributions=attrs))
    return docs


def significant(text: str, spans: list[tuple[int, int]]) -> frozenset[int]:
    """Offsets of the letters and digits inside ``spans`` (as the quote stage compares contents)."""
    return frozenset(alnum_chars(text, spans))


def overlap(a: frozenset[int], b: frozenset[int]) -> float:
    """``|a ∩ b| / max(|a|, |b|)``; 0.0 when either is empty."""
    if not a or not b:
        return 0.0
    return len(a & b) / max(len(a), len(b))


def match(pred: list[frozenset[int]], gold: list[frozenset[int]], threshold: float) -> list[tuple[int, int]]:
    """One-to-one (pred index, gold index) pairs with overlap >= threshold, greedy by overlap."""
    cands: list[tuple[float, int, int]] = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            if p and g and min(p) <= max(g) and min(g) <= max(p):
                ov = overlap(p, g)
                if ov >= threshold:
                    cands.append((ov, i, j))
    cands.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, i, j in cands:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        pairs.append((i, j))
    return pairs


_WORD = re.compile(r"[A-Za-z][\w'’.-]*")


def _name_key(text: str) -> str | None:
    caps = [w for w in _WORD.findall(text) if w[0].isupper() and w.lower() not in {"the", "a", "an"}]
    if not caps:
        return None
    return caps[-1].rstrip(".’'").split("’")[0].split("'")[0].lower() or None


PRONOUNS = {"he", "she", "they", "him", "her", "his", "their", "them", "i", "we", "who", "it", "its"}


def _same_actor(text: str, actor: Actor, source: list[tuple[int, int]], antecedent: str | None) -> bool:
    if significant(text, [(actor.start, actor.end)]) & significant(text, source):
        return True
    source_text = " ".join(text[s:e] for s, e in source)
    if source_text.strip().lower() in PRONOUNS and antecedent:
        source_text = antecedent
    key = _name_key(source_text)
    if key is None:
        return False
    words = {w.lower().rstrip(".’'") for w in _WORD.findall(f"{actor.text} {actor.name or ''}")}
    words |= {w.split("’")[0].split("'")[0] for w in words}
    return key in words


def gold_antecedent(text: str, doc: GoldDoc, gold: GoldAttribution) -> str | None:
    """For a gold source that is a pronoun, the nearest earlier gold source that is not one."""
    if not gold.source:
        return None
    start = gold.source[0][0]
    best: tuple[int, str] | None = None
    for other in doc.attributions:
        if not other.source or other.source[0][0] >= start:
            continue
        src = " ".join(text[s:e] for s, e in other.source)
        if src.strip().lower() in PRONOUNS or _name_key(src) is None:
            continue
        if best is None or other.source[0][0] > best[0]:
            best = (other.source[0][0], src)
    return best[1] if best else None


def speaker_ok(text: str, quote: Quote, gold: GoldAttribution, antecedent: str | None = None) -> bool:
    """Whether ``quote``'s speaker is the gold source (see the module doc): the same span, the same name,
    the antecedent of a gold pronoun, or, for a quote we found inside a report, one of its reporters
    (PolNeAR annotates the outermost attribution of "X said that Y said ...")."""
    if not gold.source:
        return False
    actors = ([quote.speaker] if quote.speaker else []) + list(quote.reported_by)
    return any(_same_actor(text, a, gold.source, antecedent) for a in actors)


STAGE_OPTIONS = {"quote_min_confidence", "quote_confidence", "attribution_threshold"}


def pred_spans(quote: Quote) -> list[tuple[int, int]]:
    return [(int(s), int(e)) for s, e in quote.spans]


def _pipeline(args: EvalArgs) -> tuple[Any, tuple[str, ...]]:
    """The pipeline scored: ``--option stages=a,b`` (default: actors, quotes); the stage options
    ``quote_min_confidence``, ``quote_confidence`` and ``attribution_threshold`` pass through to it."""
    from corridor.pipeline import Pipeline, PipelineConfig

    stages = tuple(x.strip() for x in str(args.options.get("stages", "actors,quotes")).split(",") if x.strip())
    passed = {k: v for k, v in args.options.items() if k in STAGE_OPTIONS}
    try:
        return Pipeline(PipelineConfig(model=args.model, stages=stages, options=passed)), stages
    except ValueError as exc:  # an unknown stage name
        raise EvalDataError(str(exc)) from None


@register_suite("polnear")
def run(args: EvalArgs) -> Report:
    """Content P/R/F1 (exact and overlap >= 0.5) and speaker accuracy on a PolNeAR split."""
    path = resolve_split(args)
    docs = load_docs(path, args.limit)
    if not docs:
        raise EvalDataError(f"no annotated texts under {path}")
    pipe, stages = _pipeline(args)

    exact = [0, 0, 0]
    over = [0, 0, 0]
    kind_counts: dict[str, list[int]] = {k: [0, 0, 0] for k in KINDS}
    act_counts: dict[str, list[int]] = {}  # act -> [predicted, matched] (the gold has no acts: precision only)
    spk_right = spk_total = 0
    n_pred = n_gold = 0
    failures = 0
    confidences: list[float] = []
    rights: list[int] = []
    per_doc: dict[str, tuple[int, int, int]] = {}  # slug -> (matched, false positives, missed) at overlap >= 0.5
    t0 = time.perf_counter()
    for doc in docs:
        try:
            coded = pipe(Article(text=doc.text, doc_id=doc.slug, date=doc.date))
            quotes: list[Quote] = list(coded.quotes)
            failures += bool(coded.errors)  # a stage failed on it (its layer may be empty)
        except Exception:  # one bad article must not sink the run
            failures += 1
            quotes = []
        text = doc.text
        p_sets = [significant(text, pred_spans(q)) for q in quotes]
        keep = [i for i, s in enumerate(p_sets) if s]
        quotes = [quotes[i] for i in keep]
        p_sets = [p_sets[i] for i in keep]
        g_sets = [significant(text, g.content) for g in doc.attributions]
        n_pred += len(p_sets)
        n_gold += len(g_sets)

        ex_pairs = [(i, j) for i, j in match(p_sets, g_sets, 1.0) if p_sets[i] == g_sets[j]]
        exact[0] += len(ex_pairs)
        exact[1] += len(p_sets) - len(ex_pairs)
        exact[2] += len(g_sets) - len(ex_pairs)

        pairs = match(p_sets, g_sets, 0.5)
        over[0] += len(pairs)
        over[1] += len(p_sets) - len(pairs)
        over[2] += len(g_sets) - len(pairs)
        per_doc[doc.slug] = (len(pairs), len(p_sets) - len(pairs), len(g_sets) - len(pairs))
        matched_p = {i for i, _ in pairs}
        matched_g = {j for _, j in pairs}
        confidences += [q.confidence for q in quotes]
        rights += [int(i in matched_p) for i in range(len(quotes))]
        for i, j in pairs:
            gold = doc.attributions[j]
            kind_counts[gold.kind][0] += 1
            if gold.source:
                spk_total += 1
                spk_right += speaker_ok(text, quotes[i], gold, gold_antecedent(text, doc, gold))
        for j, g in enumerate(doc.attributions):
            if j not in matched_g:
                kind_counts[g.kind][2] += 1
        for i, q in enumerate(quotes):
            if i not in matched_p:
                kind_counts[q.kind if q.kind in KINDS else "indirect"][1] += 1
            counts = act_counts.setdefault(q.act, [0, 0])
            counts[0] += 1
            counts[1] += i in matched_p
    elapsed = time.perf_counter() - t0

    ex = prf(*exact)
    ov = prf(*over)
    overall = {
        "content_p_exact": ex["precision"],
        "content_r_exact": ex["recall"],
        "content_f1_exact": ex["f1"],
        "content_p": ov["precision"],
        "content_r": ov["recall"],
        "content_f1": ov["f1"],
        "speaker_accuracy": share(spk_right, spk_total),
    }
    conf = calibration(confidences, rights, n_gold)
    overall["confidence_auc"] = conf["auc"]
    per_label = {k: prf(*v) for k, v in kind_counts.items()}
    for name, at in conf["at"].items():  # the quotes at or above a confidence, as matched in the whole run
        per_label[f"confidence {name}"] = prf(at["tp"], at["kept"] - at["tp"], n_gold - at["tp"])
    extra: dict[str, Any] = {
        "data": str(path),
        "stages": list(stages),
        "predicted": n_pred,
        "gold": n_gold,
        "speaker_scored": spk_total,
        "speaker_right": spk_right,
        "exact": ex,
        "overlap": ov,
        "content_f1_ci95": bootstrap_f1(list(per_doc.values())),
        "content_f1_ci95_note": f"95% percentile interval of content F1 (overlap >= 0.5) over {BOOTSTRAP_ROUNDS:,}"
        f" resamplings of the articles with replacement (seed {BOOTSTRAP_SEED})",
        "failures": failures,
        "docs_per_s": round(len(docs) / elapsed, 2) if elapsed else None,
        "overlap_threshold": 0.5,
        "per_label_note": "gold kind derived from quotation marks; false positives counted under the predicted kind;"
        " 'confidence >=t': the quotes at or above confidence t, as matched in the whole run",
        "confidence": conf,
        "per_article": {slug: list(c) for slug, c in per_doc.items()},
        "acts": {
            act: {"predicted": n, "matched": m, "precision": share(m, n)}
            for act, (n, m) in sorted(act_counts.items(), key=lambda kv: -kv[1][0])
        },
    }
    return Report(suite="polnear", n=len(docs), overall=overall, per_label=per_label, extra=extra)


def bootstrap_f1(
    per_doc: Sequence[tuple[int, int, int]], rounds: int = BOOTSTRAP_ROUNDS, seed: int = BOOTSTRAP_SEED
) -> list[float] | None:
    """The 95% percentile interval of F1 over resamplings of the articles with replacement, from each
    article's (matched, false positives, missed): how far the figure could move on another sample of articles
    like these (with 84 dev articles, about 0.05 wide). None without articles."""
    if not per_doc:
        return None
    counts = np.asarray(per_doc, dtype=np.int64)
    return _interval(_resampled_f1(counts, _draws(len(counts), rounds, seed)))


def bootstrap_f1_change(
    before: Mapping[str, Sequence[int]],
    after: Mapping[str, Sequence[int]],
    rounds: int = BOOTSTRAP_ROUNDS,
    seed: int = BOOTSTRAP_SEED,
) -> dict[str, Any]:
    """The F1 of ``after`` minus that of ``before`` (two runs' ``per_article`` counts: slug -> matched, false
    positives, missed) on the articles both scored, with its 95% interval over resamplings of those articles,
    the same draws for both runs: whether a change is larger than what the choice of articles moves."""
    common = sorted(set(before) & set(after))
    if not common:
        raise EvalDataError("the two runs share no article")
    a = np.asarray([before[s] for s in common], dtype=np.int64)
    b = np.asarray([after[s] for s in common], dtype=np.int64)
    idx = _draws(len(common), rounds, seed)
    f1_a, f1_b = (float(_resampled_f1(c, np.arange(len(c))[None, :])[0]) for c in (a, b))  # all articles once
    return {
        "articles": len(common),
        "before": round(f1_a, 4),
        "after": round(f1_b, 4),
        "change": round(f1_b - f1_a, 4),
        "change_ci95": _interval(_resampled_f1(b, idx) - _resampled_f1(a, idx)),
    }


def _draws(n: int, rounds: int, seed: int) -> np.ndarray:
    """``rounds`` resamplings of ``n`` articles with replacement (indices), repeatable by the seed."""
    return np.random.default_rng(seed).integers(0, n, size=(rounds, n))


def _resampled_f1(counts: np.ndarray, idx: np.ndarray) -> np.ndarray:
    """F1 of each resampling: ``counts`` is (articles, 3) of matched, false positives, missed."""
    tp, fp, fn = counts[idx].sum(axis=1).T
    denom = 2 * tp + fp + fn
    return np.divide(2 * tp, denom, out=np.zeros(len(tp)), where=denom > 0)


def _interval(values: np.ndarray) -> list[float]:
    lo, hi = np.percentile(values, [2.5, 97.5])
    return [round(float(lo), 4), round(float(hi), 4)]


def ranking_auc(probs: Sequence[float], labels: Sequence[int]) -> float:
    """The probability that a right quotation scores above a wrong one (ties count half)."""
    order = np.argsort(np.asarray(probs), kind="mergesort")
    ranks = np.empty(len(order))
    sorted_p = np.asarray(probs)[order]
    i = 0
    while i < len(order):  # average ranks over ties
        j = i
        while j + 1 < len(order) and sorted_p[j + 1] == sorted_p[i]:
            j += 1
        ranks[order[i : j + 1]] = (i + j) / 2 + 1
        i = j + 1
    y = np.asarray(labels)
    pos, neg = int(y.sum()), int(len(y) - y.sum())
    if not pos or not neg:
        return 0.0
    return float((ranks[y == 1].sum() - pos * (pos + 1) / 2) / (pos * neg))


def calibration(probs: Sequence[float], labels: Sequence[int], n_gold: int) -> dict[str, Any]:
    """Observed precision per confidence bin, and precision / recall of the quotations at or above each
    threshold."""
    p, y = np.asarray(probs), np.asarray(labels)
    bins = []
    for lo, hi in itertools.pairwise(CONFIDENCE_BINS):
        sel = (p >= lo) & ((p < hi) if hi < 1.0 else (p <= hi))
        bins.append(
            {
                "bin": f"{lo:.2f}-{hi:.2f}",
                "n": int(sel.sum()),
                "mean_confidence": round(float(p[sel].mean()), 3) if sel.any() else None,
                "observed": round(float(y[sel].mean()), 3) if sel.any() else None,
            }
        )
    at = {}
    for t in CONFIDENCE_THRESHOLDS:
        sel = p >= t
        tp = int(y[sel].sum())
        at[f">={t}"] = {
            "tp": tp,
            "kept": int(sel.sum()),
            "share": round(float(sel.mean()), 3) if len(p) else 0.0,
            "precision": round(tp / int(sel.sum()), 3) if sel.any() else 0.0,
            "recall": round(tp / n_gold, 3) if n_gold else 0.0,
        }
    brier = float(((p - y) ** 2).mean()) if len(p) else 0.0
    return {"bins": bins, "at": at, "brier": round(brier, 4), "auc": round(ranking_auc(probs, labels), 4)}


def multiply_annotated(path: Path) -> list[tuple[str, str, list[list[GoldAttribution]]]]:
    """(slug, text, one attribution list per annotator) for the articles of a split folder that several
    annotators annotated."""
    by_slug: dict[str, list[Path]] = {}
    for ann in sorted((path / "attributions").glob("*.ann")):
        by_slug.setdefault(ann.stem.rsplit("_", 1)[0], []).append(ann)
    out = []
    for slug, anns in sorted(by_slug.items()):
        txt = path / "text" / f"{slug}.txt"
        if len(anns) >= 2 and txt.is_file():
            out.append((slug, txt.read_text(encoding="utf-8"), [read_ann(a) for a in anns]))
    return out


def _count(pred: list[frozenset[int]], gold: list[frozenset[int]], over: list[int], exact: list[int]) -> None:
    pairs = match(pred, gold, 0.5)
    over[0] += len(pairs)
    over[1] += len(pred) - len(pairs)
    over[2] += len(gold) - len(pairs)
    ex = [(i, j) for i, j in match(pred, gold, 1.0) if pred[i] == gold[j]]
    exact[0] += len(ex)
    exact[1] += len(pred) - len(ex)
    exact[2] += len(gold) - len(ex)


@register_suite("polnear-agreement")
def run_agreement(args: EvalArgs) -> Report:
    """How far apart PolNeAR's own annotators are, on the same content metric as ``polnear``.

    Some articles were annotated by five or six annotators. On those, every annotator is scored against
    every other (content P/R/F1 at exact match and at overlap >= 0.5, summed over ordered pairs), and
    corridor's quotes are scored against each annotator in turn. The default reads both splits
    (``--option split=dev`` or ``split=train`` picks one; ``--data`` a folder in PolNeAR's layout).
    """
    split = str(args.options.get("split", "all"))
    if args.data is not None:
        folders = [resolve_split(args)]
    else:
        names = ["train", "dev"] if split == "all" else [split]
        folders = [resolve_split(EvalArgs(options={"split": name})) for name in names]
    articles = [a for folder in folders for a in multiply_annotated(folder)]
    if args.limit is not None:
        articles = articles[: args.limit]
    if not articles:
        raise EvalDataError(f"no article with two or more annotation files under {', '.join(map(str, folders))}")
    pipe, stages = _pipeline(args)
    human_over, human_exact = [0, 0, 0], [0, 0, 0]
    ours_over, ours_exact = [0, 0, 0], [0, 0, 0]
    annotators = 0
    for slug, text, per_annotator in articles:
        sets = [[significant(text, g.content) for g in attrs] for attrs in per_annotator]
        annotators += len(sets)
        for a, b in ((a, b) for a in range(len(sets)) for b in range(len(sets)) if a != b):
            _count(sets[a], sets[b], human_over, human_exact)
        quotes = pipe(Article(text=text, doc_id=slug)).quotes
        pred = [p for p in (significant(text, pred_spans(q)) for q in quotes) if p]
        for gold in sets:
            _count(pred, gold, ours_over, ours_exact)
    human, ours = prf(*human_over), prf(*ours_over)
    overall = {
        "annotators_f1": human["f1"],
        "annotators_f1_exact": prf(*human_exact)["f1"],
        "corridor_p": ours["precision"],
        "corridor_r": ours["recall"],
        "corridor_f1": ours["f1"],
        "corridor_f1_exact": prf(*ours_exact)["f1"],
    }
    extra = {
        "data": [str(f) for f in folders],
        "stages": list(stages),
        "annotations": annotators,
        "note": "annotators: every ordered pair of annotators of an article; corridor: against each annotator",
    }
    return Report(suite="polnear-agreement", n=len(articles), overall=overall, extra=extra)


__all__ = [
    "GoldAttribution",
    "GoldDoc",
    "corpora_dir",
    "load_docs",
    "match",
    "multiply_annotated",
    "overlap",
    "read_ann",
    "run",
    "run_agreement",
]
