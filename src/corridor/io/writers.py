"""Output writers: article JSONL, flat event JSONL, CSV, GDELT-style TSV and Parquet.

``jsonl`` writes one coded article per line (schema ``corridor/1``); the other formats write one event
per row, with the flat columns of :data:`FLAT_COLUMNS` (GDELT's column names for ``gdelt``).
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from corridor.model import Actor, CodedArticle, Event

FORMATS = ("jsonl", "flat", "csv", "gdelt", "parquet")
FLAT_COLUMNS = [
    "event_id", "doc_id", "article_date", "date", "date_precision", "date_source",
    "source_text", "source_code", "source_country", "source_agent", "source_name",
    "target_text", "target_code", "target_country", "target_agent", "target_name",
    "cameo", "cameo_root", "plover", "plover_mode", "goldstein", "quad_class", "modality",
    "reported_by_code", "reported_by_name", "location_name", "location_country", "location_geonameid",
    "location_lat", "location_lon", "trigger", "trigger_start", "trigger_end", "confidence", "pattern",
    "evidence", "url", "source",
]  # fmt: skip
GDELT_COLUMNS = [
    ("GLOBALEVENTID", "event_id"), ("SQLDATE", None), ("Actor1Code", "source_code"),
    ("Actor1Name", "source_name"), ("Actor1CountryCode", "source_country"), ("Actor1Type1Code", "source_agent"),
    ("Actor2Code", "target_code"), ("Actor2Name", "target_name"), ("Actor2CountryCode", "target_country"),
    ("Actor2Type1Code", "target_agent"), ("EventCode", "cameo"), ("EventRootCode", "cameo_root"),
    ("QuadClass", "quad_class"), ("GoldsteinScale", "goldstein"), ("NumMentions", None),
    ("ActionGeo_FullName", "location_name"), ("ActionGeo_CountryCode", "location_country"),
    ("ActionGeo_Lat", "location_lat"), ("ActionGeo_Long", "location_lon"),
    ("ActionGeo_FeatureID", "location_geonameid"), ("SOURCEURL", "url"),
]  # fmt: skip


def format_for(path: str | None, fmt: str | None) -> str:
    """The output format: explicit, else from the file extension, else JSONL."""
    if fmt:
        if fmt not in FORMATS:
            raise ValueError(f"unknown output format {fmt!r}; choose one of {', '.join(FORMATS)}")
        return fmt
    if path:
        ext = Path(path).suffix.lower()
        return {".csv": "csv", ".tsv": "gdelt", ".parquet": "parquet", ".pq": "parquet"}.get(ext, "jsonl")
    return "jsonl"


def _actor_cols(prefix: str, a: Actor | None) -> dict[str, Any]:
    return {
        f"{prefix}_text": a.text if a else None,
        f"{prefix}_code": a.code if a else None,
        f"{prefix}_country": a.country if a else None,
        f"{prefix}_agent": a.agent if a else None,
        f"{prefix}_name": a.name if a else None,
    }


def flat_event(article: CodedArticle, ev: Event) -> dict[str, Any]:
    """One event as a flat row (the columns of :data:`FLAT_COLUMNS`)."""
    loc = ev.location
    row: dict[str, Any] = {
        "event_id": ev.event_id,
        "doc_id": article.doc_id,
        "article_date": article.date,
        "date": ev.date,
        "date_precision": ev.date_precision,
        "date_source": ev.date_source,
        **_actor_cols("source", ev.source),
        **_actor_cols("target", ev.target),
        "cameo": ev.cameo,
        "cameo_root": ev.cameo_root,
        "plover": ev.plover,
        "plover_mode": ev.plover_mode,
        "goldstein": ev.goldstein,
        "quad_class": ev.quad_class,
        "modality": ev.modality,
        "reported_by_code": ev.reported_by.code if ev.reported_by else None,
        "reported_by_name": ev.reported_by.name if ev.reported_by else None,
        "location_name": loc.name if loc else None,
        "location_country": loc.country if loc else None,
        "location_geonameid": loc.geonameid if loc else None,
        "location_lat": loc.lat if loc else None,
        "location_lon": loc.lon if loc else None,
        "trigger": ev.trigger.text,
        "trigger_start": ev.trigger.start,
        "trigger_end": ev.trigger.end,
        "confidence": round(ev.confidence, 3),
        "pattern": ev.pattern,
        "evidence": ev.evidence.text if ev.evidence else None,
        "url": article.url,
        "source": article.source,
    }
    return row


def gdelt_event_id(event_id: str) -> int:
    """A stable integer for ``GLOBALEVENTID`` (GDELT's is an integer): the first 60 bits of the SHA-1 of
    corridor's event id, so the same event gets the same number in every run."""
    return int(hashlib.sha1(event_id.encode("utf-8")).hexdigest()[:15], 16)


class Writer:
    """Writes coded articles to a stream or file in one of :data:`FORMATS`."""

    def __init__(self, stream: IO[str] | None, fmt: str, path: str | None = None, include_text: bool = False) -> None:
        self.fmt = fmt
        self.stream = stream
        self.path = path
        self.include_text = include_text
        self._csv: Any = None
        self._rows: list[dict[str, Any]] = []
        if fmt == "parquet" and not path:
            raise ValueError("Parquet output needs a file: use -o FILE.parquet")

    def write(self, article: CodedArticle) -> None:
        if self.fmt == "jsonl":
            self._line(json.dumps(article.to_dict(include_text=self.include_text), ensure_ascii=False))
        elif self.fmt == "flat":
            for ev in article.events:
                self._line(json.dumps(flat_event(article, ev), ensure_ascii=False))
        elif self.fmt in {"csv", "gdelt"}:
            for ev in article.events:
                self._csv_row(flat_event(article, ev))
        elif self.fmt == "parquet":
            self._rows.extend(flat_event(article, ev) for ev in article.events)

    def _line(self, text: str) -> None:
        assert self.stream is not None
        self.stream.write(text + "\n")

    def _csv_row(self, row: dict[str, Any]) -> None:
        assert self.stream is not None
        if self.fmt == "gdelt":
            out = {}
            for col, key in GDELT_COLUMNS:
                if col == "SQLDATE":
                    out[col] = (row["date"] or "").replace("-", "")[:8]
                elif col == "NumMentions":
                    out[col] = 1
                elif col == "GLOBALEVENTID":
                    out[col] = gdelt_event_id(row["event_id"])
                else:
                    out[col] = row.get(key or "")
            row = out
            cols = [c for c, _ in GDELT_COLUMNS]
        else:
            cols = FLAT_COLUMNS
        if self._csv is None:
            self._csv = csv.DictWriter(
                self.stream,
                fieldnames=cols,
                delimiter="\t" if self.fmt == "gdelt" else ",",
                extrasaction="ignore",
                lineterminator="\n" if self.fmt == "gdelt" else "\r\n",  # GDELT's files end lines with \n
            )
            self._csv.writeheader()
        self._csv.writerow(row)

    def flush(self) -> None:
        if self.stream is not None:
            self.stream.flush()

    def close(self) -> None:
        if self.fmt == "parquet":
            import pyarrow as pa
            import pyarrow.parquet as pq

            table = pa.Table.from_pylist(self._rows) if self._rows else pa.table({c: [] for c in FLAT_COLUMNS})
            assert self.path is not None
            pq.write_table(table, self.path)
        elif self.fmt in {"csv", "gdelt"} and self._csv is None and self.stream is not None:
            cols = [c for c, _ in GDELT_COLUMNS] if self.fmt == "gdelt" else FLAT_COLUMNS
            self.stream.write(("\t" if self.fmt == "gdelt" else ",").join(cols) + "\n")
        if self.stream is not None:
            self.stream.flush()


def write_articles(articles: Iterable[CodedArticle], path: str, fmt: str | None = None) -> int:
    """Write coded articles to ``path``; returns the number of articles written."""
    fmt = format_for(path, fmt)
    n = 0
    if fmt == "parquet":
        w = Writer(None, fmt, path)
        for a in articles:
            w.write(a)
            n += 1
        w.close()
        return n
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = Writer(fh, fmt, path)
        for a in articles:
            w.write(a)
            n += 1
        w.close()
    return n


def read_coded(path: str | Path) -> Iterable[CodedArticle]:
    """Read coded articles back from a corridor JSONL file."""
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield CodedArticle.from_dict(json.loads(line))
