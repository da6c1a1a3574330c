"""Apply PETRARCH 2 dictionaries to spaCy dependency parses.

Reads a spaCy ``Doc`` (any English pipeline with a parser) and the compiled dictionaries of
:mod:`corridor.petrarch.dictionaries`; returns :class:`PetrarchEvent` records (source code, target code,
event code). Nothing is written. How the matching works, and how it differs from PETRARCH 2's
constituency-tree matching, is described in ``docs/petrarch.md``:

1. actors and agents are found by longest match of dictionary phrases on the sentence's words, and
   combined per noun phrase (agents take the country of their noun phrase, of a possessive, or of an
   ``of``/``in``/``from`` phrase; conjunctions give one actor per conjunct);
2. every verb token whose form is in the verb dictionary is coded: its source is its subject (inherited
   through ``xcomp``/``conj`` chains, the by-agent in the passive), its target the first coded noun phrase
   after it in its own clause;
3. the verb block's patterns are matched on the words before and after the verb (``_`` joins words,
   blanks allow gaps, ``$``/``+``/``%``/``^`` bind actors); the longest matching pattern gives the code,
   else the verb's default code.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from corridor.petrarch.dictionaries import (
    NULL_CODE,
    ActorDictionary,
    ActorEntry,
    AgentDictionary,
    AgentEntry,
    DiscardList,
    PatternElement,
    Phrase,
    PhraseIndex,
    VerbDictionary,
    VerbEntry,
    VerbPattern,
    load_actors,
    load_agents,
    load_discards,
    load_verbs,
    normalize_words,
)

__all__ = ["CoderOptions", "PetrarchActor", "PetrarchCoder", "PetrarchEvent"]

PathLike = str | os.PathLike[str]

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass"})
# dependents that stay inside the noun phrase of their head
NP_INTERNAL = frozenset({"compound", "amod", "poss", "det", "nummod", "nmod", "case", "flat", "quantmod", "predet"})
PP_OF_AGENT = frozenset({"of", "in", "from", "for", "at"})
INHERIT_SUBJECT = frozenset({"xcomp", "conj", "acomp", "oprd", "pcomp"})
PERSONAL_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "him", "her", "them"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
PRONOUN_ARGS = frozenset({"dobj", "pobj", "dative", "attr", "nsubj", "nsubjpass"})
GAP_POS = frozenset({"ADJ", "NOUN", "PROPN", "NUM", "X"})
MAX_PHRASE_GAP = 4


@dataclass(frozen=True)
class PetrarchEvent:
    """One coded event. Token indices are positions in the ``Doc``."""

    source_code: str
    target_code: str
    event_code: str
    sentence_index: int
    trigger_token_index: int
    pattern: str | None = None
    source_tokens: tuple[int, int] | None = None  # (start, end) token span of the source noun phrase
    target_tokens: tuple[int, int] | None = None
    negated: bool = False
    verb: str = ""


@dataclass(frozen=True)
class PetrarchActor:
    """A coded noun phrase: its codes on the article date and its token span in the ``Doc``."""

    codes: tuple[str, ...]
    sentence_index: int
    start: int
    end: int
    head: int


@dataclass
class CoderOptions:
    """Coding options.

    ``require_dyad`` and ``new_actor_length`` are PETRARCH's options of those names. ``pattern_scope`` says
    where verb patterns are matched: ``clause`` (the verb's own phrases, as PETRARCH 2 patterns with
    ``{...}``/``(...)`` are written), ``sentence`` (word order across the sentence, as older TABARI-style
    patterns are written) or ``auto`` (``clause`` when the verb dictionary uses ``{...}``/``(...)``).
    """

    require_dyad: bool = True
    new_actor_length: int = 0
    pattern_scope: str = "auto"


# ------------------------------------------------------------------------------------ sentence model


@dataclass
class _Match:
    start: int  # word index
    end: int  # word index, exclusive
    kind: str  # actor, agent
    actor: ActorEntry | None = None
    agent: AgentEntry | None = None
    head: int = -1  # token index of the syntactic head of the matched tokens


@dataclass
class _Mention:
    """The codes of one noun phrase (its head token), before conjunctions are expanded."""

    head: int
    actor_codes: list[str] = field(default_factory=list)  # from an actor in the core
    null_actor: bool = False  # an actor whose code is null on this date
    first_coordinated: bool = False  # the first actor of the phrase has a conjunction
    agents: list[AgentEntry] = field(default_factory=list)
    modifier_actor_codes: list[str] = field(default_factory=list)  # core actors that are not the head
    modifier_agents: list[AgentEntry] = field(default_factory=list)
    pp_codes: list[str] = field(default_factory=list)  # actor codes of an of/in/from phrase
    codes: list[str] = field(default_factory=list)  # final codes of this conjunct


def _contains_aligned(code: str, part: str) -> bool:
    start = code.find(part)
    while start >= 0:
        if start % 3 == 0:
            return True
        start = code.find(part, start + 1)
    return False


def combine(actor_code: str, agents: Iterable[AgentEntry]) -> str:
    """An actor code with agent codes added (prefix agents before it), skipping ones it already holds."""
    prefix = ""
    code = actor_code
    seen: set[str] = set()
    for ag in agents:
        if ag.code in seen:
            continue
        seen.add(ag.code)
        if _contains_aligned(code, ag.code) or _contains_aligned(prefix, ag.code):
            continue
        if ag.prefix:
            prefix += ag.code
        else:
            code += ag.code
    return prefix + code


class _Sentence:
    """Words, actor/agent matches and noun-phrase codes of one sentence."""

    def __init__(self, coder: PetrarchCoder, sent: Span, date: dt.date | None) -> None:
        self.coder = coder
        self.sent = sent
        self.doc = sent.doc
        self.date = date
        self.start = sent.start
        self.end = sent.end
        self.words: list[str] = []
        self.word_tok: list[int] = []
        self.tok_first_word: dict[int, int] = {}
        for tok in sent:
            pieces = normalize_words(tok.text)
            if not pieces:
                continue
            self.tok_first_word[tok.i] = len(self.words)
            for p in pieces:
                self.words.append(p)
                self.word_tok.append(tok.i)
        self.matches: list[_Match] = []
        self.tok_match: dict[int, _Match] = {}
        self._find_matches()
        self.np_head: dict[int, int] = {}
        self._assign_np_heads()
        self.mentions: dict[int, _Mention] = {}
        self._build_mentions()
        self.group_cache: dict[int, list[str]] = {}
        self.conj_root: dict[int, int] = {}
        self.groups: dict[int, list[int]] = {}
        self._build_groups()

    # -- matching dictionary phrases on words

    def _gap_ok(self, wi: int) -> bool:
        tok = self.doc[self.word_tok[wi]]
        return tok.pos_ in GAP_POS or tok.text == "-" or tok.dep_ in ("amod", "compound")

    def _match_phrase(self, phrase: Phrase, wi: int, covered: set[int]) -> int | None:
        """End word index of ``phrase`` matched from word ``wi`` (gaps allowed where the phrase allows)."""
        n = len(self.words)
        pos = wi
        for k, w in enumerate(phrase.words):
            if k == 0:
                if self.words[pos] != w:
                    return None
                pos += 1
                continue
            if pos < n and self.words[pos] == w and pos not in covered:
                pos += 1
                continue
            if not phrase.gaps[k - 1]:
                return None
            found = None
            for j in range(pos, min(n, pos + MAX_PHRASE_GAP + 1)):
                if j in covered:
                    break
                if self.words[j] == w:
                    found = j
                    break
                if not self._gap_ok(j):
                    break
            if found is None:
                return None
            pos = found + 1
        return pos

    def _longest(self, index: PhraseIndex, wi: int, covered: set[int]) -> tuple[Phrase, int, int] | None:
        best: tuple[Phrase, int, int] | None = None
        for phrase, value in index.candidates(self.words[wi]):
            if best is not None and len(phrase) <= len(best[0]):
                break
            end = self._match_phrase(phrase, wi, covered)
            if end is not None:
                best = (phrase, value, end)
        return best

    def _matchable(self, wi: int) -> bool:
        tok = self.doc[self.word_tok[wi]]
        if tok.pos_ in ("PRON", "AUX", "CCONJ", "PUNCT", "SCONJ", "PART", "DET", "ADP") and tok.text != "-":
            # function words start no actor phrase (but "The Hermit Kingdom" or "The AU" may start with THE)
            return tok.pos_ == "DET" and tok.lower_ == "the"
        return True

    def _find_matches(self) -> None:
        covered: set[int] = set()
        coder = self.coder
        for kind in ("actor", "agent"):
            index = coder.actors.index if kind == "actor" else coder.agents.index
            wi = 0
            while wi < len(self.words):
                if wi in covered or not self._matchable(wi):
                    wi += 1
                    continue
                best = self._longest(index, wi, covered)
                if best is None:
                    wi += 1
                    continue
                _phrase, value, end = best
                if self._hyphen_modifier(end):
                    # "U.S.-led forces", "government-held areas": a modifier, not a participant
                    for j in range(wi, end):
                        covered.add(j)
                    wi = end
                    continue
                if kind == "actor":
                    m = _Match(wi, end, kind, actor=coder.actors.entries[value])
                else:
                    m = _Match(wi, end, kind, agent=coder.agents.entries[value])
                toks = sorted({self.word_tok[j] for j in range(wi, end)})
                # the matched tokens must not stop in the middle of a hyphenated token
                m.head = self._span_head(toks)
                self.matches.append(m)
                for j in range(wi, end):
                    covered.add(j)
                for t in toks:
                    self.tok_match[t] = m
                wi = end
        self.matches.sort(key=lambda m: m.start)

    def _hyphen_modifier(self, end: int) -> bool:
        """Whether the phrase ending before word ``end`` is glued by a hyphen to a participle or adjective."""
        if end + 1 >= len(self.words) or self.words[end] != "-":
            return False
        before = self.doc[self.word_tok[end - 1]]
        hyphen = self.doc[self.word_tok[end]]
        after = self.doc[self.word_tok[end + 1]]
        if before.i == hyphen.i == after.i:  # one token "x-y" the tokenizer kept whole
            return after.text.lower().endswith(("ed", "ing"))
        glued = not before.whitespace_ and not hyphen.whitespace_
        return glued and (after.tag_ in ("VBN", "VBG", "JJ") or after.lower_.endswith(("ed", "ing")))

    def _span_head(self, toks: list[int]) -> int:
        inside = set(toks)
        heads = [t for t in toks if self.doc[t].head.i not in inside or self.doc[t].head.i == t]
        return heads[-1] if heads else toks[-1]

    # -- noun phrases

    def _climb(self, i: int) -> int:
        tok = self.doc[i]
        for _ in range(12):
            m = self.tok_match.get(tok.i)
            if m is not None and m.head != tok.i:
                tok = self.doc[m.head]
                continue
            head = tok.head
            if (
                head.i != tok.i
                and self.start <= head.i < self.end
                and head.pos_ not in ("VERB", "AUX")
                and (tok.dep_ in NP_INTERNAL or (tok.dep_ == "conj" and head.dep_ in NP_INTERNAL))
            ):
                tok = head
                continue
            break
        return tok.i

    def _assign_np_heads(self) -> None:
        for tok in self.sent:
            self.np_head[tok.i] = self._climb(tok.i)

    def _core(self, head: int) -> list[int]:
        return [t for t, h in self.np_head.items() if h == head]

    def _actor_codes(self, entry: ActorEntry) -> list[str]:
        return [c for c in entry.codes_on(self.date) if c and c != NULL_CODE]

    def _coordinated(self, m: _Match) -> bool:
        tok = self.doc[m.head]
        return tok.dep_ == "conj" or any(c.dep_ in ("cc", "conj") for c in tok.children)

    def _build_mentions(self) -> None:
        for m in self.matches:
            head = self.np_head[m.head]
            men = self.mentions.setdefault(head, _Mention(head))
            is_head = self.np_head[m.head] == m.head
            if m.kind == "actor" and m.actor is not None:
                codes = self._actor_codes(m.actor)
                if not codes:
                    if not men.actor_codes:
                        men.null_actor = True
                    continue
                if not men.actor_codes:
                    men.actor_codes = list(codes)
                    men.null_actor = False
                    men.first_coordinated = self._coordinated(m)
                elif men.first_coordinated or self._coordinated(m):
                    # "Freedonian and Sylvanian envoys": coordinated actors inside one noun phrase
                    men.actor_codes = _dedup([*men.actor_codes, *codes])
                elif is_head:
                    # "Chinese President Xi Jinping": the head names the actor more precisely
                    men.actor_codes = list(codes)
                if not is_head and not men.modifier_actor_codes:
                    men.modifier_actor_codes = codes
            elif m.agent is not None:
                men.agents.append(m.agent)
                if not is_head:
                    men.modifier_agents.append(m.agent)
        # agents take the country of an of/in/from phrase when their own phrase has none
        for head, men in self.mentions.items():
            if men.agents and not men.actor_codes:
                men.pp_codes = self._pp_actor_codes(head)
        for men in self.mentions.values():
            self._finish(men)

    def _pp_actor_codes(self, head: int) -> list[str]:
        tok = self.doc[head]
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in PP_OF_AGENT:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        codes = self._group_actor_codes(self.np_head.get(pobj.i, pobj.i))
                        if codes:
                            return codes
        return []

    def _group_actor_codes(self, head: int, depth: int = 0) -> list[str]:
        """Actor codes (with their own agents) of the conjunction group at ``head``; no agent-only codes."""
        out: list[str] = []
        for t in self._conjuncts(head):
            men = self.mentions.get(self.np_head.get(t, t))
            if men is None:
                continue
            if men.actor_codes:
                out.extend(combine(c, men.agents) for c in men.actor_codes)
            elif depth < 3 and men.agents:
                for c in self._pp_actor_codes(men.head):
                    out.append(combine(c, men.agents))
        return _dedup(out)

    def _finish(self, men: _Mention) -> None:
        if men.actor_codes:
            men.codes = _dedup([combine(c, men.agents) for c in men.actor_codes])
        elif men.agents and men.pp_codes:
            men.codes = _dedup([combine(c, men.agents) for c in men.pp_codes])
        elif men.agents:
            men.codes = [combine(NULL_CODE, men.agents)]

    def _conjuncts(self, head: int) -> list[int]:
        """The head and its conjuncts (appositions in a list count as conjuncts)."""
        tok = self.doc[head]
        out = [head]
        stack = [tok]
        seen = {head}
        while stack:
            cur = stack.pop()
            has_conj = any(c.dep_ == "conj" for c in cur.children)
            for c in cur.children:
                if c.i in seen or not (self.start <= c.i < self.end):
                    continue
                take = c.dep_ == "conj" and c.pos_ not in ("VERB", "AUX")
                if c.dep_ == "appos" and (has_conj or any(g.dep_ == "conj" for g in c.children)):
                    take = True
                if take:
                    seen.add(c.i)
                    out.append(c.i)
                    stack.append(c)
        return sorted(out)

    def _build_groups(self) -> None:
        """Conjunction groups of coded noun phrases, with agent sharing between conjuncts."""
        heads = sorted({self.np_head[t] for t in range(self.start, self.end)})
        for h in heads:
            if h in self.conj_root:
                continue
            tok = self.doc[h]
            if tok.dep_ in ("conj", "appos") and self.np_head.get(tok.head.i) in self.conj_root:
                continue
            members = self._conjuncts(h)
            for mbr in members:
                self.conj_root.setdefault(mbr, h)
            self.groups[h] = members
        # repair "A in X and Y": a bare actor conjunct after an of/in/from object joins that object
        for root, members in list(self.groups.items()):
            pp_objs: list[Token] = []
            for mbr in members:
                men = self.mentions.get(mbr)
                if men is not None and men.agents and men.pp_codes:
                    for child in self.doc[mbr].children:
                        if child.dep_ == "prep" and child.lower_ in PP_OF_AGENT:
                            pp_objs.extend(g for g in child.children if g.dep_ == "pobj")
            if not pp_objs:
                continue
            last_pp = max(p.i for p in pp_objs)
            moved = []
            for mbr in members:
                men = self.mentions.get(mbr)
                if mbr > last_pp and men is not None and men.actor_codes and not men.agents:
                    moved.append(mbr)
            if moved:
                self.groups[root] = [m for m in members if m not in moved]
                for mbr in members:
                    men = self.mentions.get(mbr)
                    if men is not None and men.agents and men.pp_codes:
                        extra = []
                        for mv in moved:
                            extra.extend(self.mentions[mv].actor_codes)
                        men.pp_codes = _dedup(men.pp_codes + extra)
                        self._finish(men)
        # conjuncts with agents only borrow the country of their neighbours
        for _root, members in self.groups.items():
            if len(members) < 2:
                continue
            mens = [self.mentions.get(m) for m in members]
            first = mens[0]
            pp_pool: list[str] = []
            for men in mens:
                if men is not None and men.pp_codes:
                    pp_pool.extend(men.pp_codes)
            for men in mens:
                if men is None or men.actor_codes or not men.agents or men.pp_codes:
                    continue
                if first is not None and first is not men and first.modifier_actor_codes:
                    agents = [*first.modifier_agents, *men.agents]
                    men.codes = _dedup([combine(c, agents) for c in first.modifier_actor_codes])
                elif pp_pool:
                    men.codes = _dedup([combine(c, men.agents) for c in _dedup(pp_pool)])

    def group_of(self, tok_i: int) -> tuple[int, list[int]]:
        """(root, members) of the conjunction group the noun phrase of token ``tok_i`` belongs to."""
        head = self.np_head.get(tok_i, tok_i)
        root = self.conj_root.get(head, head)
        return root, self.groups.get(root, [head])

    def codes_of_group(self, root: int) -> list[str]:
        out: list[str] = []
        for mbr in self.groups.get(root, [root]):
            men = self.mentions.get(mbr)
            if men is not None:
                out.extend(men.codes)
        return _dedup(out)

    def span_of(self, head: int) -> tuple[int, int]:
        toks = self._core(head) or [head]
        return min(toks), max(toks) + 1

    def new_actor(self, head: int) -> str | None:
        limit = self.coder.options.new_actor_length
        tok = self.doc[head]
        if limit <= 0 or tok.pos_ not in ("PROPN", "NOUN"):
            return None
        words = []
        for t in tok.subtree:
            if t.is_punct or t.tag_ == "POS" or t.dep_ in ("relcl", "acl"):
                continue
            words.extend(normalize_words(t.text))
        if not words or len(words) > limit:
            return None
        return '"' + " ".join(words) + '"'


def _dedup(items: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for x in items:
        if x not in seen:
            seen.add(x)
            out.append(x)
    return out


# ------------------------------------------------------------------------------------ pattern match


@dataclass
class _Unit:
    """A noun phrase as a pattern slot sees it: its words in window order and its group's codes."""

    first: int  # window position
    end: int  # window position, exclusive
    root: int  # group root token
    codes: list[str]


@dataclass
class _Window:
    words: list[str]
    toks: list[int]  # token index of each word
    units_at: dict[int, list[_Unit]]


@dataclass(frozen=True)
class _Binding:
    source: _Unit | None = None
    target: _Unit | None = None
    compound: _Unit | None = None
    compound_side: str = ""
    score: int = 0
    tokens: frozenset[int] = frozenset()  # tokens matched by pattern words


class _Matcher:
    """Match one side of a pattern on a window of words (in window order)."""

    def __init__(self, window: _Window, synsets: dict[str, list[Phrase]], reverse: bool) -> None:
        self.w = window
        self.synsets = synsets
        self.reverse = reverse

    def run(self, elems: Sequence[PatternElement], glue_first: bool) -> _Binding | None:
        for b in self._match(elems, 0, 0, glue_first, _Binding()):
            return b
        return None

    def _match(self, elems: Sequence[PatternElement], k: int, pos: int, glued: bool, b: _Binding) -> Iterator[_Binding]:
        if k == len(elems):
            yield b
            return
        el = elems[k]
        n = len(self.w.words)
        starts: Iterable[int] = [pos] if glued else range(pos, n)
        for s in starts:
            if s >= n:
                return
            for end, nb in self._element(el, s, b):
                nglue = elems[k + 1].glue if k + 1 < len(elems) else False
                yield from self._match(elems, k + 1, end, nglue, nb)

    def _words(self, b: _Binding, s: int, end: int) -> _Binding:
        toks = b.tokens | frozenset(self.w.toks[s:end])
        return replace(b, score=b.score + end - s, tokens=toks)

    def _element(self, el: PatternElement, s: int, b: _Binding) -> Iterator[tuple[int, _Binding]]:
        words = self.w.words
        if el.kind == "word":
            if words[s] == el.value:
                yield s + 1, self._words(b, s, s + 1)
            return
        if el.kind == "alts":
            if words[s] in el.value.split("/"):
                yield s + 1, self._words(b, s, s + 1)
            return
        if el.kind == "synset":
            phrases = self.synsets.get(el.value.rstrip("_"))
            if not phrases:
                return
            for ph in phrases:  # longest first (sorted when the coder is set up)
                seq = list(reversed(ph.words)) if self.reverse else list(ph.words)
                if words[s : s + len(seq)] == seq:
                    yield s + len(seq), self._words(b, s, s + len(seq))
            return
        for unit in self.w.units_at.get(s, []):
            if el.kind == "skip":
                yield unit.end, replace(b, score=b.score + 1)
            elif el.kind == "source" and unit.codes:
                yield unit.end, replace(b, source=unit, score=b.score + 1)
            elif el.kind == "target" and unit.codes:
                yield unit.end, replace(b, target=unit, score=b.score + 1)
            elif el.kind == "compound" and len(unit.codes) >= 2:
                side = "pre" if self.reverse else "post"
                yield unit.end, replace(b, compound=unit, compound_side=side, score=b.score + 1)


def _reverse_elements(pattern: VerbPattern) -> tuple[list[PatternElement], bool]:
    """The pre-verb elements in backward order with their glue flags shifted accordingly."""
    pre = list(pattern.pre)
    out: list[PatternElement] = []
    for i in range(len(pre) - 1, -1, -1):
        glue_next = pre[i + 1].glue if i + 1 < len(pre) else pattern.pre_glue
        out.append(PatternElement(pre[i].kind, pre[i].value, glue_next))
    glue_first = pattern.pre_glue
    return out, glue_first


# --------------------------------------------------------------------------------------------- coder


@dataclass
class _Result:
    """What one verb codes, before the dyad requirement: source, target, code (or a compound)."""

    hit: _VerbHit
    src_root: int | None
    src_codes: list[str]
    tgt_root: int | None
    tgt_codes: list[str]
    code: str
    pattern: str | None
    compound: _Unit | None = None
    own_subject: bool = True
    negated: bool = False
    consumed: frozenset[int] = frozenset()  # tokens the matched pattern's words used


@dataclass(frozen=True)
class _Rule:
    """A ``~ a (b c LOWER) UPPER = x y CODE`` transformation with its verbs turned into codes."""

    lower_source: str
    lower_target: str
    lower_code: str  # or Q
    upper_code: str
    out_source: str
    out_target: str
    code: str  # or Q
    text: str


def _parse_rules(verbs: VerbDictionary) -> list[_Rule]:
    code_of: dict[str, str] = {}
    for entry in verbs.verbs:
        code_of.setdefault(entry.name.replace(" ", "_"), entry.code)
    rules: list[_Rule] = []
    for tr in verbs.transformations:
        text = tr.text.lstrip("~").strip()
        lhs, _, rhs = text.partition("=")
        toks = lhs.replace("(", " ( ").replace(")", " ) ").split()
        out = rhs.split()
        if len(toks) != 7 or toks[1] != "(" or toks[5] != ")" or len(out) != 3:
            continue
        lower, upper = toks[4].upper(), toks[6].upper()
        lower_code = "Q" if lower == "Q" else code_of.get(lower, "")
        upper_code = code_of.get(upper, "")
        if not lower_code or not upper_code:
            continue
        rules.append(_Rule(toks[2], toks[3], lower_code, upper_code, out[0], out[1], out[2].upper(), tr.text))
    return rules


@dataclass
class _VerbHit:
    token: int
    entries: list[VerbEntry]
    first_word: int
    last_word: int  # exclusive
    name: str


class PetrarchCoder:
    """Codes spaCy Docs with PETRARCH 2 dictionaries.

    ``actors_paths``: one or more actor dictionaries; ``agents_path``, ``verbs_path`` and
    ``discards_path`` are single files (agents may be None). Pre-loaded dictionary objects can be passed
    through :meth:`from_dictionaries`.
    """

    def __init__(
        self,
        actors_paths: PathLike | Sequence[PathLike],
        agents_path: PathLike | Sequence[PathLike] | None,
        verbs_path: PathLike,
        discards_path: PathLike | Sequence[PathLike] | None = None,
        options: CoderOptions | None = None,
    ) -> None:
        actors = load_actors(_as_list(actors_paths))
        agents = load_agents(_as_list(agents_path)) if agents_path else AgentDictionary()
        verbs = load_verbs(verbs_path)
        discards = load_discards(_as_list(discards_path)) if discards_path else DiscardList()
        self._setup(actors, agents, verbs, discards, options)

    @classmethod
    def from_dictionaries(
        cls,
        actors: ActorDictionary,
        agents: AgentDictionary,
        verbs: VerbDictionary,
        discards: DiscardList | None = None,
        options: CoderOptions | None = None,
    ) -> PetrarchCoder:
        self = cls.__new__(cls)
        self._setup(actors, agents, verbs, discards or DiscardList(), options)
        return self

    def _setup(
        self,
        actors: ActorDictionary,
        agents: AgentDictionary,
        verbs: VerbDictionary,
        discards: DiscardList,
        options: CoderOptions | None,
    ) -> None:
        self.actors = actors
        self.agents = agents
        self.verbs = verbs
        self.discards = discards
        self.options = options or CoderOptions()
        self.transformations = _parse_rules(verbs)
        self.synsets = {name: sorted(phrases, key=len, reverse=True) for name, phrases in verbs.synsets.items()}
        self.p2_syntax = any("{" in p.text or "(" in p.text for block in verbs.blocks for p in block.patterns)

    @property
    def scope(self) -> str:
        """``clause`` or ``sentence``: where patterns are matched (see :class:`CoderOptions`)."""
        if self.options.pattern_scope in ("clause", "sentence"):
            return self.options.pattern_scope
        return "clause" if self.p2_syntax else "sentence"

    # -- public API

    def discarded(self, text: str) -> str | None:
        """The story-level discard phrase found in ``text``, if any (the whole story is then not coded)."""
        return self.discards.story_hit(text)

    def code_doc(self, doc: Doc, date: dt.date | None = None) -> list[PetrarchEvent]:
        """The events of every sentence of ``doc``; ``date`` selects date-restricted actor codes."""
        if self.discards.story_hit(doc.text):
            return []
        out: list[PetrarchEvent] = []
        for si, sent in enumerate(doc.sents):
            out.extend(self.code_sentence(sent, si, date))
        return out

    def actor_mentions(self, doc: Doc, date: dt.date | None = None) -> list[PetrarchActor]:
        """Every noun phrase the actor and agent dictionaries code, sentence by sentence."""
        out: list[PetrarchActor] = []
        for si, sent in enumerate(doc.sents):
            s = _Sentence(self, sent, date)
            for head, men in sorted(s.mentions.items()):
                if men.codes:
                    start, end = s.span_of(head)
                    out.append(PetrarchActor(tuple(men.codes), si, start, end, head))
        return out

    def code_sentence(self, sent: Span, sentence_index: int, date: dt.date | None = None) -> list[PetrarchEvent]:
        if self.discards.sentence_hit(sent.text):
            return []
        s = _Sentence(self, sent, date)
        results = [r for r in (self._analyse_verb(s, hit) for hit in self._verbs(s)) if r is not None]
        # a verb a pattern of another verb already used as one of its words is not coded again
        used = {t for r in results for t in r.consumed if t != r.hit.token}
        results = [r for r in results if r.hit.token not in used]
        if self.transformations:
            results = self._transform(s, results)
        events: list[PetrarchEvent] = []
        seen: set[tuple[str, str, str]] = set()
        for res in results:
            for ev in self._events(s, res, sentence_index):
                key = (ev.source_code, ev.target_code, ev.event_code)
                if key in seen:
                    continue
                seen.add(key)
                events.append(ev)
        return events

    # -- verbs

    def _verbs(self, s: _Sentence) -> list[_VerbHit]:
        hits: list[_VerbHit] = []
        for tok in s.sent:
            if not _is_verb(tok):
                continue
            wi = s.tok_first_word.get(tok.i)
            if wi is None:
                continue
            word = s.words[wi]
            best: list[tuple[VerbEntry, int, int]] = []
            best_len = 0
            for entry, form, idx in self.verbs.entries_for(word):
                a = wi - idx
                b = a + len(form)
                if a < 0 or b > len(s.words) or tuple(s.words[a:b]) != form:
                    continue
                if len(form) > best_len:
                    best, best_len = [(entry, a, b)], len(form)
                elif len(form) == best_len:
                    best.append((entry, a, b))
            if not best:
                continue
            entries = _dedup_entries([e for e, _, _ in best])
            hits.append(_VerbHit(tok.i, entries, best[0][1], best[0][2], entries[0].name))
        return hits

    def _analyse_verb(self, s: _Sentence, hit: _VerbHit) -> _Result | None:
        """Source, target and code of one verb, before the dyad requirement is applied."""
        doc = s.doc
        verb = doc[hit.token]
        subj_tok, patient = self._subject(s, verb)
        agent_tok = _passive_agent(verb) if patient else None
        domain = self._domain(s, verb, subj_tok, agent_tok)

        src_root: int | None = None
        src_codes: list[str] = []
        tgt_root: int | None = None
        tgt_codes: list[str] = []
        if subj_tok is not None and not patient:
            src_root, src_codes = self._np_codes(s, subj_tok)
        elif subj_tok is not None:
            # passive: the subject is acted upon; the by-phrase, if any, acts
            tgt_root, tgt_codes = self._np_codes(s, subj_tok)
            if agent_tok is not None:
                src_root, src_codes = self._np_codes(s, agent_tok)
        code, pattern, binding = self._choose_code(s, hit, verb)
        if not tgt_codes:
            exclude = {src_root} if src_root is not None else set()
            if binding is not None:
                # a noun phrase the pattern used as a word ("sent troops to Mali") is what, not whom,
                # unless it names an actor of its own ("expelled two American diplomats")
                for t in binding.tokens:
                    men = s.mentions.get(s.np_head.get(t, t))
                    if men is not None and not men.actor_codes and not men.pp_codes:
                        exclude.add(s.group_of(t)[0])
            tgt_root, tgt_codes = self._first_target(s, verb, domain, exclude)
        res = _Result(hit, src_root, src_codes, tgt_root, tgt_codes, code, pattern)
        if binding is not None:
            res.consumed = binding.tokens
            if binding.compound is not None and binding.compound_side == "pre":
                res.compound = binding.compound
                return res
            if binding.compound is not None:
                res.tgt_root, res.tgt_codes = binding.compound.root, binding.compound.codes
            if binding.source is not None:
                if binding.target is None and res.tgt_root == binding.source.root:
                    res.tgt_root, res.tgt_codes = res.src_root, res.src_codes
                res.src_root, res.src_codes = binding.source.root, binding.source.codes
            if binding.target is not None:
                if binding.source is None and res.src_root == binding.target.root:
                    res.src_root, res.src_codes = self._governing_subject(s, verb, binding.target.root)
                    if not res.src_codes:
                        res.src_root, res.src_codes = self._first_coded(s, domain, {binding.target.root})
                res.tgt_root, res.tgt_codes = binding.target.root, binding.target.codes
        if not res.src_codes and subj_tok is not None and not patient:
            na = s.new_actor(s.group_of(subj_tok.i)[0])
            if na:
                res.src_codes = [na]
        if not res.tgt_codes:
            exclude = {res.src_root} if res.src_root is not None else set()
            na_root = self._first_np(s, domain, exclude)
            na = s.new_actor(na_root) if na_root is not None else None
            if na:
                res.tgt_codes, res.tgt_root = [na], na_root
        res.own_subject = _direct_subject(verb) is not None
        res.negated = _negated(verb)
        return res

    def _events(self, s: _Sentence, res: _Result, si: int) -> list[PetrarchEvent]:
        code = res.code
        if not code or code == NULL_CODE:
            return []
        hit = res.hit
        negated = res.negated
        fwd, _, back = code.partition(":")
        out: list[PetrarchEvent] = []
        if res.compound is not None:
            span = s.span_of(res.compound.root)
            for a in res.compound.codes:
                for b in res.compound.codes:
                    if a != b:
                        if fwd and fwd != NULL_CODE:
                            out.append(
                                PetrarchEvent(a, b, fwd, si, hit.token, res.pattern, span, span, negated, hit.name)
                            )
                        if back and back != NULL_CODE:
                            out.append(
                                PetrarchEvent(b, a, back, si, hit.token, res.pattern, span, span, negated, hit.name)
                            )
            return out
        src_codes, tgt_codes = res.src_codes, res.tgt_codes
        if not src_codes:
            return []
        if not tgt_codes:
            if self.options.require_dyad:
                return []
            tgt_codes = [NULL_CODE]
        src_span = s.span_of(res.src_root) if res.src_root is not None else None
        tgt_span = s.span_of(res.tgt_root) if res.tgt_root is not None else None
        for a in src_codes:
            for b in tgt_codes:
                if a == b:
                    continue
                if fwd and fwd != NULL_CODE:
                    out.append(
                        PetrarchEvent(a, b, fwd, si, hit.token, res.pattern, src_span, tgt_span, negated, hit.name)
                    )
                if back and back != NULL_CODE and b != NULL_CODE:
                    out.append(
                        PetrarchEvent(b, a, back, si, hit.token, res.pattern, tgt_span, src_span, negated, hit.name)
                    )
        return out

    # -- verb-verb transformations

    def _transform(self, s: _Sentence, results: list[_Result]) -> list[_Result]:
        """Apply the dictionary's ``~`` transformations to an upper verb and the verb of its complement."""
        by_token = {r.hit.token: r for r in results}
        dropped: set[int] = set()
        replaced: dict[int, _Result] = {}
        for upper in results:
            for lower in results:
                if lower is upper or lower.hit.token in dropped or upper.hit.token in dropped:
                    continue
                if self._governing_coded_verb(s, lower.hit.token, by_token) != upper.hit.token:
                    continue
                out = self._apply_rules(upper, lower)
                if out is not None:
                    replaced[upper.hit.token] = out
                    dropped.add(lower.hit.token)
                    break
        return [replaced.get(r.hit.token, r) for r in results if r.hit.token not in dropped]

    def _governing_coded_verb(self, s: _Sentence, tok_i: int, coded: dict[int, _Result]) -> int | None:
        """The nearest coded verb above ``tok_i`` reached through complement clauses only."""
        tok = s.doc[tok_i]
        for _ in range(8):
            if tok.head.i == tok.i or tok.dep_ not in ("ccomp", "xcomp", "conj"):
                return None
            tok = tok.head
            if tok.i in coded:
                return tok.i
        return None

    def _apply_rules(self, upper: _Result, lower: _Result) -> _Result | None:
        if upper.compound is not None or lower.compound is not None or not upper.src_codes:
            return None
        for rule in self.transformations:
            if rule.upper_code != upper.code.partition(":")[0]:
                continue
            if rule.lower_code != "Q" and rule.lower_code != lower.code.partition(":")[0]:
                continue
            env: dict[str, tuple[int | None, list[str]]] = {"a": (upper.src_root, upper.src_codes)}
            ok = True
            for var, (root, codes, present) in (
                (rule.lower_source, (lower.src_root, lower.src_codes, lower.own_subject and bool(lower.src_codes))),
                (rule.lower_target, (lower.tgt_root, lower.tgt_codes, bool(lower.tgt_codes))),
            ):
                if var == ".":
                    continue
                if var == "_":
                    if present:
                        ok = False
                    continue
                if not codes:
                    ok = False
                    continue
                if var in env:
                    if not set(env[var][1]) & set(codes):
                        ok = False
                elif any(set(v[1]) & set(codes) for v in env.values()):
                    ok = False
                else:
                    env[var] = (root, codes)
            if not ok:
                continue
            code = lower.code if rule.code == "Q" else rule.code
            src = env.get(rule.out_source, (None, []))
            tgt = env.get(rule.out_target, (None, []))
            out_res = _Result(upper.hit, src[0], src[1], tgt[0], tgt[1], code, f"transformation: {rule.text}")
            out_res.negated = upper.negated or lower.negated
            return out_res
        return None

    # -- source and target

    def _subject(self, s: _Sentence, verb: Token) -> tuple[Token | None, bool]:
        """The verb's subject and whether it is acted upon (passive voice, passive participle)."""
        cur = verb
        # "X was arrested and charged": a participle coordinated with a passive is passive too
        shared_passive = verb.dep_ == "conj" and verb.tag_ == "VBN" and _is_passive(verb.head)
        passive = _is_passive(verb) or shared_passive
        for _ in range(8):
            subj = self._coded_subject(s, cur)
            if subj is not None:
                return self._resolve_pronoun(s, subj, cur), passive
            if cur.dep_ == "relcl" and cur.head.i != cur.i:
                return cur.head, passive
            if cur.dep_ == "acl" and cur.tag_ in ("VBN", "VBG") and cur.head.i != cur.i:
                # "men seeking asylum" acts; "civilians imprisoned for ..." is acted upon
                return cur.head, cur is verb and cur.tag_ == "VBN"
            left = _left_nominal(s, cur)
            if left is not None:
                return left, False
            if cur.dep_ == "xcomp" and cur.head.i != cur.i and not _is_passive(cur.head):
                # object control: "asked Russia to mediate": Russia mediates
                for c in cur.head.children:
                    if c.dep_ in ("dobj", "dative") and c.i < cur.i and c.pos_ in ("PROPN", "NOUN"):
                        return c, passive
            if cur.dep_ in INHERIT_SUBJECT and cur.head.i != cur.i:
                if cur.dep_ == "conj" and cur.head.pos_ not in ("VERB", "AUX") and cur.pos_ in ("VERB", "AUX"):
                    break
                if cur is not verb and _is_passive(cur):
                    # "X called on Y to be allowed to leave": the raised subject of a passive is not its agent
                    break
                if cur is verb and _is_passive(cur) and cur.dep_ == "xcomp":
                    break
                cur = cur.head
                continue
            break
        return None, False

    def _coded_subject(self, s: _Sentence, verb: Token) -> Token | None:
        """The verb's subject; with several subject dependents (a misparsed list), the first coded one."""
        subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
        if len(subjects) > 1:
            for c in subjects:
                if self._np_codes(s, c)[1]:
                    return c
        return _direct_subject(verb)

    def _resolve_pronoun(self, s: _Sentence, subj: Token, verb: Token) -> Token | None:
        low = subj.lower_
        if subj.pos_ != "PRON":
            return subj
        if low in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            return verb.head
        if low not in PERSONAL_PRONOUNS:
            return None
        # the antecedent is the subject of a governing clause
        cur = verb
        for _ in range(8):
            if cur.head.i == cur.i:
                break
            cur = cur.head
            if cur.pos_ not in ("VERB", "AUX"):
                continue
            other = _direct_subject(cur)
            if other is not None and other.pos_ != "PRON" and self._np_codes(s, other)[1]:
                return other
        return None

    def _governing_subject(self, s: _Sentence, verb: Token, avoid: int) -> tuple[int | None, list[str]]:
        cur = verb
        for _ in range(8):
            if cur.head.i == cur.i:
                break
            cur = cur.head
            if cur.pos_ not in ("VERB", "AUX"):
                continue
            other = _direct_subject(cur)
            if other is not None:
                root, codes = self._np_codes(s, other)
                if codes and root != avoid:
                    return root, codes
        return None, []

    def _np_codes(self, s: _Sentence, tok: Token) -> tuple[int | None, list[str]]:
        """(group root, codes) of the noun phrase at ``tok``; an uncoded phrase gives its first coded part."""
        root, _members = s.group_of(tok.i)
        codes = s.codes_of_group(root)
        if codes:
            return root, codes
        head = s.np_head.get(tok.i, tok.i)
        sub = sorted(_phrase_tokens(s.doc[head], s.start, s.end))
        r2, c2 = self._first_coded(s, [t for t in sub if t != head], exclude={root})
        if c2:
            return r2, c2
        return root, []

    def _domain(self, s: _Sentence, verb: Token, subj: Token | None, agent: Token | None) -> list[int]:
        """Tokens after the verb that belong to its own clause, in order."""
        excluded: set[int] = set()

        def drop(t: Token) -> None:
            excluded.update(x.i for x in t.subtree)

        for c in verb.children:
            if (
                c.dep_ in SUBJECT_DEPS
                or c.dep_ in ("parataxis", "aux", "auxpass", "neg", "punct", "cc", "mark")
                or (c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"))
                or (c.dep_ == "advcl" and not _purpose_infinitive(c))
                or (agent is not None and c.dep_ == "agent")
            ):
                drop(c)
        if subj is not None:
            excluded.update(x.i for x in subj.subtree)
        if agent is not None:
            excluded.update(x.i for x in agent.head.subtree if agent.head.head.i == verb.i)
            excluded.update(x.i for x in agent.subtree)
        return [t.i for t in verb.subtree if t.i > verb.i and t.i not in excluded and s.start <= t.i < s.end]

    def _first_coded(self, s: _Sentence, toks: Iterable[int], exclude: set[int]) -> tuple[int | None, list[str]]:
        for t in toks:
            root, _members = s.group_of(t)
            if root in exclude:
                continue
            codes = s.codes_of_group(root)
            if codes:
                return root, codes
        return None, []

    def _first_target(
        self, s: _Sentence, verb: Token, toks: Iterable[int], exclude: set[int]
    ) -> tuple[int | None, list[str]]:
        """The first coded noun phrase among ``toks``; a personal pronoun stands for its antecedent."""
        for t in toks:
            tok = s.doc[t]
            if tok.pos_ == "PRON" and tok.lower_ in PERSONAL_PRONOUNS and tok.dep_ in PRONOUN_ARGS:
                clause = tok.head
                while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
                    clause = clause.head
                ante = self._antecedent(s, clause)
                if ante is not None:
                    root, codes = self._np_codes(s, ante)
                    if codes and root not in exclude:
                        return root, codes
                continue
            root, _members = s.group_of(t)
            if root in exclude:
                continue
            codes = s.codes_of_group(root)
            if codes:
                return root, codes
        return None, []

    def _antecedent(self, s: _Sentence, verb: Token) -> Token | None:
        """The subject of the nearest clause above ``verb`` (PETRARCH 2's rule for non-reflexive pronouns)."""
        cur = verb
        for _ in range(8):
            if cur.head.i == cur.i:
                return None
            cur = cur.head
            if cur.pos_ not in ("VERB", "AUX"):
                continue
            subj = _direct_subject(cur)
            if subj is not None and subj.pos_ != "PRON" and self._np_codes(s, subj)[1]:
                return subj
        return None

    def _first_np(self, s: _Sentence, toks: Iterable[int], exclude: set[int]) -> int | None:
        for t in toks:
            tok = s.doc[t]
            if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ not in NP_INTERNAL:
                root, _ = s.group_of(t)
                if root not in exclude:
                    return root
        return None

    # -- patterns

    def _windows(self, s: _Sentence, hit: _VerbHit) -> tuple[_Window, _Window]:
        """The words after and before the verb that its patterns are matched on (see ``pattern_scope``)."""
        verb = s.doc[hit.token]
        verb_words = set(range(hit.first_word, hit.last_word))
        if self.scope == "sentence":
            # word order over the sentence, as TABARI-style patterns are written, but not into a
            # coordinated clause after the verb
            stop = s.end
            for c in verb.children:
                if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and c.i > verb.i:
                    stop = min(stop, min(x.i for x in c.subtree))
                    for cc in verb.children:
                        if cc.dep_ == "cc" and verb.i < cc.i < c.i:
                            stop = min(stop, cc.i)
            post = [w for w in range(hit.last_word, len(s.words)) if s.word_tok[w] < stop]
            pre = list(range(hit.first_word - 1, -1, -1))
        else:
            # the verb's own phrases: its dependents (and infinitival complements), not other clauses
            own = _clause_tokens(verb, s.start, s.end)
            post = [w for w in range(hit.last_word, len(s.words)) if s.word_tok[w] in own and w not in verb_words]
            subj, patient = self._subject(s, verb)
            if subj is not None:
                subj_toks = {t.i for t in subj.subtree}
                if patient:
                    # PETRARCH 2: a passive verb's object nouns are looked for in its subject
                    post = [w for w, t in enumerate(s.word_tok) if t in subj_toks] + post
                else:
                    own |= subj_toks
                first = min([*subj_toks, verb.i])
                own |= {t for t in range(first, verb.i) if t not in subj_toks or not patient}
            pre = [w for w in range(hit.first_word - 1, -1, -1) if s.word_tok[w] in own]
        return self._window(s, post, False), self._window(s, pre, True)

    def _window(self, s: _Sentence, word_idx: list[int], reverse: bool) -> _Window:
        words = [s.words[w] for w in word_idx]
        pos_of = {w: p for p, w in enumerate(word_idx)}
        units_at: dict[int, list[_Unit]] = {}
        done: set[int] = set()
        for head in sorted(set(s.np_head.values())):
            tok = s.doc[head]
            men = s.mentions.get(head)
            if men is None and tok.pos_ not in ("NOUN", "PROPN", "PRON", "NUM"):
                continue
            if head in done:
                continue
            done.add(head)
            core = s._core(head)
            wpos = sorted(
                pos_of[w]
                for t in core
                for w in range(s.tok_first_word.get(t, -1), len(s.words))
                if w >= 0 and s.word_tok[w] == t and w in pos_of
            )
            if not wpos:
                continue
            first, last = wpos[0], wpos[-1]
            root, _ = s.group_of(head)
            codes = s.codes_of_group(root) if men is not None and men.codes else []
            unit = _Unit(first, last + 1, root, codes)
            head_w = s.tok_first_word.get(head)
            head_pos = pos_of.get(head_w, first) if head_w is not None else first
            # a slot may skip the determiner, possessive or other words before the head
            for p in range(first, max(first, head_pos) + 1):
                units_at.setdefault(p, []).append(unit)
        return _Window(words, [s.word_tok[w] for w in word_idx], units_at)

    def _choose_code(self, s: _Sentence, hit: _VerbHit, verb: Token) -> tuple[str, str | None, _Binding | None]:
        patterns: list[VerbPattern] = []
        blocks: list[int] = []
        for entry in hit.entries:
            if entry.block not in blocks:
                blocks.append(entry.block)
                patterns.extend(self.verbs.blocks[entry.block].patterns)
        default = NULL_CODE
        for entry in hit.entries:
            if entry.code and entry.code != NULL_CODE:
                default = entry.code
                break
        if not patterns:
            return default, None, None
        post_w, pre_w = self._windows(s, hit)
        post_m = _Matcher(post_w, self.synsets, reverse=False)
        pre_m = _Matcher(pre_w, self.synsets, reverse=True)
        best: tuple[int, int, VerbPattern, _Binding] | None = None
        for order, p in enumerate(patterns):
            if any(el.kind == "synset" and el.value.rstrip("_") not in self.synsets for el in (*p.pre, *p.post)):
                continue
            pre_elems, glue_first = _reverse_elements(p)
            bpre = pre_m.run(pre_elems, glue_first) if pre_elems else _Binding()
            if bpre is None:
                continue
            bpost = post_m.run(list(p.post), p.post[0].glue if p.post else False) if p.post else _Binding()
            if bpost is None:
                continue
            merged = _Binding(
                bpre.source or bpost.source,
                bpre.target or bpost.target,
                bpre.compound or bpost.compound,
                bpre.compound_side or bpost.compound_side,
                bpre.score + bpost.score,
                bpre.tokens | bpost.tokens,
            )
            key = (merged.score, -order)
            if best is None or key > (best[0], best[1]):
                best = (merged.score, -order, p, merged)
        if best is None:
            return default, None, None
        p, binding = best[2], best[3]
        return p.code, f"{hit.name}: {p.text}", binding


# ------------------------------------------------------------------------------------------ helpers


def _as_list(p: PathLike | Sequence[PathLike] | None) -> list[PathLike]:
    if p is None:
        return []
    if isinstance(p, str | os.PathLike):
        return [p]
    return list(p)


def _dedup_entries(entries: list[VerbEntry]) -> list[VerbEntry]:
    out: list[VerbEntry] = []
    for e in entries:
        if e not in out:
            out.append(e)
    return out


def _is_verb(tok: Token) -> bool:
    if tok.dep_ in ("aux", "auxpass", "amod", "compound"):
        return False
    if tok.tag_ == "MD":
        return False
    return tok.tag_.startswith("VB")


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass", "csubjpass") for c in verb.children)


def _passive_agent(verb: Token) -> Token | None:
    """The acting noun of a passive: the object of its by-phrase, else of a from-phrase."""
    for dep in ("agent", "from"):
        for c in verb.children:
            if c.dep_ == dep or (dep == "from" and c.dep_ == "prep" and c.lower_ == "from"):
                for g in c.children:
                    if g.dep_ == "pobj":
                        return g
    return None


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def _direct_subject(tok: Token) -> Token | None:
    for c in tok.children:
        if c.dep_ in SUBJECT_DEPS:
            return c
    # the parser sometimes hangs the subject on the auxiliary
    for c in tok.children:
        if c.dep_ in ("aux", "auxpass") and c.i < tok.i:
            for g in c.children:
                if g.dep_ in SUBJECT_DEPS:
                    return g
    return None


CLAUSE_BREAKS = frozenset({"ccomp", "xcomp", "advcl", "relcl", "parataxis", "csubj", "acl", "conj", "pcomp"})


def _clause_tokens(verb: Token, start: int, end: int) -> set[int]:
    """Tokens of the verb's own clause: its subtree minus embedded finite or coordinated clauses."""
    out: set[int] = set()
    stack = [verb]
    while stack:
        cur = stack.pop()
        out.add(cur.i)
        for c in cur.children:
            if not (start <= c.i < end):
                continue
            if c.dep_ in CLAUSE_BREAKS and (c.pos_ in ("VERB", "AUX") or c.dep_ != "conj"):
                continue
            stack.append(c)
    return out


def _purpose_infinitive(clause: Token) -> bool:
    """An adverbial clause like "(signed a deal) to supply Chile": no subject, no marker, "to" + verb."""
    kids = list(clause.children)
    if any(k.dep_ in SUBJECT_DEPS or k.dep_ == "mark" for k in kids):
        return False
    return clause.tag_ == "VB" and any(k.dep_ == "aux" and k.lower_ == "to" for k in kids)


def _phrase_tokens(head: Token, start: int, end: int) -> set[int]:
    """Tokens of a noun phrase with its prepositional phrases, but not its clauses (relative, participial)."""
    out: set[int] = set()
    stack = [head]
    while stack:
        cur = stack.pop()
        out.add(cur.i)
        for c in cur.children:
            if start <= c.i < end and c.dep_ not in CLAUSE_BREAKS:
                stack.append(c)
    return out


def _left_nominal(s: _Sentence, verb: Token) -> Token | None:
    """A noun phrase the parser attached to the verb on its left without calling it a subject."""
    if verb.dep_ in INHERIT_SUBJECT or verb.dep_ in ("relcl", "acl"):
        return None
    for c in verb.children:
        if c.i < verb.i and c.dep_ in ("compound", "npadvmod", "dep", "nmod") and c.pos_ in ("PROPN", "NOUN"):
            root, _ = s.group_of(c.i)
            if s.codes_of_group(root):
                return c
    return None
