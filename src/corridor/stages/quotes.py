"""Quote stage: direct, indirect and mixed quotations with their cue, speaker, reporters and addressee.

Reads the spaCy ``Doc`` and the article (text, date), ``analysis.times`` (a date in the cue clause), the
actor stage's coded mentions through ``corridor.stages.actors.actor_for_span`` when that exists, and the
cue lexicon ``data/lexicons/speech.yaml`` (loaded by :mod:`corridor.speech_lexicon`; quotation marks are
paired by :mod:`corridor.quotation_marks`). Writes ``analysis.quotes``: one :class:`~corridor.model.Quote`
per quotation, in text order.

How it works, in four passes (docs/quotes.md has the details):

1. Quotation marks are paired into top-level *regions* (“ ” " ‘ ’ ' « » „ and doubled '' or ``), a quote
   left open at a paragraph's end running on into the next paragraph.
2. Every cue (a lexicon verb, a verb-particle pair, "according to X", "in a named poll", a statement noun,
   a headline "Name: ...") outside a region gets a content from the parse: its complement clause, its
   infinitive or object complement by cue class, a passive judgement's subject and complement, or, for a
   parenthetical cue ("The deal, he said, had ..."; "..., she said."), the clause it interrupts. A content
   that touches a region takes the whole region in: direct when the content lies inside regions, mixed
   otherwise.
3. Regions no cue reached join the quote they continue (the next sentence or paragraph of the same
   quotation, past the rest of its cue clause), or a cue clause without content next to them, or stand
   alone with the previous speaker.
4. Speakers are the cue's subject (a pronoun resolved to the last speaker, else the last person named);
   a reported speech cue inside another cue's content is the quote, and the outer speakers go to
   ``reported_by`` (innermost reporter first, outermost last); any other cue inside a content stays part
   of it (only the outermost attribution is a quote).
"""

from __future__ import annotations

import copy
import importlib
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from corridor.model import Actor, Quote, Span
from corridor.pipeline import Analysis, PipelineConfig, register_stage
from corridor.quotation_marks import CharSpan, find_quotations, para_start, starts_paragraph
from corridor.speech_lexicon import SpeechLexicon, load_lexicon

SUBJ_DEPS = {"nsubj", "nsubjpass", "csubj"}
CONTENT_CLAUSE_DEPS = {"ccomp"}
NOUN_CLAUSE_DEPS = {"acl", "ccomp", "relcl"}  # a noun's that-clause ("a claim that ..."), however it is parsed
PERSON_PRONOUNS = {"he", "she", "him", "her", "they", "them"}
REL_PRONOUNS = {"who", "which", "that", "whom"}
WH_OBJECTS = {"what", "which", "whom"}
SKIP_EDGE = {",", ".", ";", ":", "--", "—", "–", "-", "(", ")", "[", "]"}


@dataclass
class Candidate:
    """A cue with its content, before quotation linking and speaker resolution."""

    cue: list[int]  # token indices
    head: int  # the cue's main token
    content: set[int]  # token indices
    speaker: tuple[int, int] | None = None  # token range [start, end)
    speaker_head: int | None = None
    addressee: tuple[int, int] | None = None
    regions: list[CharSpan] = field(default_factory=list)
    spans: list[CharSpan] = field(default_factory=list)
    kind: str = "indirect"
    parent: Candidate | None = None
    nested: bool = False
    confidence: float = 0.8
    sent: int = 0
    quote_only: bool = False
    dropped: bool = False
    how: str = ""  # where the content came from: clause, xcomp, object, prep, interrupted, according

    @property
    def start(self) -> int:
        return self.spans[0][0] if self.spans else 0


def _np_range(tok: Token) -> tuple[int, int]:
    """The token range of ``tok``'s subtree, without edge punctuation."""
    toks = list(tok.subtree)
    lo, hi = toks[0].i, toks[-1].i + 1
    doc = tok.doc
    while lo < hi - 1 and (doc[lo].is_punct or doc[lo].is_space):
        lo += 1
    while hi - 1 > lo and (doc[hi - 1].is_punct or doc[hi - 1].is_space):
        hi -= 1
    return lo, hi


def _speaker_range(tok: Token) -> tuple[int, int]:
    """The subject's token range, appositions kept, relative clauses and trailing punctuation left out."""
    ids = {t.i for t in tok.subtree}
    for t in tok.subtree:
        if t.dep_ in {"relcl", "acl"} and t.head.i == tok.i:
            ids -= {u.i for u in t.subtree}
    lo, hi = min(ids), max(ids) + 1
    doc = tok.doc
    hi = min(hi, max((i for i in ids if i < hi), default=tok.i) + 1)
    while hi - 1 > lo and (doc[hi - 1].is_punct or doc[hi - 1].is_space or doc[hi - 1].i not in ids):
        hi -= 1
    while lo < hi - 1 and (doc[lo].is_punct or doc[lo].is_space):
        lo += 1
    return lo, hi


def _as_phrase(tok: Token) -> bool:
    """An "as" phrase the parser hung on the verb: "described the dinner as a show" (as advmod/advcl)."""
    if tok.dep_ in {"advmod", "prep"} and tok.lower_ == "as":
        return True
    return tok.dep_ == "advcl" and tok.left_edge.lower_ == "as" and tok.left_edge.dep_ in {"advmod", "prep"}


def _subtree_ids(tok: Token) -> set[int]:
    return {t.i for t in tok.subtree}


def _trim(doc: Doc, ids: set[int]) -> set[int]:
    """Drop punctuation and spaces at the edges of each contiguous run."""
    out = set(ids)
    for i in sorted(ids):
        t = doc[i]
        if t.is_space or (t.is_punct and t.text in SKIP_EDGE and (i - 1 not in out or i + 1 not in out)):
            out.discard(i)
    # a second pass for what the first pass exposed
    for i in sorted(out):
        t = doc[i]
        if t.is_space or (t.is_punct and t.text in SKIP_EDGE and (i - 1 not in out or i + 1 not in out)):
            out.discard(i)
    return out


def _trim_edges(doc: Doc, ids: set[int]) -> set[int]:
    """Drop conjunctions and punctuation left at the two ends of a content."""
    out = set(ids)
    while out and (doc[max(out)].dep_ in {"cc", "punct", "mark"} or doc[max(out)].is_space):
        if doc[max(out)].text in {"”", '"', "’", "'"}:
            break
        out.discard(max(out))
    while out and (doc[min(out)].dep_ in {"cc", "punct"} or doc[min(out)].is_space):
        if doc[min(out)].text in {"“", '"', "‘", "'"}:
            break
        out.discard(min(out))
    return out


def _char_spans(doc: Doc, ids: set[int]) -> list[CharSpan]:
    spans: list[CharSpan] = []
    for i in sorted(ids):
        t = doc[i]
        s, e = t.idx, t.idx + len(t.text)
        if spans and (i - 1) in ids:
            spans[-1] = (spans[-1][0], e)
        else:
            spans.append((s, e))
    return spans


def _merge(spans: list[CharSpan], text: str) -> list[CharSpan]:
    """Sorted union of char spans; pieces separated by blanks only are joined."""
    out: list[CharSpan] = []
    for s, e in sorted(spans):
        if out and (s <= out[-1][1] or not text[out[-1][1] : s].strip()):
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def _alnum(text: str, spans: list[CharSpan]) -> int:
    return sum(1 for s, e in spans for ch in text[s:e] if ch.isalnum())


class _Finder:
    def __init__(self, analysis: Analysis, lex: SpeechLexicon) -> None:
        self.analysis = analysis
        self.doc = analysis.doc
        self.text = analysis.article.text
        self.lex = lex
        self.regions = find_quotations(self.text)
        self.sents: list[SpacySpan] = list(self.doc.sents)
        self.sent_of = [0] * len(self.doc)
        for k, s in enumerate(self.sents):
            for i in range(s.start, s.end):
                self.sent_of[i] = k
        self.para_of: list[int] = []
        para = 0
        last = 0
        for t in self.doc:
            para += self.text.count("\n", last, t.idx)
            last = t.idx
            self.para_of.append(para)
        self._quote_tokens = frozenset(
            i for i, t in enumerate(self.doc) if t.text in {'"', "“", "”", "''", "``", "‘", "’", "'"}
        )
        self.region_of_char: dict[int, int] = {}
        for r, (rs, re_) in enumerate(self.regions):
            for c in range(rs, re_):
                self.region_of_char[c] = r

    # -- helpers --
    def in_region(self, tok: Token) -> bool:
        return tok.idx in self.region_of_char

    def subject(self, tok: Token) -> Token | None:
        """The cue's subject; a cue without one ("..., adding that", "said A and said B") takes the
        subject of the nearest cue above it."""
        subj = next((c for c in tok.children if c.dep_ in SUBJ_DEPS), None)
        if subj is None and tok.dep_ == "acl" and tok.tag_ in {"VBG", "VBN"} and tok.head.pos_ in {"NOUN", "PROPN"}:
            return tok.head  # "a statement saying ...", "Democrats labeling her ..."
        if subj is not None or tok.dep_ not in {"conj", "xcomp", "advcl", "dep", "ccomp"}:
            return subj
        cur = tok
        for _ in range(4):
            if cur.head.i == cur.i or cur.dep_ in {"relcl", "acl"}:
                return None
            cur = cur.head
            if self.lex.cue_classes(cur) or cur.dep_ not in {"ccomp", "advcl", "xcomp", "conj"}:
                subj = next((c for c in cur.children if c.dep_ in SUBJ_DEPS), None)
                if subj is not None:
                    return subj
        return None

    def settled(self, tok: Token, content: set[int], trailing: bool = False) -> set[int]:
        """``content`` kept to ``tok``'s paragraph (with a narrator's trailing clause dropped when
        ``trailing``) and trimmed; empty when no word is left."""
        para = self.para_of[tok.i]
        kept = {i for i in content if self.para_of[i] == para and not self.doc[i].is_space}
        kept = _trim(self.doc, self._drop_trailing(kept) if trailing else kept)
        return kept if any(self.doc[i].is_alpha for i in kept) else set()

    # -- pass 2: cues and their contents --
    def candidates(self) -> list[Candidate]:
        out: list[Candidate] = []
        doc = self.doc
        for tok in doc:
            if self.in_region(tok):
                continue
            if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
                cand = self._according(tok)
            elif tok.lower_ == "in" and tok.dep_ == "prep":
                cand = self._in_source(tok)
            else:
                classes = self.lex.cue_classes(tok)
                if not classes and tok.pos_ == "VERB":
                    prt = next((c for c in tok.children if c.dep_ == "prt"), None)
                    if prt is not None and (self.lex.lemma(tok), prt.lower_) in self.lex.particles:
                        classes = {"speech"}
                cand = self._as_cue(tok, classes) if classes else None
                if cand is None and classes:
                    cand = self._passive_agent_cue(tok, classes)
                if cand is None and tok.pos_ == "VERB":
                    cand = self._prep_cue(tok) or self._idiom_cue(tok)
                if cand is None and classes:
                    cand = self._verb_cue(tok, classes)
                if cand is None and tok.pos_ == "NOUN" and tok.lemma_.lower() in self.lex.nouns:
                    cand = self._noun_cue(tok)
                if cand is None and tok.dep_ == "acomp":
                    cand = self._adjective_cue(tok)
                if cand is None and tok.dep_ == "advmod" and tok.lower_ in self.lex.hearsay_adverbs:
                    cand = self._hearsay_cue(tok)
            if cand is None and tok.text == ":":
                cand = self._headline_colon(tok)
            if cand is not None:
                cand.sent = self.sent_of[cand.head]
                out.append(cand)
        title = self.title_cue(out)
        if title is not None:
            title.sent = self.sent_of[title.head]
            out.append(title)
        return out

    def title_cue(self, taken: list[Candidate]) -> Candidate | None:
        """The article's title in title case, "Senator Roe Slams Budget Plan": the tagger reads such
        verbs as names, so the cue is found by its word form (a speech, writing, evaluation or intention
        verb of the lexicon): the words before it are the speaker, the rest of the title the content."""
        doc = self.doc
        title = [t for t in itertools.takewhile(lambda t: self.para_of[t.i] == 0, doc) if not t.is_space]
        words = [t for t in title if t.is_alpha]
        if not (3 <= len(words) <= 20) or sum(t.text[0].isupper() for t in words) < 0.8 * len(words):
            return None
        if any(c.cue and min(c.cue) <= title[-1].i for c in taken):
            return None  # the title already has a cue
        for k, tok in enumerate(title[1:-1], start=1):
            if not tok.is_alpha or not tok.text[0].isupper():
                continue
            low = tok.lower_
            lemmas = [low[: -len(end)] for end in ("es", "s") if low.endswith(end)] + [low]  # "Slams", "Praises"
            classes = next((self.lex.classes[w] for w in lemmas if w in self.lex.classes), set())
            if "quote_only" in classes or not classes & {"speech", "write", "evaluation", "intention"}:
                continue
            speaker = [t for t in title[:k] if not t.is_punct]
            content = _trim(doc, {t.i for t in title[k + 1 :]})
            if not speaker or not any(doc[i].is_alpha for i in content):
                return None
            return Candidate(
                cue=[tok.i],
                head=tok.i,
                content=content,
                speaker=(speaker[0].i, speaker[-1].i + 1),
                speaker_head=speaker[-1].i,
                confidence=0.6,
                how="title",
            )
        return None

    def _headline_colon(self, colon: Token) -> Candidate | None:
        """A name, a colon and what the named said, at the start of a paragraph: a headline ("Senator Roe:
        The Bill Will Pass", "Roe to voters: the bill will pass", "Report: ...") or a transcript turn
        ("ROE: We will ..."), whose content runs to the end of the paragraph."""
        doc = self.doc
        para = self.para_of[colon.i]
        lo = colon.i
        while lo > 0 and self.para_of[lo - 1] == para:
            lo -= 1
        hi = colon.i + 1
        while hi < len(doc) and self.para_of[hi] == para:
            hi += 1
        before = [t for t in doc[lo : colon.i] if not (t.is_punct or t.is_space)]
        after = [t for t in doc[colon.i + 1 : hi] if not (t.is_space or t.is_punct)]
        if not before or len(before) > 7 or len(after) < 3 or before[0].pos_ == "DET":
            return None
        to = next((k for k, t in enumerate(before) if t.lower_ == "to"), None)
        speaker = before if to is None else before[:to]
        if not speaker or any(t.pos_ in {"VERB", "AUX", "PRON", "ADP", "NUM", "SCONJ"} for t in speaker):
            return None
        if (len(speaker) == 1 and len(speaker[0].text) == 1) or any(t.lower_ in self.lex.colon_labels for t in speaker):
            return None  # "Q:", "A:" turns with no name; "Editor's note:", "Update:" labels
        capitalized = all(t.text[0].isupper() for t in speaker if t.is_alpha)
        named = (
            any(t.pos_ == "PROPN" for t in speaker)
            or (len(speaker) == 1 and speaker[0].lemma_.lower() in self.lex.source_nouns)
            or (capitalized and len(after) <= 30)  # a headline's name, whatever the tagger made of it
        )
        if not named:
            return None
        words = [t for t in after if t.is_alpha]
        titled = len(words) >= 3 and sum(t.text[0].isupper() for t in words) >= 0.6 * len(words)
        headline = para == 0 and len(after) <= 30  # the article's title: "Lynch: No outside influence on ..."
        if not (titled or headline or any(t.pos_ in {"VERB", "AUX"} for t in after)):
            return None
        if not all(t.is_upper for t in speaker if t.is_alpha):
            # a transcript turn ("ROE: ...") runs to the end of the paragraph, a headline to its sentence's
            hi = min(hi, self.sents[self.sent_of[colon.i + 1]].end) if colon.i + 1 < len(doc) else hi
        content = _trim(doc, {t.i for t in doc[colon.i + 1 : hi]})
        addressee = (before[to + 1].i, before[-1].i + 1) if to is not None and to + 1 < len(before) else None
        return Candidate(
            cue=[colon.i],
            head=colon.i,
            content=content,
            speaker=(speaker[0].i, speaker[-1].i + 1),
            speaker_head=speaker[-1].i,
            addressee=addressee,
            confidence=0.6,
            how="colon",
        )

    def _according(self, tok: Token) -> Candidate | None:
        to = self.doc[tok.i + 1]
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if pobj is None:
            return None
        head = tok.head
        while head.dep_ in {"aux", "auxpass"} and head.head.i != head.i:
            head = head.head  # the parser may hang the phrase on "was" in "the bridge was closed"
        phrase = _subtree_ids(tok) | {to.i}
        sent = self.sents[self.sent_of[tok.i]]
        words = [i for i in range(sent.start, sent.end) if not (self.doc[i].is_punct or self.doc[i].is_space)]
        at_edge = bool(words) and (min(phrase) <= words[0] or max(phrase) >= words[-1])
        if head.i == tok.i or head.i in phrase or at_edge:
            # "S, according to X." / "According to X, S": the whole sentence, wherever the parser hung it
            content = {i for i in range(sent.start, sent.end)} - phrase
        else:
            content = _subtree_ids(head) - phrase
        content = self.settled(tok, content)
        if not content:
            return None
        return Candidate(
            cue=[tok.i, to.i],
            head=tok.i,
            content=content,
            speaker=_np_range(pobj),
            speaker_head=pobj.i,
            confidence=0.8,
            how="according",
        )

    def _in_source(self, tok: Token) -> Candidate | None:
        """ "in the new poll, X leads": the poll (a ``source_nouns`` word) is the source, the clause the
        phrase modifies the content."""
        pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        head = tok.head
        if pobj is None or pobj.lemma_.lower() not in self.lex.source_nouns or head.i == tok.i:
            return None
        if head.pos_ not in {"VERB", "AUX"} or self.lex.cue_classes(head):
            return None
        if not any(c.dep_ in {"compound", "amod", "nmod", "poss"} for c in pobj.lefts):
            return None  # a named poll ("in a CNN poll"), not "rose in the polls"
        phrase = _subtree_ids(tok)
        content = self.settled(tok, _subtree_ids(head) - phrase)
        if not content or not any(c.dep_ in SUBJ_DEPS for c in head.children):
            return None
        return Candidate(
            cue=[tok.i],
            head=tok.i,
            content=content,
            speaker=_np_range(pobj),
            speaker_head=pobj.i,
            confidence=0.7,
            how="according",
        )

    def _passive_agent_cue(self, tok: Token, classes: set[str]) -> Candidate | None:
        """A passive with its "by" agent whose subject is what was said or backed: "the move was first
        reported by the Globe", "the bill is supported by | the unions" (content the subject, source the
        agent; the "by" goes with the cue)."""
        if tok.tag_ != "VBN" or "quote_only" in classes or not classes & {"speech", "write", "intention"}:
            return None
        patient = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
        agent = next((c for c in tok.children if c.dep_ == "agent" and c.i > tok.i), None)
        by = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None
        if patient is None or agent is None or by is None:
            return None
        if any(c.dep_ in CONTENT_CLAUSE_DEPS | {"xcomp"} for c in tok.children):
            return None
        if patient.lower_ in PERSON_PRONOUNS | REL_PRONOUNS | {"i", "we", "you", "it"}:
            return None
        content = self.settled(tok, set(range(*_np_range(patient))))
        if not content or self.para_of[by.i] != self.para_of[tok.i]:
            return None
        return Candidate(
            cue=[tok.i, agent.i],
            head=tok.i,
            content=content,
            speaker=_speaker_range(by),
            speaker_head=by.i,
            confidence=0.6,
            how="passive",
        )

    def _passive_cue(self, tok: Token) -> Candidate | None:
        """A passive judgement: "the state is seen as critical", "a state seen as critical", "she was
        called a liar by X": the patient and its complement are the content, the "by" agent the source."""
        doc = self.doc
        patient = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
        if any(c.dep_ == "dobj" for c in tok.children):
            return None
        if patient is not None and any(c.dep_ == "auxpass" for c in tok.children):
            lo, hi = _np_range(patient)
        elif tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.pos_ in {"NOUN", "PROPN"} and tok.head.i < tok.i:
            lo, hi = min(t.i for t in tok.head.subtree), tok.head.i + 1
        else:
            return None
        comp = [
            c
            for c in tok.children
            if c.i > tok.i and (c.dep_ in {"oprd", "attr", "xcomp", "acomp"} or (c.dep_ == "prep" and c.lower_ == "as"))
        ]
        if patient is None:  # "a state seen as critical", not "a group called X"
            comp = [c for c in comp if c.dep_ == "prep"]
        if not comp:
            return None
        content = set(range(lo, hi))
        for c in comp:
            content |= _subtree_ids(c)
        para = self.para_of[tok.i]
        content = _trim(doc, {i for i in content if self.para_of[i] == para})
        agent = next((c for c in tok.children if c.dep_ == "agent"), None)
        if agent is None:  # "called a liar by the governor", the by-phrase parsed into the complement
            agent = next((doc[i] for i in sorted(content) if doc[i].lower_ == "by" and doc[i].dep_ == "prep"), None)
            if agent is not None:
                content -= _subtree_ids(agent)
        by = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        return Candidate(
            cue=[tok.i],
            head=tok.i,
            content=content,
            speaker=_speaker_range(by) if by is not None else None,
            speaker_head=by.i if by is not None else None,
            confidence=0.6,
            how="passive",
        )

    def _verb_cue(self, tok: Token, classes: set[str]) -> Candidate | None:
        lex = self.lex
        if classes & {"evaluation", "regard"} and tok.tag_ == "VBN":
            passive = self._passive_cue(tok)
            if passive is not None:
                return passive
        lemma = lex.lemma(tok)
        content: set[int] = set()
        addressee: tuple[int, int] | None = None
        children = list(tok.children)
        cue_extra: list[int] = []
        how = ""
        clause_like = classes & {"speech", "write", "ask", "cognition", "evidence", "intention"}
        if clause_like:
            for c in children:
                if c.dep_ in CONTENT_CLAUSE_DEPS or (c.dep_ == "parataxis" and c.i > tok.i):
                    content |= _subtree_ids(c)
                    how = how or "clause"
        if classes & {"intention", "ask", "speech", "evaluation", "cognition"}:
            for c in children:
                if c.dep_ == "xcomp" and c.i > tok.i:
                    content |= _subtree_ids(c)
                    how = how or "xcomp"
        objects = [
            c
            for c in children
            if (c.i > tok.i and (c.dep_ in {"dobj", "dative"} or (c.dep_ == "intj" and c.lower_ in {"yes", "no"})))
            or (c.dep_ == "dobj" and c.lower_ in WH_OBJECTS)  # "what officials called a crime"
        ]
        if lemma in lex.addressee_verbs:
            for c in objects:
                if c.pos_ in {"PROPN", "PRON", "NOUN"} and not (content and c.i in content):
                    addressee = _np_range(c)
                    break
            objects = [o for o in objects if addressee is None or not (addressee[0] <= o.i < addressee[1])]
            if addressee is not None and how == "xcomp" and lemma in lex.object_control:
                content |= set(range(*addressee))  # "urged the party to act": the request is "the party to act"
        if classes & {"ask"} and not content:
            for c in children:
                if c.dep_ == "advcl" and c.i > tok.i and any(m.lower_ in {"if", "whether"} for m in c.children):
                    content |= _subtree_ids(c)
                    how = how or "clause"
        if classes & {"raising"}:
            # "the plan seems to work", "he appeared rattled": the subject and what is said of it
            subj_tok = next((c for c in children if c.dep_ in SUBJ_DEPS and c.i < tok.i), None)
            pred = [c for c in children if c.i > tok.i and c.dep_ in {"xcomp", "acomp", "attr", "oprd", "ccomp"}]
            pred += [c for c in children if c.i > tok.i and c.dep_ == "prep" and c.lower_ == "like"]
            if subj_tok is not None and pred and subj_tok.lower_ not in {"it", "there"}:
                for c in [subj_tok, *pred]:
                    content |= _subtree_ids(c)
                how = "raising"
        if objects and classes & {"regard"} and not content:
            # "voters see him as a fighter": the object with its "as" phrase or predicate
            heads = [tok, *objects]
            pred = [c for h in heads for c in h.children if c.i > tok.i and c.dep_ in {"oprd", "prep"}]
            pred = [c for c in pred if c.dep_ == "oprd" or c.lower_ == "as"]
            pred += [c for c in children if c.i > objects[-1].i and _as_phrase(c)]
            if pred:
                for c in objects + pred:
                    content |= _subtree_ids(c)
                how = "object"
        if not objects and not content and classes & {"evaluation"}:
            # "called both men “crazy”": the parser may read the object as part of the complement; the
            # content runs from the cue to the end of the last complement
            oprd = [c for c in children if c.i > tok.i and c.dep_ == "oprd"]
            if oprd:
                content = set(range(tok.i + 1, oprd[-1].right_edge.i + 1))
                how = "object"
        if objects and (
            classes & {"evaluation", "evidence", "write"} or (classes & {"speech", "intention"} and not content)
        ):
            for c in objects:
                content |= _subtree_ids(c)
                how = how or "object"
            for c in children:
                if c.i > objects[-1].i and _as_phrase(c):
                    content |= _subtree_ids(c)
            for c in children:
                if c.i > tok.i and c.dep_ in {"oprd", "acomp", "attr", "ccomp", "xcomp"}:
                    content |= _subtree_ids(c)
        if content or objects or classes & {"evaluation"}:
            for c in children:
                if (
                    c.dep_ == "prep"
                    and c.i > tok.i
                    and c.lower_ in lex.content_preps
                    and (classes & {"evaluation", "ask"} or (not content and c.lower_ in {"about", "of", "on"}))
                ):
                    content |= _subtree_ids(c)
                    how = how or "prep"
        if not content and not objects and classes & {"speech", "write", "ask", "cognition"}:
            for c in children:
                if c.dep_ == "prep" and c.i > tok.i and c.lower_ in {"about", "of", "on", "against", "with"}:
                    pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                    if pobj is not None and pobj.ent_type_ not in {"DATE", "TIME"}:
                        content |= _subtree_ids(c)
                        how = how or "prep"
        if content and clause_like and how == "clause" and min(content) > tok.i:
            # "X said that A, but B": a clause joined to the cue with a subject of its own (not after an
            # infinitive: in "X urged Y to A, and Z did B", B is the narrator's; not after a content that
            # comes first: in "“A,” she said, and soon B", B is the narrator's)
            last = max(content)
            for c in children:
                own_subject = any(
                    g.dep_ in SUBJ_DEPS or g.dep_ == "expl" or (g.dep_ == "mark" and g.lower_ == "that")
                    for g in c.children
                )
                if c.dep_ == "conj" and c.i > last and not self.lex.cue_classes(c) and own_subject:
                    content |= _subtree_ids(c)
        if content and how in {"xcomp", "object"}:
            content |= self._misattached_conjuncts(tok, content)
        if not content and classes & {"speech", "write"}:
            content = self._interrupted_clause(tok)
            how = "interrupted" if content else how
        content.discard(tok.i)
        if how == "prep" and content:
            # "talked about the deal", "voted for the bill": the preposition goes with the cue
            first = self.doc[min(content)]
            if first.dep_ == "prep" and first.head.i == tok.i and len(content) > 1:
                content.discard(first.i)
                cue_extra.append(first.i)
        para = self.para_of[tok.i]
        content = {i for i in content if self.para_of[i] == para}
        if how in {"clause", "xcomp", "object"}:
            content = self._drop_trailing(content)
        content = _trim(self.doc, content)
        subj = self.subject(tok)
        if subj is not None and self.para_of[subj.i] != para:
            subj = None
        if subj is not None and subj.i in content and how != "raising":
            return None
        speaker = _speaker_range(subj) if subj is not None else None
        if not any(self.doc[i].is_alpha for i in content):
            if not (classes & {"speech", "write"}) or subj is None:
                return None
            content = set()
        if subj is None and not content:
            return None
        if subj is None and tok.dep_ in {"amod", "compound", "acl", "nmod"}:
            return None
        if (lemma, how) in lex.blocked:
            return None
        cue = [tok.i, *cue_extra]
        prt = next((c for c in children if c.dep_ == "prt"), None)
        if prt is not None:
            cue.append(prt.i)
        return Candidate(
            cue=sorted(cue),
            head=tok.i,
            content=content,
            speaker=speaker,
            speaker_head=subj.i if subj is not None else None,
            addressee=addressee,
            confidence=0.8,
            quote_only="quote_only" in classes,
            how=how or "none",
        )

    def _as_cue(self, tok: Token, classes: set[str]) -> Candidate | None:
        """A cue in an "as" clause that frames the sentence: "As the Post reported, S", "As reported by
        X, S", "S, as experts have pointed out": the content is the clause it modifies."""
        if tok.dep_ != "advcl" or "quote_only" in classes or not classes & {"speech", "write", "cognition", "evidence"}:
            return None
        mark = next((c for c in tok.children if c.dep_ == "mark" and c.lower_ == "as" and c.i < tok.i), None)
        if mark is None or any(c.dep_ in CONTENT_CLAUSE_DEPS | {"dobj"} for c in tok.children):
            return None
        content = self.settled(tok, _subtree_ids(tok.head) - _subtree_ids(tok))
        if not content:
            return None
        subj = next((c for c in tok.children if c.dep_ in SUBJ_DEPS), None)
        if subj is None:
            agent = next((c for c in tok.children if c.dep_ == "agent"), None)
            subj = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None
        if subj is None or subj.lower_ in REL_PRONOUNS:
            return None
        cue = [tok.i] + [c.i for c in tok.children if c.dep_ == "prt"]
        return Candidate(
            cue=sorted(cue),
            head=tok.i,
            content=content,
            speaker=_speaker_range(subj),
            speaker_head=subj.i,
            how="as",
        )

    def _idiom_cue(self, tok: Token) -> Candidate | None:
        """A verb idiom with its content after a preposition or a that-clause: "took issue with | the plan",
        "made no mention of | the deal", "made it clear | that ..." (the lexicon's ``phrases: idiom``)."""
        entries = self.lex.idioms.get(self.lex.lemma(tok))
        if not entries:
            return None
        for word, link in entries:
            key = next((c for c in tok.children if c.i > tok.i and c.lemma_.lower() == word), None)
            if key is None:
                continue
            content: set[int] = set()
            end = key.i
            for holder in (key, tok):
                for c in holder.children:
                    if content or c.i <= key.i:
                        continue
                    if link == "that" and c.dep_ in {"ccomp", "advcl"}:
                        content = _subtree_ids(c)
                    elif c.dep_ == "prep" and c.lower_ == link:
                        content, end = _subtree_ids(c) - {c.i}, c.i
            subj = self.subject(tok)
            content = self.settled(tok, content, trailing=True)
            if subj is None or not content:
                return None
            return Candidate(
                cue=list(range(tok.i, end + 1)),
                head=tok.i,
                content=content,
                speaker=_speaker_range(subj),
                speaker_head=subj.i,
                how="idiom",
            )
        return None

    def _hearsay_cue(self, tok: Token) -> Candidate | None:
        """ "The senator reportedly met the donors": the clause is reported, by no one named."""
        head = tok.head
        if head.i == tok.i or head.pos_ not in {"VERB", "AUX"}:
            return None
        content = self.settled(tok, _subtree_ids(head) - {tok.i}, trailing=True)
        if not content:
            return None
        return Candidate(cue=[tok.i], head=tok.i, content=content, confidence=0.6, how="hearsay")

    def _adjective_cue(self, tok: Token) -> Candidate | None:
        """An attitude or impersonal adjective after a copula with a clause, infinitive or about/of phrase:
        "the senator is confident that ...", "voters are worried about ...", "it is unclear whether ..." (no
        source)."""
        lemma = tok.lower_
        attitude = lemma in self.lex.attitude_adjectives
        impersonal = lemma in self.lex.impersonal_adjectives
        if not (attitude or impersonal):
            return None
        verb = tok.head
        subj = next((c for c in verb.children if c.dep_ in SUBJ_DEPS or c.dep_ == "expl"), None)
        it = subj is not None and subj.lower_ == "it"
        if not ((impersonal and it) or (attitude and subj is not None and not it)):
            return None
        content: set[int] = set()
        cue = [tok.i] + ([verb.i] if verb.i < tok.i else [])
        for holder in (tok, verb):
            for c in holder.children:
                if c.i < tok.i or content:
                    continue
                if c.dep_ in {"ccomp", "xcomp"}:
                    content = _subtree_ids(c)
                elif attitude and not it and holder is tok and c.dep_ == "prep" and c.lower_ in {"about", "of", "with"}:
                    content = _subtree_ids(c) - {c.i}
                    cue.append(c.i)
        content = self.settled(tok, content, trailing=True)
        if not content:
            return None
        speaker = _speaker_range(subj) if subj is not None and not it else None
        return Candidate(
            cue=sorted(cue),
            head=tok.i,
            content=content,
            speaker=speaker,
            speaker_head=subj.i if speaker is not None and subj is not None else None,
            how="adjective",
        )

    def _prep_cue(self, tok: Token) -> Candidate | None:
        """A verb-preposition cue whose object is the content: "pointed to the record", "called for
        talks", "called for the state to act" (a "for" clause), "railed against the deal"."""
        lemma = self.lex.lemma(tok)
        for c in tok.children:
            if c.i < tok.i:
                continue
            if c.dep_ == "prep" and (lemma, c.lower_) in self.lex.prep_cues:
                obj = next((g for g in c.children if g.dep_ in {"pobj", "pcomp"}), None)
                if obj is None or obj.ent_type_ in {"DATE", "TIME"}:
                    continue
                prep = c.i
                content = _subtree_ids(c) - {prep}
                after = next((x for x in tok.children if x.dep_ == "xcomp" and x.i == c.right_edge.i + 2), None)
                if c.lower_ == "for" and after is not None:
                    content |= _subtree_ids(after)  # "called for the agency | to release ..." parsed apart
            elif c.dep_ == "advcl" and (lemma, "for") in self.lex.prep_cues:
                mark = next((g for g in c.children if g.dep_ == "mark" and g.lower_ == "for"), None)
                if mark is None:
                    continue
                prep = mark.i
                content = _subtree_ids(c) - {prep}
            else:
                continue
            content = self.settled(tok, content, trailing=True)
            subj = self.subject(tok)
            if not content or subj is None or self.para_of[subj.i] != self.para_of[tok.i] or subj.i in content:
                return None
            return Candidate(
                cue=sorted({tok.i, prep}),
                head=tok.i,
                content=content,
                speaker=_speaker_range(subj),
                speaker_head=subj.i,
                how="prep",
            )
        return None

    def _misattached_conjuncts(self, tok: Token, content: set[int]) -> set[int]:
        """Verbs the parser joined to the cue that go on with an infinitive or gerund content.

        In "she wants to raise taxes, cut spending and ..." or "he mentioned raising taxes and cutting
        spending", the parser often hangs "cut" / "cutting" on the cue itself; a conjunct without a subject
        of its own, in the content's verb form and not the cue's, continues the content.
        """
        doc = self.doc
        first = doc[min(content)]
        lead = next((t for t in doc[first.i : max(content) + 1] if t.pos_ == "VERB" or t.tag_ == "VBG"), None)
        if lead is None or lead.tag_ not in {"VB", "VBG"} or lead.tag_ == tok.tag_:
            return set()
        added: set[int] = set()
        last = max(content)
        for c in tok.children:
            if c.dep_ != "conj" or c.i <= last or c.tag_ != lead.tag_:
                continue
            if any(g.dep_ in SUBJ_DEPS or g.dep_ in {"aux", "auxpass", "neg"} for g in c.subtree if g.head.i == c.i):
                break
            if any(g.dep_ in SUBJ_DEPS and g.head.dep_ == "conj" for g in c.subtree):
                break
            between = range(last + 1, c.left_edge.i)
            if any(not (doc[i].is_punct or doc[i].dep_ == "cc") for i in between):
                break
            added |= set(between) | _subtree_ids(c)
            last = max(added)
        return added

    def _drop_trailing(self, content: set[int]) -> set[int]:
        """Drop a narrator's clause trailing a content after a comma.

        A non-restrictive relative clause ("..., which forced X"), a contrast ("..., while others want
        Y") or a participle clause ("..., sparking a debate") at the end of a content is the narrator's
        comment on it, not part of what was said.
        """
        if not content:
            return content
        doc = self.doc
        last = max(content)
        for i in sorted(content):
            t = doc[i]
            if t.dep_ not in {"relcl", "advcl", "acl"} or t.head.i not in content or self.in_region(t):
                continue
            left = t.left_edge.i
            if left <= min(content) or doc[left - 1].text != "," or t.right_edge.i < last:
                continue
            first = doc[left]
            drop = (
                (t.dep_ == "relcl" and first.lower_ in {"which", "who", "whose", "where"})
                or (t.dep_ == "advcl" and first.lower_ in {"while", "whereas"})
                or (t.dep_ in {"advcl", "acl"} and t.tag_ == "VBG" and first.i == t.i)
            )
            if drop:
                return {j for j in content if j < left - 1}
        return content

    def _noun_cue(self, tok: Token) -> Candidate | None:
        """A statement noun with its holder and what it is about: "the senator's criticism of the deal",
        "a claim by the ministry that ...", "her support for the bill"."""
        holder = next((c for c in tok.children if c.dep_ == "poss"), None)
        content: set[int] = set()
        cue = [tok.i]
        for c in tok.children:
            if c.i < tok.i:
                continue
            if c.dep_ == "prep" and c.lower_ == "by" and holder is None:
                holder = next((g for g in c.children if g.dep_ == "pobj"), None)
            elif c.dep_ == "prep" and c.lower_ in {"of", "for", "on", "about", "against", "to", "over"}:
                if not content and len(list(c.subtree)) > 1:
                    content |= _subtree_ids(c) - {c.i}  # "support for | the bill": the preposition is the cue's
                    cue.append(c.i)
            elif c.dep_ in NOUN_CLAUSE_DEPS and any(g.lower_ == "that" and g.dep_ == "mark" for g in c.children):
                content |= _subtree_ids(c)
            elif not content and c.dep_ == "acl" and c.tag_ == "VB" and any(g.lower_ == "to" for g in c.children):
                content |= _subtree_ids(c)  # "his promise to build a wall", "the decision to leave"
        if holder is None:
            # "a White House statement that ...", "the Trump campaign's claim": a name compounded to the noun
            names = [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
            holder = names[-1] if names else None
        if holder is None:
            # "endorsements from the unions", "opposition from the homeowners"
            src = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "from" and c.i > tok.i), None)
            obj = next((g for g in src.children if g.dep_ == "pobj"), None) if src is not None else None
            if obj is not None and (obj.pos_ == "PROPN" or obj.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"}):
                holder = obj
        if holder is None and tok.dep_ == "dobj" and self.lex.lemma(tok.head) in self.lex.light_verbs:
            holder = self.subject(tok.head)  # "she made the case that ...", "he voiced his concern about ..."
        if not content or (holder is None and tok.lemma_.lower() not in self.lex.holderless_nouns):
            return None
        content = self.settled(tok, content)
        if not content:
            return None
        speaker: tuple[int, int] | None = None
        if holder is not None:
            speaker = _speaker_range(holder)
            if speaker[0] <= tok.i < speaker[1]:
                speaker = (speaker[0], tok.i) if speaker[0] < tok.i else (holder.i, holder.i + 1)
        return Candidate(
            cue=cue,
            head=tok.i,
            content=content,
            speaker=speaker,
            speaker_head=holder.i if holder is not None else None,
            confidence=0.7,
            how="noun",
        )

    def _interrupted_clause(self, tok: Token) -> set[int]:
        """For a parenthetical cue ("X, he said, Y" or "Y, he said."), the clause around it."""
        subj = next((c for c in tok.children if c.dep_ in SUBJ_DEPS), None)
        if subj is None:
            return set()  # a parenthetical cue names its speaker: "..., he said"
        # a clause or phrase the parser hung on the cue before its subject belongs to the content:
        # "If the plan fails, Mr. Roe argues, there are other tools"
        lead: set[int] = set()
        for c in tok.children:
            if c.i < subj.i and c.dep_ == "advcl":
                lead |= _subtree_ids(c)
        own = _subtree_ids(tok) - lead
        words = [i for i in own if not (self.doc[i].is_punct or self.doc[i].is_space)]
        lo = min(words) if words else tok.i
        head = tok.head
        if tok.dep_ == "parataxis" or (tok.dep_ in {"ccomp", "advcl", "conj"} and tok.i > head.i):
            before = self.doc[lo - 1] if lo > 0 else None
            if before is not None and (before.is_punct or before.i in self._quote_tokens):
                return (_subtree_ids(head) - own) | lead
            return set()
        if tok.dep_ == "ROOT":
            sent = self.sents[self.sent_of[tok.i]]
            if lo > sent.start:
                before = self.doc[lo - 1]
                if before.is_punct:
                    return {i for i in range(sent.start, lo)}
        return set()

    # -- pass 3: regions --
    def link_regions(self, cands: list[Candidate]) -> list[Candidate]:
        text = self.text
        region_owner: dict[int, Candidate] = {}
        for cand in cands:
            spans = _char_spans(self.doc, cand.content)
            touched = sorted(
                {
                    r
                    for s, e in spans
                    for r, (rs, re_) in enumerate(self.regions)
                    if s < re_ and rs < e and _alnum(text, [(max(s, rs), min(e, re_))]) > 0
                }
            )
            touched = [r for r in touched if r not in region_owner or region_owner[r].nested]
            for r in touched:
                region_owner[r] = cand
            cand.regions = [self.regions[r] for r in touched]
            if cand.regions and not self._outside_alnum(spans, cand.regions):
                cand.kind = "direct"
                cand.spans = _merge(list(cand.regions), text)
                cand.confidence = 0.9
            elif cand.regions:
                cand.kind = "mixed"
                cand.spans = _merge(spans + cand.regions, text)
            else:
                cand.kind = "indirect"
                cand.spans = spans

        # regions no cue reached
        for cand in cands:
            if cand.quote_only and cand.kind == "indirect":
                cand.spans, cand.content = [], set()
        quotes = [c for c in cands if c.spans or c.regions]
        empty_cues = [c for c in cands if not c.spans and c.speaker is not None]
        for r, (rs, re_) in enumerate(self.regions):
            if r in region_owner:
                continue
            if _alnum(text, [(rs, re_)]) == 0:
                continue
            cue = self._adjacent_empty_cue(empty_cues, rs, re_)
            if cue is not None:
                cue.regions = [(rs, re_)]
                cue.spans = [(rs, re_)]
                cue.kind = "direct"
                cue.confidence = 0.85
                region_owner[r] = cue
                quotes.append(cue)
                empty_cues.remove(cue)
                continue
            prev = self._continuing_quote(quotes, rs)
            if prev is not None:
                prev.regions.append((rs, re_))
                prev.spans = _merge([*prev.spans, (rs, re_)], text)
                region_owner[r] = prev
                continue
            if not self._lone_quote(rs, re_):
                continue  # a title, a name or a scare-quoted phrase
            tok = self.doc.char_span(rs, re_, alignment_mode="expand")
            head = tok[0].i if tok is not None and len(tok) else 0
            lone = Candidate(cue=[], head=head, content=set(), regions=[(rs, re_)], spans=[(rs, re_)])
            lone.kind = "direct"
            lone.confidence = 0.6
            self._colon_intro(lone, rs)
            lone.sent = self.sent_of[head] if head < len(self.sent_of) else 0
            region_owner[r] = lone
            quotes.append(lone)
        quotes.sort(key=lambda c: c.start)
        return quotes

    def _outside_alnum(self, spans: list[CharSpan], regions: list[CharSpan]) -> bool:
        text = self.text
        for s, e in spans:
            for i in range(s, e):
                if text[i].isalnum() and not any(rs <= i < re_ for rs, re_ in regions):
                    return True
        return False

    def _continuing_quote(self, quotes: list[Candidate], pos: int) -> Candidate | None:
        """The quote that a quotation starting at ``pos`` goes on with: the one just before it, or one a
        little further back whose cue clause holds the quotes in between ("“A,” said X, who said B. “C.”")."""
        before = sorted((q for q in quotes if q.spans and q.spans[-1][1] <= pos), key=lambda q: -q.spans[-1][1])
        for q in before[:3]:
            if q.regions and self._continues(q, pos):
                return q
            if not q.cue:
                break
        return None

    def _continues(self, prev: Candidate, pos: int) -> bool:
        """Whether a quotation starting at ``pos`` goes on with ``prev``: only blanks, or the rest of
        ``prev``'s cue clause, lie between them."""
        end = prev.spans[-1][1]
        gap = self.text[end:pos]
        if gap.count("\n") > 2:
            return False
        if not re.search(r"\w", gap):
            return prev.kind == "direct" or not re.search(r"\w", self.text[prev.regions[-1][1] : end])
        # a direct quote, or a mixed one ending in its quotation ("X is “...,” she said. “...”")
        ends_quoted = prev.kind == "mixed" and bool(prev.regions) and prev.regions[-1][1] >= end - 1
        if not prev.cue or not (prev.kind == "direct" or ends_quoted):
            return False
        if "\n" in gap:
            # the next paragraph goes on with the quotation: only the cue clause ends the previous one
            head_gap = gap[: gap.index("\n")]
            if gap[gap.index("\n") :].strip() or not starts_paragraph(self.text, pos):
                return False
            gap_end = end + len(head_gap)
        else:
            gap_end = pos
        clause = set(prev.cue)
        if prev.speaker is not None:
            clause |= set(range(*prev.speaker))
        clause |= {t.i for t in self.doc[prev.head].subtree} - prev.content
        span = self.doc.char_span(end, gap_end, alignment_mode="expand")
        if span is None:
            return False
        return all(t.i in clause or t.is_punct or t.is_space for t in span if t.idx >= end and t.idx < gap_end)

    def _colon_intro(self, lone: Candidate, rs: int) -> None:
        """A quotation after "X's statement read:" or "She put it this way:" belongs to that subject."""
        before = self.text[:rs].rstrip()
        if not before.endswith(":"):
            return
        colon = self.doc.char_span(len(before) - 1, len(before), alignment_mode="expand")
        if colon is None or not len(colon):
            return
        verb = colon[0].head
        if verb.pos_ not in {"VERB", "AUX"}:
            return
        subj = next((c for c in verb.children if c.dep_ in SUBJ_DEPS), None) or self.subject(verb)
        if subj is None or subj.i >= colon[0].i:
            return
        lone.speaker = _speaker_range(subj)
        lone.speaker_head = subj.i
        lone.cue = [verb.i]
        lone.head = verb.i
        lone.confidence = 0.75

    def _lone_quote(self, rs: int, re_: int) -> bool:
        """Whether a quotation no cue reached reads as a statement of its own: it opens a sentence
        (or follows a colon), has a verb, and is not a title in capitals."""
        span = self.doc.char_span(rs, re_, alignment_mode="expand")
        if span is None or not len(span):
            return False
        words = [t for t in span if t.is_alpha]
        if len(words) < 3:
            return False
        caps = sum(1 for t in words if t.text[0].isupper())
        if caps >= 0.6 * len(words) and len(words) > 1:
            return False
        if any(t.pos_ in {"VERB", "AUX"} for t in span):
            return True
        first = span[0]
        before = self.text[para_start(self.text, rs) : rs].rstrip()
        opens = first.is_sent_start or not before or before.endswith((":", ".", "?", "!"))
        if not opens and first.i > 0:
            prev = self.doc[first.i - 1]
            opens = bool(prev.is_sent_start) and prev.is_punct
        return bool(opens)

    def _whole_sentence(self, rs: int, re_: int) -> bool:
        span = self.doc.char_span(rs, re_, alignment_mode="expand")
        if span is None or not len(span):
            return False
        sent = self.sents[self.sent_of[span[0].i]]
        inner = [t for t in sent if not (t.is_punct or t.is_space)]
        return bool(inner) and inner[0].idx >= rs and inner[-1].idx < re_

    def _adjacent_empty_cue(self, cues: list[Candidate], rs: int, re_: int) -> Candidate | None:
        text = self.text
        for cue in cues:
            toks = [cue.head, *(range(*cue.speaker) if cue.speaker else [])]
            cs = min(self.doc[i].idx for i in toks)
            ce = max(self.doc[i].idx + len(self.doc[i]) for i in toks)
            if ce <= rs:
                gap = text[ce:rs]
            elif cs >= re_:
                gap = text[re_:cs]
            else:
                continue
            if len(gap) <= 40 and not re.search(r"[A-Za-z]{4,}", gap) and "\n" not in gap:
                return cue
        return None

    # -- pass 4: nesting, speakers --
    def nest(self, cands: list[Candidate]) -> list[Candidate]:
        """Settle cues that lie inside another cue's content.

        A reported speech cue with a named subject inside a speech cue's content is the quote, reported
        by the outer speaker ("the spokesman said that the president stressed ..."); a cue whose subject
        is a pronoun, or any other cue inside the content (a coordinated clause, a relative clause), stays
        part of the outer content ("X said he believes ..."; "X said A and that Y thinks B"): like the
        attribution corpora, only the outermost attribution is a quote of its own.
        """
        doc = self.doc
        for inner in sorted(cands, key=lambda c: -len(c.content)):
            if not inner.cue or inner.dropped:
                continue
            outer: Candidate | None = None
            for cand in cands:
                if cand is inner or not cand.cue or cand.dropped or cand.quote_only:
                    continue  # (a quote-only cue keeps nothing but a quotation: it does not hold other cues)
                if inner.head in cand.content and (outer is None or len(cand.content) < len(outer.content)):
                    outer = cand
            if outer is None:
                continue
            head = doc[inner.head]
            if inner.quote_only:
                inner.dropped = True
                continue
            clause = set(inner.content) | set(inner.cue)
            if inner.speaker is not None:
                clause |= set(range(*inner.speaker))
            first = doc[min(clause)] if clause else head
            coordinated = head.dep_ == "conj" or (
                first.i > 0 and (doc[first.i - 1].dep_ == "cc" or doc[first.i - 1].text in {";", "—"})
            )
            side = head.dep_ in {"relcl", "advcl", "acl", "parataxis"}
            if head.dep_ == "conj" and self._second_act(outer, inner):
                continue  # "X said A, and called B a ...": B's cue is the speaker's own second act
            if head.dep_ == "advcl" and self._trailing_act(outer, inner):
                continue  # "X claimed A, although he refused to B": the refusal is an attribution of its own
            if not coordinated and not side and self._reporting(outer, inner) and not _reaches(outer, inner):
                inner.parent = outer
                outer.nested = True
                if not any(doc[i].is_alpha for i in inner.content):
                    # "X pointed out, <clause>, the spokesman said": the clause hangs off the outer cue
                    last = max(inner.cue)
                    inner.content = _trim_edges(doc, _trim(doc, {i for i in outer.content if i > last}))
                continue
            inner.dropped = True
        self._coordinated_reports(cands)
        return [c for c in cands if not c.dropped]

    def _coordinated_reports(self, cands: list[Candidate]) -> None:
        """A speech cue joined to a reported cue without a subject of its own is a second report of the same
        speaker: "X says Y promised A and said B" gives B to Y, reported by X, as A."""
        doc = self.doc
        by_head = {c.head: c for c in cands if c.parent is not None and not c.dropped}
        for cand in cands:
            head = doc[cand.head]
            first = by_head.get(head.head.i)
            if not cand.dropped or head.dep_ != "conj" or first is None or head.i < first.head:
                continue
            if any(c.dep_ in SUBJ_DEPS for c in head.children) or not self.lex.cue_classes(head) & {"speech"}:
                continue
            if not any(doc[i].is_alpha for i in cand.content):
                continue
            cand.dropped = False
            cand.parent = first.parent
            cand.speaker, cand.speaker_head = first.speaker, first.speaker_head
            first.content -= set(cand.content) | {head.i} | set(cand.cue)
            first.content = _trim(doc, {i for i in first.content if i < head.left_edge.i})

    def _trailing_act(self, outer: Candidate, inner: Candidate) -> bool:
        """Whether ``inner`` heads an adverbial clause that ends ``outer``'s content after a comma ("..., although
        he refused to pledge ...", "..., as he issued a statement ..."): the clause is the narrator's, its cue
        an attribution of its own. If so, the clause leaves the outer content."""
        doc = self.doc
        head = doc[inner.head]
        left = head.left_edge.i
        if left < 1 or doc[left - 1].text != "," or head.right_edge.i < max(outer.content):
            return False
        if not any(c.dep_ in SUBJ_DEPS for c in head.children) or min(outer.content) >= left - 1:
            return False
        rest = {i for i in outer.content if i < left - 1}
        if not any(doc[i].is_alpha for i in rest):
            return False
        outer.content = _trim(doc, rest)
        return True

    def _second_act(self, outer: Candidate, inner: Candidate) -> bool:
        """Whether ``inner`` is a second cue of ``outer``'s speaker that the parser hung inside the content
        ("she said the plan would fail, and called it a ..."): a conjunct cue without a subject of its own,
        in the outer cue's verb form, after a comma and a conjunction. If so, its clause leaves the outer
        content and ``inner`` stays a quote of its own."""
        doc = self.doc
        head, cue = doc[inner.head], doc[outer.head]
        if outer.how != "clause" or head.tag_ != cue.tag_ or head.i < cue.i:
            return False
        if any(c.dep_ in SUBJ_DEPS for c in head.children):
            return False
        left = head.left_edge.i
        cc = left - 1
        if cc < 1 or doc[cc].dep_ != "cc":
            return False
        cut = _subtree_ids(head) | {cc} | ({cc - 1} if doc[cc - 1].is_punct else set())
        rest = set(outer.content) - cut
        if not any(doc[i].is_alpha for i in rest) or any(i > max(cut) for i in rest):
            return False
        outer.content = _trim(doc, rest)
        return True

    def unnested(self, quotes: list[Candidate]) -> list[Candidate]:
        return [q for q in quotes if not q.nested]

    def _reporting(self, outer: Candidate, inner: Candidate) -> bool:
        lex = self.lex
        o_cls = lex.cue_classes(self.doc[outer.head])
        i_cls = lex.cue_classes(self.doc[inner.head]) or {"speech"}
        if not o_cls & {"speech", "write"} and self.doc[outer.head].lower_ != "according":
            return False
        if not i_cls & {"speech", "write"}:
            return False
        if inner.speaker_head is None or outer.speaker_head is None:
            return False
        subject = self.doc[inner.speaker_head]
        if subject.lower_ in PERSON_PRONOUNS | REL_PRONOUNS or not self._named(inner.speaker):
            return False
        return _reported_clause(self.doc[inner.head], self.doc[outer.head])

    def _named(self, rng: tuple[int, int] | None) -> bool:
        """Whether a speaker range names someone: a proper noun, a named entity or a coded actor."""
        if rng is None:
            return False
        lo, hi = rng
        if any(self.doc[i].pos_ == "PROPN" or self.doc[i].ent_type_ for i in range(lo, hi)):
            return True
        start, end = self.doc[lo].idx, self.doc[hi - 1].idx + len(self.doc[hi - 1])
        return any(a.start < end and start < a.end and a.code for a in self.analysis.actors)


_REPORT_LINKS = {"ccomp", "conj", "parataxis"}


def _reported_clause(inner: Token, outer: Token) -> bool:
    """Whether ``inner`` heads the clause ``outer`` reports: its complement (through clauses joined to
    it), or the clause that ``outer`` interrupts or modifies ("X, the spokesman said, stressed ...",
    "according to Y, X stressed ..."). A cue deeper in the content (in an adverbial, relative or
    infinitive clause: "says he is trying to persuade the mills to agree ...") is not a report."""
    if outer.sent != inner.sent or inner.is_ancestor(outer):
        return True
    tok = inner
    while tok.head.i != tok.i and tok.i != outer.i:
        if tok.dep_ not in _REPORT_LINKS:
            return False
        tok = tok.head
    return tok.i == outer.i


def _reaches(cand: Candidate, target: Candidate) -> bool:
    """Whether ``target`` is ``cand`` or one of its reporters (a parent link to it would make a cycle)."""
    cur: Candidate | None = cand
    while cur is not None:
        if cur is target:
            return True
        cur = cur.parent
    return False


# -- actors ------------------------------------------------------------------------------------------


def actor_lookup() -> Any:
    """The actor stage's ``actor_for_span`` (codes a span as an actor), or None without that stage."""
    try:
        module = importlib.import_module("corridor.stages.actors")
    except Exception:  # the actor stage is optional
        return None
    return getattr(module, "actor_for_span", None)


def entity_name(ents: Sequence[SpacySpan], lo: int, hi: int) -> str | None:
    """The text of the first person entity inside tokens [lo, hi), else of an organization or place."""
    for labels in ({"PERSON"}, {"ORG", "GPE", "NORP"}):
        for ent in ents:
            if ent.start >= lo and ent.end <= hi and ent.label_ in labels:
                return str(ent.text)
    return None


def lookup_actor(analysis: Analysis, start: int, end: int, lookup: Any) -> Actor | None:
    """The actor stage's actor for the characters [start, end), as it stands; None when uncoded."""
    if lookup is None:
        return None
    try:
        actor = lookup(analysis, start, end)
    except Exception:  # an unfinished actor stage must not stop quoting
        return None
    return actor if isinstance(actor, Actor) else None


def coded_speaker(analysis: Analysis, lo: int, hi: int, lookup: Any, ents: Sequence[SpacySpan]) -> Actor | None:
    """The actor stage's actor for tokens [lo, hi) (``lookup`` is :func:`actor_lookup`'s result), anchored on
    that span and named after its entity when the actor has no name; None when the span is not coded."""
    span = analysis.doc[lo:hi]
    coded = lookup_actor(analysis, span.start_char, span.end_char, lookup)
    if coded is None:
        return None
    a = copy.copy(coded)
    a.text, a.start, a.end = span.text, span.start_char, span.end_char
    if not a.name:
        a.name = entity_name(ents, lo, hi) or coded.text
    return a


def unresolved_speaker(analysis: Analysis, lo: int, hi: int, ents: Sequence[SpacySpan]) -> Actor:
    """An uncoded actor for tokens [lo, hi), named after its entity where it has one."""
    span = analysis.doc[lo:hi]
    return Actor(
        text=span.text,
        start=span.start_char,
        end=span.end_char,
        code="",
        name=entity_name(ents, lo, hi),
        resolved_by="unresolved",
        confidence=0.3,
    )


class _Speakers:
    """Speaker, reporter and addressee actors, with a small fallback coreference for pronouns."""

    def __init__(self, analysis: Analysis, finder: _Finder) -> None:
        self.analysis = analysis
        self.doc = analysis.doc
        self.ents: list[SpacySpan] = list(analysis.doc.ents)
        self.finder = finder
        self.lookup = actor_lookup()
        # (token index, actor, the reporters of its quote, whether it was a reporter itself)
        self.history: list[tuple[int, Actor, list[Actor], bool]] = []

    def remember(self, cand: Candidate, actor: Actor | None, reported: list[Actor], reporter: bool) -> None:
        if actor is not None and cand.speaker is not None:
            self.history.append((cand.speaker[0], actor, list(reported), reporter))

    def _coded(self, lo: int, hi: int) -> Actor | None:
        return coded_speaker(self.analysis, lo, hi, self.lookup, self.ents)

    def actor(self, lo: int, hi: int) -> Actor:
        """The actor for the token range [lo, hi): coded when the actor stage knows it."""
        return self._coded(lo, hi) or unresolved_speaker(self.analysis, lo, hi, self.ents)

    def _is_pronoun(self, lo: int, hi: int) -> bool:
        return hi - lo == 1 and self.doc[lo].lower_ in PERSON_PRONOUNS | REL_PRONOUNS

    def speaker(self, cand: Candidate) -> tuple[Actor | None, list[Actor]]:
        """The speaker of ``cand`` and the reporters inherited through its antecedent, if any."""
        if cand.speaker is None:
            return None, []
        lo, hi = cand.speaker
        if not self._is_pronoun(lo, hi):
            return self.actor(lo, hi), []
        tok = self.doc[lo]
        ante: Actor | None = None
        inherited: list[Actor] = []
        if tok.lower_ in REL_PRONOUNS:
            verb = self.doc[cand.head]
            while verb.dep_ not in {"relcl", "ROOT"} and verb.head.i != verb.i:
                verb = verb.head
            if verb.dep_ == "relcl":
                ante = self.actor(*_np_range_head(verb.head))
        if ante is None:
            ante, inherited = self._antecedent(tok)
        if ante is None:
            coded = lookup_actor(self.analysis, tok.idx, tok.idx + len(tok.text), self.lookup)
            if coded is not None:
                ante = coded
        if ante is None:
            return self.actor(lo, hi), []
        a = copy.copy(ante)
        a.text, a.start, a.end = tok.text, tok.idx, tok.idx + len(tok.text)
        a.name = ante.name or ante.text
        a.resolved_by = "coreference"
        a.confidence = min(ante.confidence, 0.7) if ante.code else 0.3
        return a, inherited

    def _antecedent(self, tok: Token) -> tuple[Actor | None, list[Actor]]:
        sent_k = self.finder.sent_of[tok.i]
        near = sorted(
            (h for h in self.history if h[0] < tok.i and sent_k - self.finder.sent_of[h[0]] <= 4),
            key=lambda h: h[0],
        )
        plural = tok.lower_ in {"they", "them"}
        for want_reporter in (False, True):  # speakers before reporters: "The deal, he said, ..."
            for _, actor, reps, reporter in reversed(near):
                if reporter != want_reporter:
                    continue
                if plural or actor.text.lower() not in {"they", "them"}:
                    return actor, reps
        for ent in reversed(self.ents):
            if ent.label_ != "PERSON" or ent.start >= tok.i:
                continue
            if sent_k - self.finder.sent_of[ent.start] > 4:
                break
            return self.actor(ent.start, ent.end), []
        return None, []


def _np_range_head(tok: Token) -> tuple[int, int]:
    """The noun phrase of ``tok`` without its relative clause and appositions."""
    lo = tok.i
    for c in tok.lefts:
        lo = min(lo, min(t.i for t in c.subtree))
    hi = tok.i + 1
    for c in tok.rights:
        if c.dep_ in {"relcl", "appos", "punct", "acl", "prep"}:
            break
        hi = max(hi, max(t.i for t in c.subtree) + 1)
    return lo, hi


# -- the stage ---------------------------------------------------------------------------------------


@register_stage("quotes")
class QuoteStage:
    """Find quotations and attribute them (see the module doc)."""

    name: ClassVar[str] = "quotes"

    def __init__(self, config: PipelineConfig) -> None:
        self.config = config
        self.lexicon = load_lexicon(config.options.get("speech_lexicon"))

    def __call__(self, analysis: Analysis) -> None:
        analysis.quotes.extend(extract_quotes(analysis, self.lexicon))


def extract_quotes(analysis: Analysis, lexicon: SpeechLexicon | None = None) -> list[Quote]:
    """The quotations of one analysed article, in text order."""
    lex = lexicon or load_lexicon()
    finder = _Finder(analysis, lex)
    cands = finder.nest(finder.candidates())
    quotes = finder.unnested(finder.link_regions(cands))
    speakers = _Speakers(analysis, finder)
    text = finder.text
    out: list[Quote] = []
    last: tuple[Actor | None, list[Actor]] = (None, [])
    for cand in quotes:
        if not cand.spans or _alnum(text, cand.spans) == 0:
            continue
        speaker, inherited = speakers.speaker(cand) if cand.speaker else (None, [])
        reported: list[Actor] = []
        parent = cand.parent
        seen = {id(cand)}
        while parent is not None and id(parent) not in seen:
            seen.add(id(parent))
            rep, rep_inherited = speakers.speaker(parent) if parent.speaker else (None, [])
            if rep is not None:
                reported.append(rep)
                speakers.remember(parent, rep, rep_inherited, reporter=True)
            reported.extend(rep_inherited)
            parent = parent.parent
        if not reported:
            reported = list(inherited)
        speakers.remember(cand, speaker, reported, reporter=False)
        if speaker is None and not cand.cue:
            speaker, reported = last[0], list(last[1])
            if speaker is not None:
                cand.confidence = 0.6
        cue_span = None
        if cand.cue:
            cs = min(analysis.doc[i].idx for i in cand.cue)
            ce = max(analysis.doc[i].idx + len(analysis.doc[i].text) for i in cand.cue)
            cue_span = Span(text=text[cs:ce], start=cs, end=ce)
        addressee = speakers.actor(*cand.addressee) if cand.addressee else _call_partner(finder, speakers, cand)
        spans = [(s, e) for s, e in cand.spans]
        out.append(
            Quote(
                kind=cand.kind,
                text=" … ".join(text[s:e] for s, e in spans),
                spans=spans,
                cue=cue_span,
                speaker=speaker,
                reported_by=reported,
                addressee=addressee,
                date=_quote_date(analysis, finder, cand),
                confidence=cand.confidence,
            )
        )
        if speaker is not None:
            last = (speaker, reported)
    return out


def _call_partner(finder: _Finder, speakers: _Speakers, cand: Candidate) -> Actor | None:
    """Y in "in a call with Y" (or a meeting, talks ...) in the cue's sentence."""
    if not cand.cue:
        return None
    sent = finder.sents[finder.sent_of[cand.head]]
    for tok in sent:
        if tok.lemma_.lower() in finder.lex.addressee_nouns and tok.i not in cand.content:
            prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "with"), None)
            if prep is None:
                continue
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return speakers.actor(*_np_range_head(pobj))
    return None


def _quote_date(analysis: Analysis, finder: _Finder, cand: Candidate) -> str | None:
    """A day-precision date in the cue clause (outside the content), else the article date."""
    if cand.cue and analysis.times:
        head = finder.doc[cand.head]
        lo = min(t.idx for t in head.subtree)
        hi = max(t.idx + len(t.text) for t in head.subtree)
        content_chars = [(s, e) for s, e in _char_spans(finder.doc, cand.content)]
        for t in analysis.times:
            in_clause = lo <= t.start and t.end <= hi and not any(s <= t.start < e for s, e in content_chars)
            if in_clause and t.value and re.fullmatch(r"\d{4}-\d{2}-\d{2}", t.value):
                return t.value
    return analysis.article.date


__all__ = ["QuoteStage", "SpeechLexicon", "extract_quotes", "find_quotations", "load_lexicon"]
