"""The quote finder's shared parts: the cue candidate record, token-set helpers, and the finder's
state over one article (sentences, paragraphs, quotation regions) with the helpers every pass uses."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from spacy.attrs import DEP, IDX, LOWER, ORTH, POS, TAG
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from corridor.datelines import dateline_ranges
from corridor.pipeline import Analysis
from corridor.quoting.lexicon import SpeechLexicon
from corridor.quoting.marks import CharSpan, find_quotations
from corridor.syntax import first_child

QUOTE_TOKENS = ('"', "“", "”", "''", "``", "‘", "’", "'")
MARKUP_TAG = re.compile(r"</?[A-Za-z][\w:-]*(?:\s[^<>]{0,400})?/?>")
SUBJ_DEPS = {"nsubj", "nsubjpass", "csubj"}
CONTENT_CLAUSE_DEPS = {"ccomp"}
NOUN_CLAUSE_DEPS = {"acl", "ccomp", "relcl"}  # a noun's that-clause ("a claim that ..."), however it is parsed
PERSON_PRONOUNS = {"he", "she", "him", "her", "they", "them"}
REL_PRONOUNS = {"who", "which", "that", "whom"}
ASIDE_WORDS = {"who", "which", "whom", "whose", "where"}  # open a relative clause set off by a comma
WH_OBJECTS = {"what", "which", "whom"}
FINITE = {"VBD", "VBZ", "VBP"}  # tags of a finite verb ("said", "says", "say")
WH_CLAUSE_WORDS = {"how", "what", "why", "whether", "where", "when", "who"}  # "and how he would ..."
DASHES = {"—", "–", "--", "-"}
SKIP_EDGE = {",", ".", ";", ":", "--", "—", "–", "-", "(", ")", "[", "]"}


def string_ids(words: Iterable[str]) -> frozenset[int]:
    """The ids spaCy's attribute arrays hold for ``words`` (the same in every vocabulary)."""
    return frozenset(get_string_id(w) for w in words)


# what can start a narrator's clause cut off a content's end (the first tests of _drop_trailing's checks)
CUT_DEPS = string_ids({"conj", "relcl", "advcl", "acl", "appos", "dobj", "ccomp", "npadvmod"})
CUT_WORDS = string_ids({";", "(", "according"})
FINITE_IDS = string_ids(FINITE)


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

    @classmethod
    def held_by(cls, holder: Token | None, **fields: Any) -> Candidate:
        """A candidate whose speaker is ``holder`` with its phrase ("the mayor" of "the mayor said ..."); none
        when ``holder`` is None."""
        if holder is None:
            return cls(**fields)
        return cls(speaker=speaker_range(holder), speaker_head=holder.i, **fields)


def contiguous_subtree(tok: Token) -> set[int]:
    """The ids of ``tok``'s subtree around ``tok`` without a gap: a crossing arc can hang words far away on
    it ("He said X: Ahmed ..." with "Ahmed" read as an apposition of "He")."""
    ids = subtree_ids(tok)
    lo = hi = tok.i
    while lo - 1 in ids:
        lo -= 1
    while hi + 1 in ids:
        hi += 1
    return set(range(lo, hi + 1))


def passive_aux(tok: Token) -> Token | None:
    """The passive auxiliary of ``tok`` ("was" in "was told"), None when ``tok`` is not a passive."""
    return first_child(tok, "auxpass")


def by_agent(tok: Token) -> tuple[Token, Token] | None:
    """The "by" agent after a participle and its object: "opposed by | the unions" gives ("by", "unions")."""
    agent = next((c for c in tok.children if c.dep_ == "agent" and c.i > tok.i), None)
    source = first_child(agent, "pobj") if agent is not None else None
    return None if agent is None or source is None else (agent, source)


def prep_after(heads: list[Token], words: set[str], after: int) -> Token | None:
    """The first preposition among ``words`` hung on one of ``heads`` (in their order) after token ``after``:
    "compared the plan | to a tax", "wrote an op-ed | on farm debt" (the parser hangs it on the verb or the
    object)."""
    return next((c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in words and c.i > after), None)


def noun_before(tok: Token, pos: set[str]) -> Token | None:
    """The word ``tok`` modifies when it comes before ``tok`` with only punctuation between them and its part of
    speech is in ``pos`` ("a measure | opposed by ...", "the fare rise, | announced last month"); else None."""
    head = tok.head
    if head.i >= tok.i or head.pos_ not in pos:
        return None
    if not all(t.is_punct for t in tok.doc[head.i + 1 : tok.left_edge.i]):
        return None
    return head


def np_range(tok: Token) -> tuple[int, int]:
    """The token range of ``tok``'s subtree, without edge punctuation."""
    ids = contiguous_subtree(tok)
    lo, hi = min(ids), max(ids) + 1
    doc = tok.doc
    while lo < hi - 1 and (doc[lo].is_punct or doc[lo].is_space):
        lo += 1
    while hi - 1 > lo and (doc[hi - 1].is_punct or doc[hi - 1].is_space):
        hi -= 1
    return lo, hi


def opens_aside(lead: Token) -> bool:
    """Whether ``lead`` is a relative word right after a comma: the start of a non-restrictive relative
    clause (", who ...", ", which ...")."""
    return lead.i > 0 and lead.doc[lead.i - 1].text == "," and lead.lower_ in ASIDE_WORDS


def opens_according_to(tok: Token) -> bool:
    """Whether ``tok`` is the "according" of "according to"."""
    return tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to"


def cut_before(doc: Doc, lo: int, end: int, keep: int | None = None) -> tuple[int, int]:
    """The token range [lo, end) without the punctuation it ends with, the token ``keep`` (default ``lo``) and
    those before it always kept: a speaker's words cut before an apposition or a clause ("Maria Lopez, | a
    supporter of ...")."""
    floor = lo if keep is None else keep
    while end > floor + 1 and doc[end - 1].is_punct:
        end -= 1
    return lo, end


def speaker_range(tok: Token) -> tuple[int, int]:
    """The subject's token range, appositions kept, relative clauses and trailing punctuation left out."""
    ids = contiguous_subtree(tok)
    doc = tok.doc
    for t in tok.subtree:
        if t.i not in ids or t.dep_ not in {"relcl", "acl"} or t.i == tok.i:
            continue
        # "her neighbour, Paul Ames, who ...": an aside, wherever it hangs
        if t.head.i == tok.i or opens_aside(t.left_edge):
            ids -= {u.i for u in t.subtree}
    for t in tok.children:
        # "said Mr Milburn, the party chairman, on Monday": a time hung on the speaker is the cue's
        if t.dep_ == "prep" and t.i > tok.i and any(u.ent_type_ in {"DATE", "TIME"} for u in t.subtree):
            ids -= {u.i for u in t.subtree}
        # "Trump this week also said": a time read as the subject's own modifier
        if t.dep_ == "npadvmod" and t.i > tok.i and t.ent_type_ in {"DATE", "TIME"}:
            ids -= {u.i for u in t.subtree}
    lo, hi = min(ids), max(ids) + 1
    hi = min(hi, max((i for i in ids if i < hi), default=tok.i) + 1)
    while hi - 1 > lo and (doc[hi - 1].is_punct or doc[hi - 1].is_space or doc[hi - 1].i not in ids):
        hi -= 1
    while lo < hi - 1 and (doc[lo].is_punct or doc[lo].is_space):
        lo += 1
    return lo, hi


def as_much(tok: Token) -> bool:
    """Whether ``tok`` is the "much" of the pro-form "as much" ("said as much"), its "as" hung on it."""
    return tok.lower_ == "much" and any(g.lower_ == "as" and g.i == tok.i - 1 for g in tok.children)


def as_phrase(tok: Token) -> bool:
    """An "as" phrase the parser hung on the verb: "described the dinner as a show" (as advmod/advcl), or as
    a non-finite clause "as" marks: "portrayed him as singularly focused on X" (not "as he ran for office")."""
    if tok.dep_ in {"advmod", "prep"} and tok.lower_ == "as":
        return True
    if tok.dep_ != "advcl" or tok.left_edge.lower_ != "as":
        return False
    if tok.left_edge.dep_ in {"advmod", "prep"}:
        return True
    return (
        tok.left_edge.dep_ == "mark"
        and tok.tag_ in {"VBG", "VBN", "JJ"}
        and not any(c.dep_ in {"aux", "auxpass"} for c in tok.children)
    )


def subtree_ids(tok: Token) -> set[int]:
    return {t.i for t in tok.subtree}


def trim(doc: Doc, ids: set[int]) -> set[int]:
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


def trim_edges(doc: Doc, ids: set[int]) -> set[int]:
    """:func:`trim`, then drop conjunctions and punctuation left at the two ends of a content (what is left
    when a clause is cut out of it)."""
    out = trim(doc, ids)
    while out and (doc[max(out)].dep_ in {"cc", "punct", "mark"} or doc[max(out)].is_space):
        if doc[max(out)].text in {"”", '"', "’", "'"}:
            break
        out.discard(max(out))
    while out and (doc[min(out)].dep_ in {"cc", "punct"} or doc[min(out)].is_space):
        if doc[min(out)].text in {"“", '"', "‘", "'"}:
            break
        out.discard(min(out))
    return out


def char_spans(doc: Doc, ids: set[int]) -> list[CharSpan]:
    spans: list[CharSpan] = []
    for i in sorted(ids):
        t = doc[i]
        s = t.idx
        e = s + len(t)  # (a Token's length is its text's, without building the text)
        if spans and (i - 1) in ids:
            spans[-1] = (spans[-1][0], e)
        else:
            spans.append((s, e))
    return spans


def inverted_pair(cue: Token) -> Token | None:
    """The first of two subjects the parser hung on a parenthetical cue with the speaker after it ("The plan,
    said Mr Milburn, was ...": "plan" is the reported clause's subject, not the speaker), else None."""
    if cue.dep_ != "parataxis":
        return None
    subjects = [c for c in cue.children if c.dep_ in SUBJ_DEPS]
    if len(subjects) < 2 or not subjects[0].i < cue.i < subjects[-1].i:
        return None
    between = cue.doc[subjects[0].right_edge.i + 1 : cue.i]
    return subjects[0] if any(t.text == "," for t in between) else None


def narrators_description(t: Token) -> bool:
    """Whether the noun phrase of ``t`` opens with "a", "an" or "the" and is no list: the shape of the narrator's
    description set off after a content ("..., a claim not recognized abroad"), where "on Israel, the deal and
    ..." goes on with it."""
    return t.left_edge.lower_ in {"a", "an", "the"} and not any(c.dep_ in {"cc", "conj"} for c in t.children)


def merge_spans(spans: list[CharSpan], text: str) -> list[CharSpan]:
    """Sorted union of char spans; pieces separated by blanks only are joined."""
    out: list[CharSpan] = []
    for s, e in sorted(spans):
        if out and (s <= out[-1][1] or not text[out[-1][1] : s].strip()):
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def without_markup(text: str, spans: list[CharSpan], tags: list[CharSpan]) -> list[CharSpan]:
    """``spans`` with the markup tags cut out, each piece trimmed of blanks; pieces left empty are dropped."""
    out: list[CharSpan] = []
    for s, e in spans:
        pieces = [(s, e)]
        for ts, te in tags:
            if te <= s or ts >= e:
                continue
            pieces = [q for ps, pe in pieces for q in ((ps, min(pe, ts)), (max(ps, te), pe)) if q[0] < q[1]]
        for ps, pe in pieces:
            while ps < pe and text[ps].isspace():
                ps += 1
            while pe > ps and text[pe - 1].isspace():
                pe -= 1
            if ps < pe:
                out.append((ps, pe))
    return out


def starts_inside_each(spans: list[CharSpan], positions: list[int]) -> list[bool]:
    """Whether each of ``positions`` (ascending) lies inside the last of ``spans`` (sorted by their starts, not
    overlapping) that starts at or before it: one sweep over both lists."""
    out: list[bool] = []
    k, last = -1, len(spans) - 1
    for pos in positions:
        while k < last and spans[k + 1][0] <= pos:
            k += 1
        out.append(k >= 0 and pos < spans[k][1])
    return out


def has_alnum(text: str, spans: list[CharSpan]) -> bool:
    """Whether ``spans`` hold a letter or digit."""
    return any(ch.isalnum() for s, e in spans for ch in text[s:e])


def alnum_chars(text: str, spans: list[CharSpan]) -> set[int]:
    """The offsets of the letters and digits inside ``spans`` (what two contents share, without marks or spaces)."""
    return {i for s, e in spans for i in range(max(0, s), min(e, len(text))) if text[i].isalnum()}


class FinderBase:
    """One article's tokens, sentences, paragraphs and quotation regions, and the cue lexicon."""

    def __init__(self, analysis: Analysis, lex: SpeechLexicon) -> None:
        self.analysis = analysis
        self.doc = analysis.doc
        self.text = analysis.article.text
        self.lex = lex
        self.regions = find_quotations(self.text)
        self.sents: list[SpacySpan] = list(self.doc.sents)
        self.sent_of = [0] * len(self.doc)
        for k, s in enumerate(self.sents):
            self.sent_of[s.start : s.end] = [k] * (s.end - s.start)
        # token attributes read as arrays: creating spaCy Token objects is the costly part of a pass
        attrs = [IDX, ORTH, LOWER, POS, DEP, TAG]
        columns = self.doc.to_array(attrs).T.tolist() if len(self.doc) else [[] for _ in attrs]
        starts, orths, lowers, poses, deps, tags = columns
        # (ids as spaCy stores them: :func:`string_ids` of a word, the POS enum's for the part of speech)
        self.orth_ids: list[int] = orths
        self.lower_ids: list[int] = lowers
        self.pos_ids: list[int] = poses
        self.dep_ids: list[int] = deps
        self.tag_ids: list[int] = tags
        breaks = [m.start() for m in re.finditer("\n", self.text)]
        self.para_of: list[int] = [bisect.bisect_left(breaks, c) for c in starts]
        quote_marks = {self.doc.vocab.strings.add(q) for q in QUOTE_TOKENS}
        self._quote_tokens = frozenset(i for i, o in enumerate(orths) if o in quote_marks)
        # markup left in the text ("<tweet author=...>") holds no cue and is no part of a quotation
        self.tags: list[CharSpan] = [m.span() for m in MARKUP_TAG.finditer(self.text)]
        # datelines ("WASHINGTON (AP) -"), first token -> token after: no part of what anyone said (cut out of
        # contents like markup, as ``datelines``) and no speaker
        self.dateline_ends: dict[int, int] = dateline_ranges(self.doc, colon=False)
        self.datelines: list[CharSpan] = [(self.doc[s].idx, self.doc[e].idx) for s, e in self.dateline_ends.items()]
        # whether each token starts inside a quotation region or a markup tag, asked of most words by several passes
        self._region_at = starts_inside_each(self.regions, starts)
        self._markup_at = starts_inside_each(self.tags, starts)

    # -- helpers --
    def in_region(self, tok: Token) -> bool:
        """Whether ``tok`` starts inside a quotation region."""
        return self._region_at[tok.i]

    def dateline_end_of(self, i: int) -> int | None:
        """The token after the dateline of token ``i``'s sentence, None when that sentence opens with none."""
        return self.dateline_ends.get(self.sents[self.sent_of[i]].start)

    def in_dateline(self, tok: Token) -> bool:
        """Whether ``tok`` is a word of its sentence's dateline ("Kuala Lumpur:" read as a second subject)."""
        end = self.dateline_end_of(tok.i)
        return end is not None and tok.i < end

    def in_markup(self, tok: Token) -> bool:
        """Whether ``tok`` starts inside a markup tag."""
        return self._markup_at[tok.i]

    def holds_clause(self, ids: set[int]) -> bool:
        """Whether the words ``ids`` hold a verb with its subject (a clause, not a fronted phrase)."""
        return any(c.dep_ in SUBJ_DEPS and c.i in ids for i in ids for c in self.doc[i].children)

    def subject(self, tok: Token) -> Token | None:
        """The cue's subject; a cue without one ("..., adding that", "said A and said B") takes the
        subject of the nearest cue above it."""
        subjects = [c for c in tok.children if c.dep_ in SUBJ_DEPS]
        # "Kuala Lumpur: The registrar said ...": the dateline read as a second subject (a lone dateline subject
        # is left to the speaker stage, which takes the words after the dateline)
        subjects = [c for c in subjects if not self.in_dateline(c)] or subjects
        # "the subsidies, which rivals say give ...": the relative pronoun is the reported clause's subject
        subjects = [c for c in subjects if c.tag_ not in {"WDT", "WP"}] or subjects
        before_cue = inverted_pair(tok)
        if before_cue is not None:  # "The plan, said Mr Milburn, was ...": the speaker follows the cue
            subjects = [c for c in subjects if c.i != before_cue.i]
        # '“Good reporter,” Trump, the frontrunner, said': the parser may read the quotation as a second subject
        subj = next((c for c in subjects if not self.in_region(c)), subjects[0] if subjects else None)
        if subj is not None and subj.dep_ == "nsubjpass" and (self._passive_report(tok) or self._passive_judged(tok)):
            return self._agent(tok)  # "voters were told that ...", "he is said to ...": told or spoken of
        if subj is not None and self._bare_passive(tok):
            return None  # "Labour accused of 'EU propaganda'": Labour is accused, by someone unnamed
        if subj is None and self.asked_of(tok):
            return None  # "Asked about the plan, Lund said ...": Lund was asked; who asked is not said
        if subj is None:
            subj = self._inverted_subject(tok)
        if subj is None:
            subj = self._misread_subject(tok)
        if subj is None:
            subj = self.main_verb_read_as_acl(tok)
        if subj is None:
            subj = self.past_verb_read_as_acl(tok)
        cur = tok
        if subj is None and tok.dep_ == "acl" and tok.tag_ == "VBN" and self.lex.lemma(tok) in self.lex.object_verbs:
            return None  # "a minister accused of lying", "Labour accused of 'EU propaganda'": the one judged
        if subj is None and tok.dep_ == "acl" and tok.tag_ in {"VBG", "VBN"} and tok.head.pos_ in {"NOUN", "PROPN"}:
            if not self.in_region(tok.head):
                return tok.head  # "a statement saying ...", "Democrats labeling her ..."
            cur = tok.head  # 'represents "machine politics," stating that ...': from the quoted words up
        elif subj is not None or tok.dep_ not in {"conj", "xcomp", "advcl", "dep", "ccomp"}:
            return subj
        if tok.dep_ == "xcomp" and tok.head.tag_ == "VBG" and tok.head.dep_ == "advcl":
            # "..., prompting Western leaders to accuse Putin": the one prompted speaks
            obj = next((c for c in tok.head.children if c.dep_ == "dobj" and c.i < tok.i), None)
            if obj is not None and self.lex.lemma(tok.head) in self.lex.causing_verbs:
                return obj
        for _ in range(4):
            if cur.head.i == cur.i or cur.dep_ in {"relcl", "acl"}:
                return None
            controlled = cur.dep_ == "xcomp"  # "as she tries to take aim at X": the one who tries takes aim
            cur = cur.head
            if self._reported_cue(tok, cur):
                continue  # "X said A had agreed to B, adding that C": X adds, not A (whose cue is X's report)
            if controlled or self.lex.cue_classes(cur) or cur.dep_ not in {"ccomp", "advcl", "xcomp", "conj"}:
                # (not a dateline the parser read as a second subject: "MOSCOW, Feb 21 (Reuters) - Putin ...")
                found = [c for c in cur.children if c.dep_ in SUBJ_DEPS]
                subj = next((c for c in found if not self.in_dateline(c)), found[0] if found else None)
                if subj is not None:
                    return subj
        return None

    def _reported_cue(self, tok: Token, cur: Token) -> bool:
        """Whether ``cur``, a cue above a speech participle ``tok`` ("..., adding that ..."), is not a speech cue
        but the clause a speech cue reports: the participle goes on with the reporter's words."""
        speech = {"speech", "write"}
        if tok.tag_ != "VBG" or not self.lex.cue_classes(tok) & speech:
            return False
        classes = self.lex.cue_classes(cur)
        return (
            bool(classes)
            and not classes & speech
            and cur.dep_ == "ccomp"
            and bool(self.lex.cue_classes(cur.head) & speech)
        )

    def _misread_subject(self, tok: Token) -> Token | None:
        """The name right before a sentence's main verb that the parser left without a subject, having read a
        word of the name for a verb ("ECOWAS chairman and Nigerian President Bola Tinubu said ...", "ECOWAS"
        an adverbial clause): the name's last word, when the words before the verb hold no lowercase verb."""
        if tok.dep_ != "ROOT" or tok.tag_ not in FINITE or tok.i == 0:
            return None
        prev = self.doc[tok.i - 1]
        if prev.pos_ != "PROPN" or prev.head.i == tok.i or prev.sent.start != tok.sent.start:
            return None
        words = self.doc[tok.sent.start : tok.i]
        if any(t.pos_ in {"VERB", "AUX"} and not t.text[:1].isupper() for t in words):
            return None
        return prev

    def past_verb_read_as_acl(self, tok: Token) -> Token | None:
        """The subject of a verb-preposition cue in the past that the parser hung on the noun before it as a
        participle, in a sentence with a verb of its own ("a group of nurses called for a strike, and the league
        denounced ...", "Lund, who lost the primary, called on voters to ..."): the past tense (VBD, where "a
        group called Citizens for Trump" is a participle, VBN) and a listed preposition (``prep_cues``,
        ``prep_control``) mark a finite verb. The subject is that noun, or the noun whose relative clause ends
        there."""
        if tok.dep_ != "acl" or tok.tag_ != "VBD" or tok.head.i > tok.i or tok.head.pos_ not in {"NOUN", "PROPN"}:
            return None
        lemma = self.lex.lemma(tok)
        pairs = self.lex.prep_cues | self.lex.prep_control
        senses = self.lex.passive_senses.get(lemma, set())
        preps = [c for c in tok.children if c.dep_ == "prep" and c.i > tok.i]
        # ("called Wednesday for the judge to resign": the "for" read as the mark of a clause)
        preps += [g for c in tok.children if c.dep_ == "advcl" for g in c.children if g.dep_ == "mark" and g.i > tok.i]
        if not any((lemma, c.lower_) in pairs and c.lower_ not in senses for c in preps):
            return None
        noun = tok.head
        clause = next((a for a in noun.ancestors if a.dep_ == "relcl"), None)
        if clause is not None and clause.head.i < noun.i and self.doc[tok.i - 1].text == ",":
            noun = clause.head  # "Lund, who lost the primary, called on ...": Lund, not the primary
        return None if self.in_region(noun) else noun

    @staticmethod
    def main_verb_read_as_acl(tok: Token) -> Token | None:
        """The subject of a sentence's main verb that the parser read as a participle modifying a noun, leaving
        the sentence without a verb ("Lund, a city ally, called the rules “weak.”", "A majority of voters
        looking for a fresh face supported Lund"): the sentence's root noun before the verb, or that root's
        subject; only for a verb with an object or clause after it and no "by" agent (not "the questions asked
        in the debate", "a report published by the paper")."""
        if tok.dep_ != "acl" or tok.tag_ not in {"VBD", "VBN"} or tok.head.i > tok.i:
            return None
        root = tok.sent.root
        if root.pos_ in {"VERB", "AUX"} or any(
            t.pos_ in {"VERB", "AUX"} and t.dep_ in {"ROOT", "conj"} and t.head.i == root.i
            for t in tok.sent
            if t.i != tok.i
        ):
            return None
        if any(c.dep_ == "agent" for c in tok.children):
            return None
        if not any(c.dep_ in {"dobj", "oprd", "ccomp"} and c.i > tok.i for c in tok.children):
            return None
        if root.i < tok.i and root.pos_ in {"NOUN", "PROPN"}:
            return root
        subj = next((c for c in root.children if c.dep_ in SUBJ_DEPS and c.i < tok.i), None)
        return subj if subj is not None and subj.pos_ in {"NOUN", "PROPN"} else None

    def asked_of(self, tok: Token) -> bool:
        """Whether ``tok`` is an ask verb as a participle without a subject of its own, hung on the clause of
        the person asked ("Asked about the plan, Lund said", "when asked whether ...", "..., Lund said, asked
        about the plan"), also when the parser read such a participle after a comma as the cue's complement
        ('“...,” Lund said, asked about the plan')."""
        after_comma = tok.dep_ == "xcomp" and tok.i > tok.head.i and tok.i > 0 and self.doc[tok.i - 1].text == ","
        return (
            (tok.dep_ == "advcl" or after_comma)
            and tok.tag_ in {"VBN", "VBD"}
            and "ask" in self.lex.cue_classes(tok)
            and not any(c.dep_ in SUBJ_DEPS | {"aux", "auxpass", "expl"} for c in tok.children)
        )

    def _passive_report(self, tok: Token) -> bool:
        """A speech verb or a verb of ``passive_raising`` in the passive ("was told", "is expected to"),
        whose subject is spoken to or of; not an attitude ("were incensed that ...", "is intended to", "she
        is assured of 108 delegates"), nor "he's said he ..." (has said), which the parser may read as passive."""
        aux = passive_aux(tok)
        deps = {c.dep_ for c in tok.children if c.i > tok.i}
        if aux is None or not deps & {"ccomp", "xcomp", "advcl"}:
            return False
        if aux.lower_ in {"'s", "’s"} and "xcomp" not in deps:
            return False
        return (
            bool(self.lex.cue_classes(tok) & {"speech", "write", "ask"})
            or self.lex.lemma(tok) in self.lex.passive_raising
        )

    def _passive_judged(self, tok: Token) -> bool:
        """A speech or judgement verb in the passive with a prepositional content ("Choi is accused of
        using ...", "the envoy was informed about the decision"): its subject is the one judged or told."""
        aux = passive_aux(tok)
        if aux is None or aux.lower_ in {"'s", "’s"}:
            return False
        return bool(self.lex.cue_classes(tok) & {"speech", "write", "ask", "evaluation"}) and any(
            c.dep_ == "prep" and c.i > tok.i for c in tok.children
        )

    def _bare_passive(self, tok: Token) -> bool:
        """A judgement verb that always takes an object (``object_verbs``), in the past with no object, clause or
        auxiliary but a preposition after it: a passive with its auxiliary left out ("Labour accused of 'EU
        propaganda'", "Minister criticised over remarks")."""
        if self.lex.lemma(tok) not in self.lex.object_verbs or tok.tag_ not in {"VBD", "VBN"}:
            return False
        if any(c.dep_ in {"dobj", "dative", "ccomp", "xcomp", "aux", "auxpass", "agent"} for c in tok.children):
            return False
        return any(c.dep_ == "prep" and c.i > tok.i and c.lower_ in {"of", "over", "for", "on"} for c in tok.children)

    def _agent(self, tok: Token) -> Token | None:
        """The "by" agent of a passive cue ("was told by aides that ..."), the speaker; None without one."""
        agent = first_child(tok, "agent")
        return first_child(agent, "pobj") if agent is not None else None

    def _inverted_subject(self, tok: Token) -> Token | None:
        """'“Why now?” asked the senator.': after a quotation, the parser reads the inverted subject of an
        ask verb as its object; an object that ends the sentence is the speaker."""
        doc = self.doc
        before = tok.i - 1 - (tok.i > 1 and doc[tok.i - 1].text == ",")
        if before < 0 or doc[before].text not in QUOTE_TOKENS:
            return None
        obj = next((c for c in tok.children if c.dep_ == "dobj" and c.i > tok.i), None)
        if obj is None or obj.pos_ not in {"NOUN", "PROPN"}:
            return None
        after = doc[obj.right_edge.i + 1 : tok.sent.end]
        return obj if all(t.is_punct or t.is_space or t.text in QUOTE_TOKENS for t in after) else None

    def settled(self, tok: Token, content: set[int], trailing: bool = False) -> set[int]:
        """``content`` kept to ``tok``'s paragraph (with a narrator's trailing clause dropped when
        ``trailing``) and trimmed; empty when no word is left."""
        para = self.para_of[tok.i]
        kept = {i for i in content if self.para_of[i] == para and not self.doc[i].is_space}
        kept = trim(self.doc, self._drop_trailing(kept) if trailing else kept)
        return kept if any(self.doc[i].is_alpha for i in kept) else set()

    def _drop_trailing(
        self, content: set[int], contrast: bool = True, participle: bool = True, cue: Token | None = None
    ) -> set[int]:
        """Drop a narrator's clause trailing a content after a comma (an apposition also after a dash).

        A non-restrictive relative clause ("..., which forced X", "..., when the mill closed"), a contrast
        ("..., while others want Y"), a participle clause ("..., sparking a debate") or a describing
        apposition ("..., a claim not recognized abroad") at the end of a content is the narrator's comment
        on it, not part of what was said. With ``contrast`` False the contrast stays: what a poll or study
        found ("found that 40 percent back the plan, while 30 percent oppose it") is both halves; with
        ``participle`` False the participle clause stays: what a poll's figures did ("showed that older voters
        turned out, pushing her to victory"). With the ``cue`` verb, a second finding repeating it is cut too
        ("said A, and 4 in 10 said B").
        """
        if not content:
            return content
        doc = self.doc
        last = max(content)
        dep_ids, orth_ids, lower_ids, tag_ids = self.dep_ids, self.orth_ids, self.lower_ids, self.tag_ids
        for i in sorted(content):
            if not (
                dep_ids[i] in CUT_DEPS
                or orth_ids[i] in CUT_WORDS
                or lower_ids[i] in CUT_WORDS
                or (cue is not None and tag_ids[i] in FINITE_IDS)
            ):
                continue  # none of the checks below holds at this word
            t = doc[i]
            if t.text == ";" and i > min(content) and not self.in_region(t):
                return {j for j in content if j < i}
            if self._joined_report(t, content):
                cut = t.left_edge.i
                while cut - 1 > min(content) and (doc[cut - 1].dep_ == "cc" or doc[cut - 1].text == ","):
                    cut -= 1
                return {j for j in content if j < cut}
            share = self._share_report(t, content, cue)
            if share is not None:
                return {j for j in content if j < share}
            if self._open_aside(t, content):
                return {j for j in content if j < i}
            if t.lower_ == "according" and i > min(content) and doc[i - 1].text == "," and t.right_edge.i >= last:
                return {j for j in content if j < i - 1}  # "..., according to exit polls": a source of its own
            if t.head.i not in content or self.in_region(t):
                continue
            loose = self._loose_apposition(t)
            if t.dep_ not in {"relcl", "advcl", "acl", "appos"} and not loose:
                continue
            left = t.left_edge.i
            if left <= min(content) or t.right_edge.i < last:
                continue
            first = doc[left]
            # after a comma, also one inside closing quotation marks ('"New York values," stating ...');
            # an apposition also after a dash ("... the river — a request that many ignored")
            comma = left - 1
            if doc[comma].is_quote and comma - 1 > min(content) and doc[comma - 1].text == ",":
                comma -= 1
            dashed = t.dep_ == "appos" and doc[left - 1].text in DASHES
            if doc[comma].text != "," and not dashed:
                continue
            drop = (
                (t.dep_ == "relcl" and first.lower_ in {"which", "who", "whose", "where", "whom", "when"})
                # "..., a claim not recognized abroad", not a list "on Israel, the deal and ..."
                or ((t.dep_ == "appos" or loose) and narrators_description(t))
                or (contrast and t.dep_ == "advcl" and first.lower_ in {"while", "whereas"})
                or (t.dep_ == "advcl" and first.lower_ == "as" and t.i == left + 1)  # ", as was the case"
                or (participle and t.dep_ in {"advcl", "acl"} and t.tag_ == "VBG" and first.i == t.i)
            )
            if drop:
                return {j for j in content if j < comma}
        return content

    def _share_report(self, t: Token, content: set[int], cue: Token | None) -> int | None:
        """Where a second poll finding starts inside the content of a speech ``cue``: "said A, and more than 4
        in 10 said B" (the cue's verb again, finite, after "and" or a comma and a short subject that counts
        people, with no verb between), which the parser hung inside A. Returns the index of the "and" or
        comma (and any comma right before it), None when ``t`` opens no such finding (train +5 matched, -3
        false positives)."""
        doc = self.doc
        if cue is None or t.tag_ not in FINITE or self.in_region(t):
            return None
        if "speech" not in self.lex.cue_classes(t) or self.lex.lemma(t) != self.lex.lemma(cue):
            return None
        start = min(content)
        j = t.i - 1
        while j > start and doc[j].lower_ not in {",", "and", "but"}:
            if doc[j].pos_ in {"VERB", "AUX"} or doc[j].tag_ in {"WP", "WDT", "WRB"} or t.i - j > 8:
                return None
            j -= 1
        words = doc[j + 1 : t.i]
        if j <= start or not len(words):
            return None
        if not any(w.like_num or w.lemma_.lower() in self.lex.share_nouns for w in words):
            return None
        while j - 1 > start and doc[j - 1].lower_ in {",", "and", "but"}:
            j -= 1
        return j

    def _open_aside(self, t: Token, content: set[int]) -> bool:
        """An opening parenthesis never closed inside the content, opened by a lower-case word ("backed
        raising the wage (with far less zeal than her rival"): the narrator's aside, cut where the sentence
        splitter ended the content inside it; not "(R-Wis." or "(35-30"."""
        if t.text != "(" or t.i <= min(content) or t.i + 1 not in content or self.in_region(t):
            return False
        nxt = self.doc[t.i + 1]
        if not (nxt.is_alpha and nxt.is_lower):
            return False
        return not any(self.doc[j].text == ")" for j in range(t.i, max(content) + 1))

    @staticmethod
    def _loose_apposition(t: Token) -> bool:
        """A noun phrase after a comma that the parser hung on a verb as a second object or clause
        ("would pay more in taxes, an acknowledgment that ..."): the verb has an object or complement before it."""
        if t.pos_ != "NOUN" or t.dep_ not in {"dobj", "ccomp", "npadvmod"}:
            return False
        before = {"dobj", "ccomp", "attr", "xcomp", "dative", "prep"}
        return any(c.i < t.i and c.dep_ in before for c in t.head.children)

    def _joined_report(self, t: Token, content: set[int]) -> bool:
        """ "said they are convinced X and Democrats accused the GOP of Y": a report of another speaker
        joined to the content's last clause (a speech or judgement verb with a subject of its own, after
        "and" or "but") is no part of it."""
        if t.dep_ != "conj" or t.head.i not in content or t.i <= min(content) or self.in_region(t):
            return False
        classes = self.lex.cue_classes(t)
        if "quote_only" in classes or not classes & {"speech", "write", "evaluation"}:
            return False  # ("and the number has gone down": "go" reports only a quotation)
        if any(c.dep_ == "mark" for c in t.lefts):
            return False  # "said X and that Y": a second clause of the same report
        subj = next((c for c in t.lefts if c.dep_ in SUBJ_DEPS), None)
        cc = any(c.dep_ == "cc" and c.i < t.i for c in t.head.children) or any(c.dep_ == "cc" for c in t.lefts)
        return subj is not None and subj.pos_ != "PRON" and cc and t.right_edge.i >= max(content)

    def _venue_phrase(self, prep: Token) -> bool:
        """A phrase that says where the words were said or written ("in an interview", "at a rally", "on
        Facebook", "from the Senate floor"): one of the lexicon's ``venue_preps`` whose object is one of its
        ``venue_nouns`` or ``media_nouns``, without a relative clause right after it that goes on with the content
        ("posted a message on Twitter that showed ...")."""
        if prep.lower_ not in self.lex.venue_preps:
            return False
        pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
        if pobj is None:
            return False
        if any(g.dep_ == "relcl" and self.doc[g.left_edge.i - 1].text != "," for g in pobj.children):
            return False
        lemma = pobj.lemma_.lower()
        return lemma in self.lex.venue_nouns or lemma in self.lex.media_nouns

    def trailing_modifiers(self, tok: Token, last: int) -> set[int]:
        """The cue's phrases after its object content that the parser hung on the cue instead of the object:
        a prepositional phrase ("proposed $1 billion in funds | for treatment") or a "to" infinitive
        ("called for new spending | to improve roads"), not set off by a comma, not a phrase of time or
        circumstance (a date, "during the debate": the lexicon's ``circumstance_preps``) nor one of the place
        where the words were said ("praised the plan | in an interview")."""
        out: set[int] = set()
        for c in tok.children:
            if c.i <= last or (c.left_edge.i > 0 and self.doc[c.left_edge.i - 1].text == ","):
                continue
            phrase = (
                c.dep_ == "prep"
                and c.lower_ not in self.lex.circumstance_preps
                and not any(g.ent_type_ in {"DATE", "TIME"} for g in c.children)
                and not self._venue_phrase(c)
            )
            infinitive = c.dep_ in {"advcl", "xcomp"} and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
            if phrase or infinitive:
                out |= subtree_ids(c)
        return out

    def noun_list(self, content: set[int]) -> set[int]:
        """The rest of a list of noun phrases the parser split off a noun content: in "spoke warmly of his
        gifts, his grasp of budgets and the calm he brings" the parser may hang "grasp" on the verb or the
        subject (as ``dep``, ``npadvmod`` or ``appos``), away from the object; a noun phrase right after the
        comma that ends the content, not in it, with a noun conjunct of its own joined by "and" or "or", goes
        on with the list."""
        doc = self.doc
        last = max(content)
        tops = [doc[i] for i in content if doc[i].head.i not in content or doc[i].head.i == i]
        if len(tops) != 1 or tops[0].pos_ not in {"NOUN", "PROPN", "PRON"}:
            return set()  # one noun phrase, not "showed her | ahead 3 points"
        comma = last + 1
        if comma + 1 >= len(doc) or doc[comma].text != ",":
            return set()
        nxt = doc[comma + 1]
        h = nxt
        while h.head.i != h.i and h.head.left_edge.i == nxt.i and h.head.i not in content:
            h = h.head
        if h.pos_ not in {"NOUN", "PROPN"} or h.left_edge.i != nxt.i or h.i in content or self.in_region(h):
            return set()
        ids = subtree_ids(h)
        conj = [c for c in h.children if c.dep_ == "conj" and c.pos_ in {"NOUN", "PROPN"}]
        if not conj and nxt.lower_ not in {"a", "an"}:
            conj = self._inner_conjuncts(h, ids)
        if not conj or not any(t.dep_ == "cc" and t.lower_ in {"and", "or"} for t in doc[h.i : max(ids) + 1]):
            return set()
        if h.dep_ in SUBJ_DEPS or any(
            t.dep_ in SUBJ_DEPS and t.head.dep_ not in {"relcl", "acl"} for t in doc[h.i : max(ids) + 1]
        ):
            return set()
        return {comma} | ids

    @staticmethod
    def _inner_conjuncts(h: Token, ids: set[int]) -> list[Token]:
        """Noun conjuncts deeper inside the phrase ``h`` ("the cost of fuel and feed"): where the parser hung
        the list's last item on a word inside the item before it ("listed the drought, the cost of fuel and feed
        for the herds, the price of land"). Not after "a" or "an" (the caller's check):
        "X, a banker and donor" describes X; ``ids`` is ``h``'s subtree. Train +1 matched, -1 false positive."""
        return [c for c in h.subtree if c.dep_ == "conj" and c.pos_ in {"NOUN", "PROPN"} and c.head.i in ids]

    def unfinished_phrase(self, cue: list[int], content: set[int]) -> set[int]:
        """A content cut short by a misparse, ending on a word that cannot end a phrase: a preposition without
        its object, a conjunction, a possessive "'s" or a determiner before its noun ("named a list of | towns at
        risk", "talked about the border and | how ..."). The phrase that starts right after it goes on with the
        content, to its end (in the same sentence, with no cue verb or statement noun in it)."""
        doc = self.doc
        if not content:
            return set()
        last = max(content)
        while last in content and last > min(content) and doc[last].is_punct:
            last -= 1
        t = doc[last]
        dangling = (
            (t.pos_ in {"ADP", "CCONJ"} and t.lower_ != "that")
            or t.tag_ == "POS"
            or (t.dep_ == "det" and t.head.i > t.i)
        )
        if not dangling or last + 1 >= len(doc) or doc[last + 1].is_punct or doc[last + 1].is_space:
            return set()
        h = doc[last + 1]
        while h.head.i != h.i and h.head.left_edge.i > last and h.head.i not in content:
            h = h.head
        if h.i in content:
            return set()
        end = h.right_edge.i
        while end > last and (doc[end].is_punct or doc[end].is_space):
            end -= 1
        added = set(range(last + 1, end + 1))
        if doc[end].sent.start != t.sent.start or added & set(cue) or any(self.in_region(doc[i]) for i in added):
            return set()
        if any(self.lex.cue_classes(doc[i]) or doc[i].lemma_.lower() in self.lex.nouns for i in added):
            return set()  # a report of its own runs on there ("welcoming the | plans to ..., and calling for")
        return added

    def colon_elaboration(self, cue: list[int], content: set[int]) -> set[int]:
        """A content after its cue that ends right before a colon followed by a lower-case word or a figure
        ("reiterated his pledges: rebuilding the military, ..."; "noted that ...: 70 percent believe ..."): what
        follows spells the content out and goes on with it, to the end of the sentence. A capital after the colon
        opens a sentence of its own, the narrator's (news style capitalises a complete sentence there), and a
        quotation after it is a quote of its own."""
        doc = self.doc
        if not content or not cue or min(content) < max(cue):
            return set()
        last = max(content)
        colon = last + 1
        while colon < len(doc) and doc[colon].is_space:
            colon += 1
        if colon + 1 >= len(doc) or doc[colon].text != ":" or self.in_region(doc[colon]):
            return set()
        nxt = doc[colon + 1]
        if not (nxt.text[0].islower() or nxt.text[0].isdigit()) or nxt.sent.start != doc[last].sent.start:
            return set()
        end = doc[last].sent.end - 1
        while end > colon and (doc[end].is_punct or doc[end].is_space):
            end -= 1
        added = range(last + 1, end + 1)
        if end <= colon or any(doc[i].is_space and "\n" in doc[i].text for i in added):
            return set()
        if any(self.in_region(doc[i]) or doc[i].text in QUOTE_TOKENS or self.in_markup(doc[i]) for i in added):
            return set()
        return set(added)

    def wh_conjunct(self, content: set[int]) -> set[int]:
        """A question clause joined by "and" to a noun content that the parser hung on the verb instead
        ("talked about taxes and how he would cut them": "cut" comes out as a conjunct of "talked"): the
        clause goes on with the content."""
        doc = self.doc
        last = max(content)
        if last + 2 >= len(doc) or doc[last + 1].lower_ not in {"and", "or"}:
            return set()
        wh = doc[last + 2]
        if wh.lower_ not in WH_CLAUSE_WORDS or self.in_region(wh):
            return set()
        if doc[last].pos_ not in {"NOUN", "PROPN", "PRON", "NUM"} and doc[last].dep_ not in {"pobj", "dobj"}:
            return set()
        v = wh
        while v.head.i != v.i and v.dep_ != "conj":
            v = v.head
        if v.dep_ != "conj" or v.left_edge.i != wh.i or v.head.i in content or v.i in content:
            return set()
        return set(range(last + 1, v.right_edge.i + 1))
