"""Typed records of the corridor schema (``corridor/1``).

An :class:`Article` goes in; a :class:`CodedArticle` comes out, holding the layers the pipeline stages add:
:class:`Actor` mentions, :class:`Event` records, :class:`Quote` records, :class:`Place` and :class:`TimeExpr`.
Every record converts to and from plain JSON-ready dicts (``to_dict`` / ``from_dict``) so that
JSONL -> records -> JSONL is lossless. The fields are documented in ``docs/schema.md``.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

SCHEMA = "corridor/1"
QUOTE_ACTS = ("statement", "belief", "intention", "finding", "impression")  # what a quote reports


def _drop_none_private(d: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if not k.startswith("_")}


@dataclass
class Article:
    """One input article, as read from a file, a stream or the API."""

    text: str
    doc_id: str = ""
    date: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    date_missing: bool = False
    origin: str | None = None  # file:line the record came from, for messages


@dataclass
class Span:
    """A piece of the article text by character offsets (``text == article.text[start:end]``)."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Span:
        return cls(text=d["text"], start=int(d["start"]), end=int(d["end"]))


@dataclass
class Actor:
    """A coded actor mention: who, with a CAMEO-style code (country + agent, or an organization code)."""

    text: str
    start: int
    end: int
    code: str
    country: str | None = None
    agent: str | None = None
    name: str | None = None
    resolved_by: str = "title"
    confidence: float = 1.0
    entity: int | None = None  # id of the entity this mention refers to, within the article
    members: list[Actor] = field(default_factory=list)  # for group mentions ("the two countries")

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "code": self.code,
            "country": self.country,
            "agent": self.agent,
            "name": self.name,
            "resolved_by": self.resolved_by,
            "confidence": round(self.confidence, 3),
            "entity": self.entity,
        }
        if self.members:
            d["members"] = [m.to_dict() for m in self.members]
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Actor:
        return cls(
            text=d["text"],
            start=int(d["start"]),
            end=int(d["end"]),
            code=d["code"],
            country=d.get("country"),
            agent=d.get("agent"),
            name=d.get("name"),
            resolved_by=d.get("resolved_by", "title"),
            confidence=float(d.get("confidence", 1.0)),
            entity=d.get("entity"),
            members=[cls.from_dict(m) for m in d.get("members", [])],
        )


def _flat_dict(record: Any) -> dict[str, Any]:
    """The fields of a dataclass whose values are all scalars, in their order (``dataclasses.asdict`` without its
    deep copy, which cost most of writing an article's records)."""
    return {f.name: getattr(record, f.name) for f in dataclasses.fields(record)}


def _actor_or_none(d: dict[str, Any] | None) -> Actor | None:
    return Actor.from_dict(d) if d else None


@dataclass
class Place:
    """A toponym resolved to a GeoNames entry (or left unresolved with ``geonameid`` None)."""

    text: str
    start: int
    end: int
    name: str | None = None
    geonameid: int | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    feature_class: str | None = None
    feature_code: str | None = None
    confidence: float = 1.0

    def to_dict(self) -> dict[str, Any]:
        d = _flat_dict(self)
        d["confidence"] = round(self.confidence, 3)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Place:
        names = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in d.items() if k in names})


@dataclass
class TimeExpr:
    """A temporal expression normalized against the article date (TimeML-style ``value``)."""

    text: str
    start: int
    end: int
    type: str = "DATE"  # DATE, TIME, DURATION, SET
    value: str | None = None  # e.g. 2021-10-27, 2021-10, 1951, 195X, P3D
    precision: str | None = None  # day, month, year, decade, century, time, week, season
    resolved_by: str = "rules"

    def to_dict(self) -> dict[str, Any]:
        return _flat_dict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> TimeExpr:
        names = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in d.items() if k in names})


@dataclass
class Event:
    """One coded event: source does something (a CAMEO/PLOVER code) to target."""

    event_id: str
    trigger: Span
    sentence: int
    cameo: str
    cameo_root: str
    source: Actor | None = None
    target: Actor | None = None
    plover: str | None = None
    plover_mode: str | None = None
    goldstein: float | None = None
    quad_class: int | None = None
    modality: str = "asserted"  # asserted, negated, intent, hypothetical, reported
    negated: bool = False
    reported_by: Actor | None = None
    date: str | None = None
    date_precision: str | None = None
    date_source: str | None = None  # clause, reporting_clause, quotation, lead, article, none
    location: Place | None = None
    confidence: float = 1.0
    coded_by: str = "lexicon"
    pattern: str | None = None
    evidence: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id,
            "trigger": self.trigger.to_dict(),
            "sentence": self.sentence,
            "source": self.source.to_dict() if self.source else None,
            "target": self.target.to_dict() if self.target else None,
            "cameo": self.cameo,
            "cameo_root": self.cameo_root,
            "plover": self.plover,
            "plover_mode": self.plover_mode,
            "goldstein": self.goldstein,
            "quad_class": self.quad_class,
            "modality": self.modality,
            "negated": self.negated,
            "reported_by": self.reported_by.to_dict() if self.reported_by else None,
            "date": self.date,
            "date_precision": self.date_precision,
            "date_source": self.date_source,
            "location": self.location.to_dict() if self.location else None,
            "confidence": round(self.confidence, 3),
            "coded_by": self.coded_by,
            "pattern": self.pattern,
            "evidence": self.evidence.to_dict() if self.evidence else None,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        return cls(
            event_id=d["event_id"],
            trigger=Span.from_dict(d["trigger"]),
            sentence=int(d.get("sentence", 0)),
            cameo=d["cameo"],
            cameo_root=d["cameo_root"],
            source=_actor_or_none(d.get("source")),
            target=_actor_or_none(d.get("target")),
            plover=d.get("plover"),
            plover_mode=d.get("plover_mode"),
            goldstein=d.get("goldstein"),
            quad_class=d.get("quad_class"),
            modality=d.get("modality", "asserted"),
            negated=bool(d.get("negated", False)),
            reported_by=_actor_or_none(d.get("reported_by")),
            date=d.get("date"),
            date_precision=d.get("date_precision"),
            date_source=d.get("date_source"),
            location=Place.from_dict(d["location"]) if d.get("location") else None,
            confidence=float(d.get("confidence", 1.0)),
            coded_by=d.get("coded_by", "lexicon"),
            pattern=d.get("pattern"),
            evidence=Span.from_dict(d["evidence"]) if d.get("evidence") else None,
        )


@dataclass
class Quote:
    """A quotation: what was said (possibly in several pieces), the cue, the speaker and who reported it."""

    kind: str  # direct, indirect, mixed
    text: str
    spans: list[tuple[int, int]]
    cue: Span | None = None
    speaker: Actor | None = None
    reported_by: list[Actor] = field(default_factory=list)
    addressee: Actor | None = None
    date: str | None = None
    confidence: float = 1.0
    act: str = "statement"  # statement, belief, intention, finding, impression (docs/quotes.md)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "act": self.act,
            "text": self.text,
            "spans": [list(s) for s in self.spans],
            "cue": self.cue.to_dict() if self.cue else None,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "reported_by": [a.to_dict() for a in self.reported_by],
            "addressee": self.addressee.to_dict() if self.addressee else None,
            "date": self.date,
            "confidence": round(self.confidence, 3),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Quote:
        return cls(
            kind=d["kind"],
            text=d["text"],
            spans=[(int(s[0]), int(s[1])) for s in d.get("spans", [])],
            cue=Span.from_dict(d["cue"]) if d.get("cue") else None,
            speaker=_actor_or_none(d.get("speaker")),
            reported_by=[Actor.from_dict(a) for a in d.get("reported_by", [])],
            addressee=_actor_or_none(d.get("addressee")),
            date=d.get("date"),
            confidence=float(d.get("confidence", 1.0)),
            act=str(d.get("act") or "statement"),
        )


@dataclass
class CodedArticle:
    """The output for one article: every layer the pipeline added."""

    doc_id: str
    date: str | None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    date_missing: bool = False
    actors: list[Actor] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    text: str | None = None  # kept in memory; serialized only when asked (include_text)
    content_hash: str | None = None
    errors: list[str] = field(default_factory=list)  # "stage: error" for each stage that failed on it
    schema: str = SCHEMA

    def to_dict(self, include_text: bool = False) -> dict[str, Any]:
        d: dict[str, Any] = {
            "schema": self.schema,
            "doc_id": self.doc_id,
            "date": self.date,
            "date_missing": self.date_missing,
            "title": self.title,
            "url": self.url,
            "source": self.source,
            "content_hash": self.content_hash,
            "actors": [a.to_dict() for a in self.actors],
            "events": [e.to_dict() for e in self.events],
            "quotes": [q.to_dict() for q in self.quotes],
            "places": [p.to_dict() for p in self.places],
            "times": [t.to_dict() for t in self.times],
            "errors": list(self.errors),
        }
        if include_text:
            d["text"] = self.text
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> CodedArticle:
        return cls(
            schema=d.get("schema", SCHEMA),
            doc_id=d["doc_id"],
            date=d.get("date"),
            date_missing=bool(d.get("date_missing", False)),
            title=d.get("title"),
            url=d.get("url"),
            source=d.get("source"),
            content_hash=d.get("content_hash"),
            actors=[Actor.from_dict(a) for a in d.get("actors", [])],
            events=[Event.from_dict(e) for e in d.get("events", [])],
            quotes=[Quote.from_dict(q) for q in d.get("quotes", [])],
            places=[Place.from_dict(p) for p in d.get("places", [])],
            times=[TimeExpr.from_dict(t) for t in d.get("times", [])],
            errors=[str(e) for e in d.get("errors", [])],
            text=d.get("text"),
        )
