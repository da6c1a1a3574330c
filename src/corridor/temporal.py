"""Find temporal expressions in plain text and normalize them to TimeML (TIMEX3) values.

Reads the lexicon ``corridor/data/lexicons/time.yaml`` (word lists and the surface patterns, each naming a
resolver below) and a text with an optional anchor date (the article date); writes a list of
:class:`corridor.model.TimeExpr` (text, character span, TIMEX3 type and value, precision, and whether our
rules or ``dateparser`` resolved it). No spaCy is needed.

Conventions (TimeML / TempEval-3): dates as ``2021-10-27``, ``2021-10``, ``2021``, weeks ``2021-W42``,
weekends ``2021-W42-WE``, seasons ``2021-SU``, quarters ``2021-Q3``, halves ``2021-H1``, decades ``199X``,
centuries ``19`` (the 20th century), times of day ``2021-10-28TNI`` / ``2021-10-28T15:00``, durations
``P3Y`` / ``PT2H`` / ``PXM`` (X = unspecified), sets ``P1W`` or ``XXXX-WXX-3``, and the reference values
``PRESENT_REF``, ``PAST_REF``, ``FUTURE_REF``. A weekday, or a month (day) without a year, is placed by the
tense of its sentence: a future cue before it ("will", "due", "expected"; for months, days and seasons also a
modal, "can", "must") places it on or after the anchor; otherwise a weekday is the most recent such day on or
before the anchor (as news writes "said on Wednesday"), and a month is placed by a past cue (an -ed word used
as an adjective, "the revised fee", is none), else at its nearest occurrence. A month-day within six weeks of
the anchor, or one that starts or ends a range holding the anchor, is the near one whatever the tense; after
"until" a month (day) or season later in the anchor's year than the anchor is this year's. Without an anchor,
expressions that need one keep ``value`` None. See ``docs/time.md``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from corridor.model import TimeExpr
from corridor.resources import packaged_yaml

LEXICON_PATH = "lexicons/time.yaml"

_SEASON_BY_MONTH = {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}
_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*|['’]ll")
_ABBREV_BEFORE_DOT = re.compile(r"(?:\b[A-Z][a-z]{0,3}|\b(?:[A-Za-z]\.)+[A-Za-z]|\b[a-z])$")
_FINITE_PAST = {"was", "were", "had", "did", "ago", "last", "earlier", "previously", "former"}
_SENT_BREAK = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"'“‘(]*[A-Z0-9])|\n")


# --------------------------------------------------------------------------------------------- lexicon


@dataclass
class Pattern:
    name: str
    resolver: str
    regex: re.Pattern[str]
    # the kinds of anchor word a match of this pattern can hold (see ``find_times``); empty: any kind
    anchor_kinds: frozenset[str] = frozenset()


@dataclass
class Lexicon:
    """The compiled content of ``time.yaml``."""

    weekdays: dict[str, int]
    months: dict[str, int]
    month_alone_after: list[str]
    seasons: dict[str, str]
    season_start: dict[str, int]
    parts: dict[str, str]
    numbers: dict[str, int | str]
    ordinals: dict[str, int]
    decade_words: dict[str, int]
    units: dict[str, tuple[str, int, bool]]
    quarters: dict[str, int]
    refs: dict[str, str]
    set_adverbs: dict[str, str]
    holidays: dict[str, dict[str, int]]
    future_cues: set[str]
    deferral_cues: set[str]
    modal_cues: set[str]
    past_cues: set[str]
    past_blockers: set[str]
    attributive_before: set[str]
    ed_verb_prefixes: set[str]
    ed_not_past: set[str]
    until_words: set[str]
    duration_blockers: set[str]
    bare_unit_before: set[str]
    bare_unit_after: set[str]
    patterns: list[Pattern] = field(default_factory=list)
    # a word every time expression holds (a digit, a month or weekday, a unit, "today", ...): the patterns
    # are run only near one (see ``find_times``)
    anchor: re.Pattern[str] = re.compile(r"\d+")
    # each anchor word (lower case, single spaces) and each word of a phrase -> the kinds of anchor it is
    anchor_words: dict[str, frozenset[str]] = field(default_factory=dict)
    # ", prompting": a clause of consequence, whose times take no tense from the clause before (see ``tense``)
    result_clause: re.Pattern[str] = re.compile(r"(?!)")

    def anchor_kinds(self, word: str) -> frozenset[str]:
        """The kinds of anchor an anchor match is ("digit" for digits; every kind when not listed)."""
        if word.isdigit():
            return _DIGIT
        return self.anchor_words.get(_phrase_key(word), _ANY_KIND)

    def number(self, word: str) -> int | str | float | None:
        """Value of a number phrase: digits, a number word or compound ("twenty-five"), or "X"."""
        w = re.sub(r"\s+", " ", word.strip().lower())
        half = 0.0
        if w.endswith(" and a half"):
            w, half = w[: -len(" and a half")], 0.5
        if re.fullmatch(r"\d{1,3}(?:,\d{3})*(?:\.\d+)?", w):
            num = float(w.replace(",", ""))
            return _num(num + half)
        if w in self.numbers:
            val = self.numbers[w]
            return val if isinstance(val, str) or not half else _num(val + half)
        parts = re.split(r"[-\s]", w)
        if len(parts) == 2 and parts[0] in self.numbers and parts[1] in self.numbers:
            a, b = self.numbers[parts[0]], self.numbers[parts[1]]
            if isinstance(a, int) and isinstance(b, int) and a >= 20 and b < 10:
                return _num(a + b + half)
        return None

    def month(self, word: str) -> int:
        return self.months.get(word, self.months.get(word.title(), 0))

    def weekday(self, word: str) -> int:
        return self.weekdays.get(word.title(), 0)


def _phrase_key(phrase: str) -> str:
    """A word or phrase as the anchor tables key it: lower case, single spaces."""
    return " ".join(phrase.lower().split())


def _phrase_keys(phrase: str) -> set[str]:
    """The key of a phrase and of each of its words."""
    key = _phrase_key(phrase)
    return {key, *key.split()}


_DIGIT = frozenset({"digit"})
_ANY_KIND = frozenset({"any"})


def _num(x: float) -> int | float:
    return int(x) if float(x).is_integer() else x


def _trie(words: Iterable[str], fold: bool) -> str:
    """One regex for a word list, factored by common prefixes (fast where a flat alternation is slow).
    Longer words are tried first, so "years" wins over "year" wherever both fit."""
    root: dict[str, Any] = {}
    for w in words:
        node = root
        for ch in w.lower() if fold else w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = [(r"\s+" if ch == " " else re.escape(ch)) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return f"(?:{body})?"
        return body

    return emit(root)


def _alt(words: Iterable[str], case_sensitive: bool = False) -> str:
    body = _trie(set(words), fold=not case_sensitive)
    return f"(?-i:{body})" if case_sensitive else f"(?:{body})"


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The packaged temporal lexicon, compiled once."""
    raw: dict[str, Any] = packaged_yaml(LEXICON_PATH)
    lex = Lexicon(
        weekdays=dict(raw["weekdays"]),
        months=dict(raw["months"]),
        month_alone_after=[str(w).lower() for w in raw["month_alone_after"]],
        seasons=dict(raw["seasons"]),
        season_start=dict(raw["season_start_month"]),
        parts=dict(raw["parts_of_day"]),
        numbers={str(k).lower(): v for k, v in raw["numbers"].items()},
        ordinals=dict(raw["ordinals"]),
        decade_words=dict(raw["decade_words"]),
        units={k: (str(v[0]), int(v[1]), bool(v[2])) for k, v in raw["units"].items()},
        quarters={str(k): int(v) for k, v in raw["quarters"].items()},
        refs=dict(raw["refs"]),
        set_adverbs=dict(raw["set_adverbs"]),
        holidays={k: dict(v) for k, v in raw["holidays"].items()},
        future_cues={str(w).lower() for w in raw["future_cues"]},
        deferral_cues={str(w).lower() for w in raw.get("deferral_cues", ())},
        modal_cues={str(w).lower() for w in raw["modal_cues"]},
        past_cues={str(w).lower() for w in raw["past_cues"]},
        past_blockers={str(w).lower() for w in raw["past_blockers"]},
        attributive_before={str(w).lower() for w in raw["attributive_before"]},
        ed_verb_prefixes={str(w).lower() for w in raw["ed_verb_prefixes"]},
        ed_not_past={str(w).lower() for w in raw["ed_not_past"]},
        until_words={str(w).lower() for w in raw["until_words"]},
        duration_blockers={str(w).lower() for w in raw["duration_blockers"]},
        bare_unit_before={str(w).lower() for w in raw["bare_unit_before"]},
        bare_unit_after={str(w).lower() for w in raw["bare_unit_after"]},
    )
    participles = [str(w) for w in raw.get("result_participles") or []]
    if participles:
        lex.result_clause = re.compile(rf",\s+{_alt(participles)}\b", re.IGNORECASE)
    first_name: dict[int, str] = {}
    for name, num in lex.months.items():  # the YAML lists each month's full name first
        first_name.setdefault(num, name)
    full_months = list(first_name.values())
    tens = [w for w, v in lex.numbers.items() if isinstance(v, int) and 20 <= v <= 90 and " " not in w]
    ones = [w for w, v in lex.numbers.items() if isinstance(v, int) and 1 <= v <= 9 and len(w) > 2]
    compounds = [f"{t}-{o}" for t in tens for o in ones] + [f"{t} {o}" for t in tens for o in ones]
    slots = {
        "weekday": _alt([*lex.weekdays, *(w.upper() for w in lex.weekdays)], case_sensitive=True),
        "month": _alt([*lex.months, *(m.upper() for m in full_months)], case_sensitive=True),
        "month_full": _alt([*full_months, *(m.upper() for m in full_months)], case_sensitive=True),
        "day": r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)",
        "year": r"(?<![\d,.])(?:1\d{3}|20\d{2})(?!\d)",
        "anyyear": r"(?<![\d,.$£€#])(?:1\d{3}|20\d{2})(?!\d)",
        "ordinal": _alt(lex.ordinals),
        "part": _alt(lex.parts),
        "decade_words": _alt(lex.decade_words),
        "calendar_unit": _alt(str(u) for u in raw["calendar_units"]),
        "season": _alt(lex.seasons),
        "quarter_ord": _alt(lex.quarters),
        "number": _alt([*lex.numbers, *compounds]),
        "unit": _alt(lex.units),
        "ref": _alt(lex.refs),
        "set_adverb": _alt(lex.set_adverbs),
        "holiday": _alt(lex.holidays, case_sensitive=True),
    }

    def fill(m: re.Match[str]) -> str:
        return slots[m.group(1)]

    anchor_slots = [
        *("weekday", "month", "part", "decade_words", "calendar_unit"),
        *("season", "unit", "ref", "set_adverb", "holiday"),
    ]
    extra_words = [str(w) for w in raw.get("anchor_words") or []]
    anchors = "|".join([*(slots[k] for k in anchor_slots), _alt(extra_words)])
    # a run of digits is one anchor (its window is the union of its digits' windows)
    lex.anchor = re.compile(rf"\d+|(?<!\w)(?:{anchors})(?!\w)", re.IGNORECASE)
    slot_words = {
        "weekday": list(lex.weekdays),
        "month": list(lex.months),
        "month_full": full_months,
        "part": list(lex.parts),
        "decade_words": list(lex.decade_words),
        "calendar_unit": [str(u) for u in raw["calendar_units"]],
        "season": list(lex.seasons),
        "unit": list(lex.units),
        "ref": list(lex.refs),
        "set_adverb": list(lex.set_adverbs),
        "holiday": list(lex.holidays),
        "ordinal": list(lex.ordinals),
        "quarter_ord": list(lex.quarters),
        "number": [*lex.numbers, *compounds],
    }
    lex.anchor_words = _anchor_word_kinds({**{k: slot_words[k] for k in anchor_slots}, "words": extra_words})
    for p in raw["patterns"]:
        source = str(p["regex"])
        body = re.sub(r"%([a-z_]+)%", fill, source)
        rx = re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE | re.VERBOSE)
        if p["resolver"] not in _RESOLVERS:
            raise ValueError(f"time.yaml: pattern {p['name']!r} names unknown resolver {p['resolver']!r}")
        kinds = _pattern_anchor_kinds(source, slot_words, lex.anchor_words)
        lex.patterns.append(Pattern(str(p["name"]), str(p["resolver"]), rx, kinds))
    return lex


def _anchor_word_kinds(kinds: dict[str, list[str]]) -> dict[str, frozenset[str]]:
    """Each anchor word or phrase, and each word of a phrase, lower-cased -> the kinds that list it."""
    out: dict[str, set[str]] = {}
    for kind, words in kinds.items():
        for w in words:
            for key in _phrase_keys(w):
                out.setdefault(key, set()).add(kind)
    return {k: frozenset(v) for k, v in out.items()}


_DIGIT_SLOTS = frozenset({"day", "year", "anyyear"})


def _pattern_anchor_kinds(
    source: str, slot_words: dict[str, list[str]], anchor_words: dict[str, frozenset[str]]
) -> frozenset[str]:
    """The kinds of anchor word a pattern's match can hold, read from its source: the anchor slots it names,
    the kinds of the words of the other slots it names and of its literal words, and digits where it has a
    digit or a day or year slot. A match holds an anchor word, and that word comes from one of these parts,
    so running the pattern only near anchors of these kinds finds what running it near every anchor does."""
    kinds: set[str] = set()
    for slot in re.findall(r"%([a-z_]+)%", source):
        if slot in _DIGIT_SLOTS:
            kinds.add("digit")
        for w in slot_words.get(slot, []):
            for key in _phrase_keys(w):
                kinds |= anchor_words.get(key, frozenset())
        if slot == "month_full":
            kinds.add("month")
    literal = re.sub(r"%[a-z_]+%|\(\?P<[a-z_0-9]+>|\\[a-zA-Z]", " ", source)
    if "\\d" in source or re.search(r"[0-9]", literal):
        kinds.add("digit")
    if re.search(r"\[[^\]]*[a-zA-Z][^\]]*\]", literal):
        return frozenset()  # a letter class inside a word: too clever to read, run near every anchor
    for w in re.findall(r"[a-zA-Z']+", literal):
        kinds |= anchor_words.get(w.lower(), frozenset())
    return frozenset(kinds)


# --------------------------------------------------------------------------------------------- context


@dataclass
class Hit:
    """A resolved match before overlap selection."""

    start: int
    end: int
    type: str
    value: str | None
    precision: str | None
    resolved_by: str = "rules"
    date: dt.date | None = None  # the day a TIME/DATE stands on, for attaching clock times
    needs_date: bool = False  # a clock time whose day was taken from the anchor


class Context:
    """The text being read, its anchor and sentence bounds, and tense cues around a span."""

    def __init__(self, text: str, anchor: dt.date | None, lex: Lexicon, published: dt.date | None = None) -> None:
        self.text = text
        self.anchor = anchor
        self.lex = lex
        # the publication date, when the anchor is an earlier dateline day
        self.published = published if published and anchor and published > anchor else None
        self.breaks = [0]
        for m in _SENT_BREAK.finditer(text):
            if m.group(0)[0] == "." and _ABBREV_BEFORE_DOT.search(text[max(0, m.start() - 6) : m.start()]):
                continue
            self.breaks.append(m.end())
        self.breaks.append(len(text) + 1)

    def sentence(self, pos: int) -> tuple[int, int]:
        lo, hi = 0, len(self.breaks) - 1
        while lo + 1 < hi:
            mid = (lo + hi) // 2
            if self.breaks[mid] <= pos:
                lo = mid
            else:
                hi = mid
        return self.breaks[lo], min(self.breaks[hi], len(self.text))

    def words_before(self, pos: int, n: int = 3) -> list[str]:
        """Up to ``n`` lower-cased words just before ``pos`` in the same sentence, nearest last."""
        s, _ = self.sentence(pos)
        return [w.lower() for w in _WORD.findall(self.text[s:pos])][-n:]

    def prev_word(self, pos: int) -> str:
        ws = self.words_before(pos, 1)
        return ws[0] if ws else ""

    def capitalized_inside(self, start: int) -> bool:
        """Whether the word at ``start`` is capitalized though not first in its sentence (a name:
        "Radio 4's Today programme", "Entertainment Weekly")."""
        if not self.text[start : start + 1].isupper() or self.text[start : start + 2].isupper():
            return False
        s, _ = self.sentence(start)
        lead = self.text[s:start].strip()
        return bool(lead) and not re.search(r"[\"'“‘(:;—–-]$", lead)

    def tense(self, start: int, end: int, modals: bool = True) -> str | None:
        """'future' or 'past' from the nearest cue left of the span (else right of it), or None. With
        ``modals`` false, the modals of ``modal_cues`` ("can", "might") are no cues (for weekdays)."""
        s, _ = self.sentence(start)
        _, e = self.sentence(max(start, end - 1))
        # ", prompting Caracas to expel diplomats on Monday": the clause has no tense of its own, and the one
        # before it ("would not recognise") is not its
        s = max((m.end() for m in self.lex.result_clause.finditer(self.text, s, start)), default=s)
        left = self._words(s, start)
        found = self._scan(list(reversed(left)), reverse=True, modals=modals)
        if found == "future" and left and left[-1][0] in {"in", "on"} and self._deferred(left):
            return "past"  # "the trip was postponed in February": when it was put off, not till when
        if found:
            return found
        return self._scan(self._words(end, e), reverse=False, modals=modals)

    def _deferred(self, left: list[tuple[str, bool]]) -> bool:
        """Whether the nearest future cue before a span is a word of putting off (``deferral_cues``)."""
        nearest = next((w for w, _ in reversed(left) if w in self.lex.future_cues), None)
        return nearest in self.lex.deferral_cues

    def _words(self, lo: int, hi: int) -> list[tuple[str, bool]]:
        """The lower-cased words of ``text[lo:hi]`` (curly apostrophes made straight), each with whether it
        is joined by a hyphen to the word before it ("so-called")."""
        return [
            (
                m.group(0).lower().replace("’", "'") if m.group(0) != "May" else "May",  # the month, no modal
                m.start() > 0 and self.text[m.start() - 1] == "-",
            )
            for m in _WORD.finditer(self.text, lo, hi)
        ]

    def _scan(self, words: list[tuple[str, bool]], reverse: bool, modals: bool) -> str | None:
        lex = self.lex
        for i, (w, hyphened) in enumerate(words):
            nxt = words[i + 1][0] if i + 1 < len(words) else ""  # the word before w when reverse
            pair = f"{nxt} {w}" if reverse else (f"{words[i - 1][0]} {w}" if i else "")
            if w in lex.future_cues or pair in lex.future_cues or w.endswith("'ll"):
                return "future"
            after = "" if reverse or i + 1 >= len(words) else words[i + 1][0]
            if modals and w in lex.modal_cues and after != "have":  # "may have met": past, found at "have"
                return "future"
            before = nxt if reverse else (words[i - 1][0] if i else "")
            participle = before in lex.past_blockers  # "will be held", "to be published"
            if pair in lex.past_cues or (w in lex.past_cues and not (participle and w not in _FINITE_PAST)):
                return "past"
            if len(w) > 4 and w.endswith("ed") and not participle and w not in lex.ed_not_past:
                # an -ed word is a verb in the past unless it stands as an adjective: after a determiner or
                # preposition ("the revised fee", "on imported steel") or in a compound ("so-called")
                attributive = before in lex.attributive_before or (hyphened and before not in lex.ed_verb_prefixes)
                if not attributive:
                    return "past"
        return None

    def until_before(self, start: int) -> bool:
        """Whether the expression at ``start`` follows "until", "till" or "through" (with "the")."""
        ws = self.words_before(start, 2)
        if ws and ws[-1] == "the":
            ws = ws[:-1]
        return bool(ws) and ws[-1] in self.lex.until_words


# --------------------------------------------------------------------------------------------- values


def fmt_day(d: dt.date) -> str:
    return d.isoformat()


def fmt_month(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def fmt_week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def add_months(y: int, m: int, k: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + k
    return idx // 12, idx % 12 + 1


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


NEAR_DAYS = 42  # a day without a year this close to the anchor is the one near it, whatever the tense


def _near_anchor(cands: list[dt.date], anchor: dt.date) -> dt.date | None:
    """The first of the candidate days that lies within :data:`NEAR_DAYS` of the anchor, or None."""
    return next((d for d in cands if abs((d - anchor).days) <= NEAR_DAYS), None)


def place_date(anchor: dt.date, month: int, day: int, tense: str | None) -> dt.date | None:
    """The year for a month and day: the occurrence within :data:`NEAR_DAYS` of the anchor if there is one
    ("will visit from April 3" in an article of April 6, "was due on April 20"); else past -> on/before the
    anchor, future -> on/after, no tense -> nearest."""
    cands = [d for y in (anchor.year - 1, anchor.year, anchor.year + 1) if (d := _safe_date(y, month, day))]
    if not cands:
        return None
    near = _near_anchor(cands, anchor)
    if near is not None:
        return near
    if tense == "past":
        before = [d for d in cands if d <= anchor]
        return max(before) if before else None
    if tense == "future":
        after = [d for d in cands if d >= anchor]
        return min(after) if after else None
    return min(cands, key=lambda d: (abs((d - anchor).days), d > anchor))


def place_month(anchor: dt.date, month: int, tense: str | None) -> int:
    """The year for a month named without one, as :func:`place_date` does for days."""
    here = anchor.year * 12 + anchor.month
    cands = [(y * 12 + month, y) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    if tense == "past":
        return max(y for idx, y in cands if idx <= here)
    if tense == "future":
        return min(y for idx, y in cands if idx >= here)
    return min(cands, key=lambda c: (abs(c[0] - here), c[0] > here))[1]


def place_weekday(anchor: dt.date, wd: int, rel: str, tense: str | None) -> dt.date:
    back = (anchor.isoweekday() - wd) % 7
    fwd = (wd - anchor.isoweekday()) % 7
    if rel in ("last", "past", "this past"):
        return anchor - dt.timedelta(days=back or 7)
    if rel == "next":
        return anchor + dt.timedelta(days=fwd or 7)
    if rel in ("this", "coming", "this coming"):
        return anchor - dt.timedelta(days=back) if tense == "past" else anchor + dt.timedelta(days=fwd)
    if tense == "future":
        return anchor + dt.timedelta(days=fwd)
    return anchor - dt.timedelta(days=back)


def _place_weekday(ctx: Context, wd: int, rel: str, tense: str | None) -> dt.date:
    """A weekday placed from the anchor; after a dateline day, a bare weekday not in the future that falls
    between the dateline and the publication date is that day ("MANILA, Aug 6 -" published Monday the 7th:
    "summoned the ambassador on Monday" is the 7th, not July 31)."""
    assert ctx.anchor is not None
    d = place_weekday(ctx.anchor, wd, rel, tense)
    if ctx.published and not rel and tense != "future":
        later = ctx.published - dt.timedelta(days=(ctx.published.isoweekday() - wd) % 7)
        if later > ctx.anchor:
            return later
    return d


def _season_year(anchor: dt.date) -> tuple[int, str]:
    """(season-year, code) of the season the anchor falls in; January and February belong to last winter."""
    code = _SEASON_BY_MONTH.get(anchor.month, "FA")
    year = anchor.year - 1 if anchor.month in (1, 2) else anchor.year
    return year, code


def place_season(anchor: dt.date, code: str, rel: str, tense: str | None, lex: Lexicon) -> int:
    start = lex.season_start.get(code, 1)
    cur_year, cur_code = _season_year(anchor)
    here = anchor.year * 12 + anchor.month
    occ = [(y, y * 12 + start) for y in range(anchor.year - 2, anchor.year + 2)]
    started = [y for y, idx in occ if idx <= here]
    if rel in ("this",):
        return cur_year if code == cur_code else (max(started) if tense == "past" else anchor.year)
    if rel in ("last", "this past"):
        return (cur_year - 1) if code == cur_code else max(started)
    if rel in ("next", "this coming"):
        return (cur_year + 1) if code == cur_code else min(y for y, idx in occ if idx > here)
    if code == cur_code:
        return cur_year
    if tense == "future":
        return min(y for y, idx in occ if idx > here)
    if tense == "past":
        return max(started)
    nearest = min(occ, key=lambda o: (abs(o[1] + 1 - here), o[1] > here))
    return nearest[0]


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date:
    days = [d for d in calendar.Calendar().itermonthdates(year, month) if d.month == month]
    hits = [d for d in days if d.isoweekday() == weekday]
    return hits[nth - 1] if nth > 0 else hits[nth]


# --------------------------------------------------------------------------------------------- resolvers

Resolver = Callable[[re.Match[str], Context], list[Hit]]
_RESOLVERS: dict[str, Resolver] = {}


def resolver(name: str) -> Callable[[Resolver], Resolver]:
    def deco(fn: Resolver) -> Resolver:
        _RESOLVERS[name] = fn
        return fn

    return deco


def _hit(m: re.Match[str], typ: str, value: str | None, precision: str | None, **kw: Any) -> list[Hit]:
    return [Hit(m.start(), m.end(), typ, value, precision, **kw)]


def _g(m: re.Match[str], name: str) -> str:
    return (m.groupdict().get(name) or "").strip()


def _rel(m: re.Match[str], name: str = "rel") -> str:
    return re.sub(r"\s+", " ", _g(m, name).lower())


@resolver("absolute_date")
def _absolute_date(m: re.Match[str], ctx: Context) -> list[Hit]:
    """A date with its year written out: parsed by dateparser (kept as the day it names)."""
    parsed = _dateparser_parse(_g(m, "date"), ctx.anchor)
    if parsed is None:
        return []
    if "T" in _g(m, "date"):
        return _hit(m, "TIME", parsed.strftime("%Y-%m-%dT%H:%M"), "time", resolved_by="dateparser")
    return _hit(m, "DATE", fmt_day(parsed.date()), "day", resolved_by="dateparser", date=parsed.date())


@lru_cache(maxsize=4096)
def _dateparser_parse(text: str, anchor: dt.date | None) -> dt.datetime | None:
    import dateparser

    settings: Any = {"PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["day", "month", "year"]}
    if anchor is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(anchor, dt.time())
    return dateparser.parse(text, languages=["en"], settings=settings)


def _day_num(s: str) -> int:
    return int(re.sub(r"\D", "", s))


# a range of days: "April 3 to 6", "March 28-April 9", "from Jan. 15 through June 30", "between May 2 and 9"
_RANGE_TO = r"\s*(?P<to>-|–|—|to|through|thru|until|till|and)\s*"
_RANGE_END = re.compile(
    _RANGE_TO + r"(?:(?P<m>[A-Z][a-z]+\.?)\s+)?(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b"
    r"(?!\s*(?:[ap]\.?m\b|%|percent|[:.]\d))"
)
_RANGE_START = re.compile(
    r"\b(?P<from>from|between)\s+(?P<m>[A-Z][a-z]+\.?)\s+(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?" + _RANGE_TO + "$"
)


def _range_around(anchor: dt.date, m1: int, d1: int, m2: int, d2: int) -> tuple[dt.date, dt.date] | None:
    """The (first day, last day) of the range "m1/d1 to m2/d2" that holds the anchor, if one does."""
    for y in (anchor.year - 1, anchor.year):
        first = _safe_date(y, m1, d1)
        last = _safe_date(y, m2, d2)
        if first and last and last < first:
            last = _safe_date(y + 1, m2, d2)
        if first and last and first <= anchor <= last:
            return first, last
    return None


def _date_in_range(m: re.Match[str], ctx: Context, month: int, day: int) -> dt.date | None:
    """The day of a month-day that starts or ends a range holding the anchor ("from April 3 to 6" in an
    article of April 4 or 6): that range's, in the anchor's year, whatever the tense."""
    assert ctx.anchor is not None
    after = _RANGE_END.match(ctx.text, m.end())
    between = re.search(r"\bbetween\s+(?:the\s+)?$", ctx.text[max(0, m.start() - 12) : m.start()])
    if after and (after.group("to") != "and" or between):
        m2 = ctx.lex.month(after.group("m")) if after.group("m") else month
        d2 = _day_num(after.group("d"))
        ordered = bool(after.group("m")) or d2 > day  # "April 3 to 6", not "April 3 to 2"
        span = _range_around(ctx.anchor, month, day, m2, d2) if m2 and ordered else None
        if span:
            return span[0]
    before = _RANGE_START.search(ctx.text[max(0, m.start() - 40) : m.start()])
    if before and (before.group("to") != "and" or before.group("from") == "between"):
        m1 = ctx.lex.month(before.group("m"))
        span = _range_around(ctx.anchor, m1, _day_num(before.group("d")), month, day) if m1 else None
        if span:
            return span[1]
    return None


def _tense_until(ctx: Context, start: int, end: int, later_this_year: bool) -> str | None:
    """The tense for an expression without a year; after "until" ("held over until the fall") one that is
    later in the anchor's year than the anchor counts as future, so as this year's."""
    if later_this_year and ctx.until_before(start):
        return "future"
    return ctx.tense(start, end)


@resolver("month_day")
def _month_day(m: re.Match[str], ctx: Context) -> list[Hit]:
    month = ctx.lex.month(_g(m, "m1") or _g(m, "m2"))
    day = _day_num(_g(m, "d1") or _g(m, "d2"))
    if not month or not 1 <= day <= 31:
        return []
    if m.group("d2") and not re.search(r"(?:st|nd|rd|th)$|^\d{1,2}$", _g(m, "d2")):
        return []
    if ctx.anchor is None:
        return _hit(m, "DATE", None, "day")
    wd = ctx.lex.weekday(_g(m, "wd")) if m.group("wd") else 0
    d: dt.date | None = None
    if wd:  # the weekday fixes the year where it can
        fits = [x for y in range(ctx.anchor.year - 1, ctx.anchor.year + 2) if (x := _safe_date(y, month, day))]
        fits = [x for x in fits if x.isoweekday() == wd]
        anchor = ctx.anchor
        d = min(fits, key=lambda x: abs((x - anchor).days)) if fits else None
    if d is None:
        d = _date_in_range(m, ctx, month, day)
    if d is None:
        this_year = _safe_date(ctx.anchor.year, month, day)
        later = this_year is not None and this_year > ctx.anchor
        d = place_date(ctx.anchor, month, day, _tense_until(ctx, m.start(), m.end(), later))
    if d is None:
        return []
    return _hit(m, "DATE", fmt_day(d), "day", date=d)


@resolver("month_year")
def _month_year(m: re.Match[str], ctx: Context) -> list[Hit]:
    month = ctx.lex.month(_g(m, "month"))
    if not month:
        return []
    return _hit(m, "DATE", fmt_month(int(_g(m, "year")), month), "month")


@resolver("month_alone")
def _month_alone(m: re.Match[str], ctx: Context) -> list[Hit]:
    month = ctx.lex.month(_g(m, "month"))
    rel = _rel(m) or _rel(m, "rel2")
    mod = _g(m, "mod")
    if not month:
        return []
    if not rel and not mod:
        before = " ".join(ctx.words_before(m.start(), 3))
        if not any(before == w or before.endswith(" " + w) for w in ctx.lex.month_alone_after):
            return []
        nxt = ctx.text[m.end() : m.end() + 3]
        if re.match(r"\s[A-Z]", nxt) and not re.match(r"\s(?:I|A|The|He|She|We|They|It)\b", ctx.text[m.end() :]):
            return []
    if ctx.anchor is None:
        return _hit(m, "DATE", None, "month")
    here = ctx.anchor.year * 12 + ctx.anchor.month
    if rel in ("last", "this past"):
        y = ctx.anchor.year if ctx.anchor.year * 12 + month < here else ctx.anchor.year - 1
    elif rel in ("next", "this coming"):
        y = ctx.anchor.year if ctx.anchor.year * 12 + month > here else ctx.anchor.year + 1
    elif rel == "this":
        y = ctx.anchor.year
    else:
        later = month > ctx.anchor.month
        y = place_month(ctx.anchor, month, _tense_until(ctx, m.start(), m.end(), later))
    return _hit(m, "DATE", fmt_month(y, month), "month")


@resolver("year_range")
def _year_range(m: re.Match[str], ctx: Context) -> list[Hit]:
    y1 = int(_g(m, "y1"))
    y2 = (y1 // 100) * 100 + int(_g(m, "y2"))
    if y2 <= y1:
        return []
    s2 = m.start("y2")
    return [
        Hit(m.start("y1"), m.end("y1"), "DATE", f"{y1:04d}", "year"),
        Hit(s2, m.end("y2"), "DATE", f"{y2:04d}", "year"),
    ]


_MEASURE_AFTER = re.compile(
    r"\s*(?:%|percent|per\s+cent|km|kg|mph|ft|feet|foot|tons?|tonnes?|metres?|meters?|miles?|sq\b|square|"
    r"barrels?|yards?|acres?|points?|votes?|seats?|people|troops|soldiers|times|[a-z]+[^\Wsiu]s\b(?!'))",
    re.IGNORECASE,
)
_YEAR_PREPS = {
    "in",
    "since",
    "of",
    "from",
    "by",
    "until",
    "till",
    "before",
    "after",
    "around",
    "circa",
    "during",
    "through",
    "between",
    "year",
    "c",
}


@resolver("year")
def _year(m: re.Match[str], ctx: Context) -> list[Hit]:
    y = int(_g(m, "year"))
    prev = ctx.prev_word(m.start("year")) if not (m.group("mod") or m.group("fiscal")) else "in"
    before = ctx.text[max(0, m.start() - 2) : m.start()]
    odd_neighbour = re.search(r"[$£€#]\s?$|No\.\s?$", before) or ctx.text[m.end() : m.end() + 1] in ("-", "/", ":")
    if odd_neighbour and not re.match(r"[-–]\d{4}\b", ctx.text[m.end() : m.end() + 5]):
        return []
    after = ctx.text[m.end() : m.end() + 20]
    if _MEASURE_AFTER.match(after):
        plural_noun = re.match(r"\s*[a-z]+[^\Wsiu]s\b", after) and not re.match(r"\s*(?:%|percent|per\s+cent)", after)
        if not (plural_noun and prev in _YEAR_PREPS | {"'s", "the", "’s"}):
            return []
    if y < 1800 and prev not in _YEAR_PREPS:
        return []
    if y > (ctx.anchor.year + 30 if ctx.anchor else 2100):
        return []
    return _hit(m, "DATE", f"{y:04d}", "year")


@resolver("decade")
def _decade(m: re.Match[str], ctx: Context) -> list[Hit]:
    whole = m.group(0).lower()
    if m.group("dd"):
        dd = _g(m, "dd")
        if dd.endswith("00") and dd != "2000":
            return _hit(m, "DATE", dd[:2], "century")
        return _hit(m, "DATE", dd[:3] + "X", "decade")
    if m.group("d2"):
        d = int(_g(m, "d2"))
        century = "20" if d <= 20 else "19"
        return _hit(m, "DATE", f"{century}{d // 10}X", "decade")
    if not whole.startswith("the"):
        return []  # "in his 90s", "her twenties": ages
    if m.group("d3"):
        return _hit(m, "DATE", f"19{int(_g(m, 'd3')) // 10}X", "decade")
    return _hit(m, "DATE", f"19{ctx.lex.decade_words[_g(m, 'dw').lower()]}X", "decade")


@resolver("century")
def _century(m: re.Match[str], ctx: Context) -> list[Hit]:
    o = _g(m, "ord").lower()
    n = int(re.sub(r"\D", "", o)) if o[0].isdigit() else ctx.lex.ordinals.get(o, 0)
    if not 1 <= n <= 22:
        return []
    return _hit(m, "DATE", f"{n - 1:02d}", "century")


@resolver("weekday")
def _weekday(m: re.Match[str], ctx: Context) -> list[Hit]:
    wd = ctx.lex.weekday(_g(m, "wd"))
    if not wd:
        return []
    rel = _rel(m)
    part = _g(m, "part").lower()
    if ctx.text[m.end("wd") : m.end("wd") + 1] == "s" and not part:  # "Fridays"
        return []
    if not rel and ctx.prev_word(m.start()) in ("a", "an", "any", "every", "each"):
        return []  # "on a Saturday morning": generic
    if ctx.anchor is None:
        return _hit(m, "TIME" if part else "DATE", None, "time" if part else "day")
    d = _place_weekday(ctx, wd, rel, ctx.tense(m.start(), m.end(), modals=False))
    if part:
        return _hit(m, "TIME", f"{fmt_day(d)}T{ctx.lex.parts[part]}", "time", date=d)
    return _hit(m, "DATE", fmt_day(d), "day", date=d)


@resolver("deictic_day")
def _deictic_day(m: re.Match[str], ctx: Context) -> list[Hit]:
    if m.group("word") and ctx.capitalized_inside(m.start()):
        return []
    word = re.sub(r"\s+", " ", (_g(m, "word") or _g(m, "this")).lower())
    part = (_g(m, "part") or _g(m, "part2")).lower()
    offset = {
        "the day before yesterday": -2,
        "yesterday": -1,
        "last": -1,
        "today": 0,
        "tonight": 0,
        "this": 0,
        "tomorrow": 1,
        "the day after tomorrow": 2,
    }[word]
    if word == "last" and part not in ("night", "evening"):
        return []
    code = ctx.lex.parts.get(part) if part else ("NI" if word == "tonight" else None)
    if ctx.anchor is None:
        return _hit(m, "TIME" if code else "DATE", None, "time" if code else "day")
    d = ctx.anchor + dt.timedelta(days=offset)
    if code:
        return _hit(m, "TIME", f"{fmt_day(d)}T{code}", "time", date=d)
    return _hit(m, "DATE", fmt_day(d), "day", date=d)


_UNIT_LETTER = {
    "week": "W",
    "month": "M",
    "year": "Y",
    "fiscal year": "Y",
    "quarter": "Q",
    "decade": "DE",
    "century": "CE",
    "weekend": "WE",
}


def _calendar_value(anchor: dt.date, unit: str, k: int) -> tuple[str, str]:
    """Value and precision of the calendar ``unit`` ``k`` steps from the anchor's."""
    if unit in ("week", "weekend"):
        v = fmt_week(anchor + dt.timedelta(weeks=k))
        return (v + "-WE", "week") if unit == "weekend" else (v, "week")
    if unit == "month":
        y, mo = add_months(anchor.year, anchor.month, k)
        return fmt_month(y, mo), "month"
    if unit == "quarter":
        y, mo = add_months(anchor.year, anchor.month, 3 * k)
        return f"{y:04d}-Q{(mo - 1) // 3 + 1}", "quarter"
    if unit == "decade":
        return f"{anchor.year // 10 + k:03d}X", "decade"
    if unit == "century":
        return f"{anchor.year // 100 + k:02d}", "century"
    return f"{anchor.year + k:04d}", "year"


@resolver("relative_unit")
def _relative_unit(m: re.Match[str], ctx: Context) -> list[Hit]:
    unit = re.sub(r"\s+", " ", _g(m, "unit").lower())
    rel = _rel(m)
    pre = _rel(m, "pre")
    if rel in ("the next", "the coming", "the following", "the past"):
        if pre:
            return []
        letter = _UNIT_LETTER[unit]
        val = {"Q": "P3M", "DE": "P10Y", "CE": "P100Y", "WE": ""}.get(letter, f"P1{letter}")
        return _hit(m, "DURATION", val, None) if val else []
    k = {"this": 0, "the current": 0, "": 0, "last": -1, "the last": -1, "the previous": -1}.get(rel, 1)
    if ctx.anchor is None:
        return _hit(m, "DATE", None, _calendar_value(dt.date(2000, 1, 1), unit, 0)[1])
    if rel == "" and unit == "year" and pre.startswith("the end") and ctx.anchor.month <= 9:
        k = -1 if ctx.tense(m.start(), m.end()) == "past" else 0
    if rel == "" and unit == "month" and pre.startswith("the end") and ctx.anchor.day < 20:
        k = -1 if ctx.tense(m.start(), m.end()) == "past" else 0
    value, prec = _calendar_value(ctx.anchor, unit, k)
    return _hit(m, "DATE", value, prec)


@resolver("season")
def _season(m: re.Match[str], ctx: Context) -> list[Hit]:
    word = _g(m, "season").lower()
    code = ctx.lex.seasons[word]
    rel = _rel(m)
    if m.group("year"):
        return _hit(m, "DATE", f"{_g(m, 'year')}-{code}", "season")
    if not rel:
        if word == "fall" and re.match(r"\s+(?:of|in|from|to|on|by)\b", ctx.text[m.end() :]):
            return []  # "the fall of ...", "a fall in prices"
        prev = ctx.prev_word(m.start())
        if not (m.group("the") or m.group("mod")) and prev not in _SEASON_PREPS:
            return []
        if m.group("the") and prev not in _SEASON_PREPS:
            return []
    if ctx.anchor is None:
        return _hit(m, "DATE", None, "season")
    later = ctx.lex.season_start.get(code, 1) > ctx.anchor.month
    y = place_season(ctx.anchor, code, rel, _tense_until(ctx, m.start(), m.end(), later), ctx.lex)
    return _hit(m, "DATE", f"{y:04d}-{code}", "season")


_SEASON_PREPS = {
    "in",
    "since",
    "during",
    "by",
    "until",
    "till",
    "over",
    "through",
    "throughout",
    "this",
    "that",
    "before",
    "after",
    "early",
    "late",
    "last",
    "next",
}


@resolver("quarter")
def _quarter(m: re.Match[str], ctx: Context) -> list[Hit]:
    if m.group("q"):
        half = _g(m, "q")[0].upper() == "H"
        n = int(_g(m, "q")[1])
        if half and n > 2:
            return []
    else:
        unit = (_g(m, "unit") or _g(m, "unit0")).lower()
        half = unit == "half"
        rel = _rel(m)
        if rel:
            if half or ctx.anchor is None:
                return [] if half else _hit(m, "DATE", None, "quarter")
            k = {"this": 0, "the current": 0, "last": -1, "the last": -1, "the previous": -1, "the latest": -1}
            value, prec = _calendar_value(ctx.anchor, "quarter", k.get(rel, 1))
            return _hit(m, "DATE", value, prec)
        n = ctx.lex.quarters.get(_g(m, "ord").lower(), 0)
        if not n or (half and n > 2):
            return []
    letter = "H" if half else "Q"
    months = 6 if half else 3
    if half and not m.group("year") and not m.group("q"):
        return []  # "the first half" alone is as often a match half as a half-year
    if m.group("year"):
        return _hit(m, "DATE", f"{_g(m, 'year')}-{letter}{n}", "quarter")
    if ctx.anchor is None:
        return _hit(m, "DATE", None, "quarter")
    first = (n - 1) * months + 1
    last = first + months - 1
    y = ctx.anchor.year
    tense = ctx.tense(m.start(), m.end())
    if tense == "past" and first > ctx.anchor.month:
        y -= 1
    elif tense == "future" and last < ctx.anchor.month:
        y += 1
    return _hit(m, "DATE", f"{y:04d}-{letter}{n}", "quarter")


def _unit(ctx: Context, word: str) -> tuple[str, int, bool]:
    return ctx.lex.units[word.lower()]


def _duration_value(n: int | float | str, letter: str, mult: int, is_time: bool) -> str:
    if n == "X":
        if mult == 10:
            return "PXDE"
        if mult == 100:
            return "PXCE"
        return f"PTX{letter}" if is_time else f"PX{letter}"
    assert not isinstance(n, str)
    qty = _num(float(n) * mult)
    return f"PT{qty}{letter}" if is_time else f"P{qty}{letter}"


@resolver("ago")
def _ago(m: re.Match[str], ctx: Context) -> list[Hit]:
    if m.group("unit2"):
        return _hit(m, "DATE", "PAST_REF", None)
    n = ctx.lex.number(_g(m, "num"))
    letter, mult, is_time = _unit(ctx, _g(m, "unit"))
    if n is None:
        return []
    if n == "X":
        return _hit(m, "DATE", "PAST_REF", None)
    assert not isinstance(n, str)
    if ctx.anchor is None:
        return _hit(m, "DATE", None, None)
    a = ctx.anchor
    if is_time:
        return _hit(m, "DATE", fmt_day(a), "day")
    if letter == "D":
        d = a - dt.timedelta(days=round(n * mult))
        return _hit(m, "DATE", fmt_day(d), "day", date=d)
    if letter == "W":
        return _hit(m, "DATE", fmt_week(a - dt.timedelta(weeks=n * mult)), "week")
    if letter == "M":
        y, mo = add_months(a.year, a.month, -round(n * mult))
        return _hit(m, "DATE", fmt_month(y, mo), "month")
    return _hit(m, "DATE", f"{a.year - round(n * mult):04d}", "year")


_AFTER_AGE = re.compile(r"\s+(?:(?:and|or)\s+(?:older|younger|over|under|up)|old\b|of\s+age)", re.IGNORECASE)


@resolver("duration")
def _duration(m: re.Match[str], ctx: Context) -> list[Hit]:
    num_text = _g(m, "num") + (" and a half" if m.group("half") else "")
    n = ctx.lex.number(num_text)
    unit_word = _g(m, "unit").lower()
    letter, mult, is_time = _unit(ctx, unit_word)
    if n is None:
        return []
    det = _rel(m, "det")
    numw = _g(m, "num").lower()
    before = ctx.words_before(m.start(), 2)
    if any(" ".join(before[i:]) in ctx.lex.duration_blockers for i in range(len(before))):
        return []
    if _AFTER_AGE.match(ctx.text[m.end() :]):
        return []
    if numw in ("a", "an"):
        if unit_word == "second":
            return []
        prev = before[-1] if before else ""
        prev_raw = ctx.text[max(0, m.start() - 12) : m.start()]
        if (
            re.search(r"(?:\d|million|billion|trillion|percent|%)\s*$", prev_raw)
            or prev in ("once", "twice", "times", "per")
            or (
                prev.endswith("s")
                and len(prev) > 3
                and prev not in ("was", "has", "is", "this", "its", "his", "us", "as", "less", "across", "yes")
            )
        ):
            return []
    if numw == "one" and unit_word == "day" and "-" not in m.group(0):
        return []
    if numw in ("some", "many") and not unit_word.endswith("s"):
        return []
    if (
        det.startswith("the")
        and det not in ("the",)
        and n == 1
        and not unit_word.endswith("s")
        and numw in ("a", "an", "one")
    ):
        return []
    value = _duration_value(n, letter, mult, is_time)
    if det == "the" and "-" in m.group(0)[m.end("num") - m.start() : m.start("unit") - m.start()]:
        return [Hit(m.start("num"), m.end(), "DURATION", value, None)]  # "the 10-year plan": no article
    return _hit(m, "DURATION", value, None)


@resolver("number_range")
def _number_range(m: re.Match[str], ctx: Context) -> list[Hit]:
    """ "between 12 and 18 months": two durations, the first taking the unit of the second."""
    n1, n2 = ctx.lex.number(_g(m, "n1")), ctx.lex.number(_g(m, "n2"))
    if not isinstance(n1, int | float) or not isinstance(n2, int | float) or _g(m, "n1").lower() in ("a", "an"):
        return []
    if _AFTER_AGE.match(ctx.text[m.end() :]) or set(ctx.words_before(m.start(), 1)) & ctx.lex.duration_blockers:
        return []
    letter, mult, is_time = _unit(ctx, _g(m, "unit"))
    return [
        Hit(m.start("n1"), m.end("n1"), "DURATION", _duration_value(n1, letter, mult, is_time), None),
        Hit(m.start("n2"), m.end(), "DURATION", _duration_value(n2, letter, mult, is_time), None),
    ]


@resolver("past_unit")
def _past_unit(m: re.Match[str], ctx: Context) -> list[Hit]:
    unit_word = _g(m, "unit").lower()
    letter, mult, is_time = _unit(ctx, unit_word)
    plural = unit_word.endswith("s") or unit_word == "centuries"
    det = _rel(m, "det")
    if not plural:
        if det not in ("the past", "the coming"):
            return []  # "the next day", "the previous week": anaphoric, not a stretch from the anchor
        return _hit(m, "DURATION", _duration_value(1, letter, mult, is_time), None)
    return _hit(m, "DURATION", _duration_value("X", letter, mult, is_time), None)


@resolver("bare_unit")
def _bare_unit(m: re.Match[str], ctx: Context) -> list[Hit]:
    """A plural unit alone ("for years", "take weeks", "days before"), only after or before a word that
    makes it a stretch of time, not part of a noun phrase ("his younger days")."""
    if ctx.text[m.start() - 1 : m.start()] in ("-", "'", "’"):
        return []
    if re.search(r"\d[\s-]*$", ctx.text[max(0, m.start() - 3) : m.start()]):
        return []
    prev = ctx.prev_word(m.start())
    after = re.match(r"\s+(\w+)", ctx.text[m.end() : m.end() + 20])
    nxt = after.group(1).lower() if after else ""
    if prev not in ctx.lex.bare_unit_before and nxt not in ctx.lex.bare_unit_after:
        return []
    letter, mult, is_time = _unit(ctx, m.group(0))
    return _hit(m, "DURATION", _duration_value("X", letter, mult, is_time), None)


@resolver("hms_duration")
def _hms(m: re.Match[str], ctx: Context) -> list[Hit]:
    h, mi, s = int(_g(m, "h")), int(_g(m, "m")), int(_g(m, "s"))
    parts = "".join(f"{v}{u}" for v, u in ((h, "H"), (mi, "M"), (s, "S")) if v)
    return _hit(m, "DURATION", f"PT{parts or '0S'}", None)


@resolver("clock_time")
def _clock_time(m: re.Match[str], ctx: Context) -> list[Hit]:
    minute = 0
    hm = ""
    if m.group("noon"):
        hour = 0 if _g(m, "noon").lower() == "midnight" else 12
    elif m.group("ampm"):
        hour, minute = int(_g(m, "h")), int(_g(m, "m") or 0)
        if not 1 <= hour <= 12:
            return []
        pm = _g(m, "ampm").lower().startswith("p")
        hour = (hour % 12) + (12 if pm else 0)
        hm = "" if m.group("m") else "h"
    elif m.group("h24"):
        hour, minute = int(_g(m, "h24")), int(_g(m, "m24"))
        if not m.group("tz") and re.search(r"\d[:.]?\s*$", ctx.text[max(0, m.start() - 2) : m.start()]):
            return []
    else:
        hh = _g(m, "hm4")
        hour, minute = int(hh[:2]), int(hh[2:])
    clock = f"T{hour:02d}" if hm == "h" else f"T{hour:02d}:{minute:02d}"
    wd = ctx.lex.weekday(_g(m, "wd")) if m.group("wd") else 0
    if ctx.anchor is None:
        return _hit(m, "TIME", None, "time")
    if wd:
        d = _place_weekday(ctx, wd, "", ctx.tense(m.start(), m.end(), modals=False))
        return _hit(m, "TIME", f"{fmt_day(d)}{clock}", "time", date=d)
    return _hit(m, "TIME", f"{fmt_day(ctx.anchor)}{clock}", "time", date=ctx.anchor, needs_date=True)


@resolver("ref")
def _ref(m: re.Match[str], ctx: Context) -> list[Hit]:
    key = re.sub(r"\s+", " ", m.group(0).lower())
    value = ctx.lex.refs.get(key)
    if value is None:
        return []
    after = ctx.text[m.end() : m.end() + 12]
    if key == "at the time" and re.match(r"\s+(?:of|when|that)\b", after):
        return []
    if key == "now" and re.match(r"\s+that\b", after):
        return []
    if key in ("the past", "the future") and re.match(r"\s+(?:tense|perfect)\b", after):
        return []
    return _hit(m, "DATE", value, None)


@resolver("set_every")
def _set_every(m: re.Match[str], ctx: Context) -> list[Hit]:
    lex = ctx.lex
    if m.group("unit"):
        n = lex.number(_g(m, "num")) if m.group("num") else 1
        if n is None or n == "X":
            return []
        letter, mult, is_time = _unit(ctx, _g(m, "unit"))
        return _hit(m, "SET", _duration_value(n, letter, mult, is_time), None)
    if m.group("num"):
        return []
    if m.group("wd"):
        return _hit(m, "SET", f"XXXX-WXX-{lex.weekday(_g(m, 'wd'))}", None)
    if m.group("part"):
        return _hit(m, "SET", f"XXXX-XX-XXT{lex.parts[_g(m, 'part').lower()]}", None)
    if m.group("month"):
        return _hit(m, "SET", f"XXXX-{lex.month(_g(m, 'month')):02d}", None)
    return _hit(m, "SET", f"XXXX-{lex.seasons[_g(m, 'season').lower()]}", None)


@resolver("set_times")
def _set_times(m: re.Match[str], ctx: Context) -> list[Hit]:
    letter, mult, is_time = _unit(ctx, _g(m, "unit"))
    return _hit(m, "SET", _duration_value(1, letter, mult, is_time), None)


@resolver("set_adverb")
def _set_adverb(m: re.Match[str], ctx: Context) -> list[Hit]:
    if ctx.capitalized_inside(m.start()):
        return []
    return _hit(m, "SET", ctx.lex.set_adverbs[m.group(0).lower()], None)


@resolver("holiday")
def _holiday(m: re.Match[str], ctx: Context) -> list[Hit]:
    spec = ctx.lex.holidays.get(re.sub(r"\s+", " ", _g(m, "name")))
    if spec is None:
        return []

    def on(year: int) -> dt.date:
        if "day" in spec:
            return dt.date(year, spec["month"], spec["day"])
        return nth_weekday(year, spec["month"], spec["weekday"], spec["nth"])

    if m.group("year"):
        d = on(int(_g(m, "year")))
        return _hit(m, "DATE", fmt_day(d), "day", date=d)
    if ctx.anchor is None:
        return _hit(m, "DATE", None, "day")
    a = ctx.anchor
    rel = _rel(m)
    cands = [on(y) for y in (a.year - 1, a.year, a.year + 1)]
    tense = ctx.tense(m.start(), m.end())
    near = _near_anchor(cands, a)
    if not rel and near is not None:  # "the week before Christmas" in a paper of December 22: this Christmas
        d = near
    elif rel == "last" or (not rel and tense == "past"):
        d = max(c for c in cands if c <= a) if rel != "last" else max(c for c in cands if c < a)
    elif rel == "next" or (not rel and tense == "future"):
        d = min(c for c in cands if c >= a) if rel != "next" else min(c for c in cands if c > a)
    elif rel == "this":
        d = on(a.year)
    else:
        d = min(cands, key=lambda c: (abs((c - a).days), c > a))
    return _hit(m, "DATE", fmt_day(d), "day", date=d)


# --------------------------------------------------------------------------------------------- search


def _select(hits: list[tuple[int, Hit]]) -> list[Hit]:
    """Non-overlapping hits: longest first, then the earlier-listed pattern."""
    order = sorted(hits, key=lambda ph: (-(ph[1].end - ph[1].start), ph[0], ph[1].start))
    taken: list[Hit] = []
    for _, h in order:
        if all(h.end <= t.start or h.start >= t.end for t in taken):
            taken.append(h)
    return sorted(taken, key=lambda h: h.start)


def _attach_clock_times(hits: list[Hit], ctx: Context) -> None:
    """A clock time with no day of its own takes the day of a date right next to it ("Friday at 10 a.m.")."""
    for i, h in enumerate(hits):
        if not h.needs_date or h.value is None:
            continue
        sent = ctx.sentence(h.start)
        best: Hit | None = None
        for j in (i - 1, i + 1):
            if 0 <= j < len(hits):
                o = hits[j]
                gap = h.start - o.end if j < i else o.start - h.end
                if o.date is not None and 0 <= gap <= 25 and sent[0] <= o.start < sent[1] and not o.needs_date:
                    best = best or o
        if best is not None and best.date is not None:
            h.value = fmt_day(best.date) + h.value[10:]
            h.date = best.date


WINDOW = 60  # characters kept on each side of an anchor word: more than any expression reaches from it


def _windows(text: str, anchors: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The stretches of ``text`` near the anchor words at ``anchors`` (start, end), merged, each starting after
    and ending before a space (so that no pattern sees a word cut at a window's edge). Every pattern needs an
    anchor word, so scanning only these finds what scanning the whole text finds, in a fraction of the time."""
    out: list[tuple[int, int]] = []
    n = len(text)
    for start, end in anchors:
        lo, hi = max(0, start - WINDOW), min(n, end + WINDOW)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
    fixed: list[tuple[int, int]] = []
    for lo, hi in out:
        while lo > 0 and not text[lo - 1].isspace():
            lo -= 1
        while hi < n and not text[hi].isspace():
            hi += 1
        if fixed and lo <= fixed[-1][1]:
            fixed[-1] = (fixed[-1][0], hi)
        else:
            fixed.append((lo, hi))
    return fixed


def find_times(text: str, anchor: dt.date | None, published: dt.date | None = None) -> list[TimeExpr]:
    """Temporal expressions in ``text``, normalized against ``anchor`` (the article date, or a dateline day
    before it) when given; ``published`` is the publication date when the anchor is a dateline day."""
    lex = load_lexicon()
    ctx = Context(text, anchor, lex, published)
    found: list[tuple[int, Hit]] = []
    anchors = [(m.start(), m.end(), lex.anchor_kinds(m.group())) for m in lex.anchor.finditer(text)]
    by_kinds: dict[frozenset[str], list[tuple[int, int]]] = {}
    for order, pat in enumerate(lex.patterns):
        fn = _RESOLVERS[pat.resolver]
        windows = by_kinds.get(pat.anchor_kinds)
        if windows is None:
            near = [(s, e) for s, e, k in anchors if not pat.anchor_kinds or "any" in k or k & pat.anchor_kinds]
            windows = by_kinds[pat.anchor_kinds] = _windows(text, near)
        for lo, hi in windows:
            for m in pat.regex.finditer(text, lo, hi):
                for h in fn(m, ctx):
                    if h.end > h.start:
                        found.append((order, h))
    hits = _select(found)
    _attach_clock_times(hits, ctx)
    return [
        TimeExpr(
            text=text[h.start : h.end],
            start=h.start,
            end=h.end,
            type=h.type,
            value=h.value,
            precision=h.precision,
            resolved_by=h.resolved_by,
        )
        for h in hits
    ]


# "WASHINGTON, Oct 17 (Reuters) -", "JERUSALEM/DUBAI, April 14 -": a dateline's place in capitals and its day
_DATELINE_DAY = re.compile(r"^[A-Z][A-Z .'/&-]{2,60},\s+([A-Z][a-z]{2,8})\.?\s+(\d{1,2})\b", re.MULTILINE)
DATELINE_DAYS = 7  # how far before publication a dateline's day may lie


def dateline_anchor(text: str, published: dt.date | None) -> dt.date | None:
    """The day a report's dateline names ("BEIJING, April 10 (Reuters) -"), when it lies up to a week before
    the publication date: the day the report was written, which its "on Saturday" and "today" count from."""
    if published is None:
        return None
    m = _DATELINE_DAY.search(text[:600])
    if m is None:
        return None
    month = load_lexicon().month(m.group(1))
    if not month:
        return None
    for year in (published.year, published.year - 1):
        try:
            day = dt.date(year, month, int(m.group(2)))
        except ValueError:
            return None
        if 0 <= (published - day).days <= DATELINE_DAYS:
            return day
    return None


def parse_anchor(value: str | None) -> dt.date | None:
    """An anchor date from an ISO date or datetime string (None when absent or unreadable)."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None
