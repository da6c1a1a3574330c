"""The ``te3`` suite: temporal-expression extent, type and value against TimeML (TempEval-3) gold files.

Reads ``.tml`` files (default ``te3-platinum/gold`` under the corpora folder; ``--data`` takes any folder of
``.tml`` files, or a folder with a ``gold/`` subfolder): the document creation time (the TIMEX3 with
``functionInDocument="CREATION_TIME"``) is the anchor, the ``<TEXT>`` element with its tags stripped is the
text, and the TIMEX3 tags inside it are the gold. Writes a :class:`Report`.

Two systems are scored on the same text: ours (:func:`corridor.temporal.find_times`, rules plus dateparser
for written-out dates) and, as a baseline, dateparser alone (``dateparser.search.search_dates`` with
``RELATIVE_BASE`` = the DCT and ``PREFER_DATES_FROM='past'``; the value is formatted at the granularity
dateparser reports for the found string: day, week, month, year or time).

Scoring, per document and summed (TempEval-3 style):

* Extent, relaxed: a system expression matches a gold one when their character spans overlap; matching is
  one-to-one (each gold expression takes the unmatched system expression with the largest overlap).
  P = matched / system, R = matched / gold. Extent, strict: the same with identical spans only.
* Value: a relaxed-matched pair is correct when the normalized values are equal after canonicalization
  (upper case; a trailing run of X after a 2- or 3-digit year prefix dropped, so ``199X`` = ``199`` and
  ``19XX`` = ``19``; ``Thh:00`` = ``Thh``). P = correct / system, R = correct / gold, F1 their harmonic
  mean (this equals relaxed extent F1 times value accuracy). ``value_accuracy`` = correct / matched.
* Type: ``type_accuracy`` = matched pairs with the same TIMEX3 type / matched.

``overall`` holds ours (``precision``/``recall``/``f1`` are the value figures), ``extra["dateparser"]`` the
baseline's, ``per_label`` ours by gold TIMEX3 type (tp = correct pairs whose gold has that type; fp = system
expressions of that type not in a correct pair; fn = gold of that type not in a correct pair).
Option ``errors`` (true) lists our mismatches in ``extra["errors"]``; option ``baseline`` (false) skips it.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from corridor.eval.base import EvalArgs, EvalDataError, Report, default_data, prf, register_suite, share
from corridor.model import TimeExpr
from corridor.temporal import find_times, parse_anchor

DEFAULT_DATA = "te3-platinum"

_TAG = re.compile(r"<(/?)([A-Za-z_][\w.:-]*)([^>]*?)(/?)>", re.S)
_ATTR = re.compile(r"([\w:.-]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_TEXT = re.compile(r"<TEXT[^>]*>(.*?)</TEXT>", re.S)


@dataclass
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass
class TmlDoc:
    doc_id: str
    dct: str | None
    text: str
    timexes: list[GoldTimex] = field(default_factory=list)


def _attrs(s: str) -> dict[str, str]:
    return {m.group(1): html.unescape(m.group(2) if m.group(2) is not None else m.group(3)) for m in _ATTR.finditer(s)}


def read_tml(path: Path) -> TmlDoc:
    """One TimeML document: DCT, the text of ``<TEXT>`` without tags, and its TIMEX3 spans."""
    raw = path.read_text(encoding="utf-8")
    dct = None
    for m in _TAG.finditer(raw):
        if m.group(2) == "TIMEX3" and not m.group(1):
            a = _attrs(m.group(3))
            if a.get("functionInDocument") == "CREATION_TIME":
                dct = a.get("value")
                break
    tm = _TEXT.search(raw)
    # Without a <TEXT> element, the whole document less its header and DCT is the text.
    body = tm.group(1) if tm else re.sub(r"<\?.*?\?>|<DCT>.*?</DCT>", "", raw, flags=re.S)
    pieces: list[str] = []
    pos = 0
    last = 0
    timexes: list[GoldTimex] = []
    open_: tuple[int, dict[str, str]] | None = None
    for m in _TAG.finditer(body):
        piece = html.unescape(body[last : m.start()])
        pieces.append(piece)
        pos += len(piece)
        last = m.end()
        if m.group(2) != "TIMEX3":
            continue
        if m.group(1):
            if open_ is not None:
                start, a = open_
                text = "".join(pieces)[start:pos]
                if text.strip():
                    timexes.append(GoldTimex(start, pos, text, a.get("type", ""), a.get("value", "")))
                open_ = None
        elif not m.group(4):
            open_ = (pos, _attrs(m.group(3)))
    pieces.append(html.unescape(body[last:]))
    name = path.name[: -len(".tml")] if path.name.endswith(".tml") else path.stem
    return TmlDoc(doc_id=name, dct=dct, text="".join(pieces), timexes=timexes)


def tml_files(path: Path) -> list[Path]:
    """The ``.tml`` files of a file or folder (a ``gold/`` subfolder is preferred when there is one)."""
    if path.is_file():
        return [path]
    if (path / "gold").is_dir():
        path = path / "gold"
    files = sorted(path.glob("*.tml")) or sorted(path.rglob("*.tml"))
    if not files:
        raise EvalDataError(f"no .tml files under {path}")
    return files


# ------------------------------------------------------------------------------------------- baseline


def dateparser_times(text: str, anchor: dt.date | None) -> list[TimeExpr]:
    """Dateparser alone: ``search_dates`` anchored on ``anchor``, values at the granularity it reports."""
    from dateparser.date import DateDataParser
    from dateparser.search import search_dates

    base = dt.datetime.combine(anchor or dt.date.today(), dt.time())
    settings: Any = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": True}
    found = search_dates(text, languages=["en"], settings=settings) or []
    ddp = DateDataParser(languages=["en"], settings=settings)
    out: list[TimeExpr] = []
    cursor = 0
    for sub, when in found:
        start = text.find(sub, cursor)
        if start < 0:
            continue
        cursor = start + len(sub)
        period = ddp.get_date_data(sub).period or "day"
        if period == "time":
            value, typ = when.strftime("%Y-%m-%dT%H:%M"), "TIME"
        elif period == "week":
            y, w, _ = when.isocalendar()
            value, typ = f"{y:04d}-W{w:02d}", "DATE"
        elif period == "month":
            value, typ = when.strftime("%Y-%m"), "DATE"
        elif period == "year":
            value, typ = f"{when.year:04d}", "DATE"
        else:
            value, typ = when.date().isoformat(), "DATE"
        out.append(TimeExpr(sub, start, cursor, typ, value, period, "dateparser"))
    return out


# ------------------------------------------------------------------------------------------- scoring


def canonical_value(value: str | None) -> str:
    """A value in one spelling where TimeML allows two (``199X`` = ``199``, ``T20:00`` = ``T20``)."""
    v = (value or "").strip().upper()
    m = re.fullmatch(r"(\d{2,3})X+", v)
    if m:
        return m.group(1)
    return re.sub(r"(T\d\d):00$", r"\1", v)


@dataclass
class Counts:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    type: int = 0
    gold_by_type: Counter[str] = field(default_factory=Counter)
    sys_by_type: Counter[str] = field(default_factory=Counter)
    correct_by_type: Counter[str] = field(default_factory=Counter)
    sys_correct_by_type: Counter[str] = field(default_factory=Counter)
    errors: list[dict[str, Any]] = field(default_factory=list)


def score_doc(doc: TmlDoc, predicted: list[TimeExpr], counts: Counts) -> None:
    """Add one document's matches to ``counts`` (one-to-one relaxed matching by largest overlap)."""
    counts.gold += len(doc.timexes)
    counts.system += len(predicted)
    gold_spans = {(g.start, g.end) for g in doc.timexes}
    counts.strict += sum(1 for p in predicted if (p.start, p.end) in gold_spans)
    used: set[int] = set()
    for g in doc.timexes:
        counts.gold_by_type[g.type] += 1
        best, best_ov = -1, 0
        for i, p in enumerate(predicted):
            ov = min(g.end, p.end) - max(g.start, p.start)
            if i not in used and ov > best_ov:
                best, best_ov = i, ov
        if best < 0:
            counts.errors.append({"doc": doc.doc_id, "gold": g.text, "gold_value": g.value, "system": None})
            continue
        used.add(best)
        p = predicted[best]
        counts.relaxed += 1
        counts.type += p.type == g.type
        if canonical_value(p.value) == canonical_value(g.value):
            counts.value += 1
            counts.correct_by_type[g.type] += 1
            counts.sys_correct_by_type[p.type] += 1
        else:
            counts.errors.append(
                {"doc": doc.doc_id, "gold": g.text, "gold_value": g.value, "system": p.text, "value": p.value}
            )
    for i, p in enumerate(predicted):
        counts.sys_by_type[p.type] += 1
        if i not in used:
            counts.errors.append({"doc": doc.doc_id, "gold": None, "system": p.text, "value": p.value})


def summarize(c: Counts) -> dict[str, float]:
    value = prf(c.value, c.system - c.value, c.gold - c.value)
    strict = prf(c.strict, c.system - c.strict, c.gold - c.strict)
    relaxed = prf(c.relaxed, c.system - c.relaxed, c.gold - c.relaxed)
    return {
        "precision": value["precision"],
        "recall": value["recall"],
        "f1": value["f1"],
        "extent_precision_strict": strict["precision"],
        "extent_recall_strict": strict["recall"],
        "extent_f1_strict": strict["f1"],
        "extent_precision_relaxed": relaxed["precision"],
        "extent_recall_relaxed": relaxed["recall"],
        "extent_f1_relaxed": relaxed["f1"],
        "value_accuracy": share(c.value, c.relaxed),
        "type_accuracy": share(c.type, c.relaxed),
        "gold": c.gold,
        "system": c.system,
        "matched": c.relaxed,
        "value_correct": c.value,
    }


def per_type(c: Counts) -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    for t in sorted(set(c.gold_by_type) | set(c.sys_by_type)):
        tp = c.correct_by_type[t]
        out[t] = prf(tp, c.sys_by_type[t] - c.sys_correct_by_type[t], c.gold_by_type[t] - tp)
    return out


System = Callable[[str, dt.date | None], list[TimeExpr]]


def evaluate(docs: list[TmlDoc], system: System) -> Counts:
    counts = Counts()
    for doc in docs:
        score_doc(doc, system(doc.text, parse_anchor(doc.dct)), counts)
    return counts


@register_suite("te3")
def run_te3(args: EvalArgs) -> Report:
    path = default_data(args, DEFAULT_DATA)
    files = tml_files(path)
    if args.limit:
        files = files[: args.limit]
    docs = [read_tml(f) for f in files]
    resolved: Counter[str] = Counter()

    def ours(text: str, anchor: dt.date | None) -> list[TimeExpr]:
        found = find_times(text, anchor)
        resolved.update(t.resolved_by for t in found)
        return found

    mine = evaluate(docs, ours)
    extra: dict[str, Any] = {
        "data": str(path),
        "documents": len(docs),
        "resolved_by": dict(resolved),
    }
    if args.options.get("baseline", True):
        extra["dateparser"] = summarize(evaluate(docs, dateparser_times))
    if args.options.get("errors"):
        extra["errors"] = mine.errors
    return Report(suite="te3", n=mine.gold, overall=summarize(mine), per_label=per_type(mine), extra=extra)
