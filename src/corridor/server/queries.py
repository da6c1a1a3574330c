"""The server's one door to the event store: loads, event search, timelines, rankings, quotes, articles.

Reads the DuckDB tables of :mod:`corridor.store` (``articles``, ``mentions``, ``actors``, ``quotes``,
``places``, ``times``, ``events``) through :func:`corridor.store.open_store` and the functions of
:mod:`corridor.store.analytics`; writes coded articles into the store (:meth:`StoreQueries.load`). Every
method returns plain JSON-ready values (dates as ISO strings). The HTTP layer calls nothing else of the
store, so a change on the store's side touches this file only.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import pyarrow as pa

from corridor.model import CodedArticle
from corridor.store import StoreBusyError, StoreError, open_store
from corridor.store import analytics as an

__all__ = ["CursorError", "EventFilter", "StoreBusyError", "StoreError", "StoreQueries"]

By = Literal["code", "country"]
Freq = Literal["day", "week", "month"]
Level = Literal["events", "mentions"]

# Sort key of the event list: newest first, events without a date last, then doc_id and event_id.
_NO_DATE = dt.date(1, 1, 1)
_SORT_DATE = f"coalesce(date, DATE '{_NO_DATE.isoformat()}')"


class CursorError(ValueError):
    """A pagination cursor that this server did not hand out."""


@dataclass
class EventFilter:
    """Filters of the event list (``None``: no filter on that field)."""

    actor: str | None = None  # source or target code
    country: str | None = None  # source or target country
    dyad: tuple[str, str] | None = None  # source code, target code
    cameo: str | None = None  # CAMEO code prefix
    plover: str | None = None
    quad_class: int | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    q: str | None = None  # case-insensitive text in the evidence sentence
    doc_id: str | None = None


def _json_value(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def _rows(table: pa.Table) -> list[dict[str, Any]]:
    return [{k: _json_value(v) for k, v in row.items()} for row in table.to_pylist()]


def encode_cursor(key: tuple[str, str, str]) -> str:
    raw = json.dumps(list(key), separators=(",", ":")).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode_cursor(cursor: str) -> tuple[dt.date, str, str]:
    """The (sort date, doc_id, event_id) after which the next page starts."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        date_s, doc_id, event_id = json.loads(raw.decode("utf-8"))
        if not all(isinstance(x, str) for x in (date_s, doc_id, event_id)):
            raise TypeError
        return dt.date.fromisoformat(date_s), doc_id, event_id
    except (binascii.Error, UnicodeDecodeError, ValueError, TypeError) as exc:
        raise CursorError("invalid cursor: pass the next_cursor of a previous page unchanged") from exc


def _actor(row: dict[str, Any], prefix: str) -> dict[str, Any] | None:
    if row.get(f"{prefix}_code") is None:
        return None
    return {k: row[f"{prefix}_{k}"] for k in ("code", "country", "agent", "name", "text")}


def _event_row(row: dict[str, Any]) -> dict[str, Any]:
    """A ``mentions`` row in the nested shape of the ``corridor/1`` event record (plus doc_id and publisher)."""
    out: dict[str, Any] = {
        "doc_id": row["doc_id"],
        "event_id": row["event_id"],
        "date": row["date"],
        "date_precision": row["date_precision"],
        "article_date": row["article_date"],
        "publisher": row["publisher"],
        "source": _actor(row, "source"),
        "target": _actor(row, "target"),
        "cameo": row["cameo"],
        "cameo_root": row["cameo_root"],
        "plover": row["plover"],
        "plover_mode": row["plover_mode"],
        "goldstein": row["goldstein"],
        "quad_class": row["quad_class"],
        "modality": row["modality"],
        "negated": row["negated"],
        "sentence": row["sentence"],
        "trigger": {"text": row["trigger_text"], "start": row["trigger_start"], "end": row["trigger_end"]},
        "evidence": None,
        "location": None,
        "confidence": row["confidence"],
    }
    if row["evidence_text"] is not None:
        out["evidence"] = {"text": row["evidence_text"], "start": row["evidence_start"], "end": row["evidence_end"]}
    if row["place_name"] is not None or row["place_text"] is not None:
        out["location"] = {
            "text": row["place_text"],
            "name": row["place_name"],
            "geonameid": row["geonameid"],
            "country": row["place_country"],
            "lat": row["lat"],
            "lon": row["lon"],
        }
    return out


_EVENT_COLUMNS = """doc_id, event_id, date, date_precision, article_date, publisher,
    source_code, source_country, source_agent, source_name, source_text,
    target_code, target_country, target_agent, target_name, target_text,
    cameo, cameo_root, plover, plover_mode, goldstein, quad_class, modality, negated, sentence,
    trigger_text, trigger_start, trigger_end, evidence_text, evidence_start, evidence_end,
    place_text, place_name, geonameid, place_country, lat, lon, confidence"""


class StoreQueries:
    """Read and write one event store for the HTTP API (a DuckDB file, created when missing)."""

    def __init__(self, path: str | Path, *, timeout: float = 10.0) -> None:
        self.path = str(path)
        self.store = open_store(path, timeout=timeout)

    # -- writing -----------------------------------------------------------------------------------

    def load(self, articles: Sequence[CodedArticle]) -> dict[str, Any]:
        """Store coded articles (text included); a stored article with the same doc_id is replaced."""
        stats = self.store.load(list(articles))
        return {
            "articles": stats.articles,
            "replaced": stats.replaced,
            "mentions": stats.mentions,
            "events": stats.events,
        }

    # -- events ------------------------------------------------------------------------------------

    def events(
        self, filters: EventFilter, limit: int = 50, cursor: str | None = None
    ) -> tuple[list[dict[str, Any]], str | None]:
        """One page of coded events (``mentions`` rows, newest first) and the cursor of the next page."""
        where: list[str] = []
        params: list[Any] = []
        f = filters
        if f.actor:
            where.append("(source_code = ? OR target_code = ?)")
            params += [f.actor, f.actor]
        if f.country:
            where.append("(source_country = ? OR target_country = ?)")
            params += [f.country, f.country]
        if f.dyad:
            where.append("source_code = ? AND target_code = ?")
            params += list(f.dyad)
        if f.cameo:
            where.append("starts_with(cameo, ?)")
            params.append(f.cameo)
        if f.plover:
            where.append("upper(plover) = upper(?)")
            params.append(f.plover)
        if f.quad_class is not None:
            where.append("quad_class = ?")
            params.append(f.quad_class)
        if f.date_from:
            where.append("date >= ?")
            params.append(f.date_from)
        if f.date_to:
            where.append("date <= ?")
            params.append(f.date_to)
        if f.q:
            where.append("contains(lower(evidence_text), lower(?))")
            params.append(f.q)
        if f.doc_id:
            where.append("doc_id = ?")
            params.append(f.doc_id)
        if cursor:
            c_date, c_doc, c_event = decode_cursor(cursor)
            where.append(f"({_SORT_DATE} < ? OR ({_SORT_DATE} = ? AND (doc_id > ? OR (doc_id = ? AND event_id > ?))))")
            params += [c_date, c_date, c_doc, c_doc, c_event]
        sql = (
            f"SELECT {_EVENT_COLUMNS}, {_SORT_DATE} AS _sort FROM mentions "
            + ("WHERE " + " AND ".join(where) if where else "")
            + f" ORDER BY _sort DESC, doc_id, event_id LIMIT {int(limit) + 1}"
        )
        rows = self.store.query(sql, params).to_pylist()
        next_cursor = None
        if len(rows) > limit:
            last = rows[limit - 1]
            next_cursor = encode_cursor((last["_sort"].isoformat(), last["doc_id"], last["event_id"]))
            rows = rows[:limit]
        return [_event_row({k: _json_value(v) for k, v in r.items()}) for r in rows], next_cursor

    # -- analytics ---------------------------------------------------------------------------------

    def timeline(
        self,
        a: str,
        b: str,
        freq: Freq = "month",
        *,
        directed: bool = False,
        by: By = "code",
        date_from: dt.date | None = None,
        date_to: dt.date | None = None,
        level: Level = "events",
    ) -> list[dict[str, Any]]:
        """Events of the dyad per period, with cooperation and conflict counts (see ``dyad_timeline``)."""
        table = an.dyad_timeline(
            self.store, a, b, freq, directed=directed, by=by, start=date_from, end=date_to, level=level
        )
        return _rows(table)

    def actors(
        self,
        top: int = 20,
        *,
        by: By = "code",
        country: str | None = None,
        quad_class: int | None = None,
        date_from: dt.date | None = None,
        date_to: dt.date | None = None,
        level: Level = "events",
    ) -> list[dict[str, Any]]:
        """Actors ranked by events, each with its most frequent name (codes only)."""
        table = an.actor_ranking(
            self.store,
            top,
            by=by,
            country=country,
            quad_class=quad_class,
            start=date_from,
            end=date_to,
            level=level,
        )
        rows = _rows(table)
        names = self._names([r["actor"] for r in rows]) if by == "code" else {}
        for r in rows:
            r["name"] = names.get(r["actor"])
        return rows

    def _names(self, codes: list[str]) -> dict[str, str]:
        if not codes:
            return {}
        marks = ", ".join("?" for _ in codes)
        sql = (
            "SELECT code, mode(coalesce(name, text)) AS name FROM actors "
            f"WHERE code IN ({marks}) AND coalesce(name, text) IS NOT NULL GROUP BY code"
        )
        return {r["code"]: r["name"] for r in self.store.query(sql, codes).to_pylist()}

    def dyads(self, top: int = 20, *, level: Level = "events") -> list[dict[str, Any]]:
        """Undirected dyads ranked by events (smaller code first)."""
        return _rows(an.dyad_ranking(self.store, top, directed=False, level=level))

    def network(self, top: int = 60, *, min_events: int = 1, level: Level = "events") -> dict[str, Any]:
        """The directed actor network: the ``top`` edges by events and the nodes they touch."""
        edges = an.actor_network(self.store, min_events=min_events, level=level)
        if edges.num_rows > top:
            edges = edges.sort_by([("events", "descending"), ("source", "ascending"), ("target", "ascending")])
            edges = edges.slice(0, top)
        nodes = an.network_nodes(edges)
        names = self._names([n["id"] for n in nodes])
        for n in nodes:
            n["name"] = names.get(n["id"])
        return {"nodes": nodes, "edges": _rows(edges)}

    def speakers(
        self,
        top: int = 20,
        *,
        by: By = "code",
        country: str | None = None,
        date_from: dt.date | None = None,
        date_to: dt.date | None = None,
        min_confidence: float | None = None,
        acts: list[str] | None = None,
    ) -> list[dict[str, Any]]:
        """Speakers ranked by quotes (see ``quotes_by_speaker``)."""
        table = an.quotes_by_speaker(
            self.store,
            top,
            by=by,
            country=country,
            start=date_from,
            end=date_to,
            min_confidence=min_confidence,
            acts=acts,
        )
        return _rows(table)

    def quotes(
        self,
        speaker: str | None = None,
        *,
        by: By = "code",
        date_from: dt.date | None = None,
        date_to: dt.date | None = None,
        limit: int = 50,
        min_confidence: float | None = None,
        acts: list[str] | None = None,
    ) -> list[dict[str, Any]]:
        """Quotes, newest first: of one speaker (by code or country), or of everyone."""
        table = an.quotes_of(
            self.store,
            speaker or None,
            by=by,
            start=date_from,
            end=date_to,
            limit=limit,
            min_confidence=min_confidence,
            acts=acts,
        )
        return _rows(table)

    def counts(self) -> dict[str, int]:
        return self.store.counts()

    # -- one article -------------------------------------------------------------------------------

    def article(self, doc_id: str) -> dict[str, Any] | None:
        """A stored article: its text, its events and its spans (actors, triggers, quotes, times, places)."""
        arts = _rows(
            self.store.query(
                "SELECT doc_id, date, date_raw, title, url, source, content_hash, text FROM articles WHERE doc_id = ?",
                [doc_id],
            )
        )
        if not arts:
            return None
        art = arts[0]
        q = self.store.query
        spans: list[dict[str, Any]] = []
        for r in _rows(
            q(
                "SELECT start_char, end_char, text, code, name FROM actors WHERE doc_id = ? ORDER BY idx",
                [doc_id],
            )
        ):
            spans.append(_span("actor", r["start_char"], r["end_char"], r["code"], name=r["name"]))
        events, _ = self.events(EventFilter(doc_id=doc_id), limit=10_000)
        for e in sorted(events, key=lambda e: e["trigger"]["start"] or 0):
            label = " ".join(x for x in (e["cameo"], e["plover"]) if x)
            spans.append(_span("trigger", e["trigger"]["start"], e["trigger"]["end"], label, event_id=e["event_id"]))
        for r in _rows(
            q(
                "SELECT idx, kind, act, spans, speaker_code, coalesce(speaker_name, speaker_text) AS speaker "
                "FROM quotes WHERE doc_id = ? ORDER BY idx",
                [doc_id],
            )
        ):
            act = f" ({r['act']})" if r["act"] not in (None, "statement") else ""
            label = f"{r['kind']} quote{act}" + (f" of {r['speaker_code']}" if r["speaker_code"] else "")
            for s in r["spans"] or []:
                spans.append(_span("quote", s[0], s[1], label, speaker=r["speaker"]))
        for r in _rows(
            q("SELECT start_char, end_char, type, value FROM times WHERE doc_id = ? ORDER BY idx", [doc_id])
        ):
            spans.append(_span("time", r["start_char"], r["end_char"], r["value"] or r["type"]))
        for r in _rows(
            q(
                "SELECT start_char, end_char, name, country, geonameid FROM places WHERE doc_id = ? ORDER BY idx",
                [doc_id],
            )
        ):
            label = ", ".join(x for x in (r["name"], r["country"]) if x) or "place"
            spans.append(_span("place", r["start_char"], r["end_char"], label, geonameid=r["geonameid"]))
        text = art.pop("text") or ""
        spans = [s for s in spans if 0 <= s["start"] < s["end"] <= len(text)]
        return {**art, "text": text, "spans": spans, "events": events}


def _span(kind: str, start: Any, end: Any, label: str | None, **extra: Any) -> dict[str, Any]:
    return {"kind": kind, "start": int(start or 0), "end": int(end or 0), "label": label or kind, **extra}
