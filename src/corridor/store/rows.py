"""Coded articles (``CodedArticle`` objects, ``corridor/1`` dicts or a JSONL file) as nested Arrow batches.

Reads article records; writes :class:`pyarrow.Table` batches with one row per article in the nested
``corridor/1`` shape (:data:`ARTICLE_SCHEMA`: actors, events, quotes, places and times as lists of structs,
the stage errors as a list of strings) plus a ``_pos`` column (the article's position in its batch). The
backends flatten a batch into their tables in SQL, so no Python loop touches individual events.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.json as pa_json

from corridor.model import CodedArticle

ArticleLike = CodedArticle | Mapping[str, Any]

_S = pa.string()
_I = pa.int32()
_F = pa.float64()
_B = pa.bool_()

SPAN = pa.struct([("text", _S), ("start", _I), ("end", _I)])
ACTOR = pa.struct(
    [
        ("text", _S),
        ("start", _I),
        ("end", _I),
        ("code", _S),
        ("country", _S),
        ("agent", _S),
        ("name", _S),
        ("resolved_by", _S),
        ("confidence", _F),
        ("entity", _I),
        ("members", pa.list_(pa.struct([("code", _S)]))),
    ]
)
PLACE = pa.struct(
    [
        ("text", _S),
        ("start", _I),
        ("end", _I),
        ("name", _S),
        ("geonameid", pa.int64()),
        ("country", _S),
        ("lat", _F),
        ("lon", _F),
        ("feature_class", _S),
        ("feature_code", _S),
        ("confidence", _F),
    ]
)
EVENT = pa.struct(
    [
        ("event_id", _S),
        ("trigger", SPAN),
        ("sentence", _I),
        ("source", ACTOR),
        ("target", ACTOR),
        ("cameo", _S),
        ("cameo_root", _S),
        ("plover", _S),
        ("plover_mode", _S),
        ("goldstein", _F),
        ("quad_class", _I),
        ("modality", _S),
        ("negated", _B),
        ("reported_by", ACTOR),
        ("date", _S),
        ("date_precision", _S),
        ("date_source", _S),
        ("location", PLACE),
        ("confidence", _F),
        ("coded_by", _S),
        ("pattern", _S),
        ("evidence", SPAN),
    ]
)
QUOTE = pa.struct(
    [
        ("kind", _S),
        ("text", _S),
        ("spans", pa.list_(pa.list_(_I))),
        ("cue", SPAN),
        ("speaker", ACTOR),
        ("reported_by", pa.list_(ACTOR)),
        ("addressee", ACTOR),
        ("date", _S),
        ("confidence", _F),
    ]
)
TIMEX = pa.struct(
    [
        ("text", _S),
        ("start", _I),
        ("end", _I),
        ("type", _S),
        ("value", _S),
        ("precision", _S),
        ("resolved_by", _S),
    ]
)
ARTICLE_SCHEMA = pa.schema(
    [
        ("schema", _S),
        ("doc_id", _S),
        ("date", _S),
        ("date_missing", _B),
        ("title", _S),
        ("url", _S),
        ("source", _S),
        ("content_hash", _S),
        ("text", _S),
        ("actors", pa.list_(ACTOR)),
        ("events", pa.list_(EVENT)),
        ("quotes", pa.list_(QUOTE)),
        ("places", pa.list_(PLACE)),
        ("times", pa.list_(TIMEX)),
        ("errors", pa.list_(_S)),
    ]
)

# The store tables a batch is flattened into (every one has a doc_id column).
TABLES: tuple[str, ...] = ("articles", "mentions", "actors", "quotes", "places", "times")


def as_dict(article: ArticleLike) -> Mapping[str, Any]:
    """The ``corridor/1`` dict of an article (``CodedArticle`` objects are converted, text included)."""
    if isinstance(article, CodedArticle):
        return article.to_dict(include_text=article.text is not None)
    if isinstance(article, Mapping):
        if not article.get("doc_id"):
            raise ValueError("coded article without a doc_id")
        return article
    raise TypeError(f"expected a CodedArticle or a dict, got {type(article).__name__}")


def _with_pos(table: pa.Table) -> pa.Table:
    return table.append_column("_pos", pa.array(range(table.num_rows), pa.int64()))


def to_arrow(articles: Iterable[ArticleLike]) -> pa.Table:
    """One nested Arrow table (:data:`ARTICLE_SCHEMA` plus ``_pos``) for ``articles``."""
    rows = [as_dict(a) for a in articles]
    try:
        table = pa.Table.from_pylist(rows, schema=ARTICLE_SCHEMA)
    except (pa.ArrowInvalid, pa.ArrowTypeError) as exc:
        first = rows[0].get("doc_id") if rows else None
        raise ValueError(f"coded articles do not fit the corridor/1 schema (batch from {first}): {exc}") from exc
    return _with_pos(table)


def batches(articles: Iterable[ArticleLike], size: int) -> Iterator[pa.Table]:
    """Nested Arrow tables of at most ``size`` articles each."""
    pending: list[ArticleLike] = []
    for art in articles:
        pending.append(art)
        if len(pending) >= size:
            yield to_arrow(pending)
            pending = []
    if pending:
        yield to_arrow(pending)


def latest_only(table: pa.Table) -> tuple[pa.Table, list[str]]:
    """Drop articles that a later row of the same batch replaces (same ``doc_id`` or ``content_hash``).

    Returns the kept rows and the kept doc_ids. Raises ``ValueError`` for a row without a doc_id.
    """
    ids = table.column("doc_id").to_pylist()
    hashes = table.column("content_hash").to_pylist()
    if any(not d for d in ids):
        raise ValueError("coded article without a doc_id")
    last_id = {d: i for i, d in enumerate(ids)}
    last_h = {h: i for i, h in enumerate(hashes) if h}
    keep = [last_id[d] == i and (not h or last_h[h] == i) for i, (d, h) in enumerate(zip(ids, hashes, strict=True))]
    if all(keep):
        return table, ids
    return table.filter(pa.array(keep)), [d for d, k in zip(ids, keep, strict=True) if k]


def list_total(table: pa.Table, column: str) -> int:
    """Total length of the lists in ``column`` (e.g. the events of a batch)."""
    total = pc.sum(pc.list_value_length(table.column(column))).as_py()
    return int(total or 0)


def jsonl_batches(path: str | Path, block_bytes: int = 16 << 20) -> Iterator[pa.Table]:
    """Nested Arrow tables read straight from a ``corridor/1`` JSONL file (fields outside the schema are
    ignored), about ``block_bytes`` of input each."""
    opts = pa_json.ReadOptions(block_size=block_bytes)
    parse = pa_json.ParseOptions(explicit_schema=ARTICLE_SCHEMA, unexpected_field_behavior="ignore")
    reader = pa_json.open_json(str(path), read_options=opts, parse_options=parse)
    for rb in reader:
        if rb.num_rows:
            yield _with_pos(pa.Table.from_batches([rb]).select(ARTICLE_SCHEMA.names))


def read_jsonl(path: str | Path) -> Iterator[dict[str, Any]]:
    """The coded-article dicts of a JSONL file (one ``corridor/1`` record a line; blank lines skipped)."""
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{n}: not JSON: {exc}") from exc
            if not isinstance(rec, dict) or not rec.get("doc_id"):
                raise ValueError(f"{path}:{n}: not a coded article (no doc_id)")
            yield rec
