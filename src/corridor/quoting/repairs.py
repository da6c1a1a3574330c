"""Repairs of the verb cue's reading where the parse misleads it: a clause the parser hung on the cue that
is a report of its own, a phrase set off from the cue, conjuncts hung on the cue, pro-forms ("said so"),
a that-clause hung on a noun of the cue's phrase, and the closing or parenthetical cue read from the
surface ("S, she said.", "X, he said, Y")."""

from __future__ import annotations

from spacy.strings import get_string_id
from spacy.tokens import Span, Token

from corridor.quoting.base import (
    DASHES,
    FINITE,
    REL_PRONOUNS,
    SUBJ_DEPS,
    FinderBase,
    as_much,
    inverted_pair,
    subtree_ids,
)

OWN_CONTENT_DEPS = {"dobj", "ccomp", "xcomp", "attr", "oprd", "acomp", "dative"}

VB_ID = get_string_id("VB")  # the tag of a bare verb, as the doc's tag array holds it


class ParseRepairs(FinderBase):
    """The verb cue's repairs for common misparses (see the module doc)."""

    def _after_phrase(self, tok: Token, xcomp: Token) -> bool:
        """Whether an infinitive the parser hung on the cue follows a phrase of the cue that it belongs to:
        "the clerk said, on condition of secrecy to protect her job"."""
        nxt = self.doc[tok.i + 1]
        return nxt.text == "," and any(c.dep_ == "prep" and tok.i < c.i < xcomp.i for c in tok.children)

    def _own_report(self, clause: Token, tok: Token) -> bool:
        """Whether a clause the parser hung on the cue is a report of its own, set off by a semicolon or dash:
        "Most said A; 46 percent said B" (before the cue), 'She suggested A - "B," she said - and ...' (either
        side, as the parser reads it)."""
        if clause.i < tok.i:
            last = max(t.i for t in clause.subtree if not t.is_punct)  # the parser may hang the dash on the clause
            return any(self._breaks(t) and not self.in_region(t) for t in self.doc[last + 1 : tok.i])
        words = [t for t in clause.subtree if not t.is_punct]
        return (
            bool(self.lex.cue_classes(clause) & {"speech", "write"})
            and any(c.dep_ in SUBJ_DEPS for c in clause.children)
            and any(self._breaks(t) and not self.in_region(t) for t in self.doc[tok.i + 1 : words[0].i])
        )

    def _breaks(self, t: Token) -> bool:
        """A semicolon or a dash between clauses (a hyphen or en dash only with spaces around it)."""
        if t.text in {";", "--", "—"}:
            return True
        return t.text in {"-", "–"} and bool(t.whitespace_) and t.i > 0 and bool(self.doc[t.i - 1].whitespace_)

    def _misattached_conjuncts(self, tok: Token, content: set[int]) -> set[int]:
        """Verbs the parser joined to the cue that go on with an infinitive or gerund content.

        In "she wants to raise taxes, cut spending and ..." or "he mentioned raising taxes and cutting
        spending", the parser often hangs "cut" / "cutting" on the cue itself (or on a verb above it); a
        conjunct without a subject of its own, in the content's verb form and not the cue's, continues the
        content.
        """
        doc = self.doc
        first = doc[min(content)]
        lead = next((t for t in doc[first.i : max(content) + 1] if t.pos_ == "VERB" or t.tag_ == "VBG"), None)
        if lead is None or lead.tag_ not in {"VB", "VBG"} or lead.tag_ == tok.tag_:
            return set()
        added: set[int] = set()
        last = max(content)
        # on the cue, or on a word above it in another verb form ("pleased farmers hoping to keep the
        # subsidy and win the vote": "win" hangs on "pleased")
        heads = [tok, *tok.ancestors]
        joined = sorted((c for h in heads for c in h.children if h.i == tok.i or c.tag_ != h.tag_), key=lambda c: c.i)
        for c in joined:
            if c.dep_ != "conj" or c.i <= last or not self._same_form(c, lead):
                continue
            if any(g.dep_ in SUBJ_DEPS or g.dep_ in {"aux", "auxpass", "neg"} for g in c.subtree if g.head.i == c.i):
                break
            if any(g.dep_ in SUBJ_DEPS and g.head.dep_ == "conj" for g in c.subtree):
                break
            between = range(last + 1, c.left_edge.i)
            if any(not (doc[i].is_punct or doc[i].dep_ == "cc") for i in between):
                break
            added |= set(between) | subtree_ids(c)
            last = max(added)
        return added

    def _infinitive_list(self, tok: Token, content: set[int]) -> set[int]:
        """Verbs the parser hung on the cue (or above it) that go on with a list of infinitives ending the
        content: in "said funding is needed to train nurses, equip clinics and buy vaccines", "equip"
        comes out as a clause of "said"; a bare verb right after the comma, with no subject, auxiliary or
        marker of its own, continues the open infinitive."""
        doc = self.doc
        last = max(i for i in content if not doc[i].is_punct)
        tags = self.tag_ids
        open_inf = any(
            tags[i] == VB_ID
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in doc[i].children)
            and max(subtree_ids(doc[i])) >= last
            for i in content
        )
        if not open_inf or last + 2 >= len(doc) or doc[last + 1].text != ",":
            return set()
        for c in (c for h in [tok, *tok.ancestors] for c in h.children):
            if c.left_edge.i != last + 2 or c.dep_ not in {"conj", "advcl"} or c.tag_ not in {"VB", "VBP"}:
                continue
            if any(g.dep_ in SUBJ_DEPS or g.dep_ in {"aux", "auxpass", "mark", "neg"} for g in c.children):
                return set()
            return {last + 1} | self.before_own_conjunct(c)
        return set()

    def before_own_conjunct(self, verb: Token) -> set[int]:
        """The verb's subtree up to a conjunct with a subject of its own: in "pledged to reform the courts,
        fix the system and he promised a new start", the infinitives go on to "system"."""
        doc = self.doc
        own = (
            g.left_edge.i
            for g in verb.children
            if g.dep_ == "conj" and any(s.dep_ in SUBJ_DEPS and s.tag_ not in {"WP", "WDT"} for s in g.children)
        )
        stop = min(own, default=None)
        ids = {i for i in subtree_ids(verb) if stop is None or i < stop}
        while stop is not None and len(ids) > 1 and (doc[max(ids)].is_punct or doc[max(ids)].dep_ == "cc"):
            ids.discard(max(ids))
        return ids

    def before_cue_conjunct(self, tok: Token, content: set[int], how: str = "") -> set[int]:
        """The content up to a verb the parser hung inside it that goes on with the cue instead: a conjunct
        without a subject, in the cue's own finite form (or its gerund), unlike the word it hangs on
        ("urged the party to unite and tried to ...", "suggested the writer be fired and defended ...",
        "believe relief is possible and have been calling ...", "touting her record and pounding him").
        After a clause content (``how``), only a conjunct that reports an act of speech: one that is no cue
        or a cue of a state of mind shares the clause's subject ("said the talks came late and focused on
        the book")."""
        if tok.tag_ not in {"VBD", "VBZ", "VBP", "VBG"}:
            return content
        doc = self.doc
        for i in sorted(content):
            c = doc[i]
            if c.dep_ != "conj" or c.tag_ != tok.tag_ or c.head.i not in content:
                continue
            if c.head.tag_ in FINITE | {"MD", c.tag_}:
                continue  # after a finite verb a change of tense is the content's own ("was first and has ...")
            if any(g.dep_ in SUBJ_DEPS | {"expl"} for g in c.children):
                continue
            if any(g.dep_ in {"aux", "auxpass"} and g.lemma_ == "have" for g in c.head.children):
                continue  # "had cut jobs and raised prices": the auxiliary goes on
            if how == "clause" and self.lex.no_act(c):
                continue
            cut = c.left_edge.i
            while cut - 1 in content and (doc[cut - 1].dep_ == "cc" or doc[cut - 1].is_punct):
                cut -= 1
            kept = {j for j in content if j < cut}
            return kept if kept else content
        return content

    @staticmethod
    def _same_form(conj: Token, lead: Token) -> bool:
        """Whether a conjunct is in the content's verb form; the tagger often reads a bare infinitive after
        "and" as present tense ("declined to blame the port or even call it careless"), which counts
        unless the word it hangs on is present tense too."""
        if conj.tag_ == lead.tag_:
            return True
        return lead.tag_ == "VB" and conj.tag_ == "VBP" and conj.head.tag_ != "VBP"

    def _pro_form(self, tok: Token) -> set[int]:
        """ "half said so", "26 percent said the same", "said as much": a word standing for what was said, right
        after the cue (the parser may take "the same" for a subject)."""
        doc = self.doc
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if tok.i + 2 < len(doc) and doc[tok.i + 2].head.i == tok.i and as_much(doc[tok.i + 2]):
            return {tok.i + 1, tok.i + 2}  # "Mook said as much"
        if nxt is None or nxt.head.i != tok.i:
            if nxt is not None and nxt.lower_ == "the" and tok.i + 2 < len(doc):
                same = doc[tok.i + 2]
                if same.lower_ == "same" and same.head.i == tok.i:
                    return {nxt.i, same.i}
            return set()
        return {nxt.i} if nxt.lower_ == "so" and nxt.dep_ == "advmod" else set()

    def _clause_in_phrase(self, tok: Token) -> set[int]:
        """ "said in one of several letters that the ferry was ...", "admitted for the first time that ...": a
        that-clause with its own subject that the parser hung on the noun of the cue's phrase, as if it were
        a relative clause."""
        for prep in tok.rights:
            if prep.dep_ != "prep":
                continue
            for t in prep.subtree:
                if t.dep_ not in {"relcl", "acl"} or t.i <= tok.i:
                    continue
                kids = list(t.children)
                own_object = any(
                    c.dep_ in {"dobj", "attr", "acomp", "ccomp", "xcomp"} and c.lower_ != "that" for c in kids
                )
                # "that" as the clause's marker (the parser may call it an adverb, or an object when the
                # clause has an object of its own: "... debate that Liberals will win every seat")
                marker = any(
                    c.lower_ == "that" and (c.dep_ in {"mark", "advmod"} or (c.dep_ == "dobj" and own_object))
                    for c in kids
                )
                if marker and any(c.dep_ in SUBJ_DEPS and c.lower_ not in REL_PRONOUNS for c in kids):
                    return subtree_ids(t)
        return set()

    def _closing_report(self, tok: Token) -> tuple[set[int], Token] | None:
        """ "S, she said." or "S, said X." read from the surface when the parser hung the cue inside S (and
        took a word of S for its subject): a comma, a subject right before the cue (or right after it), and
        nothing after them but phrases without a verb ("on Saturday", "in an interview"). The content is the
        sentence up to the comma, the speaker that subject."""
        subj = next(
            (c for c in tok.children if c.dep_ == "nsubj" and c.i < tok.i and c.right_edge.i == tok.i - 1), None
        )
        inverted = subj is None and tok.i > 0 and self.doc[tok.i - 1].text == ","
        if inverted:  # "..., said Anna Brekke, founder of the league."
            subj = next((c for c in tok.children if c.dep_ == "nsubj" and c.left_edge.i == tok.i + 1), None)
        if subj is None or subj.lower_ in REL_PRONOUNS or tok.tag_ not in FINITE:
            return None
        if not inverted and tok.i - subj.left_edge.i > 6:
            return None
        sent = self.sents[self.sent_of[tok.i]]
        start, end = self._aside(tok, sent)
        comma = tok.i - 1 if inverted else subj.left_edge.i - 1
        if comma <= start + 1 or self.doc[comma].text != ",":
            return None
        rest = subj.right_edge.i + 1 if inverted else tok.i + 1
        after = [t for t in self.doc[rest:end] if not (t.is_punct or t.is_space)]
        if any(t.pos_ in {"VERB", "AUX"} for t in after) or len(after) > 6:
            return None
        if any(t.i in self._quote_tokens and self.in_region(t) for t in self.doc[rest:end]):
            return None  # 'Asked why, Moreau said, “Perhaps.”': the cue opens a quotation
        if any(c.dep_ in OWN_CONTENT_DEPS or c.lower_ in {"so", "enough", "otherwise"} for c in tok.rights):
            return None  # "..., Mexico said enough.": what follows the cue is what was said
        last = next((t for t in reversed(sent) if not t.is_space), None)
        if end == sent.end and (last is None or last.text not in {".", "!", "?"}):
            return None  # "In an interview last spring, she said:" introduces what follows
        para = self.para_of[tok.i]
        content = {i for i in range(start, comma) if self.para_of[i] == para and not self.doc[i].is_space}
        # the parser may have made the content's subject the cue's when the cue's own subject follows it
        misread = inverted and any(c.dep_ in SUBJ_DEPS and c.i in content for c in tok.lefts)
        if not (self.holds_clause(content) or misread or self._fragment_said(tok, content, after)):
            return None  # a fronted phrase ("In a 1971 lecture, she argued ...") is not what was said
        return content, subj

    def _fragment_said(self, tok: Token, content: set[int], after: list[Token]) -> bool:
        """ "A total disaster, she said." / "Absolutely, he said.": a reply without a verb before a closing
        "said" that ends the sentence, not a fronted phrase of time, place or manner ("In 1971, she said")."""
        words = [self.doc[i] for i in sorted(content) if not self.doc[i].is_punct]
        return (
            self.lex.lemma(tok) == "say"
            and not after
            and bool(words)
            and words[0].pos_ not in {"ADP", "SCONJ", "CCONJ"}
            and not any(t.pos_ in {"VERB", "AUX"} for t in words)
        )

    def _interrupted_clause(self, tok: Token) -> set[int]:
        """For a parenthetical cue ("X, he said, Y" or "Y, he said."), the clause around it."""
        subj = next((c for c in tok.children if c.dep_ in SUBJ_DEPS), None)
        if subj is None:
            return set()  # a parenthetical cue names its speaker: "..., he said"
        nxt = next((t for t in self.doc[tok.i + 1 : tok.i + 3] if t.text not in {",", ":"}), None)
        opens_quote = nxt is not None and nxt.i in self._quote_tokens and self.in_region(nxt)
        # a clause or phrase the parser hung on the cue before its subject belongs to the content:
        # "If the talks stall, Ms. Lund argues, the port can still close"
        lead: set[int] = set()
        for c in tok.children:
            if c.i < subj.i and c.dep_ == "advcl":
                lead |= subtree_ids(c)
        before_cue = inverted_pair(tok)
        if before_cue is not None:  # "The plan, said Mr Milburn, was ...": the clause's subject hung on the cue
            lead |= subtree_ids(before_cue)
        if not opens_quote:  # (a quotation opened after the cue decides: see _without_opening_lead)
            lead |= self._fronted_phrase_on_aside(tok, subj)
        own = subtree_ids(tok) - lead
        words = [i for i in own if not (self.doc[i].is_punct or self.doc[i].is_space)]
        lo = min(words) if words else tok.i
        head = tok.head
        if tok.dep_ == "parataxis" or (tok.dep_ in {"ccomp", "advcl", "conj"} and tok.i > head.i):
            before = self.doc[lo - 1] if lo > 0 else None
            if before is not None and (before.is_punct or before.i in self._quote_tokens):
                return self._without_opening_lead(subtree_ids(head) - own, lo, opens_quote) | lead
            return set()
        if tok.dep_ == "relcl":
            return self._contact_relative(tok, subj)
        aside = self._aside_before_clause(tok, subj)
        if aside:
            return subtree_ids(head) - aside
        if tok.dep_ == "ROOT":
            sent = self.sents[self.sent_of[tok.i]]
            start, _ = self._aside(tok, sent)
            if lo > start:
                before = self.doc[lo - 1]
                lead_ids = set(range(start, lo))
                if before.is_punct and not (opens_quote and not self._subject_phrase(lead_ids)):
                    return lead_ids
        return set()

    def _fronted_phrase_on_aside(self, tok: Token, subj: Token) -> set[int]:
        """A phrase that opens the sentence and that the parser hung on a parenthetical cue, set off from the
        cue's subject by a comma ("In a close race, party officials argued, turnout would decide it"): the
        reported clause's, not the cue's. Only for a cue hung on the verb after it (``parataxis``)."""
        if tok.dep_ != "parataxis" or tok.head.i < tok.i:
            return set()
        doc = self.doc
        comma = subj.left_edge.i - 1
        if comma < 1 or doc[comma].text != ",":
            return set()
        out: set[int] = set()
        for c in tok.lefts:
            if c.dep_ in {"prep", "advmod", "npadvmod"} and c.right_edge.i < comma:
                out |= subtree_ids(c)
        return out if out and min(out) == self.sents[self.sent_of[tok.i]].start else set()

    def _without_opening_lead(self, content: set[int], lo: int, opens_quote: bool) -> set[int]:
        """The clause around a cue that opens a quotation ('Asked why, he said, "It is wrong."', with the
        parser hanging "Asked why" and the cue on the quotation's verb), less the words before the cue when
        they are not a noun phrase the quotation goes on with ('The levy, he said, "would hurt"') nor quoted
        words themselves ('"What hurt," she said, "was the delay."')."""
        if not opens_quote:
            return content
        lead = {i for i in content if i < lo}
        closing = any(i in self._quote_tokens for i in (lo - 1, lo - 2))
        if not lead or closing or self._subject_phrase(lead):
            return content
        return content - lead

    def _contact_relative(self, tok: Token, subj: Token) -> set[int]:
        """ "a decision they say allowed crime to grow", "the grit he argues is needed to ...": a cue the parser
        read as a relative clause of the noun before it, with its subject right before it and a finite verb
        right after it, reports the noun's phrase with that verb's (the cue and its subject left out)."""
        doc, noun = self.doc, tok.head
        if subj.i > tok.i or subj.right_edge.i != tok.i - 1 or subj.left_edge.i != noun.i + 1:
            return set()
        if subj.lower_ in REL_PRONOUNS or any(c.i > tok.i for c in tok.children) or tok.i + 1 >= len(doc):
            return set()
        nxt = doc[tok.i + 1]  # (a past tense the tagger read as a participle: "a deal they say allowed ...")
        if nxt.tag_ not in FINITE | {"MD"} and not (
            nxt.tag_ == "VBN" and noun.head.i == nxt.i and noun.dep_ == "nsubj"
        ):
            return set()
        verb = nxt if nxt.pos_ == "VERB" else nxt.head
        if verb.i <= tok.i:
            return set()
        span = set(range(noun.left_edge.i, max(verb.right_edge.i, tok.i) + 1))
        return span - set(range(subj.left_edge.i, tok.i + 1))

    def _aside_before_clause(self, tok: Token, subj: Token) -> set[int]:
        """The aside, when a cue the parser hung as a clause on the verb after it is one set off by commas
        right before that verb's own subject: "Every Monday, the mayor told the paper, Smith would meet ..." (the
        cue an adverbial or complement of "meet"; the phrases before its subject are the content's). The
        aside holds no clause or mark of its own ("When he said it, they left"). Empty if not."""
        doc, head = self.doc, tok.head
        if tok.dep_ not in {"ccomp", "advcl"} or tok.i > head.i or subj.i > tok.i:
            return set()
        if any(c.dep_ in {"mark", "ccomp", "xcomp", "advcl"} for c in tok.children):
            return set()
        aside = {i for i in subtree_ids(tok) if i >= subj.left_edge.i}
        lo, hi = min(aside), max(aside)
        if lo < 1 or doc[lo - 1].text != "," or hi + 1 >= len(doc) or doc[hi + 1].text != ",":
            return set()
        if not any(c.dep_ in SUBJ_DEPS and c.left_edge.i == hi + 2 and c.i < head.i for c in head.children):
            return set()  # (not "X pointed out, since 1990, the two sides have ...": the cue's clause after it)
        return aside

    def _aside(self, tok: Token, sent: Span) -> tuple[int, int]:
        """The stretch a closing or parenthetical cue reports from: its sentence, or, for a cue inside
        parentheses or between dashes ('... anger ("I want a refund," wrote a reader) ...'), the
        words between them."""
        doc = self.doc

        def dash(k: int) -> bool:  # a dash, not a hyphen inside a word ("six-year")
            return doc[k].text in DASHES and (doc[k].text != "-" or bool(k and doc[k - 1].whitespace_))

        for i in range(tok.i - 1, sent.start - 1, -1):
            t = doc[i].text
            if t == ")":
                break
            if t == "(" or dash(i):
                end = next((x.i for x in doc[tok.i + 1 : sent.end] if (x.text == ")" if t == "(" else dash(x.i))), None)
                if end is not None:
                    return i + 1, end
                break
        return sent.start, sent.end

    def _subject_phrase(self, ids: set[int]) -> bool:
        """Whether the words before a cue are a noun phrase (the subject of a quotation split around the
        cue: 'That, he said, "would help."'), not a fronted phrase or clause ('After all, he says, "..."',
        'Asked why, she said, "..."')."""
        heads = [self.doc[i] for i in ids if self.doc[i].head.i not in ids and not self.doc[i].is_punct]
        return bool(heads) and all(t.pos_ in {"NOUN", "PROPN", "PRON", "NUM"} for t in heads)
