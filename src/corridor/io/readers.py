"""Input readers: plain text, JSONL and CSV files (optionally gzipped), directories and stdin.

Every record read becomes either an :class:`~corridor.model.Article` or a :class:`Reject` naming the file,
line (or record) and field, and the reason, so that nothing is lost silently.

Plain text: one article per file; an optional first line ``date YYYY-MM-DD`` (any date form
:func:`parse_date` reads; a one-token date may have the text continue on the same line); a first line that
starts with the word "date" but holds no date ("Date palms burned ...") is article text. The doc id is the
file name without extensions. JSONL and CSV: columns ``id``, ``date``,
``text`` and optional ``title``, ``url``, ``source``.

HTML character references in a text or title (``&quot;``, ``&amp;``, ``&#8220;``, ``&#233``) are decoded
once, by :func:`unescape_entities`, as the article is built; offsets in the output refer to the decoded text.
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import html
import io
import json
import re
import sys
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from html.entities import html5 as HTML5_ENTITIES
from pathlib import Path
from typing import Any, BinaryIO

from corridor.model import Article

TEXT_EXTS = {".txt", ".text"}
JSONL_EXTS = {".jsonl", ".ndjson", ".json"}
CSV_EXTS = {".csv", ".tsv"}
KNOWN_EXTS = TEXT_EXTS | JSONL_EXTS | CSV_EXTS
DEFAULT_MAX_CHARS = 1_000_000
# A first line "date <rest>" (or "date: <rest>"); whether it is a date header depends on <rest>.
DATE_LINE = re.compile(r"^\s*date(?:[ \t]*[:=][ \t]*|[ \t]+)(?P<rest>[^\r\n]*)(?:\r?\n)?", re.IGNORECASE)
DATE_HEADER_MAX_CHARS = 40  # a longer first line is not tried as a date as a whole
DATE_PREFIX_MAX_TOKENS = 4  # "date Oct 28, 2021 China said ...": a date of up to 4 words, then text
MONTHS = (
    "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august"
    "|september|october|november|december"
)
# A token that only a date is made of: digits with separators or an ordinal suffix, a month name.
DATE_TOKEN = re.compile(rf"(?:\d[\d\-/.:]*(?:st|nd|rd|th)?|{MONTHS})\.?,?", re.IGNORECASE)
WEEKDAYS = "mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
# Words that make a date relative to the day of the run ("yesterday", "3 days ago", "next Tuesday").
RELATIVE_DATE = re.compile(
    rf"\b(?:yesterday|today|tonight|tomorrow|now|ago|next|last|this|coming|past|previous|hence|{WEEKDAYS}"
    r"|in\s+\d+\s+\w+)\b",
    re.IGNORECASE,
)
# The words a relative date is made of, alone ("date 3 days ago" is a header, "date today China" is text).
RELATIVE_WORD = re.compile(
    r"(?:yesterday|today|tonight|tomorrow|now|ago|next|last|this|coming|past|previous|in|a|an|the|\d+"
    rf"|days?|weeks?|months?|years?|{WEEKDAYS})[.,]?",
    re.IGNORECASE,
)
# dateparser's parsers less "relative-time" (a publication date must not depend on the day it is read) and
# "no-spaces-time" (which reads "2021" as 2020-02-01; YYYYMMDD is read by parse_date itself).
ABSOLUTE_PARSERS = ["timestamp", "custom-formats", "absolute-time"]
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
# An HTML character reference: numeric, decimal or hex, with or without its semicolon ("&#233;", "&#233",
# "&#xE9;"), or named with its semicolon ("&quot;", "&frac12;"). A bare "&" ("AT&T", "R&D") or a name without
# the semicolon ("&copy", "R&parallel") is left as written.
CHAR_REF = re.compile(r"&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]{1,31};)")


def unescape_entities(text: str) -> str:
    """``text`` with its HTML character references decoded, once ("&amp;quot;" gives "&quot;").

    Web text often carries them (``&quot;``, ``&amp;``, ``&#8220;``, ``&#233``), and a quotation whose marks
    are ``&quot;`` is no quotation to the parser. Numeric references are decoded with or without their
    semicolon (as :func:`html.unescape` does, code points 128-159 as Windows-1252); named ones only when
    spelled in full with the semicolon and known to HTML5, so that text with a bare ``&`` is untouched.
    """
    if "&" not in text:
        return text
    return CHAR_REF.sub(_char_ref, text)


def _char_ref(m: re.Match[str]) -> str:
    ref = m.group()
    if ref[1] == "#":
        return html.unescape(ref)
    return HTML5_ENTITIES.get(ref[1:], ref)


def unescape_optional(value: str | None) -> str | None:
    """:func:`unescape_entities` of a field that may be missing (a title)."""
    return unescape_entities(value) if value else value


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


class RelativeDateError(DateError):
    """A date relative to the day it is read ("yesterday", "3 days ago"): never a publication date."""


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
    m = re.fullmatch(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ]\d.*)?", text)  # a time may follow
    if m:
        y, mo, d = (int(x) for x in m.groups())
    elif re.fullmatch(r"\d{8}", text):
        y, mo, d = int(text[:4]), int(text[4:6]), int(text[6:])
    else:
        import dateparser

        parsed = dateparser.parse(
            text,
            languages=["en"],
            settings={
                "STRICT_PARSING": True,
                "REQUIRE_PARTS": ["day", "month", "year"],
                "PARSERS": ABSOLUTE_PARSERS,
            },
        )
        if parsed is None:
            if RELATIVE_DATE.search(text):
                raise RelativeDateError(
                    f"relative date {text!r}: it depends on the day of the run; give the date (YYYY-MM-DD)"
                )
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
        header = _date_header(text)
        if isinstance(header, DateError):
            return Reject(source, 1, "date", str(header), doc_id)
        if header is not None:
            date, text = header
        text = unescape_entities(text).strip()
        return self._check(Article(text=text, doc_id=doc_id, date=date, origin=source), source, 1)

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
                    f"malformed JSON: {exc.msg.removesuffix(' at')} at column {exc.colno}",
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
            text=unescape_entities(text).strip(),
            doc_id=doc_id,
            date=date,
            title=unescape_optional(_opt_str(rec.get("title"))),
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


def _date_header(text: str) -> tuple[str, str] | DateError | None:
    """The date of a plain-text article's first line ``date <date>`` and the text after it; None when the
    first line is no date header (article text); a :class:`DateError` when it is one with a bad date.

    It is a header when the rest of the line is a date ("date 28 October 2021"), or starts with one of up to
    :data:`DATE_PREFIX_MAX_TOKENS` words with the text going on after it ("date 2021-10-28 China said ...").
    It is a bad one when the rest is made only of date tokens (digits, separators, month names) that do not
    make a date ("date 2021-13-45"), or its first token is such a non-date ("date 2021-13-45 China said"), or
    it is a relative date of up to three words ("date yesterday").
    """
    m = DATE_LINE.match(text)
    if m is None:
        return None
    rest = m.group("rest").strip()
    if not rest:
        return None
    if len(rest) <= DATE_HEADER_MAX_CHARS:
        try:
            date = parse_date(rest)
        except RelativeDateError as exc:
            if all(RELATIVE_WORD.fullmatch(w) for w in rest.split()):  # "date yesterday": a header, but unusable
                return exc
        except DateError:
            pass
        else:
            if date is not None:
                return date, text[m.end() :]
    tokens = list(re.finditer(r"\S+", m.group("rest")))
    for n in range(min(DATE_PREFIX_MAX_TOKENS, len(tokens) - 1), 0, -1):
        try:
            date = parse_date(m.group("rest")[: tokens[n - 1].end()])
        except DateError:
            continue
        if date is not None:
            return date, text[m.start("rest") + tokens[n - 1].end() :]
    words = rest.split()
    if any(c.isdigit() for c in rest) and all(DATE_TOKEN.fullmatch(w) for w in words):
        return _bad_date(rest)
    if re.fullmatch(r"\d+[-/.]\d+[-/.]\d+|\d{8}", words[0].rstrip(".,")):
        return _bad_date(words[0])
    return None


def _bad_date(value: str) -> DateError:
    try:
        parse_date(value)
    except DateError as exc:
        return exc
    return DateError(f"unreadable date {value!r} (use YYYY-MM-DD)")


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


HEADER_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _sniff(data: bytes) -> str:
    """The format of data without a file name (stdin): JSONL when it starts with ``{``, CSV or TSV when its
    first line is a header of two or more column names, ``text`` among them, else plain text."""
    head = data.lstrip()[:1]
    if head == b"{":
        return "jsonl"
    first = data.lstrip(b"\r\n").split(b"\n", 1)[0].decode("utf-8-sig", errors="replace").strip()
    for delimiter, fmt in (("\t", "tsv"), (",", "csv")):
        names = [c.strip().strip('"').lower() for c in first.split(delimiter)]
        if len(names) >= 2 and "text" in names and all(HEADER_NAME.fullmatch(n) for n in names):
            return fmt
    return "text"


def read_articles(paths: list[str], max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[Article | Reject]:
    """Convenience: read every article (or reject) from files, directories or ``-``."""
    return Reader(max_chars=max_chars).read(paths)
