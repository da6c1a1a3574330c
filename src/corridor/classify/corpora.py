"""Readers for the training corpora of the relation classifier (read at training time only).

Reads, from a corpora folder laid out like ``shared/corpora``:

* ``zsp-plv/datasets__PLV_train.tsv`` - sentences with a marked source and target and a PLOVER root
  label (``gold_root``); the only set the classifier is cross-validated on;
* ``plover/gold_standard_records__PLOVER_GSR_CAMEO.txt`` - PLOVER gold records (JSON) with source and
  target actor texts, an event label in the older label names and, for some, a mode;
* ``ngec-synthetic/setup__train_classifiers__gpt_synthetic_events_*.csv.zip`` - synthetic stories with
  a pseudo-label and mode, and the headline template each was prompted with.

Writes nothing: each reader returns :class:`Example` records whose labels are mapped to the 15 PLV
classes (CONCEDE and RETREAT to YIELD, the older PLOVER names to the current ones).
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from corridor.classify.features import Item, MarkupError, make_item, parse_marked
from corridor.classify.model import LABELS

__all__ = [
    "LABELS",
    "Example",
    "map_label",
    "map_mode",
    "read_ngec",
    "read_plover_gold",
    "read_plv",
]

_LABEL_MAP = {
    "CONCEDE": "YIELD",
    "RETREAT": "YIELD",
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
    "THREAT": "THREATEN",
}

# Mode names in the training sets that differ from corridor's ontology names.
_MODE_MAP = {
    "sieze": "seize",
    "primative": "primitive",
    "assassinate": "targeted",
    "execute": "targeted",
    "cleansing": "targeted",
    "demo-org": "demo",
    "demo-spon": "demo",
    "riot-spon": "riot",
    "riot-org": "riot",
    "strike-hun": "hunger",
    "strike-gen": "strike",
    "host": "visit",
    "detain": "arrest",
    "confiscate": "seize",
}

PLV_FILE = "zsp-plv/datasets__PLV_train.tsv"
PLOVER_GOLD_FILE = "plover/gold_standard_records__PLOVER_GSR_CAMEO.txt"
NGEC_GLOB = "ngec-synthetic/*synthetic_events*.csv.zip"


@dataclass(frozen=True, slots=True)
class Example:
    """A training item with its label, optional mode and a group id (items of one sentence share it)."""

    item: Item
    label: str
    mode: str | None
    group: str
    origin: str


def map_label(raw: str) -> str | None:
    """A corpus label in the PLV label set, or None when it has no PLV counterpart."""
    lab = raw.strip().upper()
    lab = _LABEL_MAP.get(lab, lab)
    return lab if lab in LABELS else None


def map_mode(raw: str | None) -> str | None:
    """A corpus mode name in corridor's spelling (lower case), or None for none/other."""
    if not raw:
        return None
    mode = raw.strip().lower()
    mode = _MODE_MAP.get(mode, mode)
    return None if mode in ("", "other", "none") else mode


def read_plv(corpora: Path) -> list[Example]:
    """The PLV training split: one example per marked (sentence, source, target) row."""
    path = corpora / PLV_FILE
    out: list[Example] = []
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            label = map_label(row.get("gold_root") or "")
            if label is None:
                continue
            try:
                item = parse_marked(row["marked_sentence"])
            except MarkupError:
                continue
            out.append(Example(item, label, None, f"plv:{row.get('sentence_id', '')}", "plv"))
    return out


def _actor_texts(value: object) -> list[str]:
    if not isinstance(value, list):
        return []
    return [str(a.get("actorText", "")).strip() for a in value if isinstance(a, dict) and a.get("actorText")]


def read_plover_gold(corpora: Path) -> list[Example]:
    """PLOVER gold records that name a source and a target found in the text."""
    path = corpora / PLOVER_GOLD_FILE
    records = json.loads(path.read_text(encoding="utf-8"))
    out: list[Example] = []
    for rec in records:
        if not isinstance(rec, dict) or rec.get("event") == "DOCUMENT":
            continue
        label = map_label(str(rec.get("event", "")))
        text = str(rec.get("text", "")).strip()
        if label is None or not text:
            continue
        sources = _actor_texts(rec.get("source"))
        targets = _actor_texts(rec.get("target"))
        if not targets and len(sources) >= 2:
            sources, targets = sources[:1], sources[1:2]
        if not sources or not targets:
            continue
        try:
            item = make_item(text, sources[0], targets[0])
        except MarkupError:
            continue
        mode = map_mode(str(rec.get("mode") or ""))
        out.append(Example(item, label, mode, f"gsr:{rec.get('id', '')}", "plover"))
    return out


_PLACEHOLDER_RE = re.compile(r"\{(\w+)\}")


def _title_spans(template: str, filled: str) -> list[tuple[int, int]]:
    """Character spans, in ``filled``, of the ``{placeholders}`` of ``template``."""
    pattern = ""
    pos = 0
    names: dict[str, str] = {}
    for m in _PLACEHOLDER_RE.finditer(template):
        pattern += re.escape(template[pos : m.start()])
        name = m.group(1)
        if name in names:
            pattern += f"(?P={names[name]})"
        else:
            names[name] = f"g{len(names)}"
            pattern += f"(?P<{names[name]}>.+?)"
        pos = m.end()
    pattern += re.escape(template[pos:])
    m2 = re.fullmatch(pattern, filled)
    if m2 is None:
        return []
    return [m2.span(g) for g in names.values()]


def read_ngec(corpora: Path) -> list[Example]:
    """Synthetic headlines with two filled-in actors: the first is the source, the second the target."""
    zips = sorted(corpora.glob(NGEC_GLOB))
    if not zips:
        raise FileNotFoundError(f"no {NGEC_GLOB} under {corpora}")
    out: list[Example] = []
    seen: set[str] = set()
    with zipfile.ZipFile(zips[-1]) as zf:
        name = next(n for n in zf.namelist() if n.endswith(".csv"))
        text = zf.read(name).decode("utf-8")
    for row in csv.DictReader(io.StringIO(text)):
        label = map_label(row.get("label", ""))
        template = (row.get("title") or "").strip()
        filled = (row.get("prompt") or "").strip().split("\n", 1)[0].strip().strip('"').strip()
        if label is None or not filled or filled in seen:
            continue
        spans = _title_spans(template.strip('"').strip(), filled)
        if len(spans) < 2 or spans[0] == spans[1]:
            continue
        seen.add(filled)
        try:
            item = make_item(filled, spans[0], spans[1])
        except MarkupError:
            continue
        mode = map_mode(row.get("mode"))
        out.append(Example(item, label, mode, f"ngec:{template}", "ngec"))
    return out
