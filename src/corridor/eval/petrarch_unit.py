"""Score the PETRARCH dictionary coder on PETRARCH's validation records (``corridor eval petrarch-unit``).

Reads a validation XML file in PETRARCH's format (default: ``PETR.UnitTest.records.xml`` under
``petrarch2/`` in the corpora folder): an ``<Environment>`` naming the dictionaries (``Verbfile``,
``Actorfile``, ``Agentfile``, ``Discardfile``) and the categories to ``<Include>``, ``<Config>`` elements
that change options for the records after them (``require_dyad``, ``new_actor_length``), and
``<Sentence date id category>`` records with ``<Text>`` and the expected ``<EventCoding sourcecode
targetcode eventcode>`` (or ``noevents="True"``, or ``error="..."``). The ``<Parse>`` trees are not read:
the text is parsed with spaCy. Writes nothing; returns a :class:`~corridor.eval.base.Report`.

Dictionaries come from ``--dictionaries`` (a folder; default the data file's folder), by the Environment's
file names (a ``petrarch2__data__dictionaries__`` prefix on the names is accepted), else by the
``--option`` keys ``verbs``, ``actors`` (comma-separated), ``agents``, ``discards``, else by file-name
conventions (``*.actors.txt``, ``*agents*.txt``, ``*verbs*.txt`` or ``CAMEO*.txt``, ``*discards*.txt``).

Scoring. Records whose category is not in ``<Include>``, records marked ``sentence="false"`` and records
expecting ``error="bad_input_parse"`` (a malformed parse tree, which we do not read) are left out and
listed in ``extra.excluded`` (``--option include=all`` scores the first two kinds too). A coding is the
triple (source code, target code, event code), compared exactly; ``relaxed_recall`` also counts an expected
coding matched by the first three letters of each actor code and the CAMEO root. Recall is over the expected codings,
precision over the codings we produce (duplicates within a record count once). ``spurious`` is the share
of records expecting no event (``noevents``, an empty record, or an ``error`` of kind
``dateline``/``storydiscard``/``sentencediscard``) where we code one. A file without any
``<EventCoding>`` is not scored: the report counts the events coded.

``--option coder=builtin`` codes the records with corridor's own actor tables and event lexicon instead of
dictionaries (stages times, places, actors, quotes, events; no relation classifier), for files whose records
name real actors; with ``require_dyad`` (the default) only events with both a source and a target count.
"""

from __future__ import annotations

import datetime as dt
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from corridor.eval.base import EvalArgs, EvalDataError, Report, default_data, prf, register_suite, share
from corridor.petrarch.coder import CoderOptions, PetrarchCoder

DEFAULT_DATA = "petrarch2/petrarch2__data__text__PETR.UnitTest.records.xml"
BUILTIN_STAGES = ("times", "places", "actors", "quotes", "events")
FILE_PREFIX = "petrarch2__data__dictionaries__"
NO_EVENT_ERRORS = frozenset({"dateline", "storydiscard", "sentencediscard"})


@dataclass
class Record:
    id: str
    category: str
    date: dt.date | None
    text: str
    expected: list[tuple[str, str, str]] = field(default_factory=list)
    noevents: bool = False
    error: str | None = None
    sentence: bool = True
    options: dict[str, str] = field(default_factory=dict)

    @property
    def expects_none(self) -> bool:
        return (self.noevents or not self.expected) and (self.error is None or self.error in NO_EVENT_ERRORS)


Coder = Callable[[Record], list[tuple[str, str, str]]]


@dataclass
class Environment:
    files: dict[str, str] = field(default_factory=dict)  # Verbfile, Actorfile, Agentfile, Discardfile
    include: list[str] = field(default_factory=list)
    options: dict[str, str] = field(default_factory=dict)


def _date(text: str | None) -> dt.date | None:
    if not text:
        return None
    text = text.strip()
    try:
        return dt.date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        return None


def read_records(path: Path) -> tuple[Environment, list[Record]]:
    """The environment and the records of a PETRARCH validation file, each with the options in force."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise EvalDataError(f"{path}: not a PETRARCH validation XML file ({exc})") from exc
    env = Environment()
    env_el = root.find("Environment")
    if env_el is not None:
        for child in env_el:
            if child.tag in ("Verbfile", "Actorfile", "Agentfile", "Discardfile") and child.text:
                env.files[child.tag] = child.text.strip()
            elif child.tag == "Include" and child.text:
                env.include = child.text.split()
            elif child.tag == "Config":
                env.options[child.get("option", "")] = child.get("value", "")
    options = dict(env.options)
    records: list[Record] = []
    seen_ids: dict[str, int] = {}
    container = root.find("Sentences")
    if container is None:
        container = root
    for el in container:
        if el.tag == "Config":
            options[el.get("option", "")] = el.get("value", "")
            continue
        if el.tag != "Sentence":
            continue
        text_el = el.find("Text")
        text = " ".join((text_el.text or "").split()) if text_el is not None else ""
        rid = (el.get("id") or f"record-{len(records) + 1}").strip()
        if rid in seen_ids:  # ids repeat in some files: keep each record apart
            seen_ids[rid] += 1
            rid = f"{rid}#{seen_ids[rid]}"
        else:
            seen_ids[rid] = 1
        rec = Record(
            id=rid,
            category=el.get("category", ""),
            date=_date(el.get("date")),
            text=text,
            sentence=el.get("sentence", "true").strip().lower() != "false",
            options=dict(options),
        )
        for ec in el.findall("EventCoding"):
            if ec.get("noevents"):
                rec.noevents = ec.get("noevents", "").strip().lower() == "true"
            elif ec.get("error"):
                rec.error = ec.get("error", "").strip()
            else:
                triple = (ec.get("sourcecode", ""), ec.get("targetcode", ""), ec.get("eventcode", ""))
                if triple not in rec.expected:
                    rec.expected.append(triple)
        records.append(rec)
    return env, records


def _find(folder: Path, name: str) -> Path | None:
    for cand in (folder / name, folder / (FILE_PREFIX + name)):
        if cand.is_file():
            return cand
    return None


def resolve_dictionaries(folder: Path, env: Environment, options: dict[str, Any]) -> dict[str, list[Path]]:
    """Paths of the verbs, actors, agents and discards dictionaries to use (see the module docstring)."""

    def opt_paths(key: str) -> list[Path]:
        raw = options.get(key)
        if not raw:
            return []
        out = []
        for part in str(raw).split(","):
            part = part.strip()
            if not part:
                continue
            p = Path(part)
            if not p.is_absolute():
                found = _find(folder, part)
                p = found if found is not None else folder / part
            if not p.is_file():
                raise EvalDataError(f"dictionary not found: {p} (from --option {key}=...)")
            out.append(p)
        return out

    keys = {"verbs": "Verbfile", "actors": "Actorfile", "agents": "Agentfile", "discards": "Discardfile"}
    chosen: dict[str, list[Path]] = {}
    explicit = any(options.get(k) for k in keys)
    for key, env_key in keys.items():
        paths = opt_paths(key)
        if not paths and not explicit and env.files.get(env_key):
            found = _find(folder, env.files[env_key])
            if found is not None:
                paths = [found]
        chosen[key] = paths
    if not chosen["verbs"] and not chosen["actors"] and not explicit:
        chosen = _by_convention(folder)
    if not chosen["verbs"] or not chosen["actors"]:
        raise EvalDataError(
            f"no verb and actor dictionaries found in {folder}: give --dictionaries FOLDER holding the files the"
            " data's <Environment> names, or --option verbs=FILE --option actors=FILE1,FILE2"
            " [--option agents=FILE --option discards=FILE]"
        )
    return chosen


def _by_convention(folder: Path) -> dict[str, list[Path]]:
    files = sorted(p for p in folder.glob("*.txt") if p.is_file())
    low = {p: p.name.lower() for p in files}
    verbs = [p for p in files if "verbs" in low[p] or low[p].split("__")[-1].startswith("cameo")]
    if len(verbs) > 1:
        raise EvalDataError(f"several verb dictionaries in {folder}: choose one with --option verbs=FILE")
    return {
        "verbs": verbs,
        "actors": [p for p in files if low[p].endswith(".actors.txt")],
        "agents": [p for p in files if "agents" in low[p]],
        "discards": [p for p in files if "discards" in low[p]],
    }


def _truthy(value: str | None, default: bool) -> bool:
    if value is None:
        return default
    return value.strip().lower() not in ("false", "0", "no")


def _record_options(rec: Record) -> CoderOptions:
    try:
        length = int(rec.options.get("new_actor_length", "0") or 0)
    except ValueError:
        length = 0
    return CoderOptions(require_dyad=_truthy(rec.options.get("require_dyad"), True), new_actor_length=length)


_NLP: dict[str | None, Any] = {}


def _nlp(model: str | None) -> Any:
    from corridor.pipeline import load_nlp

    if model not in _NLP:
        _NLP[model] = load_nlp(model)
    return _NLP[model]


def _petrarch_coder(args: EvalArgs, data: Path, env: Environment) -> tuple[Coder, dict[str, list[str]]]:
    """Code records with the PETRARCH dictionary coder on spaCy parses."""
    folder = args.dictionaries if args.dictionaries is not None else data.parent
    files = resolve_dictionaries(folder, env, args.options)
    coder = PetrarchCoder(files["actors"], files["agents"] or None, files["verbs"][0], files["discards"] or None)
    nlp = _nlp(args.model)

    def code(rec: Record) -> list[tuple[str, str, str]]:
        coder.options = _record_options(rec)
        return [(ev.source_code, ev.target_code, ev.event_code) for ev in coder.code_doc(nlp(rec.text), rec.date)]

    return code, {k: [str(p) for p in v] for k, v in files.items()}


def _builtin_coder(args: EvalArgs) -> tuple[Coder, dict[str, list[str]]]:
    """Code records with corridor's own actor tables and event lexicon (no dictionaries, no classifier)."""
    from corridor.api import get_pipeline
    from corridor.model import Article

    pipe = get_pipeline(model=args.model, stages=BUILTIN_STAGES)

    def code(rec: Record) -> list[tuple[str, str, str]]:
        art = Article(text=rec.text, doc_id=rec.id, date=rec.date.isoformat() if rec.date else None)
        dyads_only = _record_options(rec).require_dyad  # as PETRARCH: an event needs source and target
        return [
            (ev.source.code if ev.source else "---", ev.target.code if ev.target else "---", ev.cameo)
            for ev in pipe(art).events
            if ev.cameo and (not dyads_only or (ev.source is not None and ev.target is not None))
        ]

    return code, {}


def _relaxed(triple: tuple[str, str, str]) -> tuple[str, str, str]:
    """A coding by country (first three letters of each code) and CAMEO root."""
    src, tgt, code = triple
    return (src[:3], tgt[:3], code[:2])


@register_suite("petrarch-unit")
def run(args: EvalArgs) -> Report:
    data = default_data(args, DEFAULT_DATA)
    env, records = read_records(data)
    which = str(args.options.get("coder", "petrarch")).lower()
    if which not in ("petrarch", "builtin"):
        raise EvalDataError(f"unknown coder {which!r}: use --option coder=petrarch or --option coder=builtin")
    t0 = time.perf_counter()
    code_record, files = _builtin_coder(args) if which == "builtin" else _petrarch_coder(args, data, env)
    load_s = time.perf_counter() - t0
    has_gold = any(r.expected or r.noevents or r.error for r in records)

    include = {c for c in env.include if c.lower() != "valid"}
    score_all = str(args.options.get("include", "")).lower() == "all"
    excluded: dict[str, str] = {}
    scored: list[Record] = []
    for rec in records:
        if include and rec.category not in include and not score_all:
            excluded[rec.id] = f"category {rec.category!r} not in <Include>"
        elif not rec.sentence and not score_all:
            excluded[rec.id] = 'marked sentence="false"'
        elif rec.error is not None and rec.error not in NO_EVENT_ERRORS:
            excluded[rec.id] = f"expects error {rec.error!r} about the parse tree, which is not read"
        else:
            scored.append(rec)
    if args.limit is not None:
        scored = scored[: args.limit]

    tp = fp = fn = 0
    r_hits = r_total = 0  # relaxed recall: expected codings matched by country and root
    per_cat: dict[str, list[int]] = {}
    missed: dict[str, list[str]] = {}
    spurious: dict[str, list[str]] = {}
    extra_codings: dict[str, list[str]] = {}
    none_records = none_hit = 0
    t1 = time.perf_counter()
    for rec in scored:
        produced: list[tuple[str, str, str]] = []
        for triple in code_record(rec):
            if triple not in produced:
                produced.append(triple)
        exp = set(rec.expected)
        got = set(produced)
        relaxed_got = {_relaxed(t) for t in got}
        r_total += len(exp)
        r_hits += sum(_relaxed(t) in relaxed_got for t in exp)
        r_tp, r_fp, r_fn = len(exp & got), len(got - exp), len(exp - got)
        tp, fp, fn = tp + r_tp, fp + r_fp, fn + r_fn
        counts = per_cat.setdefault(rec.category, [0, 0, 0, 0, 0])
        counts[0] += r_tp
        counts[1] += r_fp
        counts[2] += r_fn
        counts[3] += 1
        if r_fn:
            missed[rec.id] = [" ".join(t) for t in rec.expected if t not in got]
        if r_fp:
            extra_codings[rec.id] = [" ".join(t) for t in produced if t not in exp]
        if rec.expects_none:
            none_records += 1
            if produced:
                none_hit += 1
                counts[4] += 1
                spurious[rec.id] = [" ".join(t) for t in produced]
    code_s = time.perf_counter() - t1
    if not has_gold:
        # a file of texts without <EventCoding>: report what was coded, nothing to score against
        coded = sum(len(v) for v in extra_codings.values())
        return Report(
            suite="petrarch-unit",
            n=len(scored),
            overall={"events": coded, "records_with_events": len(extra_codings)},
            extra={
                "data": str(data),
                "note": "the file has no <EventCoding> gold codings: events are counted, not scored",
                "coder": which,
                "dictionaries": files,
                "events": extra_codings,
                "dictionary_load_s": round(load_s, 2),
                "coding_s": round(code_s, 2),
            },
        )
    overall = prf(tp, fp, fn)
    overall["exact_recall"] = overall["recall"]
    overall["relaxed_recall"] = share(r_hits, r_total)
    overall["spurious"] = share(none_hit, none_records)
    overall["no_event_records"] = none_records
    overall["spurious_records"] = none_hit
    per_label = {}
    for cat, (c_tp, c_fp, c_fn, n, c_sp) in sorted(per_cat.items()):
        row: dict[str, float] = dict(prf(c_tp, c_fp, c_fn))
        row["records"] = n
        row["spurious_records"] = c_sp
        per_label[cat] = row
    extra: dict[str, Any] = {
        "data": str(data),
        "coder": which,
        "dictionaries": files,
        "missed": missed,
        "spurious": spurious,
        "extra_codings": extra_codings,
        "excluded": excluded,
        "expected_codings": tp + fn,
        "dictionary_load_s": round(load_s, 2),
        "coding_s": round(code_s, 2),
        "bars": {"exact_recall": ">= 0.90", "spurious": "<= 0.05"},
    }
    return Report(suite="petrarch-unit", n=len(scored), overall=overall, per_label=per_label, extra=extra)
