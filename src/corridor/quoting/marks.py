"""Quotation marks paired into top-level regions of a text (“ ” " ‘ ’ ' « » „ and doubled '' or `` or ‘‘ ’’), a
quotation left open at a paragraph's end running on into the next paragraph."""

from __future__ import annotations

import re
from collections.abc import Iterator

CharSpan = tuple[int, int]
OPEN_DOUBLE = "“„«"
CLOSE_DOUBLE = "”»"

_MARK = re.compile(r"''|``|‘‘|’’|[\"“”„«»]")  # two single marks for a double one (''/`` and ‘‘/’’)
_SINGLE = re.compile(r"(?<![\w’'])[‘'](?=[\w\"“$])(?P<body>[^\n‘’']{1,400}?[^\s‘’'])[’'](?![\w])")


def _para_end(text: str, pos: int) -> int:
    nl = text.find("\n", pos)
    return len(text) if nl < 0 else nl


def para_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def starts_paragraph(text: str, pos: int) -> bool:
    return not text[para_start(text, pos) : pos].strip()


def _role(text: str, m: re.Match[str]) -> str:
    mark = m.group()
    before = text[m.start() - 1] if m.start() > 0 else " "
    after = text[m.end()] if m.end() < len(text) else " "
    if mark in "“”":  # typed the wrong way round: 'as “rapists“ while', '” Frozen”'
        if mark == "“" and (before.isalnum() or before in ".,!?") and (after.isspace() or after in ".,;:)"):
            return "close"
        if mark == "”" and before.isspace() and after.isalnum():
            return "open"
    if mark in OPEN_DOUBLE or mark in {"``", "‘‘"}:
        return "open"
    if mark in CLOSE_DOUBLE or mark == "’’":
        return "close"
    if before.isspace() or before in "([{—–-" or m.start() == 0:
        return "open" if not after.isspace() else "close"
    if after.isspace() or after in ".,;:!?)]}—–-" or m.end() == len(text):
        return "close"
    return "either"


_QUOTE_OPENERS = "\"“”‘'«„`"


def _line_openings(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """For each line break after ``start`` whose next line opens before ``end``: the break's offset and that of
    the line's first character that is no blank (blank lines skipped)."""
    pos = text.find("\n", start)
    while 0 <= pos < end:
        first = pos
        while first < end and text[first].isspace():
            first += 1
        if first >= end:
            return
        yield pos, first
        pos = text.find("\n", first)


def _unmarked_paragraph(text: str, start: int, end: int) -> int | None:
    """Where a quotation opened at ``start`` ends before the mark at ``end``: at the end of the paragraph
    before the first whole paragraph in between that does not open with a quotation mark (the narrator
    going on after a quotation left unclosed); None when there is none. The paragraph holding ``end``
    may go on without a mark ('“A.\n\nB,” she said.'), and a single line break does not end a quotation:
    some texts wrap lines inside one."""
    for line_end, first in _line_openings(text, start, end):
        blank = text.count("\n", line_end, first) > 1
        para_end = text.find("\n", first)
        if blank and text[first] not in _QUOTE_OPENERS and 0 <= para_end < end:
            return line_end
    return None


_TURN_LABEL = re.compile(r"[A-Z][A-Z.'’ -]{1,40}:")  # '"WALLACE: ...': a transcript's turn, not a speech going on


def _stray_close(text: str, start: int, end: int) -> bool:
    """Whether a closing mark at ``end`` is too far from the quotation opened at ``start`` to close it: more
    than 8 line breaks away, unless every line between opens with a quotation mark and none of them with a
    speaker's label in capitals (a speech of many paragraphs, each opening with a mark, is one quotation)."""
    if text.count("\n", start, end) <= 8:
        return False
    return any(
        text[first] not in _QUOTE_OPENERS or _TURN_LABEL.match(text, first + 1)
        for _, first in _line_openings(text, start, end)
    )


def find_quotations(text: str) -> list[CharSpan]:
    """Top-level quotation regions (marks included), in text order; see the module doc."""
    regions: list[CharSpan] = []
    open_at: int | None = None
    depth = 0  # curly quotes inside an open quotation
    for m in _MARK.finditer(text):
        role = _role(text, m)
        crossed = open_at is not None and "\n" in text[open_at : m.start()]
        if open_at is not None and crossed:
            cut = _unmarked_paragraph(text, open_at, m.start())
            if cut is not None:  # the quotation ended with its paragraph: no mark opens the next one
                regions.append((open_at, cut))
                open_at = None  # and this mark is read as if nothing were open
        if open_at is None:
            if role == "close" and not (m.end() < len(text) and text[m.end()].isalnum()):
                continue  # a stray closing mark
            open_at, depth = m.start(), 0
            continue
        if crossed and role in {"open", "either"} and starts_paragraph(text, m.start()):
            depth = 0
            continue  # the next paragraph of the same quotation
        if crossed and role == "open" and depth == 0:
            regions.append((open_at, _para_end(text, open_at)))
            open_at = m.start()
            continue
        if role == "open":
            if m.group() in OPEN_DOUBLE and not (m.end() >= len(text) or text[m.end()].isspace()):
                depth += 1  # a quotation inside the quotation
            continue
        if depth > 0 and m.group() in CLOSE_DOUBLE:
            depth -= 1
            continue
        if crossed and _stray_close(text, open_at, m.start()):
            regions.append((open_at, _para_end(text, open_at)))
            open_at = m.start() if role != "close" else None
            continue
        regions.append((open_at, m.end()))
        open_at = None
    if open_at is not None:
        regions.append((open_at, _para_end(text, open_at)))

    # single-quoted stretches outside the double-quoted ones (headline and British style)
    def inside(pos: int) -> bool:
        return any(s <= pos < e for s, e in regions)

    singles = [
        (m.start(), m.end())
        for m in _SINGLE.finditer(text)
        if not inside(m.start()) and not inside(m.end() - 1) and " " in m.group("body").strip()
    ]
    return sorted(regions + singles)
