"""CASE 2021 task 2: fine-grained conflict and protest event types (``case2021``).

Data: the task's labelled test set (a TSV with ``id``, ``EventSnippet``, ``SubType``: 1,019 news snippets,
25 ACLED sub-event types and 5 more). Each snippet is coded undated with the default pipeline and read as
one sub-type through ``data/eval/acled_subtypes.yaml`` (our own mapping of CAMEO codes, source and target
agents and a few evidence words to the ACLED types; see the file): the first rule one of its events meets,
else ``NONE``. Sub-types no CAMEO act expresses (disasters, crime, weapons seized, ...) count as ``NONE``:
for them the right answer is no conflict event.

Scores: ``accuracy`` (sub-type, every snippet), ``coarse_accuracy`` (ACLED's event type: battles,
explosions, violence against civilians, protests, riots, strategic developments), ``macro_f1`` over the
sub-types corridor can express, ``false_alarm`` (share of out-of-scope snippets given a violent type).
``--option half=odd`` or ``half=even`` scores every other snippet (by position): the odd ones were read to
improve the lexicon, the even ones were not.
"""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from corridor.eval.base import EvalArgs, EvalDataError, Report, default_data, label_scores, register_suite, share
from corridor.model import CodedArticle, Event
from corridor.resources import packaged_yaml

DATA_PATH = "case2021-task2/task2__test_dataset__test_set_final_release_with_labels.tsv"
COUNTED_MODALITIES = {"asserted", "reported"}
VIOLENT = {"battles", "explosions", "violence_against_civilians", "riots"}


@dataclass(frozen=True)
class TypeRule:
    """One line of ``acled_subtypes.yaml``: the sub-type an event of these codes (and conditions) names."""

    type: str
    codes: tuple[str, ...]
    words: frozenset[str] | None = None
    source_agents: frozenset[str] | None = None
    target_agents: frozenset[str] | None = None
    also: tuple[str, ...] | None = None

    def meets(self, ev: Event, others: list[Event], sentence: str) -> bool:
        if not ev.cameo.startswith(self.codes):
            return False
        if self.words is not None and not (self.words & set(_words(sentence))):
            return False
        if self.source_agents is not None and _agent(ev.source) not in self.source_agents:
            return False
        if self.target_agents is not None and _agent(ev.target, none="-") not in self.target_agents:
            return False
        return self.also is None or any(o is not ev and o.cameo.startswith(self.also) for o in others)


@dataclass(frozen=True)
class TypeMap:
    rules: tuple[TypeRule, ...]
    out_of_scope: frozenset[str]
    coarse: dict[str, str]

    def subtype(self, coded: CodedArticle) -> str:
        events = [e for e in coded.events if e.modality in COUNTED_MODALITIES]
        sentences = [_sentence(coded, ev) for ev in events]
        for rule in self.rules:
            for ev, sentence in zip(events, sentences, strict=True):
                if rule.meets(ev, events, sentence):
                    return rule.type
        return "NONE"

    def gold(self, label: str) -> str:
        return "NONE" if label in self.out_of_scope else label


def _words(text: str) -> list[str]:
    return [w.strip(".,;:!?\"'()[]").lower() for w in text.split()]


def _agent(actor: Any, none: str = "") -> str:
    if actor is None:
        return none
    return str(getattr(actor, "agent", None) or "")


def _sentence(coded: CodedArticle, ev: Event) -> str:
    return ev.evidence.text if ev.evidence is not None else coded.text or ""


def load_type_map(path: Path | None = None) -> TypeMap:
    """The packaged mapping (or a YAML file of the same shape)."""
    from corridor.resources import read_yaml

    data = read_yaml(path) if path is not None else packaged_yaml("eval/acled_subtypes.yaml")

    def opt(raw: dict[str, Any], key: str) -> frozenset[str] | None:
        return None if raw.get(key) is None else frozenset(str(x) for x in raw[key])

    rules = tuple(
        TypeRule(
            type=str(r["type"]),
            codes=tuple(str(c) for c in r["codes"]),
            words=opt(r, "words"),
            source_agents=opt(r, "source_agents"),
            target_agents=opt(r, "target_agents"),
            also=None if r.get("also") is None else tuple(str(c) for c in r["also"]),
        )
        for r in data["rules"]
    )
    return TypeMap(rules, frozenset(data.get("out_of_scope", [])), {str(k): str(v) for k, v in data["coarse"].items()})


def load_snippets(path: Path) -> list[dict[str, str]]:
    """The task's TSV: one dict per row with ``id``, ``EventSnippet`` and ``SubType``."""
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    for n, row in enumerate(rows, start=2):
        for field in ("EventSnippet", "SubType"):
            if not (row.get(field) or "").strip():
                raise EvalDataError(f"{path}: line {n}: field {field!r} is missing or empty")
    return rows


@register_suite("case2021")
def case2021(args: EvalArgs) -> Report:
    from corridor.api import get_pipeline
    from corridor.model import Article

    rows = load_snippets(default_data(args, DATA_PATH))
    half = str(args.options.get("half", "all"))
    if half not in {"all", "odd", "even"}:
        raise EvalDataError(f"option half={half!r}: use all, odd or even")
    if half != "all":  # the odd ids were read to improve the lexicon; the even ones are held out
        rows = [r for i, r in enumerate(rows, start=1) if (i % 2 == 1) == (half == "odd")]
    if args.limit:
        rows = rows[: args.limit]
    tmap = load_type_map(Path(args.options["types"]) if args.options.get("types") else None)
    pipe = get_pipeline(model=args.model)
    arts = [Article(text=r["EventSnippet"], doc_id=str(r.get("id") or i), date=None) for i, r in enumerate(rows)]
    labels = [r["SubType"].strip() for r in rows]
    gold = [tmap.gold(label) for label in labels]
    pred = [tmap.subtype(c) for c in pipe.pipe(arts)]
    n = len(rows)
    coarse = tmap.coarse
    right = sum(g == p for g, p in zip(gold, pred, strict=True))
    coarse_right = sum(coarse.get(g, "none") == coarse.get(p, "none") for g, p in zip(gold, pred, strict=True))
    in_scope = sorted({g for g in gold if g != "NONE"})
    per_label = label_scores(gold, pred, [*in_scope, "NONE"])
    outside = [p for g, p in zip(gold, pred, strict=True) if g == "NONE"]
    alarms = sum(coarse.get(p, "none") in VIOLENT for p in outside)
    confusion = Counter(f"{g}->{p}" for g, p in zip(gold, pred, strict=True) if g != p)
    return Report(
        suite="case2021",
        n=n,
        overall={
            "accuracy": share(right, n),
            "coarse_accuracy": share(coarse_right, n),
            "macro_f1": share(sum(per_label[x]["f1"] for x in in_scope), len(in_scope)),
            "false_alarm": share(alarms, len(outside)),
            "no_type": share(sum(p == "NONE" for p in pred), n),
        },
        per_label=per_label,
        extra={
            "out_of_scope_snippets": len(outside),
            "top_confusions": dict(confusion.most_common(20)),
            "errors": [
                {"id": r.get("id"), "label": lab, "gold": g, "pred": p}
                for r, lab, g, p in zip(rows, labels, gold, pred, strict=True)
                if g != p
            ],
        },
    )
