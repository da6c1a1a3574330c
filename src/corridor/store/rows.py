"""Coded articles (``CodedArticle`` objects, ``corridor/1`` dicts or a JSONL file) as nested Arrow batches.

Reads article records; writes :class:`pyarrow.Table` batches with one row per article in the nested
``corridor/1`` shape (:data:`ARTICLE_SCHEMA`: actors, events, quotes, places and times as lists of structs,
the stage errors as a list of strings) plus a ``_pos`` column (the article's position in its batch). The
backends flatten a batch into their tables in SQL, so no Python loop touches individual events.
"""

from __future__ import annotations

import io
import json
import re
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
        ("act", _S),
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
    ignored), about ``block_bytes`` of input each.

    Raises ``ValueError`` naming the file and the 1-based line of the first record that is not a coded
    article (invalid JSON, a flat event record, raw input, a value of the wrong type); see
    :func:`record_problem`. The file is read a second time, line by line, only to find that line.
    """
    opts = pa_json.ReadOptions(block_size=block_bytes)
    parse = pa_json.ParseOptions(explicit_schema=ARTICLE_SCHEMA, unexpected_field_behavior="ignore")
    try:
        reader = pa_json.open_json(str(path), read_options=opts, parse_options=parse)
    except pa.ArrowInvalid as exc:
        if _blank(path):
            return  # an empty file holds no articles
        raise ValueError(locate_problem(path, exc)) from exc
    while True:
        try:
            rb = reader.read_next_batch()
        except StopIteration:
            return
        except pa.ArrowInvalid as exc:
            raise ValueError(locate_problem(path, exc)) from exc
        if not rb.num_rows:
            continue
        table = pa.Table.from_batches([rb]).select(ARTICLE_SCHEMA.names)
        if table.column("events").null_count or not pc.all(pc.invert(_empty(table.column("doc_id")))).as_py():
            raise ValueError(locate_problem(path, None))
        yield _with_pos(table)


def _blank(path: str | Path) -> bool:
    """Whether a file has nothing but white space."""
    with open(path, "rb") as fh:
        return all(not raw.strip() for raw in fh)


def _empty(column: pa.ChunkedArray) -> pa.ChunkedArray:
    """True where a string column is null or empty."""
    return pc.fill_null(pc.equal(pc.utf8_length(column), 0), True)


def _hint_code(path: str | Path | None) -> str:
    return f"run `corridor code {path or 'FILE'} -o coded.jsonl` first and load its output"


def record_problem(rec: Any, path: str | Path | None = None) -> str | None:
    """Why a parsed JSONL record is not a ``corridor/1`` coded article (None when it is one).

    A coded article has a non-empty ``doc_id`` and an ``events`` list (docs/schema.md); the message says
    what the record looks like instead (a flat event from ``corridor code --flat``, raw input) and what to do
    (``path``, the file it came from, is named in the hint).
    """
    if not isinstance(rec, dict):
        return f"not a coded article: a JSON {type(rec).__name__}, not an object; {_hint_code(path)}"
    doc_id, events = rec.get("doc_id"), rec.get("events")
    if isinstance(doc_id, str) and doc_id and isinstance(events, list):
        return None
    if "event_id" in rec or "source_code" in rec or "cameo" in rec:
        return (
            "an event record (the output of `corridor code --flat`), not a coded article; "
            "load the article JSONL that `corridor code` writes without --flat"
        )
    if "events" not in rec and ("text" in rec or "id" in rec):
        return f"raw input (id, date, text), not a coded article; {_hint_code(path)}"
    missing = [
        k for k, ok in (("doc_id", isinstance(doc_id, str) and doc_id), ("events", isinstance(events, list))) if not ok
    ]
    return f"not a coded article: no {' or '.join(missing)} (see docs/schema.md); {_hint_code(path)}"


def _arrow_reason(exc: BaseException) -> str:
    """An Arrow JSON error without its block-relative ``in row N``."""
    return re.sub(r"\.?\s*in row \d+\s*$", "", str(exc).strip()).removeprefix("JSON parse error: ")


def _json_problem(err: json.JSONDecodeError, n: int, *, cut: bool, path: str | Path) -> str:
    """What to say about a line that is not JSON: a cut-short last line, a file that is not JSONL at all."""
    what = f"not JSON ({err.msg.removesuffix(' at')} at column {err.colno})"
    if cut:
        return f"{what}: the line is cut short (is the file truncated?)"
    if n == 1:
        return (
            f"{what}: this is not a coded-article JSONL file; `corridor load` reads what `corridor code` writes "
            f"(run `corridor code {path} -o coded.jsonl` first)"
        )
    return f"{what}; every line must be one coded article as JSON"


def locate_problem(path: str | Path, exc: BaseException | None) -> str:
    """``FILE:LINE: reason`` for the first line of ``path`` that is not a coded article.

    Checks each line for valid UTF-8 and JSON, then for the fields of a coded article, then for values that
    fit :data:`ARTICLE_SCHEMA`. ``exc`` is the Arrow error that prompted the search (its text is the reason
    when no single line can be blamed).
    """
    parse = pa_json.ParseOptions(explicit_schema=ARTICLE_SCHEMA, unexpected_field_behavior="ignore")
    with open(path, "rb") as fh:
        for n, raw in enumerate(fh, start=1):
            if not raw.strip():
                continue
            _rec, problem = _parse_line(raw, n, path)
            if problem:
                return f"{path}:{n}: {problem}"
            try:
                pa_json.read_json(io.BytesIO(raw), parse_options=parse)
            except (pa.ArrowInvalid, pa.ArrowTypeError) as err:
                return f"{path}:{n}: a field does not fit the corridor/1 schema: {_arrow_reason(err)}"
    reason = _arrow_reason(exc) if exc is not None else "not a coded-article JSONL file"
    return f"{path}: {reason}"


def read_jsonl(path: str | Path, *, name: str | None = None) -> Iterator[dict[str, Any]]:
    """The coded-article dicts of a JSONL file (one ``corridor/1`` record a line; blank lines skipped).

    Raises ``ValueError`` as ``NAME:LINE: reason`` (``name`` defaults to ``path``) for a line that is not
    JSON or not a coded article (:func:`record_problem`).
    """
    with open(path, "rb") as fh:
        yield from read_jsonl_lines(fh, name or str(path))


def read_jsonl_lines(lines: Iterable[bytes], name: str) -> Iterator[dict[str, Any]]:
    """Like :func:`read_jsonl` for lines of bytes (standard input: ``sys.stdin.buffer``) named ``name``."""
    for n, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        rec, problem = _parse_line(raw, n, name)
        if problem:
            raise ValueError(f"{name}:{n}: {problem}")
        yield rec


def _parse_line(raw: bytes, n: int, name: str | Path) -> tuple[Any, str | None]:
    """Line ``n`` of a coded-article JSONL file, parsed, and why it is not a coded article (None when it is
    one): not UTF-8, not JSON (:func:`_json_problem`), or not an article (:func:`record_problem`)."""
    try:
        rec = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as err:
        return None, f"not UTF-8 text ({err.reason} at byte {err.start}); not a coded-article JSONL file"
    except json.JSONDecodeError as err:
        return None, _json_problem(err, n, cut=not raw.endswith(b"\n"), path=name)
    return rec, record_problem(rec, name)
