"""Input readers: plain text, JSONL and CSV files (optionally gzipped), directories and stdin.

Every record read becomes either an :class:`~corridor.model.Article` or a :class:`Reject` naming the file,
line (or record) and field, and the reason, so that nothing is lost silently.

Plain text: one article per file; an optional first line ``date YYYY-MM-DD`` (the text may continue on
the same line); the doc id is the file name without extensions. JSONL and CSV: columns ``id``, ``date``,
``text`` and optional ``title``, ``url``, ``source``.
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import json
import re
import sys
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, BinaryIO

from corridor.model import Article

TEXT_EXTS = {".txt", ".text"}
JSONL_EXTS = {".jsonl", ".ndjson", ".json"}
CSV_EXTS = {".csv", ".tsv"}
KNOWN_EXTS = TEXT_EXTS | JSONL_EXTS | CSV_EXTS
DEFAULT_MAX_CHARS = 1_000_000
DATE_LINE = re.compile(r"^\s*date\s*[:=]?\s*(\S+)[ \t]*(?:\r?\n)?", re.IGNORECASE)
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


@dataclass
class Reject:
    """A record that could not be coded, and why."""

    source: str
    line: int | None
    field: str | None
    reason: str
    id: str | None = None
    record: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def message(self) -> str:
        where = self.source + (f":{self.line}" if self.line is not None else "")
        rec = f" (record {self.id})" if self.id else ""
        fld = f" field '{self.field}'" if self.field else ""
        return f"{where}{rec}:{fld} {self.reason}".replace(": ", ": ", 1)


class InputError(Exception):
    """An input path that cannot be read at all (missing file, unknown format)."""


class DateError(ValueError):
    pass


def parse_date(value: Any) -> str | None:
    """Normalize common date forms to ``YYYY-MM-DD``; None for empty; :class:`DateError` if unreadable."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    if not text:
        return None
    m = re.fullmatch(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?", text)
    if m:
        y, mo, d = (int(x) for x in m.groups())
    elif re.fullmatch(r"\d{8}", text):
        y, mo, d = int(text[:4]), int(text[4:6]), int(text[6:])
    else:
        import dateparser

        parsed = dateparser.parse(
            text,
            languages=["en"],
            settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]},
        )
        if parsed is None:
            raise DateError(f"unreadable date {text!r} (use YYYY-MM-DD)")
        return parsed.date().isoformat()
    try:
        return dt.date(y, mo, d).isoformat()
    except ValueError as exc:
        raise DateError(f"invalid date {text!r}: {exc}") from None


def _open_binary(path: Path) -> BinaryIO:
    if path.suffix == ".gz":
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return path.open("rb")


def _format_of(name: str) -> str | None:
    suffixes = [s.lower() for s in Path(name).suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    ext = suffixes[-1] if suffixes else ""
    if ext in TEXT_EXTS:
        return "text"
    if ext in JSONL_EXTS:
        return "jsonl"
    if ext in CSV_EXTS:
        return "csv" if ext == ".csv" else "tsv"
    return None


def _doc_id_of(path: Path) -> str:
    name = path.name
    if name.endswith(".gz"):
        name = name[:-3]
    return Path(name).stem


class Reader:
    """Reads articles from paths; yields Article or Reject records in input order."""

    def __init__(self, max_chars: int = DEFAULT_MAX_CHARS, fmt: str | None = None) -> None:
        self.max_chars = max_chars
        self.fmt = fmt

    def expand(self, paths: list[str]) -> Iterator[str | Path]:
        for p in paths:
            if p == "-":
                yield p
                continue
            path = Path(p)
            if path.is_dir():
                files = sorted(f for f in path.rglob("*") if f.is_file() and _format_of(f.name))
                yield from files
            elif path.is_file():
                yield path
            else:
                raise InputError(f"{p}: no such file or directory")

    def read(self, paths: list[str]) -> Iterator[Article | Reject]:
        for item in self.expand(paths):
            if item == "-":
                data = sys.stdin.buffer.read()
                yield from self._read_bytes(data, "<stdin>", self.fmt or _sniff(data), "stdin")
                continue
            assert isinstance(item, Path)
            fmt = self.fmt or _format_of(item.name) or "text"
            try:
                with _open_binary(item) as fh:
                    data = fh.read()
            except (OSError, EOFError) as exc:
                yield Reject(str(item), None, None, f"cannot read file: {exc}")
                continue
            yield from self._read_bytes(data, str(item), fmt, _doc_id_of(item))

    def _read_bytes(self, data: bytes, source: str, fmt: str, doc_id: str) -> Iterator[Article | Reject]:
        if fmt == "text":
            yield self._text_article(data, source, doc_id)
        elif fmt == "jsonl":
            yield from self._jsonl(data, source)
        elif fmt in {"csv", "tsv"}:
            yield from self._csv(data, source, "\t" if fmt == "tsv" else ",")
        else:
            raise InputError(f"{source}: unknown input format {fmt!r}")

    # -- plain text ------------------------------------------------------------------------------
    def _text_article(self, data: bytes, source: str, doc_id: str) -> Article | Reject:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            return Reject(
                source,
                _line_of(data, exc.start),
                "text",
                f"undecodable bytes (not UTF-8): {exc.reason}",
                doc_id,
            )
        date: str | None = None
        m = DATE_LINE.match(text)
        if m:
            try:
                date = parse_date(m.group(1))
            except DateError as exc:
                return Reject(source, 1, "date", str(exc), doc_id)
            text = text[m.end() :]
        return self._check(Article(text=text.strip(), doc_id=doc_id, date=date, origin=source), source, 1)

    # -- JSONL -----------------------------------------------------------------------------------
    def _jsonl(self, data: bytes, source: str) -> Iterator[Article | Reject]:
        for lineno, raw in enumerate(data.splitlines(), start=1):
            if not raw.strip():
                continue
            try:
                line = raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                yield Reject(source, lineno, None, f"undecodable bytes (not UTF-8): {exc.reason}")
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                yield Reject(
                    source,
                    lineno,
                    None,
                    f"malformed JSON: {exc.msg} at column {exc.colno}",
                    record=line[:200],
                )
                continue
            if not isinstance(rec, dict):
                yield Reject(source, lineno, None, "a JSON object is expected on each line", record=line[:200])
                continue
            yield self._record(rec, source, lineno)

    # -- CSV -------------------------------------------------------------------------------------
    def _csv(self, data: bytes, source: str, delimiter: str) -> Iterator[Article | Reject]:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            yield Reject(source, _line_of(data, exc.start), None, f"undecodable bytes (not UTF-8): {exc.reason}")
            return
        reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
        fields = [f.strip().lower() for f in (reader.fieldnames or [])]
        missing = [c for c in ("text",) if c not in fields]
        for rec in reader:
            lineno = reader.line_num
            shape = _row_shape_error(rec, len(fields))
            row = {(k or "").strip().lower(): v for k, v in rec.items() if k is not None}
            if shape:  # the whole row, fields past the header included, goes to the rejects
                yield Reject(source, lineno, None, shape, _opt_str(row.get("id")), record=_row_text(rec))
                continue
            rec = row
            if missing:
                yield Reject(
                    source,
                    lineno,
                    missing[0],
                    f"missing column '{missing[0]}' (header: {', '.join(fields)})",
                    rec.get("id"),
                )
                continue
            yield self._record(rec, source, lineno)

    # -- shared ----------------------------------------------------------------------------------
    def _record(self, rec: dict[str, Any], source: str, lineno: int) -> Article | Reject:
        rid = rec.get("id")
        doc_id = str(rid) if rid not in (None, "") else f"{Path(source).name}:{lineno}"
        if "text" not in rec:
            return Reject(source, lineno, "text", "missing field 'text'", doc_id)
        text = rec.get("text")
        if not isinstance(text, str):
            return Reject(source, lineno, "text", f"'text' must be a string, not {type(text).__name__}", doc_id)
        try:
            date = parse_date(rec.get("date"))
        except DateError as exc:
            return Reject(source, lineno, "date", str(exc), doc_id)
        art = Article(
            text=text.strip(),
            doc_id=doc_id,
            date=date,
            title=_opt_str(rec.get("title")),
            url=_opt_str(rec.get("url")),
            source=_opt_str(rec.get("source")),
            origin=f"{source}:{lineno}",
        )
        return self._check(art, source, lineno)

    def _check(self, art: Article, source: str, lineno: int) -> Article | Reject:
        if not art.text:
            return Reject(source, lineno, "text", "empty text", art.doc_id)
        if len(art.text) > self.max_chars:
            return Reject(
                source,
                lineno,
                "text",
                f"text too long: {len(art.text):,} characters (cap {self.max_chars:,}; raise it with --max-chars)",
                art.doc_id,
            )
        if art.date is None:
            art.date_missing = True
        return art


def _row_shape_error(rec: dict[str | None, Any], n_fields: int) -> str | None:
    """Why a CSV row does not fit its header (fields missing or left over), or None."""
    extra = rec.get(None)
    if extra:
        return (
            f"row has {n_fields + len(extra)} fields but the header has {n_fields}"
            " (an unquoted delimiter inside a field?)"
        )
    given = sum(1 for k, v in rec.items() if k is not None and v is not None)
    if given < n_fields:
        return f"row has {given} fields but the header has {n_fields}"
    return None


def _row_text(rec: dict[str | None, Any]) -> str:
    """The row's fields as JSON (fields past the header under "_extra"), for the rejects file."""
    fields = {("_extra" if k is None else k): v for k, v in rec.items()}
    return json.dumps(fields, ensure_ascii=False)[:2000]


def _opt_str(v: Any) -> str | None:
    if v is None or v == "":
        return None
    return str(v)


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _sniff(data: bytes) -> str:
    head = data.lstrip()[:1]
    return "jsonl" if head == b"{" else "text"


def read_articles(paths: list[str], max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[Article | Reject]:
    """Convenience: read every article (or reject) from files, directories or ``-``."""
    return Reader(max_chars=max_chars).read(paths)
