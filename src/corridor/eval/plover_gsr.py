"""PLOVER gold-standard records: event category accuracy (``plover-gsr``) and actor country accuracy
(``plover-actors``).

Data: the PLOVER GSR file (a JSON list of records with ``text``, ``event``, ``source``/``target`` actor lists
and a ``textInfo.markup`` that marks the event words ``(EVT: ...)``); old labels are remapped to current
ones (DEMAND -> REQUEST, DISAPPROVE and INVESTIGATE -> ACCUSE, FIGHT -> ASSAULT). Each record's text is
coded with the built-in lexicon: no PETRARCH dictionaries, and no relation classifier (whose training data
includes these records).

``plover-gsr``: the predicted category of a record is that of the event whose trigger is one of the marked
event words, else of the most confident event; a record with no event counts as wrong (label ``NONE``).
Accuracy = correct / records; per-label precision, recall and F1 over the same predictions.

``plover-actors``: for every gold source or target actor whose code is a country (CAMEO codes mapped to
ISO 3166 alpha-3 by ``data/eval/cameo_legacy_countries.tsv``), the actor mention that overlaps the gold actor
text in the sentence must carry that country. Accuracy over all such gold actors (a missed actor counts as
wrong); ``found_accuracy`` over the ones we found.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

from corridor.eval.base import EvalArgs, Report, default_data, label_scores, prf, register_suite, share
from corridor.model import Article, CodedArticle
from corridor.ontology import get_ontology
from corridor.resources import packaged_tsv

GSR_PATH = "plover/gold_standard_records__PLOVER_GSR_CAMEO.txt"
EVT = re.compile(r"\(EVT:\s*([^)]*)\)")


def load_records(path: Path) -> list[dict[str, Any]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return [r for r in data if r.get("text") and r.get("event") and r.get("event") != "DOCUMENT"]


def _gold_label(label: str) -> str:
    return get_ontology().normalize_plover(label)


def _event_words(rec: dict[str, Any]) -> set[str]:
    info = rec.get("textInfo")
    markup = info.get("markup", "") if isinstance(info, dict) else str(info or "")
    words: set[str] = set()
    for chunk in EVT.findall(markup):
        for w in re.findall(r"[\w'-]+", chunk):
            words.update({w.lower(), *w.lower().split("-")})  # "re-open": the parser's trigger is "open"
    return words


def _code_all(records: list[dict[str, Any]], args: EvalArgs) -> list[CodedArticle]:
    from corridor.api import get_pipeline

    # The built-in lexicon alone: the packaged relation classifier is trained on these records, so it is
    # left out. ``--option classifier=DIR`` adds the classify stage with a model trained without them
    # (``corridor train-classifier --extra ngec --out DIR``).
    stages: tuple[str, ...] = ("times", "places", "actors", "quotes", "events")
    options: dict[str, Any] = {}
    model_dir = args.options.get("classifier")
    if model_dir:
        stages += ("classify",)
        options["classifier_model"] = str(model_dir)
    pipe = get_pipeline(model=args.model, stages=stages, **options)
    # the records' dates are placeholders (2000-01-01) for events of many years: code them undated
    arts = [Article(text=r["text"], doc_id=r.get("id", f"r{i}"), date=None) for i, r in enumerate(records)]
    return list(pipe.pipe(arts))


def predict_category(coded: CodedArticle, event_words: set[str]) -> str:
    evs = [e for e in coded.events if e.plover]
    if not evs:
        return "NONE"
    marked = [e for e in evs if e.trigger.text.lower() in event_words]
    pick = max(marked or evs, key=lambda e: e.confidence)
    return get_ontology().normalize_plover(pick.plover or "NONE")


@register_suite("plover-gsr")
def plover_gsr(args: EvalArgs) -> Report:
    records = load_records(default_data(args, GSR_PATH))
    if args.limit:
        records = records[: args.limit]
    coded = _code_all(records, args)
    gold = [_gold_label(r["event"]) for r in records]
    pred = [predict_category(c, _event_words(r)) for c, r in zip(coded, records, strict=True)]
    correct = sum(g == p for g, p in zip(gold, pred, strict=True))
    labels = sorted(set(gold) | {p for p in pred if p != "NONE"})
    per_label = label_scores(gold, pred, labels)
    tp_all, fp_all, fn_all = (int(sum(v[k] for v in per_label.values())) for k in ("tp", "fp", "fn"))
    n = len(records)
    micro = prf(tp_all, fp_all, fn_all)
    no_event = sum(p == "NONE" for p in pred)
    confusion = Counter(f"{g}->{p}" for g, p in zip(gold, pred, strict=True) if g != p)
    overall = {
        "accuracy": share(correct, n),
        "precision": micro["precision"],
        "recall": micro["recall"],
        "f1": micro["f1"],
        "macro_f1": share(sum(v["f1"] for v in per_label.values()), len(per_label)),
    }
    return Report(
        suite="plover-gsr",
        n=n,
        overall=overall,
        per_label=per_label,
        extra={
            "records_without_event": no_event,
            "top_confusions": dict(confusion.most_common(15)),
            "errors": [
                {"id": r.get("id"), "gold": g, "pred": p} for r, g, p in zip(records, gold, pred, strict=True) if g != p
            ],
        },
    )


def _legacy_countries() -> dict[str, str]:
    return {r["cameo"]: r["iso3"] for r in packaged_tsv("eval/cameo_legacy_countries.tsv")}


def _gold_country(code: str) -> str | None:
    import pycountry

    code = (code or "").strip().upper()[:3]
    legacy = _legacy_countries()
    if code in legacy:
        return legacy[code]
    return code if pycountry.countries.get(alpha_3=code) is not None else None


@register_suite("plover-actors")
def plover_actors(args: EvalArgs) -> Report:
    records = load_records(default_data(args, GSR_PATH))
    if args.limit:
        records = records[: args.limit]
    coded = _code_all(records, args)
    total = right = found = 0
    per_role: dict[str, Counter[str]] = {"source": Counter(), "target": Counter()}
    errors = []
    for rec, art in zip(records, coded, strict=True):
        text = rec["text"]
        for role in ("source", "target"):
            actors = rec.get(role)
            if not isinstance(actors, list):
                continue
            for g in actors:
                country = _gold_country(g.get("code", ""))
                gtext = (g.get("actorText") or "").strip()
                if country is None or not gtext:
                    continue
                pos = text.find(gtext)
                if pos < 0:
                    pos = text.lower().find(gtext.lower())
                if pos < 0:
                    continue
                total += 1
                per_role[role]["n"] += 1
                span = (pos, pos + len(gtext))
                # a group ("French and Egyptian warships") stands for its members
                coded_actors = [m for a in art.actors for m in (a.members or [a])]
                cands = [a for a in coded_actors if a.start < span[1] and span[0] < a.end and a.country]
                if not cands:
                    errors.append({"id": rec.get("id"), "actor": gtext, "gold": country, "pred": None})
                    continue
                found += 1
                ok = any(a.country == country for a in cands)
                right += ok
                per_role[role]["right"] += ok
                if not ok:
                    errors.append({"id": rec.get("id"), "actor": gtext, "gold": country, "pred": cands[0].country})
    per_label = {
        role: {"accuracy": share(c["right"], c["n"]), "support": float(c["n"])} for role, c in per_role.items()
    }
    return Report(
        suite="plover-actors",
        n=total,
        overall={
            "accuracy": share(right, total),
            "found_accuracy": share(right, found),
            "coverage": share(found, total),
        },
        per_label=per_label,
        extra={"errors": errors},
    )
