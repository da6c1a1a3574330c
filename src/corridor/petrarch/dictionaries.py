"""Readers for PETRARCH 2 dictionaries: actors, agents, verbs (synsets, verb blocks, patterns) and discards.

Reads the plain-text dictionary files users already own (the format of ``docs/petrarch.md``) and returns
typed, compiled objects the coder matches against word sequences. :func:`check_dictionary` reports syntax
problems by line number (``corridor dict check``). :func:`load_actors`, :func:`load_agents`,
:func:`load_verbs` and :func:`load_discards` read files through a cache: the compiled form is pickled
under the user cache directory (``$CORRIDOR_CACHE`` or ``$XDG_CACHE_HOME/corridor``), keyed by the file's
path, size and modification time, so large production dictionaries load fast the second time.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import pickle
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

__all__ = [
    "ActorDictionary",
    "ActorEntry",
    "AgentDictionary",
    "AgentEntry",
    "DatedCode",
    "DiscardList",
    "Phrase",
    "Problem",
    "VerbDictionary",
    "VerbEntry",
    "VerbPattern",
    "check_dictionary",
    "detect_kind",
    "load_actors",
    "load_agents",
    "load_discards",
    "load_verbs",
    "normalize_words",
    "parse_actors",
    "parse_agents",
    "parse_discards",
    "parse_verbs",
]

CACHE_VERSION = 7
NULL_CODE = "---"
VOWELS = frozenset("AEIOU")


@dataclass(frozen=True)
class Problem:
    """A syntax problem in a dictionary file, by 1-based line number (0: the file as a whole)."""

    line: int
    message: str


# --------------------------------------------------------------------------------------------- words


_PUNCT_EDGE = '()[]"“”,;:!?'


def _split_chunk(chunk: str) -> list[str]:
    """Split one blank-free chunk the way the spaCy English tokenizer splits running text."""
    out: list[str] = []
    lead: list[str] = []
    while len(chunk) > 1 and chunk[0] in _PUNCT_EDGE:
        lead.append(chunk[0])
        chunk = chunk[1:]
    trail: list[str] = []
    while len(chunk) > 1 and chunk[-1] in _PUNCT_EDGE:
        trail.insert(0, chunk[-1])
        chunk = chunk[:-1]
    out.extend(lead)
    tail: list[str] = []
    if len(chunk) > 3 and chunk.endswith("N'T"):
        tail = ["N'T"]
        chunk = chunk[:-3]
    elif len(chunk) > 2 and chunk.endswith("'S"):
        tail = ["'S"]
        chunk = chunk[:-2]
    elif len(chunk) > 1 and chunk.endswith("'") and chunk != "'":
        tail = ["'"]
        chunk = chunk[:-1]
    if "-" in chunk and chunk != "-":
        parts = chunk.split("-")
        for i, p in enumerate(parts):
            if p:
                out.append(p)
            if i < len(parts) - 1:
                out.append("-")
    elif chunk:
        out.append(chunk)
    out.extend(tail)
    out.extend(trail)
    return out


def normalize_words(text: str) -> list[str]:
    """Upper-case words of ``text`` split on blanks and underscores, hyphens and clitics made separate."""
    text = text.upper().replace("’", "'").replace("‘", "'").replace("`", "'")
    words: list[str] = []
    for chunk in re.split(r"[\s_]+", text):
        if chunk:
            words.extend(_split_chunk(chunk))
    return words


@dataclass(frozen=True, slots=True)
class Phrase:
    """A dictionary phrase: its words, and for each word but the last whether others may come between."""

    words: tuple[str, ...]
    gaps: tuple[bool, ...]

    def __reduce__(self) -> tuple[Any, ...]:  # fast pickling of the compiled form
        return (Phrase, (self.words, self.gaps))

    @property
    def first(self) -> str:
        return self.words[0]

    def __len__(self) -> int:
        return len(self.words)

    def text(self) -> str:
        out = self.words[0]
        for w, gap in zip(self.words[1:], self.gaps, strict=True):
            out += (" " if gap else "_") + w
        return out


def make_phrase(text: str, allow_gaps: bool = True) -> Phrase | None:
    """A :class:`Phrase` from dictionary text: ``_`` joins consecutive words, a blank allows a gap."""
    text = text.strip().strip("_").strip()
    if not text:
        return None
    words: list[str] = []
    gaps: list[bool] = []
    for bi, blank_piece in enumerate(text.split()):
        pieces = [p for p in blank_piece.split("_") if p]
        for pi, piece in enumerate(pieces):
            sub = _split_chunk(piece.upper().replace("’", "'"))
            for si, w in enumerate(sub):
                if words:
                    gaps.append(allow_gaps and bi > 0 and pi == 0 and si == 0)
                words.append(w)
    if not words:
        return None
    return Phrase(tuple(words), tuple(gaps))


# ------------------------------------------------------------------------------------ line reading


def _strip_comment(line: str, marks: str = "#") -> str:
    """``line`` without its comment: from the first ``#`` (or other mark) outside ``[...]``."""
    depth = 0
    for i, ch in enumerate(line):
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth = max(0, depth - 1)
        elif ch in marks and depth == 0:
            return line[:i]
    return line


def _logical_lines(text: str, marks: str = "#") -> Iterator[tuple[int, str, str]]:
    """(line number, raw line, line without comments) for each line outside ``<!-- ... -->`` comments."""
    in_xml = False
    for n, raw in enumerate(text.splitlines(), start=1):
        s = raw.strip()
        if in_xml:
            if "-->" in s or s.endswith(">"):
                in_xml = False
            continue
        if s.startswith("<!"):
            if not ("-->" in s or (s.endswith(">") and not s.startswith("<!--"))):
                in_xml = True
            continue
        yield n, raw, _strip_comment(raw, marks)


# ------------------------------------------------------------------------------------------- dates


def parse_date(text: str) -> dt.date | None:
    """A YYYYMMDD or YYMMDD date (two-digit years 00-29 are 20xx, 30-99 are 19xx); None if malformed."""
    text = text.strip()
    if not text.isdigit():
        return None
    try:
        if len(text) == 8:
            return dt.date(int(text[:4]), int(text[4:6]), int(text[6:]))
        if len(text) == 6:
            yy = int(text[:2])
            year = 2000 + yy if yy < 30 else 1900 + yy
            return dt.date(year, int(text[2:4]), int(text[4:]))
    except ValueError:
        return None
    return None


def day_number(day: dt.date) -> int:
    """A date as the integer YYYYMMDD (how restrictions are stored: compact and quick to compare)."""
    return day.year * 10000 + day.month * 100 + day.day


@dataclass(frozen=True, slots=True)
class DatedCode:
    """Codes that apply between ``start`` and ``end`` (YYYYMMDD integers, both inclusive; None is open)."""

    codes: tuple[str, ...]
    start: int | None
    end: int | None

    def __reduce__(self) -> tuple[Any, ...]:
        return (DatedCode, (self.codes, self.start, self.end))

    def applies(self, day: dt.date | int) -> bool:
        d = day if isinstance(day, int) else day_number(day)
        return (self.start is None or d >= self.start) and (self.end is None or d <= self.end)


_RESTRICTION = re.compile(
    r"^(?P<code>[^\s<>\d][^\s<>]*|[^\s<>]*[A-Za-z\-+#][^\s<>]*)?\s*"
    r"(?:(?P<op>[<>])\s*(?P<d1>\d+)|(?P<a>\d+)\s*-\s*(?P<b>\d+))?\s*$"
)


def _split_codes(code: str) -> tuple[str, ...]:
    return tuple(c.strip().upper() for c in code.split("/") if c.strip())


def _parse_bracket(body: str) -> tuple[tuple[str, ...], DatedCode | None, str | None]:
    """Parse the inside of ``[...]`` of an actor entry: (default codes, restriction, error message)."""
    body = body.strip()
    if not body:
        return (), None, "empty code brackets"
    m = _RESTRICTION.match(body)
    if not m or not m.group("code"):
        return (), None, f"malformed code or date restriction [{body}]"
    codes = _split_codes(m.group("code"))
    if m.group("op"):
        day = parse_date(m.group("d1"))
        if day is None:
            return (), None, f"bad date {m.group('d1')!r} in [{body}] (expected YYYYMMDD or YYMMDD)"
        if m.group("op") == "<":
            return (), DatedCode(codes, None, day_number(day)), None
        return (), DatedCode(codes, day_number(day), None), None
    if m.group("a"):
        d1, d2 = parse_date(m.group("a")), parse_date(m.group("b"))
        bad = m.group("a") if d1 is None else m.group("b") if d2 is None else None
        if bad is not None:
            return (), None, f"bad date {bad!r} in [{body}] (expected YYYYMMDD or YYMMDD)"
        assert d1 is not None and d2 is not None
        return (), DatedCode(codes, day_number(d1), day_number(d2)), None
    return codes, None, None


# ------------------------------------------------------------------------------------------ actors


@dataclass(slots=True)
class ActorEntry:
    """One actor record: its phrases, default codes and date-restricted codes (first match wins)."""

    phrases: list[Phrase] = field(default_factory=list)
    default: tuple[str, ...] = ()
    dated: list[DatedCode] = field(default_factory=list)
    line: int = 0

    def __reduce__(self) -> tuple[Any, ...]:
        return (ActorEntry, (self.phrases, self.default, self.dated, self.line))

    def codes_on(self, day: dt.date | None) -> tuple[str, ...]:
        """The codes in force on ``day`` (the default ones when no restriction holds or no date is known)."""
        if day is not None and self.dated:
            d = day_number(day)
            for r in self.dated:
                if r.applies(d):
                    return r.codes
        return self.default

    @property
    def name(self) -> str:
        return self.phrases[0].text() if self.phrases else ""


class PhraseIndex:
    """Phrases indexed by their first word, longest first, for longest-match lookup."""

    def __init__(self) -> None:
        self.by_first: dict[str, list[tuple[Phrase, int]]] = {}

    def add(self, phrase: Phrase, value: int) -> None:
        self.by_first.setdefault(phrase.first, []).append((phrase, value))

    def finish(self) -> None:
        for lst in self.by_first.values():
            lst.sort(key=lambda pv: -len(pv[0]))

    def merge(self, other: PhraseIndex, offset: int) -> None:
        """Add ``other``'s phrases, their values shifted by ``offset``."""
        for first, lst in other.by_first.items():
            mine = self.by_first.get(first)
            moved = [(p, v + offset) for p, v in lst] if offset else list(lst)
            if mine is None:
                self.by_first[first] = moved
            else:
                mine.extend(moved)
                mine.sort(key=lambda pv: -len(pv[0]))

    def candidates(self, word: str) -> list[tuple[Phrase, int]]:
        return self.by_first.get(word, [])

    def __len__(self) -> int:
        return sum(len(v) for v in self.by_first.values())


@dataclass
class ActorDictionary:
    """Actor entries and an index of all their phrases."""

    entries: list[ActorEntry] = field(default_factory=list)
    index: PhraseIndex = field(default_factory=PhraseIndex)
    sources: list[str] = field(default_factory=list)

    def merge(self, other: ActorDictionary) -> None:
        self.index.merge(other.index, len(self.entries))
        self.entries.extend(other.entries)
        self.sources.extend(other.sources)

    def lookup(self, text: str) -> ActorEntry | None:
        """The entry whose phrase is exactly ``text`` (dictionary spelling or plain words)."""
        phrase = make_phrase(text)
        if phrase is None:
            return None
        for cand, value in self.index.candidates(phrase.first):
            if cand.words == phrase.words:
                return self.entries[value]
        return None


def parse_actors(text: str, source: str = "") -> tuple[ActorDictionary, list[Problem]]:
    """Parse a PETRARCH actor dictionary. Returns the dictionary and the problems found."""
    d = ActorDictionary(sources=[source] if source else [])
    problems: list[Problem] = []
    cur: ActorEntry | None = None

    def finish() -> None:
        if cur is not None and cur.phrases:
            d.entries.append(cur)

    for n, raw, line in _logical_lines(text, "#;"):
        if not line.strip():
            continue
        indented = raw[:1] in (" ", "\t")
        s = line.strip()
        brackets = re.findall(r"\[([^\]]*)\]", s)
        rest = re.sub(r"\[[^\]]*\]", " ", s)
        if s.count("[") != s.count("]"):
            problems.append(Problem(n, "unbalanced [ ]"))
            continue
        if indented and s.startswith("["):
            if cur is None:
                problems.append(Problem(n, "date restriction before any actor phrase"))
                continue
            if rest.strip():
                problems.append(Problem(n, f"unexpected text {rest.strip()!r} on a restriction line"))
        elif s.startswith("+"):
            if cur is None:
                problems.append(Problem(n, "synonym ('+' line) before any actor phrase"))
                continue
            phrase = make_phrase(rest.strip()[1:])
            if phrase is None:
                problems.append(Problem(n, "empty synonym"))
                continue
            cur.phrases.append(phrase)
        else:
            if indented and not brackets:
                problems.append(Problem(n, "indented line is neither a phrase nor a [CODE] restriction"))
                continue
            finish()
            cur = ActorEntry(line=n)
            phrase = make_phrase(rest)
            if phrase is None:
                problems.append(Problem(n, "code without an actor phrase"))
                cur = None
                continue
            cur.phrases.append(phrase)
        for body in brackets:
            codes, restriction, err = _parse_bracket(body)
            if err:
                problems.append(Problem(n, err))
                continue
            assert cur is not None
            if restriction is not None:
                cur.dated.append(restriction)
            elif not cur.default:
                cur.default = codes
    finish()
    for i, entry in enumerate(d.entries):
        for phrase in entry.phrases:
            d.index.add(phrase, i)
    d.index.finish()
    return d, problems


# ------------------------------------------------------------------------------------------ agents


@dataclass(frozen=True, slots=True)
class AgentEntry:
    """An agent phrase and its code; ``prefix`` agents (``[NGO~]``) go before the actor code."""

    phrase: Phrase
    code: str
    prefix: bool
    line: int

    def __reduce__(self) -> tuple[Any, ...]:
        return (AgentEntry, (self.phrase, self.code, self.prefix, self.line))


@dataclass
class AgentDictionary:
    entries: list[AgentEntry] = field(default_factory=list)
    index: PhraseIndex = field(default_factory=PhraseIndex)
    sources: list[str] = field(default_factory=list)

    def merge(self, other: AgentDictionary) -> None:
        self.index.merge(other.index, len(self.entries))
        self.entries.extend(other.entries)
        self.sources.extend(other.sources)


def plural(word: str) -> str:
    """The regular plural of an upper-case word: +S, Y -> IES after a consonant, +ES after S, X, CH, SH."""
    if word.endswith("Y") and len(word) > 1 and word[-2] not in VOWELS:
        return word[:-1] + "IES"
    if word.endswith(("S", "X", "Z", "CH", "SH")):
        return word + "ES"
    return word + "S"


def _plural_phrase(p: Phrase) -> Phrase:
    return Phrase((*p.words[:-1], plural(p.words[-1])), p.gaps)


_SUBST_DEF = re.compile(r"^\s*!([A-Za-z0-9_]+)!\s*=\s*(.*)$")


def parse_agents(text: str, source: str = "") -> tuple[AgentDictionary, list[Problem]]:
    """Parse a PETRARCH agent dictionary (with ``!NAME! = A, B`` substitution sets and ``{plural}``)."""
    d = AgentDictionary(sources=[source] if source else [])
    problems: list[Problem] = []
    subst: dict[str, list[str]] = {}
    for n, _raw, line in _logical_lines(text, "#"):
        s = line.strip()
        if not s:
            continue
        m = _SUBST_DEF.match(s)
        if m:
            items = [x.strip() for x in m.group(2).split(",") if x.strip()]
            if not items:
                problems.append(Problem(n, f"substitution set !{m.group(1)}! has no items"))
            subst[m.group(1).upper()] = items
            continue
        cm = re.search(r"\[([^\]]*)\]", s)
        if not cm or s.count("[") != 1 or s.count("]") != 1:
            problems.append(Problem(n, "agent line needs exactly one [CODE]"))
            continue
        code_text = cm.group(1).strip()
        if "~" not in code_text:
            problems.append(Problem(n, f"agent code [{code_text}] lacks '~' (use [~ABC] or [ABC~])"))
            continue
        prefix = code_text.endswith("~")
        code = code_text.replace("~", "").strip().upper()
        if not code or not re.fullmatch(r"[A-Z0-9]+", code):
            problems.append(Problem(n, f"malformed agent code [{code_text}]"))
            continue
        tail = s[cm.end() :].strip()
        if tail:
            problems.append(Problem(n, f"unexpected text {tail!r} after the code [{code_text}]"))
        head = s[: cm.start()]
        plural_forms: list[str] | None = None
        bm = re.search(r"\{([^}]*)\}", head)
        if bm:
            plural_forms = bm.group(1).split()
            head = head[: bm.start()] + head[bm.end() :]
        elif "{" in head or "}" in head:
            problems.append(Problem(n, "unbalanced { }"))
            continue
        head = head.strip()
        if not head:
            problems.append(Problem(n, "agent code without a phrase"))
            continue
        texts = [head]
        marker = re.search(r"!([A-Za-z0-9_]+)!", head)
        if marker:
            key = marker.group(1).upper()
            if key not in subst:
                problems.append(Problem(n, f"substitution set !{marker.group(1)}! is not defined above"))
                continue
            texts = [head[: marker.start()] + item + head[marker.end() :] for item in subst[key]]
        for t in texts:
            phrase = make_phrase(t)
            if phrase is None:
                continue
            d.entries.append(AgentEntry(phrase, code, prefix, n))
            if marker:
                continue
            if plural_forms is None:
                d.entries.append(AgentEntry(_plural_phrase(phrase), code, prefix, n))
            else:
                for pf in plural_forms:
                    pp = make_phrase(pf)
                    if pp is not None:
                        d.entries.append(AgentEntry(pp, code, prefix, n))
    for i, entry in enumerate(d.entries):
        d.index.add(entry.phrase, i)
    d.index.finish()
    return d, problems


# ---------------------------------------------------------------------------------------- discards


@dataclass
class DiscardList:
    """Phrases that stop a sentence (or, marked ``+``, a whole story) from being coded."""

    sentence: list[tuple[str, bool]] = field(default_factory=list)  # (upper text, whole-word end)
    story: list[tuple[str, bool]] = field(default_factory=list)

    def merge(self, other: DiscardList) -> None:
        self.sentence.extend(other.sentence)
        self.story.extend(other.story)

    @staticmethod
    def _hit(text: str, items: list[tuple[str, bool]]) -> str | None:
        if not items:
            return None
        padded = " " + " ".join(_discard_words(text)) + " "
        for phrase, exact in items:
            needle = " " + phrase + (" " if exact else "")
            if needle in padded:
                return phrase
        return None

    def sentence_hit(self, text: str) -> str | None:
        """The sentence-level discard phrase found in ``text`` (case-insensitive), if any."""
        return self._hit(text, self.sentence)

    def story_hit(self, text: str) -> str | None:
        return self._hit(text, self.story)


def _discard_words(text: str) -> list[str]:
    """Words for discard matching: punctuation is a word end ("Prix." ends with "PRIX")."""
    return normalize_words(re.sub(r"[.,;:!?()\[\]\"“”]+(?=\s|$)", " ", text))


def parse_discards(text: str, source: str = "") -> tuple[DiscardList, list[Problem]]:
    """Parse a PETRARCH discard list: one phrase a line, ``+`` for story-level, ``_`` at the end for a word end."""
    d = DiscardList()
    problems: list[Problem] = []
    for n, _raw, line in _logical_lines(text, "#"):
        s = line.strip()
        if not s:
            continue
        story = s.startswith("+")
        if story:
            s = s[1:].strip()
        if "[" in s or "]" in s:
            problems.append(Problem(n, "discard phrases take no [CODE]"))
            continue
        exact = s.endswith("_")
        words = _discard_words(s)
        if not words:
            problems.append(Problem(n, "empty discard phrase"))
            continue
        item = (" ".join(words), exact)
        (d.story if story else d.sentence).append(item)
    return d, problems


# ------------------------------------------------------------------------------------------- verbs


@dataclass(frozen=True, slots=True)
class PatternElement:
    """One element of a verb pattern.

    ``kind`` is ``word`` (``value`` the word), ``alts`` (``value`` words joined by ``/``), ``synset``
    (``value`` the synset name), or a slot:
    ``source`` ($), ``target`` (+), ``compound`` (%) or ``skip`` (^). ``glue`` is True when the element must
    come right after the previous one (they were joined with ``_``; for the first element after the verb,
    ``*_`` joins it to the verb).
    """

    kind: str
    value: str
    glue: bool


@dataclass(frozen=True, slots=True)
class VerbPattern:
    """A pattern of a verb block: elements before and after the verb, and the code(s) when it matches."""

    pre: tuple[PatternElement, ...]
    post: tuple[PatternElement, ...]
    code: str
    line: int
    text: str
    pre_glue: bool = False  # the last element before the verb must come right before it

    @property
    def size(self) -> int:
        return len(self.pre) + len(self.post)


@dataclass(frozen=True, slots=True)
class VerbEntry:
    """A verb (or multi-word verb) of a block: its word forms and its code (the block code if none)."""

    forms: tuple[tuple[tuple[str, ...], int], ...]  # (words, index of the verb word)
    code: str
    block: int
    line: int
    name: str


@dataclass(frozen=True, slots=True)
class Transformation:
    """A ``~`` line: verb-verb transformation (kept as read; see ``docs/petrarch.md``)."""

    text: str
    line: int


@dataclass
class VerbBlock:
    name: str
    code: str
    line: int
    verbs: list[int] = field(default_factory=list)
    patterns: list[VerbPattern] = field(default_factory=list)


@dataclass
class VerbDictionary:
    """Synsets, verb blocks with their patterns, and the index of verb forms."""

    synsets: dict[str, list[Phrase]] = field(default_factory=dict)
    blocks: list[VerbBlock] = field(default_factory=list)
    verbs: list[VerbEntry] = field(default_factory=list)
    forms: dict[str, list[tuple[int, int]]] = field(default_factory=dict)  # verb word -> [(verb, form)]
    transformations: list[Transformation] = field(default_factory=list)
    source: str = ""

    def entries_for(self, word: str) -> list[tuple[VerbEntry, tuple[str, ...], int]]:
        """(verb entry, form words, verb-word index) for every form whose verb word is ``word``."""
        out = []
        for vi, fi in self.forms.get(word, []):
            entry = self.verbs[vi]
            words, idx = entry.forms[fi]
            out.append((entry, words, idx))
        return out

    def patterns_for(self, entry: VerbEntry) -> list[VerbPattern]:
        return self.blocks[entry.block].patterns


def _verb_forms(base: str) -> list[str]:
    """Regular forms of an upper-case English verb (and doubled-consonant variants)."""
    forms = [base]
    if len(base) < 2:
        return forms
    cy = base.endswith("Y") and base[-2] not in VOWELS
    if cy:
        forms.append(base[:-1] + "IES")
    elif base.endswith(("S", "X", "Z", "CH", "SH", "O")):
        forms.append(base + "ES")
    else:
        forms.append(base + "S")
    if base.endswith("E"):
        forms.append(base + "D")
    elif cy:
        forms.append(base[:-1] + "IED")
    else:
        forms.append(base + "ED")
    if base.endswith("IE"):
        forms.append(base[:-2] + "YING")
    elif base.endswith("E") and not base.endswith(("EE", "YE", "OE")) and len(base) > 2:
        forms.append(base[:-1] + "ING")
    else:
        forms.append(base + "ING")
    if (
        len(base) >= 3
        and base[-1] not in VOWELS
        and base[-1] not in "WXY"
        and base[-2] in VOWELS
        and base[-3] not in VOWELS
    ):
        forms.append(base + base[-1] + "ED")
        forms.append(base + base[-1] + "ING")
    return forms


def _verb_phrase(text: str) -> tuple[tuple[str, ...], int] | None:
    """Words of a verb phrase (``+`` marks the verb word in multi-word verbs) and the verb's index."""
    text = text.strip()
    if not text:
        return None
    raw = [w for w in re.split(r"[\s_]+", text) if w]
    idx = 0
    words: list[str] = []
    for w in raw:
        if w.startswith("+"):
            idx = len(words)
            w = w[1:]
        if not w:
            continue
        words.extend(_split_chunk(w.upper()))
    if not words:
        return None
    return tuple(words), min(idx, len(words) - 1)


def _expand_forms(words: tuple[str, ...], idx: int) -> list[tuple[tuple[str, ...], int]]:
    return [((*words[:idx], f, *words[idx + 1 :]), idx) for f in _verb_forms(words[idx])]


_CODE_AT_END = re.compile(r"\[([^\]]*)\]\s*$")
_EVENT_CODE = re.compile(r"(?:---|\d{2,4})(?::(?:---|\d{2,4})?)?|:(?:---|\d{2,4})")


def _check_event_code(code: str, n: int, problems: list[Problem]) -> None:
    """Report a verb, block or pattern code that is not a CAMEO event code: 2-4 digits or ``---``, or
    ``SOURCE:TARGET`` codes (either side may be empty) for the two events of a pattern."""
    if not _EVENT_CODE.fullmatch(code):
        problems.append(
            Problem(n, f"[{code}] is not a CAMEO event code (2-4 digits, '---', or two codes as in [042:043])")
        )


def _pattern_elements(text: str, n: int, problems: list[Problem]) -> list[PatternElement]:
    """Elements of one side of a pattern (``text`` without the ``*``)."""
    text = re.sub(r"[{}()]", " ", text)
    out: list[PatternElement] = []
    for blank_piece in text.split():
        pieces = blank_piece.split("_")
        for pi, piece in enumerate(pieces):
            if not piece:
                continue
            glue = pi > 0
            if piece in ("$", "+", "%", "^"):
                kind = {"$": "source", "+": "target", "%": "compound", "^": "skip"}[piece]
                out.append(PatternElement(kind, piece, glue))
            elif piece.startswith("&"):
                out.append(PatternElement("synset", piece.upper(), glue))
            elif "/" in piece and re.fullmatch(r"[A-Za-z0-9'’.\-/]+", piece):
                # not PETRARCH syntax, but found in production files: read as alternatives
                problems.append(
                    Problem(n, f"'/' in pattern word {piece!r} is not PETRARCH syntax (read as alternatives)")
                )
                out.append(PatternElement("alts", piece.upper(), glue))
            else:
                if not re.fullmatch(r"[A-Za-z0-9'’.\-,]+", piece):
                    problems.append(Problem(n, f"unexpected characters in pattern word {piece!r}"))
                    out.append(PatternElement("word", piece.upper(), glue))  # kept: it will not match
                    continue
                for si, w in enumerate(_split_chunk(piece.upper())):
                    out.append(PatternElement("word", w, glue if si == 0 else True))
    return out


def _parse_pattern(body: str, n: int, problems: list[Problem]) -> VerbPattern | None:
    m = _CODE_AT_END.search(body)
    if not m:
        problems.append(Problem(n, "pattern has no [CODE] at its end"))
        return None
    code = m.group(1).strip().upper()
    if not code or " " in code:
        problems.append(Problem(n, f"malformed pattern code [{m.group(1)}]"))
        return None
    _check_event_code(code, n, problems)
    spec = body[: m.start()].strip()
    if spec.count("*") != 1:
        problems.append(Problem(n, "a pattern needs exactly one '*' for the verb"))
        return None
    if spec.count("{") != spec.count("}") or spec.count("(") != spec.count(")"):
        problems.append(Problem(n, "unbalanced { } or ( ) in pattern"))
        return None
    pre_text, post_text = spec.split("*")
    glue_pre = pre_text.endswith("_")
    glue_post = post_text.startswith("_")
    pre = _pattern_elements(pre_text.rstrip("_"), n, problems)
    post = _pattern_elements(post_text.lstrip("_"), n, problems)
    if glue_post and post:
        post[0] = PatternElement(post[0].kind, post[0].value, True)
    return VerbPattern(tuple(pre), tuple(post), code, n, spec, glue_pre and bool(pre))


def parse_verbs(text: str, source: str = "") -> tuple[VerbDictionary, list[Problem]]:
    """Parse a PETRARCH verb dictionary: ``&`` synsets, ``---`` verb blocks, verbs, ``-`` patterns, ``~`` lines."""
    d = VerbDictionary(source=source)
    problems: list[Problem] = []
    state = "none"  # none, synset, block
    synset_name = ""
    synset_raw: dict[str, list[tuple[str, int]]] = {}
    synset_noplural: dict[str, bool] = {}
    used_synsets: list[tuple[str, int]] = []
    block: VerbBlock | None = None
    for n, _raw, line in _logical_lines(text, "#"):
        s = line.strip()
        if not s:
            continue
        if s.startswith("---"):
            inner = s.strip("-").strip()
            codes = re.findall(r"\[([^\]]*)\]", inner)
            name = re.sub(r"\[[^\]]*\]", " ", inner).strip()
            code = codes[0].strip().upper() if codes else NULL_CODE
            if code:
                _check_event_code(code, n, problems)
            block = VerbBlock(name=name or f"line {n}", code=code or NULL_CODE, line=n)
            d.blocks.append(block)
            state = "block"
            continue
        if s.startswith("&"):
            name = s.split()[0].upper()
            synset_noplural[name.rstrip("_")] = name.endswith("_")
            synset_name = name.rstrip("_")
            synset_raw.setdefault(synset_name, [])
            state = "synset"
            continue
        if s.startswith("~"):
            if "=" not in s or "(" not in s:
                problems.append(Problem(n, "transformation needs the form '~ a (b c VERB) VERB = a b CODE'"))
            d.transformations.append(Transformation(s, n))
            continue
        if s.startswith("-"):
            if block is None:
                problems.append(Problem(n, "pattern outside a verb block"))
                continue
            pat = _parse_pattern(s[1:].strip(), n, problems)
            if pat is not None:
                block.patterns.append(pat)
                for el in (*pat.pre, *pat.post):
                    if el.kind == "synset":
                        used_synsets.append((el.value.rstrip("_"), n))
            state = "block"
            continue
        if s.startswith("+") and state == "synset":
            member = s[1:].strip()
            if not member:
                problems.append(Problem(n, "empty synset member"))
                continue
            synset_raw[synset_name].append((member, n))
            continue
        # a verb line (possibly '+MULTI_WORD')
        if block is None:
            problems.append(Problem(n, "verb outside a '--- NAME [CODE] ---' block"))
            continue
        state = "block"
        codes = re.findall(r"\[([^\]]*)\]", s)
        body = re.sub(r"\[[^\]]*\]", " ", s)
        if s.count("[") != s.count("]"):
            problems.append(Problem(n, "unbalanced [ ]"))
            continue
        irregular: list[str] = []
        bm = re.search(r"\{([^}]*)\}", body)
        if bm:
            irregular = bm.group(1).split()
            body = body[: bm.start()] + " " + body[bm.end() :]
        elif "{" in body or "}" in body:
            problems.append(Problem(n, "unbalanced { }"))
            continue
        vp = _verb_phrase(body)
        if vp is None:
            problems.append(Problem(n, "empty verb line"))
            continue
        words, idx = vp
        forms = _expand_forms(words, idx)
        for irr in irregular:
            ivp = _verb_phrase(irr)
            if ivp is not None:
                forms.append(ivp)
        code = codes[0].strip().upper() if codes else block.code
        if codes and code:
            _check_event_code(code, n, problems)
        seen: set[tuple[tuple[str, ...], int]] = set()
        uniq = []
        for f in forms:
            if f not in seen:
                seen.add(f)
                uniq.append(f)
        entry = VerbEntry(tuple(uniq), code or NULL_CODE, len(d.blocks) - 1, n, " ".join(words))
        block.verbs.append(len(d.verbs))
        d.verbs.append(entry)
    # resolve synsets (members may name other synsets)
    resolved: dict[str, list[Phrase]] = {}

    def resolve(name: str, stack: tuple[str, ...] = ()) -> list[Phrase]:
        if name in resolved:
            return resolved[name]
        out: list[Phrase] = []
        for member, _ln in synset_raw.get(name, []):
            if member.startswith("&"):
                sub = member.upper().rstrip("_")
                if sub in stack:
                    continue
                out.extend(resolve(sub, (*stack, name)))
                continue
            no_plural = synset_noplural.get(name, False) or member.endswith("_")
            phrase = make_phrase(member)
            if phrase is None:
                continue
            out.append(phrase)
            if not no_plural:
                out.append(_plural_phrase(phrase))
        resolved[name] = out
        return out

    for name, members in synset_raw.items():
        resolve(name)
        for member, ln in members:
            if member.startswith("&") and member.upper().rstrip("_") not in synset_raw:
                problems.append(Problem(ln, f"synset {member} is not defined"))
    d.synsets = resolved
    for name, ln in used_synsets:
        if name not in synset_raw:
            problems.append(Problem(ln, f"synset {name} is not defined (the pattern is ignored)"))
    for vi, entry in enumerate(d.verbs):
        for fi, (words, idx) in enumerate(entry.forms):
            d.forms.setdefault(words[idx], []).append((vi, fi))
    return d, problems


# ------------------------------------------------------------------------------------ kind and check


def detect_kind(text: str) -> str:
    """Guess the kind of a dictionary from its content: ``verbs``, ``agents``, ``actors`` or ``discards``."""
    head = text[:400_000]
    if re.search(r"^---.*---\s*$", head, re.M) or re.search(r"^-\s.*\*.*\[", head, re.M):
        return "verbs"
    if re.search(r"^\s*!\w+!\s*=", head, re.M) or len(re.findall(r"\[\s*~|~\s*\]", head)) > 3:
        return "agents"
    if re.search(r"\[[^\]]+\]", head):
        return "actors"
    return "discards"


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace")


def _undecodable(data: bytes) -> list[Problem]:
    """Lines of ``data`` that are not UTF-8 text (binary data: only the first line with a NUL byte)."""
    if b"\0" in data:
        n = data.count(b"\n", 0, data.index(b"\0")) + 1
        return [Problem(n, "binary data (a NUL byte): this is not a text dictionary file")]
    out = []
    for n, raw in enumerate(data.splitlines(), start=1):
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            out.append(Problem(n, f"not UTF-8 text ({exc.reason} at byte {exc.start + 1}); read with U+FFFD there"))
    return out


def _entry_count(kind: str, parsed: Any) -> int:
    if kind == "verbs":
        return len(parsed.verbs) + sum(len(b.patterns) for b in parsed.blocks) + len(parsed.synsets)
    if kind == "discards":
        return len(parsed.sentence) + len(parsed.story)
    return len(parsed.entries)


def check_dictionary(path: str | os.PathLike[str], kind: str | None = None) -> list[Problem]:
    """Syntax problems of a PETRARCH-format dictionary file, by line (an empty list when it is clean).

    ``kind`` (``actors``, ``agents``, ``verbs``, ``discards``) is guessed from the content when not given.
    Besides the syntax of each line: lines that are not UTF-8 text, binary data (then only that), and a
    file without a single entry (line 0: empty, or only comments). Raises ``OSError`` when the file cannot
    be read (a directory, no permission).
    """
    data = Path(path).read_bytes()
    bad_text = _undecodable(data)
    if bad_text and bad_text[0].message.startswith("binary"):
        return bad_text
    text = data.decode("utf-8", errors="replace")
    kind = kind or detect_kind(text)
    parser = {"actors": parse_actors, "agents": parse_agents, "verbs": parse_verbs, "discards": parse_discards}
    if kind not in parser:
        raise ValueError(f"unknown dictionary kind {kind!r}")
    parsed, problems = parser[kind](text, str(path))
    problems = bad_text + problems
    if not _entry_count(kind, parsed):
        if not text.strip():
            problems.append(Problem(0, "no entries: the file is empty"))
        elif not problems:
            problems.append(Problem(0, "no entries: the file has only comments and blank lines"))
        else:
            problems.append(Problem(0, f"no usable entries in this {kind} dictionary (see the lines reported)"))
    return sorted(problems, key=lambda p: p.line)


# ---------------------------------------------------------------------------------------- caching

T = TypeVar("T")


def cache_dir() -> Path:
    """Where compiled dictionaries are kept: ``$CORRIDOR_CACHE``, else ``$XDG_CACHE_HOME/corridor``."""
    env = os.environ.get("CORRIDOR_CACHE")
    if env:
        return Path(env) / "petrarch"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "corridor" / "petrarch"


def _cache_key(path: Path, kind: str) -> str:
    st = path.stat()
    raw = f"{CACHE_VERSION}|{kind}|{path.resolve()}|{st.st_size}|{st.st_mtime_ns}"
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:20]


_MEMO: dict[str, Any] = {}
SMALL_FILE = 200_000  # bytes: smaller files parse faster than a pickle round trip pays for


def _load_cached(paths: list[Path], kind: str, parse: Any, merged: Any) -> Any:
    """Parse (or load from the cache) and merge the dictionaries at ``paths``."""
    key = hashlib.sha1("|".join(_cache_key(p, kind) for p in paths).encode("utf-8")).hexdigest()[:20]
    if key in _MEMO:
        return _MEMO[key]
    target = cache_dir() / f"{kind}-{key}.pickle"
    obj: Any = None
    if target.exists():
        try:
            with target.open("rb") as fh:
                obj = pickle.load(fh)
        except Exception:  # a stale or broken cache file: parse again
            obj = None
    if obj is None:
        obj = merged()
        for p in paths:
            part, _problems = parse(_read(p), str(p))
            if len(paths) == 1:
                obj = part
            else:
                obj.merge(part)
        if sum(p.stat().st_size for p in paths) > SMALL_FILE:
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                tmp = target.with_suffix(f".tmp{os.getpid()}")
                with tmp.open("wb") as fh:
                    pickle.dump(obj, fh, protocol=pickle.HIGHEST_PROTOCOL)
                tmp.replace(target)
            except OSError:  # a read-only home: work without the cache
                pass
    _MEMO[key] = obj
    return obj


def load_actors(paths: Iterable[str | os.PathLike[str]]) -> ActorDictionary:
    """Actor dictionaries read (through the cache) and merged, in order."""
    obj: ActorDictionary = _load_cached([Path(p) for p in paths], "actors", parse_actors, ActorDictionary)
    return obj


def load_agents(paths: Iterable[str | os.PathLike[str]]) -> AgentDictionary:
    obj: AgentDictionary = _load_cached([Path(p) for p in paths], "agents", parse_agents, AgentDictionary)
    return obj


def load_verbs(path: str | os.PathLike[str]) -> VerbDictionary:
    obj: VerbDictionary = _load_cached([Path(path)], "verbs", parse_verbs, VerbDictionary)
    return obj


def load_discards(paths: Iterable[str | os.PathLike[str]]) -> DiscardList:
    obj: DiscardList = _load_cached([Path(p) for p in paths], "discards", parse_discards, DiscardList)
    return obj
