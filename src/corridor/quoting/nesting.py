"""Pass 4 of the quote finder: a cue inside another cue's content is a report (the quote goes to the inner
speaker, the outer one reports it) only when it heads the reported clause and names someone; any other
cue inside a content stays part of it."""

from __future__ import annotations

from spacy.tokens import Token

from corridor.quoting.base import (
    DASHES,
    FINITE,
    PERSON_PRONOUNS,
    REL_PRONOUNS,
    SUBJ_DEPS,
    Candidate,
    FinderBase,
    subtree_ids,
    trim_edges,
)

CLOSING_MARKS = {"”", '"', "''", "’"}


class Nester(FinderBase):
    """Nested cues settled (see the module doc)."""

    # -- pass 4: nesting --
    def nest(self, cands: list[Candidate]) -> list[Candidate]:
        """Settle cues that lie inside another cue's content.

        A reported speech cue with a named subject inside a speech cue's content is the quote, reported
        by the outer speaker ("the spokesman said that the president stressed ..."); a cue whose subject
        is a pronoun, or any other cue inside the content (a coordinated clause, a relative clause), stays
        part of the outer content ("X said he believes ..."; "X said A and that Y thinks B"): like the
        attribution corpora, only the outermost attribution is a quote of its own.
        """
        doc = self.doc
        self._drop_cue_words(cands)
        self._drop_wrappers(cands)
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
            if head.dep_ == "advcl" and self._participle_act(outer, inner):
                continue  # "X said A, telling reporters that B": the telling is the speaker's second act
            if not coordinated and not side and self._reporting(outer, inner) and not reaches(outer, inner):
                inner.parent = outer
                outer.nested = True
                if not any(doc[i].is_alpha for i in inner.content):
                    # "X pointed out, <clause>, the spokesman said": the clause hangs off the outer cue
                    last = max(inner.cue)
                    inner.content = trim_edges(doc, {i for i in outer.content if i > last})
                continue
            inner.dropped = True
        self._coordinated_reports(cands)
        return [c for c in cands if not c.dropped]

    @staticmethod
    def _drop_cue_words(cands: list[Candidate]) -> None:
        """A cue word that another cue took into its own words ("voiced support for X": the noun of "voiced
        support for") is no cue of its own."""
        for inner in cands:
            if any(c is not inner and c.cue and c.head != inner.head and inner.head in c.cue for c in cands):
                inner.dropped = True

    def _drop_wrappers(self, cands: list[Candidate]) -> None:
        """A quote-only verb of going on or starting (``phase_verbs``) whose content is the clause of another cue
        ("went on to say ...", "began by slamming ...", "continued to portray ..."): the verb that reports is
        the inner one, whose quote stands for both."""
        doc = self.doc
        for outer in cands:
            if not outer.quote_only or not outer.cue or outer.dropped:
                continue
            if self.lex.lemma(doc[outer.head]) not in self.lex.phase_verbs:
                continue
            for inner in cands:
                if inner is outer or not inner.cue or inner.quote_only or inner.head not in outer.content:
                    continue
                if governs(doc[outer.head], doc[inner.head]):
                    outer.dropped = True
                    if inner.speaker is None:  # "The senator began by slamming ...": the subject they share
                        inner.speaker, inner.speaker_head = outer.speaker, outer.speaker_head
                    break

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
            first.content = trim_edges(doc, {i for i in first.content if i < head.left_edge.i})

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
        outer.content = trim_edges(doc, rest)
        return True

    def _participle_act(self, outer: Candidate, inner: Candidate) -> bool:
        """Whether ``inner`` is a speech participle after a comma (or a dash) that the parser hung on the content's
        verb ("she said the plan was sound, adding that ...", "..., telling reporters that ..."): a gerund of a
        speech or writing cue without a subject of its own. If so, the outer content stops at the comma, and
        the rest of it goes to ``inner``, a quote of the same speaker (the parser often hangs the end of
        the participle's clause higher up)."""
        doc = self.doc
        head = doc[inner.head]
        left = head.left_edge.i
        while left > 1 and doc[left - 1].text in CLOSING_MARKS:
            left -= 1  # 'A "B," adding ...': the comma inside the quotation marks
        # after a comma, or a dash ("... the same funds — saying that ...")
        if outer.how != "clause" or head.tag_ != "VBG" or left < 1 or doc[left - 1].text not in {","} | DASHES:
            return False
        if not self.lex.cue_classes(head) & {"speech", "write"} or any(c.dep_ in SUBJ_DEPS for c in head.children):
            return False
        if head.head.tag_ not in FINITE:
            return False  # on a gerund or a verb under a modal ("will lay out X, possibly highlighting Y"): its own
        rest = {i for i in outer.content if i < left - 1}
        if not any(doc[i].is_alpha for i in rest) or not inner.content:
            return False
        last = max(inner.content)
        inner.content = trim_edges(doc, set(inner.content) | {i for i in outer.content if i > last})
        outer.content = trim_edges(doc, rest)
        inner.speaker, inner.speaker_head = outer.speaker, outer.speaker_head
        return True

    def _second_act(self, outer: Candidate, inner: Candidate) -> bool:
        """Whether ``inner`` is a second cue of ``outer``'s speaker that the parser hung inside the content
        ("she said the plan would fail, and called it a ..."): a conjunct cue without a subject of its own,
        in the outer cue's verb form (or another, see ``_other_form_act``), after a comma and a conjunction,
        that reports an act of speech, not a state of mind (``SpeechLexicon.no_act``). If so, its clause
        leaves the outer content and ``inner`` stays a quote of its own."""
        doc = self.doc
        head, cue = doc[inner.head], doc[outer.head]
        # a base form joined to a verb that is no base form ("deny they are talking and say ..."): the
        # tagger's VB for the present tense of the outer cue, which has the same form
        same_form = head.tag_ == cue.tag_ or ((head.tag_, cue.tag_) == ("VB", "VBP") and head.head.tag_ != "VB")
        if outer.how != "clause" or not (same_form or self._other_form_act(head, cue)) or head.i < cue.i:
            return False
        if any(c.dep_ in SUBJ_DEPS for c in head.children) or self.lex.no_act(head):
            return False  # a state ("said she disagreed but understood why ..."): it goes on with the content
        left = head.left_edge.i
        cc = left - 1
        if cc < 1 or doc[cc].dep_ != "cc":
            return False
        cut = subtree_ids(head) | {cc} | ({cc - 1} if doc[cc - 1].is_punct else set())
        rest = set(outer.content) - cut
        if not any(doc[i].is_alpha for i in rest) or any(i > max(cut) for i in rest):
            return False
        outer.content = trim_edges(doc, rest)
        inner.speaker, inner.speaker_head = outer.speaker, outer.speaker_head  # the subject they share
        return True

    @staticmethod
    def _other_form_act(head: Token, cue: Token) -> bool:
        """Whether a conjunct cue in a verb form other than the outer cue's is still the speaker's second act:
        it is finite or a gerund and not in the form of the content verb it hangs on, so it does not go on
        with the content ("says the goal is to win, but conceded that ...", "adds that she has paid, and
        called on him to ..."). A present tense after a past cue is the reported state going on instead
        ("said they are fine and want to move on")."""
        if head.tag_ not in FINITE | {"VBG"} or head.tag_ == head.head.tag_:
            return False
        return not (cue.tag_ == "VBD" and head.tag_ in {"VBZ", "VBP"})

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
        if inner.how in UNREPORTED_HOWS:
            return False  # "X said Y discussed the plan": Y's act is part of what X said, not a statement of Y's
        if outer.head in inner.content:
            return False  # a source inside what was said ("said X had won, according to the tally sheets")
        if any(c.dep_ == "neg" or (c.dep_ == "aux" and c.tag_ in {"MD", "TO"}) for c in self.doc[inner.head].children):
            # "the coach should make clear why he quit, says Ward", "expects Obama to announce ...": no one
            # has spoken yet
            return False
        subject = self.doc[inner.speaker_head]
        # a pronoun speaks for someone named before when the report frames its whole sentence ("He said A,
        # according to a statement"), not inside a content ("X said he believes ...")
        framed = self.doc[outer.head].lower_ == "according" and self.doc[inner.head].is_ancestor(self.doc[outer.head])
        if subject.lower_ in REL_PRONOUNS or (subject.lower_ in PERSON_PRONOUNS and not framed):
            return False
        if not framed and not self._named(inner.speaker):
            return False
        return reported_clause(self.doc[inner.head], self.doc[outer.head])

    def _named(self, rng: tuple[int, int] | None) -> bool:
        """Whether a speaker range names someone: a proper noun, a named entity (not a number, amount or
        time: "about 20 people", "40 percent") or a coded actor."""
        if rng is None:
            return False
        lo, hi = rng
        if any(self.doc[i].pos_ == "PROPN" or self.doc[i].ent_type_ in NAME_ENTITIES for i in range(lo, hi)):
            return True
        start, end = self.doc[lo].idx, self.doc[hi - 1].idx + len(self.doc[hi - 1])
        return any(a.start < end and start < a.end and a.code for a in self.analysis.actors)


REPORT_LINKS = {"ccomp", "conj", "parataxis"}
# Contents that are no reported clause or quotation (an object, a prepositional phrase, a noun's complement):
# an inner cue with one reports an act or a stance, which stays in the outer content.
UNREPORTED_HOWS = {"object", "prep", "noun", "passive", "adjective", "idiom"}
# How a quote-only cue holds the verb that reports ("went on to say", "began by slamming", "began talking about")
WRAPPED_DEPS = {"xcomp", "pcomp", "prep", "advcl"}
NAME_ENTITIES = {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE"}


def reported_clause(inner: Token, outer: Token) -> bool:
    """Whether ``inner`` heads the clause ``outer`` reports: its complement (through clauses joined to
    it), or the clause that ``outer`` interrupts or modifies ("X, the spokesman said, stressed ...",
    "according to Y, X stressed ..."). A cue deeper in the content (in an adverbial, relative or
    infinitive clause: "says he is trying to persuade the mills to agree ...") is not a report."""
    if outer.sent != inner.sent or inner.is_ancestor(outer):
        return True
    tok = inner
    while tok.head.i != tok.i and tok.i != outer.i:
        if tok.dep_ not in REPORT_LINKS:
            return False
        tok = tok.head
    return tok.i == outer.i


def governs(outer: Token, inner: Token) -> bool:
    """Whether ``inner`` is ``outer``'s infinitive or gerund (through a preposition at most): "went on | to
    say", "began | by slamming"."""
    tok = inner
    for _ in range(3):
        if tok.dep_ not in WRAPPED_DEPS or tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.i == outer.i:
            return True
    return False


def reaches(cand: Candidate, target: Candidate) -> bool:
    """Whether ``target`` is ``cand`` or one of its reporters (a parent link to it would make a cycle)."""
    cur: Candidate | None = cand
    while cur is not None:
        if cur is target:
            return True
        cur = cur.parent
    return False
