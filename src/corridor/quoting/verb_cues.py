"""Pass 2 of the quote finder, verbs: a reporting verb's content from the parse (its complement clause,
infinitive, object, "as" phrase or preposition by cue class; a passive judgement; the clause a
parenthetical or closing cue interrupts), with the repairs for common misparses."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from corridor.quoting.base import (
    CONTENT_CLAUSE_DEPS,
    REL_PRONOUNS,
    SUBJ_DEPS,
    WH_OBJECTS,
    Candidate,
    FinderBase,
    as_phrase,
    np_range,
    speaker_range,
    subtree_ids,
    trim,
)

FINITE = {"VBD", "VBZ", "VBP"}
CLAUSE_CLASSES = {"speech", "write", "ask", "cognition", "evidence", "intention"}  # cues that take a clause
OWN_CONTENT_DEPS = {"dobj", "ccomp", "xcomp", "attr", "oprd", "acomp", "dative"}


@dataclass
class _Reading:
    """What one verb cue's steps have found so far: the content's token ids and where it came from
    (``how``), the cue's objects and addressee, words that join the cue, a closing report's subject."""

    content: set[int] = field(default_factory=set)
    how: str = ""
    objects: list[Token] = field(default_factory=list)
    addressee: tuple[int, int] | None = None
    cue_extra: list[int] = field(default_factory=list)
    closing_subject: Token | None = None

    def take(self, ids: set[int], how: str) -> None:
        """Add ``ids`` to the content; the first source found names it."""
        self.content |= ids
        self.how = self.how or how


class VerbCues(FinderBase):
    """Verb cues and their contents (see the module doc)."""

    def _verb_cue(self, tok: Token, classes: set[str]) -> Candidate | None:
        """A verb cue's candidate: the content the parse gives it by cue class, the surface repairs for a
        closing or parenthetical cue, then the checks that keep the candidate (see :meth:`_finish`)."""
        if classes & {"evaluation", "regard"} and tok.tag_ == "VBN":
            passive = self._passive_cue(tok)
            if passive is not None:
                return passive
        r = _Reading()
        self._clause_and_infinitive(tok, classes, r)
        self._objects(tok, r)
        self._question_and_raising(tok, classes, r)
        self._object_content(tok, classes, r)
        self._prep_content(tok, classes, r)
        self._joined_and_implied(tok, classes, r)
        self._surface_report(tok, classes, r)
        return self._finish(tok, classes, r)

    def _clause_and_infinitive(self, tok: Token, classes: set[str], r: _Reading) -> None:
        """The cue's complement clause ("said (that) ...") and its infinitive ("vowed to ...")."""
        if classes & CLAUSE_CLASSES:
            for c in tok.children:
                clause = c.dep_ in CONTENT_CLAUSE_DEPS or (c.dep_ == "parataxis" and c.i > tok.i)
                if clause and not self._own_report(c, tok):
                    r.take(subtree_ids(c), "clause")
        if classes & {"intention", "ask", "speech", "evaluation", "cognition"}:
            for c in tok.children:
                if c.dep_ == "xcomp" and c.i > tok.i and not self._after_phrase(tok, c):
                    r.take(subtree_ids(c), "xcomp")

    def _objects(self, tok: Token, r: _Reading) -> None:
        """The cue's objects, less the person spoken to (the addressee) after an addressee verb."""
        lex = self.lex
        objects = [
            c
            for c in tok.children
            if (c.i > tok.i and (c.dep_ in {"dobj", "dative"} or (c.dep_ == "intj" and c.lower_ in {"yes", "no"})))
            or (c.dep_ == "dobj" and c.lower_ in WH_OBJECTS)  # "what officials called a crime"
        ]
        for c in list(objects):
            nxt = self.doc[c.i + 1] if c.i + 1 < len(self.doc) else None
            if c.lower_ == "her" and nxt is not None and nxt.head.i == tok.i and nxt.pos_ == "NOUN":
                objects.append(nxt)  # "tweeted her thanks": the parser split the possessive from its noun
        lemma = lex.lemma(tok)
        if lemma in lex.addressee_verbs:
            for c in objects:
                if c.pos_ in {"PROPN", "PRON", "NOUN"} and not (r.content and c.i in r.content):
                    r.addressee = np_range(c)
                    break
            addressee = r.addressee
            objects = [o for o in objects if addressee is None or not (addressee[0] <= o.i < addressee[1])]
            if addressee is not None and r.how == "xcomp" and lemma in lex.object_control:
                r.content |= set(range(*addressee))  # "urged the party to act": the request is "the party to act"
        r.objects = objects

    def _question_and_raising(self, tok: Token, classes: set[str], r: _Reading) -> None:
        """An "if"/"whether" question after an ask verb; a raising verb's subject and predicate."""
        children = list(tok.children)
        if classes & {"ask"} and not r.content:
            for c in children:
                if c.dep_ == "advcl" and c.i > tok.i and any(m.lower_ in {"if", "whether"} for m in c.children):
                    r.take(subtree_ids(c), "clause")
        if classes & {"raising"}:
            # "the plan seems to work", "he appeared rattled": the subject and what is said of it
            subj_tok = next((c for c in children if c.dep_ in SUBJ_DEPS and c.i < tok.i), None)
            pred = [c for c in children if c.i > tok.i and c.dep_ in {"xcomp", "acomp", "attr", "oprd", "ccomp"}]
            pred += [c for c in children if c.i > tok.i and c.dep_ == "prep" and c.lower_ == "like"]
            if subj_tok is not None and pred and subj_tok.lower_ not in {"it", "there"}:
                for c in [subj_tok, *pred]:
                    r.content |= subtree_ids(c)
                r.how = "raising"
            elif subj_tok is not None and subj_tok.lower_ == "it" and any(c.dep_ == "ccomp" for c in pred):
                # "it appears that the caucus was excited": the clause, with no one holding it
                r.content = set().union(*(subtree_ids(c) for c in pred if c.dep_ == "ccomp"))
                r.how = "impersonal"

    def _object_content(self, tok: Token, classes: set[str], r: _Reading) -> None:
        """The object as content: with its "as" phrase or predicate after a regard verb, with what follows it
        after an evaluation, evidence or write verb (and after speech or intention with nothing else)."""
        children = list(tok.children)
        objects = r.objects
        if objects and classes & {"regard"} and not r.content:
            # "voters see him as a fighter": the object with its "as" phrase or predicate
            heads = [tok, *objects]
            pred = [c for h in heads for c in h.children if c.i > tok.i and c.dep_ in {"oprd", "prep"}]
            pred = [c for c in pred if c.dep_ == "oprd" or c.lower_ == "as"]
            pred += [c for c in children if c.i > objects[-1].i and as_phrase(c)]
            if pred:
                for c in objects + pred:
                    r.content |= subtree_ids(c)
                r.how = "object"
        if not objects and not r.content and classes & {"evaluation"}:
            # "called both men “crazy”": the parser may read the object as part of the complement; the
            # content runs from the cue to the end of the last complement
            oprd = [c for c in children if c.i > tok.i and c.dep_ == "oprd"]
            if oprd:
                r.content = set(range(tok.i + 1, oprd[-1].right_edge.i + 1))
                r.how = "object"
        if objects and (
            classes & {"evaluation", "evidence", "write"} or (classes & {"speech", "intention"} and not r.content)
        ):
            for c in objects:
                r.take(subtree_ids(c), "object")
            for c in children:
                if c.i > objects[-1].i and as_phrase(c):
                    r.content |= subtree_ids(c)
            for c in children:
                if c.i > tok.i and c.dep_ in {"oprd", "acomp", "attr", "ccomp", "xcomp"}:
                    r.content |= subtree_ids(c)

    def _prep_content(self, tok: Token, classes: set[str], r: _Reading) -> None:
        """A prepositional phrase as (part of) the content: "accused X of ...", "talked about ..."."""
        children = list(tok.children)
        if r.content or r.objects or classes & {"evaluation"}:
            for c in children:
                if (
                    c.dep_ == "prep"
                    and c.i > tok.i
                    and c.lower_ in self.lex.content_preps
                    and (classes & {"evaluation", "ask"} or (not r.content and c.lower_ in {"about", "of", "on"}))
                ):
                    r.take(subtree_ids(c), "prep")
        if not r.content and not r.objects and classes & {"speech", "write", "ask", "cognition"}:
            for c in children:
                if c.dep_ == "prep" and c.i > tok.i and c.lower_ in {"about", "of", "on", "against", "with"}:
                    if self.doc[tok.i + 1].text == "," and not self.in_region(c):
                        break  # "he said, on condition of anonymity": a phrase set off from the cue
                    pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                    if pobj is not None and pobj.ent_type_ not in {"DATE", "TIME"}:
                        r.take(subtree_ids(c), "prep")

    def _joined_and_implied(self, tok: Token, classes: set[str], r: _Reading) -> None:
        """A second clause joined to the content, a that-clause hung on the cue's phrase, a pro-form
        ("said so"), and conjuncts the parser hung on the cue."""
        clause_like = classes & CLAUSE_CLASSES
        if r.content and clause_like and r.how == "clause" and min(r.content) > tok.i:
            # "X said that A, but B": a clause joined to the cue with a subject of its own (not after an
            # infinitive: in "X urged Y to A, and Z did B", B is the narrator's; not after a content that
            # comes first: in "“A,” she said, and soon B", B is the narrator's)
            last = max(r.content)
            for c in tok.children:
                own_subject = any(
                    g.dep_ in SUBJ_DEPS or g.dep_ == "expl" or (g.dep_ == "mark" and g.lower_ == "that")
                    for g in c.children
                )
                if c.dep_ == "conj" and c.i > last and not self.lex.cue_classes(c) and own_subject:
                    r.content |= subtree_ids(c)
        if not r.content and not r.objects and clause_like:
            r.content = self._clause_in_phrase(tok)
            r.how = "clause" if r.content else r.how
        if not r.content and not r.objects and classes & {"speech", "cognition"}:
            r.content = self._pro_form(tok)
            r.how = "object" if r.content else r.how
        if r.content and r.how in {"xcomp", "object"}:
            r.content |= self._misattached_conjuncts(tok, r.content)

    def _surface_report(self, tok: Token, classes: set[str], r: _Reading) -> None:
        """For a speech cue with nothing after it, or with its clause before it: the closing report
        ("S, she said.") or the clause a parenthetical cue interrupts, read from the surface."""
        fronted = bool(r.content) and r.how == "clause" and max(r.content) < tok.i  # "S, she said."
        if (not r.content or fronted) and classes & {"speech", "write"}:
            closing = self._closing_report(tok)
            if closing is not None:
                r.content, r.closing_subject = closing
            elif not r.content:
                r.content = self._interrupted_clause(tok)
            r.how = "interrupted" if r.content and not fronted else r.how

    def _finish(self, tok: Token, classes: set[str], r: _Reading) -> Candidate | None:
        """The candidate from a reading: the content kept to the cue's paragraph and trimmed, a prepositional
        content's preposition given to the cue, the speaker found; None for a cue that reports nothing (no
        words and no speaker, a speaker inside the content, a blocked cue and content source)."""
        content = r.content
        content.discard(tok.i)
        how = r.how
        if how == "prep" and content:
            # "talked about the deal", "voted for the bill": the preposition goes with the cue
            first = self.doc[min(content)]
            if first.dep_ == "prep" and first.head.i == tok.i and len(content) > 1:
                content.discard(first.i)
                r.cue_extra.append(first.i)
        para = self.para_of[tok.i]
        content = {i for i in content if self.para_of[i] == para}
        if how in {"clause", "xcomp", "object"}:
            content = self._drop_trailing(content)
        content = trim(self.doc, content)
        subj = r.closing_subject or self.subject(tok)
        if (subj is not None and self.para_of[subj.i] != para) or how == "impersonal":
            subj = None
        if subj is not None and subj.i in content and how != "raising":
            return None
        speaker = speaker_range(subj) if subj is not None else None
        if not any(self.doc[i].is_alpha for i in content):
            if not (classes & {"speech", "write"}) or subj is None:
                return None
            content = set()
        if subj is None and not content:
            return None
        if subj is None and tok.dep_ in {"amod", "compound", "acl", "nmod"}:
            return None
        if (self.lex.lemma(tok), how) in self.lex.blocked:
            if how != "prep" or not (classes & {"speech", "write"}) or subj is None:
                return None
            content = set()  # '"No," he said of the plan': a cue without content, for a quotation beside it
        cue = [tok.i, *r.cue_extra]
        prt = next((c for c in tok.children if c.dep_ == "prt"), None)
        if prt is not None:
            cue.append(prt.i)
        return Candidate(
            cue=sorted(cue),
            head=tok.i,
            content=content,
            speaker=speaker,
            speaker_head=subj.i if subj is not None else None,
            addressee=r.addressee,
            confidence=0.8,
            quote_only="quote_only" in classes,
            how=how or "none",
        )

    def _after_phrase(self, tok: Token, xcomp: Token) -> bool:
        """Whether an infinitive the parser hung on the cue follows a phrase of the cue that it belongs to:
        "he said, on condition of anonymity to speak freely"."""
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

    def _passive_cue(self, tok: Token) -> Candidate | None:
        """A passive judgement: "the state is seen as critical", "a state seen as critical", "she was
        called a liar by X": the patient and its complement are the content, the "by" agent the source."""
        doc = self.doc
        patient = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
        if any(c.dep_ == "dobj" for c in tok.children):
            return None
        if patient is not None and any(c.dep_ == "auxpass" for c in tok.children):
            lo, hi = np_range(patient)
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
            content |= subtree_ids(c)
        para = self.para_of[tok.i]
        content = trim(doc, {i for i in content if self.para_of[i] == para})
        agent = next((c for c in tok.children if c.dep_ == "agent"), None)
        if agent is None:  # "called a liar by the governor", the by-phrase parsed into the complement
            agent = next((doc[i] for i in sorted(content) if doc[i].lower_ == "by" and doc[i].dep_ == "prep"), None)
            if agent is not None:
                content -= subtree_ids(agent)
        by = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        return Candidate(
            cue=[tok.i],
            head=tok.i,
            content=content,
            speaker=speaker_range(by) if by is not None else None,
            speaker_head=by.i if by is not None else None,
            confidence=0.6,
            how="passive",
        )

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
            added |= set(between) | subtree_ids(c)
            last = max(added)
        return added

    def _pro_form(self, tok: Token) -> set[int]:
        """ "half said so", "26 percent said the same": a word standing for what was said, right after the cue
        (the parser may take "the same" for a subject)."""
        doc = self.doc
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if nxt is None or nxt.head.i != tok.i:
            if nxt is not None and nxt.lower_ == "the" and tok.i + 2 < len(doc):
                same = doc[tok.i + 2]
                if same.lower_ == "same" and same.head.i == tok.i:
                    return {nxt.i, same.i}
            return set()
        return {nxt.i} if nxt.lower_ == "so" and nxt.dep_ == "advmod" else set()

    def _clause_in_phrase(self, tok: Token) -> set[int]:
        """ "said in a series of messages that the truck was ...": a that-clause with its own subject that the
        parser hung on the noun of the cue's phrase, as if it were a relative clause."""
        for prep in tok.rights:
            if prep.dep_ != "prep":
                continue
            for t in prep.subtree:
                if t.dep_ not in {"relcl", "acl"} or t.i <= tok.i:
                    continue
                kids = list(t.children)
                if any(c.dep_ == "mark" and c.lower_ == "that" for c in kids) and any(
                    c.dep_ in SUBJ_DEPS and c.lower_ not in REL_PRONOUNS for c in kids
                ):
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
        if inverted:  # "..., said Geert Wilders, founder of the party."
            subj = next((c for c in tok.children if c.dep_ == "nsubj" and c.left_edge.i == tok.i + 1), None)
        if subj is None or subj.lower_ in REL_PRONOUNS or tok.tag_ not in FINITE:
            return None
        if not inverted and tok.i - subj.left_edge.i > 6:
            return None
        sent = self.sents[self.sent_of[tok.i]]
        comma = tok.i - 1 if inverted else subj.left_edge.i - 1
        if comma <= sent.start + 1 or self.doc[comma].text != ",":
            return None
        rest = subj.right_edge.i + 1 if inverted else tok.i + 1
        after = [t for t in self.doc[rest : sent.end] if not (t.is_punct or t.is_space)]
        if any(t.pos_ in {"VERB", "AUX"} for t in after) or len(after) > 6:
            return None
        if any(c.dep_ in OWN_CONTENT_DEPS or c.lower_ in {"so", "enough", "otherwise"} for c in tok.rights):
            return None  # "..., Mexico said enough.": what follows the cue is what was said
        last = next((t for t in reversed(sent) if not t.is_space), None)
        if last is None or last.text not in {".", "!", "?"}:
            return None  # "In a speech last July, he said:" introduces what follows
        para = self.para_of[tok.i]
        content = {i for i in range(sent.start, comma) if self.para_of[i] == para and not self.doc[i].is_space}
        subjects = [c for i in content for c in self.doc[i].children if c.dep_ in SUBJ_DEPS and c.i in content]
        if inverted:  # the parser may have made the content's subject the cue's
            subjects += [c for c in tok.lefts if c.dep_ in SUBJ_DEPS and c.i in content]
        if not subjects:
            return None  # a fronted phrase ("In a 1963 speech, he declared ...") is not what was said
        return content, subj

    def _interrupted_clause(self, tok: Token) -> set[int]:
        """For a parenthetical cue ("X, he said, Y" or "Y, he said."), the clause around it."""
        subj = next((c for c in tok.children if c.dep_ in SUBJ_DEPS), None)
        if subj is None:
            return set()  # a parenthetical cue names its speaker: "..., he said"
        nxt = next((t for t in self.doc[tok.i + 1 : tok.i + 3] if t.text not in {",", ":"}), None)
        opens_quote = nxt is not None and nxt.i in self._quote_tokens and self.in_region(nxt)
        # a clause or phrase the parser hung on the cue before its subject belongs to the content:
        # "If the plan fails, Mr. Roe argues, there are other tools"
        lead: set[int] = set()
        for c in tok.children:
            if c.i < subj.i and c.dep_ == "advcl":
                lead |= subtree_ids(c)
        own = subtree_ids(tok) - lead
        words = [i for i in own if not (self.doc[i].is_punct or self.doc[i].is_space)]
        lo = min(words) if words else tok.i
        head = tok.head
        if tok.dep_ == "parataxis" or (tok.dep_ in {"ccomp", "advcl", "conj"} and tok.i > head.i):
            before = self.doc[lo - 1] if lo > 0 else None
            if before is not None and (before.is_punct or before.i in self._quote_tokens):
                return (subtree_ids(head) - own) | lead
            return set()
        if tok.dep_ == "ROOT":
            sent = self.sents[self.sent_of[tok.i]]
            if lo > sent.start:
                before = self.doc[lo - 1]
                lead_ids = set(range(sent.start, lo))
                if before.is_punct and not (opens_quote and not self._subject_phrase(lead_ids)):
                    return lead_ids
        return set()

    def _subject_phrase(self, ids: set[int]) -> bool:
        """Whether the words before a cue are a noun phrase (the subject of a quotation split around the
        cue: 'That, he said, "would help."'), not a fronted phrase or clause ('After all, he says, "..."',
        'Asked why, she said, "..."')."""
        heads = [self.doc[i] for i in ids if self.doc[i].head.i not in ids and not self.doc[i].is_punct]
        return bool(heads) and all(t.pos_ in {"NOUN", "PROPN", "PRON", "NUM"} for t in heads)
