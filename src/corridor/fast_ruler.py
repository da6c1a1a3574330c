"""The attribute ruler's matches found by an index of its patterns: the same matches, about 15 times faster.

spaCy's ``AttributeRuler`` (which sets part of speech, morphology and some lemmas from the tagger's tags)
finds its patterns with a ``Matcher``, which tries every pattern at every token: with the 179 patterns of
``en_core_web_sm`` that is about 18 ms of CPU per 450-token news article, a sixth of parsing it. Its patterns
compare token attributes with a value, a list of values or a regular expression, so an index from the first
token's values to the patterns that can start there finds the same matches with a few dictionary lookups
per token.

:func:`speed_up_attribute_ruler` gives a pipeline's ruler such an index as its ``match`` method; setting the
attributes stays spaCy's. It does so only where every pattern is of a kind the index reads (the predicates
below, no operators) and the index and the ``Matcher`` find the same matches on a probe text; otherwise the
ruler is left as it is. Patterns added to the ruler later are read before its next match.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, NORM, ORTH, TAG
from spacy.language import Language
from spacy.tokens import Doc

# token attributes the index reads: all string hashes in a Doc's arrays, but IS_SPACE (0 or 1)
COLUMNS = {"ORTH": ORTH, "TEXT": ORTH, "LOWER": LOWER, "NORM": NORM, "LEMMA": LEMMA, "TAG": TAG, "DEP": DEP}
FLAGS = {"IS_SPACE": IS_SPACE}
ANCHOR_PREFERENCE = ("LOWER", "ORTH", "TEXT", "NORM", "LEMMA", "TAG", "DEP", "IS_SPACE")

PROBE = (
    "I ain't gonna say it wasn't so, she said.\n\n“We’re here,” the U.S. envoy told reporters in Kabul's "
    "old town on Wednesday, and they'd left by 5 p.m. -- didn't they?  Yes: 3.5% of 1,200 people voted."
)

# a predicate: (column, kind, value); kind "eq" (value an int), "in" / "not_in" (a frozenset of ints) or
# "re" (a compiled expression, searched in the attribute's string)
Predicate = tuple[int, str, Any]


class Unsupported(ValueError):
    """A pattern the index cannot read (an operator, another attribute, another comparison)."""


def _attr(name: str) -> int:
    if name in FLAGS:
        return FLAGS[name]
    if name in COLUMNS:
        return COLUMNS[name]
    raise Unsupported(name)


def _predicate(name: str, value: Any, strings: Any, column_of: dict[int | str, int]) -> Predicate:
    """A test of one token attribute; its column is that attribute's place in ``column_of``."""
    column = column_of[_attr(name)]
    if name in FLAGS:
        if not isinstance(value, bool):
            raise Unsupported(f"{name}: {value!r}")
        return (column, "eq", int(value))
    if isinstance(value, str):
        return (column, "eq", strings.add(value))
    if isinstance(value, dict) and len(value) == 1:
        ((op, arg),) = value.items()
        if op in ("IN", "NOT_IN") and isinstance(arg, list) and all(isinstance(v, str) for v in arg):
            return (column, op.lower(), frozenset(strings.add(v) for v in arg))
        if op == "REGEX" and isinstance(arg, str):
            return (column, "re", re.compile(arg))
    raise Unsupported(f"{name}: {value!r}")


def _holds(pred: Predicate, row: tuple[int, ...], strings: Any) -> bool:
    column, kind, value = pred
    got = row[column]
    if kind == "eq":
        return bool(got == value)
    if kind == "in":
        return got in value
    if kind == "not_in":
        return got not in value
    return value.search(strings[got]) is not None


Entry = tuple[int, int, list[list[Predicate]]]  # attribute set id, match id, predicates per token


class PatternIndex:
    """The ruler's patterns by a value of their first token; ``match`` returns what ``AttributeRuler.match``
    does: (attribute set id, match id, start, end), sorted. The one-token patterns that hold for a token
    depend only on its attribute values, so they are remembered per combination of values."""

    CACHE_SIZE = 100_000  # rows of values remembered (about 30 MB at most); then forgotten all at once

    def __init__(self, ruler: Any) -> None:
        self.ruler = ruler
        self.strings = ruler.vocab.strings
        self.size = -1
        self.attr_ids: list[int | str] = []
        self.column_of: dict[int | str, int] = {}
        self.single: tuple[dict[int, dict[int, list[Entry]]], list[Entry]] = ({}, [])
        self.multi: tuple[dict[int, dict[int, list[Entry]]], list[Entry]] = ({}, [])
        self.cache: dict[tuple[int, ...], tuple[tuple[tuple[int, int], ...], tuple[Entry, ...]]] = {}
        self.compile()

    def compile(self) -> None:
        single: tuple[dict[int, dict[int, list[Entry]]], list[Entry]] = ({}, [])
        multi: tuple[dict[int, dict[int, list[Entry]]], list[Entry]] = ({}, [])
        patterns: list[tuple[int, int, list[dict[str, Any]]]] = []
        for attr_id in range(len(self.ruler.attrs)):
            match_id = self.strings.add(str(attr_id))
            got = self.ruler.matcher.get(match_id)
            for pattern in got[1] if got is not None else ():
                if not pattern or any(not isinstance(tok, dict) or "OP" in tok for tok in pattern):
                    raise Unsupported(f"pattern {pattern!r}")
                patterns.append((attr_id, match_id, pattern))
        # the token attributes some pattern reads, in a fixed order: a token's row of values
        self.attr_ids = sorted({_attr(name) for _, _, pattern in patterns for tok in pattern for name in tok})
        self.column_of = {attr: i for i, attr in enumerate(self.attr_ids)}
        for attr_id, match_id, pattern in patterns:
            preds = [[_predicate(n, v, self.strings, self.column_of) for n, v in tok.items()] for tok in pattern]
            anchored, unanchored = single if len(preds) == 1 else multi
            anchor = self._anchor(pattern[0])
            if anchor is None:
                unanchored.append((attr_id, match_id, preds))
                continue
            column, values = anchor
            for value in values:
                anchored.setdefault(column, {}).setdefault(value, []).append((attr_id, match_id, preds))
        self.single, self.multi, self.cache = single, multi, {}
        self.size = len(self.ruler.attrs)

    def _anchor(self, token: dict[str, Any]) -> tuple[int, frozenset[int]] | None:
        """The first token's most telling value test: a column and the values it may take."""
        for name in ANCHOR_PREFERENCE:
            if name in token:
                column, kind, value = _predicate(name, token[name], self.strings, self.column_of)
                if kind == "eq":
                    return column, frozenset((value,))
                if kind == "in":
                    return column, value
        return None

    @staticmethod
    def _candidates(index: tuple[dict[int, dict[int, list[Entry]]], list[Entry]], row: tuple[int, ...]) -> list[Entry]:
        anchored, unanchored = index
        return [e for column, by_value in anchored.items() for e in by_value.get(row[column], ())] + unanchored

    def _row_hits(self, row: tuple[int, ...]) -> tuple[tuple[tuple[int, int], ...], tuple[Entry, ...]]:
        """The one-token patterns that hold for a token with these values, and the longer ones that may
        start at it (their first token holds)."""
        single = {
            (attr_id, match_id)
            for attr_id, match_id, (preds,) in self._candidates(self.single, row)
            if all(_holds(p, row, self.strings) for p in preds)
        }
        starts = tuple(
            e for e in self._candidates(self.multi, row) if all(_holds(p, row, self.strings) for p in e[2][0])
        )
        return tuple(single), starts

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        if len(self.ruler.attrs) != self.size:  # patterns added since the last compile
            self.compile()
        if not len(doc):
            return []
        if self.attr_ids:
            rows: list[tuple[int, ...]] = [tuple(r) for r in doc.to_array(self.attr_ids).tolist()]
        else:  # patterns of tokens without tests
            rows = [()] * len(doc)
        if len(self.cache) > self.CACHE_SIZE:
            self.cache.clear()
        found: list[tuple[int, int, int, int]] = []
        longer: set[tuple[int, int, int, int]] = set()
        cache, n = self.cache, len(rows)
        for i, row in enumerate(rows):
            hits = cache.get(row)
            if hits is None:
                hits = cache[row] = self._row_hits(row)
            single, starts = hits
            for attr_id, match_id in single:
                found.append((attr_id, match_id, i, i + 1))
            for attr_id, match_id, preds in starts:
                end = i + len(preds)
                if end <= n and all(
                    _holds(p, rows[i + k], self.strings) for k in range(1, len(preds)) for p in preds[k]
                ):
                    longer.add((attr_id, match_id, i, end))
        found.extend(longer)
        found.sort()
        return found


def speed_up_attribute_ruler(nlp: Language, name: str = "attribute_ruler") -> bool:
    """Give the pipeline's attribute ruler the index as its ``match``; True when done (see the module doc)."""
    if name not in nlp.pipe_names:
        return False
    ruler: Any = nlp.get_pipe(name)
    original: Callable[[Doc], Any] | None = getattr(ruler, "match", None)
    if original is None or not hasattr(ruler, "attrs") or not hasattr(ruler, "matcher"):
        return False
    try:
        index = PatternIndex(ruler)
    except Unsupported:
        return False
    # the annotations the ruler's patterns read, as the components before it make them
    probe = nlp(PROBE, disable=nlp.pipe_names[nlp.pipe_names.index(name) :])
    if index.match(probe) != original(probe):
        return False
    ruler.match = index.match
    return True
